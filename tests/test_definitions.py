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
    assert "raw/reports" in keys
    assert {"staging/stg_reports", "marts/fct_indicators", "marts/fct_projects", "marts/dim_reports"} <= keys
    # lineage is one graph: every dbt source in schema raw is the Python raw asset
    for staging in ("stg_reports", "stg_indicator_rows", "stg_project_items", "stg_ingest_errors"):
        assert graph.get(dg.AssetKey(["staging", staging])).parent_keys == {dg.AssetKey(["raw", "reports"])}
    assert dg.AssetKey(["staging", "stg_reports"]) in graph.get(dg.AssetKey(["marts", "dim_reports"])).parent_keys


def test_raw_is_partitioned_by_report_and_dbt_runs_once_per_run(defs):
    graph = defs.resolve_asset_graph()
    raw = graph.get(dg.AssetKey(["raw", "reports"]))
    assert raw.partitions_def.name == "reports"
    assert raw.backfill_policy == dg.BackfillPolicy.single_run()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if node.is_materializable and key != raw.key:
            assert node.partitions_def is None, key


def test_dbt_tests_are_asset_checks_and_quarantine_has_a_check(defs):
    check_keys = {(c.asset_key.to_user_string(), c.name) for c in defs.resolve_asset_graph().asset_check_keys}
    assert ("marts/fct_indicators", "accepted_values_fct_indicators_comparator__eq__ge__le__gt__lt__approx__increase_by__decrease_by__qualitative") in check_keys
    assert {("raw/reports", "no_rejected_files"), ("raw/reports", "table_values_parsed"),
            ("raw/reports", "stated_indicator_count")} <= check_keys


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


def test_a_run_over_a_partition_range_runs_raw_and_dbt_together(defs):
    """The sensor's and the CLI's runs: one job over a key range plans the raw partitions and every dbt model."""
    job = defs.resolve_job_def("refresh_reports")
    keys = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
    assert "raw/reports" in keys and "marts/fct_indicators" in keys
