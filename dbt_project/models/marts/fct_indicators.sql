{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports(coded=true) }}",
    on_schema_change='append_new_columns'
) }}
-- depends_on: {{ ref('stg_reports') }}
-- depends_on: {{ ref('int_indicator_synonyms') }}
-- One row per indicator value. Incremental by report: only reports loaded since the last build (or coded
-- with an older synonym seed) are (re)inserted, so adding one report costs the same whatever the warehouse holds.
-- The columns are the intermediate model's, pinned with their types by the contract in fct_indicators.yml.
select *  -- noqa: AM04
from {{ ref('int_indicator_values') }}
{% if is_incremental() %}
where report_id in ({{ stale_report_ids(this, coded=true) }})
{% endif %}
