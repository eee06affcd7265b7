{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_districts_not_copied(ref('int_target_vs_actual')) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per district × year × indicator: target, actual, met_computed / met_reported and the next year's
-- target. The rows int_target_vs_actual keeps up to date district by district (the logic is there), without its
-- bookkeeping column (the marts' columns are a contract).
-- Incremental: the districts copied from another version of the source than the source holds now are rewritten
-- (macro delete_districts_not_copied: intermediate.mart_target_vs_actual__copied_versions records the versions
-- copied).
select
    target_actual_id,
    district,
    period_year,
    indicator_key,
    indicator_code,
    indicator_name,
    unit,
    target_value_raw,
    target_value_num,
    target_comparator,
    target_report_file,
    target_source_line,
    actual_value_raw,
    actual_value_num,
    actual_comparator,
    actual_report_file,
    actual_source_line,
    met_reported,
    met_computed,
    next_year_target_value_raw,
    next_year_target_value_num,
    next_year_target_comparator,
    next_year_target_report_file
from {{ ref('int_target_vs_actual') }}
{{ where_district_not_held(input=ref('int_target_vs_actual')) }}
