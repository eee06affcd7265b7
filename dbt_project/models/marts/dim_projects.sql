{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_districts_not_copied(ref('int_projects')) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per district × project, over every report held: the rows int_projects keeps up to date district by
-- district, without its bookkeeping column (the marts' columns are a contract).
-- Incremental: the districts copied from another version of the source than the source holds now are rewritten
-- (macro delete_districts_not_copied: intermediate.dim_projects__copied_versions records the versions copied).
select
    project_key,
    district,
    project_name,
    match_key,
    phase,
    first_seen_year,
    last_seen_year,
    latest_stage,
    latest_report_file,
    n_mentions,
    n_reports,
    name_variants
from {{ ref('int_projects') }}
{{ where_district_not_held(input=ref('int_projects')) }}
