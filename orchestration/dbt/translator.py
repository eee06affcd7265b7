"""How dbt resources become Dagster assets: one lineage graph from the raw asset to the marts."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings

from ..reports.checks import RAW_ASSET_KEY


class DevplanTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse: <schema>/<model> for models and seeds, grouped by schema; every raw
    source is the one partitioned raw asset that writes it."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return RAW_ASSET_KEY
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")


# dbt tests become asset checks; all raw sources share the raw asset's key
translator = DevplanTranslator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_duplicate_source_asset_keys=True)
)
