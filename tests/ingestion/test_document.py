"""The outline every extractor relies on: line numbers, heading levels, captions, blocks."""
from ingestion.document import Document

TEXT = """标题
一、2021年执行情况
（一）主要指标完成情况
——经济质效稳步提升。全年地区生产总值增长8%。
表1：2021年计划目标完成情况
\t序号
\t指标名称

\t1
\t地区生产总值增速
专栏1：2021年重点开竣工项目情况
\t开工重点项目：陶家隧道、钓鱼嘴四号路。
二、2022年计划
(一)坚决打好“三大攻坚战”,确保取得决定性胜利。一是……
1. 推进公园城市建设。[bookmark: OLE_LINK2]完成改造。
"""


def test_headings_levels_and_line_numbers():
    doc = Document.from_text(TEXT)
    assert [(h.line, h.level) for h in doc.headings] == [(2, 1), (3, 2), (13, 1), (14, 2), (15, 3)]
    assert doc.section(4).text == "（一）主要指标完成情况"
    assert [h.text for h in doc.heading_chain(12)] == ["一、2021年执行情况", "（一）主要指标完成情况"]
    # a new top-level heading closes the sub-heading above it
    assert [h.level for h in doc.heading_chain(13)] == [1]


def test_captions_and_table_cells_are_not_headings():
    doc = Document.from_text(TEXT)
    assert [(c.kind, c.number, c.line) for c in doc.captions] == [("表", 1, 5), ("专栏", 1, 11)]
    kinds = [(b.kind, b.start, b.end) for b in doc.line_blocks]
    assert ("cells", 6, 10) in kinds
    assert ("caption", 11, 11) in kinds


def test_bookmark_markers_are_removed_and_line_numbers_kept():
    doc = Document.from_text(TEXT)
    assert doc.line(15) == "1. 推进公园城市建设。完成改造。"
    assert doc.n_lines == 16  # 15 printed lines and the empty one after the final newline


def test_crlf_line_ends_give_the_same_lines():
    assert Document.from_text(TEXT.replace("\n", "\r\n")).lines == Document.from_text(TEXT).lines


def test_caption_forms_of_other_layouts():
    from ingestion.document import parse_caption

    assert parse_caption("专栏2 2024年重点项目") == ("专栏", 2)  # no colon
    assert parse_caption("专栏一 2024年重点建设项目") == ("专栏", 1)  # Chinese numeral
    assert parse_caption("专栏十二：民生实事") == ("专栏", 12)
    assert parse_caption("专栏：2024年重点项目") == ("专栏", 0)  # no number
    assert parse_caption("附件1：2023年主要指标完成情况") == ("附件", 1)
    assert parse_caption("附表2") == ("附表", 2)
    assert parse_caption("表一 2021年目标完成情况") == ("表", 1)
    assert parse_caption("专栏12024年重点项目") == ("专栏", 1)  # the year glued to the number is not part of it
    # words that start with 表 are not captions, nor is a tab-led cell
    assert parse_caption("表明我区经济运行稳中向好") is None
    assert parse_caption("表彰先进集体") is None
    assert parse_caption("\t表1：x") is None


def test_part_headings_sit_above_the_numbered_headings():
    doc = Document.from_text("标题\n第一部分 2019年计划执行情况\n一、主要指标\n第二部分 2020年计划\n一、主要目标\n正文\n")
    assert [(h.line, h.level) for h in doc.headings] == [(2, 0), (3, 1), (4, 0), (5, 1)]
    assert [h.line for h in doc.heading_chain(6)] == [4, 5]


def test_a_zhuanlan_boxed_in_a_one_cell_table_is_a_caption():
    doc = Document.from_text("正文。\n\t专栏2 2024年重大项目\n一、新开工项目\n1.甲项目：总投资5亿元。\n\n\n表格\n\t专栏\n\t序号\n")
    assert [(c.kind, c.number, c.line) for c in doc.captions] == [("专栏", 2, 2)]


def _outline(n: int) -> str:
    return "标题\n" + "".join(f"（{'一二三四五六七八九十'[i % 10]}）标题{i}\n正文\n" for i in range(n))


def test_a_long_outline_of_short_lines_is_read_in_work_linear_in_its_length(monkeypatch):
    """A report of one-line headings and paragraphs with no blank line is one long run of short lines: the reader
    of tables printed one cell per line must not measure that run again from every line (it did: 2 minutes for
    12000 lines). Counted in calls of the header-word test, which the run scan makes per line it looks at."""
    import ingestion.blocks.stacked as stacked

    calls = 0

    def counting(text):
        nonlocal calls
        calls += 1
        return header_role(text)

    from ingestion.headers import header_role

    monkeypatch.setattr(stacked, "header_role", counting)
    work = {}
    for n in (500, 2000):
        calls = 0
        doc = Document.from_text(_outline(n))
        work[n] = calls
    assert work[2000] <= 5 * work[500], work  # four times the lines: about four times the work, not sixteen
    assert [h.line for h in doc.heading_chain(doc.n_lines - 1)] == [doc.n_lines - 2]  # 正文 under its heading


def test_a_document_built_from_a_readers_model_keeps_the_readers_grid():
    from ingestion.layout import GridTable, render
    from ingestion.model import Cell
    from ingestion.records import ReportMeta

    model = render(["一、主要指标", "表1 主要指标",
                    GridTable([[Cell("指标"), Cell("2030年", col_span=2)], [Cell("甲指标"), Cell("5"), Cell("6")]],
                              header_rows=1, layout="docx"),
                    "表后的段落。"])
    doc = Document.from_model(model, meta=ReportMeta(None, None, None, None, None, None, None))
    assert doc.lines == model.text.split("\n")
    (table,) = doc.tables
    assert table.rows[0][1].col_span == 2 and table.header_rows == 1 and table.title() == "表1主要指标"
    assert [doc.line(c.line) for c in table.rows[1]] == ["\t甲指标", "\t5", "\t6"]
    assert [(h.line, h.level) for h in doc.headings] == [(1, 1)]


