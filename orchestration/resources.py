"""Resources: the reports folder, and the warehouse, which owns every connection a Dagster step opens."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from warehouse.connection import connect, reading
from warehouse.lock import writer_lock

if TYPE_CHECKING:  # only for annotations: connections are opened in warehouse/
    import duckdb


class ReportsFolder(dg.ConfigurableResource):
    """The folder of report files; one Dagster partition per file in it."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Steps open it only through `writer()` and `reader()`, which take the
    single-writer lock (warehouse/lock.py), so two runs queue instead of failing on DuckDB's one writer."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)

    def lock(self):
        """The writer lock alone (for a step that runs a writer in another process, such as dbt)."""
        return writer_lock(self.file)

    @contextmanager
    def writer(self, locked: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writable connection (raw schema migrated) under the writer lock, unless the caller already holds it."""
        with writer_lock(self.file) if locked else nullcontext():
            con = connect(self.file)
            try:
                yield con
            finally:
                con.close()

    @contextmanager
    def reader(self, locked: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection, under the writer lock unless the caller already holds it."""
        if not locked:
            with reading(self.file) as con:
                yield con
            return
        with writer_lock(self.file), reading(self.file) as con:
            yield con
