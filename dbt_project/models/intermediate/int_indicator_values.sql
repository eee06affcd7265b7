-- Indicator values with their report's context: the unit of work of the incremental fact model.
select
    i.report_id || ':' || lpad(cast(i.row_no as varchar), 5, '0') as indicator_value_id,
    i.report_id,
    r.report_file,
    r.district,
    i.period_year,
    i.measure,
    i.source,
    i.table_title,
    i.seq,
    i.category,
    i.parent_name,
    i.indicator_name,
    i.unit,
    i.attribute,
    i.value_raw,
    i.value_num,
    i.comparator,
    case when i.measure = 'actual' then i.achieved end as achieved,
    i.period_year = r.plan_year as is_plan,
    i.column_header,
    i.source_line,
    r.ingested_at
from {{ ref('stg_indicator_rows') }} as i
join {{ ref('stg_reports') }} as r using (report_id)
