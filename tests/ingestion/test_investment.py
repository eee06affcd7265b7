"""Key-project investment aggregates on short snippets shaped like the genre's reports.

Each test builds a small report (title, review part, plan part) around one paragraph and checks the figures:
which sets they belong to (scope, kind, parent), the measure, the value as printed and in 亿元, the year.
"""
import pytest

from ingestion.document import Document
from ingestion.investment import MEASURES, extract_investments, value_in_yi

REVIEW_TITLE = "重庆市测试区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告"
PLAN_TITLE = "测试区2020年经济社会发展计划"


def report(review: str = "", plan: str = "", review_heading: str = "（二）重点项目完成情况",
           plan_heading: str = "（二）重点项目安排") -> Document:
    return Document.from_text("\n".join([
        REVIEW_TITLE,
        "一、2021年国民经济和社会发展计划执行情况",
        "（一）主要指标完成情况",
        "全年地区生产总值增长8%，新增市场主体3000户。",
        review_heading,
        review,
        "二、2022年国民经济和社会发展主要指标和项目安排",
        "（一）主要发展目标",
        "建议全年GDP增长6%左右，新开工项目50个。",
        plan_heading,
        plan,
        "三、2022年重点工作",
        "（一）做强先进制造业",
        "推动10个重点项目建成投产，新增产能100亿元。",
    ]))


def rows(doc: Document, *fields: str) -> list[tuple]:
    fields = fields or ("scope", "kind", "parent_scope", "measure", "value_raw")
    return [tuple(getattr(f, k) for k in fields) for f in extract_investments(doc)]


def test_plan_totals_parts_by_investor_and_kinds_by_sector():
    doc = report(plan=(
        "2022年全区拟实施建设项目200个，总投资1500.5亿元，年度计划投资180亿元，其中市级投资项目40个、计划投资30亿元；"
        "区政府投资项目（含甲公司、乙公司融资实施项目）100个、计划投资50亿元。按行业分：产业项目有30个，计划投资20.5亿元，"
        "占11.4%；基础设施项目有90个，计划投资45亿元，占25%。同时，启动前期项目70个，总投资400亿元。"
    ))
    assert rows(doc) == [
        ("建设项目", None, None, "project_count", "200个"),
        ("建设项目", None, None, "total_investment", "1500.5亿元"),
        ("建设项目", None, None, "annual_planned_investment", "180亿元"),
        ("市级投资项目", None, "建设项目", "project_count", "40个"),
        ("市级投资项目", None, "建设项目", "annual_planned_investment", "30亿元"),
        ("区政府投资项目", None, "建设项目", "project_count", "100个"),
        ("区政府投资项目", None, "建设项目", "annual_planned_investment", "50亿元"),
        ("建设项目", "产业项目", None, "project_count", "30个"),
        ("建设项目", "产业项目", None, "annual_planned_investment", "20.5亿元"),
        ("建设项目", "产业项目", None, "investment_share", "11.4%"),
        ("建设项目", "基础设施项目", None, "project_count", "90个"),
        ("建设项目", "基础设施项目", None, "annual_planned_investment", "45亿元"),
        ("建设项目", "基础设施项目", None, "investment_share", "25%"),
        ("前期项目", None, None, "project_count", "70个"),
        ("前期项目", None, None, "total_investment", "400亿元"),
    ]
    figures = extract_investments(doc)
    assert {f.measure for f in figures} <= set(MEASURES)
    assert {f.period_year for f in figures} == {2022}
    assert {f.section_heading for f in figures} == {"（二）重点项目安排"}
    assert figures[1].value_num == 1500.5 and figures[1].value_yi == 1500.5 and figures[1].unit == "亿元"
    assert figures[0].value_num == 200 and figures[0].value_yi is None and figures[0].unit == "个"
    assert [f.stage for f in figures if f.scope == "前期项目" and f.measure == "project_count"] == ["preparatory"]
    # the target prose of the plan part and the task sections are not read
    assert all(f.source_line == figures[0].source_line for f in figures)


