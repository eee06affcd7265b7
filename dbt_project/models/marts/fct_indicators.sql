{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports() }}",
    on_schema_change='append_new_columns'
) }}
-- depends_on: {{ ref('stg_reports') }}
-- One row per indicator value. Incremental by report: only reports loaded since the last build are
-- (re)inserted, so adding one report costs the same whatever the warehouse holds.
select *
from {{ ref('int_indicator_values') }}
{% if is_incremental() %}
where report_id in ({{ stale_report_ids(this) }})
{% endif %}
