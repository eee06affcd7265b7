"""A build with nothing new is start-up only: it must not import Dagster, dbt or the extraction rules."""
import json
import subprocess
import sys

from .conftest import ROOT, SEEDS, copy_seeds_build

BUILD_AND_LIST_MODULES = r"""
import json, sys
from pathlib import Path
from cli.build import build
code = build(Path(sys.argv[1]), Path(sys.argv[2]))
heavy = ("dagster", "dagster_dbt", "dbt", "ingestion.process", "ingestion.extract", "matplotlib")
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules]}))
"""


def test_a_build_with_nothing_new_imports_no_dagster_dbt_or_extraction_rules(seeds_build, tmp_path):
    wh = copy_seeds_build(seeds_build, tmp_path)
    proc = subprocess.run([sys.executable, "-c", BUILD_AND_LIST_MODULES, str(SEEDS), str(wh)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "nothing new" in proc.stdout
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"code": 0, "imported": []}
