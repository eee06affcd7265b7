"""Per-report extraction figures used by the Dagster asset checks."""
from ingestion.quality import TableValue, is_understood, parsed_share, stated_count_matches, stated_indicator_counts


def tv(name, raw, num, seq=None, measure="target", table="表1：2021年计划目标完成情况"):
    return TableValue(table, seq, name, measure, raw, num)


def test_numbers_and_known_qualitative_forms_count_as_parsed():
    assert is_understood("8以上", 8.0)
    for raw in ("完成市级下达任务", "能够完成市下达目标", "正增长", "与GDP增长同步", "保持平稳增长", "保持稳定",
                "控制在市下达指标内", "只增不减", "高于经济增速", "稳中有升", "达到国家要求"):
        assert is_understood(raw, None), raw
    assert not is_understood("亿元", None)
    assert not is_understood("预期性", None)


def test_parsed_share():
    values = [tv("a", "6", 6.0), tv("b", "完成市级下达任务", None), tv("c", "预期性", None), tv("d", "8左右", 8.0)]
    assert parsed_share(values) == 0.75
    assert parsed_share([]) is None


def test_stated_count_is_found_in_the_text():
    text = "区十三届人大五次会议批准的2021年计划报告32项指标中，完成29项，其中约束性指标8项，完成6项。"
    assert stated_indicator_counts(text) == [32]
    # a subset (34 met, 1 added) is not the plan's total
    assert stated_indicator_counts("明确的39项指标中，34项指标可以完成。") == [39]
    assert stated_indicator_counts("新增工业投资增速1项指标。优化调整后的指标共计33项。") == [33]


def test_stated_count_against_numbered_rows():
    rows = [tv(f"指标{i}", "1", 1.0, seq=str(i)) for i in range(1, 33)]
    rows += [tv(f"指标{i}", "1", 1.0, seq=str(i), measure="actual") for i in range(1, 33)]
    ok, detail = stated_count_matches("计划报告32项指标中，完成29项", rows)
    assert ok is True and detail["tables"] == {"表1：2021年计划目标完成情况": 32}
    ok, _ = stated_count_matches("计划报告33项指标中，完成29项", rows)
    assert ok is False
    assert stated_count_matches("没有说指标数。", rows)[0] is None


def test_a_subset_count_and_sub_rows_do_not_make_a_stated_count_disagree():
    """`34项指标中…5项未达预期` states one total (34); a table of 33 numbered rows and one 其中 sub-row holds it."""
    from ingestion.quality import TableValue, stated_count_matches, stated_indicator_counts

    text = "纳入年度计划考核的34项指标中，29项达到或超过预期，5项未达预期。\n未达预期的5项指标中，地区生产总值增速略低。"
    assert stated_indicator_counts(text) == [34]
    rows = [TableValue("表1", str(i), f"指标{i}", "target", "1", 1.0) for i in range(1, 34)]
    rows.append(TableValue("表1", None, "工业投资增速", "target", "1", 1.0))
    ok, _ = stated_count_matches(text, rows)
    assert ok
    ok, _ = stated_count_matches("纳入考核的40项指标中，完成36项。", rows)
    assert ok is False


def test_stated_count_spread_over_spaces_line_breaks_and_full_width_digits():
    """A count printed with spaces or a line break inside it, or in full-width digits, is still the stated count;
    several statements in one run of figures are each found."""
    assert stated_indicator_counts("计划确定的 32\n项主要指标中，完成29项。") == [32]
    assert stated_indicator_counts("年度指标共有\n３４项，其余略。") == [34]
    assert stated_indicator_counts("12项指标中，共 30项主要指标") == [12, 30]
    assert stated_indicator_counts("\t1\n\t2\n\t3\n指标共计 33 项\n\t4\n\t5") == [33]
