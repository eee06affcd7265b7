"""Extraction started before the run (`devplan build` starts it before importing Dagster): the raw layer gets
exactly what extracting in the raw asset gives, a crash still costs only its file, and a result is used only for
the content it was extracted from."""
from __future__ import annotations

import hashlib
import multiprocessing

import pytest

import warehouse.refresh
from ingestion.batch import DEPTH, PARALLEL_THRESHOLD, Ahead, process_batch
from warehouse.refresh import extract_ahead, refresh_reports

from .bad_files import derived_text, faulty, good_reports, junk_files, write_folder
from .test_batch_reliability import raw_facts


def folder_files() -> dict[str, bytes]:
    files = {**good_reports(), **junk_files()}
    for i in range(PARALLEL_THRESHOLD):
        files[f"derived_{i}.txt"] = derived_text(20 + i).encode("utf-8")
    return files


@pytest.fixture
def extraction_calls(monkeypatch):
    """How many files each call of `process_batch` inside the refresh was given."""
    calls: list[int] = []

    def counting(items, **kw):
        calls.append(len(items))
        return process_batch(items, **kw)

    monkeypatch.setattr(warehouse.refresh, "process_batch", counting)
    return calls


def test_extracting_ahead_loads_the_same_rows_and_leaves_nothing_for_the_run(tmp_path, extraction_calls):
    files = folder_files()
    folder = write_folder(tmp_path / "reports", files)
    plain = refresh_reports(folder, tmp_path / "plain.duckdb", sorted(files))
    assert extraction_calls == [len(files)]

    extraction_calls.clear()
    sha = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
    extract_ahead(folder, sha)
    ahead = refresh_reports(folder, tmp_path / "ahead.duckdb", sorted(files), known_sha256=sha)
    assert extraction_calls == [0]  # every file came from the extraction ahead
    assert (sorted(ahead.loaded), ahead.rejected) == (sorted(plain.loaded), plain.rejected)
    assert raw_facts(tmp_path / "ahead.duckdb") == raw_facts(tmp_path / "plain.duckdb")
    assert not multiprocessing.active_children()


def test_a_file_that_changed_since_it_was_extracted_ahead_is_extracted_again(tmp_path, extraction_calls):
    files = folder_files()
    folder = write_folder(tmp_path / "reports", files)
    name = "derived_0.txt"
    extract_ahead(folder, {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    (folder / name).write_bytes(derived_text(99).encode("utf-8"))  # a new version lands before the run reads it
    summary = refresh_reports(folder, tmp_path / "w.duckdb", sorted(files))  # hashes what it reads
    assert extraction_calls == [1]
    assert name in summary.loaded
    loaded_sha = {f: sha for f, sha, *_ in raw_facts(tmp_path / "w.duckdb")["raw.reports"]}
    assert loaded_sha[name] == hashlib.sha256((folder / name).read_bytes()).hexdigest()


def test_a_crash_ahead_costs_its_file_and_what_no_worker_was_left_for_is_extracted_by_the_run(tmp_path, monkeypatch):
    data = next(iter(good_reports().values()))
    derived = [(f"derived_{i}.txt", derived_text(30 + i).encode("utf-8"), f"{i:064d}") for i in range(PARALLEL_THRESHOLD)]
    # each of the two workers gets a crashing file first (and DEPTH - 1 good ones queued behind it)
    crashing = [("segfault_a.txt", data, "a" * 64), ("exit_b.txt", data, "b" * 64)]
    items = [crashing[0], *derived[:DEPTH - 1], crashing[1], *derived[DEPTH - 1:]]
    got = {i[0]: r for i, r in zip(items, Ahead(items, workers=2, time_limit_s=30, process=faulty).results())}
    assert "SIGSEGV" in got["segfault_a.txt"].error.message and "code 7" in got["exit_b.txt"].error.message
    # both workers died and were not replaced: what no worker was left for has no result. A worker may extract a
    # good file before it reaches its crashing one (when the other died before that file reached it, the file
    # goes to the survivor), so at most DEPTH good files have one, each a complete extraction.
    left = [got[n] for n, *_ in derived]
    assert left.count(None) >= len(derived) - DEPTH
    assert all(r.ok and r.extraction is not None for r in left if r is not None)
    assert not multiprocessing.active_children()

    # through the refresh: the crashed files are quarantined, the rest extracted by the run itself
    files = {n: d for n, d, _ in items}
    folder = write_folder(tmp_path / "reports", files)
    monkeypatch.setattr("ingestion.batch.process_report", faulty)  # the run's workers crash on the same files
    sha = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
    extract_ahead(folder, sha)
    summary = refresh_reports(folder, tmp_path / "w.duckdb", sorted(files), known_sha256=sha)
    assert set(summary.rejected) == {"segfault_a.txt", "exit_b.txt"}
    assert all("extraction crashed" in m for m in summary.rejected.values())
    assert sorted(summary.loaded) == sorted(f"derived_{i}.txt" for i in range(PARALLEL_THRESHOLD))
    assert not multiprocessing.active_children()
