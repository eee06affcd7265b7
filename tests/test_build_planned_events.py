"""`devplan build` on an in-memory instance records one "materialization planned" event per partition range, not
one per report (1001 of them cost ~2.7 s CPU before a cold build read its first file); a build recorded in
$DAGSTER_HOME keeps one per partition, so the UI can mark each partition of a failed run failed."""
import os
import warnings

import dagster as dg
import pytest

from cli.build import _PLANNED_SUBSET_ENV, _planned_events
from orchestration.reports.partitions import full_range_tags

KEYS = [f"report_{i:03d}.txt" for i in range(12)]


def planned_events_of_a_range_run(persistent: bool) -> int:
    parts = dg.DynamicPartitionsDefinition(name="reports")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.BetaWarning)

        @dg.asset(partitions_def=parts, backfill_policy=dg.BackfillPolicy.single_run())
        def raw(context: dg.AssetExecutionContext):
            return dg.MaterializeResult(metadata={"loaded": len(context.partition_keys)})

    job = dg.Definitions(assets=[raw], jobs=[dg.define_asset_job("j")]).resolve_job_def("j")
    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions("reports", KEYS)
        with _planned_events(persistent):
            result = job.execute_in_process(instance=instance, tags=full_range_tags(KEYS))
        assert result.success
        materialized = result.get_asset_materialization_events()
        assert len(materialized) == len(KEYS)  # every partition is still recorded as materialized
        records = instance.get_records_for_run(result.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED)
        return len(records.records)


@pytest.fixture(autouse=True)
def no_switch(monkeypatch):
    monkeypatch.delenv(_PLANNED_SUBSET_ENV, raising=False)


def test_an_in_memory_build_plans_the_range_with_one_event_and_leaves_the_environment_as_it_was():
    assert planned_events_of_a_range_run(persistent=False) == 1
    assert _PLANNED_SUBSET_ENV not in os.environ


def test_a_recorded_build_plans_every_partition():
    assert planned_events_of_a_range_run(persistent=True) == len(KEYS)
