{{ config(materialized='table') }}
-- One row per name variant (district, match_key, phase) with the project it belongs to: the connected
-- component of the matching pairs (int_project_name_pairs.is_match), so A~B and B~C put A, B and C together.
-- Built once per run as a table because both dim_projects and fct_project_milestones read it.
-- project_key is derived from the component's smallest variant: stable while that variant stays in the warehouse.
with recursive variants as (
    select distinct district, match_key || '#' || coalesce(phase, '') as node, match_key, coalesce(phase, '') as phase
    from {{ ref('int_project_names') }}
    where district is not null
),

edges as (
    select district, key_a || '#' || coalesce(phase, '') as a, key_b || '#' || coalesce(phase, '') as b
    from {{ ref('int_project_name_pairs') }}
    where is_match
    union all
    select district, key_b || '#' || coalesce(phase, ''), key_a || '#' || coalesce(phase, '')
    from {{ ref('int_project_name_pairs') }}
    where is_match
),

reach (district, node, root) as (
    select district, node, node from variants
    union
    select e.district, e.b, r.root
    from reach as r
    join edges as e on e.district = r.district and e.a = r.node
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
    substr(md5(v.district || '|' || c.root), 1, 16) as project_key,
    c.n_variants
from variants as v
join components as c using (district, node)
