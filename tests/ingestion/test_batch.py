"""`ingestion.batch.process_batch`: one bad file never takes the batch down, on the serial and the parallel path.

The crash and hang hooks are a processor (`tests.bad_files.faulty`) passed to `process_batch(process=…)`: the
pool forks its workers, so they run the test's function; the production path always runs `process_report`. Every test is
bounded by small time limits and finishes on its own.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingestion.batch import PARALLEL_THRESHOLD, process_batch
from ingestion.errors import Rejection, ReportError
from ingestion.process import process_report

from ..bad_files import container_junk, derived_text, faulty, good_reports, junk_files, truncated_report

ROOT = Path(__file__).resolve().parents[2]


def mixed_batch() -> list[tuple[str, bytes]]:
    """At least twice the threshold: good reports in five encodings, derived reports, every decode/metadata
    rejection the library knows, a truncated report."""
    files = {**good_reports(), **junk_files(), **container_junk(), "truncated.txt": truncated_report()[0]}
    for i in range(2 * PARALLEL_THRESHOLD - len(files) + 2):
        files[f"derived_{i:02d}.txt"] = derived_text(10 + i).encode("utf-8")
    items = sorted(files.items())
    assert len(items) >= 2 * PARALLEL_THRESHOLD
    return items


def _as_values(batch) -> list[tuple]:
    return [(p.report_file, p.sha256, p.size, p.text, p.extraction, p.error) for p in batch]


def test_serial_and_parallel_give_the_same_results_in_order_as_process_report():
    items = mixed_batch()
    expected = _as_values([process_report(n, d) for n, d in items])
    serial = _as_values(process_batch(items, workers=1))
    parallel = _as_values(process_batch(items, workers=2))
    assert serial == expected
    assert parallel == expected
    errors = {name: err for name, *_, err in expected if err is not None}
    assert set(errors) == set(junk_files()) | set(container_junk())
    assert all(isinstance(e, Rejection) and e.stage in ("decode", "metadata") and e.message for e in errors.values())
    assert len(set(errors.values())) == len(errors)  # each file has its own message


def test_results_are_plain_data_that_pickle():
    for rec in process_batch(mixed_batch()[:4], workers=1):
        assert pickle.loads(pickle.dumps(rec)) == rec


def test_a_report_error_survives_pickling():
    err = pickle.loads(pickle.dumps(ReportError("decode", "the file is empty")))
    assert (type(err), err.stage, err.message, str(err)) == (ReportError, "decode", "the file is empty",
                                                             "decode: the file is empty")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_that_dies_takes_only_its_file_down(workers):
    good = mixed_batch()[:PARALLEL_THRESHOLD]
    data = good[0][1]
    crashes = {"segfault.txt": "SIGSEGV", "exit.txt": "code 7", "killed.txt": "SIGKILL", "memory.txt": "MemoryError"}
    items = good[:3] + [(n, data) for n in crashes] + good[3:]
    t0 = time.monotonic()
    got = process_batch(items, workers=workers, time_limit_s=30, process=faulty)
    assert time.monotonic() - t0 < 60
    assert [p.report_file for p in got] == [n for n, _ in items]
    by_name = {p.report_file: p for p in got}
    for name, cause in crashes.items():
        err = by_name[name].error
        assert err.stage == "extract" and err.message.startswith("extraction crashed") and cause in err.message, err
    expected = {n: _as_values([process_report(n, d)])[0] for n, d in good}
    assert {n: _as_values([by_name[n]])[0] for n, _ in good} == expected
    assert not multiprocessing.active_children()  # no worker left behind


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_past_the_time_limit_is_stopped_and_the_batch_goes_on(workers):
    good = mixed_batch()[:PARALLEL_THRESHOLD]
    data = good[0][1]
    items = [("hang.txt", data)] + good[:4] + [("spin.txt", data)] + good[4:]
    t0 = time.monotonic()
    got = process_batch(items, workers=workers, time_limit_s=2, process=faulty)
    elapsed = time.monotonic() - t0
    assert elapsed < 30, elapsed  # two stopped files, not ten minutes
    by_name = {p.report_file: p for p in got}
    for name in ("hang.txt", "spin.txt"):
        err = by_name[name].error
        assert err.stage == "extract" and "took longer than 2 s" in err.message, err
        assert by_name[name].sha256 and by_name[name].size == len(data)
    assert all(by_name[n].ok == process_report(n, d).ok for n, d in good)
    assert [p.report_file for p in got] == [n for n, _ in items]
    assert not multiprocessing.active_children()


def test_progress_counts_every_file_once():
    seen = []
    items = mixed_batch()
    process_batch(items, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, len(items)) for i in range(1, len(items) + 1)]


def test_an_empty_batch_starts_no_worker():
    assert process_batch([], workers=4) == []
    assert not multiprocessing.active_children()


_CALLER = """
import sys, time
sys.path.insert(0, {root!r})
from ingestion.batch import process_batch
from tests.bad_files import faulty
data = open({seed!r}, "rb").read()
process_batch([("hang_%d.txt" % i, data) for i in range(10)], workers=2, time_limit_s=600, process=faulty)
"""


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux")
def test_workers_die_with_a_caller_killed_by_sigkill():
    seed = str(next((ROOT / "seeds").glob("*.txt")))
    caller = subprocess.Popen([sys.executable, "-c", _CALLER.format(root=str(ROOT), seed=seed)], cwd=ROOT)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers := _children(caller.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2, workers
        caller.kill()
        caller.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        caller.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
