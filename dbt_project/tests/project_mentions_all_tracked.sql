-- Every project mention reaches exactly one project milestone: none is lost or doubled on the way from
-- fct_projects to the project marts (a mention whose district or name key found no project would be lost).
with tracked as (
    select coalesce(sum(n_mentions), 0) as n from {{ ref('fct_project_milestones') }}
)
select (select count(*) from {{ ref('fct_projects') }}) as mentions, tracked.n as tracked
from tracked
where tracked.n <> (select count(*) from {{ ref('fct_projects') }})
