"""Resources: where the reports folder and the warehouse are."""
from __future__ import annotations

from pathlib import Path

import dagster as dg


class ReportsFolder(dg.ConfigurableResource):
    """The folder of report files; one Dagster partition per file in it."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)
