"""dbt models, seeds and tests as Dagster assets and asset checks, downstream of the raw asset.

Not partitioned: a run that loads one report or a thousand runs `dbt build` once, in the same run as the raw
partitions. The incremental fact models decide what to rebuild from the data (reports loaded since the model
was last built), so one `dbt build` serves a single report, a backfill of thousands, or a rerun after a crash.
"""

import logging
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from .dbt_setup import dbt_project
from .raw_assets import RAW_ASSET_KEY
from .resources import Warehouse
from .warehouse import writer_lock


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
        yield from dbt.cli(["build"], context=context).stream()
