"""The serving copy: a read-only snapshot of the marts that BI tools open while the pipeline writes.

DuckDB has a single writer, and a process that holds the warehouse open (even read-only) blocks it. So BI
tools do not open the warehouse: after every successful build the warehouse is checkpointed and its file copied
(a plain file copy, done by the kernel) to `serving.duckdb.tmp` beside it (`serving_path`); in that copy everything but the
served schemas is dropped, the served tables are checked against the warehouse's row counts, a `snapshot` row is
written, and the copy is checkpointed, closed, fsynced and renamed over `serving.duckdb` with `os.replace`, which
is atomic. A reader that holds the old file open keeps its complete old snapshot (the old inode lives until it
closes) and never blocks a build, because builds never write `serving.duckdb` in place; a new connection sees
the new snapshot. A crash before the rename leaves the previous copy in place and the next build publishes
again (`raw.build_state` says the marts were not finished).

Why a file copy rather than `CREATE TABLE AS` of each mart into a new file: the marts' data is already
compressed in the warehouse, and re-reading and re-compressing it cost ~1 s of CPU at 1000 reports (18 MB of
marts) on every build, growing with the warehouse; copying the file and dropping the rest costs ~0.1 s. The
price is the file's size: DuckDB does not shrink a file, so the blocks of the dropped layers stay in the copy as
free space (at 1000 reports the copy is ~50 MB instead of 18 MB), unreachable from SQL.
"""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .connection import connect
from .lock import writer_lock

SERVED_SCHEMAS = ("marts",)
SNAPSHOT_TABLE = "main.snapshot"


class ServingCopyError(RuntimeError):
    """The copy does not hold what the warehouse's served schemas hold: it is not published."""


DEFAULT_WAREHOUSE_NAME = "warehouse.duckdb"
DEFAULT_SERVING_NAME = "serving.duckdb"  # the default warehouse's copy, the path the README gives BI tools
SERVING_SUFFIX = "." + DEFAULT_SERVING_NAME  # any other warehouse's: `<name>.serving.duckdb`


def serving_path(warehouse: Path) -> Path:
    """`serving.duckdb` beside the default `warehouse.duckdb` (the path BI connections are told to open), and
    `<name>.serving.duckdb` beside any other warehouse: two warehouses in one folder (a test build beside the
    real one) must never publish over each other's copy, or a BI tool would read the other warehouse's marts."""
    warehouse = Path(warehouse)
    if warehouse.name == DEFAULT_WAREHOUSE_NAME:
        return warehouse.with_name(DEFAULT_SERVING_NAME)
    return warehouse.with_name(warehouse.stem + SERVING_SUFFIX)


def is_serving_name(path: Path) -> bool:
    """A file name `serving_path` gives to some warehouse's copy: a warehouse must not be called that."""
    name = Path(path).name
    return name == DEFAULT_SERVING_NAME or name.endswith(SERVING_SUFFIX)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _q(*parts: str) -> str:
    """A quoted identifier (names come from the catalog; quoted so any name is safe)."""
    return ".".join('"' + p.replace('"', '""') + '"' for p in parts)


