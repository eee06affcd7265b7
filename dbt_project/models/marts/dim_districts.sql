-- One row per district (or county) with the span of years its reports cover.
select
    district,
    any_value(city) as city,
    count(*) as n_reports,
    min(coalesce(review_year, plan_year)) as first_year,
    max(plan_year) as last_plan_year
from {{ ref('stg_reports') }}
where district is not null
group by district
