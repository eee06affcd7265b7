"""dbt models, seeds and tests as Dagster assets and asset checks, downstream of the raw asset.

Not partitioned: a run that loads one report or a thousand runs `dbt build` once, in the same run as the raw
partitions. The incremental fact models decide what to rebuild from the data (reports loaded since the model
was last built), so one `dbt build` serves a single report, a backfill of thousands, or a rerun after a crash.
"""

import logging
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from .dbt_setup import dbt_project
from .raw_assets import RAW_ASSET_KEY
from .resources import Warehouse
from .warehouse import writer_lock


def dbt_target_path(warehouse_file: Path) -> Path:
    """dbt's target folder for builds of this warehouse (beside it, so it goes when the warehouse goes)."""
    return warehouse_file.parent / f"{warehouse_file.stem}.dbt_target"


class DevplanTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse: <schema>/<model> for models and seeds; every raw source is the one
    partitioned raw asset that writes it."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return RAW_ASSET_KEY
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")


translator = DevplanTranslator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_duplicate_source_asset_keys=True)
)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=translator,
    pool="duckdb",
)
def devplan_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    logging.getLogger("devplan.dbt").info("dbt build: staging, marts and tests")
    with writer_lock(warehouse.file):
        # From the first mart on, events wait for the end of the build (when dbt has released DuckDB's only write
        # connection), so the marts' materializations can carry a row count, a preview and the chart; they are
        # then recorded in the order dbt produced them (Dagster wants a multi-asset's outputs in topological order).
        keys = context.assets_def.keys_by_output_name
        held: list = []
        try:
            # A stable target folder per warehouse keeps dbt's partial-parse cache valid (the warehouse path is in
            # the profile, so a cache made for another path forces a full re-parse). dbt unit tests check SQL
            # logic, not data: they run in the test suite (tests/test_dbt_unit_tests.py), not in every build.
            invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context,
                                 target_path=dbt_target_path(warehouse.file))
            for event in invocation.stream():
                if not held and not (isinstance(event, dg.Output) and keys[event.output_name].path[0] == "marts"):
                    yield event
                else:
                    held.append(event)
        except Exception:  # what dbt did build is still recorded
            yield from held
            raise
        yield from with_previews(context, warehouse, held)


def with_previews(context: dg.AssetExecutionContext, warehouse: Warehouse, events: list):
    """The held events, mart outputs with Dagster metadata a user can read (see orchestration/previews.py)."""
    if not events:
        return
    from .previews import mart_metadata

    keys = context.assets_def.keys_by_output_name
    tables = {e.output_name: ".".join(keys[e.output_name].path) for e in events
              if isinstance(e, dg.Output) and keys[e.output_name].path[0] == "marts"}
    try:
        # the PNG chart (matplotlib, ~2 s) only for runs recorded in DAGSTER_HOME: the CLI's in-memory runs skip it
        meta = mart_metadata(warehouse.file, list(tables.values()), png=not context.instance.is_ephemeral)
    except Exception as exc:  # a preview must never fail a build
        context.log.warning(f"mart previews skipped: {exc}")
        meta = {}
    for e in events:
        extra = meta.get(tables.get(getattr(e, "output_name", None), ""))
        yield e.with_metadata({**e.metadata, **extra}) if extra else e
