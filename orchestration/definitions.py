"""Dagster definitions for devplan: `dagster dev -w workspace.yaml` loads `defs` from here.

Nothing happens at import: `defs` is a `@dg.definitions` function that Dagster calls when it loads the code
location, and `build_definitions` is what the CLI and the tests call with their own paths. Paths default to
DEVPLAN_REPORTS_DIR and DEVPLAN_WAREHOUSE (else seeds/ and data/warehouse.duckdb).
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from .dbt.assets import build_dbt_assets
from .dbt.project import dbt_executable, dbt_project, ensure_manifest, manifest_missing_message
from .dbt.resource import DevplanDbtCliResource
from .reports.assets import raw_reports
from .reports.jobs import refresh_reports_job
from .reports.schedule import daily_refresh
from .reports.sensor import reports_folder_sensor
from .resources import ReportsFolder, Warehouse
from .serving import serving_copy_asset
from .settings import reports_dir, warehouse_path


def build_definitions(reports: Path | None = None, warehouse: Path | None = None) -> dg.Definitions:
    """Every asset, check, job, sensor and schedule, with resources pointing at `reports` and `warehouse`.
    Needs the dbt manifest (`make manifest`, or `dagster dev`, which prepares it)."""
    reports = Path(reports or reports_dir()).resolve()
    warehouse = Path(warehouse or warehouse_path()).resolve()
    if not Path(dbt_project.manifest_path).exists():
        raise FileNotFoundError(manifest_missing_message())
    dbt_models = build_dbt_assets()
    return dg.Definitions(
        assets=[raw_reports, dbt_models, serving_copy_asset(dbt_models)],
        jobs=[refresh_reports_job],
        sensors=[reports_folder_sensor],
        schedules=[daily_refresh],
        # the steps are a chain that one writer serialises (raw → dbt → serving copy): a process per step, the
        # multiprocess default, only adds a code-location load (and, under `dagster dev`, a `dbt parse`) to each
        executor=dg.in_process_executor,
        resources={
            "reports_folder": ReportsFolder(path=str(reports)),
            "warehouse": Warehouse(path=str(warehouse)),
            "dbt": DevplanDbtCliResource(project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir),
                                         dbt_executable=dbt_executable()),
        },
    )


@dg.definitions
def defs() -> dg.Definitions:
    """The code location `dagster dev` loads (it re-parses the dbt project on every load there)."""
    ensure_manifest()
    return build_definitions()
