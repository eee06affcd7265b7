"""Prose extraction on layouts of the genre beyond the samples, one test per layout class.

The fixtures in tests/fixtures/prose/ are short synthetic reports (invented places, people and figures) written in
the layouts real reports use: numbered lead sentences as the review summary, target runs in one paragraph, task
sections that hold quantified work targets (with or without an indicator table), plan-only documents.
"""
from pathlib import Path

import pytest

from ingestion.document import Document
from ingestion.prose import extract_prose_indicators

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "prose"


def load(name: str) -> Document:
    return Document.from_text((FIXTURES / name).read_text(encoding="utf-8"))


def rows(doc: Document, measure: str | None = None):
    return [r for r in extract_prose_indicators(doc) if measure is None or r.measure == measure]


def facts(doc: Document, measure: str) -> dict[str, tuple]:
    return {r.indicator_name: (r.value_num, r.comparator, r.unit) for r in rows(doc, measure)}


# ---------------------------------------------------------------------------------------------------------------
# Review summary as numbered lead sentences (`（一）经济运行稳中向好。全县地区生产总值完成…`)
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def county() -> Document:
    return load("inline_lead_county_2023.txt")


def test_lead_sentences_after_the_indicator_announcement_are_the_review_summary(county):
    actual = facts(county, "actual")
    assert actual["地区生产总值"] == (152.3, "eq", "亿元")
    assert actual["地区生产总值增速"] == (6.4, "eq", "%")
    assert actual["第二产业增加值增速"] == (7.7, "eq", "%")
    assert actual["地方一般公共预算收入"] == (7.42, "eq", "亿元")  # （二）财政收入平稳增长。…
    assert actual["城镇登记失业率"] == (3.5, "le", "%")  # （四）…, the last lead sentence
    # rows are titled by the review heading: the lead sentences are text, not headings
    assert {r.table_title for r in rows(county, "actual")} == {"一、2023年国民经济和社会发展计划执行情况"}
    assert {r.period_year for r in rows(county, "actual")} == {2023}


def test_work_review_after_its_announcement_is_not_headline(county):
    names = {r.indicator_name for r in rows(county, "actual")}
    assert not any("项目" in n or "资金" in n or "高新技术企业" in n for n in names), names
    assert all(r.source_line <= 12 for r in rows(county, "actual"))


def test_completed_assigned_task_is_a_review_fact(county):
    assert facts(county, "actual")["单位地区生产总值能耗降低"] == (None, "qualitative", None)


def test_age_bracket_and_annual_mean_concentration_are_parts_of_names(county):
    actual = facts(county, "actual")
    assert actual["每千人口拥有3岁以下婴幼儿托位数"] == (3.6, "eq", "个")
    assert actual["细颗粒物年均浓度"] == (29.0, "eq", "微克/立方米")  # 年均浓度 is not a five-year 年均增长


# ---------------------------------------------------------------------------------------------------------------
# Targets as one run of `；`-separated clauses, with the genre's qualitative targets
# ---------------------------------------------------------------------------------------------------------------


def test_target_run_with_qualitative_targets(county):
    target = {r.indicator_name: (r.value_num, r.comparator, r.table_title) for r in rows(county, "target")
              if r.table_title == "（二）主要预期目标"}
    assert target == {
        "地区生产总值增速": (6.0, "approx", "（二）主要预期目标"),
        "地方一般公共预算收入增速": (5.0, "eq", "（二）主要预期目标"),
        "城乡居民人均可支配收入增速": (None, "qualitative", "（二）主要预期目标"),  # 增长高于经济增速
        "城镇调查失业率": (5.5, "le", "（二）主要预期目标"),
        "耕地保有量": (None, "qualitative", "（二）主要预期目标"),  # 只增不减
        "地表水水质": (None, "qualitative", "（二）主要预期目标"),  # 达到国家要求
        # `单位地区生产总值能耗和二氧化碳排放降低`: both intensities, both 降低
        "单位地区生产总值能耗降低": (None, "qualitative", "（二）主要预期目标"),
        "单位地区生产总值二氧化碳排放降低": (None, "qualitative", "（二）主要预期目标"),
        "主要污染物排放总量": (None, "qualitative", "（二）主要预期目标"),  # 控制在市下达指标以内
    }


# ---------------------------------------------------------------------------------------------------------------
# A report with no indicator table: the task section's quantified targets are in scope
# ---------------------------------------------------------------------------------------------------------------


def test_task_section_targets_of_a_report_without_tables(county):
    tasks = {r.indicator_name: (r.value_num, r.comparator) for r in rows(county, "target")
             if r.table_title == "三、2024年重点工作"}
    assert tasks == {
        "新增规模以上工业企业": (12.0, "ge"),
        "规模以上工业总产值": (180.0, "gt"),
        "新建高标准农田": (1.8, "eq"),  # the size of the key-project list (安排县级重点项目38个) is not a target
        "新增城区学位": (900.0, "eq"),
        "城乡居民基本养老保险参保率": (95.0, "ge"),
    }


def test_safeguard_section_is_not_read(county):
    assert not any(r.table_title.startswith("四、") for r in rows(county))


# ---------------------------------------------------------------------------------------------------------------
# A plan-only document (Markdown headings from a PDF converter) that still reviews last year
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_only() -> Document:
    return load("plan_only_markdown_2024.md")


def test_plan_only_document_reviews_last_year_in_list_items(plan_only):
    assert plan_only.meta.doc_type == "plan"
    actual = rows(plan_only, "actual")
    assert {r.period_year for r in actual} == {2023}
    assert {r.table_title for r in actual} == {"一、2023年经济社会发展情况"}  # a Markdown `##` heading
    assert facts(plan_only, "actual") == {
        "地区生产总值": (412.6, "eq", "亿元"),  # `- ` bullets are not part of names
        "地区生产总值增速": (5.8, "eq", "%"),
        "规模以上工业增加值增速": (7.2, "eq", "%"),
        "城镇新增就业": (1.26, "eq", "万人"),
    }  # nothing from the titled work-review sub-section (重点项目120个, 投资260亿元)


