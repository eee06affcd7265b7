{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports() }}",
    on_schema_change='append_new_columns'
) }}
-- One row per key-project aggregate a report states in prose. Incremental by report, like fct_projects.
select
    i.report_id || ':' || lpad(cast(i.item_no as varchar), 5, '0') as investment_figure_id,
    i.report_id,
    r.report_file,
    r.district,
    i.period_year,
    i.period_year = r.plan_year as is_plan,
    i.section_heading,
    i.scope,
    i.kind,
    i.parent_scope,
    i.measure,
    i.measure_raw,
    i.stage,
    i.value_raw,
    i.value_num,
    i.unit,
    i.value_yi,
    i.source_line,
    r.ingested_at
from {{ ref('stg_investment_plans') }} as i
join {{ ref('stg_reports') }} as r using (report_id)
{% if is_incremental() %}
where i.report_id in ({{ stale_report_ids(this) }})
{% endif %}
