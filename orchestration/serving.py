"""The serving copy as a Dagster asset, downstream of every mart (the copy itself: warehouse/serving.py)."""

import dagster as dg

from warehouse.serving import publish_serving_copy, serving_path

from .resources import Warehouse

SERVING_ASSET_KEY = dg.AssetKey(["serving", "warehouse_copy"])


def serving_copy_asset(dbt_assets_def: dg.AssetsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=SERVING_ASSET_KEY,
        deps=[k for k in dbt_assets_def.keys if k.path[0] == "marts"],
        group_name="serving",
        kinds={"duckdb"},
        pool="duckdb",
        description="Read-only snapshot of the marts for BI tools: `serving.duckdb` beside the warehouse, written "
                    "aside and renamed into place after every successful dbt build (a reader never blocks a build "
                    "and never sees a half-built state).",
    )
    def warehouse_copy(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
        counts = publish_serving_copy(warehouse.file)
        context.log.info(f"published {serving_path(warehouse.file)} ({len(counts)} tables)")
        return dg.MaterializeResult(metadata={
            "path": dg.MetadataValue.path(str(serving_path(warehouse.file))),
            "tables": len(counts),
            "rows": dg.MetadataValue.table(
                [dg.TableRecord({"table": t, "rows": n}) for t, n in counts.items()],
                schema=dg.TableSchema(columns=[dg.TableColumn("table", "string"), dg.TableColumn("rows", "int")])),
        })

    return warehouse_copy
