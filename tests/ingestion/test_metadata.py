"""Metadata comes from the printed title, in every title layout seen in the genre."""
import pytest

from ingestion.document import Document


def meta(text):
    return Document.from_text(text).meta


def test_title_wrapped_over_two_lines_with_leading_space():
    m = meta(" 重庆市大渡口区2021年国民经济和社会发展\n计划执行情况及2022年计划草案的报告\n\n一、2021年国民经济和社会发展计划执行情况\n")
    assert (m.city, m.district, m.doc_type, m.review_year, m.plan_year) == ("重庆市", "大渡口区", "review_and_plan", 2021, 2022)
    assert m.title == "重庆市大渡口区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告"
    assert m.title_line == 1


def test_title_with_guanyu_after_blank_lines_and_a_speech_line():
    text = "\n\n关于重庆市长寿区2021年国民经济和社会发展\n计划执行情况及2022年计划草案的报告\n\n重庆市长寿区发展和改革委员会\n"
    m = meta(text)
    assert m.title.startswith("关于重庆市长寿区")
    assert (m.district, m.review_year, m.plan_year, m.title_line) == ("长寿区", 2021, 2022, 3)


def test_word_bookmark_markers_are_not_part_of_the_title():
    m = meta("[bookmark: _GoBack]关于重庆市大渡口区2023年国民经济和社会\n发展计划执行情况及2024年计划草案的报告\n")
    assert m.title == "关于重庆市大渡口区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告"
    assert (m.review_year, m.plan_year) == (2023, 2024)


def test_plan_document_behind_a_web_notice_uses_the_plans_own_title_and_finds_the_city_nearby():
    text = (
        "您的位置: 首页>政务公开 > 其他公文\n\n"
        "重庆市渝北区人民政府办公室关于印发渝北区2020年经济社会发展计划的通知\n\n"
        "各镇人民政府,区政府各部门:\n\n《渝北区2020年经济社会发展计划》已经审议通过。\n\n\n"
        "渝北区2020年经济社会发展计划\n\n\n2020年,是全面建成小康社会……\n"
    )
    m = meta(text)
    assert (m.city, m.district, m.doc_type, m.review_year, m.plan_year) == ("重庆市", "渝北区", "plan", None, 2020)
    assert m.title == "渝北区2020年经济社会发展计划"


@pytest.mark.parametrize(
    "title, district, city",
    [
        ("关于成都市武侯区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告", "武侯区", "成都市"),
        ("四川省绵阳市安州区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告", "安州区", "绵阳市"),
        ("某某县2022年国民经济和社会发展计划执行情况及2023年计划草案的报告", "某某县", None),
    ],
)
def test_other_places_of_the_genre(title, district, city):
    m = meta(title + "\n")
    assert (m.district, m.city, m.review_year, m.plan_year) == (district, city, 2022, 2023)


def test_text_that_is_not_a_plan_report_has_no_metadata():
    m = meta("会议纪要\n\n今天讨论了食堂菜单。\n")
    assert m.doc_type is None and m.plan_year is None


@pytest.mark.parametrize(
    "title, district, ry, py",
    [
        # 的报告（草案）, 计划的报告 without 草案
        ("关于长阳土家族自治县2022年国民经济和社会发展计划执行情况与2023年计划的报告（草案）", "长阳土家族自治县", 2022, 2023),
        # 计划（草案）的报告, joined by 和
        ("武汉市江夏区2024年国民经济和社会发展计划执行情况和2025年国民经济和社会发展计划（草案）的报告", "江夏区", 2024, 2025),
        # 年度
        ("某某县2023年度国民经济和社会发展计划执行情况及2024年度计划草案的报告", "某某县", 2023, 2024),
        # the government in front of 关于
        ("某某区人民政府关于某某区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告", "某某区", 2023, 2024),
        # the place after the year
        ("关于2023年某某县国民经济和社会发展计划执行情况及2024年计划草案的报告", "某某县", 2023, 2024),
        # no 的报告 at all
        ("余杭区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划（草案）", "余杭区", 2021, 2022),
    ],
)
def test_title_layouts_of_other_provinces(title, district, ry, py):
    m = meta(title + "\n")
    assert (m.district, m.doc_type, m.review_year, m.plan_year) == (district, "review_and_plan", ry, py)


