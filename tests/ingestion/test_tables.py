"""Indicator tables: the document model's tables → IndicatorValue rows (and a PartSeen per table).

Most snippets are short and synthetic but laid out like the sample reports' text: `→` stands for the TAB that
leads every cell line, rows are separated by blank lines, and wrapped cells continue on non-tab lines; the text is
read through `Document.tables`. Later sections use the fixtures in tests/fixtures/tables (one per layout class),
Tables built as a container reader gives them, and real Word and web-page files.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.document import Document
from ingestion.model import Caption, Cell, Note, Table
from ingestion.records import ReportMeta
from ingestion.tables import (
    clean_name,
    extract_table_indicators,
    is_unit,
    read_indicator_table,
    read_tables,
)

META = ReportMeta("重庆市", "某某区", "review_and_plan", 2021, 2022, None, None)


def doc_of(snippet: str, meta: ReportMeta = META) -> Document:
    return Document.from_text(textwrap.dedent(snippet).lstrip("\n").replace("→", "\t"), meta=meta)


def rows_of(snippet: str, meta: ReportMeta = META):
    return extract_table_indicators(doc_of(snippet, meta))


def pick(rows, name, measure="target"):
    found = [r for r in rows if r.indicator_name == name and r.measure == measure]
    assert len(found) == 1, f"{name}/{measure}: {len(found)} rows"
    return found[0]


# ---------------------------------------------------------------------------------------------------------------
# 7-column review table: 是否达到预期, wrapped header and notes, group rows (seed 000/002 layout)
# ---------------------------------------------------------------------------------------------------------------

REVIEW = """
表1：2021年国民经济和社会发展计划目标完成情况
→序号
→指标名称
→单位
→指标属性
→2021年目标
→2021年
预计完成
→是否达到预期

→1
→地区生产总值增速
→（%）
→预期性
→6
→8以上
→是

→2
→人均地区生产总值
→（万元）
→预期性
→7.4
（按七人普前人口口径计算）
→8
（按七人普前人口口径计算）
→是

→一、建设高质量产业之区

→3
→实际利用外资
→（万美元）
→预期性
→完成市级下达任务(10000万美元）
→319
→否

→4
→建成区路网密度
→（公里/
平方公里）
→预期性
→6
→-10.6
（调整后)
→是

→5
→环境空气质量优良天数
→（天）
→约束性
→≥ 315
→294
→否


备注：人均地区生产总值指标按照七人普后人口口径计算
（二）重点项目完成情况
"""


def test_review_table_gives_a_target_and_an_actual_per_indicator():
    rows = rows_of(REVIEW)
    assert len(rows) == 10
    assert {r.measure for r in rows} == {"target", "actual"}
    assert all(r.period_year == 2021 and r.source == "table" for r in rows)
    assert all(r.table_title == "表1：2021年国民经济和社会发展计划目标完成情况" for r in rows)


def test_review_table_columns_come_from_the_header_words():
    rows = rows_of(REVIEW)
    target, actual = pick(rows, "地区生产总值增速"), pick(rows, "地区生产总值增速", "actual")
    assert (target.value_raw, target.value_num, target.comparator) == ("6", 6.0, "eq")
    assert (actual.value_raw, actual.value_num, actual.comparator) == ("8以上", 8.0, "ge")
    assert target.column_header == "2021年目标"
    assert actual.column_header == "2021年预计完成"  # header cell wrapped over two lines
    assert (target.unit, target.attribute, target.seq) == ("%", "预期性", "1")
    assert (target.source_line, actual.source_line) == (15, 16)
    assert target.name_raw == "地区生产总值增速"


def test_achieved_is_read_on_actual_rows_only():
    rows = rows_of(REVIEW)
    assert pick(rows, "地区生产总值增速", "actual").achieved_raw == "是"
    assert pick(rows, "实际利用外资", "actual").achieved_raw == "否"
    assert all(r.achieved_raw is None for r in rows if r.measure == "target")


def test_wrapped_notes_stay_in_value_raw():
    rows = rows_of(REVIEW)
    per_head = pick(rows, "人均地区生产总值")
    assert per_head.value_raw == "7.4（按七人普前人口口径计算）"
    assert per_head.value_num == 7.4
    road = pick(rows, "建成区路网密度", "actual")
    assert (road.value_raw, road.value_num, road.comparator) == ("-10.6（调整后)", -10.6, "eq")


def test_number_only_inside_a_note_is_qualitative():
    fdi = pick(rows_of(REVIEW), "实际利用外资")
    assert fdi.value_raw == "完成市级下达任务(10000万美元）"
    assert (fdi.value_num, fdi.comparator) == (None, "qualitative")
    assert fdi.unit == "万美元"


def test_unit_cell_split_over_two_lines_is_joined():
    assert pick(rows_of(REVIEW), "建成区路网密度").unit == "公里/平方公里"


def test_group_row_sets_category_and_rows_before_it_have_none():
    rows = rows_of(REVIEW)
    assert pick(rows, "地区生产总值增速").category is None
    assert pick(rows, "人均地区生产总值").category is None
    assert pick(rows, "实际利用外资").category == "一、建设高质量产业之区"
    assert pick(rows, "环境空气质量优良天数").category == "一、建设高质量产业之区"


def test_whitespace_inside_a_value_is_removed():
    good_days = pick(rows_of(REVIEW), "环境空气质量优良天数")
    assert (good_days.value_raw, good_days.comparator, good_days.attribute) == ("≥315", "ge", "约束性")


def test_note_under_the_table_is_not_a_row():
    assert not [r for r in rows_of(REVIEW) if "备注" in r.indicator_name or "重点项目" in r.indicator_name]


# ---------------------------------------------------------------------------------------------------------------
# 5-column plan table: 类别 carried down, wrapped category cell, 其中 and # sub-rows, `*` note (seed 001 layout)
# ---------------------------------------------------------------------------------------------------------------

PLAN = """
专栏3：2022年国民经济和社会发展主要指标计划
→类别
→序号
→指  标  名  称
→2022年计划目标
→备注

→发展综合质量效益
→1
→地区生产总值增速（%）
→6.5
→预期性

→
→2
→固定资产投资增速（%）
→15以上
→预期性

→发展

综合

效益
→3
→财政一般公共预算收入增速（%）
→5
→预期性

→
→
→其中：税收收入增速（%）
→12.1
→预期性

→绿色
发展
→4
→主要污染物排放总量减少*
→#二氧化硫（%）
→完成国家和市下达目标
→

→
→
→
→#氨氮（%）
→完成国家和市下达目标
→

→
→5
→空气质量优良天数（天）*
→≥325
→

→
→6
→常住人口城镇化率
→提高1.7个百分点
→预期性


注：“*”代表约束性指标，其他为预期性指标。
（三）投资项目安排
"""


def test_category_cell_carries_down_into_empty_cells():
    rows = rows_of(PLAN)
    assert pick(rows, "地区生产总值增速").category == "发展综合质量效益"
    assert pick(rows, "固定资产投资增速").category == "发展综合质量效益"
    assert pick(rows, "空气质量优良天数").category == "绿色发展"
    assert pick(rows, "常住人口城镇化率").category == "绿色发展"


def test_category_cell_wrapped_with_blank_lines_is_one_cell():
    rows = rows_of(PLAN)
    revenue = pick(rows, "财政一般公共预算收入增速")
    assert revenue.category == "发展综合效益"
    assert (revenue.seq, revenue.value_raw, revenue.source_line) == ("3", "5", 27)
    assert pick(rows, "税收收入增速").category == "发展综合效益"


def test_unit_in_parentheses_leaves_the_name():
    rows = rows_of(PLAN)
    gdp = pick(rows, "地区生产总值增速")
    assert (gdp.unit, gdp.name_raw) == ("%", "地区生产总值增速（%）")
    assert pick(rows, "常住人口城镇化率").unit is None


def test_qizhong_row_gets_its_parent_and_keeps_a_blank_seq():
    tax = pick(rows_of(PLAN), "税收收入增速")
    assert (tax.parent_name, tax.seq, tax.unit, tax.value_num) == ("财政一般公共预算收入增速", None, "%", 12.1)


def test_merged_group_cell_is_a_parent_not_a_row():
    rows = rows_of(PLAN)
    assert not [r for r in rows if r.indicator_name.startswith("主要污染物")]
    so2, nh3 = pick(rows, "二氧化硫"), pick(rows, "氨氮")
    assert so2.parent_name == nh3.parent_name == "主要污染物排放总量减少"
    # the group has no row of its own, so its printed number goes to each of its rows (gold 001 note 5)
    assert so2.seq == nh3.seq == "4"
    assert so2.unit == nh3.unit == "%"
    assert so2.comparator == "qualitative"


def test_star_note_marks_binding_indicators_and_the_rest_expected():
    rows = rows_of(PLAN)
    assert pick(rows, "空气质量优良天数").attribute == "约束性"
    assert pick(rows, "空气质量优良天数").unit == "天"  # unit before the star
    assert pick(rows, "二氧化硫").attribute == "约束性"  # starred group, empty 备注
    assert pick(rows, "地区生产总值增速").attribute == "预期性"


def test_plan_table_values_and_period():
    rows = rows_of(PLAN)
    assert len(rows) == 8
    assert all(r.measure == "target" and r.period_year == 2022 for r in rows)
    urban = pick(rows, "常住人口城镇化率")
    assert (urban.value_num, urban.comparator) == (1.7, "increase_by")


def test_star_without_a_note_does_not_set_the_attribute():
    rows = rows_of(PLAN.replace("注：“*”代表约束性指标，其他为预期性指标。", ""))
    assert pick(rows, "空气质量优良天数").attribute is None
    assert pick(rows, "地区生产总值增速").attribute == "预期性"  # from the 备注 column


# ---------------------------------------------------------------------------------------------------------------
# 6-column table with a 单位 column, blank-序号 sub-rows and group rows (seed 003 layout)
# ---------------------------------------------------------------------------------------------------------------

UNIT_COLUMN = """
表1：2021年国民经济和社会发展主要目标完成情况表
→序号
→指标
→单位
→指标属性
→2021年计划
→2021年实际

→1
→地区生产总值
→亿元
→预期性
→820
→820

→
→地区生产总值增速（可比价）
→%
→预期性
→8左右
→8以上

→一、发展质量

→2
→规上工业总产值
→亿元
→预期性
→1230
→1410


→
→其中：新材料产业产值
→亿元
→预期性
→220
→256

→3
→国家考核断面水质优良比例
→%
→约束性
→100
→100


