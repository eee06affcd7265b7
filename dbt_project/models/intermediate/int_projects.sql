{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_districts(held_district_versions(ref('int_project_mention_keys'))) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per district × project (dim_projects' rows), incremental by district (macros/stale_districts.sql): the
-- districts whose mention keys were rebuilt are summarised again. Mentions are the same project when their
-- names match exactly after normalisation or fuzzily (int_project_name_pairs); "latest" means the latest year
-- the project is mentioned for, a review of that year before a plan for it, then the newer report, then the
-- furthest stage (the first line and mention break what is left of a tie).
with mentions as (
    select *
    from {{ ref('int_project_mention_keys') }}
    {{ where_district_not_held(input=ref('int_project_mention_keys')) }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by project_key, district
            order by
                period_year desc nulls last,
                is_plan asc,
                report_plan_year desc,
                stage_rank desc,
                source_line asc,
                project_mention_id asc
        ) as recency
    from mentions
)

select
    project_key,
    district,
    any_value(project_name) filter (where recency = 1) as project_name,
    any_value(match_key) filter (where recency = 1) as match_key,
    any_value(phase) as phase,
    min(period_year) as first_seen_year,
    max(period_year) as last_seen_year,
    any_value(stage) filter (where recency = 1) as latest_stage,
    any_value(report_file) filter (where recency = 1) as latest_report_file,
    count(*) as n_mentions,
    count(distinct report_id) as n_reports,
    list_sort(list_distinct(list(project_name))) as name_variants,
    any_value(district_version) as district_version
from ranked
group by project_key, district