def test_plan_draft_title_of_a_county():
    m = meta("丰都县2025年国民经济和社会发展计划（草案）\n丰都县发展和改革委员会\n")
    assert (m.district, m.doc_type, m.review_year, m.plan_year) == ("丰都县", "plan", None, 2025)


def test_title_without_a_place_takes_it_from_the_session_line_or_the_office():
    text = ("关于2023年国民经济和社会发展计划执行情况\n及2024年国民经济和社会发展计划草案的报告\n"
            "——2024年1月17日在安吉县第十七届人民代表大会第四次会议上\n安吉县发展和改革局局长  王建国\n")
    m = meta(text)
    assert (m.district, m.review_year, m.plan_year, m.title_line) == ("安吉县", 2023, 2024, 1)
    m = meta("关于2023年国民经济和社会发展计划执行情况及2024年计划草案的报告\n某某区发展和改革委员会\n")
    assert m.district == "某某区"
    # 全县 / 我区 are not places
    m = meta("关于2023年国民经济和社会发展计划执行情况及2024年计划草案的报告\n县发展和改革局\n")
    assert m.district is None and m.plan_year == 2024


def test_a_title_wrapped_after_jihua_is_not_read_as_a_plan_title():
    m = meta("关于重庆市璧山区2023年国民经济和社会发展计划\n执行情况及2024年计划草案的报告\n重庆市璧山区发展和改革委员会\n")
    assert (m.doc_type, m.review_year, m.plan_year) == ("review_and_plan", 2023, 2024)


@pytest.mark.parametrize(
    "place, city, district",
    [
        ("新疆维吾尔自治区乌鲁木齐市天山区", "乌鲁木齐市", "天山区"),
        ("四川省阿坝藏族羌族自治州汶川县", "阿坝藏族羌族自治州", "汶川县"),
        ("湖北省宜昌市长阳土家族自治县", "宜昌市", "长阳土家族自治县"),
        ("乐山市市中区", "乐山市", "市中区"),
        ("广东省四会市", "四会市", "四会市"),  # a county-level city: the city is its own district
    ],
)
def test_split_place(place, city, district):
    from ingestion.metadata import split_place

    assert split_place(place) == (city, district)


@pytest.mark.parametrize(
    "title, district, doc_type, review_year, plan_year",
    [
        ("某某县国民经济和社会发展2023年计划执行情况及2024年计划草案的报告", "某某县", "review_and_plan", 2023, 2024),
        ("某某区关于2023年国民经济和社会发展计划执行情况和2024年计划安排的报告", "某某区", "review_and_plan", 2023, 2024),
        ("某某市2024年国民经济和社会发展年度计划安排", "某某市", "plan", None, 2024),
    ],
)
def test_titles_worded_outside_the_usual_patterns_still_give_metadata(title, district, doc_type, review_year, plan_year):
    m = meta(title + "\n\n一、2023年计划执行情况\n")
    assert (m.district, m.doc_type, m.review_year, m.plan_year) == (district, doc_type, review_year, plan_year)


def test_a_paragraph_mentioning_a_plan_is_not_a_title():
    m = meta("会议纪要\n\n会议听取了关于2023年国民经济和社会发展计划执行情况的汇报，大家认为各项工作进展顺利，要求继续抓好落实，确保完成全年目标任务并做好明年的计划工作。\n")
    assert m.doc_type is None


# ---------------------------------------------------------------------------------------------------------
# Lines above the title never join it (web copies, Word notices, Markdown converters)
# ---------------------------------------------------------------------------------------------------------

TITLE = "关于云溪区2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告"


