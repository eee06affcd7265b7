"""The dbt project as Dagster sees it, and how its manifest is prepared.

`@dbt_assets` reads target/manifest.json when the definitions are built. dagster-dbt's `DbtProject` preparation
makes it: `prepare_if_dev()` re-parses on every load under `dagster dev` (so an edited model shows at once),
and `prepare_manifest()` parses explicitly (`make manifest`, the test session). `devplan build` prepares only when
no manifest exists (`ensure_manifest`): a no-op `dbt parse` costs ~3 s, more than a build with nothing new, so
after editing dbt files outside `dagster dev` run `make manifest`.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from dagster_dbt import DbtProject

from ..settings import DBT_PROJECT_DIR, warehouse_path

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def dbt_executable() -> str:
    """The venv's own dbt, so a console script or `make` works without an activated venv."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


@contextmanager
def scoped_env(**values: str):
    """Set environment variables while a dbt process starts (dagster-dbt gives dbt this process's environment
    and has no parameter for it), then put them back."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def profile_env(warehouse: Path):
    """dbt's profile reads the warehouse path from DEVPLAN_WAREHOUSE: the Warehouse resource's path wins."""
    return scoped_env(DEVPLAN_WAREHOUSE=str(warehouse))


def prepare_manifest() -> Path:
    """Parse the dbt project now (dagster-dbt's preparer: `dbt parse`, with partial parsing)."""
    # the preparer runs `dbt` from PATH: the venv's own, even when the venv is not activated
    path = f"{Path(dbt_executable()).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    with scoped_env(DEVPLAN_WAREHOUSE=os.environ.get("DEVPLAN_WAREHOUSE") or str(warehouse_path()), PATH=path):
        dbt_project.preparer.prepare(dbt_project)
    return Path(dbt_project.manifest_path)


def ensure_manifest() -> Path:
    """The manifest, prepared under `dagster dev` (what `DbtProject.prepare_if_dev` does, with the venv's dbt) or
    when there is none yet."""
    if dbt_project.preparer.using_dagster_dev() or not Path(dbt_project.manifest_path).exists():
        return prepare_manifest()
    return Path(dbt_project.manifest_path)


def manifest_missing_message() -> str:
    return (f"no dbt manifest at {dbt_project.manifest_path}: run `make manifest` (or `devplan build`, "
            "which prepares it) before loading the Dagster definitions outside `dagster dev`")
