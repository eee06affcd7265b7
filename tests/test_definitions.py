"""The Dagster definitions a user sees: one graph raw → staging → intermediate → marts → serving, checks, job,
sensor, schedule."""
import json

import dagster as dg
import pytest

# the warehouse's layers in the order data flows; dbt schemas and Dagster groups are named after them
LAYERS = ("raw", "staging", "intermediate", "marts", "serving")


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


def test_dbt_models_read_only_their_own_layer_or_earlier(dbt_manifest):
    """Data flows forward: staging reads raw sources only, intermediate reads staging and intermediate, marts read
    what comes before them; each model lives in the schema of its folder."""
    manifest = json.loads(dbt_manifest.read_text())
    nodes = {**manifest["nodes"], **manifest["sources"]}
    models = {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] == "model"}
    assert {n["schema"] for n in models.values()} == {"staging", "intermediate", "marts"}
    for uid, model in models.items():
        assert model["schema"] == model["fqn"][1], f"{uid} is in folder {model['fqn'][1]}, schema {model['schema']}"
        parents = [nodes[p] for p in model["depends_on"]["nodes"]]
        assert parents, uid
        for parent in parents:
            parent_layer = "raw" if parent["resource_type"] == "source" else parent["schema"]
            if model["schema"] == "staging":
                assert parent_layer == "raw", f"staging model {uid} reads {parent['unique_id']}"
            else:
                assert parent_layer != "raw", f"{uid} reads the raw source {parent['unique_id']}: read its staging model"
                assert LAYERS.index(parent_layer) <= LAYERS.index(model["schema"]), \
                    f"{uid} ({model['schema']}) reads {parent['unique_id']} ({parent_layer}): data must flow forward"


def test_ui_lineage_reads_left_to_right_by_group(defs):
    """The UI draws one group per layer; no edge of the asset graph goes back to an earlier group."""
    graph = defs.resolve_asset_graph()
    groups = {key: graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert set(groups.values()) == set(LAYERS)
    for key, group in groups.items():
        for parent in graph.get(key).parent_keys:
            assert LAYERS.index(groups[parent]) <= LAYERS.index(group), f"{parent} ({groups[parent]}) → {key} ({group})"


def test_every_dbt_asset_lists_its_columns_with_types(defs):
    """The UI's Columns table of every model and seed shows a type per column (from the data_type in its YAML)."""
    graph = defs.resolve_asset_graph()
    dbt_keys = [k for k in graph.get_all_asset_keys() if graph.get(k).group_name in ("staging", "intermediate", "marts")]
    assert dbt_keys
    for key in dbt_keys:
        schema = graph.get(key).metadata.get("dagster/column_schema")
        assert schema is not None and schema.columns, key
        untyped = [c.name for c in schema.columns if c.type in ("", "?")]
        assert not untyped, f"{key.to_user_string()}: no data_type for {untyped}"


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
    assert ("marts/fct_indicators", "column_values_fct_indicators") in check_keys
    assert ("marts/fct_indicators", "relationships_fct_indicators_report_id__report_id__ref_dim_reports_") in check_keys
    assert {("raw/reports", "no_rejected_files"), ("raw/reports", "table_values_parsed"),
            ("raw/reports", "stated_indicator_count")} <= check_keys


def test_sensor_schedule_and_job_are_defined(defs):
    assert defs.resolve_job_def("refresh_reports") is not None
    assert defs.resolve_sensor_def("reports_folder_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 6 * * *"


def test_daily_schedule_refreshes_all_partitions_in_one_run_with_every_test():
    from orchestration.dbt.test_scope import FULL_TESTS_TAG, full_tests_requested
    from orchestration.reports.schedule import daily_refresh

    with dg.instance_for_test() as instance:
        empty = daily_refresh(dg.build_schedule_context(instance=instance))
        assert isinstance(empty, dg.SkipReason)
        instance.add_dynamic_partitions("reports", ["a.txt", "b.txt", "c.txt"])
        request = daily_refresh(dg.build_schedule_context(instance=instance))
        assert request.partition_key_range == dg.PartitionKeyRange("a.txt", "c.txt")
        # the daily run is the one that tests every row (an incremental refresh tests the reports it loaded)
        assert request.tags[FULL_TESTS_TAG] == "true" and full_tests_requested(request.tags)


def test_a_run_over_a_partition_range_runs_raw_and_dbt_together(defs):
    """The sensor's and the CLI's runs: one job over a key range plans the raw partitions and every dbt model."""
    job = defs.resolve_job_def("refresh_reports")
    keys = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
    assert "raw/reports" in keys and "marts/fct_indicators" in keys


def test_the_dbt_resource_knows_its_version_without_asking_dbt(defs):
    """The resource skips `dbt --version` for the venv's own dbt: the version it assumes is the one dbt prints."""
    import re
    import subprocess

    from orchestration.dbt.resource import DevplanDbtCliResource

    dbt = defs.resources["dbt"]
    assert isinstance(dbt, DevplanDbtCliResource)
    printed = subprocess.run([dbt.dbt_executable, "--version"], capture_output=True, text=True, check=True).stdout
    assert str(dbt._cli_version) == re.search(r"(\d+\.\d+\.\d+)", printed).group(1)
