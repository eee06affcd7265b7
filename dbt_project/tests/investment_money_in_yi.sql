-- value_yi is the money figure in 亿元: set for money units, empty for counts and rates.
select investment_figure_id, unit, value_yi
from {{ ref('fct_investment_plans') }}
where (unit in ('万亿元', '亿元', '万元', '元')) <> (value_yi is not null)
