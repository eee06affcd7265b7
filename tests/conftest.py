"""Shared fixtures: paths, the dbt manifest (prepared once per session) and a warehouse built from seeds/."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

from warehouse.serving import serving_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold"


def _shared_dir(tmp_path_factory) -> Path:
    """A folder all workers of this test session see: under pytest-xdist (`make test` runs two) each worker has
    its own base temp folder inside the session's; without xdist it is the session's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def dbt_manifest(tmp_path_factory) -> Path:
    """`@dbt_assets` needs target/manifest.json; outside `dagster dev` nobody else prepares it. Parsed once per
    session: a second worker's `dbt parse` would rewrite the manifest while the first one's builds read it."""
    from orchestration.dbt.project import prepare_manifest

    shared = _shared_dir(tmp_path_factory)
    done = shared / "dbt_manifest.prepared"
    with FileLock(str(shared / "dbt_manifest.lock")):
        if not done.exists():
            done.write_text(str(prepare_manifest()))
    return Path(done.read_text())


def run_devplan(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess (the environment stays clean between tests)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_HOME"))}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def build_ok(folder: Path, warehouse: Path) -> None:
    """`devplan build` of `folder` into `warehouse`, which must succeed (its output is the failure message)."""
    proc = run_devplan("build", "--reports", str(folder), "--warehouse", str(warehouse))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def seed_file(prefix: str) -> Path:
    """The sample report whose name starts with `prefix`."""
    return next(p for p in sorted(SEEDS.iterdir()) if p.name.startswith(prefix))


def wait_unreaped(proc: subprocess.Popen, timeout: float) -> int:
    """Wait up to `timeout` s for `proc` to end, without reaping it; its exit code (negative: the signal).

    Until `proc.wait()` reaps it, its pid (and so its process group's id) stays taken. Signalling the group of a
    process already reaped may reach whoever got that number since: Linux hands out pids in turn and reuses them
    (32768 by default; a machine running builds goes round in about half an hour), and a shell job started
    meanwhile leads its own group. So a test kills what is left of a process group first and reaps after."""
    deadline = time.monotonic() + timeout
    while (info := os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)) is None:
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(proc.args, timeout)
        time.sleep(0.05)
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder `build(folder)` fills, filled once per test session whatever the number of workers (the others
    wait for it), and there complete or not at all. Never handed to a test as it is: tests copy what they change."""
    shared = _shared_dir(tmp_path_factory)
    built = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        if not built.exists():
            building = shared / f"{name}.building"
            shutil.rmtree(building, ignore_errors=True)
            building.mkdir()
            build(building)
            building.rename(built)  # complete, or not there at all
    return built


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, dbt_manifest) -> Path:
    """The folder of a warehouse built by `devplan build` from the five sample reports (warehouse.duckdb, its
    serving copy and dbt target folder), built once per test session, whatever the number of workers. Never
    handed to a test: `seeds_warehouse` and `seeds_warehouse_copy` give copies of it."""
    def build(folder: Path) -> None:
        proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(folder / "warehouse.duckdb"))
        assert proc.returncode == 0, proc.stdout + proc.stderr

    return built_once(tmp_path_factory, "seeds_build", build)


TWO_SAMPLES = sorted(p for p in SEEDS.iterdir() if p.is_file())[:2]


@pytest.fixture(scope="session")
def two_samples_build(tmp_path_factory, dbt_manifest) -> Path:
    """A cold `devplan build` of the first two sample reports into a $DAGSTER_HOME, once per session: the folder
    holds reports/ (the two), warehouse.duckdb with its serving copy and dbt target folder, dagster_home/ (that
    build's run) and build.json (its exit code and output). The first build of test_current_views (which goes on
    from it, run history included) and the base of test_dbt_warm_start's dbt runs."""
    def build(folder: Path) -> None:
        (folder / "reports").mkdir()
        for src in TWO_SAMPLES:
            shutil.copy(src, folder / "reports" / src.name)
        proc = run_devplan("build", "--reports", str(folder / "reports"), "--warehouse",
                           str(folder / "warehouse.duckdb"), env_extra={"DAGSTER_HOME": str(folder / "dagster_home")})
        (folder / "build.json").write_text(json.dumps(
            {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}))

    return built_once(tmp_path_factory, "two_samples_build", build)


def shared_district_indices() -> tuple[int, int]:
    """The first two bench indices (bench/make_corpus.py) whose derived reports get the same district name."""
    from bench.make_corpus import district_name

    seen: dict[str, int] = {}
    for i in range(1, 10_000):
        seen_at = seen.setdefault(district_name(i), i)
        if seen_at != i:
            return seen_at, i
    raise AssertionError("no two bench indices share a district name")