@pytest.mark.parametrize(
    "above",
    [
        "（此件公开发布）",
        "(此件公开发布)",
        "首页 > 政务公开 > 法定主动公开内容 > 计划规划",
        "您的位置：首页＞政府信息公开＞规划计划",
        "打印本页 关闭窗口",
        "来源：云溪区发展和改革委员会  发布时间：2024-01-21 09:35",
        "【字体：大 中 小】",
        "首页 > 政务公开\n打印本页 关闭窗口\n来源：云溪区发改委 发布时间：2024-01-21",
    ],
)
def test_furniture_right_above_the_title_is_not_part_of_it(above):
    m = meta(f"{above}\n{TITLE}\n——2024年1月9日在云溪区第十届人民代表大会第三次会议上\n")
    assert (m.district, m.review_year, m.plan_year) == ("云溪区", 2023, 2024)
    assert m.title == TITLE
    assert m.title_line == above.count("\n") + 2


@pytest.mark.parametrize(
    "line",
    [f"# {TITLE}", f"## {TITLE}", f"**{TITLE}**", f"# **{TITLE}**", f"> {TITLE}"],
)
def test_markdown_marks_around_the_title_are_not_part_of_it(line):
    m = meta(f"{line}\n\n## 一、2023年国民经济和社会发展计划执行情况\n")
    assert (m.district, m.title) == ("云溪区", TITLE)


def test_markdown_heading_of_a_county_level_city():
    m = meta("# 浏河市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n正文\n")
    assert (m.city, m.district) == ("浏河市", "浏河市")  # a county-level city is its own district


def test_a_title_run_together_with_the_line_under_it_ends_at_its_report():
    m = meta("梧桐县2023年国民经济和社会发展计划执行情况和2024年计划草案的报告梧桐县发展和改革局\n一、2023年计划执行情况\n")
    assert (m.district, m.review_year, m.plan_year) == ("梧桐县", 2023, 2024)
    assert m.title == "梧桐县2023年国民经济和社会发展计划执行情况和2024年计划草案的报告"


def test_a_title_ending_in_a_draft_trailer_keeps_it():
    m = meta("关于梧桐县2022年国民经济和社会发展计划执行情况与2023年计划的报告（草案）\n梧桐县发展和改革局\n")
    assert m.title.endswith("的报告（草案）")


@pytest.mark.parametrize(
    "title, city, district, doc_type",
    [
        ("白河旗2021年国民经济和社会发展计划执行情况及2022年计划草案", None, "白河旗", "review_and_plan"),
        ("青山市白河旗2021年国民经济和社会发展计划执行情况及2022年计划", "青山市", "白河旗", "review_and_plan"),
        ("云岭彝族自治县2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划", None, "云岭彝族自治县",
         "review_and_plan"),
        ("关于临江市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告", "临江市", "临江市",
         "review_and_plan"),  # a city's own report: the district is the city
        ("某某县2021年国民经济和社会发展计划执行情况及2022年国民经济和社会发展计划\n（草案）", None, "某某县",
         "review_and_plan"),  # wrapped （草案）, no 的报告
        ("梧桐县2024年国民经济和社会发展计划（草案）", None, "梧桐县", "plan"),
    ],
)
def test_banners_autonomous_counties_and_a_citys_own_report(title, city, district, doc_type):
    m = meta(title + "\n\n一、主要目标\n")
    assert (m.city, m.district, m.doc_type) == (city, district, doc_type)


def test_a_county_title_takes_its_city_from_the_city_it_answers_to():
    text = (f"{TITLE.replace('云溪区', '青岚县')}\n\n各位代表：\n"
            "按照与临江市目标相衔接、与县“十四五”规划相协调的原则，建议全县经济增长6%。\n"
            "在临江市委、市政府的坚强领导下，全县上下真抓实干。\n")
    m = meta(text)
    assert (m.city, m.district) == ("临江市", "青岚县")


def test_a_county_title_without_any_city_named_has_none():
    m = meta(f"{TITLE.replace('云溪区', '青岚县')}\n\n在县委的坚强领导下，与全市同步。\n")
    assert (m.city, m.district) == (None, "青岚县")


def test_the_issuing_office_over_the_title_and_the_dateline_under_it_are_not_part_of_it():
    m = meta("青岚县人民政府\n关于青岚县2023年国民经济和社会发展计划执行情况及\n2024年国民经济和社会发展计划草案的报告\n"
             "（2024年1月9日在青岚县第十八届人民代表大会第三次会议上）\n")
    assert m.title == "关于青岚县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告"
    assert (m.district, m.title_line) == ("青岚县", 2)


