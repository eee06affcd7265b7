{{ config(materialized='table') }}
-- One row per name variant (district, match_key, phase) with the project it belongs to: the connected
-- component of the matching pairs (int_project_name_pairs.is_match), so A~B and B~C put A, B and C together.
-- Built once per run as a table because both dim_projects and fct_project_milestones read it.
-- project_key is derived from the component's smallest variant: stable while that variant stays in the warehouse.
--
-- Only the variants that take part in a match need the graph walk (a few per cent of them); every other
-- variant is a project of its own. The walk runs over the matching edges alone, materialized once, so its cost
-- follows the number of matches, not the number of variants.
with recursive variants as (
    select distinct district, match_key || '#' || coalesce(phase, '') as node, match_key, coalesce(phase, '') as phase
    from {{ ref('int_project_names') }}
    where district is not null
),

matches as materialized (
    select district, key_a || '#' || coalesce(phase, '') as a, key_b || '#' || coalesce(phase, '') as b
    from {{ ref('int_project_name_pairs') }}
    where is_match
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
)

select
    v.district,
    v.match_key,
    nullif(v.phase, '') as phase,
    substr(md5(v.district || '|' || coalesce(c.root, v.node)), 1, 16) as project_key,
    coalesce(c.n_variants, 1) as n_variants
from variants as v
left join components as c using (district, node)
