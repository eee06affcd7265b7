"""`kill -9` at any moment of a build, then a rerun, gives exactly the marts of an uninterrupted build.

One warehouse goes through five builds, each SIGKILLed (the whole process group: the CLI, its extraction
workers and the dbt subprocess, as when a machine or container dies) at a different point: while Dagster
starts, while files are extracted, right after the raw load commits, in the middle of dbt and late in dbt /
while the serving copy is published. A report is added before every build so that each one has raw work to do.
Then a plain rerun finishes, and every mart table (and the serving copy) must equal, row for row, a warehouse
built from the same folder in one uninterrupted build. Bounded: every build has a hard timeout.
"""
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from bench.make_corpus import derive
from warehouse.serving import serving_path

from .conftest import ROOT, SEEDS, run_devplan, wait_unreaped

pytestmark = pytest.mark.e2e

# (line of the build's output to wait for, seconds to wait after it before SIGKILL). The builds run with -v, so
# the late points wait for dbt's and Dagster's own progress lines, not for a time that a faster host outruns
KILL_POINTS = [
    ("» scanning", 1.5),                                  # Dagster definitions loading / run starting
    ("extracting", 0.3),                                  # extraction in worker processes, before the load transaction
    ("loaded", 0.0),                                      # raw load just committed, dbt not started
    ("START sql incremental model marts.", 0.0),          # dbt in the middle: staging done, the marts being written
    ("serving__warehouse_copy - STEP_START", 0.0),        # dbt done, the serving copy being published
]
BUILD_TIMEOUT_S = 120


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_HOME"))}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def build_and_kill(reports: Path, wh: Path, marker: str, delay: float) -> tuple[bool, list[str]]:
    """Start a build, SIGKILL its process group `delay` s after `marker` is printed; (killed?, output lines)."""
    proc = subprocess.Popen([sys.executable, "-m", "cli", "build", "-v", "--reports", str(reports),
                             "--warehouse", str(wh)], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    seen = threading.Event()

    def reader():
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if marker in line:
                seen.set()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while not seen.is_set() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if seen.is_set():
        time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    t.join(timeout=5)
    return killed, lines


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table of schema marts as sorted rows, without timestamp columns (load times differ)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        out = {}
        for t in tables:
            cols = [c for c, typ in con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position", [t]).fetchall()
                if not typ.startswith("TIMESTAMP")]
            rows = con.execute(f"select {', '.join(chr(34) + c + chr(34) for c in cols)} from marts.\"{t}\"").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


SAMPLES = sorted(SEEDS.glob("*.txt"))


def add_report(reports: Path, i: int, version: int | None = None) -> None:
    """derived_{i}.txt: sample i (round the samples) as bench/make_corpus.py derives report `version` (else i)."""
    src = SAMPLES[i % len(SAMPLES)]
    (reports / f"derived_{i:02d}.txt").write_text(derive(src.read_text(encoding="utf-8"), i if version is None
                                                         else version), encoding="utf-8")


def final_folder(reports: Path) -> Path:
    """What both tests' folders hold once their builds are done: the samples, derived_00 changed, derived_01
    deleted, derived_02 and derived_10…14 (the last five each added before one of the first test's builds)."""
    shutil.copytree(SEEDS, reports)
    add_report(reports, 0, version=99)
    add_report(reports, 2)
    for i in range(10, 15):
        add_report(reports, i)
    return reports


def contents(reports: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(reports.iterdir())}


@pytest.fixture(scope="module")
def reference(tmp_path_factory, dbt_manifest) -> Path:
    """The warehouse of one uninterrupted build of `final_folder`, which each test's last rerun must equal."""
    tmp = tmp_path_factory.mktemp("reference")
    final_folder(tmp / "reports")
    wh = tmp / "warehouse.duckdb"
    ref = run_devplan("build", "--reports", str(tmp / "reports"), "--warehouse", str(wh))
    assert ref.returncode == 0, ref.stdout + ref.stderr
    return wh


def test_kill_9_at_any_point_then_rerun_gives_the_uninterrupted_marts(tmp_path, reference):
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    for i in range(3):  # 8 files: extraction runs in worker processes
        add_report(reports, i)
    wh = tmp_path / "crashed" / "warehouse.duckdb"
    killed_at = []
    for n, (marker, delay) in enumerate(KILL_POINTS):
        add_report(reports, 10 + n)
        if n == 3:  # a changed and a deleted file too
            add_report(reports, 0, version=99)
            (reports / "derived_01.txt").unlink()
        killed, lines = build_and_kill(reports, wh, marker, delay)
        if killed:
            killed_at.append((marker, delay, lines[-1] if lines else ""))
    assert [m for m, *_ in killed_at] == [m for m, _ in KILL_POINTS], killed_at  # every kill interrupted a build

    rerun = run_devplan("build", "--reports", str(reports), "--warehouse", str(wh))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr

    assert contents(reports) == contents(reference.parent / "reports")  # the reference was built from this folder
    expected = snapshot(reference)
    assert expected["fct_indicators"] and expected["dim_reports"]
    assert len(expected["dim_reports"]) == len(list(reports.glob("*.txt")))
    got = snapshot(wh)
    assert sorted(got) == sorted(expected)  # no leftover temporary relations either
    for table in expected:
        assert got[table] == expected[table], table  # no partial, no duplicate rows
    # the serving copy BI tools read is the finished state too
    assert snapshot(serving_path(wh)) == expected
    # and a further build has nothing to do
    again = run_devplan("build", "--reports", str(reports), "--warehouse", str(wh))
    assert again.returncode == 0 and "nothing new" in again.stdout, again.stdout + again.stderr


def _processes() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, command line) of every process."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if state != "Z":
            out[int(entry.name)] = (int(ppid), cmd)
    return out