有5项指标没有完成年初计划。一是服务业增加值占地区生产总值比重指标，主要是服务业经济受突发新冠肺炎疫情影响较大。
"""


def test_blank_seq_row_belongs_to_the_numbered_row_above():
    growth = pick(rows_of(UNIT_COLUMN), "地区生产总值增速（可比价）", "actual")
    assert (growth.parent_name, growth.seq, growth.category) == ("地区生产总值", None, None)
    assert (growth.unit, growth.value_num, growth.comparator) == ("%", 8.0, "ge")


def test_non_unit_parentheses_stay_in_the_name():
    names = {r.indicator_name for r in rows_of(UNIT_COLUMN)}
    assert "地区生产总值增速（可比价）" in names


def test_qizhong_sub_row_after_two_blank_lines():
    rows = rows_of(UNIT_COLUMN)
    sub = pick(rows, "新材料产业产值", "actual")
    assert (sub.parent_name, sub.category, sub.unit, sub.value_raw) == ("规上工业总产值", "一、发展质量", "亿元", "256")


def test_unit_column_and_measures_from_plan_and_actual_headers():
    rows = rows_of(UNIT_COLUMN)
    assert len(rows) == 10
    water = pick(rows, "国家考核断面水质优良比例")
    assert (water.value_raw, water.unit, water.attribute, water.column_header) == ("100", "%", "约束性", "2021年计划")
    assert pick(rows, "地区生产总值", "actual").column_header == "2021年实际"
    assert all(r.achieved_raw is None for r in rows)  # no verdict column


# ---------------------------------------------------------------------------------------------------------------
# What is not an indicator table
# ---------------------------------------------------------------------------------------------------------------


def test_project_list_under_a_zhuanlan_is_skipped():
    text = """
    专栏2：2022年产业建设重点项目
    →新兴产业项目：N43地块先进制造产业园、海康威视科技园三期、萤石生产基地。
    现代服务业项目：天安产业三期、宝武集团西南总部、原重钢红白楼改造。
    """
    assert rows_of(text) == []


def test_project_table_with_investment_columns_is_skipped():
    text = """
    表3：2022年重点项目计划
    →序号
    →项目名称
    →建设内容
    →总投资
    →2022年计划投资

    →1
    →某某大道
    →新建道路3公里
    →10
    →3
    """
    assert rows_of(text) == []


# ---------------------------------------------------------------------------------------------------------------
# Other layouts of the genre
# ---------------------------------------------------------------------------------------------------------------


def test_value_less_numbered_row_with_hash_children_in_their_own_rows():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →7
    →主要污染物排放总量减少*
    →
    →

    →
    →#化学需氧量
    →%
    →完成市下达任务

    →
    →#氨氮
    →%
    →完成市下达任务

    →8
    →森林覆盖率
    →%
    →≥52

    注：带*为约束性指标
    """
    rows = rows_of(text)
    assert [r.indicator_name for r in rows] == ["化学需氧量", "氨氮", "森林覆盖率"]
    cod = rows[0]
    assert (cod.parent_name, cod.seq, cod.attribute) == ("主要污染物排放总量减少", "7", "约束性")
    forest = rows[2]
    assert (forest.parent_name, forest.seq, forest.attribute) == (None, "8", None)


def test_lone_name_row_followed_by_hash_rows_is_their_parent_not_a_category():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →能耗“双控”目标*

    →
    →#能耗强度下降
    →%
    →完成市下达任务

    →一、美好生活

    →9
    →平均预期寿命
    →岁
    →78.8
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.parent_name, r.category) for r in rows] == [
        ("能耗强度下降", "能耗“双控”目标", None),
        ("平均预期寿命", None, "一、美好生活"),
    ]


def test_bare_qizhong_row_and_bracketed_sub_numbers():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →3
    →全社会固定资产投资
    →亿元
    →350

    →
    →其中：
    →
    →

    →
    →工业投资
    →亿元
    →180

    →（1）
    →技改投资
    →亿元
    →60

    →4
    →森林覆盖率
    →%
    →50
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.parent_name, r.seq) for r in rows] == [
        ("全社会固定资产投资", None, "3"),
        ("工业投资", "全社会固定资产投资", None),
        ("技改投资", "全社会固定资产投资", "（1）"),
        ("森林覆盖率", None, "4"),
    ]


def test_yearless_completion_column_beside_an_actual_column_is_the_verdict():
    # the verdict is stored as 是/否 whatever words the column prints (完成/未完成, √/×)
    text = """
    表1：2021年计划目标完成情况
    →指标名称
    →单位
    →2021年目标
    →2021年完成
    →完成情况

    →城镇新增就业人数
    →万人
    →1.5
    →1.6
    →完成
    """
    rows = rows_of(text)
    assert [(r.measure, r.value_raw, r.achieved_raw) for r in rows] == [
        ("target", "1.5", None), ("actual", "1.6", "是")]


def test_appendix_and_continued_captions():
    text = """
    附表1：2022年主要指标计划
    →指标名称
    →单位
    →2022年目标

    →地区生产总值增速
    →%
    →6

    续表1
    →指标名称
    →单位
    →2022年目标

    →森林覆盖率
    →%
    →50
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.table_title) for r in rows] == [
        ("地区生产总值增速", "附表1：2022年主要指标计划"),
        ("森林覆盖率", "附表1：2022年主要指标计划"),
    ]


def test_two_header_rows_under_a_spanning_year():
    text = """
    表1：主要指标完成情况
    →序号
    →指标名称
    →单位
    →2021年
    →2022年

    →目标
    →完成
    →目标

    →1
    →地区生产总值
    →亿元
    →800
    →820
    →900
    """
    rows = rows_of(text)
    assert [(r.measure, r.period_year, r.value_raw, r.column_header) for r in rows] == [
        ("target", 2021, "800", "2021年目标"),
        ("actual", 2021, "820", "2021年完成"),
        ("target", 2022, "900", "2022年目标"),
    ]


def test_responsible_department_column_is_not_a_unit():
    text = """
    表2：2022年主要指标计划
    →指标
    →2022年目标
    →责任单位

    →城镇新增就业人数（万人）
    →1.2
    →区人力社保局
    """
    (row,) = rows_of(text)
    assert (row.indicator_name, row.unit, row.value_num) == ("城镇新增就业人数", "万人", 1.2)


def test_department_column_next_to_the_name_is_ignored():
    text = """
    表2：2022年主要指标计划
    →序号
    →指标名称
    →牵头单位
    →2022年目标

    →1
    →森林覆盖率（%）
    →区林业局
    →52
    """
    (row,) = rows_of(text)
    assert (row.indicator_name, row.unit, row.value_raw) == ("森林覆盖率", "%", "52")


def test_header_without_a_blank_line_after_it():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标
    →1
    →地区生产总值增速
    →%
    →6左右

    →2
    →森林覆盖率
    →%
    →52
    """
    rows = rows_of(text)
    assert [(r.seq, r.indicator_name, r.value_raw) for r in rows] == [
        ("1", "地区生产总值增速", "6左右"), ("2", "森林覆盖率", "52")]


def test_table_without_any_blank_lines_is_cut_by_header_width():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →2022年目标
    →1
    →地区生产总值增速（%）
    →6
    →2
    →森林覆盖率（%）
    →52
    """
    rows = rows_of(text)
    assert [(r.seq, r.indicator_name, r.value_num) for r in rows] == [("1", "地区生产总值增速", 6.0), ("2", "森林覆盖率", 52.0)]


def test_task_list_shaped_as_a_grid_is_not_an_indicator_table():
    text = """
    专栏8：2022年10件民心工程计划
    →序号
    →名称
    →2022年目标任务

    →1
    →新建城区两所小学
    →建成城区小学2所，新增学位2000个

    →2
    →登瀛河水生态环境修复工程
    →综合整治河道
    """
    assert rows_of(text) == []


def test_period_year_falls_back_to_the_caption_then_the_report():
    text = """
    表2：{caption}
    →指标名称
    →单位
    →目标值

    →森林覆盖率
    →%
    →52
    """
    (with_year,) = rows_of(text.format(caption="2023年主要指标"))
    assert with_year.period_year == 2023
    (from_meta,) = rows_of(text.format(caption="主要指标计划"))
    assert from_meta.period_year == META.plan_year


def test_short_row_without_its_seq_cell_keeps_columns_aligned():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →1
    →规上工业总产值
    →亿元
    →1500

    →其中：新材料产业产值
    →亿元
    →300
    """
    rows = rows_of(text)
    sub = pick(rows, "新材料产业产值")
    assert (sub.unit, sub.value_raw, sub.parent_name, sub.seq) == ("亿元", "300", "规上工业总产值", None)


def test_unit_line_between_caption_and_table_is_the_default_unit():
    text = """
    表2：2022年主要指标
    单位：亿元
    →指标名称
    →2022年目标

    →地区生产总值
    →920
    """
    (row,) = rows_of(text)
    assert (row.unit, row.table_title, row.value_num) == ("亿元", "表2：2022年主要指标", 920.0)


def test_tab_led_paragraph_is_not_a_table():
    text = """
    （一）主要指标完成情况
    →2021年全区地区生产总值指标完成情况良好，实现地区生产总值820亿元，增长8%以上，各项指标基本完成。
    """
    assert rows_of(text) == []


# ---------------------------------------------------------------------------------------------------------------
# The grid parser on its own (for a reader that already has cells, e.g. .docx)
# ---------------------------------------------------------------------------------------------------------------


def grid(*rows):
    return [[Cell(text) for text in row] for row in rows]


def parse_indicator_table(caption: str, line: int, rows, meta):
    table = Table("table", "", line, line + len(rows), rows=rows, caption=Caption("caption", caption, line, line))
    return read_indicator_table(table, meta)[0]


def test_grid_parser_reads_a_full_width_group_row_repeated_in_every_cell():
    rows = grid(
        ["序号", "指标名称", "单位", "指标属性", "2021年目标", "2021年完成", "是否达到预期"],
        ["二、建设高品质宜居之城"] * 7,
        ["19", "森林覆盖率", "%", "约束性", "≥32", "33", "是"],
    )
    out = parse_indicator_table("表1：2021年计划目标完成情况", 12, rows, META)
    assert [(r.measure, r.category, r.achieved_raw, r.source_line) for r in out] == [
        ("target", "二、建设高品质宜居之城", None, 12),
        ("actual", "二、建设高品质宜居之城", "是", 12),
    ]


def test_grid_parser_reads_a_name_header_spanning_two_columns():
    # a .docx grid repeats a merged cell's text in every column it covers
    rows = grid(
        ["序号", "指标名称", "指标名称", "2022年计划目标", "备注"],
        ["10", "主要污染物排放总量减少*", "#二氧化硫（%）", "完成国家和市下达目标", "约束性"],
        ["10", "主要污染物排放总量减少*", "#氨氮（%）", "完成国家和市下达目标", "约束性"],
        ["12", "森林覆盖率（%）*", "森林覆盖率（%）*", "52%", "约束性"],
    )
    out = parse_indicator_table("专栏3：2022年主要指标计划", 1, rows, META)
    assert [(r.indicator_name, r.parent_name, r.seq, r.unit) for r in out] == [
        ("二氧化硫", "主要污染物排放总量减少", "10", "%"),
        ("氨氮", "主要污染物排放总量减少", "10", "%"),
        ("森林覆盖率", None, "12", "%"),
    ]


def test_grid_parser_rejects_a_grid_without_an_indicator_header():
    rows = grid(["开工重点项目：陶家隧道、钓鱼嘴四号路"], ["竣工重点项目：金家湾立交"])
    assert parse_indicator_table("专栏1：2021年重点开竣工项目情况", 1, rows, META) == []


# ---------------------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["%", "亿元", "万元", "元", "万人", "人", "个", "家", "天", "公里", "平方公里", "万美元",
                                  "亿美元", "件/万人", "万元/人", "公里/平方公里", "吨", "万吨", "吨标准煤", "人次",
                                  "万人次", "微克/立方米", "张", "岁", "年", "亿吨"])
