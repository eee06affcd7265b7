"""The bulk load (warehouse/bulk.py): every record field in its own column, numbered in order, and a failed insert
leaves the last good version of every report."""
from dataclasses import fields
from pathlib import Path

import duckdb
import pytest

from ingestion.process import process_report
from warehouse.bulk import TableRows
from warehouse.connection import connect
from warehouse.load import load_batch
from warehouse.schema import TABLES

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

FACTS = {  # raw table → (Extraction attribute, numbering column)
    "indicator_rows": ("indicators", "row_no"),
    "project_items": ("projects", "item_no"),
    "investment_plans": ("investments", "item_no"),
    "report_parts": ("parts", "part_no"),
}


def table_rows(con, name: str, report_id: str) -> list[dict]:
    cols = TABLES[name].column_names
    number = FACTS[name][1]
    rows = con.execute(f"select {', '.join(cols)} from raw.{name} where report_id = ? order by {number}",
                       [report_id]).fetchall()
    return [dict(zip(cols, r)) for r in rows]


def test_every_record_field_lands_in_its_column_in_record_order(tmp_path):
    processed = [process_report(p.name, p.read_bytes()) for p in SEEDS[:3]]
    con = connect(tmp_path / "w.duckdb")
    try:
        summary = load_batch(con, processed)
        assert summary.loaded == sorted(p.report_file for p in processed)
        for p in processed:
            for name, (attr, number) in FACTS.items():
                records = getattr(p.extraction, attr)
                rows = table_rows(con, name, p.report_file)
                assert len(rows) == len(records), (p.report_file, name)
                for i, (row, rec) in enumerate(zip(rows, records), start=1):
                    assert row[number] == i and row["report_id"] == p.report_file
                    for f in fields(rec):
                        value = getattr(rec, f.name)
                        assert row[f.name] == value or (value is None and row[f.name] is None), (name, f.name)
        assert summary.indicator_rows == sum(len(p.extraction.indicators) for p in processed) > 0
        events = con.execute("select report_file, event from raw.report_events order by report_file").fetchall()
        assert events == [(p.report_file, "loaded") for p in sorted(processed, key=lambda p: p.report_file)]
    finally:
        con.close()


def snapshot(con) -> dict[str, list]:
    return {name: con.execute(f"select * exclude (ingested_at) from raw.{name} order by all").fetchall()
            if name == "reports" else con.execute(f"select * from raw.{name} order by all").fetchall()
            for name in ("reports", "report_events", "report_versions", "ingest_errors", *FACTS)}


@pytest.mark.parametrize("failing", ["reports", "indicator_rows", "project_items", "report_parts", "report_events"])
def test_a_failing_bulk_insert_loses_nothing(tmp_path, monkeypatch, failing):
    """A new version of two reports whose insert fails midway (disk full, a type DuckDB refuses) leaves the
    previous version of both exactly as it was, and a later load goes through."""
    names = [p.name for p in SEEDS[:2]]
    con = connect(tmp_path / "w.duckdb")
    try:
        load_batch(con, [process_report(n, (SEEDS[0].parent / n).read_bytes()) for n in names])
        before = snapshot(con)
        changed = [process_report(n, (SEEDS[0].parent / n).read_bytes() + "\n（补充）\n".encode()) for n in names]

        real_insert = TableRows.insert

        def insert(self, c):
            if self.table.name == failing:
                raise duckdb.IOException("injected: no space left on device")
            return real_insert(self, c)

        monkeypatch.setattr(TableRows, "insert", insert)
        with pytest.raises(duckdb.IOException):
            load_batch(con, changed)
        assert snapshot(con) == before

        monkeypatch.setattr(TableRows, "insert", real_insert)
        assert load_batch(con, changed).loaded == sorted(names)
        assert {sha for (sha,) in con.execute("select sha256 from raw.reports").fetchall()} == {p.sha256 for p in changed}
    finally:
        con.close()


def test_a_column_the_table_lacks_is_an_error_and_a_missing_one_is_null():
    rows = TableRows(TABLES["report_events"])
    with pytest.raises(KeyError, match="no column"):
        rows.add(report_file="a.txt", colour="red")
    rows.add(report_file="a.txt", event="deleted")
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute(TABLES["report_events"].ddl())
    assert rows.insert(con) == 1
    assert con.execute("select report_file, sha256, event, detail from raw.report_events").fetchall() == \
        [("a.txt", None, "deleted", None)]
