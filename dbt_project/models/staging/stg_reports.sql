select
    report_id,
    report_file,
    sha256,
    size as size_bytes,
    metadata ->> 'city' as city,
    metadata ->> 'district' as district,
    metadata ->> 'doc_type' as doc_type,
    try_cast(metadata ->> 'review_year' as integer) as review_year,
    try_cast(metadata ->> 'plan_year' as integer) as plan_year,
    metadata ->> 'title' as title,
    try_cast(metadata ->> 'title_line' as integer) as title_line,
    metadata ->> 'extractor_version' as extractor_version,
    ingested_at
from {{ source('raw', 'reports') }}
