"""The load in chunks (warehouse/load.py, CHUNK_REPORTS) of reports the workers send packed (ingestion/packed.py):
a batch of several chunks is still one transaction, a failure in a later chunk takes the earlier ones back, each
packed report is taken (unpickled) for its own chunk only, and packed reports load exactly the rows and the
summary the reports themselves do."""
import weakref
from dataclasses import fields

import duckdb
import pytest

import warehouse.load
from ingestion.batch import process_batch
from ingestion.packed import PackedReport, ReportRows
from ingestion.process import ProcessedReport, process_report
from warehouse.bulk import TableRows
from warehouse.connection import connect
from warehouse.load import load_batch

from ..bad_files import derived_text, good_reports, junk_files, truncated_report
from .test_bulk_load import SEEDS, snapshot

CHUNK = 2


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(warehouse.load, "CHUNK_REPORTS", CHUNK)


def seed_reports(extra: bytes = b"") -> list[ProcessedReport]:
    reports = [process_report(p.name, p.read_bytes() + extra) for p in SEEDS]
    assert len(reports) > 2 * CHUNK and all(r.ok for r in reports)
    return reports


def test_a_batch_of_several_chunks_is_one_transaction_taking_each_report_for_its_chunk_only(tmp_path, monkeypatch,
                                                                                           small_chunks):
    packed = [PackedReport.of(r) for r in seed_reports()]
    taken: list[weakref.ref] = []  # the ReportRows taken so far
    real_take, real_insert = PackedReport.take, TableRows.insert

    def take(self):
        rows = real_take(self)
        taken.append(weakref.ref(rows))
        return rows

    seen = []  # per insert into raw.reports: (rows, packed reports not taken yet, taken ones alive, transaction)

    def insert(self, con):
        if self.table.name == "reports":
            txid = con.execute("select txid_current()").fetchall()[0][0]
            alive = sum(ref() is not None for ref in taken)
            seen.append((self.count, sum(p.blob is not None for p in packed), alive, txid))
        return real_insert(self, con)

    monkeypatch.setattr(PackedReport, "take", take)
    monkeypatch.setattr(TableRows, "insert", insert)
    con = connect(tmp_path / "w.duckdb")
    try:
        summary = load_batch(con, packed)
        after = con.execute("select txid_current()").fetchall()[0][0]
        assert con.execute("select count(*) from raw.reports").fetchone()[0] == len(packed)
    finally:
        con.close()
    assert summary.loaded == sorted(p.report_file for p in packed)
    assert [rows for rows, *_ in seen] == [2, 2, 1]  # five reports in chunks of two
    assert [untaken for _, untaken, *_ in seen] == [3, 1, 0]  # a chunk's reports are taken when it is inserted
    assert all(alive <= CHUNK for _, _, alive, _ in seen)  # and dropped once it is
    assert len({txid for *_, txid in seen}) == 1 and after not in {txid for *_, txid in seen}
    with pytest.raises(ValueError, match="already taken"):
        packed[0].take()


def test_a_failure_in_a_later_chunk_takes_the_earlier_chunks_back(tmp_path, monkeypatch, small_chunks):
    con = connect(tmp_path / "w.duckdb")
    try:
        load_batch(con, seed_reports())
        before = snapshot(con)
        changed = seed_reports("\n（补充）\n".encode())
        real_insert = TableRows.insert
        inserts = []

        def insert(self, c):
            if self.table.name == "reports":
                inserts.append(self.count)
                if len(inserts) == 2:  # the second chunk
                    raise duckdb.IOException("injected: no space left on device")
            return real_insert(self, c)

        monkeypatch.setattr(TableRows, "insert", insert)
        with pytest.raises(duckdb.IOException):
            load_batch(con, [PackedReport.of(r) for r in changed])
        assert inserts == [CHUNK, CHUNK]  # the first chunk was in, and is gone again
        assert snapshot(con) == before

        monkeypatch.setattr(TableRows, "insert", real_insert)
        assert load_batch(con, [PackedReport.of(r) for r in changed]).loaded == sorted(r.report_file for r in changed)
        assert {sha for (sha,) in con.execute("select sha256 from raw.reports").fetchall()} == {r.sha256 for r in changed}
    finally:
        con.close()


def test_packed_results_of_the_workers_load_the_rows_and_summary_of_the_reports_themselves(tmp_path, small_chunks):
    files = {**good_reports(), **junk_files(), "truncated.txt": truncated_report()[0]}
    files.update({f"derived_{i}.txt": derived_text(40 + i).encode("utf-8") for i in range(4)})
    files["derived_0_copy.txt"] = files["derived_0.txt"]  # a duplicate: rejected, never taken
    items = sorted(files.items())
    packed = process_batch(items, workers=2, packed=True)
    plain = [process_report(n, d) for n, d in items]
    assert [type(p) for p in packed] == [PackedReport if p.ok else ProcessedReport for p in plain]
    assert [(p.report_file, p.sha256, p.size) for p in packed] == [(p.report_file, p.sha256, p.size) for p in plain]

    summaries, tables = [], []
    for name, batch in (("packed", packed), ("plain", plain)):
        con = connect(tmp_path / f"{name}.duckdb")
        try:
            summaries.append(load_batch(con, batch))
            tables.append({t: rows for t, rows in snapshot(con).items() if t not in ("report_events", "ingest_errors")})
            for t, cols in (("report_events", "report_file, sha256, event, detail"),
                            ("ingest_errors", "report_file, sha256, stage, message")):  # without their times
                tables[-1][t] = con.execute(f"select {cols} from raw.{t} order by all").fetchall()
        finally:
            con.close()
    assert summaries[0] == summaries[1]
    assert tables[0] == tables[1]
    s = summaries[0]
    assert len(s.loaded) > 2 * CHUNK and s.incomplete and s.problems and s.indicator_rows > 0
    assert s.rejected["derived_0_copy.txt"].startswith("duplicate") and set(junk_files()) <= set(s.rejected)


def test_report_rows_hold_every_record_field_in_field_order():
    rec = seed_reports()[0]
    rows = ReportRows.of(rec)
    first = rec.extraction.indicators[0]
    assert rows.rows["indicators"][0] == tuple(getattr(first, f.name) for f in fields(first))
    assert [len(rows.rows[name]) for name in ("indicators", "projects", "investments", "parts")] == \
        [len(rec.extraction.indicators), len(rec.extraction.projects), len(rec.extraction.investments),
         len(rec.extraction.parts)]
    assert rows.parts == rec.parts and rows.problems == rec.problems and rows.incomplete == rec.incomplete
