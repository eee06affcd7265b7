"""Shared by the read-only CLI commands (`devplan status`, `devplan query`): opening the warehouse or its serving
copy read-only, with errors that tell the user what to do."""
from __future__ import annotations

import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path

import duckdb

EXIT_OK, EXIT_FATAL, EXIT_REJECTED = 0, 1, 3  # all loaded / fatal error / some files rejected


class UserError(Exception):
    """A problem the user can fix; printed as one line without a traceback."""


def missing_warehouse(warehouse: Path) -> UserError:
    return UserError(f"no warehouse at {warehouse}: run `devplan build --warehouse {warehouse}` first "
                     "(or point --warehouse / $DEVPLAN_WAREHOUSE at an existing one)")


@contextmanager
def read_only(path: Path, lock: bool = True, lock_timeout_s: float = 15.0):
    """A read-only connection to a DuckDB file. For the warehouse itself (lock=True) the writer lock is held while
    reading: DuckDB lets one process write, and a reader in another process would make a starting build fail,
    so a build waits for the (short) read instead, and the read waits briefly for a running build."""
    path = Path(path)
    if not path.exists():
        raise missing_warehouse(path)
    from warehouse.lock import writer_lock

    guard = writer_lock(path, timeout_s=lock_timeout_s) if lock else nullcontext()
    try:
        guard.__enter__()
    except TimeoutError:
        raise UserError(f"a build is writing {path}; try again when it is done "
                        "(`devplan query` reads the serving copy, which a build never blocks)") from None
    try:
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            raise UserError(f"cannot open {path} read-only: {exc}") from None
        try:
            yield con
        finally:
            con.close()
    finally:
        guard.__exit__(None, None, None)


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FATAL
