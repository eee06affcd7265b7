-- One row per district × project, over every report held. Mentions are the same project when their names
-- match exactly after normalisation or fuzzily (int_project_name_pairs); "latest" means the latest year the
-- project is mentioned for, a review of that year before a plan for it, then the furthest stage.
select
    project_key,
    district,
    first(project_name order by period_year desc nulls last, is_plan, report_plan_year desc, stage_rank desc, source_line, project_mention_id)
        as project_name,
    first(match_key order by period_year desc nulls last, is_plan, report_plan_year desc, stage_rank desc, source_line, project_mention_id)
        as match_key,
    any_value(phase) as phase,
    min(period_year) as first_seen_year,
    max(period_year) as last_seen_year,
    first(stage order by period_year desc nulls last, is_plan, report_plan_year desc, stage_rank desc, source_line, project_mention_id)
        as latest_stage,
    first(report_file order by period_year desc nulls last, is_plan, report_plan_year desc, stage_rank desc, source_line, project_mention_id)
        as latest_report_file,
    count(*) as n_mentions,
    count(distinct report_id) as n_reports,
    list_sort(list_distinct(list(project_name))) as name_variants
from {{ ref('int_project_mention_keys') }}
group by project_key, district
