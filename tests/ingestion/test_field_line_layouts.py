"""Indicator tables printed as lines of labelled fields (numbered clause items, one card of field lines per
indicator), each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.blocks.clause_items import item
from ingestion.process import process_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _processed(path: Path):
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def _rows(processed, source: str):
    return sorted(((v.table_title, v.seq, v.category, v.indicator_name, v.unit, v.period_year, v.measure,
                    v.value_raw, v.attribute, v.achieved_raw)
                   for v in processed.extraction.indicators if v.source == source), key=repr)


def test_numbered_clause_items_under_a_caption_are_a_table_with_group_lines_giving_the_attribute():
    """`layouts/clause_items.txt`: `表2` over `一、预期性指标` / `二、约束性指标` group lines and numbered items
    `1.名称（单位）：计划目标X，实际完成Y，完成。` — the clause labels are the columns, the last clause the verdict,
    and a group line naming an attribute gives it to its rows. Two such lines under a section heading with the units
    beside the figures stay running text."""
    processed = _processed(FIXTURES / "layouts" / "clause_items.txt")
    t, e, b, g1, g2 = "表2望川区2030年主要指标执行情况", "预期性", "约束性", "一、预期性指标", "二、约束性指标"
    assert _rows(processed, "table") == sorted([
        (t, "1", g1, "区域生产总值", "亿元", 2030, "target", "410", e, None),
        (t, "1", g1, "区域生产总值", "亿元", 2030, "actual", "415.5", e, "是"),
        (t, "2", g1, "工业用电量", "亿千瓦时", 2030, "target", "32", e, None),
        (t, "2", g1, "工业用电量", "亿千瓦时", 2030, "actual", "30.8", e, "否"),
        (t, "3", g1, "居民人均消费支出", "元", 2030, "target", "28000", e, None),
        (t, "3", g1, "居民人均消费支出", "元", 2030, "actual", "28150", e, "是"),
        (t, "4", g2, "化学需氧量排放削减", "%", 2030, "target", "2.5", b, None),
        (t, "4", g2, "化学需氧量排放削减", "%", 2030, "actual", "2.7", b, "是"),
        (t, "5", g2, "建设用地规模", "平方公里", 2030, "target", "控制在省下达指标内", b, None),
        (t, "5", g2, "建设用地规模", "平方公里", 2030, "actual", "96.4", b, "是"),
    ], key=repr)


def test_a_clause_item_needs_labelled_value_clauses():
    assert item("3.工业用电量（亿千瓦时）：计划目标32，实际完成30.8，未完成。") == (
        "3", "工业用电量（亿千瓦时）", [("计划目标", "32"), ("实际完成", "30.8")], "未完成")
    assert item("1.现代农业：蔬菜基地、花卉园区，完成。") is None  # a list line with a colon
    assert item("2.重点任务：推进产业升级，加快项目建设。") is None


def test_cards_of_field_lines_are_a_table_and_article_pictographs_are_decoration():
    """`layouts/cards.txt`: an article copy whose 表3 is a column of cards (`▶名称（单位）` over `年度目标：` /
    `完成情况：` / optional `指标属性：` / `是否完成：✅|❌` lines, a blank line between cards); its headings and caption
    open with pictographs (`▌一、…`, `📈 表3 …`) that are no part of their text. `万担` is a unit."""
    processed = _processed(FIXTURES / "layouts" / "cards.txt")
    t = "表32029年主要指标完成情况"
    assert _rows(processed, "table") == sorted([
        (t, None, None, "工业用电量", "亿千瓦时", 2029, "target", "45", None, None),
        (t, None, None, "工业用电量", "亿千瓦时", 2029, "actual", "47.2", None, "是"),
        (t, None, None, "茶叶产量", "万担", 2029, "target", "12以上", None, None),
        (t, None, None, "茶叶产量", "万担", 2029, "actual", "11.4", None, "否"),
        (t, None, None, "森林覆盖率", "%", 2029, "target", "68", "约束性", None),
        (t, None, None, "森林覆盖率", "%", 2029, "actual", "68.3", "约束性", "是"),
    ], key=repr)
    assert [(v.table_title, v.value_raw) for v in processed.extraction.indicators if v.source == "prose"] == [
        ("二、2030年主要目标", "增长6%左右")]



def test_numbered_clause_lines_in_running_text_give_a_target_and_an_actual_each():
    """`layouts/clause_items.txt`, its （一） section: the same clauses with the unit beside each figure and no
    caption above are running text; each line gives a target row and an actual row with the verdict (the labels
    `计划`/`实际完成` are no names), and a `；其中…` part is a sub-indicator of the line's own."""
    processed = _processed(FIXTURES / "layouts" / "clause_items.txt")
    t = "（一）重点指标进展"
    got = [(v.table_title, v.seq, v.parent_name, v.indicator_name, v.unit, v.period_year, v.measure, v.value_raw,
            v.value_num, v.achieved_raw)
           for v in processed.extraction.indicators if v.source == "prose" and v.table_title == t]
    assert sorted(got, key=repr) == sorted([
        (t, "1", None, "税收收入", "%", 2030, "target", "增长4%", 4.0, None),
        (t, "1", None, "税收收入", "%", 2030, "actual", "4.6%", 4.6, "是"),
        (t, "2", None, "进出口总额", "亿元", 2030, "target", "80亿元", 80.0, None),
        (t, "2", None, "进出口总额", "亿元", 2030, "actual", "76亿元", 76.0, "否"),
        (t, "2", "进出口总额", "出口额", "亿元", 2030, "target", "50亿元", 50.0, None),
        (t, "2", "进出口总额", "出口额", "亿元", 2030, "actual", "52.5亿元", 52.5, "是"),
    ], key=repr)


def test_an_ascii_grid_that_rules_every_row_joins_the_lines_between_two_rules():
    """`layouts/ascii_grid_ruled_rows.md`: a pandoc grid table (`+---+` under every row, `+===+` under a header
    printed on two lines): the lines between two rules are one row, so a name wrapped over two or three lines, a
    unit (`平方米` + `/人`) and a value (`完成省` + `定任务`) are whole again, and `2030年`/`目标` is one header."""
    processed = _processed(FIXTURES / "layouts" / "ascii_grid_ruled_rows.md")
    t = "表4松岩县2030年主要指标完成情况"
    assert _rows(processed, "table") == sorted([
        (t, "1", None, "农林牧渔业总产值", "亿元", 2030, "target", "58", None, None),
        (t, "1", None, "农林牧渔业总产值", "亿元", 2030, "actual", "59.4", None, None),
        (t, "2", None, "县域二氧化硫排放总量控制目标完成率", "吨", 2030, "target", "≤1200", None, None),
        (t, "2", None, "县域二氧化硫排放总量控制目标完成率", "吨", 2030, "actual", "1150", None, None),
        (t, "3", None, "污水集中处理率", "%", 2030, "target", "完成省定任务", None, None),
        (t, "3", None, "污水集中处理率", "%", 2030, "actual", "96.2", None, None),
        (t, "4", None, "人均公园绿地面积", "平方米/人", 2030, "target", "14", None, None),
        (t, "4", None, "人均公园绿地面积", "平方米/人", 2030, "actual", "14.3", None, None),
    ], key=repr)
