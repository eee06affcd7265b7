select
    report_id,
    cast(item_no as integer) as item_no,
    section_heading,
    cast(period_year as integer) as period_year,
    scope,
    kind,
    parent_scope,
    measure,
    measure_raw,
    stage,
    value_raw,
    cast(value_num as double) as value_num,
    unit,
    cast(value_yi as double) as value_yi,
    cast(source_line as integer) as source_line
from {{ source('raw', 'investment_plans') }}
