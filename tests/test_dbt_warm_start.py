"""dbt forked from a warm zygote (orchestration/dbt/zygote.py) is the dbt a cold start would have run.

Through `devplan build`: the same marts and exit code as with `DEVPLAN_DBT_WARM=0`, a failing dbt still fails the
build with dbt's error, and the zygote and its socket are gone afterwards. At the launcher: no zygote or a stale
socket runs the venv's dbt itself; through a zygote dbt's exit code and output are the cold dbt's, signals reach
the dbt process, and a zygote whose parent dies goes too.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.dbt.launcher import LAUNCHER_NAME, SOCKET_ENV, SWITCH_ENV, real_dbt
from orchestration.dbt.zygote import _sweep_stale, warm_dbt

from .conftest import ROOT, copy_build, run_devplan

LAUNCHER = str(Path(sys.executable).with_name(LAUNCHER_NAME))
DBT = real_dbt()


def _processes_naming(text: str) -> list[int]:
    """Pids of live processes whose command line contains `text` (a test's private folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _marts(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        return {n: sorted(con.execute(f'select * from marts."{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def _build(tmp: Path, reports: Path, warehouse: Path, *extra: str, warm: bool = True):
    """`devplan build` with its temporary files (the zygote's socket folder) in `tmp`."""
    tmp.mkdir(parents=True, exist_ok=True)
    env = {"TMPDIR": str(tmp), **({} if warm else {SWITCH_ENV: "0"})}
    return run_devplan("build", "--reports", str(reports), "--warehouse", str(warehouse), *extra, env_extra=env)


@pytest.fixture(scope="module")
def builds(tmp_path_factory, two_samples_build):
    """Two samples loaded once (the session's cold build of them, conftest.two_samples_build), then dbt run over
    copies of that warehouse by `devplan build --full-tests` warm (with -v, so the dbt command is shown) and cold
    (`DEVPLAN_DBT_WARM=0`): the raw layer is the same, only dbt's start differs."""
    base = tmp_path_factory.mktemp("warm_start")
    reports = base / "reports"
    shutil.copytree(two_samples_build / "reports", reports)
    loaded = json.loads((two_samples_build / "build.json").read_text())
    assert loaded["returncode"] == 0, loaded["stdout"][-3000:] + loaded["stderr"]
    copy_build(two_samples_build, base / "loaded")
    shutil.copytree(base / "loaded", base / "warm")
    shutil.copytree(base / "loaded", base / "cold")
    warm = _build(base / "tmp_warm", reports, base / "warm" / "warehouse.duckdb", "--full-tests", "-v")
    cold = _build(base / "tmp_cold", reports, base / "cold" / "warehouse.duckdb", "--full-tests", warm=False)
    return base, warm, cold


pytestmark = pytest.mark.e2e


def test_a_warm_build_gives_the_marts_and_exit_code_of_a_cold_one(builds):
    base, warm, cold = builds
    assert warm.returncode == cold.returncode == 0, warm.stdout[-3000:] + warm.stderr + cold.stderr
    assert f"{LAUNCHER_NAME} build" in warm.stdout + warm.stderr  # the dbt step ran through the launcher
    warm_marts, cold_marts = _marts(base / "warm" / "warehouse.duckdb"), _marts(base / "cold" / "warehouse.duckdb")
    assert set(warm_marts) == set(cold_marts) and len(warm_marts) >= 5
    for name in cold_marts:
        assert warm_marts[name] == cold_marts[name], name
    assert any(warm_marts.values())


def test_no_zygote_or_socket_outlives_a_build(builds):
    base, _, _ = builds
    tmp = base / "tmp_warm"
    assert list(tmp.iterdir()) == []
    assert _processes_naming(str(tmp)) == []


def test_a_failing_dbt_fails_the_warm_build_with_its_error(builds, tmp_path):
    """A raw column a staging model reads is gone: dbt fails, and so does the build, with dbt's message."""
    base, _, _ = builds
    shutil.copytree(base / "loaded", tmp_path / "broken")
    con = duckdb.connect(str(tmp_path / "broken" / "warehouse.duckdb"))
    con.execute("alter table raw.investment_plans rename column value_yi to value_yi_gone")
    con.close()
    failed = _build(tmp_path / "tmp", base / "reports", tmp_path / "broken" / "warehouse.duckdb", "--full-tests")
    assert failed.returncode == 1, failed.stdout[-3000:] + failed.stderr
    assert "value_yi" in failed.stderr  # dbt's own message (DuckDB's binder error) reaches the user
    assert list((tmp_path / "tmp").iterdir()) == [] and _processes_naming(str(tmp_path / "tmp")) == []


# ---- the launcher on its own ------------------------------------------------------------------------------------

def _launcher_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEVPLAN_")}
    return {**env, "DBT_LOG_FORMAT": "json", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", **extra}


def _pids_logged(stdout: str) -> set[int]:
    """The pids dbt's JSON log lines name: the process that ran dbt."""
    return {json.loads(line)["info"]["pid"] for line in stdout.splitlines() if line.startswith("{")}


def _messages(stdout: str) -> list[str]:
    return [json.loads(line)["info"]["msg"] for line in stdout.splitlines() if line.startswith("{")]


def _run(argv: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess, int]:
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(argv, proc.returncode, out, err), proc.pid


def test_without_a_zygote_the_launcher_is_the_venvs_dbt(tmp_path):
    cold, _ = _run([DBT, "debug", "--config-dir"], _launcher_env())
    stale = tmp_path / "stale.sock"  # a socket file nobody listens on any more
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(stale))
    s.close()
    for env in (_launcher_env(), _launcher_env(**{SOCKET_ENV: str(stale)})):
        done, pid = _run([LAUNCHER, "debug", "--config-dir"], env)
        assert done.returncode == cold.returncode == 0, done.stderr
        assert _messages(done.stdout) == _messages(cold.stdout)
        assert _pids_logged(done.stdout) == {pid}  # the launcher became dbt (exec), nothing else ran it


def _wait_for(path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():  # the zygote binds its socket as soon as it starts, before it imports dbt
        assert time.monotonic() < deadline, f"no socket at {path}"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def zygote():
    with warm_dbt() as path:
        assert path is not None
        _wait_for(Path(path))  # a launcher that comes earlier runs dbt itself, which these tests tell apart
        yield path
    assert not Path(path).exists()


def test_through_a_zygote_dbt_runs_forked_with_the_cold_dbts_output_and_exit_code(zygote):
    cold, _ = _run([DBT, "debug", "--config-dir"], _launcher_env())
    warm, pid = _run([LAUNCHER, "debug", "--config-dir"], _launcher_env(**{SOCKET_ENV: zygote}))
    assert warm.returncode == cold.returncode == 0, warm.stderr
    assert _messages(warm.stdout) == _messages(cold.stdout)
    logged = _pids_logged(warm.stdout)
    assert len(logged) == 1 and pid not in logged  # a forked process ran dbt, not the launcher itself

    cold, _ = _run([DBT, "build", "--no-such-flag"], _launcher_env())
    warm, _ = _run([LAUNCHER, "build", "--no-such-flag"], _launcher_env(**{SOCKET_ENV: zygote}))
    assert cold.returncode == warm.returncode == 2
    assert warm.stderr == cold.stderr and "--no-such-flag" in warm.stderr


def test_with_the_switch_off_no_zygote_is_started_or_used(zygote, monkeypatch):
    monkeypatch.setenv(SWITCH_ENV, "0")
    with warm_dbt() as path:
        assert path is None
    done, pid = _run([LAUNCHER, "debug", "--config-dir"], _launcher_env(**{SOCKET_ENV: zygote, SWITCH_ENV: "0"}))
    assert done.returncode == 0 and _pids_logged(done.stdout) == {pid}


def _spin_project(folder: Path) -> Path:
    """A dbt project on an in-memory DuckDB whose one macro loops for hours (in Python: a signal is seen at once)."""
    folder.mkdir()
    (folder / "macros").mkdir()
    (folder / "dbt_project.yml").write_text("name: spin\nversion: '1.0'\nprofile: spin\nmacro-paths: [macros]\n")
    (folder / "profiles.yml").write_text("spin:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                                         "      path: ':memory:'\n")
    (folder / "macros" / "spin.sql").write_text(
        "{% macro spin() %}{% do log('spinning', info=True) %}{% for i in range(100000) %}"
        "{% for j in range(100000) %}{% endfor %}{% endfor %}{% endmacro %}\n")  # jinja's range stops at 1e5
    return folder


def _interrupted(executable: str, project: Path, env: dict[str, str], signum: int) -> tuple[int, int, int]:
    """Start the spinning macro, send `signum` to the process started once the macro runs: (its exit code, the
    pid dbt logged from, the pid signalled)."""
    proc = subprocess.Popen([executable, "run-operation", "spin", "--project-dir", str(project),
                             "--profiles-dir", str(project)], env=env, cwd=project, stdout=subprocess.PIPE, text=True)
    try:
        dbt_pid = None
        for line in proc.stdout:  # until the macro runs
            if line.startswith("{"):
                info = json.loads(line)["info"]
                dbt_pid = info["pid"]
                if info["msg"] == "spinning":
                    break
        time.sleep(0.3)
        proc.send_signal(signum)
        proc.communicate(timeout=120)  # bounded: a dbt that never stops fails the test instead of hanging the suite
        return proc.returncode, dbt_pid, proc.pid
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_the_launcher_reaches_the_dbt_process(zygote, tmp_path, signum):
    """dagster-dbt cancels with SIGINT (dbt stops and fails), a SIGTERM kills: as for a dbt started cold."""
    if signal.getsignal(signum) == signal.SIG_IGN:
        # inherited: e.g. a suite started with `&` by a shell without job control ignores SIGINT; every dbt it
        # starts, cold or warm, then ignores the signal too, and neither would stop
        pytest.skip(f"this test process ignores {signal.Signals(signum).name}, so the dbt processes it starts do too")
    project = _spin_project(tmp_path / "spin")
    env = _launcher_env(DBT_TARGET_PATH=str(tmp_path / "target"), DBT_LOG_PATH=str(tmp_path / "target"))
    cold_code, _, _ = _interrupted(DBT, project, env, signum)
    code, dbt_pid, launcher_pid = _interrupted(LAUNCHER, project, {**env, SOCKET_ENV: zygote}, signum)
    assert dbt_pid != launcher_pid  # forked by the zygote: only the launcher's forwarding can have reached it
    assert code == cold_code and code != 0
    with pytest.raises(ProcessLookupError):
        os.kill(dbt_pid, 0)


def test_the_zygote_does_not_outlive_its_parent(tmp_path):
    code = ("import sys, time\nfrom orchestration.dbt.zygote import _sweep_stale, warm_dbt\n"
            "w = warm_dbt()\nprint(w.__enter__(), flush=True)\ntime.sleep(120)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEVPLAN_")}
    parent = subprocess.Popen([sys.executable, "-c", code], env={**env, "TMPDIR": str(tmp_path)}, cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        path = parent.stdout.readline().strip()
        _wait_for(Path(path))
        zygotes = [p for p in _processes_naming(path) if p != parent.pid]
        assert len(zygotes) == 1, zygotes
    finally:
        parent.kill()
        parent.wait()
    # the zygote looks at its parent between requests, once its dbt imports are done: seconds on a quiet host, but
    # a host loaded nine times over (seen while several suites ran) took over 10 s, so the bound is generous
    deadline = time.monotonic() + 60
    while _processes_naming(path):
        assert time.monotonic() < deadline, f"zygote {zygotes} outlived its parent"
        time.sleep(0.1)


def test_a_zygote_killed_with_its_build_leaves_no_folder_for_long(tmp_path, monkeypatch):
    """SIGKILL to a build's process group leaves its socket folder; the next build's zygote start removes it."""
    stale = tmp_path / "devplan-dbt-killed"
    stale.mkdir()
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(stale / "zygote.sock"))
    s.close()
    young = tmp_path / "devplan-dbt-starting"  # a folder whose zygote is still starting: kept
    young.mkdir()
    old = time.time() - 3600
    os.utime(stale, (old, old))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    with warm_dbt() as path:
        assert not stale.exists() and young.exists()
        assert Path(path).parent.parent == tmp_path
        _wait_for(Path(path))
        os.utime(Path(path).parent, (old, old))  # a long build's folder, its zygote alive: kept
        _sweep_stale(str(tmp_path))
        with socket.socket(socket.AF_UNIX) as probe:
            probe.connect(path)  # and the zygote still serves after being probed
