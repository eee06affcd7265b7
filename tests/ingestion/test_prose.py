"""Prose indicator extraction on short snippets shaped like the genre's reports.

Each test builds a small report (title, review section, plan target section, task sections) and checks the
rows: which phrases become indicators, their names, values, comparators, units, parents and scope fields.
"""
from ingestion.document import Document
from ingestion.prose import extract_prose_indicators

REVIEW_TITLE = "重庆市测试区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告"
PLAN_TITLE = "测试区2020年经济社会发展计划"


def review_report(summary: str, target: str = "建议全年GDP增长6%左右。", task: str = "全年新增科技型企业300家。",
                  summary_heading: str | None = None, with_table: bool = True,
                  work: str = "全年安排县级重点项目43个，创建省级示范园区5个。") -> Document:
    """A review-and-plan report; `with_table` adds the usual indicator table. The task section's `work` sizes only
    the project programme and a designated set by default, which the task rules do not read."""
    lines = [REVIEW_TITLE, "一、2021年国民经济和社会发展计划执行情况"]
    if summary_heading:
        lines.append(summary_heading)
    lines += [
        summary,
        "（二）坚持创新驱动，产业能级持续提升",
        task,
    ]
    if with_table:
        lines += ["表1：2021年国民经济和社会发展主要指标完成情况", "\t指标名称", "\t地区生产总值增速", "\t8"]
    lines += [
        "二、2022年国民经济和社会发展主要指标和项目安排",
        "（一）主要发展目标",
        target,
        "（二）重点项目安排",
        "全年安排重大项目258个，总投资2085亿元。",
        "三、2022年重点工作",
        "（一）做强先进制造业",
        work,
    ]
    return Document.from_text("\n".join(lines))


def plan_report(targets: str, tasks: str) -> Document:
    return Document.from_text("\n".join([
        PLAN_TITLE, "一、总体思路", "坚持稳中求进工作总基调，全年GDP增长5%。", "二、预期目标", targets,
        "三、重点任务和措施", tasks,
    ]))


def facts(doc: Document, measure: str | None = None) -> list[tuple]:
    """(name, unit, value_num, comparator) per row, in order."""
    return [(r.indicator_name, r.unit, r.value_num, r.comparator)
            for r in extract_prose_indicators(doc) if measure is None or r.measure == measure]


def by_name(doc: Document, measure: str = "actual") -> dict:
    return {r.indicator_name: r for r in extract_prose_indicators(doc) if r.measure == measure}


def test_level_and_growth_pair_become_two_rows():
    doc = review_report("全年实现地区生产总值506.91亿元、增长3.2%，全体居民人均可支配收入达到30972元、增长8.5%。")
    assert facts(doc, "actual") == [
        ("地区生产总值", "亿元", 506.91, "eq"),
        ("地区生产总值增速", "%", 3.2, "eq"),
        ("全体居民人均可支配收入", "元", 30972.0, "eq"),
        ("全体居民人均可支配收入增速", "%", 8.5, "eq"),
    ]
    rows = by_name(doc)
    assert rows["地区生产总值"].value_raw == "506.91亿元"  # 全年/实现 dropped
    assert rows["全体居民人均可支配收入"].value_raw == "30972元"  # 达到 dropped
    assert rows["地区生产总值增速"].value_raw == "增长3.2%"


def test_review_rows_carry_scope_fields():
    doc = review_report("全年实现地区生产总值506.91亿元、增长3.2%。")
    row = [r for r in extract_prose_indicators(doc) if r.measure == "actual"][0]
    assert (row.source, row.period_year, row.table_title) == ("prose", 2021, "一、2021年国民经济和社会发展计划执行情况")
    assert row.source_line == 3
    assert (row.attribute, row.achieved_raw, row.seq, row.category, row.parent_name) == (None, None, None, None, None)


def test_growth_qualifiers_and_bare_growth_clause():
    doc = review_report("第一产业增加值1.3亿元，同比（下同）增长5.2%；规上工业增加值增长8%以上，"
                        "社会消费品零售总额增长6%左右。")
    assert facts(doc, "actual") == [
        ("第一产业增加值", "亿元", 1.3, "eq"),
        ("第一产业增加值增速", "%", 5.2, "eq"),
        ("规上工业增加值增速", "%", 8.0, "ge"),
        ("社会消费品零售总额增速", "%", 6.0, "approx"),
    ]


