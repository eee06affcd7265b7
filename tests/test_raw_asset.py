"""The raw asset in a real Dagster run: per-report figures and the checks users see in the UI."""
import shutil
from pathlib import Path

import dagster as dg

from orchestration.reports.assets import raw_reports
from orchestration.resources import ReportsFolder, Warehouse

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def run(folder: Path, warehouse: Path, keys: list[str], instance) -> dict:
    instance.add_dynamic_partitions("reports", [k for k in keys if not instance.has_dynamic_partition("reports", k)])
    tags = {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
    result = dg.materialize([raw_reports], instance=instance, tags=tags,
                            resources={"reports_folder": ReportsFolder(path=str(folder)), "warehouse": Warehouse(path=str(warehouse))})
    assert result.success
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_checks_pass_on_a_good_report_and_warn_on_a_quarantined_file(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    seed = sorted(SEEDS.glob("000_*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    (folder / "zz_empty.txt").write_bytes(b"   \n")
    with dg.instance_for_test() as instance:
        checks = run(folder, tmp_path / "w.duckdb", [seed.name, "zz_empty.txt"], instance)
        assert checks["table_values_parsed"].passed
        assert checks["stated_indicator_count"].passed
        assert checks["stated_indicator_count"].metadata["reports_stating_a_count"].value == 1
        quarantine = checks["no_rejected_files"]
        assert not quarantine.passed and quarantine.severity == dg.AssetCheckSeverity.WARN
        assert [r.data["file"] for r in quarantine.metadata["files"].records] == ["zz_empty.txt"]

        (folder / "zz_empty.txt").unlink()
        checks = run(folder, tmp_path / "w.duckdb", ["zz_empty.txt"], instance)
        assert checks["no_rejected_files"].passed
