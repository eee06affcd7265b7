-- Key-project aggregates with their report's context: the unit of work of the incremental fact model.
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
