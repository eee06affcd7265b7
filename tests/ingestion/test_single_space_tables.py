"""Tables copied out of a PDF viewer with one ASCII space between cells (`blocks/spaced.py`), each read from a
small invented fixture: an indicator table with a `其中：` sub-row that prints no 序号, group lines and a page
break inside it, and a project table of the same layout. Prose and header-like lines with spaces stay text."""
from __future__ import annotations

from pathlib import Path

from ingestion.model import Table
from ingestion.process import process_report
from ingestion.text_blocks import text_blocks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tables"


def _processed(path: Path):
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def test_an_indicator_table_with_one_space_between_cells_is_read_row_by_row():
    processed = _processed(FIXTURES / "single_space_cells.txt")
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    got = sorted(((v.seq, v.category, v.parent_name, v.indicator_name, v.unit, v.period_year, v.measure,
                   v.value_raw, v.attribute, v.achieved_raw) for v in values), key=repr)
    g1, g2, e, b = "（一）经济运行", "（二）生态环境", "预期性", "约束性"
    assert got == sorted([
        ("1", g1, None, "地区生产总值增速", "%", 2025, "target", "6", e, None),
        ("1", g1, None, "地区生产总值增速", "%", 2025, "actual", "6.4", e, "是"),
        ("2", g1, None, "规模以上工业增加值增速", "%", 2025, "target", "8", e, None),
        ("2", g1, None, "规模以上工业增加值增速", "%", 2025, "actual", "7.1", e, "否"),
        # the sub-row prints no 序号: one token fewer, its parent the row above
        (None, g1, "规模以上工业增加值增速", "高技术制造业增加值增速", "%", 2025, "target", "12", e, None),
        (None, g1, "规模以上工业增加值增速", "高技术制造业增加值增速", "%", 2025, "actual", "13.5", e, "是"),
        ("3", g1, None, "社会消费品零售总额", "亿元", 2025, "target", "42", e, None),
        ("3", g1, None, "社会消费品零售总额", "亿元", 2025, "actual", "43.6", e, "是"),
        # after the page number between blank lines the rows go on, under the group line before the break
        ("4", g2, None, "城区PM2.5年均浓度", "微克/立方米", 2025, "target", "≤35", b, None),
        ("4", g2, None, "城区PM2.5年均浓度", "微克/立方米", 2025, "actual", "31", b, "是"),
        ("5", g2, None, "单位地区生产总值能耗降低", "%", 2025, "target", "完成省下达任务", b, None),
        ("5", g2, None, "单位地区生产总值能耗降低", "%", 2025, "actual", "完成省下达任务", b, "是"),
    ], key=repr)
    assert {v.table_title for v in values} == {"表2沐溪县2025年主要指标执行情况"}
    lines = processed.text.split("\n")
    assert all(v.value_raw in lines[v.source_line - 1].split(" ") for v in values)


def test_a_project_table_with_one_space_between_cells_gives_its_projects():
    processed = _processed(FIXTURES / "single_space_project_table.txt")
    got = {(it.project_name, it.stage_raw, it.stage, it.category) for it in processed.extraction.projects}
    assert got == {
        ("沐溪县锂电材料产业园", "新开工", "started", "工业项目"),
        ("沐溪县茶叶精制加工厂", "续建", "ongoing", "工业项目"),
        ("沐溪县装配式建材基地", "竣工", "completed", "工业项目"),
        ("沐溪县中医医院门诊楼", "续建", "ongoing", "民生项目"),
        ("沐溪县城北小学", "前期", "preparatory", "民生项目"),
    }
    assert {it.list_title for it in processed.extraction.projects} == {"专栏3沐溪县2026年重点项目"}


def test_lines_with_single_spaces_that_are_no_table_stay_text():
    """Prose holding spaces, header-like words with no caption and too few of them, and a captioned header
    whose lines do not line up with it are no table."""
    text = "\n".join([
        "一、总体情况",
        "今年 全县 经济 运行 平稳 向好",
        "Version 2 of the plan draft",
        "指标 单位 目标",
        "1 地区生产总值增速 % 6",
        "2 城镇新增就业 人 2000",
        "表3 主要指标",
        "序号 指标名称 单位 目标 完成",
        "全县 经济 平稳",
        "投资 增长 较快 势头 良好 持续 向好",
        "",
    ])
    blocks = text_blocks(text).blocks
    assert not any(isinstance(b, Table) for b in blocks)


