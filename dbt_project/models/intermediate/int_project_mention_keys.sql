{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_districts(report_district_versions(ref('int_project_names'))) }}",
    on_schema_change='append_new_columns'
) }}
-- Every project mention with its project and what ordering "most recent" needs: the input of the project marts.
-- Incremental by district (macros/stale_districts.sql): a district's projects are rebuilt when one of its
-- reports is loaded, reloaded or removed, since a new name can join two projects of older reports.
--
-- A project is a connected component of the matching name pairs (int_project_name_pairs.is_match) over the
-- district's name variants (match_key, phase), so A~B and B~C put A, B and C together. project_key is derived
-- from the component's smallest variant: stable while that variant stays in the warehouse. Only the variants
-- that take part in a match need the graph walk (a few per cent of them); every other variant is a project of
-- its own. The walk runs over the matching edges alone, materialized once, so its cost follows the number of
-- matches, not the number of variants.
-- Stages are ranked so that, within one report year, the furthest stage reached counts as the latest.
-- the districts to key this run: all of them on a full build, else those not held (new, or deleted as stale)
with recursive todo as (
    {{ districts_to_build(ref('int_project_names')) }}
),

names as (
    select n.*, t.district_version
    from {{ ref('int_project_names') }} as n
    join todo as t using (district)
),

variants as (
    select distinct district, match_key || '#' || coalesce(phase, '') as node, match_key, coalesce(phase, '') as phase
    from names
),

matches as materialized (
    select district, key_a || '#' || coalesce(phase, '') as a, key_b || '#' || coalesce(phase, '') as b
    from {{ ref('int_project_name_pairs') }}
    where is_match and district in (select v.district from variants as v)
),

edges as materialized (
    select district, a, b from matches
    union all
    select district, b, a from matches
),

reach (district, node, root) as (
    select distinct district, a as node, a as root from edges
    union
    select e.district, e.b, r.root
    from reach as r
    join edges as e on r.district = e.district and r.node = e.a
),

components as (
    select district, node, min(root) as root, count(*) as n_variants
    from reach
    group by district, node
),

project_keys as (
    select
        v.district,
        v.match_key,
        v.phase,
        substr(md5(v.district || '|' || coalesce(c.root, v.node)), 1, 16) as project_key,
        coalesce(c.n_variants, 1) as n_variants
    from variants as v
    left join components as c using (district, node)
)

select
    k.project_key,
    n.project_mention_id,
    n.report_id,
    n.report_file,
    n.district,
    n.period_year,
    n.is_plan,
    n.list_title,
    n.category,
    n.stage_raw,
    n.stage,
    case n.stage
        when 'completed' then 5
        when 'ongoing' then 4
        when 'started' then 3
        when 'preparatory' then 2
        else 1
    end as stage_rank,
    n.project_name,
    n.source_line,
    n.match_key,
    n.phase,
    r.plan_year as report_plan_year,
    k.n_variants,
    n.district_version
from names as n
join project_keys as k
    on n.district = k.district
    and n.match_key = k.match_key
    and coalesce(n.phase, '') = k.phase
join {{ ref('stg_reports') }} as r using (report_id)
