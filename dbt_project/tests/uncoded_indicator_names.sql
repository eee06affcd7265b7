{{ config(severity='warn') }}
-- Table indicator names with no canonical code yet: add them to seeds/indicator_synonyms.csv.
select indicator_name, count(*) as n_values, count(distinct report_id) as n_reports
from {{ ref('fct_indicators') }}
where source = 'table' and indicator_code is null
group by indicator_name