def test_a_title_asking_the_session_to_deliberate_keeps_its_trailer():
    m = meta("云溪区2023年国民经济和社会发展计划执行情况与2024年计划草案（提请云溪区第十届人民代表大会第三次会议审议）\n")
    assert (m.district, m.doc_type, m.review_year, m.plan_year) == ("云溪区", "review_and_plan", 2023, 2024)


def test_a_county_level_city_takes_the_city_it_answers_to():
    m = meta("关于浏河市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n"
             "一年来，在长岭市委、市政府的坚强领导下，全市上下攻坚克难。\n")
    assert (m.city, m.district) == ("长岭市", "浏河市")


def test_a_citys_own_report_stays_the_city():
    m = meta("关于长岭市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n在省委、省政府的坚强领导下。\n")
    assert (m.city, m.district) == ("长岭市", "长岭市")


@pytest.mark.parametrize("session_line", [
    "栖川市第九届人民代表大会第三次会议文件之五",
    "栖川市第九届人民代表大会第三次会议文件（12）",
    "大会文件之三",
])
def test_a_session_document_line_over_the_title_is_not_part_of_it(session_line):
    m = meta(f"{session_line}\n栖川市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n"
             "——2024年1月10日在栖川市第九届人民代表大会第三次会议上\n一、2023年计划执行情况\n")
    assert m.title == "栖川市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    assert (m.city, m.district, m.title_line) == ("栖川市", "栖川市", 2)  # a city's own report: district = the city


def test_a_plan_that_reviews_last_year_in_its_first_section_has_that_review_year():
    text = ("桐溪旗2024年国民经济和社会发展计划\n（2024年1月9日桐溪旗第九届人民代表大会第三次会议批准）\n"
            "一、2023年经济社会发展回顾\n——全旗地区生产总值增长6.1%。\n二、2024年主要预期目标\n地区生产总值增长5%左右。\n")
    m = meta(text)
    assert (m.district, m.doc_type, m.review_year, m.plan_year) == ("桐溪旗", "plan", 2023, 2024)


def test_a_plan_without_a_review_section_has_no_review_year():
    text = ("桐溪旗2024年国民经济和社会发展计划\n一、总体思路\n坚持稳中求进。\n二、预期目标\n地区生产总值增长5%左右。\n"
            "三、重点任务\n（一）巩固2023年发展成果，推进2023年开工项目建设。\n")
    m = meta(text)
    assert (m.doc_type, m.review_year, m.plan_year) == ("plan", None, 2024)


def test_a_session_document_line_run_together_with_the_title_is_cut_off():
    m = meta("栖川市第九届人民代表大会第三次会议文件之四栖川市2023年国民经济和社会发展计划执行情况与2024年"
             "国民经济和社会发展计划草案的报告\n一、2023年计划执行情况\n")
    assert m.title == "栖川市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    assert (m.city, m.district, m.review_year, m.plan_year) == ("栖川市", "栖川市", 2023, 2024)


def _city_near_by_pattern(head: str, district: str) -> str | None:
    """The plain computation `metadata._city_near` replaces: one pattern per width and district."""
    import re

    for width in (2, 3, 4):
        m = re.search(rf"([\u4e00-\u9fa5]{{{width}}}市){re.escape(district)}", head)
        if m:
            return m.group(1)
    return None


def test_city_printed_before_the_district_is_found_as_the_pattern_finds_it():
    import random

    from ingestion.metadata import _city_above, _city_near

    rng = random.Random(7)
    alphabet = "重庆市渝北区宜昌县大A1 ，。(（"
    for _ in range(3000):
        district = rng.choice(["渝北区", "北区", "市区", "区", "昌县"])
        head = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            k = rng.randint(0, len(head))
            head = head[:k] + "市" + district + head[k:]
        expected = _city_near_by_pattern(head, district)
        if expected is None:  # no city printed before it: the city the text answers to
            expected = _city_above([head], district)
        assert _city_near([head], district) == expected, (head, district)
