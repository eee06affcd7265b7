"""A real folder always holds a bad file: the build loads everything else, on the serial and the parallel path.

Issue 10: a folder of 13 files (five good reports in five encodings, five junk files, a truncated report, a
byte-duplicate and a 14.9 MB report) made `devplan build` exit 1 and load nothing once extraction ran in worker
processes. Here that folder goes through the real entry point, and a larger folder with every rejection kind the
project knows (and an extractor crash and hang) goes through the loader with one and with two workers.
"""
from __future__ import annotations

import multiprocessing

import pytest

import ingestion.batch
from ingestion.batch import PARALLEL_THRESHOLD
from ingestion.process import process_report
from warehouse.refresh import refresh_reports

from .bad_files import (
    container_junk,
    derived_text,
    faulty,
    good_reports,
    junk_files,
    large_report,
    truncated_report,
    write_folder,
)
from .conftest import query_rows, run_devplan
from .test_crash_safety import snapshot

RAW_FACTS = {  # raw tables without load times
    "raw.reports": "select report_file, sha256, size, text, metadata from raw.reports",
    "raw.indicator_rows": "select * from raw.indicator_rows",
    "raw.project_items": "select * from raw.project_items",
    "raw.investment_plans": "select * from raw.investment_plans",
    "raw.ingest_errors": "select report_file, sha256, stage, message from raw.ingest_errors",
}


def raw_facts(wh) -> dict[str, list[tuple]]:
    return {t: sorted(query_rows(wh, sql), key=repr) for t, sql in RAW_FACTS.items()}


def thirteen_files() -> dict[str, bytes]:
    files = {**good_reports(), **junk_files()}
    files["truncated.txt"], _ = truncated_report()
    files["good_crlf_copy.txt"] = files["good_crlf.txt"]  # a second download of the same file
    files["large.txt"] = large_report()
    assert len(files) == 13
    return files


@pytest.mark.e2e
def test_the_thirteen_file_folder_builds_with_exit_3_and_loads_every_good_file(tmp_path, dbt_manifest):
    files = thirteen_files()
    folder = write_folder(tmp_path / "reports", files)
    wh = tmp_path / "parallel" / "warehouse.duckdb"
    proc = run_devplan("build", "--reports", str(folder), "--warehouse", str(wh), "--workers", "2")
    assert proc.returncode == 3, proc.stdout + proc.stderr

    errors = {f: (stage, msg) for f, stage, msg in query_rows(wh, "select report_file, stage, message from raw.ingest_errors")}
    junk = set(junk_files())
    assert set(errors) == junk | {"good_crlf_copy.txt"}
    assert all(errors[f][0] in ("decode", "metadata") and errors[f][1] for f in junk)
    assert len({errors[f] for f in junk}) == 5, errors  # each its own message, none about the pool or a crash
    assert not any("crash" in msg or "Pool" in msg for _, msg in errors.values())
    for f in junk:
        assert f in proc.stdout and errors[f][1] in proc.stdout + proc.stderr  # the user sees file and reason
    # the duplicate is loaded once, under the first name, and the copy says which file holds it
    assert errors["good_crlf_copy.txt"][0] == "duplicate" and "good_crlf.txt" in errors["good_crlf_copy.txt"][1]
    loaded = dict(query_rows(wh, "select report_file, sha256 from raw.reports"))
    assert set(loaded) == set(files) - junk - {"good_crlf_copy.txt"}
    assert list(loaded.values()).count(loaded["good_crlf.txt"]) == 1

    # the truncated report loaded what is complete and says what is missing
    (detail,), = query_rows(wh, "select detail from raw.report_events where report_file = 'truncated.txt' "
                                "and event = 'incomplete'")
    assert "ends mid-row" in detail
    seqs = {s for (s,) in query_rows(wh, "select seq from raw.indicator_rows where report_id = 'truncated.txt' "
                                         "and source = 'table'")}
    assert seqs and "5" not in seqs
    # every good file's facts, exactly once: as many rows as extracting it alone gives
    for name in set(files) - junk - {"good_crlf_copy.txt", "truncated.txt"}:
        alone = process_report(name, files[name]).extraction
        (n_ind, n_distinct), = query_rows(
            wh, "select count(*), count(distinct row_no) from raw.indicator_rows where report_id = ?", [name])
        (n_proj,), = query_rows(wh, "select count(*) from raw.project_items where report_id = ?", [name])
        assert (n_ind, n_distinct, n_proj) == (len(alone.indicators), len(alone.indicators), len(alone.projects)), name
    assert query_rows(wh, "select count(*) from marts.dim_reports") == [(len(loaded),)]

    # one file after another gives the same facts and marts
    serial = tmp_path / "serial" / "warehouse.duckdb"
    proc1 = run_devplan("build", "--reports", str(folder), "--warehouse", str(serial), "--workers", "1")
    assert proc1.returncode == 3, proc1.stdout + proc1.stderr
    assert raw_facts(serial) == raw_facts(wh)
    assert snapshot(serial) == snapshot(wh)