def test_the_header_printed_again_after_a_page_break_and_a_name_with_a_space_keep_the_rows():
    """After a page number the header is printed again (no row), and a name holding a Latin token spaced off
    (`细颗粒物 PM2.5 浓度`) has more tokens than the header: the tokens between the cells before the name and the
    cells after it are the name."""
    text = "\n".join([
        "枫桥县2030年国民经济和社会发展计划执行情况与2031年计划草案的报告",
        "一、2030年计划执行情况",
        "表1 枫桥县主要指标完成情况",
        "序号 指标名称 单位 2030年目标 2030年完成 是否完成",
        "1 园区工业产值增速 % 9 9.6 是",
        "#高端装备产值增速 % 12 12.8 是",
        "",
        "— 5 —",
        "",
        "序号 指标名称 单位 2030年目标 2030年完成 是否完成",
        "2 细颗粒物 PM2.5 浓度 微克/立方米 30 28 是",
        "3 新增城镇就业 人 1500 1620 是",
        "二、2031年主要预期目标",
        "",
    ])
    processed = process_report("fengqiao_2030.txt", text.encode("utf-8"))
    assert processed.ok, processed.error
    got = {(v.seq, v.parent_name, v.indicator_name, v.unit, v.measure, v.value_raw)
           for v in processed.extraction.indicators if v.source == "table"}
    assert got == {
        ("1", None, "园区工业产值增速", "%", "target", "9"), ("1", None, "园区工业产值增速", "%", "actual", "9.6"),
        (None, "园区工业产值增速", "高端装备产值增速", "%", "target", "12"),
        (None, "园区工业产值增速", "高端装备产值增速", "%", "actual", "12.8"),
        ("2", None, "细颗粒物PM2.5浓度", "微克/立方米", "target", "30"),
        ("2", None, "细颗粒物PM2.5浓度", "微克/立方米", "actual", "28"),
        ("3", None, "新增城镇就业", "人", "target", "1500"), ("3", None, "新增城镇就业", "人", "actual", "1620"),
    }


def test_a_two_line_header_of_years_over_measures_gives_each_value_its_year_and_measure():
    """`2025年 2026年` over `目标 完成 目标`: a year's target opens its group (and actuals before the first target
    are a past year's, `2024年 2025年 2026年` over `完成 计划 完成 计划`); `2024年 2025年` over `完成 完成` splits
    evenly. The cells beside the years span both lines, and the rows are as wide as the leaves."""
    processed = _processed(FIXTURES / "single_space_two_row_header.txt")
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    got = {(v.table_title[:3], v.indicator_name, v.parent_name, v.unit, v.period_year, v.measure, v.value_raw)
           for v in values}
    t1, t2, t3 = "表1岚", "表2岚", "表3岚"
    assert got == {
        (t1, "地区生产总值增速", None, "%", 2025, "target", "6"),
        (t1, "地区生产总值增速", None, "%", 2025, "actual", "6.4"),
        (t1, "地区生产总值增速", None, "%", 2026, "target", "6左右"),
        (t1, "规模以上工业增加值增速", None, "%", 2025, "target", "8"),
        (t1, "规模以上工业增加值增速", None, "%", 2025, "actual", "7.1"),
        (t1, "规模以上工业增加值增速", None, "%", 2026, "target", "8"),
        (t1, "社会消费品零售总额", None, "亿元", 2025, "target", "42"),
        (t1, "社会消费品零售总额", None, "亿元", 2025, "actual", "43.6"),
        (t1, "社会消费品零售总额", None, "亿元", 2026, "target", "46"),
        (t1, "网络零售额", "社会消费品零售总额", "亿元", 2025, "target", "9"),
        (t1, "网络零售额", "社会消费品零售总额", "亿元", 2025, "actual", "9.8"),
        (t1, "网络零售额", "社会消费品零售总额", "亿元", 2026, "target", "11"),
        (t1, "一般公共预算收入", None, "亿元", 2025, "target", "12.5"),
        (t1, "一般公共预算收入", None, "亿元", 2025, "actual", "12.9"),
        (t1, "一般公共预算收入", None, "亿元", 2026, "target", "13.4"),
        (t2, "城镇新增就业", None, "万人", 2024, "actual", "1.1"),
        (t2, "城镇新增就业", None, "万人", 2025, "actual", "1.2"),
        (t2, "城镇调查失业率", None, "%", 2024, "actual", "5.1"),
        (t2, "城镇调查失业率", None, "%", 2025, "actual", "5.0"),
        (t3, "固定资产投资增速", None, "%", 2024, "actual", "5.2"),
        (t3, "固定资产投资增速", None, "%", 2025, "target", "7"),
        (t3, "固定资产投资增速", None, "%", 2025, "actual", "7.5"),
        (t3, "固定资产投资增速", None, "%", 2026, "target", "8"),
        (t3, "工业投资增速", None, "%", 2024, "actual", "6.1"),
        (t3, "工业投资增速", None, "%", 2025, "target", "9"),
        (t3, "工业投资增速", None, "%", 2025, "actual", "8.4"),
        (t3, "工业投资增速", None, "%", 2026, "target", "10"),
    }
    tables = [p for p in processed.parts if p.kind == "indicator_table"]
    assert [(p.facts_read, p.problem) for p in tables] == [(15, None), (4, None), (8, None)]
    lines = processed.text.split("\n")
    assert all(v.value_raw in lines[v.source_line - 1].split(" ") for v in values)


def test_a_line_under_a_header_that_is_not_all_measure_words_is_no_second_header_line():
    from ingestion.blocks.spaced import read_spaced_table

    lines = ["表1 主要指标", "序号 指标名称 单位 2025年 2026年", "计划 完成 备注",
             "1 地区生产总值增速 % 6 6.4 平稳", "2 社会消费品零售总额 亿元 42 43.6 回升"]
    # `备注` is no measure word: the line is no second header line (which would make the rows 6 cells wide),
    # so the header stands alone over a line that is not one of its rows: no table
    assert read_spaced_table(lines, 1) is None
    lines[2] = "计划 完成 计划"
    layout, rows, last, header_rows = read_spaced_table(lines, 1)
    assert (header_rows, last, [len(r) for r in rows]) == (2, 4, [5, 3, 6, 6])
    assert [(c.text, c.row_span, c.col_span) for c in rows[0]][3:] == [("2025年", 1, 2), ("2026年", 1, 1)]
