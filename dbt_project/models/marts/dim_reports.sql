-- One row per report currently in the reports folder.
select
    report_id,
    report_file,
    sha256,
    city,
    district,
    doc_type,
    review_year,
    plan_year,
    title,
    title_line,
    size_bytes,
    extractor_version,
    ingested_at
from {{ ref('stg_reports') }}
