"""The text of a report → typed blocks (`ingestion/text_blocks.py`).

Snippets are synthetic (invented names and figures) and laid out like the genre: `→` stands for the TAB that leads
every cell line in the one-cell-per-line layout, rows are separated by blank lines.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ingestion.document import Document
from ingestion.extract import extract_text
from ingestion.model import Caption, Heading, ListItem, Note, Paragraph, Table
from ingestion.text_blocks import is_continuation, text_blocks


def model_of(snippet: str):
    return text_blocks(textwrap.dedent(snippet).lstrip("\n").replace("→", "\t"))


CELLS = """
    一、2030年计划执行情况
    表1 2030年主要指标完成情况
    单位：亿元
    →指标
    →2030年目标
    →预计完成

    →地区生产总值（亿元）
    →520
    →531.6

    →一般公共预算收入
    增速（%）
    →6
    →6.3


    注：带*为约束性指标。
    全年经济运行总体平稳。
    """


def test_cell_layout_gives_a_table_with_its_caption_and_notes():
    model = model_of(CELLS)
    (table,) = model.tables
    assert table.layout == "cells"
    assert [[c.flat for c in row] for row in table.rows] == [
        ["指标", "2030年目标", "预计完成"],
        ["地区生产总值（亿元）", "520", "531.6"],
        ["一般公共预算收入增速（%）", "6", "6.3"],
    ]
    assert table.rows[2][0].text == "一般公共预算收入\n增速（%）"  # the wrapped piece stays in its cell
    assert [c.line for c in table.rows[1]] == [8, 9, 10]
    assert (table.start, table.end) == (4, 15)
    assert table.title() == "表12030年主要指标完成情况"
    assert (table.caption.caption_kind, table.caption.number, table.caption.start) == ("表", 1, 2)
    assert [n.text for n in table.notes] == ["单位：亿元", "注：带*为约束性指标。"]
    assert not table.continued


def test_blocks_in_reading_order_with_line_spans():
    model = model_of(CELLS)
    kinds = [(type(b).__name__, b.start, b.end) for b in model.blocks]
    assert kinds == [("Heading", 1, 1), ("Caption", 2, 2), ("Paragraph", 3, 3), ("Table", 4, 15),
                     ("Note", 18, 18), ("Paragraph", 19, 19)]
    heading = model.blocks[0]
    assert isinstance(heading, Heading) and (heading.level, heading.number) == (1, "一、")
    assert model.blocks[1] is model.tables[0].caption  # the caption block is the table's caption


def test_document_exposes_the_typed_tables():
    doc = Document.from_text(textwrap.dedent(CELLS).lstrip("\n").replace("→", "\t"))
    (table,) = doc.tables
    assert table.title() == "表12030年主要指标完成情况"
    assert [type(b).__name__ for b in doc.blocks][:4] == ["Heading", "Caption", "Paragraph", "Table"]
    # the coarse line blocks are kept for extractors that read them
    assert ("cells", 4, 15) in [(b.kind, b.start, b.end) for b in doc.line_blocks]


def test_a_continued_table_is_marked():
    model = model_of("""
        表2 重点指标
        →指标
        →目标

        →甲指标
        →5

        续表2
        →指标
        →目标

        →乙指标
        →7

        """)
    first, second = model.tables
    assert not first.continued and second.continued
    assert second.caption.caption_kind == "续表" and second.caption.number == 2
    assert is_continuation("表3（续）") and is_continuation("（续上表）") and not is_continuation("表3 续建项目")


def test_a_title_row_is_the_caption_of_an_uncaptioned_table():
    model = model_of("""
        正文一段。
        →表3 2031年主要预期目标

        →指标
        →目标

        →乙指标
        →7

        """)
    (table,) = model.tables
    assert table.title() == "表32031年主要预期目标"
    assert table.caption.start == 2
    assert len(table.rows) == 3  # the title row stays a row of the grid


def test_an_attachment_number_and_its_title_line_are_one_caption():
    model = model_of("""
        附件1
        某县2031年主要指标计划表
        →指标
        →目标

        →丙指标
        →8

        """)
    caption, table = model.blocks
    assert isinstance(caption, Caption) and isinstance(table, Table)
    assert (caption.start, caption.end) == (1, 2)
    assert table.title() == "附件1某县2031年主要指标计划表"


def test_an_untitled_title_line_becomes_the_caption():
    model = model_of("""
        2030年主要经济指标完成情况表
        →指标
        →完成

        →丁指标
        →9

        """)
    caption, table = model.blocks
    assert isinstance(caption, Caption) and caption.caption_kind == ""
    assert table.caption is caption


def test_a_boxed_column_is_a_caption_and_paragraphs_not_a_one_cell_table():
    model = model_of("""
        →专栏3 2031年重点项目
        一、新开工项目
        1.某某产业园：总投资50亿元。
        ◆某某大道改造

        下一段正文。
        """)
    assert model.tables == []
    caption = model.blocks[0]
    assert isinstance(caption, Caption) and (caption.caption_kind, caption.number) == ("专栏", 3)
    assert [(type(b).__name__, b.start) for b in model.blocks[1:]] == [
        ("Heading", 2), ("Heading", 3), ("ListItem", 4), ("Paragraph", 6)]


def test_text_is_clean_and_markdown_heading_marks_become_a_level():
    model = model_of("""
        # 关于某县2031年计划草案的报告
        ## 一、2030年执行情况
        　　全县经济稳中有进。
        - 某某项目
        （1）另一项
        """)
    title, part, para, item, item2 = model.blocks
    assert isinstance(title, Heading) and title.text == "关于某县2031年计划草案的报告" and title.marks == 1
    assert (part.level, part.number, part.text, part.marks) == (1, "一、", "一、2030年执行情况", 2)
    assert isinstance(para, Paragraph) and para.text == "全县经济稳中有进。"  # full-width indentation removed
    assert isinstance(item, ListItem) and item.marker == "-"
    assert isinstance(item2, ListItem) and item2.marker == "（1）"


def test_a_note_line_is_a_note():
    (note,) = model_of("注：以上数据为初步统计数。\n").blocks
    assert isinstance(note, Note)


# ---------------------------------------------------------------------------------------------------------------
# Every text layout of a table gives the same Table (fixtures: two sample tables re-laid, tests/fixtures/layouts)
# ---------------------------------------------------------------------------------------------------------------

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
# layouts that keep an empty cell in its column, and layouts in which an empty cell vanishes (web copies)
KEEP_EMPTY = ["tabs", "aligned", "markdown", "caption_below"]
LOSE_EMPTY = ["spaces", "fullwidth", "attachment_end"]


def fixture_tables(name: str):
    return text_blocks((LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")).tables


def texts(table, keep_empty: bool = True):
    """The grid as texts; a missing or empty position as "" (or left out when the layout loses empty cells)."""
    out = []
    for row in table.grid():
        cells = [c.flat if c is not None else "" for c in row]
        while cells and not cells[-1]:
            cells.pop()  # a group row is one cell, or one cell and empty ones
        out.append(cells if keep_empty else [c for c in cells if c])
    return out


@pytest.mark.parametrize("name", KEEP_EMPTY)
def test_layouts_that_keep_empty_cells_give_the_same_grid(name):
    reference = fixture_tables("cells")
    tables = fixture_tables(name)
    assert [texts(t) for t in tables] == [texts(t) for t in reference]
    assert [t.title() for t in tables] == [t.title() for t in reference]


@pytest.mark.parametrize("name", LOSE_EMPTY)
def test_web_copies_give_the_same_printed_cells(name):
    reference = fixture_tables("cells")
    tables = fixture_tables(name)
    assert [texts(t, keep_empty=False) for t in tables] == [texts(t, keep_empty=False) for t in reference]
    assert [t.caption.number for t in tables] == [1, 2]


@pytest.mark.parametrize("name", [*KEEP_EMPTY, *LOSE_EMPTY])
def test_every_layout_gives_the_same_indicator_values(name):
    def values(name):
        ex = extract_text((LAYOUTS / f"{name}.txt").read_text(encoding="utf-8"))
        return sorted((r.indicator_name, r.measure, r.value_raw, r.period_year, r.unit, r.attribute, r.seq,
                       r.category, r.parent_name, r.achieved_raw) for r in ex.indicators if r.source == "table")

    reference = values("cells")
    assert len(reference) == 30
    assert values(name) == reference


def test_markdown_marks_the_header_row_and_reads_bold_captions():
    tables = fixture_tables("markdown")
    assert [t.header_rows for t in tables] == [1, 1]
    assert [t.layout for t in tables] == ["markdown", "markdown"]
    assert tables[0].title().startswith("表1：")
    assert fixture_tables("cells")[0].header_rows is None  # the plain layouts do not say


def test_notes_under_a_row_table_are_its_notes():
    assert [n.text for n in fixture_tables("spaces")[1].notes] == ["备注：第11项指标因统计口径发生变化。"]


WEB_COPY = """
    首页 > 信息公开 > 计划规划
    来源：某某县发展和改革局  发布时间：2031-01-20 10:00

    　　一、2030年计划执行情况
    　　全县生产总值增长6%，　　完成年度目标。
    　　各位代表，让我们  团结一心，为完成全年目标任务而努力奋斗。
    附件：主要指标表
    序号  指标名称  单位  2031年目标
    一、经济发展
    1  甲地区生产总值  亿元  300
    其中：乙投资增速　%　8
    2　丙收入　亿元　25
    二、民生保障
    3    丁就业人数    人    5000
    扫一扫在手机打开当前页
    """


def test_a_web_copy_table_split_on_spaces_with_group_rows_and_vanished_cells():
    model = model_of(WEB_COPY)
    (table,) = model.tables
    assert table.layout == "spaces"
    assert table.title() == "附件：主要指标表"
    assert [[c.flat for c in row] for row in table.rows] == [
        ["序号", "指标名称", "单位", "2031年目标"],
        ["一、经济发展"],
        ["1", "甲地区生产总值", "亿元", "300"],
        ["其中：乙投资增速", "%", "8"],  # the empty 序号 vanished: the line starts with the name
        ["2", "丙收入", "亿元", "25"],
        ["二、民生保障"],
        ["3", "丁就业人数", "人", "5000"],
    ]
    assert [c.line for c in table.rows[3]] == [11, 11, 11]
    assert table.end == 14  # the page furniture under the table is not a row


def test_prose_with_indentation_or_inner_spaces_is_never_a_table():
    model = model_of(WEB_COPY)
    paragraphs = [b.text for b in model.blocks if isinstance(b, Paragraph)]
    assert "全县生产总值增长6%，　　完成年度目标。" in paragraphs
    assert "各位代表，让我们  团结一心，为完成全年目标任务而努力奋斗。" in paragraphs
    assert "来源：某某县发展和改革局  发布时间：2031-01-20 10:00" in paragraphs
    assert len(model.tables) == 1



def test_tab_led_lines_of_joined_cells_are_one_row_each():
    model = model_of("""
        表1 主要指标
        →序号→指标名称→2031年目标
        →1→甲指标→5
        →2→乙指标→6
        """)
    (table,) = model.tables
    assert table.layout == "tabs"
    assert [[c.flat for c in row] for row in table.rows] == [["序号", "指标名称", "2031年目标"], ["1", "甲指标", "5"],
                                                              ["2", "乙指标", "6"]]


def test_a_caption_below_the_table_is_its_caption_unless_a_table_follows_it():
    model = model_of("""
        正文一段，说明如下。
        指标名称\t单位\t2031年目标
        甲指标\t%\t5
        附表1 2031年主要指标
        注：带*为约束性指标
        上表为全年主要指标安排，各项指标将按季度分解落实到各责任部门。
        指标名称\t2031年目标
        乙指标\t6
        附表2 2031年其他指标
        指标名称\t2031年目标
        丙指标\t7
        """)
    first, second, third = model.tables
    assert first.title() == "附表12031年主要指标" and (first.caption.caption_kind, first.caption.number) == ("附表", 1)
    assert [n.text for n in first.notes] == ["注：带*为约束性指标"]
    assert second.caption is None  # 附表2 under it heads the table that follows
    assert third.title() == "附表22031年其他指标"


def test_a_page_number_between_two_parts_of_a_table_marks_the_second_continued():
    model = model_of("""
        表1 主要指标
        →序号
        →指标名称
        →目标

        →1
        →甲指标
        →5


        — 2 —
        →2
        →乙指标
        →6

        """)
    first, second = model.tables
    assert [c.flat for c in first.rows[-1]] == ["1", "甲指标", "5"]  # the page number is not glued to a cell
    assert second.continued and second.caption is None


def test_markdown_table_without_outer_pipes_bold_cells_and_line_breaks():
    model = text_blocks("### 表1 2031年主要指标\n\n指标 | 单位 | 2031年目标\n---|---|---\n**一、经济发展** | |\n"
                        "甲指标<br>（可比价） | % | 6\n乙指标 | 亿元 | 30\n\n正文。\n")
    caption, table, paragraph = model.blocks
    assert isinstance(caption, Caption) and table.caption is caption and table.header_rows == 1
    assert [[c.text for c in r] for r in table.rows] == [
        ["指标", "单位", "2031年目标"], ["一、经济发展", ""], ["甲指标\n（可比价）", "%", "6"], ["乙指标", "亿元", "30"]]
    assert isinstance(paragraph, Paragraph)


# --- layout classes of reports in unseen layouts (fixtures in tests/fixtures/layouts/, invented content) -------

def layout_model(name: str):
    raw = (LAYOUTS / name).read_bytes().decode("utf-8")
    return text_blocks(raw), raw


LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def test_a_ruled_space_aligned_table_after_a_review_table_is_read_with_its_caption_and_notes():
    model, raw = layout_model("ruled_aligned.txt")
    review, plan = model.tables
    # the letter-spaced label `指　　标` is one header cell; ruling lines are neither rows nor a wall
    assert [c.flat for c in review.rows[0]] == ["指标", "完成情况"]
    assert len(review.rows) == 4 and review.title() == "表12031年主要指标完成情况"
    assert [n.text for n in review.notes] == ["注：完成情况为快报数。"]
    assert [c.flat for c in plan.rows[0]] == ["序号", "指标", "单位", "2032年目标", "指标属性"]
    assert plan.title() == "表22032年主要指标预期目标"
    assert [r[0].flat for r in plan.rows if len(r) == 1] == ["（一）经济发展类", "（二）绿色生态类"]
    rules = [b for b in model.blocks if b.kind == "furniture"]
    assert {b.role for b in rules} == {"rule"} and [b.start for b in rules] == [8, 14, 20, 29]
    assert not any("─" in c.text for t in model.tables for r in t.rows for c in r)
    values = {(r.indicator_name, r.period_year): r.value_raw for r in extract_text(raw).indicators if r.source == "table"}
    assert values[("地区生产总值增速", 2032)] == "5.5左右"
    assert values[("空气质量优良天数比例", 2032)] == "90以上"
    assert ("粮食播种面积", 2031) in values


def test_an_excel_quoted_cell_spreading_over_lines_is_one_cell_without_its_quotes():
    model, raw = layout_model("excel_quoted.txt")
    (table,) = model.tables
    names = [r[1].text for r in table.rows if len(r) > 1][1:]
    assert names == ["地区生产总值增速", "规上工业单位能耗\n下降", '数字经济"核心"产业\n增加值增速', "城镇新增就业"]
    assert [len(r) for r in table.rows] == [6, 1, 6, 6, 6, 6]
    assert table.title() == "附表1松岭市2031年主要指标完成情况"
    got = {(r.indicator_name, r.measure): r.value_raw for r in extract_text(raw).indicators if r.source == "table"}
    assert got[("规上工业单位能耗下降", "actual")] == "2.1"
    assert ('数字经济"核心"产业增加值增速', "actual") in got  # a doubled quote is a printed quote
    assert not any(name.startswith('"') or name.endswith('"') for name, _ in got)


def test_page_numbers_and_running_headers_are_furniture_not_text():
    model, raw = layout_model("page_furniture.txt")
    furniture = {b.start: b.role for b in model.blocks if b.kind == "furniture"}
    # the session-document line is on every page, the first one (under the title) too
    assert furniture == {3: "running_header", 14: "page_number", 16: "running_header", 22: "page_number",
                         28: "page_number", 30: "running_header"}
    doc = Document.from_text(raw)
    assert doc.n_lines == len(raw.split("\n"))  # line numbers stay those of the stored text
    assert all(doc.line(no) == "" for no in furniture) and doc.line(5) == "一、2031年计划执行情况"
    names = {p.project_name for p in extract_text(raw).projects}
    assert names == {"桃源区智能装备产业园", "桃源区东湖大道改造", "桃源区第二人民医院", "桃源区城市书房"}


def test_a_page_number_is_never_a_running_header_and_a_bare_figure_is_not_a_page_number():
    model = model_of("""
        正文第一段。

        12

        正文第二段。
        """)
    assert [b.kind for b in model.blocks] == ["paragraph", "paragraph", "paragraph"]


def test_a_box_drawn_with_box_characters_is_its_content_not_its_frame():
    model, raw = layout_model("framed_box.txt")
    inside = [b for b in model.blocks if 10 <= b.start <= 17]
    assert [b.kind for b in inside] == ["furniture", "heading", "paragraph", "paragraph", "heading",
                                        "paragraph", "paragraph", "furniture"]
    assert inside[1].text == "（一）产业发展类" and inside[2].text.startswith("新开工：梅林县电子材料产业园")
    assert not any("│" in b.text or "┌" in b.text for b in model.blocks if b.kind != "furniture")
    projects = extract_text(raw).projects
    assert {p.project_name for p in projects} >= {"梅林县电子材料产业园", "梅林县第二中学", "梅林县人民医院门诊楼"}
    assert not any("─" in p.project_name for p in projects)


def test_masthead_lines_over_the_title_are_marked_not_the_title_or_the_text():
    model = model_of("""
        首页 > 政务公开 > 规划计划
        来源：甲县发展和改革局 发布时间：2032-01-20
        甲县第九届人民代表大会第三次会议文件之四
        （此件公开发布）
        关于甲县2031年国民经济和社会发展计划执行情况与2032年计划草案的报告
        （草案）
        一、2031年计划执行情况
        （此件为节选）
        """)
    roles = [(b.start, getattr(b, "role", None)) for b in model.blocks if b.kind == "paragraph"]
    assert roles == [(1, "chrome"), (2, "chrome"), (3, "session_document"), (4, "notice"), (5, ""), (6, ""),
                     (8, "")]


def test_a_session_document_line_printed_on_every_page_is_a_running_header_without_page_numbers():
    page = "丙区第二届人民代表大会第五次会议文件（3）\n\n{}\n\n"
    text = "关于丙区2031年计划执行情况的报告\n\n" + "".join(page.format(f"第{k}段正文，全年工作有序推进。")
                                                  for k in range(1, 4))
    model = text_blocks(text)
    assert [b.kind for b in model.blocks] == ["paragraph", "furniture", "paragraph", "furniture", "paragraph",
                                              "furniture", "paragraph"]
    twice = text_blocks("丙区发展和改革局\n正文一。\n丙区发展和改革局\n正文二。\n")
    assert not any(b.kind == "furniture" for b in twice.blocks)  # printed twice: a signature, not every page


def test_a_quoted_first_cell_opening_a_row_without_a_tab_is_still_one_cell():
    text = ("指标名称\t单位\t目标\t完成\n地区生产总值增速\t%\t6\t6.1\n"
            '"单位工业增加值\n能耗下降"\t%\t3\t3.2\n城镇新增就业\t万人\t1\t1.1\n')
    (table,) = text_blocks(text).tables
    assert [[c.flat for c in r] for r in table.rows] == [
        ["指标名称", "单位", "目标", "完成"], ["地区生产总值增速", "%", "6", "6.1"],
        ["单位工业增加值能耗下降", "%", "3", "3.2"], ["城镇新增就业", "万人", "1", "1.1"]]


def test_a_table_drawn_with_box_characters_is_a_table_and_its_edges_are_furniture():
    model, raw = layout_model("box_grid.txt")
    (table,) = model.tables
    assert table.layout == "box" and table.title() == "表22032年主要指标预期目标"
    assert [[c.flat for c in r] for r in table.rows] == [
        ["序号", "指标名称", "单位", "2032年目标"], ["1", "地区生产总值增速", "%", "6左右"],
        ["2", "城镇新增就业", "人", "4500以上"], ["3", "森林覆盖率*", "%", "61.2"]]
    assert [c.line for c in table.rows[1]] == [9, 9, 9, 9]
    assert [n.text for n in table.notes] == ["注：带*为约束性指标，其余为预期性指标。"]
    assert [b.start for b in model.blocks if b.kind == "furniture"] == [6, 14]
    got = {r.indicator_name: (r.value_raw, r.attribute) for r in extract_text(raw).indicators if r.source == "table"}
    assert got == {"地区生产总值增速": ("6左右", "预期性"), "城镇新增就业": ("4500以上", "预期性"),
                   "森林覆盖率": ("61.2", "约束性")}


def test_an_ascii_grid_table_is_read_across_its_plus_and_dash_rules():
    model = model_of("""
        表3 2032年民生指标
        +------+--------------+------+
        | 序号 | 指标名称     | 目标 |
        +======+==============+======+
        | 1    | 城镇新增就业 | 5000 |
        +------+--------------+------+
        | 2    | 新增学位     | 1200 |
        +------+--------------+------+
        """)
    (table,) = model.tables
    assert [[c.flat for c in r] for r in table.rows] == [["序号", "指标名称", "目标"], ["1", "城镇新增就业", "5000"],
                                                         ["2", "新增学位", "1200"]]
    assert table.title() == "表32032年民生指标"


def test_a_table_flattened_into_labelled_fields_is_read_as_its_grid():
    """`类别：…；序号：1；指标名称：…；…` rows (a 类别 printed on a group's first row only) and `【类别】` group lines
    over `1.名称（单位）：值（属性）` items are the two ways a web page's table reaches us without its grid."""
    model, raw = layout_model("field_labelled.txt")
    review, plan = model.tables
    assert [c.flat for c in review.rows[0]] == ["类别", "序号", "指标名称", "单位", "属性", "2031年目标", "完成", "是否完成"]
    assert review.title() == "表12031年青岚县主要指标完成情况" and [n.text for n in review.notes][0].startswith("注：")
    assert plan.title() == "表22032年青岚县主要预期目标" and (plan.start, plan.end) == (22, 30)
    rows = {(r.indicator_name, r.period_year, r.measure): r for r in extract_text(raw).indicators if r.source == "table"}
    gdp = rows[("地区生产总值增速", 2031, "actual")]
    assert (gdp.value_raw, gdp.achieved_raw, gdp.category, gdp.unit, gdp.attribute, gdp.source_line) == \
        ("5.1", "否", "经济运行", "%", "预期性", 9)
    tax = rows[("税收收入增速", 2031, "actual")]  # an empty 序号 field and `其中：`: a sub-row of the row above
    assert (tax.parent_name, tax.category, tax.value_raw) == ("一般公共预算收入增速", "经济运行", "2.6")
    assert rows[("森林覆盖率", 2031, "target")].category == "民生保障"  # the 类别 field carried down its group
    assert rows[("城镇新增就业", 2031, "target")].comparator == "ge"
    # the item form: unit from the name's parentheses, attribute after the value, group lines without brackets
    gdp_plan = rows[("地区生产总值增速", 2032, "target")]
    assert (gdp_plan.value_raw, gdp_plan.comparator, gdp_plan.unit, gdp_plan.attribute, gdp_plan.category,
            gdp_plan.seq) == ("5.5左右", "approx", "%", "预期性", "经济运行", "1")
    assert rows[("税收收入增速", 2032, "target")].parent_name == "一般公共预算收入增速"
    assert rows[("森林覆盖率", 2032, "target")].attribute == "约束性"
    assert rows[("单位地区生产总值能耗降低", 2032, "target")].comparator == "qualitative"
    cpi = [r for r in extract_text(raw).indicators if r.indicator_name == "居民消费价格涨幅" and r.period_year == 2032
           and r.source == "table"]
    assert sorted((r.comparator, r.value_num) for r in cpi) == [("ge", 2.0), ("le", 3.0)]
    assert len([r for r in rows if r[1] == 2031]) == 10 and len([r for r in rows if r[1] == 2032]) == 7


def test_unnumbered_name_unit_value_items_are_a_field_table():
    """`名称（单位）：值` lines without item numbers (a web page's `<dl>` of name/value pairs) are the item form."""
    model = model_of("""
        表2 2032年甲县主要预期目标
        地区生产总值增速（%）：5.5左右
        城镇新增就业（人）：1900
        森林覆盖率（%）：≥62
        二、重点工作
        """)
    (table,) = model.tables
    assert table.layout == "fields" and table.title() == "表22032年甲县主要预期目标"
    assert [[c.flat for c in r] for r in table.rows] == [["指标名称", "指标值"], ["地区生产总值增速（%）", "5.5左右"],
                                                         ["城镇新增就业（人）", "1900"], ["森林覆盖率（%）", "≥62"]]


def test_a_sentence_or_a_list_line_with_colons_is_not_a_field_table():
    model = model_of("""
        主要指标：地区生产总值增长5%；一般公共预算收入增长3%；城镇新增就业2000人。
        城镇新增就业：2000人以上；新建幼儿园：3所；改造老旧小区：12个。
        1.产业项目：甲县智能农机产业园、甲县冷链物流中心。
        2.民生项目：甲县第二中学、甲县人民医院。
        3.城市更新：甲县老旧小区改造、甲县地下管网改造。
        """)
    assert not model.tables


def test_the_page_chrome_after_a_web_copy_is_furniture_but_a_links_bar_before_text_is_not():
    model = model_of("""
        一、2031年计划执行情况
        全县经济平稳。
        甲县第二中学
        【打印本页】 【关闭窗口】
        相关链接
        甲县2030年国民经济和社会发展统计公报
        主办单位：甲县人民政府办公室
        """)
    assert [(b.start, b.role) for b in model.blocks if b.kind == "furniture"] == \
        [(4, "chrome"), (5, "chrome"), (6, "chrome"), (7, "chrome")]
    middle = model_of("""
        一、2031年计划执行情况
        分享到
        全县经济平稳。
        """)
    assert not [b for b in middle.blocks if b.kind == "furniture"]


def test_a_web_pages_spaced_source_and_links_lines_over_the_title_are_no_table():
    model = model_of("""
        甲县2031年国民经济和社会发展计划执行情况及2032年国民经济和社会发展计划草案的报告

        发布时间：2032-01-14 10:32   来源：甲县发展和改革局   浏览次数：215

        【字体：大 中 小】   【打印】   【关闭】

        一、2031年计划执行情况
        """)
    assert not model.tables
    assert [b.role for b in model.blocks if isinstance(b, Paragraph)][1:] == ["chrome", "chrome"]
