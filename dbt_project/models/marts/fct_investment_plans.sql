{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports() }}",
    on_schema_change='append_new_columns'
) }}
-- depends_on: {{ ref('stg_reports') }}
-- One row per key-project aggregate a report states in prose. Incremental by report, like fct_projects.
-- The columns are the intermediate model's, pinned with their types by the contract in fct_investment_plans.yml.
select *  -- noqa: AM04
from {{ ref('int_investment_figures') }}
{% if is_incremental() %}
where report_id in ({{ stale_report_ids(this) }})
{% endif %}
