"""The target-vs-actual chart draws on a machine without a CJK font, and says nothing about it."""
from __future__ import annotations

import warnings


def test_chart_without_a_cjk_font_draws_quietly(tmp_path, monkeypatch):
    from matplotlib import font_manager

    from orchestration.dbt.chart import render_chart_png
    from warehouse.queries import HEADLINE_INDICATORS

    only_latin = [f for f in font_manager.fontManager.ttflist if "DejaVu" in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", only_latin)
    name = next(iter(HEADLINE_INDICATORS.values()))
    rows = [dict(district="大渡口区", indicator=name, period_year=2021, measure=m, value=v)
            for m, v in (("target", 6.0), ("actual", 5.2))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = render_chart_png(rows, tmp_path / "chart.png")
    assert png is not None and png.stat().st_size > 1000
