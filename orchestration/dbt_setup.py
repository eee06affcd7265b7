"""The dbt project as Dagster sees it, and the manifest preparation everything else relies on.

`@dbt_assets` reads target/manifest.json when the definitions are imported, and `prepare_if_dev()` only parses
under `dagster dev`. The CLI, the tests and CI therefore call `ensure_manifest()` first. It parses only when
a dbt file is newer than the manifest, so start-up pays for `dbt parse` once per change, not once per run.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR, warehouse_path

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)

_DBT_INPUTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests")


def dbt_executable() -> str:
    """The venv's own dbt, so a console script or `make` works without an activated venv."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def _newest_input_mtime() -> float:
    newest = 0.0
    for name in _DBT_INPUTS:
        p = DBT_PROJECT_DIR / name
        paths = [p] if p.is_file() else p.rglob("*") if p.is_dir() else []
        for q in paths:
            if q.is_file():
                newest = max(newest, q.stat().st_mtime)
    return newest


def manifest_is_current() -> bool:
    m = Path(dbt_project.manifest_path)
    return m.exists() and m.stat().st_mtime >= _newest_input_mtime()


def ensure_manifest() -> Path:
    if not manifest_is_current():
        env = dict(os.environ, DEVPLAN_WAREHOUSE=os.environ.get("DEVPLAN_WAREHOUSE") or str(warehouse_path()))
        proc = subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"dbt parse failed in {DBT_PROJECT_DIR}:\n{proc.stdout}\n{proc.stderr}")
    return Path(dbt_project.manifest_path)


def manifest_missing_message() -> str:
    return (f"no dbt manifest at {dbt_project.manifest_path}: run `make manifest` (or `devplan build`, "
            "which prepares it) before loading the Dagster definitions outside `dagster dev`")