def _descendants(pid: int) -> dict[int, str]:
    procs, found, todo = _processes(), {}, [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, cmd) in procs.items():
            if ppid == parent and child not in found:
                found[child] = cmd
                todo.append(child)
    return found


def _dbt_of(pid: int) -> int | None:
    return next((p for p, cmd in _descendants(pid).items() if "dbt" in cmd and " build" in cmd), None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_only_the_cli_ends_its_dbt_child_and_a_rerun_works(tmp_path, reference):
    """SIGTERM, SIGINT and SIGKILL of the CLI's pid alone (not its group) while dbt runs, and SIGKILL of the build
    process under it (as the OOM killer would): nothing the build started is left running, and the rerun right
    after is not refused: each rerun gets as far as dbt before the next signal, the last one finishes, and the
    marts equal an uninterrupted build's (of the folder the first test ends with: the same reference build)."""
    reports = final_folder(tmp_path / "reports")
    for i in range(11, 15):  # added again one before each build
        (reports / f"derived_{i:02d}.txt").unlink()
    wh = tmp_path / "killed" / "warehouse.duckdb"
    kills = [(signal.SIGTERM, "cli"), (signal.SIGINT, "cli"), (signal.SIGKILL, "cli"), (signal.SIGKILL, "build")]
    for n, (sig, target) in enumerate(kills):
        add_report(reports, 11 + n)  # a new report each time, so every build has raw work and dbt work
        proc = subprocess.Popen([sys.executable, "-m", "cli", "build", "--reports", str(reports),
                                 "--warehouse", str(wh)], cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        started: dict[int, str] = {}
        try:
            deadline = time.monotonic() + BUILD_TIMEOUT_S
            while _dbt_of(proc.pid) is None and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert _dbt_of(proc.pid) is not None, f"{sig.name}: the build never got to dbt (refused?)"
            time.sleep(1.0)  # dbt is building in the warehouse
            started = _descendants(proc.pid)
            build = next(p for p, cmd in started.items() if " -m cli " in f" {cmd} ")
            os.kill(proc.pid if target == "cli" else build, sig)  # one process, not the process group
            code = wait_unreaped(proc, timeout=30)
            if (sig, target) != (signal.SIGKILL, "cli"):
                assert code == 1, f"{sig.name} of the {target}: exit {code}"  # a fatal end
            deadline = time.monotonic() + 15
            while set(started) & set(_processes()) and time.monotonic() < deadline:
                time.sleep(0.1)
            left = {p: started[p] for p in set(started) & set(_processes())}
            assert not left, f"{sig.name} of the {target}: still running after the CLI ended: {left}"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of this test's build (the CLI is unreaped)
            proc.wait(timeout=30)
    rerun = run_devplan("build", "--reports", str(reports), "--warehouse", str(wh))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr

    assert contents(reports) == contents(reference.parent / "reports")
    assert snapshot(wh) == snapshot(reference)