def test_review_stage_counts_completion_and_kinds_by_field():
    doc = report(review=(
        "今年以来，区政府狠抓“三重”项目建设，2021年安排“三重”项目30个，总投资60亿元，年度计划投资20亿元，竣工9个、在建18个，"
        "处于前期工作阶段3个，完成投资21亿元，计划投资完成率105%。分领域看，重大民生工程完成投资6.5亿元，完成年度计划110%，"
        "重点城镇建设完成投资4亿元，完成年度计划的98%。"
    ))
    got = rows(doc, "scope", "kind", "measure", "value_num", "stage", "period_year")
    assert got == [
        ("“三重”项目", None, "project_count", 30, None, 2021),
        ("“三重”项目", None, "total_investment", 60, None, 2021),
        ("“三重”项目", None, "annual_planned_investment", 20, None, 2021),
        ("“三重”项目", None, "project_count", 9, "completed", 2021),
        ("“三重”项目", None, "project_count", 18, "ongoing", 2021),
        ("“三重”项目", None, "project_count", 3, "preparatory", 2021),
        ("“三重”项目", None, "completed_investment", 21, None, 2021),
        ("“三重”项目", None, "investment_completion_rate", 105, None, 2021),
        ("“三重”项目", "重大民生工程", "completed_investment", 6.5, None, 2021),
        ("“三重”项目", "重大民生工程", "investment_completion_rate", 110, None, 2021),
        ("“三重”项目", "重点城镇建设", "completed_investment", 4, None, 2021),
        ("“三重”项目", "重点城镇建设", "investment_completion_rate", 98, None, 2021),
    ]


def test_money_after_an_enumeration_of_parts_belongs_to_the_set_they_split():
    doc = report(plan="全年计划安排重大项目300个，其中建设项目200个、前期项目100个，总投资2500亿元，年度计划投资320亿元。")
    assert rows(doc, "scope", "parent_scope", "measure", "value_num") == [
        ("重大项目", None, "project_count", 300),
        ("建设项目", "重大项目", "project_count", 200),
        ("前期项目", "重大项目", "project_count", 100),
        ("重大项目", None, "total_investment", 2500),
        ("重大项目", None, "annual_planned_investment", 320),
    ]


def test_sectors_named_as_boards_are_kinds_of_the_set_before_them():
    doc = report(plan="150个区级重点建设项目主要聚焦以下领域：产业板块计划安排重大建设项目80个，总投资900亿元，年度投资150亿元；"
                      "民生板块计划安排重大建设项目70个，总投资100亿元，年度投资30亿元。")
    assert rows(doc, "scope", "kind", "measure", "value_num") == [
        ("区级重点建设项目", None, "project_count", 150),
        ("区级重点建设项目", "产业板块", "project_count", 80),
        ("区级重点建设项目", "产业板块", "total_investment", 900),
        ("区级重点建设项目", "产业板块", "annual_planned_investment", 150),
        ("区级重点建设项目", "民生板块", "project_count", 70),
        ("区级重点建设项目", "民生板块", "total_investment", 100),
        ("区级重点建设项目", "民生板块", "annual_planned_investment", 30),
    ]


def test_counts_after_the_number_and_sets_each_with_their_own_money():
    doc = report(review="30个竞赛项目完成投资90亿元，投资完成率95%，15个市级重大建设项目完成投资70亿元，投资完成率120%。"
                        "全区规划布局的重大项目已开工建设100个、完成投资250亿元。")
    assert rows(doc, "scope", "measure", "value_num", "stage") == [
        ("竞赛项目", "project_count", 30, None),
        ("竞赛项目", "completed_investment", 90, None),
        ("竞赛项目", "investment_completion_rate", 95, None),
        ("市级重大建设项目", "project_count", 15, None),
        ("市级重大建设项目", "completed_investment", 70, None),
        ("市级重大建设项目", "investment_completion_rate", 120, None),
        ("规划布局的重大项目", "project_count", 100, "started"),
        ("规划布局的重大项目", "completed_investment", 250, None),
    ]


