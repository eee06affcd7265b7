select
    report_file,
    sha256,
    stage,
    message,
    first_seen,
    last_seen
from {{ source('raw', 'ingest_errors') }}
