"""Layout classes first met in genre batch y, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.process import process_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genre_y"


def _processed(name: str):
    path = FIXTURES / name
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def test_a_box_grid_ruled_under_every_row_joins_each_rows_wrapped_lines_and_keeps_its_full_width_group_rows():
    """`box_grid_wrapped_cells.txt`: a table drawn with box characters as a PDF's text copy prints it, a rule
    under every row, a cell too long for its column going on on the row's next text line (a name, a unit, a
    qualitative value, a header label), full-width group rows between `├──┴──┤` rules, a `其中：` sub-row without
    a 序号, no 属性 column and `√`/`×` verdicts. Each row is one indicator with its cells' pieces joined."""
    processed = _processed("box_grid_wrapped_cells.txt")
    got = sorted(((v.seq, v.category, v.parent_name, v.indicator_name, v.unit, v.measure, v.value_raw,
                  v.achieved_raw, v.attribute) for v in processed.extraction.indicators if v.source == "table"), key=repr)
    g1, g2 = "一、产业发展", "二、生态环境"
    assert got == sorted([
        ("1", g1, None, "农林牧渔业总产值增速", "%", "target", "4", None, None),
        ("1", g1, None, "农林牧渔业总产值增速", "%", "actual", "4.6", "是", None),
        ("2", g1, None, "社会固定资产投资增速", "%", "target", "9", None, None),
        ("2", g1, None, "社会固定资产投资增速", "%", "actual", "7.2", "否", None),
        (None, g1, "社会固定资产投资增速", "工业投资增速", "%", "target", "12", None, None),
        (None, g1, "社会固定资产投资增速", "工业投资增速", "%", "actual", "13.5", "是", None),
        ("3", g2, None, "细颗粒物年均浓度", "微克/立方米", "target", "≤30", None, None),
        ("3", g2, None, "细颗粒物年均浓度", "微克/立方米", "actual", "28.4", "是", None),
        ("4", g2, None, "主要污染物排放总量减少", "%", "target", "完成省定目标", None, None),
        ("4", g2, None, "主要污染物排放总量减少", "%", "actual", "完成省定目标", "是", None),
    ], key=repr)
    assert not processed.problems
