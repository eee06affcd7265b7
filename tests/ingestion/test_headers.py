"""The header interpreter, one class of header per test: grids as a container gives them (merged cells with spans)
and as a text layout gives them (spans lost, rows ragged). Names and figures are invented."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.headers import (
    ATTRIBUTE,
    CATEGORY,
    IGNORED,
    NAME,
    NAME_SUB,
    SEQ,
    UNIT,
    VALUE,
    VERDICT,
    header_role,
    is_repeated_header,
    read_header,
)
from ingestion.model import Cell, Table


def table(*rows) -> list[list[Cell | None]]:
    """A grid from rows of texts; a (text, row_span, col_span) tuple is a merged cell."""
    cells = [[Cell(c[0], c[1], c[2]) if isinstance(c, tuple) else Cell(c) for c in row] for row in rows]
    return Table("table", "", 1, len(rows), rows=cells).grid()


def described(grid, **kw):
    h = read_header(grid, **kw)
    assert h is not None
    return h, [(c.role, c.period_year, c.measure) if c.role == VALUE else c.role for c in h.columns]


# --------------------------------------------------------------------------------------------------------------
# stacked, merged headers
# --------------------------------------------------------------------------------------------------------------


def test_two_row_header_with_a_year_merged_over_target_and_estimate():
    grid = table(
        [("指标名称", 2, 1), ("单位", 2, 1), ("2023年", 1, 2), ("2024年计划目标", 2, 1), ("指标属性", 2, 1)],
        ["计划目标", "预计完成"],
        [("一、产业升级", 1, 6)],
        ["示范产值增速", "%", "6左右", "6.3", "6左右", "预期性"],
    )
    h, roles = described(grid, plan_year=2024)
    assert roles == [NAME, UNIT, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), (VALUE, 2024, "target"),
                     ATTRIBUTE]
    assert [c.header for c in h.columns][2:4] == ["2023年计划目标", "2023年预计完成"]
    assert h.body_start == 2 and h.kind == "indicator"


def test_the_same_header_as_a_text_layout_prints_it_without_spans():
    # one cell per printed cell: the year once, empty cells under the vertically merged ones
    grid = table(
        ["指标名称", "单位", "2023年", "2024年计划目标", "指标属性"],
        ["", "", "计划目标", "预计完成", "", ""],
        ["示范产值增速", "%", "6左右", "6.3", "6左右", "预期性"],
    )
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, UNIT, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), (VALUE, 2024, "target"),
                     ATTRIBUTE]


def test_two_spanning_years_over_compact_labels():
    grid = table(
        ["序号", "指标名称", "单位", "2022年", "2023年"],
        ["目标", "完成", "目标"],
        ["1", "样例收入", "亿元", "80", "82", "90"],
    )
    _, roles = described(grid, plan_year=2023)
    assert roles == [SEQ, NAME, UNIT, (VALUE, 2022, "target"), (VALUE, 2022, "actual"), (VALUE, 2023, "target")]


def test_a_merge_printed_as_an_empty_cell_to_the_right_of_the_year():
    grid = table(
        ["指标", "2022年", "", "属性"],
        ["", "目标", "实际", ""],
        ["样例指数", "5", "5.4", "约束性"],
    )
    _, roles = described(grid, plan_year=2023)
    assert roles == [NAME, (VALUE, 2022, "target"), (VALUE, 2022, "actual"), ATTRIBUTE]


def test_a_measure_merged_over_years():
    grid = table(
        [("指标", 2, 1), ("计划目标", 1, 2)],
        ["2023年", "2024年"],
        ["样例里程", "12", "15"],
    )
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, (VALUE, 2023, "target"), (VALUE, 2024, "target")]


def test_a_bare_year_before_the_plan_year_is_the_review_and_otherwise_a_target():
    grid = table(["指标名称", "2022年", "2023年"], ["样例数", "7", "8"])
    _, roles = described(grid, plan_year=2023)
    assert roles == [NAME, (VALUE, 2022, "actual"), (VALUE, 2023, "target")]


def test_a_yearless_value_column_leaves_the_year_to_the_caption():
    _, roles = described(table(["指标", "目标值", "完成值"], ["样例数", "7", "8"]))
    assert roles == [NAME, (VALUE, None, "target"), (VALUE, None, "actual")]


def test_marked_header_rows_are_used_and_a_title_row_and_unit_row_above_are_skipped():
    grid = table(
        [("表3 样例区主要指标计划", 1, 3)],
        [("单位：亿元", 1, 3)],
        ["指标", "2024年目标", "备注"],
        ["样例总值", "120", "预期性"],
    )
    h, roles = described(grid, header_rows=3)
    assert roles == [NAME, (VALUE, 2024, "target"), ATTRIBUTE]
    assert (h.title, h.unit_note, h.body_start) == ("表3样例区主要指标计划", "单位：亿元", 3)


def test_a_name_header_merged_over_two_columns():
    grid = table([("序号", 1, 1), ("指标名称", 1, 2), "2024年目标"], ["1", "总量*", "#甲物质", "下降2%"])
    _, roles = described(grid)
    assert roles[:3] == [SEQ, NAME, NAME_SUB]


# --------------------------------------------------------------------------------------------------------------
# verdicts, attributes, derived columns
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["是否达到预期", "是否完成", "完成与否", "是否达到预期目标"])
def test_verdict_headers(header):
    _, roles = described(table(["指标", "2023年目标", "2023年完成", header], ["样例率", "5", "6", "√"]))
    assert roles[-1] == VERDICT


@pytest.mark.parametrize("cells", [["完成", "未完成"], ["√", "×"], ["✓", "✗"], ["是", "否"], ["超额完成", "完成"]])
def test_a_completion_column_holding_verdict_words_is_the_verdict(cells):
    grid = table(["指标", "2023年目标", "2023年实际", "完成情况"], ["样例甲", "5", "6", cells[0]],
                 ["样例乙", "3", "2", cells[1]])
    _, roles = described(grid)
    assert roles == [NAME, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), VERDICT]


def test_two_column_review_table_holds_value_and_verdict_in_one_cell():
    grid = table(["指标", "完成情况"], ["样例产值", "增长5.2%，完成年度目标"], ["样例收入", "未完成（增长2.1%）"])
    h, roles = described(grid)
    assert roles == [NAME, (VALUE, None, "actual")]
    assert h.columns[1].verdict_in_cell and h.kind == "indicator"


@pytest.mark.parametrize("position", [1, 2, 4])
def test_attribute_column_anywhere(position):
    header = ["指标名称", "单位", "2023年目标", "2023年完成"]
    row = ["样例数", "个", "10", "11"]
    header.insert(position, "属性")
    row.insert(position, "约束性")
    _, roles = described(table(header, row))
    assert roles[position] == ATTRIBUTE
    assert [r for r in roles if isinstance(r, tuple)] == [(VALUE, 2023, "target"), (VALUE, 2023, "actual")]


def test_a_remark_column_holding_attribute_words_is_the_attribute_and_otherwise_ignored():
    _, roles = described(table(["指标", "2024年目标", "备注"], ["样例甲", "5", "约束性"], ["样例乙", "6", "预期性"]))
    assert roles[-1] == ATTRIBUTE
    _, roles = described(table(["指标", "2024年目标", "备注"], ["样例甲", "5", "按新口径统计"]))
    assert roles[-1] == IGNORED
    mixed = table(["指标", "2024年目标", "备注"], ["样例甲", "5", "新增指标"], ["样例乙", "6", "约束性"],
                  ["样例丙", "7", "按新口径统计"])
    assert described(mixed)[1][-1] == ATTRIBUTE


def test_a_value_header_over_attribute_words_is_the_attribute_never_a_value():
    _, roles = described(table(["指标", "2024年目标", "指标类型"], ["样例甲", "5", "约束性"], ["样例乙", "6", "预期性"]))
    assert roles == [NAME, (VALUE, 2024, "target"), ATTRIBUTE]


@pytest.mark.parametrize("derived", ["增长%", "比上年增长（%）", "增幅", "增减", "同比", "完成率", "占计划（%）"])
def test_growth_and_ratio_beside_a_level_are_ignored(derived):
    _, roles = described(table(["指标", "单位", "2023年完成", derived], ["样例总值", "亿元", "320", "6.1"]))
    assert roles == [NAME, UNIT, (VALUE, 2023, "actual"), IGNORED]


def test_a_growth_column_alone_is_the_value():
    _, roles = described(table(["指标", "2024年增长（%）"], ["样例总值", "6"]), plan_year=2024)
    assert roles == [NAME, (VALUE, 2024, "target")]


def test_a_part_year_column_beside_the_full_year_estimate_is_ignored():
    _, roles = described(table(["指标", "2023年目标", "2023年1-11月", "2023年预计"], ["样例数", "5", "4.8", "5.1"]))
    assert roles == [NAME, (VALUE, 2023, "target"), IGNORED, (VALUE, 2023, "actual")]


# --------------------------------------------------------------------------------------------------------------
# vocabulary and kinds
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("header, role", [
    ("序号", SEQ), ("指标名称", NAME), ("指标", NAME), ("主要指标", NAME), ("单位", UNIT), ("计量单位", UNIT),
    ("指标属性", ATTRIBUTE), ("性质", ATTRIBUTE), ("类别", CATEGORY), ("领域", CATEGORY), ("2021年目标", VALUE),
    ("2022年计划目标", VALUE), ("2021年预计完成", VALUE), ("是否达到预期", VERDICT), ("完成率", IGNORED),
    ("8以上", None), ("约束性", None), ("是", None), ("样例区主要经济社会发展指标二〇二四年计划目标完成", None),
])
def test_header_vocabulary(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize("header", ["责任单位", "牵头单位"])
def test_a_department_column_is_not_the_unit(header):
    _, roles = described(table(["指标", "2024年目标", header], ["样例数", "5", "区发改委"]))
    assert roles[-1] == IGNORED


def test_project_table_and_prose_grid_are_not_indicator_tables():
    h = read_header(table(["序号", "项目名称", "建设内容", "总投资（亿元）"], ["1", "样例路", "新建道路", "3"]))
    assert h is not None and h.kind == "project"
    assert read_header(table(["开工项目：样例路、样例桥"], ["竣工项目：样例馆"])) is None


def test_figures_never_read_as_a_header_row():
    assert read_header(table(["1", "样例总值", "亿元", "320"], ["2", "样例收入", "亿元", "40"])) is None


def test_a_header_printed_again_after_a_page_break_is_recognised():
    h = read_header(table(["序号", "指标名称", "2023年目标"], ["1", "样例数", "5"]))
    assert h is not None
    assert is_repeated_header([Cell("序号"), Cell("指标名称"), Cell("2023年目标")], h)
    assert is_repeated_header([Cell("目标"), Cell("完成")], h)
    assert not is_repeated_header([Cell("2"), Cell("样例率"), Cell("6")], h)


def test_a_marked_single_header_row_still_takes_the_labels_printed_under_it():
    # a Markdown pipe table has one header line; the labels under the spanning year come as the first body line
    grid = table(
        ["指标名称", "单位", "2023年", "", "2024年目标"],
        ["", "", "目标", "预计完成", ""],
        ["样例总值增速", "%", "5", "5.3", "5左右"],
    )
    h, roles = described(grid, header_rows=1, plan_year=2024)
    assert roles == [NAME, UNIT, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), (VALUE, 2024, "target")]
    assert h.body_start == 2


def test_years_in_chinese_numerals_full_width_digits_and_relative_years():
    _, roles = described(table(["主要指标", "二〇二三年完成", "上年实际", "今年目标", "２０２４年预期"],
                               ["样例数", "5", "4", "6", "6"]), plan_year=2024)
    assert roles == [NAME, (VALUE, 2023, "actual"), (VALUE, 2023, "actual"), (VALUE, 2024, "target"),
                     (VALUE, 2024, "target")]


def test_a_name_header_worded_with_a_target_word_is_still_the_name():
    _, roles = described(table(["计划指标", "2024年目标"], ["样例数", "6"]))
    assert roles == [NAME, (VALUE, 2024, "target")]


def test_a_level_column_without_a_measure_leaves_the_measure_to_the_caption():
    _, roles = described(table(["指标", "单位", "绝对值", "增长（%）"], ["样例总值", "亿元", "320", "6.1"]))
    assert roles == [NAME, UNIT, (VALUE, None, None), IGNORED]


def test_a_letter_spaced_header_word_split_into_characters_is_one_column():
    # `序  号  指  标  名  称  2024年目标` read from a space-aligned text: one cell per character
    grid = table(["序", "号", "指", "标", "名", "称", "2024年目标"], ["1", "样例总值", "6"])
    _, roles = described(grid)
    assert roles == [SEQ, NAME, (VALUE, 2024, "target")]


def test_each_spanning_year_keeps_its_own_verdict_label():
    grid = table(
        ["指标", "2022年", "2023年"],
        ["目标", "完成", "是否达到预期", "目标"],
        ["样例数", "5", "5.5", "是", "6"],
    )
    _, roles = described(grid, plan_year=2023)
    assert roles == [NAME, (VALUE, 2022, "target"), (VALUE, 2022, "actual"), VERDICT, (VALUE, 2023, "target")]


def test_a_yearless_value_column_after_a_dated_one_belongs_to_its_year():
    grid = table(["指标名称", "2023年目标", "1-11月", "全年预计", "2024年目标"], ["样例数", "5", "4.6", "5.2", "6"])
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, (VALUE, 2023, "target"), IGNORED, (VALUE, 2023, "actual"), (VALUE, 2024, "target")]


def test_a_growth_column_of_another_year_than_the_level_is_a_value():
    grid = table(["指标", "2023年完成增长（%）", "2024年预期目标"], ["样例总值", "5.6", "6左右"])
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, (VALUE, 2023, "actual"), (VALUE, 2024, "target")]


# --------------------------------------------------------------------------------------------------------------
# any grid: the interpreter never fails and its answer is consistent
# --------------------------------------------------------------------------------------------------------------

_WORDS = ["序号", "指标名称", "单位", "2023年", "2024年目标", "计划目标", "预计完成", "是否完成", "完成情况", "属性", "备注",
          "增长%", "完成率", "类别", "", "6", "≥90", "约束性", "是", "一、经济发展", "样例总值", "项目名称", "总投资"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_WORDS), st.integers(1, 2), st.integers(1, 3)), min_size=0,
                         max_size=7), min_size=0, max_size=6),
       st.one_of(st.none(), st.integers(0, 3)), st.one_of(st.none(), st.integers(2020, 2025)))
def test_any_grid_reads_without_error_and_consistently(rows, header_rows, plan_year):
    grid = table(*rows) if rows else []
    h = read_header(grid, header_rows=header_rows, plan_year=plan_year)
    if h is None:
        return
    assert 0 < h.body_start <= len(grid)
    assert [c.index for c in h.columns] == list(range(len(h.columns)))
    assert all((c.measure in ("target", "actual", None)) for c in h.values)
    if h.kind == "indicator":
        assert len(h.role(NAME)) == 1 and h.values


def test_an_empty_top_left_header_over_the_names_is_the_name_column():
    grid = table(["序号", "", "2024年目标"], ["1", "样例总值增速", "6"], ["2", "样例收入增速", "7"])
    _, roles = described(grid)
    assert roles == [SEQ, NAME, (VALUE, 2024, "target")]


# --------------------------------------------------------------------------------------------------------------
# a year merged over a level and its growth column (增长%)
# --------------------------------------------------------------------------------------------------------------

GROWTH_ROLES = [SEQ, NAME, UNIT, (VALUE, 2023, "actual"), IGNORED, (VALUE, 2024, "target"), IGNORED, ATTRIBUTE]


def test_years_merged_over_a_level_and_its_growth_read_from_the_printed_spans():
    # the rows as the rendered text prints them (`Table.layout_rows`): each year once, but carrying its span
    rows = [[Cell("序号", 2), Cell("指标名称", 2), Cell("单位", 2), Cell("2023年", 1, 2), Cell("2024年", 1, 2),
             Cell("属性", 2)],
            [Cell(""), Cell(""), Cell(""), Cell("完成"), Cell("增长%"), Cell("目标"), Cell("增长%"), Cell("")],
            [Cell(t) for t in ("1", "样例总值", "亿元", "512.4", "6.2", "540", "5左右", "预期性")]]
    h, roles = described(rows, plan_year=2024)
    assert roles == GROWTH_ROLES
    assert [c.header for c in h.columns][3:7] == ["2023年完成", "2023年增长%", "2024年目标", "2024年增长%"]


def test_years_over_a_level_and_its_growth_in_a_text_layout_share_the_labels_equally():
    # a TAB copy prints no spans: each year takes the same run of labels (a level, then its growth)
    grid = table(
        ["序号", "指标名称", "单位", "2023年", "2024年", "属性"],
        ["", "", "", "完成", "增长%", "目标", "增长%", ""],
        ["1", "样例总值", "亿元", "512.4", "6.2", "540", "5左右", "预期性"],
    )
    _, roles = described(grid, plan_year=2024)
    assert roles == GROWTH_ROLES


def test_labels_without_a_derived_column_are_still_shared_until_a_measure_repeats():
    grid = table(
        ["指标名称", "2022年", "2023年"],
        ["目标", "完成", "目标"],
        ["样例总值增速", "6", "6.1", "5.5"],
    )
    _, roles = described(grid, plan_year=2023)
    assert roles == [NAME, (VALUE, 2022, "target"), (VALUE, 2022, "actual"), (VALUE, 2023, "target")]


def test_labels_printed_from_the_left_edge_under_spanning_years_are_still_theirs():
    # a space-aligned copy loses the empty cells under 序号/指标名称/单位: the labels start at the left edge
    grid = table(
        ["序号", "指标名称", "单位", "2023年", "2024年", "属性"],
        ["完成", "增长%", "目标", "增长%"],
        ["1", "样例总值", "亿元", "512.4", "6.2", "540", "5左右", "预期性"],
    )
    _, roles = described(grid, plan_year=2024)
    assert roles == GROWTH_ROLES


# --------------------------------------------------------------------------------------------------------------
# a column naming completion is read by its cells: verdict words → the verdict, percentages → a ratio
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["完成进度", "完成状态", "完成程度", "执行进度", "实现程度", "达标与否", "是否实现",
                                    "评价", "完成情况", "2023年完成进度"])
def test_a_completion_column_of_verdict_words_is_the_verdict(header):
    grid = table(["指标名称", "单位", "2023年目标", "2023年完成", header], ["样例甲", "%", "6", "6.4", "超额完成"],
                 ["样例乙", "亿元", "12", "11.5", "未完成"], ["样例丙", "%", "3", "3", "完成"])
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, UNIT, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), VERDICT]


@pytest.mark.parametrize("header", ["完成进度", "完成状态", "执行进度", "实现程度"])
def test_a_completion_column_of_percentages_is_a_ratio_never_a_value(header):
    grid = table(["指标名称", "单位", "2023年目标", "2023年完成", header], ["样例甲", "亿元", "20", "21", "105%"],
                 ["样例乙", "亿元", "12", "10.8", "90%"])
    _, roles = described(grid, plan_year=2024)
    assert roles == [NAME, UNIT, (VALUE, 2023, "target"), (VALUE, 2023, "actual"), IGNORED]


def test_a_group_row_numbered_in_the_seq_column_is_no_repeated_header():
    h = read_header(table(["序号", "指标名称", "单位", "2024年目标"], ["1", "样例数", "个", "5"]))
    assert h is not None
    assert not is_repeated_header([Cell("一"), Cell("总量指标"), Cell("亿元")], h)
    assert is_repeated_header([Cell("指标名称"), Cell("单位")], h)


@pytest.mark.parametrize("group", ["经济增长", "社会发展", "一、经济运行"])
def test_a_group_row_merged_across_the_whole_header_opens_the_body_not_the_header(group):
    # `<td colspan=5>经济增长</td>` right under a one-row header: its words (增长, 发展) read as header labels,
    # but a label under a spanning cell never covers the name column and every value column at once
    h, roles = described(table(["指标", "单位", "2031年计划", "2031年完成", "执行情况"], [(group, 1, 5)],
                               ["甲指标增长", "%", "6", "5.6", "未达预期"]), plan_year=2032)
    assert roles == [NAME, UNIT, (VALUE, 2031, "target"), (VALUE, 2031, "actual"), VERDICT]
    assert h.body_start == 1 and h.kind == "indicator"