def test_range_targets_are_two_rows_ge_low_and_le_high(plan_only):
    target = [(r.indicator_name, r.value_num, r.comparator) for r in rows(plan_only, "target")]
    assert ("地区生产总值增速", 5.0, "ge") in target and ("地区生产总值增速", 5.5, "le") in target
    assert ("研发经费投入强度", 2.8, "ge") in target and ("研发经费投入强度", 3.0, "le") in target
    assert {r.value_raw for r in rows(plan_only, "target") if r.indicator_name == "地区生产总值增速"} == {"增长5%-5.5%"}


def test_targets_announced_in_a_paragraph_and_five_year_targets_left_out(plan_only):
    target = {r.indicator_name: (r.value_num, r.comparator) for r in rows(plan_only, "target")}
    assert target["一般公共预算收入增速"] == (4.0, "approx")
    assert target["城镇调查失业率"] == (5.5, "le")
    assert target["居民人均可支配收入增速"] == (None, "qualitative")
    # “十四五”时期…年均增长6%以上 and 居民收入增长与经济增长同步 are the five-year plan's, 到2025年… too
    assert "居民收入增速" not in target and not any("年均" in n for n in target)
    assert "固定资产投资" not in target
    assert {r.period_year for r in rows(plan_only, "target")} == {2024}


def test_project_list_sizes_in_task_sections_are_not_targets(plan_only):
    assert not any(r.indicator_name.endswith("项目") for r in rows(plan_only, "target"))


# ---------------------------------------------------------------------------------------------------------------
# Smaller layout classes, inline
# ---------------------------------------------------------------------------------------------------------------

PLAN_TITLE = "松林县2025年国民经济和社会发展计划"


def test_targets_as_a_numbered_lead_sentence():
    doc = Document.from_text("\n".join([
        PLAN_TITLE,
        "一、总体要求",
        "坚持稳中求进。",
        "二、主要任务",
        "（一）主要预期目标。地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。",
        "（二）做强工业。全年新增规模以上工业企业10家。",
    ]))
    target = [(r.indicator_name, r.value_num, r.comparator, r.table_title) for r in rows(doc, "target")
              if r.table_title == "二、主要任务"]
    assert ("地区生产总值增速", 6.0, "approx", "二、主要任务") in target
    assert ("城镇调查失业率", 5.5, "le", "二、主要任务") in target


