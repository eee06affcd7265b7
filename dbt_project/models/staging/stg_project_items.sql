select
    report_id,
    cast(item_no as integer) as item_no,
    list_title,
    cast(period_year as integer) as period_year,
    category,
    stage_raw,
    stage,
    project_name,
    cast(source_line as integer) as source_line
from {{ source('raw', 'project_items') }}