def test_break_through_and_exceed_are_gt():
    doc = review_report("全年地区生产总值有望突破300亿元、增长8%以上，高于2020年5个百分点；"
                        "进出口总额超过32亿元，救助困难群众2.5万余人次。")
    assert facts(doc, "actual") == [
        ("地区生产总值", "亿元", 300.0, "gt"),
        ("地区生产总值增速", "%", 8.0, "ge"),
        ("进出口总额", "亿元", 32.0, "gt"),
        ("救助困难群众", "万人次", 2.5, "gt"),
    ]
    assert by_name(doc)["地区生产总值"].value_raw == "突破300亿元"  # comparator word kept, 有望 dropped


def test_shared_prefix_and_suffix_are_distributed():
    doc = review_report("城乡居民基本养老保险、基本医疗保险参保率均保持在95%以上，项目开工率和投资完成率超过85%。")
    assert facts(doc, "actual") == [
        ("城乡居民基本养老保险参保率", "%", 95.0, "ge"),
        ("城乡居民基本医疗保险参保率", "%", 95.0, "ge"),
        ("项目开工率", "%", 85.0, "gt"),
        ("投资完成率", "%", 85.0, "gt"),
    ]


def test_respectively_pairs_names_and_figures_in_order():
    doc = review_report("城乡居民基本养老保险、基本医疗保险参保率分别保持97%、95%以上。"
                        "城镇、农村常住居民人均可支配收入分别达到45210元、21030元，分别增长5.1%、6.9%。")
    assert facts(doc, "actual") == [
        ("城乡居民基本养老保险参保率", "%", 97.0, "ge"),  # the trailing 以上 governs both figures
        ("城乡居民基本医疗保险参保率", "%", 95.0, "ge"),
        ("城镇常住居民人均可支配收入", "元", 45210.0, "eq"),
        ("农村常住居民人均可支配收入", "元", 21030.0, "eq"),
        ("城镇常住居民人均可支配收入增速", "%", 5.1, "eq"),
        ("农村常住居民人均可支配收入增速", "%", 6.9, "eq"),
    ]


def test_respectively_without_matching_names_gives_no_guess():
    doc = review_report("规上工业总产值分别达到45210亿元、21030亿元。")
    assert facts(doc, "actual") == []


def test_urban_rural_pair_is_split_for_two_figures():
    # 城乡 is the genre's pair of 城镇 and 农村: two figures under 分别 go to the two of them, in that order
    doc = review_report("城乡居民人均可支配收入分别达到45210元和21030元，分别增长5.2%和7.1%。")
    assert facts(doc, "actual") == [
        ("城镇居民人均可支配收入", "元", 45210.0, "eq"),
        ("农村居民人均可支配收入", "元", 21030.0, "eq"),
        ("城镇居民人均可支配收入增速", "%", 5.2, "eq"),
        ("农村居民人均可支配收入增速", "%", 7.1, "eq"),
    ]


def test_pair_joined_by_he_and_growth_list_names_every_item_as_a_rate():
    doc = review_report("城镇和农村常住居民人均可支配收入分别增长6.1%和7.3%。")
    assert facts(doc, "actual") == [
        ("城镇常住居民人均可支配收入增速", "%", 6.1, "eq"),
        ("农村常住居民人均可支配收入增速", "%", 7.3, "eq"),
    ]
    doc = review_report("城镇、农村居民人均可支配收入分别增长8.5%、9.5%。")
    assert facts(doc, "actual") == [
        ("城镇居民人均可支配收入增速", "%", 8.5, "eq"),
        ("农村居民人均可支配收入增速", "%", 9.5, "eq"),
    ]


def test_combined_count_keeps_the_printed_list_as_one_name():
    doc = review_report("新培育家庭农场、专业合作社15家。")
    assert facts(doc, "actual") == [("新培育家庭农场、专业合作社", "家", 15.0, "eq")]


def test_qizhong_sets_parent_of_same_kind():
    doc = review_report("一般公共预算支出40.6亿元，其中民生支出占比达80%。固定资产投资增长3%，其中，工业投资增长10%以上。")
    rows = by_name(doc)
    assert rows["民生支出占比"].parent_name == "一般公共预算支出"
    assert rows["工业投资增速"].parent_name == "固定资产投资增速"
    assert rows["工业投资增速"].comparator == "ge"
    assert rows["一般公共预算支出"].parent_name is None


