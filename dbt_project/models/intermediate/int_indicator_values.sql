-- Indicator values with their report's context and canonical indicator code: the unit of work of the
-- incremental fact model.
with synonyms as (
    select name_key, any_value(indicator_code) as indicator_code
    from {{ ref('int_indicator_synonyms') }}
    group by name_key
)
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
    s.indicator_code,
    i.unit,
    i.attribute,
    i.value_raw,
    i.value_num,
    i.comparator,
    case when i.measure = 'actual' then i.achieved end as achieved,
    i.period_year = r.plan_year as is_plan,
    i.column_header,
    i.source_line,
    r.ingested_at,
    (select any_value(v.coding_version) from {{ ref('int_indicator_synonyms') }} as v) as coding_version
from {{ ref('stg_indicator_rows') }} as i
join {{ ref('stg_reports') }} as r using (report_id)
left join synonyms as s on s.name_key = {{ indicator_name_key('i.indicator_name') }}