def test_units_of_the_genre(unit):
    assert is_unit(unit)


@pytest.mark.parametrize("text", ["可比价", "助理", "调整后", "按七人普前人口口径计算", "含开发区", "2021年"])
def test_parentheses_that_are_not_units(text):
    assert not is_unit(text)


@pytest.mark.parametrize("printed, name, unit, starred", [
    ("地区生产总值增速（%）", "地区生产总值增速", "%", False),
    ("其中：税收收入增速（%）", "税收收入增速", "%", False),
    ("#二氧化硫（%）", "二氧化硫", "%", False),
    ("空气质量优良天数（天）*", "空气质量优良天数", "天", True),
    ("森林覆盖率*（%）", "森林覆盖率", "%", True),
    ("綦河出境水质*", "綦河出境水质", None, True),
    ("每千人口拥有执业（助理）医师数", "每千人口拥有执业（助理）医师数", None, False),
    ("地区生产总值增速（可比价）", "地区生产总值增速（可比价）", None, False),
    ("万人发明专利拥有量（件/万人）", "万人发明专利拥有量", "件/万人", False),
    # a PDF-to-Markdown converter escapes the mark: the backslash is markup
    ("样例能耗降低\\*", "样例能耗降低", None, True), ("\\*样例水质达标率（%）", "样例水质达标率", "%", True),
    ("样例细颗粒物浓度▲", "样例细颗粒物浓度", None, True), ("※样例覆盖率", "样例覆盖率", None, True),
])
def test_clean_name(printed, name, unit, starred):
    cleaned = clean_name(printed)
    assert (cleaned.name, cleaned.unit, cleaned.starred) == (name, unit, starred)


# ---------------------------------------------------------------------------------------------------------------
# Layouts of other provinces and years (see also tests/ingestion/test_variants.py)
# ---------------------------------------------------------------------------------------------------------------


def test_triangle_mark_note_and_leading_marks():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →1
    →单位地区生产总值能耗降低▲
    →%
    →完成市下达任务

    →2
    →★森林覆盖率（%）
    →
    →50

    →3
    →地区生产总值增速
    →%
    →6
    注：标▲★的为约束性指标，其余为预期性指标。
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.unit, r.attribute) for r in rows] == [
        ("单位地区生产总值能耗降低", "%", "约束性"),
        ("森林覆盖率", "%", "约束性"),
        ("地区生产总值增速", "%", "预期性"),
    ]


