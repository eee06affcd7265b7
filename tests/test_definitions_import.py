"""The Dagster definitions do no work at import: no dbt parse, no manifest read, no environment written.

`dagster dev` loads `defs` (a `@dg.definitions` function) when it loads the code location; the CLI and the tests
call `build_definitions` with their own paths."""
import json
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
from dagster_dbt import DbtProject

ROOT = Path(__file__).resolve().parents[1]

IMPORT_ONLY = r"""
import json, os
before = dict(os.environ)
import dagster_dbt

def refuse(*args, **kwargs):
    raise AssertionError("@dbt_assets was built at import")

dagster_dbt.dbt_assets = refuse  # importing must not read the manifest
import orchestration.definitions as d
print(json.dumps({"environ_unchanged": dict(os.environ) == before, "defs": type(d.defs).__name__}))
"""


def test_importing_the_definitions_has_no_side_effects():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_"))}
    proc = subprocess.run([sys.executable, "-c", IMPORT_ONLY], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out == {"environ_unchanged": True, "defs": "LazyDefinitions"}
    assert "BetaWarning" not in proc.stderr


def test_building_without_a_manifest_says_how_to_make_one(tmp_path, monkeypatch):
    import orchestration.definitions as definitions
    from orchestration.settings import DBT_PROJECT_DIR

    unprepared = DbtProject(project_dir=DBT_PROJECT_DIR, target_path=tmp_path / "no_target")
    monkeypatch.setattr(definitions, "dbt_project", unprepared)
    with pytest.raises(FileNotFoundError, match="make manifest"):
        definitions.build_definitions(tmp_path / "reports", tmp_path / "w.duckdb")


def test_building_the_definitions_leaves_the_environment_alone(dbt_manifest, tmp_path):
    from orchestration.definitions import build_definitions

    before = dict(os.environ)
    defs = build_definitions(tmp_path / "reports", tmp_path / "w.duckdb")
    assert dict(os.environ) == before
    assert isinstance(defs, dg.Definitions)
    assert defs.resolve_job_def("refresh_reports") is not None
