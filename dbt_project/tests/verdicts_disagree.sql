{{ config(severity='warn') }}
-- Information for users, not an error to hide: every district × year × indicator where the verdict computed
-- from the numbers differs from the report's own 是/否 (estimates, unit slips, or generous reporting).
select
    district,
    period_year,
    indicator_name,
    target_value_raw,
    actual_value_raw,
    met_computed,
    met_reported,
    actual_report_file,
    actual_source_line
from {{ ref('mart_target_vs_actual') }}
where met_computed is not null and met_reported is not null and met_computed <> met_reported