def test_plan_target_section_gives_the_gdp_target():
    doc = review_report("全年实现地区生产总值506.91亿元。")
    targets = [r for r in extract_prose_indicators(doc) if r.measure == "target"]
    assert [(r.indicator_name, r.unit, r.value_num, r.comparator, r.value_raw) for r in targets] == [
        ("地区生产总值增速", "%", 6.0, "approx", "增长6%左右"),
    ]
    assert (targets[0].period_year, targets[0].table_title) == (2022, "（一）主要发展目标")


def test_target_stated_as_growth_rate_goal():
    doc = review_report("全年实现地区生产总值506.91亿元。", target="提出2022年全区地区生产总值增速目标为6.5%。具体预期目标详见下表：")
    assert facts(doc, "target") == [("地区生产总值增速", "%", 6.5, "eq")]


def test_city_wide_five_year_and_restated_targets_are_excluded():
    target = ("建议全年GDP增长6%左右。确立这一目标，主要考虑：2022年全市GDP增速目标在5.5%左右，"
              "“十四五”期间全区GDP年平均增长目标为6%。2021年全区GDP增长8%。我们将增长目标设定为6%，"
              "6%以上的增长目标符合潜在增长水平，努力实现地区生产总值增长7%的目标。综合判断，设定6%的增长目标符合区情实际，建筑业将保持平稳增长。")
    doc = review_report("全年实现地区生产总值506.91亿元。", target=target)
    assert facts(doc, "target") == [("地区生产总值增速", "%", 6.0, "approx")]


def test_printed_attribute_is_copied():
    target = "从经济发展规律看，地区生产总值增长目标是一个区间概念，是预期性、导向性指标。2022年全区地区生产总值预期增长7%左右。"
    doc = review_report("全年实现地区生产总值820亿元。", target=target)
    [row] = [r for r in extract_prose_indicators(doc) if r.measure == "target"]
    assert (row.indicator_name, row.value_num, row.comparator, row.attribute) == ("地区生产总值增速", 7.0, "approx", "预期性")
    assert all(r.attribute is None for r in extract_prose_indicators(doc) if r.measure == "actual")


def test_counts_of_plan_indicators_are_not_indicators():
    doc = review_report(
        "区十三届人大五次会议批准的2021年计划报告32项指标中，完成29项，完成率90.6%，其中约束性指标8项，完成6项；"
        "预期性指标24项，完成23项。全区科技创新指数72.9%，居全市第6位，连续6年保持全市前列。",
        summary_heading="（一）国民经济和社会发展主要指标完成情况",
    )
    assert facts(doc, "actual") == [("科技创新指数", "%", 72.9, "eq")]
    assert extract_prose_indicators(doc)[0].table_title == "（一）国民经济和社会发展主要指标完成情况"


def test_examples_codes_and_quoted_numbers_are_not_values():
    doc = review_report("华韶智算中心、萤石生产基地等6个项目纳入市级清单，打表推进“3113”行动，建成5G基站，"
                        "10件民生实事达成年度目标，引进华为、腾讯等15家，新登记纳税市场主体4533户。")
    assert facts(doc, "actual") == [("新登记纳税市场主体", "户", 4533.0, "eq")]


def test_sections_outside_scope_give_nothing():
    doc = review_report("全区经济运行稳中向好。")
    # the task sub-section of the review, the project section and the 重点工作 all print figures
    assert facts(doc) == [("地区生产总值增速", "%", 6.0, "approx")]


def test_plan_report_targets_including_qualitative_ones():
    targets = ("地区生产总值增长3%,规模以上工业总产值增长6%左右,固定资产投资增长3%,其中,工业投资增长10%以上,"
               "进出口总额保持平稳增长,一般公共预算收入与上年持平,新增就业5万人以上,"
               "单位GDP能耗、主要污染物排放等约束性指标完成市级下达任务。")
    doc = plan_report(targets, "(一)做强产业。确保全年实际利用外资达到20亿美元。")
    rows = [r for r in extract_prose_indicators(doc) if r.table_title == "二、预期目标"]
    assert [(r.indicator_name, r.value_num, r.comparator, r.attribute) for r in rows] == [
        ("地区生产总值增速", 3.0, "eq", None),
        ("规模以上工业总产值增速", 6.0, "approx", None),
        ("固定资产投资增速", 3.0, "eq", None),
        ("工业投资增速", 10.0, "ge", None),
        ("进出口总额增速", None, "qualitative", None),
        ("一般公共预算收入增速", 0.0, "eq", None),
        ("新增就业", 5.0, "ge", None),
        ("单位GDP能耗", None, "qualitative", "约束性"),
        ("主要污染物排放", None, "qualitative", "约束性"),
    ]
    assert all((r.measure, r.period_year) == ("target", 2020) for r in rows)