def test_plan_only_opening_paragraph_reviews_last_year():
    doc = Document.from_text("\n".join([
        PLAN_TITLE,
        "2024年，全县实现地区生产总值186.2亿元，增长6.1%。2025年是关键之年。",
        "一、总体思路",
        "坚持稳中求进。",
        "二、预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    assert {r.period_year for r in rows(doc, "actual")} == {2024}
    assert facts(doc, "target") == {"地区生产总值增速": (6.0, "approx", "%")}


def test_review_summary_without_announcement_reads_only_the_economy_lead():
    doc = Document.from_text("\n".join([
        "关于松林县2024年国民经济和社会发展计划执行情况及2025年计划草案的报告",
        "一、2024年国民经济和社会发展计划执行情况",
        "（一）经济运行总体平稳。全县地区生产总值186.2亿元，增长6.1%。",
        "（二）坚持项目为王，扩大有效投资。全年实施项目120个，完成投资80亿元，增长9%。",
        "二、2025年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}


def test_five_year_review_figures_are_actuals_and_five_year_targets_are_not_targets():
    doc = Document.from_text("\n".join([
        "关于松林县2020年国民经济和社会发展计划执行情况及2021年计划草案的报告",
        "一、2020年国民经济和社会发展计划执行情况",
        "2020年，全县地区生产总值186.2亿元，增长4.1%。“十三五”时期，全县地区生产总值年均增长7.2%。",
        "二、2021年主要预期目标",
        "地区生产总值增长6%左右。“十四五”时期，居民收入增长与经济增长同步，地区生产总值年均增长6%以上。",
        "地区生产总值年平均增长6.5%。",
    ]))
    assert facts(doc, "actual")["地区生产总值年均增速"] == (7.2, "eq", "%")
    assert facts(doc, "actual")["地区生产总值增速"] == (4.1, "eq", "%")
    assert facts(doc, "target") == {"地区生产总值增速": (6.0, "approx", "%")}


def test_summary_subheading_reads_numbered_items_only_when_it_names_the_indicators():
    lines = [
        "关于松林县2024年国民经济和社会发展计划执行情况及2025年计划草案的报告",
        "一、2024年国民经济和社会发展计划执行情况",
        "（一）{}",
        "1.经济增长。全县地区生产总值186.2亿元，增长6.1%。",
        "（二）城乡融合加快推进",
        "二、2025年主要预期目标",
        "地区生产总值增长6%左右。",
    ]
    listed = Document.from_text("\n".join(lines).format("主要指标完成情况"))
    assert facts(listed, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    topics = Document.from_text("\n".join(lines).format("经济运行稳中有进"))
    assert facts(topics, "actual") == {}  # numbered topics under it are the work review


def test_indicator_and_task_headings_of_other_offices():
    doc = Document.from_text("\n".join([
        PLAN_TITLE,
        "一、2024年经济社会发展情况",
        "全县地区生产总值186.2亿元。",
        "二、2025年主要预期指标",
        "地区生产总值增长6%左右，粮食产量保持稳定，居民人均可支配收入增长和经济增长同步。",
        "三、2025年工作重点",
        "（一）做强工业。全年新增规模以上工业企业10家以上。",
    ]))
    assert facts(doc, "target") == {
        "地区生产总值增速": (6.0, "approx", "%"),
        "粮食产量": (None, "qualitative", None),
        "居民人均可支配收入增速": (None, "qualitative", None),
        "新增规模以上工业企业": (10.0, "ge", "家"),  # no indicator table: the task section's targets count
    }


def test_announced_targets_listed_on_the_lines_after_the_announcement():
    doc = Document.from_text("\n".join([
        "关于松林县2024年国民经济和社会发展计划执行情况及2025年计划草案的报告",
        "一、2024年国民经济和社会发展计划执行情况",
        "（一）国民经济稳中有进",
        "全县地区生产总值186.2亿元，增长6.1%。",
        "（二）坚持项目为王",
        "全年实施项目120个。",
        "二、2025年经济社会发展总体要求",
        "综合考虑各方面因素，2025年全县经济社会发展的主要预期目标建议如下：",
        "——地区生产总值增长6%左右；",
        "——城镇调查失业率控制在5.5%以内。",
        "三、2025年重点工作",
        "表1：2025年主要指标",
        "\t指标名称",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    assert facts(doc, "target") == {"地区生产总值增速": (6.0, "approx", "%"), "城镇调查失业率": (5.5, "le", "%")}
    assert {r.table_title for r in rows(doc, "target")} == {"二、2025年经济社会发展总体要求"}


def test_a_city_reports_own_scope_word_is_not_part_of_the_name():
    doc = Document.from_text("\n".join([
        "关于柳湾市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "2023年，全市地区生产总值预计完成1250亿元，增长6.2%左右。全省地区生产总值增长5.8%。",
        "二、2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert doc.meta.district == "柳湾市"
    assert facts(doc, "actual") == {"地区生产总值": (1250.0, "eq", "亿元"), "地区生产总值增速": (6.2, "approx", "%")}


# ---------------------------------------------------------------------------------------------------------------
# Text copied out of a PDF: the page's line breaks cut names and values
# ---------------------------------------------------------------------------------------------------------------


def test_lines_broken_by_the_page_are_read_as_one_paragraph():
    doc = load("pdf_copy_wrapped_2023.txt")
    by = {r.indicator_name: r for r in rows(doc, "actual")}
    assert {n: (r.value_num, r.comparator) for n, r in by.items()} == {
        "地区生产总值": (186.2, "eq"),  # name on line 4, value on line 5
        "地区生产总值增速": (6.1, "eq"),
        "规模以上工业增加值增速": (8.3, "eq"),
        "社会消费品零售总额": (82.5, "eq"),  # 社会消 / 费品零售总额
        "社会消费品零售总额增速": (7.2, "eq"),
        "城镇常住居民人均可支配收入": (41260.0, "eq"),
        "农村常住居民人均可支配收入": (19870.0, "eq"),
        "城镇常住居民人均可支配收入增速": (5.1, "eq"),
        "农村常住居民人均可支配收入增速": (7.4, "eq"),
    }
    # source_line is the line the value phrase starts on
    assert by["地区生产总值"].source_line == 5
    assert by["社会消费品零售总额"].source_line == 6
    assert by["城镇常住居民人均可支配收入增速"].source_line == 7  # 分别增长 / 5.1%
    assert by["农村常住居民人均可支配收入增速"].source_line == 8
    target = {r.indicator_name: (r.value_num, r.comparator) for r in rows(doc, "target")}
    assert target == {"地区生产总值增速": (6.0, "approx"), "城镇调查失业率": (5.5, "le"),
                      "居民人均可支配收入增速": (None, "qualitative")}


def test_numbered_lead_sentences_broken_by_the_page_keep_the_summary_going():
    doc = Document.from_text("\n".join([
        "关于青禾县2021年国民经济和社会发展计划执行情况及2022年国民经济和社会发展计划草案的报告",
        "一、2021年国民经济和社会发展计划执行情况",
        "2021年，全县经济社会发展主要目标全面完成。从主要指标完成情况看：",
        "（一）经济运行稳中有进。全县地区生产总值完成186.4亿元，增长13.6%，增速居",
        "全市前列；第一产业增加值32.5亿元、增长10.2%。",
        "（二）财政收入平稳增长。地方一般公共预算收入8.16亿元，增长24.5%，税收收入",
        "完成5.92亿元。",
        "2021年，我们重点抓了以下几个方面的工作：",
        "1.抓项目扩投资。全年实施亿元以上项目86个。",
        "二、2022年主要预期目标",
        "地区生产总值增长7.5%左右。",
    ]))
    actual = {r.indicator_name: (r.value_num, r.source_line) for r in rows(doc, "actual")}
    assert actual == {
        "地区生产总值": (186.4, 4), "地区生产总值增速": (13.6, 4),
        "第一产业增加值": (32.5, 5), "第一产业增加值增速": (10.2, 5),
        "地方一般公共预算收入": (8.16, 6), "地方一般公共预算收入增速": (24.5, 6),
        "税收收入": (5.92, 7),
    }


def test_a_part_heading_that_holds_both_years():
    doc = Document.from_text("\n".join([
        "关于青禾县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年计划执行情况和2024年计划安排",
        "2023年，全县地区生产总值186.2亿元，增长6.1%。",
        "（一）2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    assert facts(doc, "target") == {"地区生产总值增速": (6.0, "approx", "%")}


# ---------------------------------------------------------------------------------------------------------------
# The same report in every container gives the same prose rows
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("container", ["docx", "html", "pdf", "gb18030.txt"])
def test_prose_rows_do_not_depend_on_the_container(container):
    from ingestion.process import process_report
    from tests.format_writers import write_docx, write_html, write_pdf, write_text

    text = (FIXTURES / "inline_lead_county_2023.txt").read_text(encoding="utf-8")
    writers = {"docx": write_docx, "html": write_html, "pdf": write_pdf, "gb18030.txt": lambda t: write_text(t, "gb18030")}
    processed = process_report(f"county.{container.rsplit('.', 1)[-1]}", writers[container](text))
    assert processed.ok, processed.error
    expected = {(r.measure, r.indicator_name, r.value_num, r.comparator) for r in rows(Document.from_text(text))}
    got = {(r.measure, r.indicator_name, r.value_num, r.comparator)
           for r in processed.extraction.indicators if r.source == "prose"}
    assert got == expected and len(expected) == 28


def test_targets_announced_as_the_years_main_target_tasks():
    doc = Document.from_text("\n".join([
        "关于青禾县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "全县地区生产总值186.2亿元。",
        "二、2024年工作安排",
        "今年全县经济社会发展的主要目标任务是：地区生产总值增长6%左右，一般公共预算收入增长5%。",
        "表1：2024年主要指标",
        "\t指标名称",
    ]))
    assert facts(doc, "target") == {"地区生产总值增速": (6.0, "approx", "%"), "一般公共预算收入增速": (5.0, "eq", "%")}
    assert {r.table_title for r in rows(doc, "target")} == {"二、2024年工作安排"}


def test_summary_sub_heading_numbered_one_level_deeper():
    doc = Document.from_text("\n".join([
        "关于青禾县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "1.主要经济指标完成情况",
        "全县地区生产总值186.2亿元，增长6.1%。",
        "2.重点工作推进情况",
        "全年实施项目120个。",
        "二、2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    assert {r.table_title for r in rows(doc, "actual")} == {"1.主要经济指标完成情况"}


def test_lead_sentences_followed_by_the_work_review_announcement_are_the_summary():
    doc = Document.from_text("\n".join([
        "关于青禾县2021年国民经济和社会发展计划执行情况及2022年国民经济和社会发展计划草案的报告",
        "一、2021年国民经济和社会发展计划执行情况",
        "2021年，全县经济社会发展取得新成效，主要体现在：",
        "（一）经济运行稳中有进。全县地区生产总值完成186.4亿元，增长13.6%。",
        "（二）财政收入平稳增长。地方一般公共预算收入8.16亿元，增长24.5%。",
        "（三）民生福祉持续改善。城镇新增就业3560人。",
        "2021年，我们重点抓了以下几个方面的工作：",
        "1.抓项目扩投资。全年实施亿元以上项目86个。",
        "二、2022年主要预期目标",
        "地区生产总值增长7.5%左右。",
    ]))
    assert set(facts(doc, "actual")) == {"地区生产总值", "地区生产总值增速", "地方一般公共预算收入",
                                         "地方一般公共预算收入增速", "城镇新增就业"}


def test_plan_only_document_reviewing_last_year_under_a_situation_heading():
    doc = Document.from_text("\n".join([
        PLAN_TITLE,
        "一、发展形势",
        "2024年，全县实现地区生产总值186.2亿元，增长6.1%。2025年，外部环境依然复杂。",
        "当前经济运行面临的困难仍然较多，规上工业企业仅有85家。",
        "二、预期目标",
        "地区生产总值增长6%左右。",
        "三、重点任务",
        "（一）做强工业。2024年新增规模以上工业企业10家的基础上，再新增15家。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}
    assert {r.table_title for r in rows(doc, "actual")} == {"一、发展形势"}


@pytest.mark.parametrize("subheading", ["（一）经济增长稳中有进", "（一）综合实力持续增强", "（一）主要经济指标较快增长"])
def test_summary_sub_headings_about_the_economy(subheading):
    doc = Document.from_text("\n".join([
        "关于青禾县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        subheading,
        "全县地区生产总值186.2亿元，增长6.1%。",
        "（二）坚持项目为王，有效投资持续扩大",
        "全年实施项目120个，完成投资80亿元。",
        "二、2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (186.2, "eq", "亿元"), "地区生产总值增速": (6.1, "eq", "%")}


def test_long_numbered_target_items_under_a_heading_that_names_only_targets():
    doc = Document.from_text("\n".join([
        PLAN_TITLE,
        "一、2025年主要预期目标",
        "1.经济增长。地区生产总值增长6%左右，一般公共预算收入增长5%，固定资产投资增长8%，社会消费品零售总额增长7%。",
        "2.民生改善。城镇新增就业3000人以上，城镇调查失业率控制在5.5%以内，居民人均可支配收入增长与经济增长同步。",
        "二、2025年主要目标和重点任务",
        "（一）做强工业。全年新增规模以上工业企业10家，工业投资保持平稳增长。",
        "表1：2025年主要指标",
        "\t指标名称",
    ]))
    target = facts(doc, "target")
    assert target["社会消费品零售总额增速"] == (7.0, "eq", "%")
    assert target["城镇调查失业率"] == (5.5, "le", "%")
    assert target["居民人均可支配收入增速"] == (None, "qualitative", None)
    # a task item under a targets-and-tasks heading is read by the task rules only: its work target, never a
    # qualitative one as a target item would give
    assert target["新增规模以上工业企业"] == (10.0, "eq", "家")
    assert "工业投资增速" not in target


# ---------------------------------------------------------------------------------------------------------------
# A PDF-to-Markdown copy: the title as `#` lines, the headline in the paragraph under `# 一、…执行情况`
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def markdown_copy() -> Document:
    return load("markdown_title_headings_2023.md")


def test_title_printed_as_headings_is_not_the_review_part(markdown_copy):
    actual = rows(markdown_copy, "actual")
    assert {r.indicator_name: (r.value_num, r.unit) for r in actual} == {
        "地区生产总值": (1642.8, "亿元"), "地区生产总值增速": (5.4, "%"),
        "规模以上工业增加值增速": (6.8, "%"),
        "社会消费品零售总额": (612.3, "亿元"), "社会消费品零售总额增速": (6.9, "%"),
        "一般公共预算收入": (88.6, "亿元"), "一般公共预算收入增速": (3.7, "%"),
        "居民人均可支配收入": (65240.0, "元"), "居民人均可支配收入增速": (5.2, "%"),
    }  # no `具体见表1` (a reference), no figure of the work review （二）（三）
    assert {r.table_title for r in actual} == {"一、2023年国民经济和社会发展计划执行情况"}
    assert {r.source_line for r in actual} == {16}


def test_economy_topic_after_a_headline_paragraph_is_work_review():
    head = [
        "关于松岭县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
    ]
    topic = [
        "（一）稳住经济大盘，经济运行回升向好",
        "全县地区生产总值218.4亿元，增长6.3%。",
        "二、2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]
    alone = Document.from_text("\n".join(head + topic))  # the topic section is the only summary: read
    assert facts(alone, "actual") == {"地区生产总值": (218.4, "eq", "亿元"), "地区生产总值增速": (6.3, "eq", "%")}
    summed_up = Document.from_text("\n".join(head + ["2023年，全县一般公共预算收入12.6亿元，增长4.2%。"] + topic))
    assert facts(summed_up, "actual") == {"一般公共预算收入": (12.6, "eq", "亿元"),
                                          "一般公共预算收入增速": (4.2, "eq", "%")}
    led = Document.from_text("\n".join(head + ["2023年，全县一般公共预算收入12.6亿元，增长4.2%。",
                                               "（一）稳住经济大盘，经济运行回升向好。接待游客430万人次，旅游总收入增长14%。",
                                               *topic[2:]]))
    assert set(facts(led, "actual")) == {"一般公共预算收入", "一般公共预算收入增速"}


def test_level_targets_assigned_tasks_and_compound_units(markdown_copy):
    target = {r.indicator_name: (r.value_raw, r.value_num, r.comparator, r.unit) for r in rows(markdown_copy, "target")}
    assert target == {
        "地区生产总值增速": ("增长5.5%左右", 5.5, "approx", "%"),
        "规模以上工业增加值增速": ("增长6.5%", 6.5, "eq", "%"),
        "粮食产量": ("2.4亿斤以上", 2.4, "ge", "亿斤"),  # 稳定在…以上
        "PM2.5年均浓度": ("控制在26微克/立方米以下", 26.0, "le", "微克/立方米"),  # 2.5年 is no year
        "单位地区生产总值能耗降低": ("完成省、市下达的目标任务", None, "qualitative", None),
        "城镇调查失业率": ("控制在5.5%以内", 5.5, "le", "%"),
        "工业投资": ("300亿元以上", 300.0, "ge", "亿元"),  # the work targets of `# 三、2024年重点工作`
        "新增规模以上工业企业": ("120家以上", 120.0, "ge", "家"),
    }  # `，完成市下达的节能减排目标` names no statistic: it is not the unemployment rate's


# ---------------------------------------------------------------------------------------------------------------
# Headings numbered as a decimal outline typed as text (`1.1  主要经济指标完成情况`)
# ---------------------------------------------------------------------------------------------------------------

DECIMAL_ACTUALS = {
    "地区生产总值": (218.4, "eq", "亿元"), "地区生产总值增速": (6.3, "eq", "%"),
    "规模以上工业增加值增速": (8.1, "eq", "%"),
    "社会消费品零售总额": (76.9, "eq", "亿元"), "社会消费品零售总额增速": (7.5, "eq", "%"),
    "城镇常住居民人均可支配收入": (43120.0, "eq", "元"), "城镇常住居民人均可支配收入增速": (5.6, "eq", "%"),
}


@pytest.mark.parametrize("part", ["{n}  ", "{n}. ", "{n}．"])
def test_decimal_outline_headings_bound_the_review_summary(part):
    """The parts typed as `1  …` or as `1. …` (which the document's outline reads as an item number)."""
    text = (FIXTURES / "decimal_outline_2024.txt").read_text(encoding="utf-8")
    for n in (1, 2, 3):
        text = text.replace(f"\n{n}  {2022 + min(n, 2)}年", "\n" + part.format(n=n) + f"{2022 + min(n, 2)}年")
    doc = Document.from_text(text)
    assert facts(doc, "actual") == DECIMAL_ACTUALS  # not the figures of `1.2  产业发展情况`
    assert {r.table_title for r in rows(doc, "actual")} == {"1.1主要经济指标完成情况"}
    assert {r.table_title for r in rows(doc, "target") if r.indicator_name == "城镇调查失业率"} == {"2.2主要预期目标"}


@pytest.mark.parametrize("separator", ["\t", "  ", "\u3000"])
def test_decimal_outline_headings_in_a_word_file(separator):
    """Word: the number typed, then a tab (read as a tab stop) or spaces before the title."""
    from ingestion.process import process_report
    from tests.format_writers import write_docx

    text = (FIXTURES / "decimal_outline_2024.txt").read_text(encoding="utf-8").replace("  ", separator)
    processed = process_report("county.docx", write_docx(text))
    assert processed.ok, processed.error
    prose = [r for r in processed.extraction.indicators if r.source == "prose"]
    assert {r.indicator_name: (r.value_num, r.comparator, r.unit) for r in prose if r.measure == "actual"} \
        == DECIMAL_ACTUALS
    assert {(r.indicator_name, r.table_title) for r in prose if r.measure == "target"} >= {
        ("地区生产总值增速", "2.2主要预期目标"), ("城镇调查失业率", "2.2主要预期目标")}


def test_decimal_parts_of_an_indicator_heading_are_read():
    doc = Document.from_text("\n".join([
        "关于松岭县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "2023年，全县经济社会发展稳中有进。",
        "1. 主要指标完成情况",
        "1.1 经济总量",
        "全县地区生产总值218.4亿元，增长6.3%。",
        "1.2 居民收入",
        "城镇常住居民人均可支配收入43120元，增长5.6%。",
        "2. 重点工作推进情况",
        "全年实施重点项目80个，完成投资120亿元。",
        "二、2024年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == {k: v for k, v in DECIMAL_ACTUALS.items() if k.startswith(("地区", "城镇"))}
    assert {r.table_title for r in rows(doc, "actual")} == {"1.主要指标完成情况"}


def test_decimal_outline_lead_sentences_are_read_like_numbered_lead_sentences():
    doc = Document.from_text("\n".join([
        "关于松岭县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "1  2023年国民经济和社会发展计划执行情况",
        "2023年，全县经济社会发展主要目标较好完成。",
        "1.1  经济运行稳中有进。全县地区生产总值218.4亿元，增长6.3%；规模以上工业增加值增长8.1%。",
        "1.2  产业发展提质增效。新增规模以上工业企业42家，完成工业技改投资18.6亿元。",
        "1.3  民生福祉持续增进。城镇新增就业5200人。",
        "2  2024年经济社会发展的总体要求和主要目标",
        "2.1  总体要求。坚持稳中求进工作总基调。",
        "2.2  主要预期目标。地区生产总值增长7%左右；城镇调查失业率控制在5.5%以内。",
    ]))
    assert facts(doc, "actual") == {k: DECIMAL_ACTUALS[k] for k in ("地区生产总值", "地区生产总值增速", "规模以上工业增加值增速")}
    assert facts(doc, "target") == {"地区生产总值增速": (7.0, "approx", "%"), "城镇调查失业率": (5.5, "le", "%")}


def test_a_lone_decimal_figure_is_not_a_heading():
    doc = Document.from_text("\n".join([
        "关于松岭县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "2023年，全县经济社会发展稳中有进：",
        "3.5 万户农户参加技能培训",
        "全县地区生产总值218.4亿元，增长6.3%。",
        "（一）抓项目扩投资",
        "全年实施项目86个。",
    ]))
    assert facts(doc, "actual") == {"地区生产总值": (218.4, "eq", "亿元"), "地区生产总值增速": (6.3, "eq", "%")}


# ---------------------------------------------------------------------------------------------------------------
# The year's targets set against the five-year plan in one sentence
# ---------------------------------------------------------------------------------------------------------------


def test_a_five_year_frame_drops_only_its_own_clauses():
    doc = load("decimal_outline_2024.txt")
    assert facts(doc, "target") == {
        "地区生产总值增速": (7.0, "approx", "%"),  # after `按照“十四五”时期…年均增长6.5%左右…的总体安排，`
        "规模以上工业增加值增速": (9.0, "eq", "%"),
        "城镇调查失业率": (5.5, "le", "%"),
        "新增规模以上工业企业": (40.0, "ge", "家"),  # the task section of a report without an indicator table
    }  # not `“十四五”时期，全县主要目标是：固定资产投资年均增长8%`


def test_a_five_year_frame_announced_outside_a_target_section():
    doc = Document.from_text("\n".join([
        "关于松岭县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告",
        "一、2023年国民经济和社会发展计划执行情况",
        "2023年，全县地区生产总值218.4亿元，增长6.3%。",
        "二、2024年经济社会发展的总体要求",
        "（一）指导思想",
        "坚持稳中求进。按照“十四五”时期全县地区生产总值年均增长6.5%左右的总体安排，今年全县主要预期目标是："
        "地区生产总值增长7%左右，城镇调查失业率控制在5.5%以内。",
        "到2025年，全县地区生产总值达到300亿元。",
        "（二）主要目标",
        "对照“十四五”规划纲要确定的规模以上工业增加值年均增长9%的目标，建议全年规模以上工业增加值增长10%。",
        "锚定“十四五”期间城镇新增就业年均2万人的目标，确定今年城镇新增就业2.2万人以上。",
    ]))
    assert facts(doc, "target") == {"地区生产总值增速": (7.0, "approx", "%"), "城镇调查失业率": (5.5, "le", "%"),
                                    "规模以上工业增加值增速": (10.0, "eq", "%"), "城镇新增就业": (2.2, "ge", "万人")}


# ---------------------------------------------------------------------------------------------------------------
# The headline summary closing the review part, after the work review and right above the indicator table; the
# year's targets as a numbered list run into one paragraph (`主要预期目标建议为：（1）…；（2）…`)
# ---------------------------------------------------------------------------------------------------------------

CLOSING = "closing_summary_district_2022.txt"
CLOSING_REVIEW_TITLE = "一、2022年国民经济和社会发展计划执行情况"
CLOSING_PLAN_TITLE = "二、2023年经济社会发展的总体要求和主要目标"


def closing_text() -> str:
    return (FIXTURES / CLOSING).read_text(encoding="utf-8")


def test_summary_paragraph_after_the_work_review_is_the_review_headline():
    doc = Document.from_text(closing_text())
    actual = facts(doc, "actual")
    assert actual == {
        "地区生产总值": (842.6, "eq", "亿元"),
        "地区生产总值增速": (4.8, "eq", "%"),
        "规模以上工业增加值增速": (6.3, "eq", "%"),
        "固定资产投资增速": (9.1, "eq", "%"),
        "社会消费品零售总额增速": (2.4, "eq", "%"),
        "一般公共预算收入": (51.7, "eq", "亿元"),
        "一般公共预算收入增速": (3.2, "eq", "%"),
        "城镇居民人均可支配收入增速": (4.1, "eq", "%"),
        "农村居民人均可支配收入增速": (6.0, "eq", "%"),
        "单位地区生产总值能耗降低": (None, "qualitative", None),
    }  # the work review （一）–（六） (完成投资213亿元, 新增城区学位3400个 …) is not read
    summary_line = next(no for no, line in enumerate(doc.lines, 1) if line.strip().startswith("总的看"))
    assert {(r.table_title, r.period_year, r.source_line) for r in rows(doc, "actual")} == \
        {(CLOSING_REVIEW_TITLE, 2022, summary_line)}


@pytest.mark.parametrize("cue", ["总体看，全年经济运行稳中有进。", "综合来看，全年经济运行稳中有进。", ""])
def test_closing_summary_found_by_its_cue_its_table_pointer_or_its_aggregates(cue):
    opening = "总的看，全年经济运行稳中有进。初步核算，"
    text = closing_text()
    variants = [text.replace(opening, cue)]  # no 初步核算: its other cue or the table pointer
    if not cue:  # neither cue nor pointer: the aggregates reported right above the table
        variants.append(text.replace(opening, "").replace("主要指标完成情况见表1。", ""))
    for variant in variants:
        actual = facts(Document.from_text(variant), "actual")
        assert actual["地区生产总值"] == (842.6, "eq", "亿元"), variant
        assert actual["农村居民人均可支配收入增速"] == (6.0, "eq", "%")


def test_work_review_paragraphs_at_the_end_of_the_part_stay_out():
    text = closing_text()
    start = text.index("　　总的看")
    end = text.index("\n", start)
    # without its summary the part ends with a work-review paragraph: its figures are no headline
    assert rows(Document.from_text(text[:start] + text[end + 1:]), "actual") == []
    assert rows(Document.from_text(text[:start] + "　　全区新增城区学位3400个，发放救助资金2.7亿元。\n"
                                   + text[end + 1:]), "actual") == []


def test_targets_listed_inline_after_the_announcement():
    doc = Document.from_text(closing_text())
    target = {r.indicator_name: (r.value_num, r.comparator, r.value_raw) for r in rows(doc, "target")
              if r.table_title == CLOSING_PLAN_TITLE}
    assert target == {
        "地区生产总值增速": (6.5, "eq", "增长6.5%"),
        "规模以上工业增加值增速": (8.0, "eq", "增长8%"),
        "固定资产投资增速": (7.0, "approx", "增长7%左右"),
        "社会消费品零售总额增速": (5.0, "eq", "增长5%"),
        "一般公共预算收入增速": (4.0, "eq", "增长4%"),
        "城镇居民人均可支配收入增速": (5.5, "eq", "增长5.5%"),
        "农村居民人均可支配收入增速": (7.0, "eq", "增长7%"),
        "城镇调查失业率": (5.5, "le", "控制在5.5%以内"),
        "节能减排": (None, "qualitative", "完成市下达的节能减排任务"),  # an item of its own names its subject
    }
    assert {r.period_year for r in rows(doc, "target") if r.table_title == CLOSING_PLAN_TITLE} == {2023}


_MARKERS = {
    "half-width parentheses": lambda n: f"({n})",
    "circled": lambda n: "①②③④⑤⑥⑦⑧⑨"[n - 1],
    "decimal": lambda n: f"{n}.",
    "一是": lambda n: "一二三四五六七八九"[n - 1] + "是",
    "（一）": lambda n: "（" + "一二三四五六七八九"[n - 1] + "）",
}


@pytest.mark.parametrize("marker", list(_MARKERS))
@pytest.mark.parametrize("verb", ["建议为", "拟定为", "安排为", "确定为", "是"])
def test_inline_numbered_targets_with_each_marker_and_announcement(marker, verb):
    text = closing_text().replace("主要预期目标建议为", f"主要预期目标{verb}")
    for n in range(1, 10):
        text = text.replace(f"（{n}）", _MARKERS[marker](n))
    target = {r.indicator_name: (r.value_num, r.comparator) for r in rows(Document.from_text(text), "target")
              if r.table_title == CLOSING_PLAN_TITLE}
    assert len(target) == 9, target
    assert target["地区生产总值增速"] == (6.5, "eq")
    assert target["城镇调查失业率"] == (5.5, "le")
    assert target["节能减排"] == (None, "qualitative")


def test_inline_targets_under_a_general_requirements_sub_heading():
    text = closing_text().replace("　　2023年经济社会发展的总体要求是：", "　　（一）总体要求\n　　2023年经济社会发展的总体要求是：")
    target = {r.indicator_name for r in rows(Document.from_text(text), "target") if r.table_title == "（一）总体要求"}
    assert len(target) == 9 and "固定资产投资增速" in target, target


def test_an_assigned_task_names_its_subject_only_as_an_item_of_its_own():
    text = closing_text()
    run_on = text.replace("控制在5.5%以内；（9）完成市下达的节能减排任务", "控制在5.5%以内，完成市下达的节能减排任务")
    no_subject = text.replace("完成市下达的节能减排任务", "完成上级下达的目标任务")
    for variant in (run_on, no_subject):
        target = facts(Document.from_text(variant), "target")
        assert target["城镇调查失业率"] == (5.5, "le", "%")
        assert not any(v[1] == "qualitative" for v in target.values()), target


def test_a_reviewed_level_held_at_a_figure_is_that_figure_but_a_planned_one_is_a_ceiling():
    """`城镇调查失业率控制在4.9%` in the review reports the level the year reached (eq); the plan's `控制在5.5%` and any
    `…以内` set a ceiling (le)."""
    doc = load("held_levels_review_2031.txt")
    actual, target = facts(doc, "actual"), facts(doc, "target")
    assert actual["城镇调查失业率"] == (4.9, "eq", "%")
    assert actual["居民消费价格涨幅"] == (2.1, "le", "%")
    assert actual["牧业年度牲畜存栏"] == (312.4, "eq", "万头只")  # livestock counted in head and animals (头只)
    assert target["城镇调查失业率"] == (5.5, "le", "%")
    assert target["居民消费价格涨幅"] == (3.0, "le", "%")


def test_a_bare_measure_after_a_comma_of_enumeration_names_the_subject_before_it():
    """`粮食播种面积稳定在61万亩以上、产量不低于24.5万吨`: the 产量 is the 粮食's (粮食产量), as `生猪存栏…、出栏…` gives
    生猪出栏."""
    doc = load("shared_subject_measures_2032.txt")
    target, actual = facts(doc, "target"), facts(doc, "actual")
    assert target["粮食播种面积"] == (61.0, "ge", "万亩")
    assert target["粮食产量"] == (24.5, "ge", "万吨")
    assert actual["生猪存栏"] == (38.6, "eq", "万头")
    assert actual["生猪出栏"] == (52.1, "eq", "万头")
    assert "产量" not in target and "出栏" not in actual


def test_a_count_of_a_stage_group_of_projects_is_not_an_indicator():
    """`3.竣工投产项目6个。A；B。` counts the names of a list (as 新开工项目12个 does), it is no target of the plan;
    a task target in the same section is one."""
    text = ("关于松岭县2031年国民经济和社会发展计划执行情况及2032年国民经济和社会发展计划草案的报告\n"
            "一、2031年国民经济和社会发展计划执行情况\n全县地区生产总值增长5.2%。\n"
            "二、2032年主要预期目标\n地区生产总值增长5.5%左右。\n三、2032年重点工作\n（一）聚焦项目建设\n"
            "1.新开工项目2个。松岭县竹木产业园；松岭县第四中学。\n"
            "2.竣工投产项目2个。松岭县全民健身中心；青石镇农旅综合体。\n"
            "（二）聚焦民生改善\n推进义务教育优质均衡发展，新增学位1200个。\n")
    names = {r.indicator_name for r in rows(Document.from_text(text), "target")}
    assert "新增学位" in names
    assert not {n for n in names if n.endswith("项目")}


def test_fixture_review_sentences_carry_their_verdict_as_a_clause():
    """`prose/review_verdict_clauses.txt`: a review without a table compares each figure with its target in the same
    sentence (`…增长4.9%，低于年初预期目标1.1个百分点`, `与年度目标持平`, `完成年度目标3000人的105%`, `未完成省下达的下降
    2.5%目标`, `优于省定目标（90%）`). The clause is the verdict on the figure right before it (低于/未完成 or a share under
    100% → 否; 超过/持平/完成/优于 → 是), never a figure of its own (the gap in 个百分点, the share); a target it prints
    with its unit is that indicator's target for the year. A count of indicators (`达到预期的24项`) is no verdict."""
    got = [(r.period_year, r.measure, r.indicator_name, r.value_raw, r.achieved_raw)
           for r in rows(load("review_verdict_clauses.txt"))]
    assert got == [
        (2025, "actual", "地区生产总值", "188.2亿元", None), (2025, "actual", "地区生产总值增速", "增长4.9%", "否"),
        (2025, "actual", "规模以上工业增加值增速", "增长8.3%", "是"),
        (2025, "actual", "社会消费品零售总额", "76.4亿元", None), (2025, "actual", "社会消费品零售总额增速", "增长6%", "是"),
        (2025, "actual", "城镇新增就业", "3150人", "是"), (2025, "target", "城镇新增就业", "3000人", None),
        (2025, "actual", "单位地区生产总值能耗下降", "下降1.9%", "否"),
        (2025, "target", "单位地区生产总值能耗下降", "2.5%", None),
        (2025, "actual", "森林覆盖率", "61.2%", "否"),
        (2025, "actual", "地表水国考断面优良比例", "100%", "是"), (2025, "target", "地表水国考断面优良比例", "90%", None),
        (2026, "target", "地区生产总值增速", "增长5.5%左右", None)]



def test_review_target_clauses_give_the_target_and_the_verdict_after_them_its_verdict():
    """`prose/review_target_clauses.txt`: a review without a table prints each figure's target as a clause of its own
    after it (`年度目标为增长9%`, `年初预期增长8%`, `年度目标4000人`, `年度控制目标为5.5%以内`), or compares the figure with
    the target in brackets (`比年度预期目标（增长6%）低0.7个百分点`, `较预期目标（增长5%）高2.4个百分点`), or judges it
    with the target in brackets (`完成年度目标（增长6.5%）`, `低于预期目标（增长7%）`) or before 目标 with its qualifier
    (`优于市下达的30微克/立方米以下目标`); the verdict is the clause after (`未完成预期目标`, `超额完成`, `未完成`,
    `完成目标任务`, `未达到预期`, `实现预期目标`, `达到控制目标`). The target is the year's target row of the judged
    figure (the growth, not the level before it); the target clause and the gap are no figures of their own."""
    got = [(r.measure, r.indicator_name, r.value_raw, r.value_num, r.comparator, r.achieved_raw)
           for r in rows(load("review_target_clauses.txt")) if r.period_year == 2030]
    assert got == [
        ("actual", "地区生产总值", "212.4亿元", 212.4, "eq", None),
        ("actual", "地区生产总值增速", "增长5.3%", 5.3, "eq", "否"),
        ("target", "地区生产总值增速", "增长6%", 6.0, "eq", None),
        ("actual", "规模以上工业增加值增速", "增长10.2%", 10.2, "eq", "是"),
        ("target", "规模以上工业增加值增速", "增长9%", 9.0, "eq", None),
        ("actual", "固定资产投资增速", "增长4.1%", 4.1, "eq", "否"),
        ("target", "固定资产投资增速", "增长8%", 8.0, "eq", None),
        ("actual", "社会消费品零售总额", "88.6亿元", 88.6, "eq", None),
        ("actual", "社会消费品零售总额增速", "增长6.9%", 6.9, "eq", "是"),
        ("target", "社会消费品零售总额增速", "增长6.5%", 6.5, "eq", None),
        ("actual", "一般公共预算收入", "12.84亿元", 12.84, "eq", None),
        ("actual", "一般公共预算收入增速", "增长7.4%", 7.4, "eq", "是"),
        ("target", "一般公共预算收入增速", "增长5%", 5.0, "eq", None),
        ("actual", "农村居民人均可支配收入", "19872元", 19872.0, "eq", None),
        ("actual", "农村居民人均可支配收入增速", "增长6.1%", 6.1, "eq", "否"),
        ("target", "农村居民人均可支配收入增速", "增长7%", 7.0, "eq", None),
        ("actual", "城镇新增就业", "4120人", 4120.0, "eq", "是"),
        ("target", "城镇新增就业", "4000人", 4000.0, "eq", None),
        ("actual", "城镇调查失业率", "5.1%", 5.1, "eq", "是"),
        ("target", "城镇调查失业率", "5.5%以内", 5.5, "le", None),
        ("actual", "细颗粒物（PM2.5）年均浓度", "27.3微克/立方米", 27.3, "eq", "是"),
        ("target", "细颗粒物（PM2.5）年均浓度", "30微克/立方米以下", 30.0, "le", None)]


def test_a_fiscal_figure_judged_against_its_budget_gives_a_verdict_not_a_figure():
    """`prose/review_budget_ratio_clauses.txt`: a revenue's target is its budget (`完成年度预算的101.3%`, `为预算的98.5%`,
    `超额完成预算`): the clause is the verdict on the figure before it, never an indicator named `完成年度预算的`; a
    figure that names a budget (`一般公共预算收入12.84亿元`) stays a figure. A share below 100% is 否, also when it
    closes the sentence (`完成年度目标的96%。`)."""
    got = [(r.indicator_name, r.value_raw, r.achieved_raw)
           for r in rows(load("review_budget_ratio_clauses.txt")) if r.period_year == 2030]
    assert got == [
        ("一般公共预算收入", "12.84亿元", None),
        ("一般公共预算收入增速", "增长7.4%", "是"),
        ("税收收入", "9.6亿元", None),
        ("税收收入增速", "增长5.2%", "否"),
        ("一般公共预算支出", "31.2亿元", None),
        ("一般公共预算支出增速", "增长3.1%", "是"),
        ("城镇新增就业", "3840人", "否")]


def test_an_energy_consumption_target_assigned_from_above_is_a_qualitative_target():
    """`prose/plan_energy_consumption_task.txt`: `单位地区生产总值能源消耗完成州下达的控制目标` names the statistic in
    full (`能源消耗`, not `能耗`): a statistic's assigned target, qualitative, like `能耗完成市下达目标`."""
    got = [(r.indicator_name, r.value_raw, r.comparator) for r in rows(load("plan_energy_consumption_task.txt"))]
    assert ("单位地区生产总值能源消耗", "完成州下达的控制目标", "qualitative") in got

# ---------------------------------------------------------------------------------------------------------------
# The task section of a report with an indicator table: its quantified work targets, not its sets and projects
# ---------------------------------------------------------------------------------------------------------------


def test_task_section_targets_are_read_beside_an_indicator_table():
    doc = load("task_targets_with_table_2024.txt")
    title = "三、2024年经济社会发展的主要任务"
    tasks = {r.indicator_name: (r.value_num, r.comparator, r.unit)
             for r in rows(doc, "target") if r.table_title == title}
    assert tasks == {
        "新增规上工业企业": (25.0, "ge", "家"),
        "工业技改投资": (38.0, "ge", "亿元"),
        "数字经济增加值增速": (15.0, "eq", "%"),
        "新建未来乡村": (3.0, "eq", "个"),
        "培育夜间经济集聚区": (2.0, "eq", "个"),
        "新增城镇学位": (1800.0, "ge", "个"),
        "新增普惠托位": (300.0, "eq", "个"),
    }
    # not read there: the programme's size (储备重大项目, 总投资), a quarter's rate, project entries (总投资, 【续建】——,
    # a name cut inside brackets), a sector's 全产业营收, a share without its subject, counts for each of a list,
    # a bare count, a designated set (示范村) and a qualitative target; nor the 保障措施 or the work review
    assert {r.period_year for r in rows(doc, "target") if r.table_title == title} == {2024}
    assert not any("保障措施" in (r.table_title or "") for r in rows(doc))
    assert "新增规上工业企业" not in facts(doc, "actual")  # the work review's sub-sections stay unread
