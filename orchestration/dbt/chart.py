"""The target-vs-actual chart on `marts/mart_target_vs_actual`: one PNG (matplotlib), one panel per
district × headline indicator, target and actual bars per year. The UI shows it inline (Markdown image);
the file beside the warehouse is linked as a path."""
from __future__ import annotations

import base64
import warnings
from pathlib import Path

from warehouse.queries import HEADLINE_INDICATORS


def chart_path(warehouse: Path) -> Path:
    return Path(warehouse).parent / "charts" / "target_vs_actual.png"


def inline_markdown(png: Path) -> str:
    """Markdown that shows the PNG in the Dagster UI (a data URI: the UI cannot read files on this machine)."""
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return f"![Target vs actual: headline indicators by district](data:image/png;base64,{data})"


def render_chart_png(rows: list[dict], path: Path) -> Path | None:
    """Draw the chart into `path` (None when there is nothing to draw)."""
    if not rows:
        return None
    with warnings.catch_warnings():
        # a machine without a CJK font draws district names as boxes: the chart is still useful, and the
        # per-glyph warnings would bury the build's output
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        return _draw(rows, path)


def _draw(rows: list[dict], path: Path) -> Path:
    import matplotlib  # a dependency; imported here because it costs ~0.5 s and most runs draw no chart

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    # district names are Chinese: use a CJK font when the machine has one
    cjk = [f.name for f in font_manager.fontManager.ttflist
           if any(s in f.name for s in ("WenQuanYi", "Noto Sans CJK", "Noto Serif CJK", "Source Han", "SimHei", "AR PL"))]
    if cjk:
        plt.rcParams["font.sans-serif"] = [cjk[0], "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    districts = sorted({r["district"] for r in rows})
    indicators = [name for name in HEADLINE_INDICATORS.values() if any(r["indicator"] == name for r in rows)]
    fig, axes = plt.subplots(len(districts), len(indicators), figsize=(2.6 * len(indicators), 1.9 * len(districts)),
                             squeeze=False, sharex=False)
    colors = {"target": "#9ecae1", "actual": "#08519c"}
    for i, district in enumerate(districts):
        for j, indicator in enumerate(indicators):
            ax = axes[i][j]
            cell = [r for r in rows if r["district"] == district and r["indicator"] == indicator]
            years = sorted({r["period_year"] for r in cell})
            for k, measure in enumerate(("target", "actual")):
                xs = [years.index(r["period_year"]) + (k - 0.5) * 0.38 for r in cell if r["measure"] == measure]
                ys = [r["value"] for r in cell if r["measure"] == measure]
                ax.bar(xs, ys, width=0.38, color=colors[measure], label=measure)
            ax.set_xticks(range(len(years)), [str(y) for y in years], fontsize=8)
            ax.set_xlim(-0.7, max(len(years), 2) - 0.3)
            ax.tick_params(axis="y", labelsize=7)
            ax.axhline(0, color="#888", linewidth=0.5)
            if i == 0:
                ax.set_title(indicator, fontsize=9)
            if j == 0:
                ax.set_ylabel(district, fontsize=10)
            if not cell:
                ax.text(0.5, 0.5, "no data", ha="center", va="center", fontsize=8, color="#888", transform=ax.transAxes)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend([h for h in handles[:2]], ["target", "actual"], loc="upper right", ncol=2, fontsize=9)
    fig.suptitle("Target vs actual: headline indicators by district (marts.mart_target_vs_actual)", fontsize=11, x=0.01, ha="left")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
