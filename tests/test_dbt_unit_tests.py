"""dbt's own checks of the project: unit tests (SQL logic on fixed inputs: code matching, verdicts, project
matching), and the YAML's declared columns against the relations a build makes.

Production builds skip the unit tests (`--exclude-resource-type unit_test`): they test the models' logic, not the
data, so they run here, against a built warehouse that provides the relations dbt introspects.
"""
import json
import os
import subprocess

import pytest

from orchestration.dbt.project import dbt_executable
from orchestration.settings import DBT_PROJECT_DIR

pytestmark = pytest.mark.e2e


def test_dbt_unit_tests_pass(seeds_warehouse, tmp_path):
    env = dict(os.environ, DEVPLAN_WAREHOUSE=str(seeds_warehouse))
    proc = subprocess.run(
        [dbt_executable(), "test", "--select", "test_type:unit", "--target-path", str(tmp_path / "target"),
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "PASS=" in proc.stdout and " ERROR=0" in proc.stdout
    # every unit test in the project ran (a model rename must not silently drop one)
    assert proc.stdout.count(" PASS ") >= 7, proc.stdout[-3000:]


def test_yaml_declares_every_column_of_every_relation_with_its_type(seeds_warehouse, dbt_manifest, query):
    """The YAML beside each model, seed and raw table lists its columns in table order with the type the warehouse
    holds and a description: the contracts enforce this on the marts, this test on everything else (so the dbt docs
    and the Dagster UI's column tables stay true), and every raw table is declared as a source."""
    manifest = json.loads(dbt_manifest.read_text())
    relations = [n for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")]
    relations += list(manifest["sources"].values())
    declared_raw = {n["name"] for n in manifest["sources"].values()}
    held_raw = {t for (t,) in query(seeds_warehouse, "select table_name from information_schema.tables where table_schema = 'raw'")}
    assert declared_raw == held_raw, "raw tables and models/staging/_sources.yml differ"
    for node in relations:
        name = node.get("identifier") or node["alias"]
        held = query(seeds_warehouse, """select column_name, lower(data_type) from information_schema.columns
                                          where table_schema = ? and table_name = ? order by ordinal_position""",
                     [node["schema"], name])
        declared = [(c["name"], (c.get("data_type") or "").lower()) for c in node["columns"].values()]
        assert declared == held, f"{node['unique_id']}: YAML {declared} ≠ warehouse {held}"
        assert node["description"].strip(), node["unique_id"]
        undocumented = [c["name"] for c in node["columns"].values() if not c["description"].strip()]
        assert not undocumented, f"{node['unique_id']}: columns without a description: {undocumented}"