def test_plan_report_task_section_keeps_aggregates_only():
    tasks = ("(一)坚决打好三大攻坚战。继续巩固和创建扬尘示范工地20个、示范道路20条,确保空气质量优良天数大于300天,"
             "完成2处水源地规范化建设,优选河坝村等9个试点村开展改革。"
             "新增5个公共停车场(楼)、1050个公共停车位,统筹实施29个市级重点项目,全面完成村社便道硬化430公里建设任务,新增8个老旧小区改造。"
             "用好每年2亿元专项资金,实现工业投资持续稳定增长,新引进50家软件企业、3家行业领军企业落户发展。")
    doc = plan_report("地区生产总值增长3%。", tasks)
    rows = [r for r in extract_prose_indicators(doc) if r.table_title == "三、重点任务和措施"]
    assert [(r.indicator_name, r.unit, r.value_num, r.comparator) for r in rows] == [
        ("空气质量优良天数", "天", 300.0, "gt"),
        ("新增公共停车场(楼)", "个", 5.0, "eq"),
        ("新增公共停车位", "个", 1050.0, "eq"),
        ("完成村社便道硬化", "公里", 430.0, "eq"),
        ("新引进软件企业", "家", 50.0, "eq"),
        ("新引进行业领军企业", "家", 3.0, "eq"),
    ]


def test_task_sections_are_read_with_or_without_an_indicator_table():
    work = "规上工业总产值增长10%，新增市场主体5000户。"
    for with_table in (True, False):  # the table lists the headline indicators, the task section the work targets
        doc = review_report("全年实现地区生产总值506.91亿元。", with_table=with_table, work=work)
        assert ("新增市场主体", "户", 5000.0, "eq") in facts(doc, "target")
        assert {r.table_title for r in extract_prose_indicators(doc) if r.indicator_name == "新增市场主体"} \
            == {"三、2022年重点工作"}
        assert all(r.table_title != "（二）坚持创新驱动，产业能级持续提升" for r in extract_prose_indicators(doc))
    doc = plan_report("地区生产总值增长3%。", "(一)做强产业。新增市场主体5000户。")
    assert ("新增市场主体", "户", 5000.0, "eq") in facts(doc)
    assert all("总体思路" not in r.table_title for r in extract_prose_indicators(doc))


# ---------------------------------------------------------------------------------------------------------------
# Layouts and wordings of other provinces and years
# ---------------------------------------------------------------------------------------------------------------


def test_target_vocabulary_of_other_reports():
    doc = review_report("全年实现地区生产总值506.91亿元。", target=(
        "建议主要预期目标为：地区生产总值增长6.5%左右；一般公共预算收入同口径增长5%；城镇调查失业率控制在5.5%以内；"
        "居民消费价格涨幅控制在3%左右；单位地区生产总值能耗下降完成肇庆市下达任务；"
        "单位地区生产总值能耗和二氧化碳排放完成省下达目标。"))
    assert facts(doc, "target") == [
        ("地区生产总值增速", "%", 6.5, "approx"),
        ("一般公共预算收入增速", "%", 5.0, "eq"),  # 同口径 is how it is counted, not part of the name
        ("城镇调查失业率", "%", 5.5, "le"),
        ("居民消费价格涨幅", "%", 3.0, "approx"),
        ("单位地区生产总值能耗下降", None, None, "qualitative"),  # any 下达 wording, not only 市级
        ("单位地区生产总值能耗", None, None, "qualitative"),
        ("单位地区生产总值二氧化碳排放", None, None, "qualitative"),  # the intensity prefix is shared
    ]


def test_a_list_closed_by_he_names_each_of_its_items():
    # `A、B和C` is three indicators: the list joins its last two with 和; a change word after the last (`能耗降低`)
    # is not given to a statistic with a head of its own (the days, a ratio do not 降低)
    doc = review_report("全年实现地区生产总值506.91亿元。", target=(
        "建议主要预期目标为：地区生产总值增长5.5%左右；"
        "地表水优良水体比例、森林覆盖率和单位地区生产总值能耗降低完成省下达任务；"
        "城市空气质量优良天数和规上工业单位增加值能耗降低完成省下达任务。"))
    assert facts(doc, "target") == [
        ("地区生产总值增速", "%", 5.5, "approx"),
        ("地表水优良水体比例", None, None, "qualitative"),
        ("森林覆盖率", None, None, "qualitative"),
        ("单位地区生产总值能耗降低", None, None, "qualitative"),
        ("城市空气质量优良天数", None, None, "qualitative"),
        ("规上工业单位增加值能耗降低", None, None, "qualitative"),
    ]


