"""Layout classes first met in genre batch z, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.process import process_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _processed(path: Path):
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def _table_rows(processed):
    return sorted(((v.table_title.split("：")[0], v.seq, v.category, v.parent_name, v.indicator_name, v.unit,
                    v.period_year, v.measure, v.value_raw, v.attribute, v.achieved_raw)
                   for v in processed.extraction.indicators if v.source == "table"), key=repr)


def test_bare_pipe_rows_and_comma_separated_rows_in_a_web_copy_are_read_as_tables():
    """`tables/bare_pipe_and_csv_attachments.txt`: a portal's text copy with two attachment tables after the
    closing words. 附表1 has ` | ` between cells but no outer pipes and no `---` line, a `带*` note above its header,
    √/× verdicts, group rows on lines of their own and a `#` sub-row with no 序号 (one cell fewer); 附表2 is
    spreadsheet CSV (`序号,指标名称,…`) with `一、…,,,,` group rows and an empty 序号 field on its `其中：` row."""
    processed = _processed(FIXTURES / "tables" / "bare_pipe_and_csv_attachments.txt")
    e, b, g1, g2 = "预期性", "约束性", "一、产业发展", "二、绿色发展"
    assert _table_rows(processed) == sorted([
        ("附表1", "1", g1, None, "镇域生产总值增速", "%", 2031, "target", "6", e, None),
        ("附表1", "1", g1, None, "镇域生产总值增速", "%", 2031, "actual", "6.4", e, "是"),
        ("附表1", "2", g1, None, "农产品加工产值", "亿元", 2031, "target", "30", e, None),
        ("附表1", "2", g1, None, "农产品加工产值", "亿元", 2031, "actual", "28.5", e, "否"),
        ("附表1", None, g1, "农产品加工产值", "精深加工产值", "亿元", 2031, "target", "9", e, None),
        ("附表1", None, g1, "农产品加工产值", "精深加工产值", "亿元", 2031, "actual", "9.6", e, "是"),
        ("附表1", "3", g2, None, "林草覆盖率", "%", 2031, "target", "≥61", b, None),
        ("附表1", "3", g2, None, "林草覆盖率", "%", 2031, "actual", "61.8", b, "是"),
        ("附表2", "1", g1, None, "镇域生产总值增速", "%", 2032, "target", "6左右", e, None),
        ("附表2", "2", g1, None, "农产品加工产值", "亿元", 2032, "target", "32", e, None),
        ("附表2", None, g1, "农产品加工产值", "精深加工产值", "亿元", 2032, "target", "10以上", e, None),
        ("附表2", "3", g2, None, "林草覆盖率", "%", 2032, "target", "≥62", b, None),
    ], key=repr)


def test_prose_with_ascii_commas_or_a_single_pipe_stays_text():
    """A sentence typed with ASCII commas, or a line with one ` | ` (a breadcrumb), is no table."""
    text = "\n".join([
        "关于青川镇2031年国民经济和社会发展计划执行情况的报告",
        "首页 | 政务公开",
        "全镇生产总值增长6.4%,农产品加工产值28.5亿元,林草覆盖率61.8%,均好于预期。",
        "全镇生产总值增长6.4%,农产品加工产值28.5亿元,林草覆盖率61.8%",
        "农产品加工产值增长5%,林草覆盖率提高0.8个百分点,粮食产量稳定",
    ])
    processed = process_report("prose.txt", text.encode())
    assert processed.ok
    assert [v for v in processed.extraction.indicators if v.source == "table"] == []


def test_an_unruled_pdf_table_whose_cells_wrap_inside_their_cell_is_read_row_by_row():
    """`layouts/unruled_wrapped_cells.pdf` (written by `make_unruled_wrapped_cells.py`): an attachment table with no
    ruling lines whose header labels are centred over their columns while the names start flush left near the 序号
    column, and whose header cells (`2031年预` / `计完成`), long names and a qualitative value (`完成市下达` / `目标`)
    wrap onto a second printed line inside the cell. Each row keeps its 序号, its whole name, its unit, and the
    2031 预计完成 column stays the 2031 actual."""
    processed = _processed(FIXTURES / "layouts" / "unruled_wrapped_cells.pdf")
    got = sorted(((v.seq, v.indicator_name, v.unit, v.period_year, v.measure, v.value_raw, v.attribute)
                  for v in processed.extraction.indicators if v.source == "table"), key=repr)
    e, b = "预期性", "约束性"
    assert got == sorted([
        ("1", "地区生产总值增速", "%", 2031, "actual", "5.2", e),
        ("1", "地区生产总值增速", "%", 2032, "target", "6左右", e),
        ("2", "规模以上工业企业研究与试验发展经费投入强度", "%", 2031, "actual", "0.9", e),
        ("2", "规模以上工业企业研究与试验发展经费投入强度", "%", 2032, "target", "1.1", e),
        ("3", "茶叶产量", "万吨", 2031, "actual", "2.4", e),
        ("3", "茶叶产量", "万吨", 2032, "target", "2.6", e),
        ("4", "单位地区生产总值能耗降低", "%", 2031, "actual", "完成市下达目标", b),
        ("4", "单位地区生产总值能耗降低", "%", 2032, "target", "完成市下达目标", b),
        ("5", "集中式饮用水水源地水质达标率", "%", 2031, "actual", "100", b),
        ("5", "集中式饮用水水源地水质达标率", "%", 2032, "target", "100", b),
    ], key=repr)


def test_pipe_rows_typed_with_the_full_width_bar_are_a_table():
    """`tables/fullwidth_pipe_rows.txt`: a pipe table whose bars an editor turned full-width (`｜序号｜指标名称｜`),
    read as the pipe table it is; a sentence with one `｜` in it stays text."""
    processed = _processed(FIXTURES / "tables" / "fullwidth_pipe_rows.txt")
    assert _table_rows(processed) == sorted([
        ("表1岚江县2025年主要指标完成情况", "1", None, None, "地区生产总值增速", "%", 2025, "target", "6", None, None),
        ("表1岚江县2025年主要指标完成情况", "1", None, None, "地区生产总值增速", "%", 2025, "actual", "6.4", None, "是"),
        ("表1岚江县2025年主要指标完成情况", "2", None, None, "社会消费品零售总额", "亿元", 2025, "target", "42", None, None),
        ("表1岚江县2025年主要指标完成情况", "2", None, None, "社会消费品零售总额", "亿元", 2025, "actual", "41.5", None, "否"),
        ("表1岚江县2025年主要指标完成情况", "3", None, None, "城区PM2.5年均浓度", "微克/立方米", 2025, "target", "≤35", None,
         None),
        ("表1岚江县2025年主要指标完成情况", "3", None, None, "城区PM2.5年均浓度", "微克/立方米", 2025, "actual", "31", None, "是"),
    ], key=repr)
    (table,) = [p for p in processed.parts if p.kind == "indicator_table"]
    assert (table.facts_read, table.problem) == (6, None)
    assert any(v.source == "prose" and v.value_raw == "增长6%左右" for v in processed.extraction.indicators)
