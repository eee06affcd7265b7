{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports() }}",
    on_schema_change='append_new_columns'
) }}
-- depends_on: {{ ref('stg_reports') }}
-- One row per project mention. Incremental by report, like fct_indicators.
-- The columns are the intermediate model's, pinned with their types by the contract in fct_projects.yml.
select *  -- noqa: AM04
from {{ ref('int_project_mentions') }}
{% if is_incremental() %}
where report_id in ({{ stale_report_ids(this) }})
{% endif %}
