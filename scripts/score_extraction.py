"""Score the pure extraction against the answer key without building the warehouse.

A fast loop for extraction work: runs ingestion on every report of a folder, writes the three mart tables the
scorer reads (same column contract as the dbt marts) into a scratch DuckDB file, and runs the scorer on it.
The real figures come from scoring the warehouse that `devplan build` makes.

    python scripts/score_extraction.py [--reports seeds] [--gold ../shared/gold]
    python scripts/score_extraction.py --reports ../shared/devset/reports --gold ../shared/devset/gold [--show-errors] [--report STEM]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
sys.path.insert(0, str(ROOT))

from ingestion.process import process_report  # noqa: E402
from ingestion.records import as_rows  # noqa: E402


def build(reports: Path, db: Path) -> None:
    rep, ind, proj = [], [], []
    for path in sorted(reports.iterdir()):
        if not path.is_file():
            continue
        processed = process_report(path.name, path.read_bytes())  # every container and encoding, as the loader reads it
        if not processed.ok:
            print(f"{path.name}: rejected ({processed.error})", file=sys.stderr)
            continue
        ex = processed.extraction
        m = ex.meta
        rep.append(dict(report_file=path.name, district=m.district, doc_type=m.doc_type,
                        review_year=m.review_year, plan_year=m.plan_year, title=m.title))
        for r in as_rows(ex.indicators):
            r.update(report_file=path.name, achieved={"是": True, "否": False}.get(r.pop("achieved_raw") or ""))
            ind.append(r)
        for r in as_rows(ex.projects):
            r.update(report_file=path.name)
            proj.append(r)
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    for name, rows, cols in (("dim_reports", rep, None), ("fct_indicators", ind, ["report_file", "indicator_name", "unit", "value_num", "value_raw"]),
                             ("fct_projects", proj, ["report_file", "project_name", "period_year", "stage"])):
        df = pd.DataFrame(rows, columns=None if rows else cols)
        con.register("df", df)
        con.execute(f"create table marts.{name} as select * from df")
        con.unregister("df")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=Path, default=ROOT / "seeds")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--report")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "extraction.duckdb"
        build(a.reports, db)
        cmd = [sys.executable, str(SCORER), "--warehouse", str(db), "--gold", str(a.gold)]
        if a.show_errors:
            cmd.append("--show-errors")
        if a.report:
            cmd += ["--report", a.report]
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