def test_continued_table_without_its_header_uses_the_columns_above_and_shares_the_notes():
    text = """
    表2：2022年主要指标
    →序号
    →指标名称
    →单位
    →2022年目标

    →1
    →地区生产总值增速
    →%
    →6
    续表
    →2
    →森林覆盖率*
    →%
    →50
    注：带*的为约束性指标，其余为预期性指标。
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.seq, r.value_num, r.attribute, r.table_title) for r in rows] == [
        ("地区生产总值增速", "1", 6.0, "预期性", "表2：2022年主要指标"),
        ("森林覆盖率", "2", 50.0, "约束性", "表2：2022年主要指标"),
    ]


def test_continued_table_with_two_header_rows_printed_again():
    text = """
    表1：主要指标完成情况
    →指标名称
    →2021年
    →属性

    →目标
    →完成

    →地区生产总值增速
    →6
    →6.2
    →预期性
    表1（续）
    →指标名称
    →2021年
    →属性

    →目标
    →完成

    →森林覆盖率
    →50
    →50.5
    →约束性
    """
    rows = rows_of(text)
    assert [(r.indicator_name, r.measure, r.value_raw) for r in rows] == [
        ("地区生产总值增速", "target", "6"), ("地区生产总值增速", "actual", "6.2"),
        ("森林覆盖率", "target", "50"), ("森林覆盖率", "actual", "50.5"),
    ]


def test_unnumbered_title_line_is_the_caption():
    text = """
    具体情况如下。
    2019年主要经济指标完成情况表
    单位：亿元
    →项目
    →2019年计划
    →2019年完成

    →地区生产总值
    →72
    →72.3
    """
    rows = rows_of(text)
    assert {r.table_title for r in rows} == {"2019年主要经济指标完成情况表"}
    assert {r.unit for r in rows} == {"亿元"}
    # a sentence above a table is not its title
    rows = rows_of(text.replace("2019年主要经济指标完成情况表\n", "全年主要指标完成情况较好，具体如下：\n"))
    assert {r.table_title for r in rows} == {None}


def test_appendix_number_on_its_own_line_takes_the_title_below():
    text = """
    附件2
    2022年主要指标计划表
    →指标名称
    →单位
    →2022年目标

    →地区生产总值增速
    →%
    →6
    """
    assert [r.table_title for r in rows_of(text)] == ["附件22022年主要指标计划表"]


@pytest.mark.parametrize(
    "printed, verdict",
    [("是", "是"), ("否", "否"), ("完成", "是"), ("已完成", "是"), ("超额完成", "是"), ("√", "是"),
     ("未完成", "否"), ("没有完成", "否"), ("×", "否"), ("未达到", "否"), ("基本完成", "基本完成"), ("", None)],
)
def test_verdict_words_are_stored_as_yes_or_no(printed, verdict):
    from ingestion.tables import read_verdict

    assert read_verdict(printed) == verdict


def test_ratio_growth_and_part_year_columns_are_not_values():
    text = """
    表1：2023年主要指标完成情况
    →指标名称
    →单位
    →2023年目标
    →2023年1-11月
    →2023年预计
    →比上年增长（%）
    →完成计划%

    →地区生产总值
    →亿元
    →1000
    →900
    →1002
    →6.5
    →100.2
    """
    rows = rows_of(text, ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None))
    assert [(r.measure, r.value_raw, r.column_header) for r in rows] == [
        ("target", "1000", "2023年目标"), ("actual", "1002", "2023年预计")]


def test_a_part_year_column_is_the_actual_when_no_full_year_is_printed():
    text = """
    表1：2023年主要指标完成情况
    →指标名称
    →单位
    →2023年目标
    →2023年1-11月

    →地区生产总值
    →亿元
    →1000
    →900
    """
    rows = rows_of(text, ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None))
    assert [(r.measure, r.value_raw) for r in rows] == [("target", "1000"), ("actual", "900")]


def test_reordered_columns_with_the_unit_last():
    text = """
    附表1：2025年主要指标计划表
    →指标名称
    →2025年目标
    →2024年预计
    →属性
    →计量单位

    →地区生产总值增长
    →6左右
    →5.8
    →预期性
    →%
    """
    rows = rows_of(text, ReportMeta(None, "丰都县", "plan", None, 2025, None, None))
    assert [(r.measure, r.period_year, r.value_num, r.comparator, r.unit, r.attribute) for r in rows] == [
        ("target", 2025, 6.0, "approx", "%", "预期性"), ("actual", 2024, 5.8, "eq", "%", "预期性")]


def test_ragged_and_empty_rows_do_not_break_the_table():
    text = """
    表1：2021年主要指标
    →序号
    →指标名称
    →2021年目标
    →2021年完成

    →1

    →
    →
    →
    →
    →
    →

    →2
    →地区生产总值
    →1
    →2
    →3
    →4

    →3
    →人口
    """
    rows = rows_of(text)
    assert all(r.indicator_name for r in rows)
    assert ("地区生产总值", "target", "1") in [(r.indicator_name, r.measure, r.value_raw) for r in rows]


def test_title_in_the_first_row_of_the_grid():
    text = """
    →表1 2023年主要指标完成情况

    →指标名称
    →单位
    →2023年目标
    →2023年完成

    →地区生产总值增速
    →%
    →6
    →6.1
    """
    rows = rows_of(text, ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None))
    assert [(r.table_title, r.measure, r.value_raw) for r in rows] == [
        ("表12023年主要指标完成情况", "target", "6"), ("表12023年主要指标完成情况", "actual", "6.1")]


# ---------------------------------------------------------------------------------------------------------------
# One fixture per layout class (tests/fixtures/tables, invented names and figures), read through Document.tables
# ---------------------------------------------------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tables"


def read_fixture(name: str):
    return read_tables(Document.from_text((FIXTURES / name).read_text(encoding="utf-8")))


def brief(values):
    return [(v.period_year, v.measure, v.indicator_name, v.value_raw, v.value_num, v.comparator) for v in values]


def test_fixture_multi_year_merged_header_gives_three_values_per_indicator():
    values, parts = read_fixture("multi_year_merged.txt")
    assert brief(values)[:3] == [
        (2023, "target", "样例总产值增速", "6左右", 6.0, "approx"),
        (2023, "actual", "样例总产值增速", "6.4", 6.4, "eq"),
        (2024, "target", "样例总产值增速", "6左右", 6.0, "approx"),
    ]
    assert len(values) == 5 * 3
    assert {v.table_title for v in values} == {"附件：样例县2024年国民经济和社会发展主要指标"}
    sub = [v for v in values if v.indicator_name == "样例网络零售额增速"]
    assert {(v.parent_name, v.category, v.unit) for v in sub} == {("样例消费品零售额增速", "一、经济发展", "%")}
    energy = [v for v in values if v.indicator_name == "样例单位产值能耗降低"]
    assert {(v.value_num, v.comparator, v.attribute) for v in energy} == {(None, "qualitative", "约束性")}
    assert [(p.kind, p.facts_read, p.problem) for p in parts] == [("indicator_table", 15, None)]


def test_fixture_verdict_words_become_yes_or_no_on_actual_rows():
    values, _ = read_fixture("verdict_variants.txt")
    actual = {v.indicator_name: v.achieved_raw for v in values if v.measure == "actual"}
    assert actual == {"样例产值增速": "是", "样例投资增速": "否", "样例森林覆盖率": "是", "样例新增就业": "否"}
    assert all(v.achieved_raw is None for v in values if v.measure == "target")
    assert {v.indicator_name: v.attribute for v in values}["样例森林覆盖率"] == "约束性"
    assert {v.indicator_name: v.attribute for v in values}["样例产值增速"] == "预期性"


def test_fixture_attribute_column_in_different_positions():
    values, _ = read_fixture("attribute_positions.txt")
    assert {(v.table_title[:3], v.measure, v.indicator_name, v.attribute, v.value_raw) for v in values} == {
        ("表1：", "target", "样例收入增速", "预期性", "6"), ("表1：", "actual", "样例收入增速", "预期性", "6.5"),
        ("表1：", "target", "样例水质达标率", "约束性", "100"), ("表1：", "actual", "样例水质达标率", "约束性", "100"),
        ("表2：", "target", "样例收入增速", "预期性", "6左右"), ("表2：", "target", "样例水质达标率", "约束性", "100"),
    }


def test_fixture_growth_and_ratio_beside_a_level_are_never_values():
    values, _ = read_fixture("growth_beside_level.txt")
    assert [(v.measure, v.indicator_name, v.value_raw, v.unit) for v in values] == [
        ("target", "样例地区总值", "310", "亿元"), ("actual", "样例地区总值", "318", "亿元"),
        ("target", "样例财政收入", "21", "亿元"), ("actual", "样例财政收入", "20.5", "亿元"),
    ]


def test_fixture_two_column_review_table_reads_value_and_verdict_from_one_cell():
    # value_raw is the cell as printed (SPEC: "the cell text exactly"); the figure and the verdict are read from it
    values, _ = read_fixture("review_two_column.txt")
    assert [(v.period_year, v.measure, v.indicator_name, v.value_raw, v.value_num, v.achieved_raw) for v in values] == [
        (2023, "actual", "样例地区总值增速", "增长5.2%，完成年度目标", 5.2, "是"),
        (2023, "actual", "样例居民收入增速", "未完成（增长2.1%）", 2.1, "否"),
        (2023, "actual", "样例单位能耗降低", "完成市下达任务", None, "是"),
    ]


def test_fixture_unit_printed_in_the_cell_and_a_range_as_two_rows():
    values, _ = read_fixture("unit_in_cell.txt")
    assert [(v.indicator_name, v.unit, v.value_num, v.comparator) for v in values] == [
        ("样例优良天数", "天", 340.0, "ge"),
        ("样例总值增速", "%", 4.5, "ge"), ("样例总值增速", "%", 5.0, "le"),
        ("样例失业率", "%", 4.0, "lt"),
        ("样例新增就业", "万人", 1.2, "ge"),
    ]


def test_fixture_continued_table_with_its_header_repeated_is_one_table():
    values, parts = read_fixture("continued_tables.txt")
    first = [v for v in values if v.table_title == "表1：样例县2023年主要指标完成情况"]
    assert [(v.seq, v.category, v.measure, v.attribute, v.achieved_raw) for v in first] == [
        ("1", "一、经济发展", "target", "预期性", None), ("1", "一、经济发展", "actual", "预期性", "是"),
        ("2", "一、经济发展", "target", "预期性", None), ("2", "一、经济发展", "actual", "预期性", "否"),
        ("3", "二、民生保障", "target", "约束性", None), ("3", "二、民生保障", "actual", "约束性", "是"),
    ]
    assert [(p.title, p.rows_seen, p.facts_read) for p in parts] == [
        ("表1：样例县2023年主要指标完成情况", 5, 6), ("表2：样例县2024年主要指标预期目标", 4, 4),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Tables as a container reader gives them (real grids, spans, continuation marks), and what is recorded as seen
# ---------------------------------------------------------------------------------------------------------------


def model_table(rows, caption=None, start=1, continued=False, notes=()):
    cells = [[Cell(c[0], c[1], c[2], line=start + r) if isinstance(c, tuple) else Cell(c, line=start + r)
              for c in row] for r, row in enumerate(rows)]
    cap = Caption("caption", caption, start - 1, start - 1) if caption else None
    return Table("table", "", start, start + len(rows) - 1, rows=cells, caption=cap, continued=continued,
                 notes=[Note("note", n, start + len(rows), start + len(rows)) for n in notes])


def doc_with(*blocks):
    """A document of these blocks (tables, and captions or notes that stand on their own)."""
    return SimpleNamespace(tables=[b for b in blocks if isinstance(b, Table)], blocks=list(blocks), meta=META)


def test_page_break_without_the_header_repeated_continues_the_table_above():
    first = model_table([["序号", "指标名称", "单位", "2021年目标", "2021年完成"], ["1", "样例总值", "亿元", "50", "52"]],
                        caption="表1：2021年主要指标完成情况", start=10)
    rest = model_table([["2", "样例收入*", "亿元", "8", "7.5"]], start=14, notes=["注：带*的为约束性指标。"])
    values, parts = read_tables(doc_with(first, rest))
    assert [(v.seq, v.table_title, v.measure, v.attribute) for v in values][2:] == [
        ("2", "表1：2021年主要指标完成情况", "target", "约束性"), ("2", "表1：2021年主要指标完成情况", "actual", "约束性")]
    assert [(p.rows_seen, p.facts_read) for p in parts] == [(2, 4)]


def test_marked_continuation_with_its_header_printed_again():
    first = model_table([["指标", "2022年目标"], ["样例总值", "50"]], caption="表2：2022年主要指标", start=10)
    rest = model_table([["指标", "2022年目标"], ["样例收入", "8"]], caption="续表", start=30, continued=True)
    values, _ = read_tables(doc_with(first, rest))
    assert [(v.indicator_name, v.table_title) for v in values] == [
        ("样例总值", "表2：2022年主要指标"), ("样例收入", "表2：2022年主要指标")]


def test_a_table_far_from_the_one_above_is_not_its_continuation():
    first = model_table([["指标", "2022年目标"], ["样例总值", "50"]], caption="表2：2022年主要指标", start=10)
    other = model_table([["样例甲", "8"]], start=80)
    values, parts = read_tables(doc_with(first, other))
    assert len(values) == 1 and len(parts) == 2 and parts[1].kind == "other_table"


def test_merged_docx_header_and_group_rows_from_a_real_grid():
    t = model_table([
        [("指标名称", 2, 1), ("单位", 2, 1), ("2023年", 1, 2), ("2024年计划目标", 2, 1)],
        ["计划目标", "预计完成"],
        [("一、经济发展", 1, 5)],
        ["样例总值增速", "%", "5", "5.2", "5左右"],
    ], caption="附件：2024年主要指标", start=100)
    values, _ = read_tables(doc_with(t))
    assert [(v.period_year, v.measure, v.category, v.value_raw) for v in values] == [
        (2023, "target", "一、经济发展", "5"), (2023, "actual", "一、经济发展", "5.2"), (2024, "target", "一、经济发展", "5左右")]


def test_caption_printed_below_the_table_is_its_title():
    t = model_table([["指标", "2024年目标"], ["样例总值", "50"]], start=10)
    t.caption = Caption("caption", "附表1 2024年主要指标", 13, 13)
    (value,), _ = read_tables(doc_with(t))
    assert value.table_title == "附表12024年主要指标" and value.period_year == 2024


def test_an_indicator_caption_over_an_unreadable_header_is_a_warning():
    t = model_table([["甲", "乙"], ["样例一段说明文字", "另一段"]], caption="表1：2023年主要指标完成情况")
    values, (part,) = read_tables(doc_with(t))
    assert values == [] and part.problem and "header" in part.problem


def test_a_value_column_that_mostly_fails_to_parse_is_a_warning():
    t = model_table([["指标", "2024年目标"], ["样例甲", "亿元"], ["样例乙", "见附件"], ["样例丙", "5"]],
                    caption="表1：2024年主要指标")
    values, (part,) = read_tables(doc_with(t))
    assert len(values) == 3  # kept, not silently dropped
    assert part.problem and "2024年目标" in part.problem


def test_a_table_that_reads_fine_has_no_problem_and_other_tables_are_recorded():
    ind = model_table([["指标", "2024年目标"], ["样例甲", "5"]], caption="表1：2024年主要指标")
    proj = model_table([["序号", "项目名称", "总投资"], ["1", "样例路", "3"]], caption="专栏1：重点项目", start=40)
    box = model_table([["新开工：样例路、样例桥"], ["续建：样例馆"]], caption="专栏2：重点工作", start=60)
    _, parts = read_tables(doc_with(ind, proj, box))
    # the project table is the project extractor's part (project_table); tables records the others
    assert [(p.kind, p.title, p.facts_read, p.problem) for p in parts] == [
        ("indicator_table", "表1：2024年主要指标", 1, None), ("other_table", "专栏2：重点工作", 0, None)]


@pytest.mark.parametrize("yes, no", [("达到预期", "未达预期"), ("完成目标", "未完成目标"), ("已完成", "尚未完成")])
def test_completion_column_with_worded_verdicts(yes, no):
    t = model_table([["指标", "2023年目标", "2023年完成", "完成情况"], ["样例甲", "5", "5.2", yes],
                     ["样例乙", "8", "7", no]], caption="表1：2023年主要指标完成情况")
    values, _ = read_tables(doc_with(t))
    assert [(v.indicator_name, v.achieved_raw) for v in values if v.measure == "actual"] == [("样例甲", "是"), ("样例乙", "否")]
    assert len(values) == 4


def test_an_attribute_word_is_never_a_value():
    t = model_table([["指标", "2024年目标", "2024年计划"], ["样例甲", "5", "约束性"]], caption="表1：2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [v.value_raw for v in values] == ["5"]


def test_group_row_numbered_in_the_seq_column_and_unit_in_the_value_header():
    t = model_table([
        ["序号", "指标名称", "2024年目标（亿元）"],
        ["一", "样例经济", ""],
        ["1", "样例总值", "320"],
        ["2", "样例收入", "21"],
    ], caption="表2：2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.seq, v.category, v.parent_name, v.unit) for v in values] == [
        ("1", "样例经济", None, "亿元"), ("2", "样例经济", None, "亿元")]


@pytest.mark.parametrize("caption, measure", [("表1：2023年主要经济指标完成情况", "actual"), ("表2：2024年主要指标", "target")])
def test_a_value_column_without_a_measure_takes_it_from_the_caption(caption, measure):
    t = model_table([["指标", "单位", "绝对值", "比上年增长（%）"], ["样例总值", "亿元", "320", "6.1"]], caption=caption)
    (value,), _ = read_tables(doc_with(t))
    assert (value.measure, value.value_raw, value.unit) == (measure, "320", "亿元")


def test_fixture_caption_printed_below_the_table():
    values, (part,) = read_fixture("caption_below.txt")
    assert {(v.table_title, v.period_year, v.measure) for v in values} == {("附表1样例县2024年主要指标预期目标", 2024, "target")}
    assert [v.attribute for v in values] == ["预期性", "约束性"]
    assert part.source_line < min(v.source_line for v in values)  # the table's first line, not the caption below


def test_fixture_continued_table_without_its_header_keeps_the_columns_and_the_note():
    values, (part,) = read_fixture("continued_without_header.txt")
    assert [(v.seq, v.parent_name, v.indicator_name, v.measure, v.attribute, v.achieved_raw) for v in values][2:] == [
        (None, "样例总值增速", "样例工业增速", "target", "预期性", None),
        (None, "样例总值增速", "样例工业增速", "actual", "预期性", "是"),
        ("2", None, "样例优良天数", "target", "约束性", None), ("2", None, "样例优良天数", "actual", "约束性", "是"),
        ("3", None, "样例失业率", "target", "预期性", None), ("3", None, "样例失业率", "actual", "预期性", "是"),
    ]
    assert (part.rows_seen, part.facts_read, part.problem) == (4, 8, None)


def test_two_indicator_tables_printed_side_by_side():
    t = model_table([
        ["指标", "单位", "2024年目标", "指标", "单位", "2024年目标"],
        ["样例甲", "%", "5", "样例丙", "亿元", "30"],
        ["样例乙", "%", "6", "", "", ""],
    ], caption="表2：2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.indicator_name, v.unit, v.value_raw) for v in values] == [
        ("样例甲", "%", "5"), ("样例乙", "%", "6"), ("样例丙", "亿元", "30")]


def test_two_rows_glued_into_one_by_a_line_between_them_are_split():
    # a page footer between two rows read as a wrapped cell leaves the next row's cells in the same row
    t = model_table([
        ["序号", "指标名称", "2023年目标", "2023年完成"],
        ["1", "样例甲", "5", "5.1\n— 2 —", "2", "样例乙", "6", "6.4"],
    ], caption="表1：2023年主要指标完成情况")
    values, _ = read_tables(doc_with(t))
    assert [(v.seq, v.indicator_name, v.measure) for v in values] == [
        ("1", "样例甲", "target"), ("1", "样例甲", "actual"), ("2", "样例乙", "target"), ("2", "样例乙", "actual")]


# ---------------------------------------------------------------------------------------------------------------
# A real Word table: merged header cells (gridSpan / vMerge) reach the interpreter as spans
# ---------------------------------------------------------------------------------------------------------------


def _docx_with_merged_header() -> bytes:
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("关于样例区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告")
    d.add_paragraph("一、2023年计划执行情况")
    d.add_paragraph("全年经济运行平稳。")
    d.add_paragraph("附件：样例区2024年主要指标")
    t = d.add_table(rows=5, cols=5)
    texts = [["指标名称", "单位", "2023年", "", "2024年目标"], ["", "", "目标", "预计完成", ""],
             ["一、经济发展", "", "", "", ""], ["样例总值增速", "%", "6", "6.2", "5.5左右"],
             ["样例投资增速", "%", "8", "7.1", "6"]]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    t.cell(0, 2).merge(t.cell(0, 3))
    for c in (0, 1, 4):
        t.cell(0, c).merge(t.cell(1, c))
    t.cell(2, 0).merge(t.cell(2, 4))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_word_table_with_a_merged_two_row_header():
    from ingestion.process import process_report

    processed = process_report("sample.docx", _docx_with_merged_header())
    assert processed.ok, processed.error
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    assert [(v.period_year, v.measure, v.category, v.indicator_name, v.value_raw) for v in values] == [
        (2023, "target", "一、经济发展", "样例总值增速", "6"), (2023, "actual", "一、经济发展", "样例总值增速", "6.2"),
        (2024, "target", "一、经济发展", "样例总值增速", "5.5左右"),
        (2023, "target", "一、经济发展", "样例投资增速", "8"), (2023, "actual", "一、经济发展", "样例投资增速", "7.1"),
        (2024, "target", "一、经济发展", "样例投资增速", "6"),
    ]
    lines = processed.text.split("\n")
    assert all(lines[v.source_line - 1].strip() == v.value_raw for v in values)  # traceable to the stored text


def test_web_page_table_with_rowspan_and_colspan_in_header_and_category_column():
    from ingestion.process import process_report

    page = """<html><head><meta charset="utf-8"></head><body>
