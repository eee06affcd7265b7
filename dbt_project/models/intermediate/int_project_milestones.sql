{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_districts(held_district_versions(ref('int_project_mention_keys'))) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per project × report × year × stage (fct_project_milestones' rows), incremental by district
-- (macros/stale_districts.sql): a new report can join projects of older reports, so its district's milestones
-- are rebuilt, not only its own. Several mentions of the same project, year and stage in one report (two
-- lists) are one milestone; the first mention gives its list, words and line.
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
    count(*) as n_mentions,
    any_value(district_version) as district_version
from {{ ref('int_project_mention_keys') }}
{{ where_district_not_held(input=ref('int_project_mention_keys')) }}
group by project_key, district, report_id, report_file, period_year, is_plan, stage
