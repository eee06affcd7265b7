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