<p>关于样例县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告</p>
<p>一、2023年计划执行情况</p><p>全年平稳。</p><p>表1：样例县主要指标</p>
<table>
<tr><td rowspan="2">类别</td><td rowspan="2">指标名称</td><td rowspan="2">单位</td><td colspan="2">2023年</td>
<td rowspan="2">2024年目标</td><td rowspan="2">属性</td></tr>
<tr><td>目标</td><td>预计完成</td></tr>
<tr><td rowspan="2">经济发展</td><td>样例总值增速</td><td>%</td><td>6</td><td>6.3</td><td>5.5左右</td><td>预期性</td></tr>
<tr><td>样例收入增速</td><td>%</td><td>7</td><td>6.8</td><td>6</td><td>预期性</td></tr>
<tr><td>绿色发展</td><td>样例覆盖率</td><td>%</td><td>40</td><td>40.5</td><td>41</td><td>约束性</td></tr>
</table></body></html>"""
    processed = process_report("sample.html", page.encode("utf-8"))
    assert processed.ok, processed.error
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    assert len(values) == 9
    assert {(v.indicator_name, v.category, v.attribute) for v in values} == {
        ("样例总值增速", "经济发展", "预期性"), ("样例收入增速", "经济发展", "预期性"), ("样例覆盖率", "绿色发展", "约束性")}
    assert {(v.period_year, v.measure) for v in values} == {(2023, "target"), (2023, "actual"), (2024, "target")}


@pytest.mark.parametrize("cell, value, verdict", [
    ("增长5.2%，完成年度目标", "增长5.2%", "是"), ("未完成（增长2.1%）", "增长2.1%", "否"), ("超额完成（6.8%）", "6.8%", "是"),
    ("完成，增长7%", "增长7%", "是"), ("目标6%，完成6.2%", "完成6.2%", None), ("完成年度目标", "完成年度目标", "是"),
    ("6.5", "6.5", None), ("4.9%，控制在目标以内", "4.9%", "是"), ("增长3.1%（未完成）", "增长3.1%", "否"),
    ("7.4（按新口径计算）", "7.4（按新口径计算）", None),
])
def test_review_cell_value_and_verdict(cell, value, verdict):
    from ingestion.tables import read_review_cell

    assert read_review_cell(cell) == (value, verdict)


def test_a_mark_rule_printed_as_the_last_row_of_the_grid_is_a_note():
    t = model_table([["指标", "2024年目标"], ["样例甲*", "5"], ["样例乙", "6"], [("*为约束性指标，其余为预期性指标", 1, 2)]],
                    caption="表2：2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.indicator_name, v.attribute, v.category) for v in values] == [
        ("样例甲", "约束性", None), ("样例乙", "预期性", None)]


def test_a_continuation_with_its_own_title_row_and_no_header():
    first = model_table([["指标", "2022年目标"], ["样例总值", "50"]], caption="表2：2022年主要指标", start=10)
    rest = model_table([[("表2（续）", 1, 2)], ["样例收入", "8"]], start=14, continued=True)
    values, _ = read_tables(doc_with(first, rest))
    assert [(v.indicator_name, v.category, v.table_title) for v in values] == [
        ("样例总值", None, "表2：2022年主要指标"), ("样例收入", None, "表2：2022年主要指标")]


def test_qizhong_printed_in_a_cell_of_its_own_before_the_name():
    t = model_table([["指标", "2024年目标"], ["样例总值", "50"], ["其中", "样例分项", "20"]], caption="表2：2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.indicator_name, v.parent_name, v.value_raw) for v in values] == [
        ("样例总值", None, "50"), ("样例分项", "样例总值", "20")]


_CELLS = ["序号", "指标名称", "单位", "2023年", "2024年目标", "目标", "完成", "是否完成", "完成情况", "属性", "其中：样例",
          "#样例", "", "6", "≥90", "4.5～5%", "约束性", "是", "未完成（增长2.1%）", "一、经济发展", "样例总值*", "注：带*为约束性指标"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(st.lists(st.tuples(st.sampled_from(_CELLS), st.integers(1, 2), st.integers(1, 2)),
                                            max_size=6), max_size=6),
                          st.booleans(), st.one_of(st.none(), st.sampled_from(["表1：2023年主要指标", "续表"]))),
                max_size=4))
def test_any_tables_read_without_error_and_every_value_is_counted(specs):
    tables = [model_table(rows, caption=caption, start=1 + 20 * k, continued=continued)
              for k, (rows, continued, caption) in enumerate(specs)]
    values, parts = read_tables(doc_with(*tables))
    assert len(parts) <= len(tables)
    assert sum(p.facts_read for p in parts) == len(values)
    assert all(v.measure in ("target", "actual") and v.comparator for v in values)


# --------------------------------------------------------------------------------------------------------------
# layout classes of the unseen genre reports (fixtures of our own in tests/fixtures/tables/)
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("container", ["docx", "pdf"])
def test_fixture_word_table_with_a_year_merged_over_a_level_and_its_growth(container):
    # growth_beside_level_merged.docx (make_docx.py) and the PDF LibreOffice saves from it: `2023年` over
    # `完成 | 增长%`, `2024年` over `目标 | 增长%`; the same records from either container
    from ingestion.process import process_report

    path = FIXTURES / f"growth_beside_level_merged.{container}"
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    assert [(v.period_year, v.measure, v.indicator_name, v.value_raw, v.unit) for v in values] == [
        (2023, "actual", "样例生产总值", "842.5", "亿元"), (2024, "target", "样例生产总值", "890", "亿元"),
        (2023, "actual", "样例固定资产投资", "406.1", "亿元"), (2024, "target", "样例固定资产投资", "430", "亿元"),
        (2023, "actual", "样例工业投资", "188", "亿元"), (2024, "target", "样例工业投资", "200", "亿元"),
        # a `—` in the growth column beside it takes nothing away from the level
        (2023, "actual", "样例研发投入强度", "2.7", "%"), (2024, "target", "样例研发投入强度", "2.8", "%"),
        (2023, "actual", "样例优良天数", "318天", "天"), (2024, "target", "样例优良天数", "≥320天", "天"),
        (2023, "actual", "样例森林覆盖率", "31.2%", "%"), (2024, "target", "样例森林覆盖率", "31.5%", "%"),
    ]
    assert {(v.indicator_name, v.category, v.attribute) for v in values if v.indicator_name.startswith("样例工业")} \
        == {("样例工业投资", "经济运行", "预期性")}
    assert {v.attribute for v in values if v.category == "生态环境"} == {"约束性"}


def test_growth_columns_under_each_year_of_a_table_printed_one_cell_per_line_give_no_rows():
    # the samples' text layout prints no spans: each year once, its labels on the next row
    cells = [["序号", "指标名称", "单位", "2023年", "2024年", "属性"], ["", "", "", "完成", "增长%", "目标", "增长%", ""],
             ["1", "样例总值", "亿元", "512.4", "6.2", "540", "5左右", "预期性"],
             ["2", "样例覆盖率", "%", "30.5", "—", "31", "—", "约束性"]]
    text = "表1：样例县主要指标\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in cells) + "\n\n二、其他\n"
    values, _ = read_tables(doc_of(text, ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None)))
    assert [(v.period_year, v.measure, v.indicator_name, v.value_raw) for v in values] == [
        (2023, "actual", "样例总值", "512.4"), (2024, "target", "样例总值", "540"),
        (2023, "actual", "样例覆盖率", "30.5"), (2024, "target", "样例覆盖率", "31"),
    ]


def test_fixture_review_cell_keeps_the_cell_as_value_raw_and_reads_figure_and_verdict():
    values, _ = read_fixture("review_value_and_verdict.txt")
    assert [(v.indicator_name, v.unit, v.value_raw, v.value_num, v.comparator, v.achieved_raw) for v in values] == [
        ("样例总值增速", "%", "增长6.1%，未完成年度目标", 6.1, "eq", "否"),
        ("样例税收比重", "%", "68.4%，完成年度目标", 68.4, "eq", "是"),
        ("样例投资增速", "%", "未完成（增长3.3%）", 3.3, "eq", "否"),
        ("样例失业率", "%", "3.9%，控制在目标以内", 3.9, "eq", "是"),  # 以内 qualifies the target, not the figure
        ("样例播种面积", "万亩", "超额完成（36.5万亩）", 36.5, "eq", "是"),
        ("样例利用外资", "万美元", "未完成（4200万美元）", 4200.0, "eq", "否"),
        ("样例能耗降低", "%", "完成市下达任务", None, "qualitative", "是"),
    ]
    assert {(v.period_year, v.measure) for v in values} == {(2023, "actual")}
    assert {v.category for v in values} == {None}  # the `────` ruling lines around the rows are no group rows


def test_fixture_merged_unit_attribute_and_verdict_cells_apply_to_every_row_they_cover():
    # merged_unit_attribute.html: `%` spans three rows (the 其中 row too), 预期性 four, 约束性 and 完成 two
    from ingestion.process import process_report

    processed = process_report("sample.html", (FIXTURES / "merged_unit_attribute.html").read_bytes())
    assert processed.ok, processed.error
    rows = {(v.indicator_name, v.unit, v.attribute) for v in processed.extraction.indicators if v.source == "table"}
    assert rows == {
        ("样例总值增速", "%", "预期性"), ("样例投资增速", "%", "预期性"), ("样例技改投资增速", "%", "预期性"),
        ("样例进出口总额", "亿元", "预期性"),
        ("样例细颗粒物浓度", "微克/立方米", "约束性"), ("样例优良天数比率", "%", "约束性"),
    }
    actual = {v.indicator_name: v.achieved_raw for v in processed.extraction.indicators
              if v.source == "table" and v.measure == "actual"}
    assert actual == {"样例总值增速": "是", "样例投资增速": "否", "样例技改投资增速": "是", "样例进出口总额": "是",
                      "样例细颗粒物浓度": "是", "样例优良天数比率": "是"}


@pytest.mark.parametrize("mark", ["▲", "★", "*", "※"])
def test_fixture_caption_and_mark_note_under_the_last_part_of_a_continued_table(mark):
    # continued_caption_below.txt: TAB rows, a form feed and `续表` with the header repeated, then the caption and
    # the note `注：带▲为约束性指标，其余为预期性指标` under the LAST part: both apply to every row of both parts
    text = (FIXTURES / "continued_caption_below.txt").read_text(encoding="utf-8").replace("▲", mark)
    values, parts = read_tables(Document.from_text(text, ReportMeta("某市", "样例市", "review_and_plan", 2023, 2024,
                                                                    None, None)))
    assert {v.table_title for v in values} == {"附表1样例市2023年主要指标完成情况"}
    assert len(values) == 14 and len([p for p in parts if p.kind == "indicator_table"]) == 1
    attributes = {v.indicator_name: v.attribute for v in values}
    assert attributes == {"样例生产总值增速": "预期性", "样例工业增加值增速": "预期性", "样例制造业增速": "预期性",
                          "样例投资增速": "预期性", "样例能耗降低": "约束性", "样例细颗粒物浓度": "约束性",
                          "样例居民收入增速": "预期性"}


def test_a_caption_under_a_continued_table_that_heads_the_next_table_is_not_taken():
    header = ["序号", "指标名称", "2023年目标", "2023年完成"]
    first = model_table([header, ["1", "样例甲", "5", "5.1"]], start=10)
    second = model_table([header, ["2", "样例乙*", "6", "6.2"]], start=14, continued=True)
    cap = Caption("caption", "表2：样例县2024年主要指标", 17, 17)
    third = model_table([["指标名称", "2024年目标"], ["样例丙", "7"]], start=18)
    note = Note("note", "注：带*为约束性指标，其余为预期性指标", 20, 20)
    values, _ = read_tables(doc_with(first, second, cap, third, note))
    assert {v.table_title for v in values if v.indicator_name in ("样例甲", "样例乙")} == {None}
    assert {v.attribute for v in values if v.indicator_name in ("样例甲", "样例乙")} == {None}


def test_a_caption_naming_indicators_with_no_table_under_it_is_a_warning():
    # the table under the caption was not recognised (here: its rows are prose-like lines the readers do not know)
    cap = Caption("caption", "表2　2024年主要指标预期目标", 30, 30)
    other = Caption("caption", "附件　样例县情况说明", 40, 40)
    _, parts = read_tables(doc_with(cap, other))
    assert [(p.kind, p.title, p.source_line, p.facts_read, bool(p.problem)) for p in parts] == [
        ("indicator_table", "表22024年主要指标预期目标", 30, 0, True)]


def test_a_headerless_grid_whose_rows_carry_units_and_attributes_is_a_warning():
    rows = [["1", "样例总值增速", "%", "6左右", "预期性"], ["2", "样例投资增速", "%", "8", "预期性"],
            ["3", "样例就业", "人", "5000", "预期性"], ["4", "样例覆盖率", "%", "40", "约束性"]]
    listed = [["1", "样例项目甲", "新开工"], ["2", "样例项目乙", "续建"], ["3", "样例项目丙", "竣工"]]
    _, parts = read_tables(doc_with(model_table(rows, start=10), model_table(listed, start=30)))
    assert [(p.source_line, p.rows_seen, bool(p.problem)) for p in parts] == [(10, 4, True), (30, 3, False)]


def test_a_name_header_merged_over_group_and_name_beside_a_spanning_year():
    # a container's grid: 指标名称 merged over two columns and two rows, 2023年 over 目标 | 完成, and the group
    # label merged down beside its rows
    t = model_table([[("指标名称", 2, 2), ("单位", 2, 1), ("2023年", 1, 2), ("2024年目标", 2, 1)],
                     ["目标", "完成"],
                     [("一、样例经济", 2, 1), "样例甲", "%", "6", "6.1", "5"],
                     ["样例乙", "%", "7", "7.1", "6"]], caption="表1：样例县主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.period_year, v.measure, v.category, v.parent_name, v.indicator_name, v.unit, v.value_raw)
            for v in values] == [
        (2023, "target", "一、样例经济", None, "样例甲", "%", "6"), (2023, "actual", "一、样例经济", None, "样例甲", "%", "6.1"),
        (2024, "target", "一、样例经济", None, "样例甲", "%", "5"),
        (2023, "target", "一、样例经济", None, "样例乙", "%", "7"), (2023, "actual", "一、样例经济", None, "样例乙", "%", "7.1"),
        (2024, "target", "一、样例经济", None, "样例乙", "%", "6"),
    ]


def test_a_group_name_merged_down_beside_its_sub_rows_is_the_parent_of_each():
    t = model_table([[("指标名称", 1, 2), "单位", "2024年目标"],
                     [("样例排放总量", 2, 1), "样例甲排放", "万吨", "5"],
                     ["样例乙排放", "万吨", "6"]], caption="表2：样例县2024年主要指标")
    values, _ = read_tables(doc_with(t))
    assert [(v.parent_name, v.indicator_name, v.value_raw) for v in values] == [
        ("样例排放总量", "样例甲排放", "5"), ("样例排放总量", "样例乙排放", "6")]


def test_kept_within_the_target_is_a_verdict_word_in_a_completion_column():
    t = model_table([["指标名称", "2023年目标", "2023年完成", "完成情况"],
                     ["样例失业率", "5.5以内", "4.2", "控制在目标以内"], ["样例总值增速", "6", "5.1", "未完成"],
                     ["样例能耗降低", "3", "3.2", "完成"]], caption="表1：样例县2023年主要指标完成情况")
    values, _ = read_tables(doc_with(t))
    assert [(v.indicator_name, v.value_raw, v.achieved_raw) for v in values if v.measure == "actual"] == [
        ("样例失业率", "4.2", "是"), ("样例总值增速", "5.1", "否"), ("样例能耗降低", "3.2", "是")]


def _attribute_and_unit(values):
    return {(v.table_title[:3], v.indicator_name): (v.unit, v.attribute) for v in values}


EXPECTED_DEFAULTS = {
    # 表1 `注：备注栏未标明的均为预期性指标。`: blank 备注 cells take the default, a printed 约束性 stays
    ("表1：", "岚溪地区总值增速"): ("%", "预期性"),
    ("表1：", "岚溪单位产值能耗降低"): ("%", "约束性"),
    ("表1：", "岚溪河长制覆盖村数"): (None, "预期性"),  # a `—` unit cell: no unit
    ("表1：", "岚溪城镇新增就业"): ("万人", "预期性"),
    # 表2 `注：未标注的为预期性指标。` over a 指标属性 column, a `-` unit cell
    ("表2：", "岚溪养老保险参保率"): ("%", "预期性"),
    ("表2：", "岚溪耕地保有量"): ("万亩", "约束性"),
    ("表2：", "岚溪公共服务满意度"): (None, "预期性"),
    # 表3 `注：带▲的为约束性指标，其余为预期性。`, `／` and `/` unit cells
    ("表3：", "岚溪空气质量优良天数比例"): ("%", "约束性"),
    ("表3：", "岚溪森林覆盖率"): (None, "预期性"),
    ("表3：", "岚溪生活垃圾分类覆盖率"): (None, "预期性"),
    # 表4 prints no note: a blank 备注 says nothing
    ("表4：", "岚溪外贸进出口总额"): ("亿元", None),
    ("表4：", "岚溪实际利用外资"): ("万美元", "约束性"),
}


def test_fixture_a_note_giving_the_default_attribute_and_dash_unit_cells():
    values, parts = read_fixture("default_attribute_and_dash_unit.txt")
    assert _attribute_and_unit(values) == EXPECTED_DEFAULTS
    assert [p.problem for p in parts] == [None] * 4


GRID_ROWS = [["序号", "指标名称", "单位", "2024年目标", "备注"], ["1", "岚溪地区总值增速", "%", "6左右", ""],
             ["2", "岚溪单位产值能耗降低", "%", "3", "约束性"], ["3", "岚溪河长制覆盖村数", "—", "全覆盖", ""],
             ["4", "岚溪城镇新增就业", "万人", "1.2", ""]]
GRID_TITLE = ["关于岚溪县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
              "一、2023年计划执行情况", "全年经济运行总体平稳。", "二、2024年计划草案", "表1：2024年主要指标预期目标"]
GRID_NOTE = "注：备注栏未标明的均为预期性指标。"


def _grid_docx() -> bytes:
    import io

    import docx

    d = docx.Document()
    for text in GRID_TITLE:
        d.add_paragraph(text)
    t = d.add_table(rows=len(GRID_ROWS), cols=len(GRID_ROWS[0]), style="Table Grid")  # blank cells of their own
    for r, row in enumerate(GRID_ROWS):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    d.add_paragraph(GRID_NOTE)
    d.add_paragraph("三、2024年重点工作")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _grid_html() -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in GRID_ROWS)
    paras = "".join(f"<p>{t}</p>" for t in GRID_TITLE)
    return (f"<html><head><meta charset='utf-8'></head><body>{paras}<table border='1'>{rows}</table>"
            f"<p>{GRID_NOTE}</p><p>三、2024年重点工作</p></body></html>").encode()


@pytest.mark.parametrize("container", ["docx", "html"])
def test_default_attribute_note_and_dash_unit_read_the_same_from_a_real_grid(container):
    # a Word table or a web page with blank 备注 cells of their own (no merge) under and over a printed 约束性
    from ingestion.process import process_report

    data = {"docx": _grid_docx, "html": _grid_html}[container]()
    processed = process_report(f"defaults.{container}", data)
    assert processed.ok, processed.error
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    assert _attribute_and_unit(values) == {k: v for k, v in EXPECTED_DEFAULTS.items() if k[0] == "表1："}


@pytest.mark.parametrize("note, blank", [
    ("注：其余为预期性指标。", "预期性"),
    ("注：表中未注明的均为预期性指标。", "预期性"),
    ("注：第2项为约束性指标，其余为预期性指标。", "预期性"),  # rows named by number: the others are 预期性
    ("注：2024年目标为初步测算数。", None),
])
def test_a_default_attribute_note_applies_only_to_rows_without_an_attribute(note, blank):
    cells = [["序号", "指标名称", "单位", "2024年目标", "属性"], ["1", "样例总值增速", "%", "6", ""],
             ["2", "样例水耗降低", "—", "3", "约束性"]]
    text = ("表1：2024年主要指标\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in cells)
            + f"\n\n{note}\n二、其他\n")
    values, _ = read_tables(doc_of(text, ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None)))
    assert {v.indicator_name: (v.unit, v.attribute) for v in values} == {
        "样例总值增速": ("%", blank), "样例水耗降低": (None, "约束性")}


@pytest.mark.parametrize("dash", ["—", "-", "／", "/", "——"])
def test_a_unit_cell_printed_as_a_dash_means_no_unit(dash):
    from ingestion.tables import clean_unit

    assert clean_unit(dash) is None
    assert clean_unit("（%）") == "%"


# ---------------------------------------------------------------------------------------------------------------
# a completion column read by its cells; a unit printed in a group row
# ---------------------------------------------------------------------------------------------------------------


def test_fixture_a_completion_progress_column_of_verdict_words_gives_the_verdicts():
    values, parts = read_fixture("completion_progress_verdict.txt")
    table1 = [v for v in values if v.table_title.startswith("表1")]
    assert {v.indicator_name: v.achieved_raw for v in table1 if v.measure == "actual"} == {
        "青岙地区生产总值增速": "是", "青岙固定资产投资增速": "否", "青岙一般公共预算收入": "是",
        "青岙城镇新增就业": "是", "青岙森林覆盖率": "是", "青岙单位产值能耗降低": "否"}
    assert all(v.achieved_raw is None for v in table1 if v.measure == "target")
    # the same header over percentages is a ratio to the plan: neither a verdict nor a value
    table2 = [v for v in values if v.table_title.startswith("表2")]
    assert [(v.measure, v.value_raw, v.achieved_raw) for v in table2 if v.indicator_name == "青岙进出口总额"] == [
        ("target", "12", None), ("actual", "10.8", None)]
    assert not any("%" in v.value_raw for v in table2)
    assert [p.problem for p in parts] == [None, None]


def test_fixture_a_unit_printed_in_a_group_row_goes_to_its_rows_that_print_none():
    values, parts = read_fixture("group_row_units.txt")
    assert [(v.category, v.indicator_name, v.unit) for v in values] == [
        ("一、总量指标（亿元）", "澄屿地区生产总值", "亿元"),
        ("一、总量指标（亿元）", "澄屿一般公共预算收入", "亿元"),
        ("一、总量指标（亿元）", "澄屿常住人口", "万人"),  # the row's own unit, in its name, wins
        ("二、增长速度（%）", "澄屿规上工业增加值增速", "%"),
        ("二、增长速度（%）", "澄屿城镇新增就业", "人"),  # in its unit cell
        ("二、增长速度（%）", "澄屿空气优良天数", "天"),  # in its value cell
        ("二、增长速度（%）", "澄屿河湖长制覆盖", None),  # a dash in its unit cell: it has none
        ("三、民生指标", "澄屿新增养老床位", None),  # a group that prints no unit gives none
        ("三、民生指标", "澄屿居民收入增速", None),
    ]
    assert [v.value_raw for v in values][:4] == ["480", "36", "27.5", "7左右"]
    assert [p.problem for p in parts] == [None]


PLAN_2024 = ReportMeta("重庆市", "某某区", "review_and_plan", 2023, 2024, None, None)


@pytest.mark.parametrize("group_cells, category", [
    (["一", "总量指标", "亿元", "", ""], "总量指标"),  # numbered in the 序号 column, the unit in its unit cell
    (["一", "总量指标（亿元）", "", "", ""], "总量指标（亿元）"),
    (["一、总量指标（单位：亿元）"], "一、总量指标（单位：亿元）"),  # one merged text with a `单位：` label
])
def test_a_group_row_unit_in_any_of_its_printed_places_reaches_its_rows(group_cells, category):
    cells = [["序号", "指标名称", "单位", "2024年目标", "属性"], group_cells,
             ["1", "样例地区总值", "", "300", "预期性"], ["2", "样例工业产值", "", "120", "预期性"],
             ["3", "样例户籍人口", "万人", "41", "预期性"]]
    text = ("表1：2024年主要指标\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in cells)
            + "\n\n二、其他\n")
    values, _ = read_tables(Document.from_text(text, meta=PLAN_2024))  # (no dedent: it would drop the empty cells)
    assert [(v.category, v.indicator_name, v.unit) for v in values] == [
        (category, "样例地区总值", "亿元"), (category, "样例工业产值", "亿元"), (category, "样例户籍人口", "万人")]


def test_a_group_row_without_a_unit_leaves_the_header_and_note_units_to_its_rows():
    cells = [["序号", "指标名称", "2024年目标（亿元）"], ["一、总量指标（12项）"], ["1", "样例地区总值", "300"]]
    text = ("表1：2024年主要指标\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in cells)
            + "\n\n二、其他\n")
    values, _ = read_tables(doc_of(text, PLAN_2024))
    assert [(v.category, v.unit) for v in values] == [("一、总量指标（12项）", "亿元")]


def test_fixture_names_wrapped_onto_a_second_line_of_an_aligned_table_are_joined():
    """A full-width-aligned copy wraps a name that fills its column onto the next line, indented to the name column
    (`规模以上工业增加值` / `增速`); a page footer may stand between two rows. The wrapped rest is part of the name
    (a star on it included), never a group row; a group label at the left edge stays one."""
    values, parts = read_fixture("wrapped_names_aligned.txt")
    rows = {(v.indicator_name, v.measure): v for v in values}
    assert sorted({v.indicator_name for v in values}) == sorted([
        "地区生产总值增速", "规模以上工业增加值增速", "全社会固定资产投资增速", "民间投资增速",
        "单位地区生产总值能耗降低", "农村常住居民人均可支配收入增速", "城镇新增就业"])
    assert {v.category for v in values if v.seq in ("1", "2", "3") or v.seq is None} == {"一、经济发展"}
    assert {v.category for v in values if v.seq in ("4", "5", "6")} == {"二、生态民生"}
    assert rows[("民间投资增速", "actual")].parent_name == "全社会固定资产投资增速"
    assert rows[("单位地区生产总值能耗降低", "target")].attribute == "约束性"  # the star printed on the wrapped rest
    assert rows[("农村常住居民人均可支配收入增速", "actual")].attribute == "预期性"
    assert rows[("全社会固定资产投资增速", "actual")].achieved_raw == "否"
    assert rows[("规模以上工业增加值增速", "actual")].source_line == 11
    assert [(p.kind, p.facts_read, p.problem) for p in parts] == [("indicator_table", 14, None)]


def test_fixture_footnote_markers_and_a_note_naming_the_binding_rows():
    """`地区生产总值①` carries a footnote marker, not part of the name; the footnotes go on under `注：①…` as `②…`,
    `③…` lines, and `③表中A、B为约束性指标，其余为预期性指标` names the binding rows: A and B 约束性, the rest 预期性."""
    values, parts = read_fixture("footnoted_names_binding_note.txt")
    got = {(v.indicator_name, v.measure): (v.attribute, v.achieved_raw) for v in values}
    assert got == {
        ("地区生产总值", "target"): ("预期性", None), ("地区生产总值", "actual"): ("预期性", "是"),
        ("一般公共预算收入", "target"): ("预期性", None), ("一般公共预算收入", "actual"): ("预期性", "否"),
        ("单位地区生产总值能耗降低", "target"): ("约束性", None), ("单位地区生产总值能耗降低", "actual"): ("约束性", "是"),
        ("粮食总产量", "target"): ("约束性", None), ("粮食总产量", "actual"): ("约束性", "是"),
        ("城镇新增就业", "target"): ("预期性", None), ("城镇新增就业", "actual"): ("预期性", "是"),
    }
    assert [(p.kind, p.facts_read, p.problem) for p in parts] == [("indicator_table", 10, None)]


def test_a_unit_and_an_attribute_merged_down_over_rows_belong_to_every_row_they_cover():
    """A container's grid prints a unit or an attribute once for several rows (a cell spanning rows): the text
    layout shows those rows' cells empty, but each row covered takes the merged cell's text."""
    rows = [
        [Cell("指标名称"), Cell("单位"), Cell("属性"), Cell("2022年目标")],
        [Cell("甲类收入增速"), Cell("%", row_span=3), Cell("预期性", row_span=2), Cell("6")],
        [Cell("乙类投资增速"), Cell("7")],
        [Cell("丙类消费增速"), Cell("约束性"), Cell("8")],
    ]
    out = parse_indicator_table("表2：2022年主要指标", 5, rows, META)
    assert [(r.indicator_name, r.unit, r.attribute, r.value_num) for r in out] == [
        ("甲类收入增速", "%", "预期性", 6.0),
        ("乙类投资增速", "%", "预期性", 7.0),
        ("丙类消费增速", "%", "约束性", 8.0),
    ]


def test_fixture_a_row_of_years_over_a_full_header_row_gives_each_value_column_its_year():
    """`tables/year_row_over_header.html`: the first row prints only the years (`2030年` spanning 目标 | 预计完成,
    `2031年` over the last 目标) with a blank cell over 序号 | 指标名称 | 单位 and 指标属性; the header words are
    bold `<td>`s, no `<th>`. Each value column takes the year above it: the second 目标 is the plan year's."""
    from ingestion.process import process_report

    processed = process_report("year_row.html", (FIXTURES / "year_row_over_header.html").read_bytes())
    assert processed.ok, processed.error
    got = sorted((v.period_year, v.measure, v.indicator_name, v.value_raw, v.attribute, v.category)
                 for v in processed.extraction.indicators if v.source == "table")
    assert got == sorted([
        (2030, "target", "地区生产总值增速", "6", "预期性", "一、经济发展"),
        (2030, "actual", "地区生产总值增速", "5.6", "预期性", "一、经济发展"),
        (2031, "target", "地区生产总值增速", "5.5左右", "预期性", "一、经济发展"),
        (2030, "target", "固定资产投资增速", "7", "预期性", "一、经济发展"),
        (2030, "actual", "固定资产投资增速", "7.2", "预期性", "一、经济发展"),
        (2031, "target", "固定资产投资增速", "6以上", "预期性", "一、经济发展"),
        (2030, "target", "单位地区生产总值能耗降低", "3", "约束性", "二、绿色生态"),
        (2030, "actual", "单位地区生产总值能耗降低", "3.1", "约束性", "二、绿色生态"),
        (2031, "target", "单位地区生产总值能耗降低", "完成上级下达任务", "约束性", "二、绿色生态"),
    ])


