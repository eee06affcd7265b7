{{ config(severity="warn") }}
-- At least 90 % of table indicator values should carry a canonical code; below that, grow the synonym seed.
select count(*) filter (where indicator_code is not null) * 1.0 / count(*) as coded_share
from {{ ref('fct_indicators') }}
where source = 'table'
having count(*) > 0 and count(*) filter (where indicator_code is not null) * 1.0 / count(*) < 0.9
