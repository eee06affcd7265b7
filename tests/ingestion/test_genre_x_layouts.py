"""Layout classes first met in genre batch x, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.document import Document
from ingestion.process import process_report
from ingestion.tables import read_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _processed(path: Path):
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def test_a_web_copy_with_one_plain_line_per_cell_and_blank_lines_between_rows_is_read_as_a_table():
    """`tables/stacked_cells_web_copy.txt`: a portal's table pasted as text, every cell a plain line (no TAB), a
    blank line after each row, group rows on a line of their own, a `其中：` sub-row whose empty 序号 is a second
    blank line, `—` where no target was set and `▲` on a binding row's name (the note: 约束性). Every value
    gets its year and measure from the header lines, its group, its parent and its attribute; the `—` gives no row;
    the short lines after the note (no header words) stay text."""
    path = FIXTURES / "tables" / "stacked_cells_web_copy.txt"
    processed = _processed(path)
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    got = sorted(((v.seq, v.category, v.parent_name, v.indicator_name, v.unit, v.period_year, v.measure,
                   v.value_raw, v.attribute) for v in values), key=repr)
    e, b, g1, g2 = "预期性", "约束性", "一、产业发展", "二、绿色生态"
    assert got == sorted([
        ("1", g1, None, "园区工业产值增速", "%", 2030, "target", "9", e),
        ("1", g1, None, "园区工业产值增速", "%", 2030, "actual", "9.6", e),
        ("1", g1, None, "园区工业产值增速", "%", 2031, "target", "10左右", e),
        ("2", g1, None, "港口货物吞吐量", "万吨", 2030, "target", "820", e),
        ("2", g1, None, "港口货物吞吐量", "万吨", 2030, "actual", "845", e),
        ("2", g1, None, "港口货物吞吐量", "万吨", 2031, "target", "880以上", e),
        (None, g1, "港口货物吞吐量", "集装箱吞吐量", "万标箱", 2030, "actual", "12.5", e),
        (None, g1, "港口货物吞吐量", "集装箱吞吐量", "万标箱", 2031, "target", "14", e),
        ("3", g2, None, "单位生产总值用水量下降", "%", 2030, "target", "3", b),
        ("3", g2, None, "单位生产总值用水量下降", "%", 2030, "actual", "3.4", b),
        ("3", g2, None, "单位生产总值用水量下降", "%", 2031, "target", "≥3", b),
        ("4", g2, None, "县城污水集中处理率", "%", 2030, "target", "95", e),
        ("4", g2, None, "县城污水集中处理率", "%", 2030, "actual", "96.2", e),
        ("4", g2, None, "县城污水集中处理率", "%", 2031, "target", "97", e),
    ], key=repr)
    assert {v.table_title for v in values} == {"表2：青禾县2030年主要指标完成情况及2031年目标"}
    lines = processed.text.split("\n")
    assert all(lines[v.source_line - 1].strip() == v.value_raw for v in values)


def test_runs_of_short_lines_without_a_name_and_a_value_header_stay_text():
    """Short lines stacked with blank lines between them (a masthead, a list of tasks) are no table: the header
    run must name an indicator column and a value column."""
    text = "\n".join([
        "关于青禾县2030年国民经济和社会发展计划执行情况及2031年国民经济和社会发展计划草案的报告",
        "",
        "青禾县人民政府",
        "青禾县发展和改革局",
        "县长办公室",
        "",
        "乡村振兴",
        "城乡融合",
        "生态保护",
        "",
        "数字经济",
        "智能制造",
        "现代物流",
        "",
        "文化旅游",
        "商贸服务",
        "健康养老",
    ])
    values, parts = read_tables(Document.from_text(text))
    assert values == [] and parts == []


def test_html_table_markup_inside_a_markdown_report_is_read_with_its_rowspans():
    """`tables/html_table_in_markdown.md`: a Markdown report whose indicator table is raw `<table>` markup (a
    `<thead>`, a 类别 cell with `rowspan`, a 是否完成 column) followed by a Markdown pipe table of projects. The
    markup table gives every row its 类别 (carried over the rows the rowspan covers), its targets, actual and
    verdict; the stored text prints the table in the cell layout, each value on the line `source_line` names;
    the pipe table after it is still read."""
    path = FIXTURES / "tables" / "html_table_in_markdown.md"
    processed = _processed(path)
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    got = sorted(((v.seq, v.category, v.indicator_name, v.unit, v.period_year, v.measure, v.value_raw,
                   v.achieved_raw, v.attribute) for v in values), key=repr)
    e, b, c1, c2 = "预期性", "约束性", "产业升级", "生态环境"
    assert got == sorted([
        ("1", c1, "软件业务收入增速", "%", 2030, "target", "12", None, e),
        ("1", c1, "软件业务收入增速", "%", 2030, "actual", "12.8", "是", e),
        ("1", c1, "软件业务收入增速", "%", 2031, "target", "12以上", None, e),
        ("2", c1, "新增规上企业", "家", 2030, "target", "60", None, e),
        ("2", c1, "新增规上企业", "家", 2030, "actual", "54", "否", e),
        ("2", c1, "新增规上企业", "家", 2031, "target", "65", None, e),
        ("3", c2, "地表水优良水体比例", "%", 2030, "target", "90", None, b),
        ("3", c2, "地表水优良水体比例", "%", 2030, "actual", "92.5", "是", b),
        ("3", c2, "地表水优良水体比例", "%", 2031, "target", "≥92", None, b),
    ], key=repr)
    assert {v.table_title for v in values} == {"附表：白溪区主要指标"}
    lines = processed.text.split("\n")
    assert all(lines[v.source_line - 1].strip() == v.value_raw for v in values)
    assert "<table" not in processed.text
    projects = sorted((p.category, p.project_name, p.stage) for p in processed.extraction.projects)
    assert projects == sorted([("产业项目", "白溪软件园二期", "started"), ("民生项目", "白溪区第二中学", "ongoing")])


def test_an_unclosed_table_tag_in_a_text_leaves_the_text_as_it_is():
    """A `<table` that is never closed is no table markup to hand over: the text is read as text."""
    from ingestion.formats.embedded_html import embedded_html_document

    assert embedded_html_document("# 标题\n\n<table>\n<tr><td>序号</td></tr>\n正文继续。\n") is None


def test_boxed_kind_headings_over_numbered_items_with_stage_tag_investment_and_years():
    """`projects/boxed_kind_headings_numbered_items_with_details.txt`: a 专栏 box whose kinds are outline headings
    (`（一）绿色化工`) over items numbered from 1, each `N.名称（新开工），总投资X亿元，建设年限Y—Z年`: each item is one
    project with the stage of its tag under its kind; the investment and period clauses are no names. The report's
    next task heading after the box (`（二）加快产业升级` over numbered task sentences) is not read into the list,
    and the same box as a one-cell Word table reads the same."""
    from ingestion.projects import read_projects
    from tests.format_writers import write_docx

    path = FIXTURES / "projects" / "boxed_kind_headings_numbered_items_with_details.txt"
    text = path.read_text(encoding="utf-8")
    expected = {
        "梅岭新材料产业园": ("started", "新开工", "绿色化工"),
        "东港化工提质工程": ("ongoing", "续建", "绿色化工"),
        "梅岭至青石快速路": ("ongoing", "续建", "城乡建设"),
        "北湖片区雨污分流工程": ("started", "新开工", "城乡建设"),
    }
    items, parts = read_projects(Document.from_text(text))
    assert {it.project_name: (it.stage, it.stage_raw, it.category) for it in items} == expected
    assert {it.period_year for it in items} == {2031}
    assert [(p.title, p.facts_read, p.problem) for p in parts] == [("专栏2：2031年重大项目安排", 4, None)]
    processed = process_report("boxed.docx", write_docx(text))
    assert processed.ok, processed.error
    assert {it.project_name: (it.stage, it.stage_raw, it.category) for it in processed.extraction.projects} \
        == expected


def test_a_level_reached_by_the_growth_before_it_is_that_subjects_level():
    """`地区生产总值增长6%左右，力争达到1,260亿元`: the second clause has no name of its own, only a verb of reaching;
    its level is the same subject's (地区生产总值, 亿元), beside its growth (地区生产总值增速). A bare share after a growth
    (`，占比38%`) or a level after a count of something else is no such level."""
    from ingestion.prose import extract_prose_indicators

    text = "\n".join([
        "关于岚溪区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告",
        "一、2030年国民经济和社会发展计划执行情况",
        "全区地区生产总值增长5.6%，达到1,180亿元；社会消费品零售总额增长6.1%。",
        "二、2031年国民经济和社会发展的主要目标",
        "（二）主要预期目标",
        "地区生产总值增长6%左右，力争达到1,260亿元；固定资产投资增长7%，力争突破420亿元；"
        "城镇新增就业1.2万人以上，实现3000亿元；一般公共预算收入增长5%。",
    ])
    got = {(r.measure, r.indicator_name): (r.value_raw, r.value_num, r.unit, r.comparator)
           for r in extract_prose_indicators(Document.from_text(text))}
    assert got[("target", "地区生产总值")][1:] == (1260.0, "亿元", "eq")
    assert got[("target", "地区生产总值增速")][1] == 6.0
    assert got[("target", "固定资产投资")][1:3] == (420.0, "亿元")
    assert got[("actual", "地区生产总值")][1:3] == (1180.0, "亿元")
    assert ("target", "城镇新增就业") in got
    assert not any(v[1] == 3000.0 for v in got.values())  # after a count of jobs, no growth: not its level


def test_a_note_under_the_second_part_of_a_table_numbered_on_explains_both_parts():
    """`tables/split_table_note_under_second.txt`: 表1 (序号 1–2) and 表2 (序号 3–4, same columns) are one table printed
    as two captioned parts, and the `说明：标注*的为约束性指标，其余为预期性指标` under 表2 explains both: every row of 表1
    and 表2 gets its attribute. 表3 numbers its rows from 1 again (a table of its own, after the note): unknown."""
    path = FIXTURES / "tables" / "split_table_note_under_second.txt"
    values, _ = read_tables(Document.from_text(path.read_text(encoding="utf-8")))
    got = {(v.table_title[:3], v.indicator_name): v.attribute for v in values if v.measure == "target"}
    assert got == {
        ("表1：", "港口货物吞吐量"): "预期性",
        ("表1：", "单位工业增加值用水量下降"): "约束性",
        ("表2：", "城市污水处理率"): "约束性",
        ("表2：", "新建城市公园"): "预期性",
        ("表3：", "开发区营业收入增速"): None,
        ("表3：", "开发区新增企业"): None,
    }


def test_a_change_in_points_compared_with_last_year_keeps_the_comparison_out_of_the_name():
    """`城镇调查失业率比上年下降0.3个百分点`: 比上年 belongs to the change (as in `比上年增长5%`), not to the name."""
    from ingestion.prose import extract_prose_indicators

    text = "\n".join([
        "关于岚溪区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告",
        "二、2031年国民经济和社会发展的主要目标",
        "（二）主要预期目标",
        "城镇调查失业率比上年下降0.3个百分点；常住人口城镇化率较上年提高1.2个百分点。",
    ])
    got = {r.indicator_name: (r.value_raw, r.value_num, r.comparator)
           for r in extract_prose_indicators(Document.from_text(text))}
    assert got == {"城镇调查失业率": ("下降0.3个百分点", 0.3, "decrease_by"),
                   "常住人口城镇化率": ("提高1.2个百分点", 1.2, "increase_by")}


def test_a_stacked_copy_keeps_its_rows_under_a_group_and_a_sub_group_line():
    """Two group lines over a row (`一、产业发展` over `（一）工业`) are group rows of the table, not its end."""
    text = "\n".join([
        "关于青禾县2030年国民经济和社会发展计划执行情况及2031年国民经济和社会发展计划草案的报告",
        "表1：主要指标", "",
        "序号", "指标", "2030年完成", "2031年目标", "",
        "一、产业发展", "",
        "（一）工业", "",
        "1", "园区工业产值增速（%）", "9.6", "10", "",
        "2", "技改投资增速（%）", "12.1", "12", "",
        "（二）服务业", "",
        "3", "服务业增加值增速（%）", "6.6", "7", "",
        "注：2030年完成数为快报数。",
    ])
    values, _ = read_tables(Document.from_text(text))
    got = sorted((v.indicator_name, v.period_year, v.measure, v.value_raw) for v in values)
    assert got == sorted([
        ("园区工业产值增速", 2030, "actual", "9.6"), ("园区工业产值增速", 2031, "target", "10"),
        ("技改投资增速", 2030, "actual", "12.1"), ("技改投资增速", 2031, "target", "12"),
        ("服务业增加值增速", 2030, "actual", "6.6"), ("服务业增加值增速", 2031, "target", "7"),
    ])
    assert {(v.indicator_name, v.category) for v in values} == {
        ("园区工业产值增速", "（一）工业"), ("技改投资增速", "（一）工业"), ("服务业增加值增速", "（二）服务业")}
