{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_districts(target_vs_actual_district_versions()) }}",
    on_schema_change='append_new_columns'
) }}
-- One row per district × year × indicator: what was promised, what was delivered, whether the numbers say the
-- target was met (met_computed, from the target's comparator) and whether the report says so (met_reported),
-- and the next year's target when a later report gives it. The rows of mart_target_vs_actual, with the version
-- of the inputs they were built from.
--
-- Indicators are matched by canonical code, else by the normalized printed name. When several reports state
-- a value for the same year, tables win over prose; a target comes preferably from the report that planned
-- that year, an actual preferably from the report that reviewed it (the latest such report).
--
-- Incremental by district (macros/target_vs_actual_version.sql): only the districts whose reports were loaded,
-- reloaded or removed (or every district, after a change to either seed) are computed again. District
-- granularity is exact: every step below looks within one district only. The preference ranking is partitioned
-- by district (and year, indicator, measure), targets and actuals are paired on district, the next year's target
-- is joined on district. What districts share are the two seeds (indicator_codes' directions, joined by code, and
-- the synonyms that coded the values), and both are in every district's version.
-- It reads int_indicator_values and stg_reports, the inputs of fct_indicators and dim_reports: an intermediate
-- model reads no mart.
-- the districts to build this run: all of them on a full build, else those not held (new, or deleted as stale)
with todo as (
    select v.district, v.district_version
    from ({{ target_vs_actual_district_versions() }}) as v
    {{ where_district_not_held('v.district') }}
),

-- their reports: the values are selected by report_id, which DuckDB pushes into the scan of the values' raw rows
-- (a join on the view's district column would code every value of the warehouse first)
todo_reports as (
    select r.report_id, r.plan_year, r.review_year
    from {{ ref('stg_reports') }} as r
    join todo as t on r.district = t.district
),

values_keyed as (
    select
        f.*,
        coalesce(f.indicator_code, 'name:' || {{ indicator_name_key('f.indicator_name') }}) as indicator_key,
        r.plan_year as report_plan_year,
        r.review_year as report_review_year
    from {{ ref('int_indicator_values') }} as f
    join todo_reports as r using (report_id)
    where f.period_year is not null and f.district is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by district, period_year, indicator_key, measure
            order by
                source = 'table' desc,
                case
                    when measure = 'target' then period_year = report_plan_year
                    else period_year = report_review_year
                end desc,
                case when measure = 'actual' then ingested_at end desc nulls last,
                report_file asc,
                source_line asc
        ) as preference
    from values_keyed
),

targets as (
    select * from ranked
    where measure = 'target' and preference = 1
),

actuals as (
    select * from ranked
    where measure = 'actual' and preference = 1
),

paired as (
    select
        coalesce(t.district, a.district) as district,
        coalesce(t.period_year, a.period_year) as period_year,
        coalesce(t.indicator_key, a.indicator_key) as indicator_key,
        coalesce(t.indicator_code, a.indicator_code) as indicator_code,
        coalesce(t.indicator_name, a.indicator_name) as indicator_name,
        coalesce(t.unit, a.unit) as unit,
        t.value_raw as target_value_raw,
        t.value_num as target_value_num,
        t.comparator as target_comparator,
        t.report_file as target_report_file,
        t.source_line as target_source_line,
        a.value_raw as actual_value_raw,
        a.value_num as actual_value_num,
        a.comparator as actual_comparator,
        a.report_file as actual_report_file,
        a.source_line as actual_source_line,
        a.achieved as met_reported
    from targets as t
    full outer join actuals as a
        on t.district = a.district and t.period_year = a.period_year and t.indicator_key = a.indicator_key
)

select
    p.district || ':' || p.period_year || ':' || p.indicator_key as target_actual_id,
    p.*,
    {{ met_computed(
        'p.target_value_num', 'p.target_comparator', 'p.actual_value_num', "coalesce(c.direction, 'higher')"
    ) }} as met_computed,
    n.value_raw as next_year_target_value_raw,
    n.value_num as next_year_target_value_num,
    n.comparator as next_year_target_comparator,
    n.report_file as next_year_target_report_file,
    v.district_version
from paired as p
join todo as v on p.district = v.district
left join {{ ref('indicator_codes') }} as c on p.indicator_code = c.indicator_code
left join targets as n
    on p.district = n.district and p.period_year + 1 = n.period_year and p.indicator_key = n.indicator_key
