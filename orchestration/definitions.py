"""Dagster definitions for devplan: `dagster dev -w workspace.yaml` loads `defs` from here.

Paths come from DEVPLAN_REPORTS_DIR and DEVPLAN_WAREHOUSE (defaults: seeds/ and data/warehouse.duckdb).
"""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from .dbt_setup import dbt_executable, dbt_project, manifest_missing_message
from .settings import reports_dir, warehouse_path

dbt_project.prepare_if_dev()
if not dbt_project.manifest_path.exists():
    raise RuntimeError(manifest_missing_message())

from .dbt_assets import devplan_dbt_models  # noqa: E402  (reads the manifest)
from .jobs import refresh_reports_job  # noqa: E402
from .raw_assets import raw_reports  # noqa: E402
from .resources import ReportsFolder, Warehouse  # noqa: E402
from .schedules import daily_refresh  # noqa: E402
from .sensors import reports_folder_sensor  # noqa: E402
from .serving import serving_warehouse_copy_asset  # noqa: E402

serving_copy = serving_warehouse_copy_asset(devplan_dbt_models)


def build_definitions(reports: Path | None = None, warehouse: Path | None = None) -> dg.Definitions:
    reports = Path(reports or reports_dir()).resolve()
    warehouse = Path(warehouse or warehouse_path()).resolve()
    # dbt reads the warehouse path from the environment (profiles.yml)
    os.environ["DEVPLAN_WAREHOUSE"] = str(warehouse)
    return dg.Definitions(
        assets=[raw_reports, devplan_dbt_models, serving_copy],
        jobs=[refresh_reports_job],
        sensors=[reports_folder_sensor],
        schedules=[daily_refresh],
        resources={
            "reports_folder": ReportsFolder(path=str(reports)),
            "warehouse": Warehouse(path=str(warehouse)),
            "dbt": DbtCliResource(project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir), dbt_executable=dbt_executable()),
        },
    )


defs = build_definitions()
