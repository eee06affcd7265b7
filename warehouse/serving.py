"""The serving copy: a read-only snapshot of the marts that BI tools open while the pipeline writes.

DuckDB has a single writer, and a process that holds the warehouse open (even read-only) blocks it. So BI
tools do not open the warehouse: after every successful build the marts are copied into
`<warehouse dir>/serving.duckdb.tmp` (ATTACH + CREATE TABLE AS, checkpointed and closed) and the file is
renamed over `serving.duckdb` with `os.replace`, which is atomic. A reader that holds the old file open keeps
its complete old snapshot (the old inode lives until it closes) and never blocks a build, because builds never
write `serving.duckdb` in place; a new connection sees the new snapshot. A crash before the rename leaves the
previous copy in place and the next build publishes again (`raw.build_state` says the marts were not finished).
"""

import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .connection import connect
from .load import mark_marts_built
from .lock import writer_lock

SERVED_SCHEMAS = ("marts",)


def serving_path(warehouse: Path) -> Path:
    return Path(warehouse).with_name("serving.duckdb")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(con: duckdb.DuckDBPyConnection, warehouse: Path) -> dict:
    """Copy the served schemas of the open warehouse `con` into a new file and rename it into place.

    The caller holds the writer lock (so the marts do not change underneath). Returns table → row count."""
    target = serving_path(warehouse)
    tmp = target.with_name(target.name + ".tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)  # from a build killed while publishing
    relations = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = current_database() and table_schema in (select unnest(?::varchar[])) "
        "order by 1, 2", [list(SERVED_SCHEMAS)],
    ).fetchall()
    src = con.execute("select current_database()").fetchone()[0]
    counts: dict[str, int] = {}
    con.execute("attach ? as serving_copy", [str(tmp)])
    try:
        for schema in SERVED_SCHEMAS:
            con.execute(f"create schema if not exists serving_copy.{schema}")
        for schema, name in relations:
            # identifiers come from the catalog; quoted so any name is safe
            q_src = f'"{src}"."{schema}"."{name}"'
            q_dst = f'serving_copy."{schema}"."{name}"'
            con.execute(f"create table {q_dst} as select * from {q_src}")
            counts[f"{schema}.{name}"] = con.execute(f"select count(*) from {q_dst}").fetchone()[0]
        con.execute("create table serving_copy.main.snapshot (published_at timestamp, source varchar, tables integer)")
        con.execute("insert into serving_copy.main.snapshot values (?, ?, ?)",
                    [datetime.now(UTC).replace(tzinfo=None), str(warehouse), len(relations)])
        con.execute("checkpoint serving_copy")
    finally:
        con.execute("detach serving_copy")
    _fsync(tmp)
    os.replace(tmp, target)
    _fsync(target.parent)
    return counts


def publish_serving_copy(warehouse: Path) -> dict:
    """Publish the serving copy and record that the marts are complete (takes the writer lock)."""
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
