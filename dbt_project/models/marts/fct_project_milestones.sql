{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_districts_not_copied(ref('int_project_milestones')) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per project × report × year × stage: what each report says about each project. A project planned
-- to start in one year (a plan list of one report) and reported completed (the review list of a later report)
-- is two rows with the same project_key, so following a project is a self-join on project_key (README:
-- "Tracking projects"). The rows int_project_milestones keeps up to date district by district, without its
-- bookkeeping column (the marts' columns are a contract).
-- Incremental: the districts copied from another version of the source than the source holds now are rewritten
-- (macro delete_districts_not_copied: intermediate.fct_project_milestones__copied_versions records the versions).
select
    milestone_id,
    project_key,
    district,
    report_id,
    report_file,
    period_year,
    is_plan,
    stage,
    stage_raw,
    list_title,
    project_name,
    source_line,
    n_mentions
from {{ ref('int_project_milestones') }}
{{ where_district_not_held(input=ref('int_project_milestones')) }}
