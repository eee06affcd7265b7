"""One writer at a time on a warehouse file, across processes.

DuckDB allows one writing process, and a second process that opens the file (even read-only) blocks it. So
every writer (the raw asset, the dbt step, the serving copy, the CLI) and every reader of the warehouse itself
takes this lock first: two runs queue instead of failing. `filelock` holds an OS lock on `<warehouse>.lock`,
which the kernel releases when the process dies, so a killed build never leaves a stale lock.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


def lock_path(warehouse: Path) -> Path:
    return Path(warehouse).with_name(Path(warehouse).name + ".lock")


@contextmanager
def writer_lock(warehouse: Path, timeout_s: float = 600.0):
    """Hold the warehouse's single-writer lock; wait for another writer up to `timeout_s`, then raise
    TimeoutError naming the file."""
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(warehouse), timeout=timeout_s)
    try:
        lock.acquire()
    except Timeout:
        raise TimeoutError(f"another devplan process has been writing {warehouse} for {timeout_s:.0f}s") from None
    try:
        yield
    finally:
        lock.release()