def test_a_decline_of_an_aggregate_is_a_negative_growth_rate():
    doc = review_report("全社会固定资产投资下降2.1%，单位地区生产总值能耗下降3%，一般公共预算收入下降5%以上。")
    assert facts(doc, "actual") == [
        ("全社会固定资产投资增速", "%", -2.1, "eq"),
        ("单位地区生产总值能耗下降", "%", 3.0, "eq"),  # the decline is the indicator itself
        ("一般公共预算收入增速", "%", -5.0, "le"),
    ]


def test_review_summary_under_part_headings_and_an_economy_subheading():
    doc = Document.from_text("\n".join([
        REVIEW_TITLE,
        "第一部分 2021年国民经济和社会发展计划执行情况",
        "一、经济运行稳中向好",
        "全年实现地区生产总值506.91亿元、增长3.2%。",
        "二、重点工作推进情况",
        "新增市场主体5000户。",
        "第二部分 2022年计划",
        "一、主要目标",
        "地区生产总值增长6%左右。",
    ]))
    rows = extract_prose_indicators(doc)
    assert [(r.indicator_name, r.measure, r.table_title) for r in rows] == [
        ("地区生产总值", "actual", "一、经济运行稳中向好"),
        ("地区生产总值增速", "actual", "一、经济运行稳中向好"),
        ("地区生产总值增速", "target", "一、主要目标"),
    ]


def test_targets_announced_inside_another_section():
    doc = Document.from_text("\n".join([
        REVIEW_TITLE,
        "一、2021年国民经济和社会发展计划执行情况",
        "全年实现地区生产总值506.91亿元。",
        "二、2022年经济社会发展总体要求和重点任务",
        "（一）总体要求",
        "2022年是关键之年，要保持GDP占全市比重5%。综合考虑，全区经济社会发展的主要预期目标是：地区生产总值增长7%以上，"
        "城镇调查失业率控制在5.5%以内。",
        "（二）重点任务",
        "新增市场主体5000户。",
    ]))
    rows = [r for r in extract_prose_indicators(doc) if r.measure == "target"]
    assert [(r.indicator_name, r.value_num, r.comparator, r.table_title) for r in rows] == [
        ("地区生产总值增速", 7.0, "ge", "（一）总体要求"),
        ("城镇调查失业率", 5.5, "le", "（一）总体要求"),
    ]


def test_targets_listed_as_numbered_items():
    doc = Document.from_text("\n".join([
        "丰都县2025年国民经济和社会发展计划（草案）",
        "一、2025年主要预期目标",
        "1、地区生产总值增长6%左右；",
        "2、一般公共预算收入与上年持平；",
        "二、重点任务",
        "1、扩大有效投资。全年完成投资210亿元。",
    ]))
    rows = [r for r in extract_prose_indicators(doc) if r.table_title == "一、2025年主要预期目标"]
    assert [(r.indicator_name, r.value_num, r.comparator, r.source_line) for r in rows] == [
        ("地区生产总值增速", 6.0, "approx", 3),
        ("一般公共预算收入增速", 0.0, "eq", 4),
    ]


def test_long_digit_runs_and_long_lines_are_read_quickly():
    import time

    start = time.perf_counter()
    extract_prose_indicators(review_report("1" * 100000 + "。" + "全年实现地区生产总值300亿元、增长8%以上，" * 5000))
    assert time.perf_counter() - start < 5


