"""The Dagster definitions a user sees: one graph raw → staging → marts, checks, job, sensor, schedule."""
import dagster as dg
import pytest


@pytest.fixture(scope="module")
def defs(dbt_manifest):
    from orchestration.definitions import build_definitions

    return build_definitions()


def test_asset_graph_runs_from_raw_through_staging_to_marts(defs):
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw/reports", "raw/indicator_rows", "raw/project_items", "raw/ingest_errors"} <= keys
    assert {"staging/stg_reports", "marts/fct_indicators", "marts/fct_projects", "marts/dim_reports"} <= keys
    # lineage is one graph: the dbt source raw.reports is the Python raw asset
    upstream = graph.get(dg.AssetKey(["staging", "stg_reports"])).parent_keys
    assert dg.AssetKey(["raw", "reports"]) in upstream
    assert dg.AssetKey(["staging", "stg_reports"]) in graph.get(dg.AssetKey(["marts", "dim_reports"])).parent_keys


def test_every_asset_is_partitioned_by_report_and_backfills_in_one_run(defs):
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if node.is_materializable:
            assert node.partitions_def is not None and node.partitions_def.name == "reports", key
            assert node.backfill_policy == dg.BackfillPolicy.single_run(), key


def test_dbt_tests_are_asset_checks_and_quarantine_has_a_check(defs):
    check_keys = {(c.asset_key.to_user_string(), c.name) for c in defs.resolve_asset_graph().asset_check_keys}
    assert ("marts/fct_indicators", "accepted_values_fct_indicators_comparator__eq__ge__le__gt__lt__approx__increase_by__decrease_by__qualitative") in check_keys
    assert ("raw/ingest_errors", "no_rejected_files") in check_keys


def test_sensor_schedule_and_job_are_defined(defs):
    assert defs.resolve_job_def("refresh_reports") is not None
    assert defs.resolve_sensor_def("reports_folder_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 6 * * *"


def test_daily_schedule_refreshes_all_partitions_in_one_run():
    from orchestration.schedules import daily_refresh

    with dg.instance_for_test() as instance:
        empty = daily_refresh(dg.build_schedule_context(instance=instance))
        assert isinstance(empty, dg.SkipReason)
        instance.add_dynamic_partitions("reports", ["a.txt", "b.txt", "c.txt"])
        request = daily_refresh(dg.build_schedule_context(instance=instance))
        assert request.partition_key_range == dg.PartitionKeyRange("a.txt", "c.txt")