def derived_report(folder: Path, sample: str, index: int) -> Path:
    """report_{index}.txt in `folder`: the sample whose name starts with `sample` as the bench derives report
    `index` (another district, other figures)."""
    from bench.make_corpus import derive

    path = folder / f"report_{index:05d}.txt"
    path.write_text(derive(seed_file(sample).read_text(encoding="utf-8"), index), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def incremental_base(tmp_path_factory, dbt_manifest) -> Path:
    """A cold `devplan build` of samples 000 and 001 and a report derived from 000 (three districts; the derived
    one's district is the first a later bench index shares), once per session: reports/ and the warehouse, with
    its serving copy and dbt target folder. The cold base that test_incremental_projects and
    test_incremental_target_vs_actual each grow a copy of."""
    def build(folder: Path) -> None:
        reports = folder / "reports"
        reports.mkdir()
        for sample in ("000_", "001_"):
            shutil.copy(seed_file(sample), reports / seed_file(sample).name)
        derived_report(reports, "000_", shared_district_indices()[0])
        build_ok(reports, folder / "warehouse.duckdb")

    return built_once(tmp_path_factory, "incremental_base", build)


def copy_of_base(incremental_base: Path, files: list[Path], folder: Path) -> Path:
    """A copy of the `incremental_base` warehouse in `folder`, after checking that `files` are what it was built
    from; the warehouse's path."""
    built_from = {p.name: p.read_bytes() for p in (incremental_base / "reports").iterdir()}
    assert {f.name: f.read_bytes() for f in files} == built_from
    return copy_build(incremental_base, folder)


def copy_build(built: Path, folder: Path, *extra: str) -> Path:
    """A copy of a built warehouse (with its serving copy and dbt target folder) and of the `extra` entries of its
    folder into `folder`; the warehouse's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("warehouse.duckdb", serving_path(built / "warehouse.duckdb").name, "warehouse.dbt_target", *extra):
        (shutil.copytree if (built / name).is_dir() else shutil.copy)(built / name, folder / name)
    return folder / "warehouse.duckdb"


def copy_seeds_build(seeds_build: Path, folder: Path, name: str = "warehouse.duckdb") -> Path:
    """A warehouse at folder/name in the state a fresh `devplan build` of seeds/ leaves it (with its serving copy
    and dbt target folder beside it), without building it again."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = Path(name).stem
    shutil.copy(seeds_build / "warehouse.duckdb", folder / name)
    shutil.copy(serving_path(seeds_build / "warehouse.duckdb"), serving_path(folder / name))  # where a build of it looks
    if (seeds_build / "warehouse.dbt_target").is_dir():
        shutil.copytree(seeds_build / "warehouse.dbt_target", folder / f"{stem}.dbt_target")
    return folder / name


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory, seeds_build) -> Path:
    """A warehouse built by `devplan build` from the five sample reports, shared by the tests of a worker that
    only read it (or, like a build with nothing new, leave it as it was)."""
    return copy_seeds_build(seeds_build, tmp_path_factory.mktemp("seeds"))


def query_rows(warehouse: Path, sql: str, params=None) -> list[tuple]:
    """Rows of a read-only query (the connection is closed again, so a later build can write)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def query():
    return query_rows


@pytest.fixture
def reports_copy(tmp_path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    return folder


# `make test` runs the suite on two pytest-xdist workers (`-n 2 --dist loadfile --no-loadscope-reorder`): a unit
# of work is a module, so module-scoped fixtures are set up once and tests that follow one another in a module stay
# together. The two workers only finish together if the longest modules start first, then the other modules with
# end-to-end tests, then the rest, each in collection order. Each worker starts with two modules (the 1st and 3rd,
# the 2nd and 4th) and takes the next when it starts its last one. Longest first, as measured on the 2-core host
# (seconds with the other worker busy): test_current_views ~150 (it builds the session's two-sample warehouse
# that three modules after it copy), test_crash_safety ~115, test_incremental_target_vs_actual ~110 (it builds
# the incremental base test_incremental_projects copies, which comes later so that it does not wait for it),
# test_ui_e2e ~100, then the modules of 70–100 s.
LONGEST_FIRST = ("tests/test_current_views.py", "tests/test_crash_safety.py",
                 "tests/test_incremental_target_vs_actual.py", "tests/test_ui_e2e.py", "tests/test_build_e2e.py",
                 "tests/test_dbt_warm_start.py", "tests/test_incremental_projects.py",
                 "tests/test_incremental_refresh.py", "tests/test_batch_reliability.py")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # one process: the collection order
        return

    def module(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    e2e_modules = {module(i) for i in items if i.get_closest_marker("e2e")}

    def rank(item: pytest.Item) -> int:
        m = module(item)
        if m in LONGEST_FIRST:
            return LONGEST_FIRST.index(m)
        return len(LONGEST_FIRST) + (0 if m in e2e_modules else 1)

    items.sort(key=rank)  # stable, and by module: a module's tests keep their order
