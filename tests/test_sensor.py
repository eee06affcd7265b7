"""The folder sensor: new file → a partition and one run; unchanged → nothing; changed → a new run."""
import hashlib
import shutil
from pathlib import Path

import dagster as dg

from orchestration.reports.sensor import reports_folder_sensor
from orchestration.resources import ReportsFolder

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def evaluate(folder: Path, instance, cursor=None) -> dg.SensorResult:
    ctx = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"reports_folder": ReportsFolder(path=str(folder))})
    return reports_folder_sensor(ctx)


def test_new_unchanged_changed_and_deleted_files(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    with dg.instance_for_test() as instance:
        first = evaluate(folder, instance)
        assert [r.partition_key for r in first.run_requests] == [seed.name]
        assert len(first.dynamic_partitions_requests) == 1
        assert list(first.dynamic_partitions_requests[0].partition_keys) == [seed.name]

        unchanged = evaluate(folder, instance, first.cursor)
        assert unchanged.run_requests == [] and unchanged.dynamic_partitions_requests == []

        with open(folder / seed.name, "a", encoding="utf-8") as fh:
            fh.write("\n（补充）\n")
        changed = evaluate(folder, instance, unchanged.cursor)
        assert [r.partition_key for r in changed.run_requests] == [seed.name]
        assert changed.run_requests[0].run_key != first.run_requests[0].run_key
        assert changed.dynamic_partitions_requests == []  # the partition already exists
        # the run gets the hash the sensor computed, so the raw asset does not hash the file again
        assert changed.run_requests[0].run_config["ops"]["raw__reports"]["config"]["sha256"] == {
            seed.name: hashlib.sha256((folder / seed.name).read_bytes()).hexdigest()}

        (folder / seed.name).unlink()
        deleted = evaluate(folder, instance, changed.cursor)
        assert [r.partition_key for r in deleted.run_requests] == [seed.name]
        assert "deleted" in deleted.run_requests[0].run_key


def test_missing_folder_is_a_skip_with_a_reason(tmp_path):
    with dg.instance_for_test() as instance:
        result = evaluate(tmp_path / "nope", instance)
    assert isinstance(result, dg.SkipReason)
    assert "does not exist" in result.skip_message


def test_many_new_files_become_one_run_over_a_partition_range(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    names = sorted(p.name for p in folder.iterdir())
    with dg.instance_for_test() as instance:
        result = evaluate(folder, instance)
        assert len(result.run_requests) == 1
        request = result.run_requests[0]
        assert request.partition_key_range == dg.PartitionKeyRange(names[0], names[-1])
        assert request.run_key.startswith("batch:3:")
        assert list(result.dynamic_partitions_requests[0].partition_keys) == names
