"""The user's read-only commands and examples: `devplan status`, `devplan query`, examples/queries.sql, and the
metadata the marts carry in the Dagster UI (row counts, previews, the target-vs-actual chart)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from .conftest import ROOT, run_devplan

EXAMPLES = ROOT / "examples" / "queries.sql"


@pytest.mark.e2e  # builds the seeds warehouse
def test_status_lists_reports_last_build_and_no_errors(seeds_warehouse):
    proc = run_devplan("status", "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "5 report(s), 4 district(s)" in out
    assert "大渡口区" in out and "004_ca4af411ed0e9611.txt" in out
    assert "last load" in out and "no rejected files" in out
    assert "serving.duckdb" in out and "loaded" in out  # the serving copy and the report events


def test_status_and_query_tell_the_user_to_build_first(tmp_path):
    missing = tmp_path / "nowhere" / "warehouse.duckdb"
    for args in (["status"], ["query", "select 1"]):
        proc = run_devplan(*args, "--warehouse", str(missing))
        assert proc.returncode == 1
        assert "run `devplan build" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.e2e  # builds the seeds warehouse
def test_query_reads_the_serving_copy_read_only(seeds_warehouse):
    proc = run_devplan("query", "select district, n_reports from marts.dim_districts order by district",
                       "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 0, proc.stderr
    assert "serving.duckdb" in proc.stderr and "大渡口区" in proc.stdout and "n_reports" in proc.stdout
    # raw tables live in the warehouse only: a clear hint, and --source warehouse reads them
    proc = run_devplan("query", "select count(*) as n from raw.reports", "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 1 and "--source warehouse" in proc.stderr
    proc = run_devplan("query", "select count(*) as n from raw.reports", "--source", "warehouse", "--format", "json",
                       "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"n": 5}]
    # read-only: a write is refused and nothing changes
    proc = run_devplan("query", "delete from marts.dim_reports", "--source", "warehouse", "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 1 and "read-only" in proc.stderr


@pytest.mark.e2e  # builds the seeds warehouse
def test_query_falls_back_to_the_warehouse_without_a_serving_copy(seeds_warehouse, tmp_path):
    wh = tmp_path / "warehouse.duckdb"
    shutil.copy(seeds_warehouse, wh)  # no serving.duckdb beside it
    proc = run_devplan("query", "select count(*) as n from marts.dim_reports", "--format", "csv", "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["n", "5"]


@pytest.mark.e2e  # builds the seeds warehouse
def test_example_queries_run_against_the_serving_copy(seeds_warehouse):
    """examples/queries.sql, statement by statement, as `duckdb serving.duckdb < examples/queries.sql` runs it."""
    serving = seeds_warehouse.with_name("serving.duckdb")
    assert serving.exists()
    con = duckdb.connect(str(serving), read_only=True)
    try:
        statements = con.extract_statements(EXAMPLES.read_text(encoding="utf-8"))
        assert len(statements) >= 6
        results = [con.execute(s.query).fetchall() for s in statements]
    finally:
        con.close()
    gdp, missed, scorecard, completed = results[:4]
    assert any(r[0] == "大渡口区" and r[1] == 2021 and r[4] is True for r in gdp)  # GDP growth target met
    assert missed and all(r[4] is not None and r[5] is not None for r in missed)
    assert scorecard
    assert len({r[1] for r in completed}) == 7  # the README's seven projects of 大渡口区's 2022 plan


@pytest.mark.e2e  # builds the seeds warehouse
def test_example_queries_run_through_devplan_query(seeds_warehouse):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_HOME"))}
    proc = subprocess.run([sys.executable, "-m", "cli", "query", "-", "--warehouse", str(seeds_warehouse)],
                          cwd=ROOT, env=env, input=EXAMPLES.read_text(encoding="utf-8"), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("┌") >= 6


@pytest.mark.e2e  # builds the seeds warehouse
def test_mart_metadata_previews_and_chart(seeds_warehouse, tmp_path):
    import base64

    import duckdb

    from orchestration.dbt.metadata import mart_metadata

    wh = tmp_path / "warehouse.duckdb"
    shutil.copy(seeds_warehouse, wh)
    con = duckdb.connect(str(wh), read_only=True)
    try:
        meta = mart_metadata(con, wh, ["marts.dim_reports", "marts.mart_target_vs_actual", "marts.no_such_table"])
        ids = {f for (f,) in con.execute("select report_id from marts.dim_reports").fetchall()}
    finally:
        con.close()
    assert set(meta) == {"marts.dim_reports", "marts.mart_target_vs_actual"}
    reports = meta["marts.dim_reports"]
    assert reports["dagster/row_count"].value == 5
    # the UI's Columns table: every column with its type
    types = {c.name: c.type for c in reports["dagster/column_schema"].schema.columns}
    assert types["report_id"] == "varchar" and types["review_year"] in {"integer", "bigint"}
    preview = reports["preview"]
    assert [c.name for c in preview.schema.columns] == list(types)
    assert {r.data["report_id"] for r in preview.records} == ids
    tva = meta["marts.mart_target_vs_actual"]
    assert tva["targets_met"].value + tva["targets_missed"].value > 0
    # one chart: a PNG beside the warehouse, shown inline in the UI
    png = Path(tva["target_vs_actual_png"].value)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    inline = tva["target_vs_actual_chart"].value
    assert base64.b64decode(inline.split("base64,", 1)[1].rstrip(")")) == png.read_bytes()


def test_the_table_printer_aligns_chinese_in_terminal_columns(capsys):
    from cli.output import print_table, width

    print_table([("district", 10, False), ("n", 4, True)], [("大渡口区", 121), ("渝北区", 9), ("x", None)])
    lines = capsys.readouterr().out.splitlines()
    assert [width(line) for line in lines] == [15, 15, 15, 1]  # trailing blanks (an empty figure) are stripped
    assert [line[-3:].strip() for line in lines[1:3]] == ["121", "9"]