def test_abbreviations_ratios_prices_and_lists_of_named_figures():
    doc = review_report("全区实现地区生产总值（GDP）713.6亿元，同比增长6.2%，三次产业结构调整为5.2:35.1:59.7。"
                        "居民消费价格指数（CPI）上涨1.5%。"
                        "城镇居民人均可支配收入52860元、农村居民人均可支配收入34120元，分别增长5.1%、6.8%。")
    assert facts(doc, "actual") == [
        ("地区生产总值", "亿元", 713.6, "eq"),  # （GDP） is an abbreviation, not part of the name
        ("地区生产总值增速", "%", 6.2, "eq"),  # the ratio is not a value
        ("居民消费价格涨幅", "%", 1.5, "eq"),  # a price rise is the genre's 涨幅
        ("城镇居民人均可支配收入", "元", 52860.0, "eq"),
        ("农村居民人均可支配收入", "元", 34120.0, "eq"),
        ("城镇居民人均可支配收入增速", "%", 5.1, "eq"),  # 分别 goes back to both named figures
        ("农村居民人均可支配收入增速", "%", 6.8, "eq"),
    ]


def test_task_items_under_a_targets_and_tasks_heading_are_not_targets():
    doc = Document.from_text("\n".join([
        REVIEW_TITLE,
        "一、2021年国民经济和社会发展计划执行情况",
        "全年实现地区生产总值506.91亿元。",
        "二、2022年主要目标和重点任务",
        "全年地区生产总值增长6%左右。",
        "（一）做强先进制造业",
        "1. 培育优质市场主体。迭代升级政策，新增市场主体5000户，规上工业总产值增长10%。",
    ]))
    rows = [r for r in extract_prose_indicators(doc) if r.measure == "target"]
    assert [(r.indicator_name, r.value_num) for r in rows] == [("地区生产总值增速", 6.0)]


def test_group_words_under_respectively_name_each_member():
    doc = review_report("金融机构人民币存贷款余额分别为520亿元、380亿元。三次产业增加值分别增长3.1%、6.2%和5.8%。")
    assert facts(doc, "actual") == [
        ("金融机构人民币存款余额", "亿元", 520.0, "eq"),
        ("金融机构人民币贷款余额", "亿元", 380.0, "eq"),
        ("第一产业增加值增速", "%", 3.1, "eq"),
        ("第二产业增加值增速", "%", 6.2, "eq"),
        ("第三产业增加值增速", "%", 5.8, "eq"),
    ]


def test_shares_and_sub_groups_take_the_words_of_the_figure_they_belong_to():
    doc = review_report("一般公共预算收入完成21.3亿元，其中税收收入15.6亿元，占比73.2%。"
                        "居民人均可支配收入32150元，增长6.3%，其中城镇、农村居民分别增长5.1%和7.2%。"
                        "粮食总产量达到45.6万吨，连续5年稳定在45万吨以上。")
    rows = by_name(doc)
    assert rows["税收收入占比"].value_num == 73.2
    assert rows["城镇居民人均可支配收入增速"].value_num == 5.1
    assert rows["城镇居民人均可支配收入增速"].parent_name == "居民人均可支配收入增速"
    assert rows["农村居民人均可支配收入增速"].value_num == 7.2
    assert "连续5年" not in rows and rows["粮食总产量"].value_num == 45.6  # a duration is not a name


def test_floor_set_from_above_is_a_qualitative_target_for_each_statistic():
    doc = review_report("全年实现地区生产总值506.91亿元。",
                        target="耕地保有量和永久基本农田保护面积不低于省下达任务；外贸进出口总额增长5%-8%。")
    assert facts(doc, "target") == [
        ("耕地保有量", None, None, "qualitative"),
        ("永久基本农田保护面积", None, None, "qualitative"),
        ("外贸进出口总额增速", "%", 5.0, "ge"),
        ("外贸进出口总额增速", "%", 8.0, "le"),
    ]


def test_wordings_of_growth_in_step_with_the_economy():
    target = "居民收入与经济同步增长；城乡居民人均可支配收入增长与经济增长保持同步；农村居民人均可支配收入增速高于经济增速。"
    doc = review_report("全年实现地区生产总值506.91亿元。", target=target)
    assert facts(doc, "target") == [
        ("居民收入增速", None, None, "qualitative"),
        ("城乡居民人均可支配收入增速", None, None, "qualitative"),
        ("农村居民人均可支配收入增速", None, None, "qualitative"),
    ]


def test_prefecture_and_league_wide_figures_are_not_a_countys():
    doc = Document.from_text("\n".join([
        "关于测试县2021年国民经济和社会发展计划执行情况及2022年计划草案的报告",
        "一、2021年国民经济和社会发展计划执行情况",
        "全县地区生产总值186.2亿元，全州地区生产总值增长6%，全盟一般公共预算收入增长3%。",
        "二、2022年主要预期目标",
        "地区生产总值增长6%左右。",
    ]))
    assert facts(doc, "actual") == [("地区生产总值", "亿元", 186.2, "eq")]


