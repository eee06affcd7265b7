-- Project mentions with their report's context: the unit of work of the incremental fact model.
select
    p.report_id || ':' || lpad(cast(p.item_no as varchar), 5, '0') as project_mention_id,
    p.report_id,
    r.report_file,
    r.district,
    p.period_year,
    p.period_year = r.plan_year as is_plan,
    p.list_title,
    p.category,
    p.stage_raw,
    p.stage,
    p.project_name,
    p.source_line,
    r.ingested_at
from {{ ref('stg_project_items') }} as p
join {{ ref('stg_reports') }} as r using (report_id)
