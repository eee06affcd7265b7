-- One row per canonical indicator: labels, canonical unit, kind and which way is better, with how often the
-- corpus reports it and under which printed names.
with seen as (
    select
        indicator_code,
        count(*) as n_values,
        count(distinct report_id) as n_reports,
        count(distinct district) as n_districts,
        string_agg(distinct indicator_name, '；' order by indicator_name) as names_seen
    from {{ ref('fct_indicators') }}
    where indicator_code is not null
    group by indicator_code
)
select
    c.indicator_code,
    c.label_zh,
    c.label_en,
    c.canonical_unit,
    c.kind,
    c.direction,
    coalesce(s.n_values, 0) as n_values,
    coalesce(s.n_reports, 0) as n_reports,
    coalesce(s.n_districts, 0) as n_districts,
    s.names_seen
from {{ ref('indicator_codes') }} as c
left join seen as s using (indicator_code)