def test_partial_year_periods_lead_a_name_but_are_not_part_of_it():
    doc = review_report("1-11月规模以上工业增加值增长8%，前三季度地区生产总值增长6.1%。")
    assert facts(doc, "actual") == [("规模以上工业增加值增速", "%", 8.0, "eq"), ("地区生产总值增速", "%", 6.1, "eq")]


def test_own_scope_words_lead_a_name_and_the_municipality_is_not_the_districts():
    doc = review_report("我区地区生产总值增长5%，本区一般公共预算收入增长3%，我市地区生产总值增长6%。")
    assert facts(doc, "actual") == [("地区生产总值增速", "%", 5.0, "eq"), ("一般公共预算收入增速", "%", 3.0, "eq")]


def test_thousands_separators_are_part_of_the_number_and_ascii_commas_still_cut_clauses():
    doc = review_report("全县地区生产总值1,234.5亿元,增长6.1%,城镇新增就业12,560人。")
    assert facts(doc, "actual") == [
        ("地区生产总值", "亿元", 1234.5, "eq"),
        ("地区生产总值增速", "%", 6.1, "eq"),
        ("城镇新增就业", "人", 12560.0, "eq"),
    ]


def test_full_width_digits_are_read_as_numbers():
    doc = review_report("全县地区生产总值１８６．２亿元，增长６．１％。")
    assert facts(doc, "actual") == [("地区生产总值", "亿元", 186.2, "eq"), ("地区生产总值增速", "%", 6.1, "eq")]


def test_a_colon_between_a_name_and_its_value():
    doc = review_report("全年实现地区生产总值506.91亿元。", target="1.地区生产总值：增长6%左右；2.城镇新增就业：3000人以上。")
    assert facts(doc, "target") == [("地区生产总值增速", "%", 6.0, "approx"), ("城镇新增就业", "人", 3000.0, "ge")]


def test_assigned_tasks_of_several_authorities_and_references_to_tables():
    doc = review_report("全年地区生产总值增长6.5%，单位地区生产总值能耗降低完成自治区、市下达的目标任务，主要指标见表1。",
                        target="地表水优良水体比例达到国家和省要求，城镇调查失业率控制在5.5%以内，完成市下达的节能减排目标。")
    assert facts(doc, "actual") == [("地区生产总值增速", "%", 6.5, "eq"),
                                    ("单位地区生产总值能耗降低", None, None, "qualitative")]
    assert facts(doc, "target") == [("地表水优良水体比例", None, None, "qualitative"), ("城镇调查失业率", "%", 5.5, "le")]


def test_compound_units_and_head_counts():
    doc = review_report("全年实现地区生产总值506.91亿元。", target=(
        "万元地区生产总值用水量控制在38立方米/万元以下，单位规上工业增加值能耗0.42吨标准煤/万元以下，"
        "生猪出栏稳定在32万头以上。"))
    assert facts(doc, "target") == [("万元地区生产总值用水量", "立方米/万元", 38.0, "le"),
                                    ("单位规上工业增加值能耗", "吨标准煤/万元", 0.42, "le"),
                                    ("生猪出栏", "万头", 32.0, "ge")]


def test_item_numbers_run_into_a_target_paragraph_are_never_figures():
    doc = review_report("全年实现地区生产总值506.91亿元。",
                        target="主要预期目标拟定为：1.地区生产总值增长6%；(10)城镇新增就业1.2万人；三是粮食产量稳定在30万吨以上。")
    assert facts(doc, "target") == [
        ("地区生产总值增速", "%", 6.0, "eq"),
        ("城镇新增就业", "万人", 1.2, "eq"),
        ("粮食产量", "万吨", 30.0, "ge"),
    ]


def test_quote_mask_marks_quoted_and_titled_names_nested_and_unclosed():
    """Digits inside “…” or 《…》 belong to a name: the mask covers from the opening mark to the closing one."""
    from ingestion.prose import _inside_quotes

    F, T = False, True
    assert _inside_quotes("a“b《c》d”e") == [F, T, T, T, T, T, T, F, F]
    assert _inside_quotes("a“b") == [F, T, T]  # a quote left open runs to the end
    assert _inside_quotes("a”b“c") == [F, F, F, T, T]  # a stray closing mark closes nothing
    assert _inside_quotes("增长6%") == [F] * 4
