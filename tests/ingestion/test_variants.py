"""Whole synthetic reports of the genre in layouts the sample reports do not have (tests/fixtures/variants/).

Each fixture is a short report written the way district/county 发改 reports of other provinces and years are
written: other title layouts, heading styles, table layouts, prose targets and project lists. A test per
fixture checks the facts an analyst would look at first: the title metadata, a few table values with
comparator/measure/period, a prose target and a few projects with their stages.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.extract import extract_text

VARIANTS = Path(__file__).resolve().parents[1] / "fixtures" / "variants"


def extract(name: str):
    return extract_text((VARIANTS / name).read_text(encoding="utf-8"))


def meta_of(ex) -> tuple:
    m = ex.meta
    return m.city, m.district, m.doc_type, m.review_year, m.plan_year


def table_value(ex, name: str, measure: str, period: int | None = None):
    rows = [r for r in ex.indicators if r.source == "table" and r.indicator_name == name and r.measure == measure
            and (period is None or r.period_year == period)]
    assert len(rows) == 1, f"{name}/{measure}/{period}: {[(r.value_raw, r.period_year) for r in rows]}"
    r = rows[0]
    return r.value_raw, r.value_num, r.comparator, r.period_year


def prose_value(ex, name: str, measure: str):
    rows = [r for r in ex.indicators if r.source == "prose" and r.indicator_name == name and r.measure == measure]
    assert len(rows) == 1, f"{name}/{measure}: {[(r.value_raw, r.period_year) for r in rows]}"
    r = rows[0]
    return r.value_num, r.comparator, r.period_year


def stages(ex) -> dict[str, tuple]:
    return {p.project_name: (p.stage, p.period_year) for p in ex.projects}


@pytest.mark.parametrize("name", sorted(p.name for p in VARIANTS.glob("*.txt")))
def test_every_variant_extracts_without_error_and_finds_all_three_kinds(name):
    ex = extract(name)
    assert ex.meta.district and ex.meta.plan_year
    assert any(r.source == "table" for r in ex.indicators)
    assert any(r.source == "prose" for r in ex.indicators)
    assert ex.projects


def test_a_sichuan_district_two_line_title_triangle_marks_continued_table_and_counted_groups():
    ex = extract("a_sichuan_pidu_2023.txt")
    assert meta_of(ex) == ("成都市", "郫都区", "review_and_plan", 2023, 2024)
    # 表1: 计划目标 / 完成情况 / 是否完成; ▲ is stripped from the name
    assert table_value(ex, "地区生产总值增速", "target", 2023) == ("6.5左右", 6.5, "approx", 2023)
    assert table_value(ex, "地区生产总值增速", "actual", 2023) == ("6.2", 6.2, "eq", 2023)
    energy = [r for r in ex.indicators if r.indicator_name == "单位地区生产总值能耗降低" and r.measure == "actual"]
    assert (energy[0].attribute, energy[0].achieved_raw, energy[0].comparator) == ("约束性", "是", "qualitative")
    # 表2 is continued under 续表: one table, and the ▲ note under the second part applies to the first part too
    t2 = [r for r in ex.indicators if r.table_title == "表22024年国民经济和社会发展主要预期目标"]
    assert len(t2) == 7
    assert {r.indicator_name: r.attribute for r in t2}["森林覆盖率"] == "约束性"
    assert {r.indicator_name: r.attribute for r in t2}["地区生产总值增速"] == "预期性"
    # prose: review summary and the plan targets
    assert prose_value(ex, "地区生产总值", "actual") == (713.6, "eq", 2023)
    assert prose_value(ex, "城镇调查失业率", "target") == (5.5, "le", 2024)
    assert prose_value(ex, "居民消费价格涨幅", "target") == (3.0, "approx", 2024)
    assert prose_value(ex, "单位地区生产总值能耗下降", "target") == (None, "qualitative", 2024)
    # 专栏2 without a colon, groups `（一）新开工项目（6个）：…`
    got = stages(ex)
    assert got["中电建西部数字产业园"] == ("started", 2024)
    assert got["天府国际动漫城"] == ("ongoing", 2024)
    assert got["古城镇污水处理厂提标改造项目"] == ("completed", 2024)
    assert got["成都西部智能制造产业园"] == ("started", 2023)  # 专栏1, numbered `1.新开工项目：…`
    assert len(ex.projects) == 20
    assert not any("项目（" in p.project_name for p in ex.projects)


def test_b_county_title_without_place_appendix_tables_and_project_table():
    ex = extract("b_zhejiang_anji_county_2023.txt")
    assert meta_of(ex) == (None, "安吉县", "review_and_plan", 2023, 2024)  # place read from the session line
    # 附件1: two header rows (2023年 over 目标 | 实际), group rows, units in the names
    assert table_value(ex, "地区生产总值增长", "target") == ("7.5", 7.5, "eq", 2023)
    assert table_value(ex, "地区生产总值增长", "actual") == ("7.3", 7.3, "eq", 2023)
    pm = [r for r in ex.indicators if r.indicator_name == "PM2.5平均浓度" and r.measure == "target"][0]
    assert (pm.unit, pm.attribute, pm.category, pm.comparator) == ("微克/立方米", "约束性", "三、绿色生态", "le")
    assert all(r.table_title == "附件1：2023年主要经济社会发展指标完成情况" for r in ex.indicators if r.source == "table")
    # prose: the 城乡 pair under 分别 becomes the urban and the rural row
    assert prose_value(ex, "城镇居民人均可支配收入", "actual") == (75612.0, "eq", 2023)
    assert prose_value(ex, "农村居民人均可支配收入增速", "actual") == (7.1, "eq", 2023)
    assert prose_value(ex, "农村居民人均可支配收入增速", "target") == (7.0, "eq", 2024)
    assert prose_value(ex, "居民消费价格涨幅", "target") == (3.0, "approx", 2024)  # 控制在3%左右
    # 附件2 is a project table: 建设性质 新建/续建 gives the stage
    got = stages(ex)
    assert got == {
        "安吉两山高新区智能制造产业园": ("started", 2024),
        "杭临绩高速安吉段": ("ongoing", 2024),
        "安吉县人民医院迁建工程": ("ongoing", 2024),
        "天荒坪镇抽水蓄能电站配套工程": ("started", 2024),
    }


def test_c_county_level_city_plan_untitled_table_continued_without_header_and_chinese_numbered_box():
    ex = extract("c_guangdong_sihui_city_plan_2024.txt")
    assert meta_of(ex) == ("肇庆市", "四会市", "plan", None, 2024)  # a county-level city: its prefecture (完成肇庆市下达任务)
    # an unnumbered title line over the table; 实际值/目标值 columns with their own years
    assert table_value(ex, "地区生产总值", "actual") == ("712.3", 712.3, "eq", 2023)
    assert table_value(ex, "地区生产总值", "target") == ("755", 755.0, "eq", 2024)
    gdp = [r for r in ex.indicators if r.indicator_name == "地区生产总值" and r.source == "table"][0]
    assert gdp.table_title == "2024年四会市国民经济和社会发展主要指标"
    # the rows after 续表 (no header printed again) are read with the columns above
    assert table_value(ex, "城镇调查失业率", "target") == ("＜5.5", 5.5, "lt", 2024)
    assert table_value(ex, "居民人均可支配收入增速", "target") == ("与经济增长同步", None, "qualitative", 2024)
    # prose targets: 同口径 is not part of the name, a 下达任务 target of another city's wording
    assert prose_value(ex, "一般公共预算收入增速", "target") == (5.0, "eq", 2024)
    assert prose_value(ex, "单位地区生产总值能耗下降", "target") == (None, "qualitative", 2024)
    # 专栏一 (Chinese numeral, no colon) with `3.计划竣工项目：`
    got = stages(ex)
    assert got["四会市人民医院新院区"] == ("started", 2024)
    assert got["绥江综合整治工程"] == ("ongoing", 2024)
    assert got["四会市体育中心"] == ("completed", 2024)


def test_d_autonomous_county_draft_suffix_verdict_words_and_project_table_in_a_box():
    ex = extract("d_hubei_changyang_autonomous_county_2022.txt")
    assert meta_of(ex) == (None, "长阳土家族自治县", "review_and_plan", 2022, 2023)
    assert ex.meta.title.endswith("的报告（草案）")
    # 完成情况 says 完成/未完成: stored as 是/否; 类别 carried down; * note
    gdp = [r for r in ex.indicators if r.indicator_name == "地区生产总值" and r.measure == "actual"][0]
    assert (gdp.achieved_raw, gdp.category, gdp.value_num) == ("否", "经济发展", 201.0)
    forest = [r for r in ex.indicators if r.indicator_name == "森林覆盖率" and r.measure == "target"][0]
    assert (forest.attribute, forest.value_num, forest.comparator) == ("约束性", 85.0, "ge")
    # 表2: the previous year's estimate and the plan year's target in one table
    t2 = {(r.indicator_name, r.measure): (r.value_num, r.comparator, r.period_year)
          for r in ex.indicators if r.table_title == "表2：2023年主要经济社会发展指标"}
    assert t2[("地区生产总值增长", "actual")] == (5.5, "approx", 2022)
    assert t2[("地区生产总值增长", "target")] == (7.0, "approx", 2023)
    # prose: a pair joined by 和 under 分别
    assert prose_value(ex, "城镇常住居民人均可支配收入增速", "actual") == (6.1, "eq", 2022)
    assert prose_value(ex, "农村常住居民人均可支配收入增速", "actual") == (7.3, "eq", 2022)
    assert prose_value(ex, "地区生产总值增速", "target") == (7.0, "approx", 2023)
    got = stages(ex)
    assert got["高家堰镇特色农产品加工园"] == ("started", 2023)
    assert got["G351长阳段改建工程"] == ("ongoing", 2023)
    assert got["渔峡口大桥"] == ("completed", 2023)
    # 专栏3 is a project table (项目名称 | 建设内容 | 总投资 | 年度计划) of a 前期工作 list
    assert got["长阳至五峰高速公路"] == ("preparatory", 2023)
    assert {p.category for p in ex.projects if p.stage == "preparatory"} == {"交通项目", "水利项目"}
    assert [p.category for p in ex.projects if p.project_name == "长阳清江画廊旅游度假区提档升级"] == ["产业发展类"]


def test_e_three_line_title_one_row_per_line_table_and_dash_target_lines():
    ex = extract("e_hubei_jiangxia_2024.txt")
    assert meta_of(ex) == ("武汉市", "江夏区", "review_and_plan", 2024, 2025)
    assert table_value(ex, "实际利用外资", "target") == ("不低于3", 3.0, "ge", 2024)
    assert table_value(ex, "一般公共预算收入增速", "target") == ("正增长", None, "qualitative", 2024)
    ach = [r.achieved_raw for r in ex.indicators if r.indicator_name == "实际利用外资" and r.measure == "actual"]
    assert ach == ["否"]
    assert prose_value(ex, "研发投入强度", "target") == (4.5, "eq", 2025)
    assert prose_value(ex, "主要污染物减排", "target") == (None, "qualitative", 2025)
    got = stages(ex)
    assert got["华中数字经济产业园"] == ("started", 2025)
    assert got["纸坊污水处理厂扩建工程"] == ("completed", 2025)
    assert got["江夏实验高中"] == ("completed", 2025)


def test_f_parts_headings_unnumbered_table_ratio_column_and_prose_projects():
    ex = extract("f_sichuan_beichuan_autonomous_county_2019.txt")
    assert meta_of(ex) == (None, "北川羌族自治县", "review_and_plan", 2019, 2020)
    # `完成计划%` is a ratio column, not a second actual
    assert table_value(ex, "地区生产总值", "actual") == ("72.3", 72.3, "eq", 2019)
    sub = [r for r in ex.indicators if r.indicator_name == "第一产业增加值" and r.measure == "target"][0]
    assert (sub.parent_name, sub.table_title) == ("地区生产总值", "2019年主要经济指标完成情况表")
    # the review summary sits under `第一部分 …执行情况`
    assert prose_value(ex, "地区生产总值增速", "actual") == (7.6, "eq", 2019)
    assert prose_value(ex, "农村居民人均可支配收入增速", "actual") == (10.2, "eq", 2019)
    assert prose_value(ex, "城镇居民人均可支配收入增速", "target") == (8.5, "eq", 2020)
    # no 专栏 at all: projects come from the plan's task prose, not from the review's 重点工作推进情况
    got = stages(ex)
    assert got["绵北快速通道北川段"] == ("started", 2020)
    assert got["擂鼓镇农产品加工园"] == ("ongoing", 2020)
    assert got["县城第二水厂"] == ("completed", 2020)
    assert all(p.list_title.startswith("prose:（") for p in ex.projects)


def test_g_wrapped_title_part_year_column_boxed_list_and_stage_column():
    ex = extract("g_chongqing_bishan_boxes_2023.txt")
    assert meta_of(ex) == ("重庆市", "璧山区", "review_and_plan", 2023, 2024)
    # `2023年1-11月` beside `2023年预计`: only the year's estimate is the actual
    assert table_value(ex, "地区生产总值增速", "actual") == ("6.5", 6.5, "eq", 2023)
    assert table_value(ex, "地区生产总值增速", "target") == ("7", 7.0, "eq", 2023)
    # review summary under `（一）经济运行…`; a decline of an aggregate is a negative growth rate
    assert prose_value(ex, "全社会固定资产投资增速", "actual") == (-2.1, "eq", 2023)
    # targets announced inside `（一）总体要求` (`主要预期目标是：`)
    assert prose_value(ex, "地区生产总值增速", "target") == (7.0, "ge", 2024)
    got = stages(ex)
    # group lines without a colon: `新开工项目（3个）` then the names
    assert got["比亚迪动力电池二期"] == ("started", 2023)
    assert got["重庆文理学院璧山校区"] == ("completed", 2023)
    # a 专栏 boxed in a one-cell table, `一、新开工项目` groups and `1.name：description` items
    assert got["璧山区中医院迁建工程"] == ("started", 2024)
    assert got["渝湘高铁璧山段配套工程"] == ("ongoing", 2024)
    # a project table whose 类别 column holds the stage
    assert got["璧山大道快速化改造工程"] == ("ongoing", 2024)
    assert got["璧山区体育中心"] == ("completed", 2024)
    assert not any(p.project_name.startswith(("项目", "一、", "新开工")) for p in ex.projects)


def test_h_plan_draft_numbered_target_items_and_appendix_table_with_reordered_columns():
    ex = extract("h_chongqing_fengdu_plan_draft_2025.txt")
    # a plan whose section 一 reviews 2024 has review_year 2024 (SPEC: the year whose execution is reviewed)
    assert meta_of(ex) == (None, "丰都县", "plan", 2024, 2025)
    # 附表1 on its own line with the title on the next; columns 目标 | 预计 | 属性 | 计量单位
    assert table_value(ex, "地区生产总值增长", "target") == ("6左右", 6.0, "approx", 2025)
    assert table_value(ex, "地区生产总值增长", "actual") == ("5.8", 5.8, "eq", 2024)
    t = [r for r in ex.indicators if r.source == "table"]
    assert {r.table_title for r in t} == {"附表12025年主要经济社会发展指标计划表"}
    assert {r.unit for r in t} == {"%"}
    # targets printed as `1、…；` items under the target heading
    assert prose_value(ex, "地区生产总值增速", "target") == (6.0, "approx", 2025)
    assert prose_value(ex, "一般公共预算收入增速", "target") == (0.0, "eq", 2025)
    assert prose_value(ex, "单位地区生产总值二氧化碳排放", "target") == (None, "qualitative", 2025)
    got = stages(ex)
    assert got["丰都县肉牛产业园二期"] == ("started", 2025)
    assert got["名山街道污水处理厂扩建工程"] == ("completed", 2025)


def test_i_title_without_baogao_five_year_column_and_kind_labels_over_stage_clauses():
    ex = extract("i_zhejiang_yuhang_no_report_word_2021.txt")
    assert meta_of(ex) == ("杭州市", "余杭区", "review_and_plan", 2021, 2022)  # city from the office line
    # one table with the estimate, the plan year's target and the five-year target, each with its own year
    rows = {(r.measure, r.period_year): (r.value_num, r.comparator)
            for r in ex.indicators if r.source == "table" and r.indicator_name == "地区生产总值增长"}
    assert rows == {("actual", 2021): (10.2, "eq"), ("target", 2022): (7.5, "approx"), ("target", 2025): (7.0, "ge")}
    assert prose_value(ex, "规模以上工业增加值", "actual") == (600.0, "gt", 2021)
    assert prose_value(ex, "城镇新增就业", "target") == (2.5, "eq", 2022)  # a `——…；` target line
    got = {p.project_name: (p.stage, p.category) for p in ex.projects}
    assert got["地铁3号线余杭段"] == ("completed", "交通基础设施类")
    assert got["杭德城际铁路余杭段"] == ("ongoing", "交通基础设施类")
    assert "交通基础设施类" not in got


def test_j_month_range_actual_column_and_a_project_table_under_an_unnumbered_zhuanlan():
    ex = extract("j_guangdong_huangpu_2023.txt")
    assert meta_of(ex) == ("广州市", "黄埔区", "review_and_plan", 2023, 2024)
    # `1-12月完成` is the only actual column, so it is the actual; `完成进度` is a ratio, not a value
    assert table_value(ex, "地区生产总值", "actual") == ("4315", 4315.0, "eq", 2023)
    assert len([r for r in ex.indicators if r.source == "table"]) == 6
    assert prose_value(ex, "规模以上工业总产值", "actual") == (9000.0, "gt", 2023)
    assert prose_value(ex, "一般公共预算收入增速", "target") == (4.0, "eq", 2024)
    assert stages(ex) == {
        "粤芯半导体三期": ("ongoing", 2024),
        "广州国际生物岛二期": ("started", 2024),
        "黄埔区人民医院综合楼": ("completed", 2024),
    }
