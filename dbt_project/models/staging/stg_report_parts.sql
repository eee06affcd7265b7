select
    report_id,
    part_no,
    kind,
    title,
    source_line,
    rows_seen,
    facts_read,
    problem,
    problem is not null as has_problem
from {{ source('raw', 'report_parts') }}
