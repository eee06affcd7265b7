"""Where things live. Environment variables override the defaults so the CLI, `dagster dev`, tests and CI can
point the same definitions at other folders."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"


def reports_dir() -> Path:
    return Path(os.environ.get("DEVPLAN_REPORTS_DIR") or PROJECT_ROOT / "seeds").resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("DEVPLAN_WAREHOUSE") or PROJECT_ROOT / "data" / "warehouse.duckdb").resolve()


def prepare_dagster_home(home: Path) -> Path:
    """Create DAGSTER_HOME with devplan's instance settings (one run at a time, devplan logs) if it has none."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text((Path(__file__).parent / "templates" / "dagster.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return home