def test_fixture_a_table_printed_on_its_side_reads_as_the_same_table_turned_back():
    """`tables/transposed_review.txt`: the indicators are the columns (`指标 | 地区生产总值增速（%） | …`, the unit in
    the name cell) and the measures the rows (`2030年目标`, `2030年完成`, `完成情况`). Each indicator gets its
    target, its actual and the verdict of its column, each value pointing at its own line."""
    values, parts = read_fixture("transposed_review.txt")
    got = sorted((v.period_year, v.measure, v.indicator_name, v.unit, v.value_raw, v.achieved_raw) for v in values)
    assert got == sorted([
        (2030, "target", "地区生产总值增速", "%", "6", None), (2030, "actual", "地区生产总值增速", "%", "6.3", "是"),
        (2030, "target", "一般公共预算收入增速", "%", "5左右", None),
        (2030, "actual", "一般公共预算收入增速", "%", "4.2", "否"),
        (2030, "target", "城镇居民人均可支配收入增速", "%", "6.5", None),
        (2030, "actual", "城镇居民人均可支配收入增速", "%", "6.8", "是"),
    ])
    text = (FIXTURES / "transposed_review.txt").read_text(encoding="utf-8").split("\n")
    assert all(text[v.source_line - 1].strip() == v.value_raw for v in values)
    assert [(p.kind, p.facts_read) for p in parts] == [("indicator_table", 6)]