def test_stage_counts_without_a_set_are_about_the_whole_programme():
    doc = report(review="全年新开工60个项目，竣工投用35个项目；25个市级重点建设项目有23个推进顺利，占比92%。")
    assert rows(doc, "scope", "measure", "value_num", "stage") == [
        ("全部", "project_count", 60, "started"),
        ("全部", "project_count", 35, "completed"),
        ("市级重点建设项目", "project_count", 25, None),
    ]


def test_a_plan_only_report_counts_key_projects_by_level():
    doc = Document.from_text("\n".join([
        PLAN_TITLE, "一、总体思路", "坚持稳中求进。", "二、重点任务和措施",
        ("(四)持续扩大有效投资,发挥投资关键作用。一是加大投资力度。统筹实施30个市级重点项目、200个区级重点项目,"
         "确保项目开工率和投资完成率超过85%。"),
    ]))
    assert rows(doc, "scope", "measure", "value_raw", "period_year") == [
        ("市级重点项目", "project_count", "30个", 2020),
        ("区级重点项目", "project_count", "200个", 2020),
    ]
    assert extract_investments(doc)[0].section_heading == "(四)持续扩大有效投资,发挥投资关键作用"


def test_money_in_wan_yuan_is_normalised_to_yi_yuan():
    doc = report(plan="2022年，政府投资项目共12个，总投资45000万元，年度计划投资8500万元。")
    figures = extract_investments(doc)
    assert [(f.measure, f.value_raw, f.unit, f.value_yi) for f in figures] == [
        ("project_count", "12个", "个", None),
        ("total_investment", "45000万元", "万元", 4.5),
        ("annual_planned_investment", "8500万元", "万元", 0.85),
    ]
    assert value_in_yi(1.2, "万亿元") == 12000 and value_in_yi(3, "个") is None


def test_expected_investment_of_preparatory_projects_is_their_annual_plan():
    doc = report(plan="2022年，政府主导类投资项目共100个，总投资300亿元，年度计划投资60亿元，其中：前期成熟项目50个，"
                      "总投资190亿元，年度预计实现投资20亿元。社会投资类项目共80个，总投资1000亿元，年度计划投资140亿元。")
    assert rows(doc, "scope", "parent_scope", "measure", "measure_raw", "value_num") == [
        ("政府主导类投资项目", None, "project_count", None, 100),
        ("政府主导类投资项目", None, "total_investment", "总投资", 300),
        ("政府主导类投资项目", None, "annual_planned_investment", "年度计划投资", 60),
        ("前期成熟项目", "政府主导类投资项目", "project_count", None, 50),
        ("前期成熟项目", "政府主导类投资项目", "total_investment", "总投资", 190),
        ("前期成熟项目", "政府主导类投资项目", "annual_planned_investment", "年度预计实现投资", 20),
        ("社会投资类项目", None, "project_count", None, 80),
        ("社会投资类项目", None, "total_investment", "总投资", 1000),
        ("社会投资类项目", None, "annual_planned_investment", "年度计划投资", 140),
    ]


@pytest.mark.parametrize("text", [
    "成功引进甲科技、乙电子等项目28个、总投资约350亿元。",  # named examples, not an aggregate
    "签约项目107个、合同引资650亿元，引进百亿级项目1个。",  # sets without key-project words or money
    "剩余40个项目中，30个正在加快推进前期工作，全年推进建设200个，占比80%。",  # no set, no stage of a set
    "编制《2023年对上争资项目储备库》，推进“3113”项目攻坚行动，新增产能100亿元。",  # digits inside names
])
def test_figures_that_are_not_programme_aggregates_are_left_out(text):
    assert rows(report(review=text)) == []


def test_only_sections_about_projects_or_investment_are_read():
    text = "2022年全区拟实施建设项目200个，总投资1500亿元。"
    assert rows(report(plan=text, plan_heading="（二）社会事业发展安排")) == []
    assert rows(report(plan=text)) != []
    # the year of the part, unless the sentence prints its own
    review = rows(report(review="安排重点项目20个，总投资50亿元。"), "period_year")
    assert review == [(2021,), (2021,)]