def _layout(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / name).read_text(encoding="utf-8")


def test_decimal_outline_titles_typed_as_text_are_headings_a_level_below_their_part():
    doc = Document.from_text(_layout("decimal_outline.txt"))
    assert [(h.line, h.level, h.text) for h in doc.headings] == [
        (5, 1, "12031年国民经济和社会发展计划执行情况"), (9, 2, "1.1主要经济指标完成情况"),
        (13, 2, "1.2重点项目建设情况"), (17, 1, "22032年主要目标和重点工作"), (18, 2, "2.1主要预期目标"),
        (19, 2, "2.2重点工作")]
    assert not doc.tables  # titles aligned on a double space are not a two-column table
    assert doc.section(11).text == "1.1主要经济指标完成情况"
    assert doc.next_boundary(11) == 13


def test_a_single_decimal_figure_line_is_not_an_outline():
    doc = Document.from_text("一、执行情况\n1.5  万吨级码头建设\n全年完成投资。\n")
    assert [h.line for h in doc.headings] == [1]


def test_markdown_headings_and_captions_are_in_the_outline():
    doc = Document.from_text("# 关于甲县2031年计划执行情况的报告\n\n## 一、2031年执行情况\n\n### （一）主要指标\n\n"
                             "**表1 2031年主要指标完成情况**\n\n| 指标 | 完成 |\n|---|---|\n| 甲 | 5 |\n")
    assert [(h.line, h.level, h.text) for h in doc.headings] == [
        (1, 0, "关于甲县2031年计划执行情况的报告"), (3, 1, "一、2031年执行情况"), (5, 2, "（一）主要指标")]
    assert [(c.line, c.kind, c.number, c.text) for c in doc.captions] == [(7, "表", 1, "表12031年主要指标完成情况")]


def test_category_lines_inside_a_box_are_not_report_headings():
    doc = Document.from_text(_layout("framed_box.txt"))
    assert [h.text for h in doc.headings] == ["三、2032年重点工作", "（二）扩大有效投资", "（三）推进乡村振兴"]
    assert [c.text for c in doc.captions] == ["专栏12032年县级重点建设项目"]


def test_fixture_a_phone_article_copy_with_full_width_figures_and_bracketed_section_markers():
    """A text copied from a phone article (`layouts/phone_article_fullwidth.txt`): every digit, `％`, the decimal
    point `．` and the range dash `－` are full-width; the parts are marked `【２０３１年计划执行情况】` instead of
    一、; the 专栏 prints each stage with its count and total before the colon (`新开工项目１５个，总投资４６．５亿元：A、B`)
    and a lead-in paragraph (`从具体安排看：…`) follows it. Figures read as numbers, the stored text holds the
    half-width forms every value is found in, each 【】 part scopes its prose, and the list ends at the lead-in."""
    from pathlib import Path

    from ingestion.process import process_report

    path = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "phone_article_fullwidth.txt"
    done = process_report(path.name, path.read_bytes())
    assert done.ok, done.error
    ex = done.extraction
    assert (ex.meta.review_year, ex.meta.plan_year) == (2031, 2032)
    got = sorted((r.period_year, r.measure, r.indicator_name, r.value_num, r.comparator) for r in ex.indicators)
    assert got == sorted([
        (2031, "actual", "地区生产总值", 218.5, "eq"), (2031, "actual", "地区生产总值增速", 5.8, "eq"),
        (2031, "actual", "一般公共预算收入", 16.2, "eq"), (2031, "actual", "一般公共预算收入增速", 7.1, "eq"),
        (2031, "actual", "城镇新增就业", 4200.0, "eq"), (2031, "actual", "新增规上工业企业", 18.0, "eq"),
        (2032, "target", "地区生产总值增速", 6.0, "approx"), (2032, "target", "城镇调查失业率", 5.5, "le"),
        (2032, "target", "旅游综合收入增速", 8.0, "ge"), (2032, "target", "旅游综合收入增速", 10.0, "le"),
    ])
    lines = done.text.split("\n")
    assert all(r.value_raw in lines[r.source_line - 1] for r in ex.indicators)  # as stored, half-width
    assert [(p.project_name, p.stage, p.stage_raw) for p in ex.projects] == [
        ("云溪甲新材料产业园", "started", "新开工项目"), ("乙镇污水处理厂", "started", "新开工项目"),
        ("丙河综合治理工程", "started", "新开工项目"), ("丁高速云溪段", "ongoing", "续建项目"),
        ("戊县人民医院迁建", "ongoing", "续建项目"), ("己通用机场", "preparatory", "前期项目"),
        ("庚水库扩容", "preparatory", "前期项目")]
    assert {p.list_title for p in ex.projects} == {"专栏2032年县级重点项目"}


def test_full_width_figures_turn_half_width_but_an_item_number_point_and_chinese_punctuation_stay():
    from ingestion.figures_width import halfwidth_figures

    assert halfwidth_figures("２０３１年增长６．２％，ＧＤＰ达到１０－１２亿元。\n1．产业：甲、乙") == \
        "2031年增长6.2%，GDP达到10-12亿元。\n1．产业：甲、乙"
    assert halfwidth_figures("１．甲") == "１．甲"  # too few full-width digits: not a full-width text, left as printed