def test_fixture_units_in_name_brackets_beyond_money_and_people():
    """`tables/units_in_name_brackets.txt`: a table with no unit column, each unit in a bracket after the name
    (full-width or ASCII), the counting units of farm and service figures among them (`亿斤`, `万头只`, `万羽`,
    `公斤`, `工作日`, `种`); a bracket that is no unit (`（可比价）`) stays in the name."""
    values, parts = read_fixture("units_in_name_brackets.txt")
    got = {(v.indicator_name, v.unit, v.attribute) for v in values}
    assert got == {
        ("地区生产总值增速", "%", "预期性"), ("地区生产总值（可比价）", None, "预期性"),
        ("粮食总产量", "亿斤", "约束性"), ("牛羊存栏", "万头只", "预期性"), ("家禽出栏", "万羽", "预期性"),
        ("人均口粮消费", "公斤", "预期性"), ("企业开办时间", "工作日", "预期性"), ("新增主导作物品种", "种", "预期性"),
    }
    assert [(v.period_year, v.measure, v.value_raw, v.value_num, v.comparator) for v in values
            if v.indicator_name == "牛羊存栏"] == [(2023, "actual", "412", 412.0, "eq"),
                                                   (2024, "target", "420左右", 420.0, "approx")]
    assert [(p.kind, p.facts_read, p.problem) for p in parts] == [("indicator_table", 16, None)]


