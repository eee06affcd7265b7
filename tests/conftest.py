"""Shared fixtures: paths, the dbt manifest (prepared once per session) and a warehouse built from seeds/."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """`@dbt_assets` needs target/manifest.json; outside `dagster dev` nobody else prepares it."""
    from orchestration.dbt.project import prepare_manifest

    return prepare_manifest()


def run_devplan(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess (the environment stays clean between tests)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_HOME"))}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory, dbt_manifest) -> Path:
    """A warehouse built by `devplan build` from the five sample reports."""
    wh = tmp_path_factory.mktemp("seeds") / "warehouse.duckdb"
    proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return wh


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
