"""Value semantics: one case per printed form of the genre (see ingestion/values.py and gold SPEC.md)."""
import pytest

from ingestion.values import parse_range, parse_value


@pytest.mark.parametrize(
    "raw, num, comparator",
    [
        # plain numbers, signs, percentages, whitespace inside cells
        ("6", 6.0, "eq"),
        ("7.4", 7.4, "eq"),
        ("-15.1", -15.1, "eq"),
        ("52%", 52.0, "eq"),
        ("≥ 315", 315.0, "ge"),
        ("34000 ", 34000.0, "eq"),
        ("45,678", 45678.0, "eq"),
        ("1,234,567元以上", 1234567.0, "ge"),
        # 以上 / 以下 / 以内, also after a unit
        ("8以上", 8.0, "ge"),
        ("5万人以上", 5.0, "ge"),
        ("95%以上", 95.0, "ge"),
        ("3以下", 3.0, "le"),
        ("10以内", 10.0, "le"),
        ("不低于90", 90.0, "ge"),
        ("不高于5", 5.0, "le"),
        # symbols, ASCII and full-width
        ("≥90", 90.0, "ge"),
        ("≤0.5", 0.5, "le"),
        (">3", 3.0, "gt"),
        ("<35", 35.0, "lt"),
        ("＜33", 33.0, "lt"),
        ("<4", 4.0, "lt"),
        ("<4%", 4.0, "lt"),
        # about
        ("8左右", 8.0, "approx"),
        ("6%左右", 6.0, "approx"),
        ("-18左右", -18.0, "approx"),
        ("约6", 6.0, "approx"),
        ("控制在3%左右", 3.0, "approx"),  # 左右 wins over the ceiling 控制在
        ("控制在5.5%以内", 5.5, "le"),
        # change in points
        ("提高1.7个百分点", 1.7, "increase_by"),
        ("增加0.5个百分点", 0.5, "increase_by"),
        ("下降2个百分点", 2.0, "decrease_by"),
        # notes in parentheses are kept in value_raw but do not change the number
        ("7.4（按七人普前人口口径计算）", 7.4, "eq"),
        ("-10.6（调整后)", -10.6, "eq"),
        ("4左右（保持全市前列）", 4.0, "approx"),
        ("3.63（全市第五名）", 3.63, "eq"),
        # flat
        ("与上年持平", 0.0, "eq"),
        ("保持平稳增长", None, "qualitative"),  # 保持平稳 holds 持平 but is not flat
        # more than
        ("突破300亿元", 300.0, "gt"),
        ("超过85%", 85.0, "gt"),
        ("大于300天", 300.0, "gt"),
        ("2.5万余人次", 2.5, "gt"),
        # growth phrases from prose
        ("增长3.2%", 3.2, "eq"),
        ("增长8%以上", 8.0, "ge"),
        ("增长6%左右", 6.0, "approx"),
        # qualitative: no number outside a note
        ("完成市级下达任务", None, "qualitative"),
        ("完成市级下达任务(10000万美元）", None, "qualitative"),
        ("正增长", None, "qualitative"),
        ("与GDP增长同步", None, "qualitative"),
        ("", None, "qualitative"),
    ],
)
def test_parse_value(raw, num, comparator):
    parsed = parse_value(raw)
    assert parsed.comparator == comparator
    if num is None:
        assert parsed.value_num is None
    else:
        assert parsed.value_num == pytest.approx(num)


@pytest.mark.parametrize("raw, low, high", [
    ("4.5～5%", 4.5, 5.0), ("增长5%-5.5%", 5.0, 5.5), ("5~6", 5.0, 6.0), ("6至6.5", 6.0, 6.5), ("4.5-5（预计）", 4.5, 5.0),
])
def test_a_range_is_ge_its_low_end_and_le_its_high_end(raw, low, high):
    assert [(p.value_num, p.comparator) for p in parse_range(raw)] == [(low, "ge"), (high, "le")]


@pytest.mark.parametrize("raw", ["-10.6", "6", "≥90", "5-3", "提高1.7个百分点", "完成市级下达任务", "", None])
def test_not_a_range(raw):
    assert parse_range(raw) is None


def test_qualifier_after_a_compound_unit():
    """A limit printed after a long unit (微克/立方米以下) still states its comparator."""
    from ingestion.values import parse_value

    assert parse_value("26微克/立方米以下").comparator == "le"
    assert parse_value("32微克/立方米以内").comparator == "le"
    assert parse_value("0.45吨标准煤/万元以下").comparator == "le"