def test_fixture_a_decline_in_a_growth_row_is_a_negative_growth_rate():
    """`tables/decline_in_growth_rows.txt`: `下降3.4%` in a growth row (`…增长`, `…增长率`, `…涨幅`) or under a
    growth column (`2022年完成增速`) is -3.4, as prose reads it; a row that is a decline itself (`…能耗降低`,
    `…用水量减少`) keeps the positive figure, and a change in points stays decrease_by."""
    values, _ = read_fixture("decline_in_growth_rows.txt")
    actual = {v.indicator_name: (v.value_raw, v.value_num, v.comparator) for v in values if v.measure == "actual"}
    assert actual == {
        "松川地区生产总值增速": ("2.4", 2.4, "eq"),
        "松川社会消费品零售总额增长": ("下降3.4%", -3.4, "eq"),
        "松川进出口总额增长率": ("比上年下降0.7%", -0.7, "eq"),
        "松川居民消费价格涨幅": ("下降0.2%", -0.2, "eq"),
        "松川单位地区生产总值能耗降低": ("下降3.6%", 3.6, "eq"),
        "松川城镇调查失业率": ("下降0.3个百分点", 0.3, "decrease_by"),
        "松川规上工业增加值": ("198", 198.0, "eq"),
        "松川装备制造业增加值": ("下降2.5%", -2.5, "eq"),  # under `2022年完成增速`
        "松川建筑业总产值": ("6.1", 6.1, "eq"),
        "松川工业用水量减少": ("下降2.2%", 2.2, "eq"),
    }


def test_fixture_tab_rows_under_a_blank_corner_cell_are_one_row_per_line():
    """`tables/blank_corner_tab_rows.txt`: a spreadsheet copy whose first line opens with empty cells (the blank
    corner over `指标名称 | 单位`, a year spanning its measures) is a table of TAB-joined rows, not the genre's
    one-cell-per-line layout: every value is read, a group row and a tab-led sub-row (blank 序号) included."""
    values, parts = read_fixture("blank_corner_tab_rows.txt")
    review = [v for v in values if v.table_title.startswith("表1")]
    assert [(v.measure, v.indicator_name, v.unit, v.attribute, v.value_raw, v.achieved_raw) for v in review] == [
        ("target", "青禾地区生产总值增速", "%", "预期性", "6.5左右", None),
        ("actual", "青禾地区生产总值增速", "%", "预期性", "6.8", "是"),
        ("target", "青禾一般公共预算收入", "亿元", "预期性", "12.6", None),
        ("actual", "青禾一般公共预算收入", "亿元", "预期性", "12.1", "否"),
        ("target", "青禾城镇新增就业", "人", "预期性", "3200", None),
        ("actual", "青禾城镇新增就业", "人", "预期性", "3415", "是"),
        ("target", "青禾森林覆盖率", "%", "约束性", "≥41", None),
        ("actual", "青禾森林覆盖率", "%", "约束性", "41.3", "是"),
    ]
    plan = [v for v in values if v.table_title.startswith("表2")]
    assert [(v.period_year, v.measure, v.seq, v.category, v.parent_name, v.indicator_name, v.value_raw)
            for v in plan] == [
        (2023, "actual", "1", "一、经济发展", None, "青禾规上工业增加值增速", "7.2"),
        (2024, "target", "1", "一、经济发展", None, "青禾规上工业增加值增速", "8以上"),
        (2023, "actual", None, "一、经济发展", "青禾规上工业增加值增速", "青禾数字产业增加值增速", "12.4"),
        (2024, "target", None, "一、经济发展", "青禾规上工业增加值增速", "青禾数字产业增加值增速", "15"),
        (2023, "actual", "2", "一、经济发展", None, "青禾固定资产投资增速", "5.1"),
        (2024, "target", "2", "一、经济发展", None, "青禾固定资产投资增速", "6左右"),
        (2023, "actual", "3", "二、民生保障", None, "青禾居民人均可支配收入", "31850"),
        (2024, "target", "3", "二、民生保障", None, "青禾居民人均可支配收入", "33800"),
    ]
    assert [(p.kind, p.facts_read, p.problem) for p in parts] == [("indicator_table", 8, None),
                                                                  ("indicator_table", 8, None)]


def test_completion_column_of_beyond_and_short_of_plan_words_is_the_verdict():
    """A review table's `完成情况` column holding `超过预期`/`达到预期`/`未达到预期`/`低于预期` is the report's verdict,
    not a second actual: going past the plan (超过预期) says 是, as 超额完成 does; falling short (低于预期) says 否."""
    rows = rows_of("""
    表2　2021年主要指标执行情况
    序号  指标名称            单位    2021年目标    2021年完成    完成情况
    1     甲区生产总值增长    %       6             7.1           超过预期
    2     乙工业投资增长      %       8             9.4           超过预期
    3     丙消费品零售额      亿元    120           126           超出目标
    4     丁财政收入增长      %       5             5             达到预期
    5     戊居民收入增长      %       7             6.2           未达到预期
    6     己外贸进出口增长    %       4             1.5           低于预期
    """)
    actual = {r.indicator_name: (r.value_raw, r.achieved_raw) for r in rows if r.measure == "actual"}
    assert actual == {"甲区生产总值增长": ("7.1", "是"), "乙工业投资增长": ("9.4", "是"), "丙消费品零售额": ("126", "是"),
                      "丁财政收入增长": ("5", "是"), "戊居民收入增长": ("6.2", "否"), "己外贸进出口增长": ("1.5", "否")}
    assert len(rows) == 12


def test_space_aligned_cell_that_fills_its_column_is_split_from_the_next_at_the_single_space():
    """In a fixed-width copy a value as wide as its column leaves one space before the next cell
    (`完成省下达任务 完成`): the next column starts there, so the two are two cells (a name holding one space stays
    whole)."""
    rows = rows_of("""
    表3　2031年主要指标完成情况
    序号  指标名称            单位    2031年目标    2031年完成    是否完成
    1     甲新增就业          人      5000          5230          是
    2     乙节能降耗任务      %       完成省下达任务 完成         是
    3     PM2.5 平均浓度      微克    ≤35           31            是
    """)
    got = {(r.indicator_name, r.measure): r.value_raw for r in rows}
    assert got == {("甲新增就业", "target"): "5000", ("甲新增就业", "actual"): "5230",
                   ("乙节能降耗任务", "target"): "完成省下达任务", ("乙节能降耗任务", "actual"): "完成",
                   ("PM2.5平均浓度", "target"): "≤35", ("PM2.5平均浓度", "actual"): "31"}


def test_fixture_a_remark_column_of_verdicts_is_the_verdict():
    """`tables/remark_column_verdicts.txt`: a 备注 column that holds the verdict (`达到预期`, `超过预期`, `未达到预期`, once
    followed by its reason `未达到预期，受…影响`) gives achieved on the actual rows; a 备注 column of other notes (`快报数`,
    `同口径`) stays a note."""
    values, parts = read_fixture("remark_column_verdicts.txt")
    assert [(v.table_title[:3], v.indicator_name, v.value_raw, v.achieved_raw) for v in values if v.measure == "actual"] \
        == [("表1：", "样例工业总产值", "262.4", "是"), ("表1：", "样例工业总产值增长", "6.1", "否"),
            ("表1：", "样例实际利用外资", "1.2", "是"), ("表1：", "样例城镇新增就业", "2870", "否"),
            ("表2：", "样例税收收入", "12.6", None), ("表2：", "样例进出口总额", "28.2", None)]
    assert all(v.achieved_raw is None for v in values if v.measure == "target")
    assert [(p.facts_read, p.problem) for p in parts] == [(8, None), (4, None)]


def test_fixture_a_decline_beside_growth_phrase_cells_is_negative():
    """`tables/growth_phrase_cells_no_unit.txt`: a table with no unit column whose cells print what they state
    (`增长6.5%左右`, `520万人次`). A row whose other cell is a growth phrase (`外贸进出口总额 | 增长9% | 下降7.8%`)
    is a growth row, so its `下降7.8%` is -7.8, as in a row named …增长; a row that is a decline itself
    (`…能耗降低 | 下降3% | 下降3.2%`) keeps the positive figures."""
    values, _ = read_fixture("growth_phrase_cells_no_unit.txt")
    got = {(v.indicator_name, v.measure): (v.value_raw, v.value_num, v.comparator) for v in values}
    assert got == {
        ("地区生产总值", "target"): ("增长6.5%左右", 6.5, "approx"),
        ("地区生产总值", "actual"): ("增长6.1%", 6.1, "eq"),
        ("外贸进出口总额", "target"): ("增长9%", 9.0, "eq"),
        ("外贸进出口总额", "actual"): ("下降7.8%", -7.8, "eq"),
        ("单位地区生产总值能耗降低", "target"): ("下降3%", 3.0, "eq"),
        ("单位地区生产总值能耗降低", "actual"): ("下降3.2%", 3.2, "eq"),
        ("过夜游客", "target"): ("520万人次", 520.0, "eq"),
        ("过夜游客", "actual"): ("548万人次", 548.0, "eq"),
    }
