"""The re-layout sweep (`relayout.py`) over the sample reports' tables, and the TAB-row classes it found.

Each layout prints every table of `seeds/` again (with its title, heading, caption and notes) and must give the
same table values (name, value, comparator, year, measure) and projects (name, stage) as the genre's own layout.
Layouts that still lose facts are strict xfails with what they lose: fixing one turns its test into a failure
until the mark is removed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.extract import extract_text

from .relayout import LAYOUTS, difference, table_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

STILL_LOST: dict[str, str] = {}  # layout → what it still loses (none at present)


@pytest.fixture(scope="module")
def sources():
    found = [s for p in sorted(SEEDS.iterdir()) if p.is_file() for s in table_sources(p)]
    assert len(found) >= 5  # the samples' indicator tables and project tables
    return found


@pytest.mark.parametrize("layout", [
    pytest.param(x, marks=pytest.mark.xfail(reason=STILL_LOST[x], strict=True)) if x in STILL_LOST else x
    for x in LAYOUTS])
def test_a_table_printed_in_another_layout_gives_the_same_facts(sources, layout):
    bad = {}
    for src in sources:
        lost, gained = difference(src, layout)
        if lost or gained:
            bad[src.name] = (sorted(lost)[:3], sorted(gained)[:3])
    assert not bad


TITLE = "某某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n表1　某某县2023年主要指标完成情况\n"


def _values(text: str) -> dict[tuple[str, str], str]:
    ex = extract_text(text)
    return {(r.indicator_name, r.measure): r.value_raw for r in ex.indicators if r.source == "table"}


def test_tab_rows_under_a_ragged_header_read_past_a_group_row():
    # `2023年` is merged over 计划/完成/完成情况 and printed once, so the body rows are two cells wider than the
    # header line; a group row (`一、经济类`) between header and body must not end the table
    text = TITLE + "\n".join([
        "序号\t指标\t单位\t2023年\t2024年目标\t属性",
        "\t\t\t计划\t完成\t完成情况\t\t",
        "一、经济类",
        "1\t全县生产总值增长\t%\t7\t7.4\t完成\t6.5\t预期性",
        "2\t工业增加值增长\t%\t9\t8.1\t未完成\t9\t预期性",
        "二、民生类",
        "3\t农民收入增长\t%\t8\t8.2\t完成\t7.5\t预期性",
    ]) + "\n"
    got = _values(text)
    assert got[("全县生产总值增长", "actual")] == "7.4"
    assert got[("工业增加值增长", "target")] in {"9"}
    assert got[("农民收入增长", "actual")] == "8.2"


def test_a_trailing_tab_is_the_empty_last_cell_of_a_tab_row():
    # a sub-row without 序号 and without 备注: leading and trailing empty cells both printed as TABs
    text = TITLE + "\n".join([
        "序号\t指标\t单位\t计划\t完成\t备注",
        "1\t社会投资增长\t%\t8\t6.1\t",
        "\t其中：产业投资增长\t%\t12\t13.5\t",
        "2\t税收收入增长\t%\t5\t5.2\t同口径",
    ]) + "\n"
    got = _values(text)
    assert got[("产业投资增长", "target")] == "12"
    assert got[("产业投资增长", "actual")] == "13.5"


def _spaced(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[c]) * 2 for r in rows if c < len(r)) for c in range(max(map(len, rows)))]
    return ["".join(x + " " * (widths[c] - 2 * len(x) + 3) for c, x in enumerate(r)).rstrip() for r in rows]


def test_space_aligned_rows_go_on_after_a_page_number_with_the_width_of_the_rows_above():
    # the page breaks inside a group of `#` sub-rows: the first line after the page number prints only the
    # sub-row's last cells, and must not become the header (three cells wide) of a table of its own
    rows = _spaced([
        ["类别", "序号", "指标", "2024年目标", "属性"],
        ["经济", "1", "全县生产总值增长（%）", "6", "预期性"],
        ["绿色", "2", "污染物减排*", "#氨氮（%）", "完成下达任务", "约束性"],
        ["", "", "", "#总磷（%）", "完成下达任务", "约束性"],
        ["", "3", "森林覆盖率（%）*", "61", "约束性"],
        ["民生", "4", "城镇新增就业（万人）", "2.1", "预期性"],
    ])
    text = TITLE + "\n".join([*rows[:3], "", "— 7 —", "", *rows[3:]]) + "\n"
    got = _values(text)
    assert got[("总磷", "target")] == "完成下达任务"
    assert got[("森林覆盖率", "target")] == "61"
    assert got[("城镇新增就业", "target")] == "2.1"


def _stacked(rows: list[list[str]]) -> list[str]:
    """One cell per line, a blank line after each row (a portal's table pasted as text)."""
    return [line for r in rows for line in [*r, ""]]


def test_one_cell_per_line_a_long_cell_wrapped_onto_the_next_line_is_one_cell():
    # a PDF copy wraps the name where it fills its column: the row has a line more than the header has cells
    text = TITLE + "\n".join(_stacked([
        ["序号", "指标名称", "单位", "2024年目标"],
        ["1", "全县生产总值增长", "%", "6"],
        ["2", "规模以上工业企业研究与试验发展", "经费支出占营业收入比重", "%", "1.8"],
        ["3", "城镇新增就业人数", "万人", "2.1"],
        ["4", "农村居民人均可支配收入", "元", "26000"],
    ])) + "\n"
    got = _values(text)
    assert got[("规模以上工业企业研究与试验发展经费支出占营业收入比重", "target")] == "1.8"
    assert got[("城镇新增就业人数", "target")] == "2.1"
    assert got[("农村居民人均可支配收入", "target")] == "26000"


def test_one_cell_per_line_a_row_printing_a_parent_beside_its_sub_row_is_read_past():
    # `污染物减排*` merged over its `#` sub-rows prints one cell more than the header: the table goes on
    text = TITLE + "\n".join(_stacked([
        ["序号", "指标", "2024年目标", "属性"],
        ["1", "全县生产总值增长（%）", "6", "预期性"],
        ["2", "污染物减排*", "#氨氮（%）", "完成下达任务", "约束性"],
        ["", "", "#总磷（%）", "完成下达任务", "约束性"],
        ["3", "森林覆盖率（%）*", "61", "约束性"],
        ["4", "城镇新增就业（万人）", "2.1", "预期性"],
    ])) + "\n"
    got = _values(text)
    assert got[("氨氮", "target")] == "完成下达任务"
    assert got[("总磷", "target")] == "完成下达任务"
    assert got[("城镇新增就业", "target")] == "2.1"


def test_a_padded_grid_s_unlabelled_last_column_holds_the_cells_a_sub_row_name_pushed_right():
    # a Markdown converter (or a Word table) pads every row to the widest: the rows printing `#` sub-rows beside
    # their parent's name fill a last column the header leaves unlabelled, the others leave it empty
    text = TITLE + "\n".join([
        "| 序号 | 指标 | 2024年目标 | 属性 | |",
        "|---|---|---|---|---|",
        "| 1 | 全县生产总值增长（%） | 6 | 预期性 | |",
        "| 2 | 污染物减排* | #氨氮（%） | 完成下达任务 | 约束性 |",
        "| | | #总磷（%） | 完成下达任务 | 约束性 |",
        "| 3 | 森林覆盖率（%）* | 61 | 约束性 | |",
    ]) + "\n"
    got = _values(text)
    assert got[("氨氮", "target")] == "完成下达任务"
    assert got[("总磷", "target")] == "完成下达任务"
    assert got[("森林覆盖率", "target")] == "61"
    assert ("污染物减排", "target") not in got


def test_space_aligned_rows_after_a_page_number_whose_first_row_is_no_header_and_a_group_row_over_the_break():
    # the page breaks under a group row (`二、基础设施`), and the first row after it has a long cell (no header
    # line): both parts are one project table
    rows = _spaced([
        ["序号", "项目名称", "建设性质", "总投资（亿元）"],
        ["一、产业项目"],
        ["1", "某某新材料产业园", "新开工", "12.5"],
        ["2", "某某装备制造基地", "续建", "8"],
        ["二、基础设施项目"],
        ["3", "某某至某某一级公路改扩建工程（含互通立交）", "续建", "18.6"],
        ["4", "某某河城区段生态治理", "竣工", "6.3"],
    ])
    text = ("某某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n专栏1：2024年重点项目\n"
            + "\n".join([*rows[:5], "", "— 7 —", "", *rows[5:]]) + "\n")
    names = {p.project_name for p in extract_text(text).projects}
    assert {"某某至某某一级公路改扩建工程（含互通立交）", "某某河城区段生态治理"} <= names


def test_space_aligned_rows_after_a_page_number_may_open_with_a_group_row():
    # the header's label is letter-spaced (`指  标`: three pieces on the header line, two cells on a row)
    rows = _spaced([
        ["指  标", "2024年目标"],
        ["一、经济发展"],
        ["全县生产总值增长（%）", "6"],
        ["工业增加值增长（%）", "7"],
        ["二、生态环境"],
        ["单位生产总值能耗降低（%）", "完成上级下达任务"],
        ["森林覆盖率（%）", "稳定在60以上"],
    ])
    text = TITLE + "\n".join([*rows[:4], "", "— 7 —", "", *rows[4:]]) + "\n"
    got = _values(text)
    assert got[("森林覆盖率", "target")] == "稳定在60以上"
    assert got[("单位生产总值能耗降低", "target")] == "完成上级下达任务"


def test_a_header_line_after_a_page_number_is_no_row_of_the_table_above():
    # a table that starts right after a page number (no caption) keeps its own header
    first = _spaced([["指标", "2024年目标"], ["全县生产总值增长（%）", "6"], ["工业增加值增长（%）", "7"]])
    second = _spaced([["序号", "指标名称", "2024年目标"], ["1", "森林覆盖率（%）", "61"], ["2", "城镇新增就业（人）", "1200"]])
    text = TITLE + "\n".join([*first, "", "— 7 —", "", *second]) + "\n"
    got = _values(text)
    assert got[("森林覆盖率", "target")] == "61"
    assert got[("城镇新增就业", "target")] == "1200"


def test_one_cell_per_line_every_cell_printed_an_empty_one_as_an_empty_line():
    # `2024年` merged over 目标/完成 leaves an empty header cell, the second header row and the padded group row
    # print empty cells at their start and end: every row is as many lines, and a blank line closes it
    text = TITLE + "\n".join(_stacked([
        ["序号", "指标名称", "单位", "2023年", "", "是否完成"],
        ["", "", "", "计划", "完成", ""],
        ["一、经济发展", "", "", "", "", ""],
        ["1", "全县生产总值增长", "%", "6", "5.1", "未完成"],
        ["2", "工业增加值增长", "", "7", "7.6", "完成"],
        ["", "#工业投资增长", "%", "12", "15.2", "完成"],
        ["3", "城镇新增就业", "万人", "2", "2.3", "完成"],
    ])) + "\n"
    got = _values(text)
    assert got[("全县生产总值增长", "actual")] == "5.1"
    assert got[("工业增加值增长", "target")] == "7"
    assert got[("工业投资增长", "actual")] == "15.2"
    assert got[("城镇新增就业", "actual")] == "2.3"


def test_one_cell_per_line_a_project_table():
    text = ("某某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n专栏1：2024年重点项目\n"
            + "\n".join(_stacked([
                ["序号", "项目名称", "建设性质", "总投资（亿元）"],
                ["1", "某某新材料产业园", "新开工", "12.5"],
                ["2", "某某装备制造基地", "续建", ""],
                ["3", "某某河城区段生态治理", "竣工", "6.3"],
            ])) + "\n")
    got = {p.project_name: p.stage for p in extract_text(text).projects}
    assert got == {"某某新材料产业园": "started", "某某装备制造基地": "ongoing", "某某河城区段生态治理": "completed"}


def test_a_sub_row_name_printed_in_the_seq_column_of_a_padded_grid():
    # `#社会投资增长` merged over 序号 and 指标 in the source: the padded grid starts the row one column left
    text = TITLE + "\n".join([
        "| 序号 | 指标 | 单位 | 计划 | 完成 | 是否完成 |",
        "|---|---|---|---|---|---|",
        "| 1 | 固定资产投资增长 | % | 10 | 10.6 | √ |",
        "| #社会投资增长 | % | 6 | 3.2 | × | |",
        "| 2 | 税收收入增长 | % | 5 | 5.2 | √ |",
    ]) + "\n"
    got = _values(text)
    assert got[("社会投资增长", "target")] == "6"
    assert got[("社会投资增长", "actual")] == "3.2"
