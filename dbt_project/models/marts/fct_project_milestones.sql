-- One row per project × report × year × stage: what each report says about each project. A project planned
-- to start in one year (a plan list of one report) and reported completed (the review list of a later report)
-- is two rows with the same project_key, so following a project is a self-join on project_key (README:
-- "Tracking projects").
-- Several mentions of the same project, year and stage in one report (two lists) are one milestone; the first
-- mention gives its list, words and line.
select
    project_key || ':' || report_id || ':' || coalesce(cast(period_year as varchar), '') || ':' || stage
        as milestone_id,
    project_key,
    district,
    report_id,
    report_file,
    period_year,
    is_plan,
    stage,
    first(stage_raw order by source_line, project_mention_id) as stage_raw,
    first(list_title order by source_line, project_mention_id) as list_title,
    first(project_name order by source_line, project_mention_id) as project_name,
    min(source_line) as source_line,
    count(*) as n_mentions
from {{ ref('int_project_mention_keys') }}
group by project_key, district, report_id, report_file, period_year, is_plan, stage