def matrix_folder() -> dict[str, bytes]:
    """Over twice the threshold: good and derived reports, every decode/metadata rejection, a duplicate, a file
    over the size limit, an extractor crash and a runaway extraction."""
    files = {**good_reports(), **junk_files(), **container_junk(), "truncated.txt": truncated_report()[0]}
    files["good_gbk_again.txt"] = files["good_gbk.txt"]
    files["oversized.txt"] = large_report(size=300_000, i=3)  # over the limit the test sets
    sample = files["good_gb18030.txt"]
    files["segfault.txt"] = sample + b"\n"  # the patched extractor crashes on it
    files["hang.txt"] = sample + b"\n\n"  # and never returns on this one
    for i in range(6):
        files[f"derived_{i}.txt"] = derived_text(40 + i).encode("utf-8")
    assert len(files) >= 2 * PARALLEL_THRESHOLD
    return files


def test_every_rejection_kind_in_a_large_folder_gives_the_same_results_with_one_or_two_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(ingestion.batch, "process_report", faulty)  # the forked workers run it
    monkeypatch.setattr("warehouse.refresh.MAX_REPORT_BYTES", 200_000)
    # only the injected hang may reach the limit: a real file (pdfplumber on a damaged PDF) on a loaded CI machine
    # can take a few seconds
    monkeypatch.setenv("DEVPLAN_EXTRACT_TIMEOUT_S", "10")
    files = matrix_folder()
    folder = write_folder(tmp_path / "reports", files)
    results = {}
    for workers in (1, 2):
        wh = tmp_path / f"w{workers}.duckdb"
        summary = refresh_reports(folder, wh, sorted(files), workers=workers)
        assert not multiprocessing.active_children()
        results[workers] = (summary, raw_facts(wh))

        stages = {f: msg.split(":", 1)[0] for f, msg in summary.rejected.items()}
        assert stages == {**{f: "decode" for f in {**junk_files(), **container_junk()} if f != "minutes.txt"},
                          "minutes.txt": "metadata", "good_gbk_again.txt": "duplicate", "oversized.txt": "read",
                          "segfault.txt": "extract", "hang.txt": "extract"}
        assert "extraction crashed" in summary.rejected["segfault.txt"]
        assert "took longer than 10 s" in summary.rejected["hang.txt"]
        assert "over the" in summary.rejected["oversized.txt"]
        assert sorted(summary.loaded) == sorted(set(files) - set(summary.rejected))
        assert summary.incomplete.keys() == {"truncated.txt"}
        expected_rows = sum(len(process_report(f, files[f]).extraction.indicators)
                            for f in summary.loaded if f != "truncated.txt")
        (rows, distinct), = query_rows(wh, "select count(*), count(distinct (report_id, row_no)) from raw.indicator_rows "
                                           "where report_id <> 'truncated.txt'")
        assert rows == distinct == expected_rows  # nothing lost, nothing twice
    (s1, facts1), (s2, facts2) = results[1], results[2]
    assert (sorted(s1.loaded), s1.rejected, s1.incomplete) == (sorted(s2.loaded), s2.rejected, s2.incomplete)
    assert facts1 == facts2


def test_workers_must_be_a_positive_number(tmp_path):
    proc = run_devplan("build", "--reports", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb"), "--workers", "0")
    assert proc.returncode == 2 and "--workers" in proc.stderr
    assert not (tmp_path / "w.duckdb").exists()
