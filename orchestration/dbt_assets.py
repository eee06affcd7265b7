"""dbt models, seeds and tests as Dagster assets and asset checks, downstream of the raw tables.

Partitioned like the raw layer so a run for one new report builds its marts in the same run. The incremental
fact models decide what to rebuild from the data (reports loaded since the model was last built), so one
`dbt build` per run serves a single report, a backfill of thousands, or a rerun after a crash.
"""

import logging
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from .dbt_setup import dbt_project
from .partitions import report_partitions
from .resources import Warehouse
from .warehouse import writer_lock


class DevplanTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse: raw/<table> for sources, <schema>/<model> for models and seeds."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")


translator = DevplanTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    dagster_dbt_translator=translator,
    pool="duckdb",
)
def devplan_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    logging.getLogger("devplan.dbt").info("dbt build: staging, marts and tests")
    with writer_lock(warehouse.file):
        yield from dbt.cli(["build"], context=context).stream()
