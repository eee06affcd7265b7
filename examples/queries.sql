-- The questions users ask of the devplan marts. Runs against the serving copy (schema marts), read-only:
--   duckdb -readonly data/serving.duckdb < examples/queries.sql
--   .venv/bin/devplan query - < examples/queries.sql        (prints each result as a table)
-- Every figure keeps its report_file and source_line: open raw.reports.text at that line to check it.

-- 1. GDP growth: target vs actual by district and year (met_computed: do the numbers meet the target;
--    met_reported: does the report say so; the next year's target when a later report gives it).
select district, period_year,
       target_value_raw, actual_value_raw, met_computed, met_reported,
       next_year_target_value_raw,
       target_report_file, target_source_line, actual_report_file, actual_source_line
from marts.mart_target_vs_actual
where indicator_code = 'gdp_growth'
order by district, period_year;

-- 2. Indicators missed: a target and an actual for the same year, and the actual falls short.
select district, period_year, indicator_name, unit,
       target_value_raw, actual_value_raw, met_reported,
       actual_report_file, actual_source_line
from marts.mart_target_vs_actual
where met_computed = false
order by district, period_year, indicator_name;

-- 3. Scorecard: how many targets each district met and missed per year.
select district, period_year,
       count(*) filter (where met_computed) as met,
       count(*) filter (where not met_computed) as missed,
       count(*) filter (where met_computed is null and target_value_num is not null) as not_yet_reviewed,
       round(100.0 * count(*) filter (where met_computed) / nullif(count(met_computed), 0), 1) as pct_met
from marts.mart_target_vs_actual
group by district, period_year
order by district, period_year;

-- 4. Projects in a plan-year list (to start, continue or finish) reported completed in a later review.
select d.district, d.project_name,
       plan.period_year as plan_year, plan.stage as planned_stage, plan.report_file as plan_report,
       done.period_year as completed_year, done.report_file as review_report, done.source_line
from marts.fct_project_milestones as plan
join marts.fct_project_milestones as done using (project_key)
join marts.dim_projects as d using (project_key)
where plan.is_plan and not done.is_plan and done.stage = 'completed' and done.period_year > plan.period_year
order by d.district, d.project_name, plan_year;

-- 5. Planned projects never reported again (no later mention of any kind): candidates to follow up.
select d.district, d.project_name, d.first_seen_year, d.latest_stage, d.latest_report_file
from marts.dim_projects as d
where d.n_reports = 1
  and exists (select 1 from marts.fct_project_milestones m where m.project_key = d.project_key and m.is_plan)
  and d.first_seen_year < (select max(last_plan_year) from marts.dim_districts x where x.district = d.district)
order by d.district, d.first_seen_year, d.project_name;

-- 6. Projects per district and stage in each year's plan.
select district, period_year, stage, count(distinct project_key) as projects
from marts.fct_project_milestones
where is_plan
group by district, period_year, stage
order by district, period_year, stage;
