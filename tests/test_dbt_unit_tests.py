"""dbt unit tests (SQL logic on fixed inputs: code matching, verdicts, project matching).

Production builds skip them (`--exclude-resource-type unit_test`): they test the models' logic, not the data, so
they run here, against a built warehouse that provides the relations dbt introspects.
"""
import os
import subprocess

import pytest

from orchestration.dbt_setup import DBT_PROJECT_DIR, dbt_executable

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
    assert proc.stdout.count(" PASS ") >= 5, proc.stdout[-3000:]
