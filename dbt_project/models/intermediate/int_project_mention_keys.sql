{{ config(materialized='table') }}
-- Every project mention with its project_key and what ordering "most recent" needs: the input of the project
-- marts. Stages are ranked so that, within one report year, the furthest stage reached counts as the latest.
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
    r.plan_year as report_plan_year
from {{ ref('int_project_names') }} as n
join {{ ref('int_project_keys') }} as k
    on n.district = k.district
    and n.match_key = k.match_key
    and coalesce(n.phase, '') = coalesce(k.phase, '')
join {{ ref('stg_reports') }} as r using (report_id)
