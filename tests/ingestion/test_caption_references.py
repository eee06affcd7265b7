"""A sentence that names a table (`表1各项指标完成情况如下：`) right over the table's own caption refers to it: no part
was lost, so no warning; a captioned table that was not read is still a warning."""
from ingestion.process import process_report

_HEAD = """关于松岭区2031年国民经济和社会发展计划执行情况及2032年国民经济和社会发展计划草案的报告

松岭区发展和改革委员会

一、2031年国民经济和社会发展计划执行情况

全区地区生产总值增长5.6%。{lead}
表1 松岭区2031年主要指标完成情况
序号\t指标名称\t单位\t2031年目标\t2031年完成\t是否达到预期
1\t地区生产总值增速\t%\t6左右\t5.6\t否
2\t一般公共预算收入\t亿元\t12.5\t12.8\t是
3\t城镇调查失业率\t%\t5.5以内\t5.1\t是

二、2032年主要预期目标

地区生产总值增长6%左右。
"""
_LOST = """
表2 松岭区2032年主要指标预期目标
地区生产总值→增长6%左右
一般公共预算收入→增长5%
"""


def _table_problems(text: str) -> list:
    out = process_report("songling.txt", text.encode("utf-8"))
    assert out.ok, out.error
    return [p for p in out.problems if p.kind == "indicator_table"], out


def test_a_lead_in_naming_the_table_read_below_is_no_lost_table():
    problems, out = _table_problems(_HEAD.format(lead="\n表1各项指标完成情况如下：\n\n"))
    assert problems == []
    assert {v.indicator_name for v in out.extraction.indicators if v.source == "table"} >= {"地区生产总值增速", "城镇调查失业率"}


def test_a_captioned_table_that_was_not_read_still_warns():
    problems, _ = _table_problems(_HEAD.format(lead="\n表1各项指标完成情况如下：\n\n") + _LOST)
    assert len(problems) == 1 and problems[0].title.startswith("表2")
