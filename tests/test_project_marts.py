"""End to end: projects followed across the two 大渡口 reports, and the key-project aggregates, on the seeds.

000 reviews 2021 and plans 2022; 002 reviews 2023 and plans 2024. Every expected row below was checked against
the seed text (report file, line) before it was written down.
"""
import pytest

pytestmark = pytest.mark.e2e

# The README's milestone query: planned in one report's plan-year lists, reported in a later review list.
PLANNED_THEN_REPORTED = """
    select d.project_name,
           plan.report_file   as plan_report,   plan.period_year as plan_year,   plan.stage as planned_stage,
           plan.project_name  as plan_printed,  plan.source_line as plan_line,
           done.report_file   as review_report, done.period_year as review_year, done.stage as reported_stage,
           done.project_name  as review_printed, done.source_line as review_line
    from marts.fct_project_milestones as plan
    join marts.fct_project_milestones as done using (project_key)
    join marts.dim_projects as d using (project_key)
    where plan.is_plan and not done.is_plan and done.period_year > plan.period_year
    order by d.project_name, done.stage
"""


COLUMNS = ("project_name", "plan_report", "plan_year", "planned_stage", "plan_printed", "plan_line",
           "review_report", "review_year", "reported_stage", "review_printed", "review_line")


def test_projects_planned_in_2022_are_followed_into_the_2023_review(seeds_warehouse, query):
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in query(seeds_warehouse, PLANNED_THEN_REPORTED)]
    assert rows, "no project of 000's 2022 plan lists was found in 002's 2023 review lists"
    for r in rows:
        assert r["plan_report"].startswith("000_") and r["plan_year"] == 2022 and r["plan_line"] > 0
        assert r["review_report"].startswith("002_") and r["review_year"] == 2023 and r["review_line"] > 0
    found = {(r["plan_printed"], r["reported_stage"]): r for r in rows}
    # 专栏3 of 000 (line 541) plans it; 002's 竣工重点项目 (line 285) reports it done, under the same name
    same = found[("跃进村片区雨污水管网整治工程", "completed")]
    assert (same["plan_line"], same["review_printed"], same["review_line"]) == (541, "跃进村片区雨污水管网整治工程", 285)
    # printed differently in the two reports: a trailing 项目, the city prefix 重庆市 (000 line 529 → 002 line 285)
    assert found[("红九九总部项目", "completed")]["review_printed"] == "红九九总部"
    assert found[("重庆小面产业园", "completed")]["review_printed"] == "重庆市小面产业园"
    assert found[("重庆小面产业园", "completed")]["plan_line"] == 529
    # a fuzzy match (character-bigram Dice 0.67, 集团 added): planned for 2022 (line 530), started in 2023 (开工, line 284)
    fuzzy = found[("宝武集团西南总部", "started")]
    assert (fuzzy["plan_line"], fuzzy["review_printed"], fuzzy["review_line"]) == (530, "宝武西南总部", 284)


def test_a_phase_keeps_projects_apart_and_a_project_spans_both_reports(seeds_warehouse, query):
    rows = query(seeds_warehouse, """
        select phase, n_reports, first_seen_year, last_seen_year, name_variants
        from marts.dim_projects
        where district = '大渡口区' and list_contains(name_variants, '海康威视科技园三期')
           or list_contains(name_variants, '海康威视重庆科技园（二期）')
        order by phase""")
    # 000 starts 海康威视重庆科技园（三期） in 2021 and plans 海康威视科技园三期 for 2022, 002 plans it again for 2024;
    # 海康威视重庆科技园（二期） was completed in 2021 and is another project
    assert rows == [
        ("2", 1, 2021, 2021, ["海康威视重庆科技园（二期）"]),
        ("3", 2, 2021, 2024, ["海康威视科技园三期", "海康威视重庆科技园（三期）"]),
    ]


def test_dim_projects_counts_each_project_once_with_its_mentions(seeds_warehouse, query):
    (n_mentions,) = query(seeds_warehouse, "select count(*) from marts.fct_projects")[0]
    (summed,) = query(seeds_warehouse, "select sum(n_mentions) from marts.dim_projects")[0]
    assert summed == n_mentions
    cross = query(seeds_warehouse, """
        select count(*) from marts.dim_projects d
        where n_reports > 1
          and project_key in (select project_key from marts.fct_project_milestones where report_file like '000_%')
          and project_key in (select project_key from marts.fct_project_milestones where report_file like '002_%')""")
    (n_cross,) = query(seeds_warehouse, "select count(*) from marts.dim_projects where n_reports > 1")[0]
    assert cross == [(n_cross,)] and n_cross >= 20  # only 大渡口 has two reports among the seeds


def test_investment_plans_hold_the_2022_dadukou_arrangement(seeds_warehouse, query):
    rows = query(seeds_warehouse, """
        select scope, kind, parent_scope, measure, value_raw, value_num, unit, value_yi
        from marts.fct_investment_plans
        where report_file like '000_%' and period_year = 2022 and is_plan and source_line = 516
        order by investment_figure_id""")
    # 000 line 516 (（二）重点项目安排): 2022年全区拟实施建设项目231个，总投资1872.2亿元，年度计划投资209亿元，
    # 其中市级投资项目49个、计划投资31.9亿元；… 按行业分：产业项目有38个，计划投资27.2亿元，占13%；…
    assert rows[:3] == [
        ("建设项目", None, None, "project_count", "231个", 231.0, "个", None),
        ("建设项目", None, None, "total_investment", "1872.2亿元", 1872.2, "亿元", 1872.2),
        ("建设项目", None, None, "annual_planned_investment", "209亿元", 209.0, "亿元", 209.0),
    ]
    assert ("市级投资项目", None, "建设项目", "annual_planned_investment", "31.9亿元", 31.9, "亿元", 31.9) in rows
    assert ("建设项目", "产业项目", None, "investment_share", "13%", 13.0, "%", None) in rows
    # the parts by investor add up to the stated annual plan (31.9 + 46.6 + 130.5 = 209)
    parts = [r[7] for r in rows if r[2] == "建设项目" and r[3] == "annual_planned_investment"]
    assert len(parts) == 3 and round(sum(parts), 1) == 209.0


def test_investment_plans_hold_review_figures_with_the_review_year(seeds_warehouse, query):
    rows = query(seeds_warehouse, """
        select period_year, is_plan, scope, kind, value_num, source_line
        from marts.fct_investment_plans
        where report_file like '003_%' and measure = 'completed_investment'
        order by source_line, investment_figure_id""")
    # 003 line 18: 2021年安排“四重”项目27个，…完成投资16.66亿元…；分领域看，重大民生工程完成投资5.51亿元…
    assert (2021, False, "“四重”项目", None, 16.66, 18) in rows
    assert (2021, False, "“四重”项目", "重大民生工程", 5.51, 18) in rows