def _served(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(schema, name, 'BASE TABLE' | 'VIEW') of every relation in the served schemas."""
    return con.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_catalog = current_database() and table_schema in (select unnest(?::varchar[])) "
        "order by 1, 2", [list(SERVED_SCHEMAS)],
    ).fetchall()


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """schema.table → row count of every relation in the served schemas."""
    return {f"{s}.{n}": con.execute(f"select count(*) from {_q(s, n)}").fetchone()[0] for s, n, _ in _served(con)}


def _keep_only_served(copy: duckdb.DuckDBPyConnection) -> None:
    """Drop every schema and `main` relation that is not served; a view in a served schema becomes a table
    first (it may read a layer that is dropped)."""
    for schema, name, kind in _served(copy):
        if kind == "VIEW":
            tmp = f"{name}__serving_materialized"
            copy.execute(f"create table {_q(schema, tmp)} as select * from {_q(schema, name)}")
            copy.execute(f"drop view {_q(schema, name)}")
            copy.execute(f"alter table {_q(schema, tmp)} rename to {_q(name)}")
    for (schema,) in copy.execute(
            "select schema_name from duckdb_schemas() where database_name = current_database() and not internal "
            "and schema_name <> 'main' and schema_name not in (select unnest(?::varchar[]))",
            [list(SERVED_SCHEMAS)]).fetchall():
        copy.execute(f"drop schema {_q(schema)} cascade")
    if "main" not in SERVED_SCHEMAS:
        for name, kind in copy.execute(
                "select table_name, table_type from information_schema.tables "
                "where table_catalog = current_database() and table_schema = 'main'").fetchall():
            copy.execute(f"drop {'view' if kind == 'VIEW' else 'table'} {_q('main', name)}")


def _write_copy(con: duckdb.DuckDBPyConnection, warehouse: Path, tmp: Path, counts: dict[str, int]) -> None:
    """The warehouse's file copied to `tmp` and cut down to the served schemas, checked against `counts`."""
    con.execute("checkpoint")  # every committed change into the file itself (fails while a transaction is open)
    shutil.copyfile(warehouse, tmp)
    if _wal(warehouse).exists():  # normally gone after the checkpoint; if not, the copy replays it on open
        shutil.copyfile(_wal(warehouse), _wal(tmp))
    copy = duckdb.connect(str(tmp))
    try:
        _keep_only_served(copy)
        copied = _counts(copy)
        if copied != counts:
            raise ServingCopyError(f"the serving copy of {warehouse} does not match its marts "
                                   f"(warehouse {counts}, copy {copied}); the previous copy stays in place")
        copy.execute(f"create table {SNAPSHOT_TABLE} (published_at timestamp, source varchar, tables integer)")
        copy.execute(f"insert into {SNAPSHOT_TABLE} values (?, ?, ?)",
                     [datetime.now(UTC).replace(tzinfo=None), str(warehouse), len(counts)])
        copy.execute("checkpoint")
    finally:
        copy.close()
    if _wal(tmp).exists():  # closing after a checkpoint leaves none; one with content would be lost by the rename
        if _wal(tmp).stat().st_size:
            raise ServingCopyError(f"the serving copy of {warehouse} kept a write-ahead log; not published")
        _wal(tmp).unlink()


def publish(con: duckdb.DuckDBPyConnection, warehouse: Path) -> dict:
    """Copy the served schemas of the open warehouse `con` into a new file and rename it into place.

    The caller holds the writer lock (so nothing writes the warehouse meanwhile). Returns table → row count."""
    warehouse = Path(warehouse)
    target = serving_path(warehouse)
    tmp = target.with_name(target.name + ".tmp")
    for leftover in (tmp, _wal(tmp)):
        leftover.unlink(missing_ok=True)  # from a build killed while publishing
    counts = _counts(con)
    try:
        _write_copy(con, warehouse, tmp, counts)
    except BaseException:
        for partial in (tmp, _wal(tmp)):  # the previous copy stays the served one
            partial.unlink(missing_ok=True)
        raise
    _fsync(tmp)
    os.replace(tmp, target)
    _fsync(target.parent)
    return counts


def publish_serving_copy(warehouse: Path) -> dict:
    """Publish the serving copy and record that the marts are complete (takes the writer lock)."""
    from .load import mark_marts_built  # imports the extraction rules: not for `serving_path` in a no-change build

    warehouse = Path(warehouse)
    with writer_lock(warehouse):
        con = connect(warehouse)
        try:
            counts = publish(con, warehouse)
            # only now is the build finished: a crash before this line makes the next build redo dbt + publish
            mark_marts_built(con)
        finally:
            con.close()
    return counts
