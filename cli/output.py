"""The per-report summary printed at the end of a build."""
from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.lock import writer_lock

_SQL = """
select r.report_file, r.district, r.doc_type, r.review_year, r.plan_year,
       (select count(*) from marts.fct_indicators i where i.report_id = r.report_id) as indicators,
       (select count(*) from marts.fct_projects p where p.report_id = r.report_id) as projects
from marts.dim_reports r order by r.report_file
"""


def print_summary(warehouse: Path) -> int:
    """Print one line per report and one per rejected file; return the number of rejected files."""
    with writer_lock(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            reports = con.execute(_SQL).fetchall()
            errors = con.execute("select report_file, stage, message from raw.ingest_errors order by report_file").fetchall()
        finally:
            con.close()
    header = f"{'report':<34} {'district':<10} {'type':<15} {'review':>6} {'plan':>5} {'indicators':>10} {'projects':>8}"
    print(header)
    print("-" * len(header))
    for f, district, doc_type, ry, py, n_ind, n_proj in reports:
        print(f"{f[:34]:<34} {district or '?':<10} {doc_type or '?':<15} {ry or '':>6} {py or '':>5} {n_ind:>10} {n_proj:>8}")
    print(f"{len(reports)} report(s) in the warehouse")
    if errors:
        print(f"{len(errors)} file(s) rejected:")
        for f, stage, message in errors:
            print(f"  ✗ {f} [{stage}] {message}")
    return len(errors)
