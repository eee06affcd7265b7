"""Opening the warehouse file: for writing (checked, schema migrated) or read-only.

Callers hold `lock.writer_lock` around either (see lock.py for why readers take it too).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .schema import migrate


class WarehouseError(RuntimeError):
    """The warehouse file cannot be used (a folder in its place, no write permission): a fatal error."""


def check_writable(warehouse: Path) -> None:
    """Fail with one clear line when the warehouse path cannot hold a DuckDB file we may write."""
    warehouse = Path(warehouse)
    if warehouse.is_dir():
        raise WarehouseError(f"warehouse path {warehouse} is a directory, not a DuckDB file")
    from .serving import is_serving_name

    if is_serving_name(warehouse):
        raise WarehouseError(f"warehouse path {warehouse} is named like a serving copy (serving.duckdb, "
                             "*.serving.duckdb), which a build replaces: choose another name")
    parent = warehouse.parent
    if parent.exists() and not parent.is_dir():
        raise WarehouseError(f"cannot create the warehouse: {parent} is not a directory")
    if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        raise WarehouseError(f"cannot write the warehouse: no write permission on {parent}")
    if warehouse.exists() and not os.access(warehouse, os.R_OK | os.W_OK):
        raise WarehouseError(f"cannot write the warehouse: no read/write permission on {warehouse}")


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection with the raw schema up to date (missing tables and columns added)."""
    warehouse = Path(warehouse)
    check_writable(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse))
    migrate(con)
    return con


@contextmanager
def reading(warehouse: Path):
    """A read-only connection, closed on exit (so a later build can write)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        yield con
    finally:
        con.close()


class WarehouseBusy(WarehouseError):
    """A build holds the writer lock longer than a reader waits."""


@contextmanager
def read_only(path: Path, lock: bool = True, lock_timeout_s: float = 15.0):
    """A read-only connection to a DuckDB file (the warehouse or its serving copy). For the warehouse itself
    (lock=True) the writer lock is held while reading: a reader in another process would make a starting build
    fail, so a build waits for the (short) read instead, and the read waits briefly for a running build.
    Raises FileNotFoundError when there is no file, WarehouseBusy or WarehouseError when it cannot be read."""
    from contextlib import nullcontext

    from .lock import writer_lock

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    guard = writer_lock(path, timeout_s=lock_timeout_s) if lock else nullcontext()
    try:
        guard.__enter__()
    except TimeoutError:
        raise WarehouseBusy(f"a build is writing {path}; try again when it is done "
                            "(`devplan query` reads the serving copy, which a build never blocks)") from None
    try:
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open {path} read-only: {exc}") from None
        try:
            yield con
        finally:
            con.close()
    finally:
        guard.__exit__(None, None, None)
