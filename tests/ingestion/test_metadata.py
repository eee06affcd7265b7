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
