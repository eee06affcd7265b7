"""The DuckDB warehouse's raw layer: schema, single-writer lock and transactional loads.

DuckDB allows one writing process, and a second process that opens the file even read-only blocks it. Every
writer (the raw asset, the dbt step, the CLI) therefore takes an advisory file lock beside the database
first, so two runs queue instead of failing. Each load is one transaction: a report's old rows are deleted
and its new rows inserted together, so a crash leaves either the old or the new version, never a mix.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from ingestion.process import EXTRACTOR_VERSION, ProcessedReport
from ingestion.records import IndicatorValue, InvestmentFigure, ProjectItem, as_rows, column_names

from .completeness import drop_incomplete, find_incomplete

_INT_COLUMNS = {"period_year", "source_line", "row_no", "item_no"}
_FLOAT_COLUMNS = {"value_num", "value_yi"}

INDICATOR_COLUMNS = ["report_id", "row_no", *column_names(IndicatorValue)]
PROJECT_COLUMNS = ["report_id", "item_no", *column_names(ProjectItem)]
INVESTMENT_COLUMNS = ["report_id", "item_no", *column_names(InvestmentFigure)]


def _ddl_columns(columns: list[str]) -> str:
    def sql_type(c):
        return "integer" if c in _INT_COLUMNS else "double" if c in _FLOAT_COLUMNS else "varchar"

    return ", ".join(f"{c} {sql_type(c)}" for c in columns)


RAW_DDL = f"""
create schema if not exists raw;
create table if not exists raw.reports (
    report_id varchar, report_file varchar, sha256 varchar, size bigint, text varchar, metadata json,
    ingested_at timestamp
);
create table if not exists raw.indicator_rows ({_ddl_columns(INDICATOR_COLUMNS)});
create table if not exists raw.project_items ({_ddl_columns(PROJECT_COLUMNS)});
create table if not exists raw.investment_plans ({_ddl_columns(INVESTMENT_COLUMNS)});
create table if not exists raw.ingest_errors (
    report_file varchar, sha256 varchar, stage varchar, message varchar, first_seen timestamp, last_seen timestamp
);
create table if not exists raw.report_events (
    report_file varchar, sha256 varchar, event varchar, detail varchar, event_at timestamp
);
create table if not exists raw.report_versions (
    report_file varchar, sha256 varchar, size bigint, metadata json, ingested_at timestamp, replaced_at timestamp,
    change varchar
);
create table if not exists raw.build_state (
    name varchar primary key, raw_changed_at timestamp, marts_built_at timestamp
);
"""

# raw.build_state holds one row: when the raw layer last changed, and when the marts (and the serving copy)
# were last completed after such a change. A build killed anywhere between the two leaves them apart, and the
# next build finishes the job (see `planning.marts_are_current`).
_STATE_ROW = "warehouse"


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # file → message
    deleted: list[str] = field(default_factory=list)
    incomplete: dict[str, list[str]] = field(default_factory=dict)  # file → what is missing (truncated file)
    indicator_rows: int = 0
    project_rows: int = 0
    investment_rows: int = 0


@contextmanager
def writer_lock(warehouse: Path, timeout_s: float = 600.0):
    """Hold the warehouse's single-writer lock (waits for another writer, then fails with a clear message)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    with open(lock_path, "a+") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another devplan process has been writing {warehouse} for {timeout_s:.0f}s")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class WarehouseError(RuntimeError):
    """The warehouse file cannot be used (a folder in its place, no write permission): a fatal error."""


def check_writable(warehouse: Path) -> None:
    """Fail with one clear line when the warehouse path cannot hold a DuckDB file we may write."""
    if warehouse.is_dir():
        raise WarehouseError(f"warehouse path {warehouse} is a directory, not a DuckDB file")
    parent = warehouse.parent
    if parent.exists() and not parent.is_dir():
        raise WarehouseError(f"cannot create the warehouse: {parent} is not a directory")
    if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        raise WarehouseError(f"cannot write the warehouse: no write permission on {parent}")
    if warehouse.exists() and not os.access(warehouse, os.R_OK | os.W_OK):
        raise WarehouseError(f"cannot write the warehouse: no read/write permission on {warehouse}")


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    check_writable(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse))
    con.execute(RAW_DDL)
    return con


def known_reports(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """report_file → (sha256, extractor_version) of what the raw layer holds."""
    rows = con.execute("select report_file, sha256, metadata ->> 'extractor_version' from raw.reports").fetchall()
    return {f: (sha, ver) for f, sha, ver in rows}


def is_current(known: dict[str, tuple[str, str]], report_file: str, sha256: str) -> bool:
    return known.get(report_file) == (sha256, EXTRACTOR_VERSION)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for c in columns:
        if c in _INT_COLUMNS:
            df[c] = df[c].astype("Int64")
        elif c in _FLOAT_COLUMNS:
            df[c] = df[c].astype("float64")
        else:
            df[c] = df[c].astype("object")
    return df


def _insert(con, table: str, df: pd.DataFrame) -> None:
    if df.empty:
        return
    con.register("_batch", df)
    try:
        con.execute(f"insert into {table} select * from _batch")
    finally:
        con.unregister("_batch")


def _record_error(con, p: ProcessedReport, now: datetime) -> None:
    stage, message = p.error.stage, p.error.message
    updated = con.execute(
        "update raw.ingest_errors set last_seen = ?, message = ? where report_file = ? and sha256 = ? and stage = ? returning 1",
        [now, message, p.report_file, p.sha256, stage],
    ).fetchall()
    if not updated:
        con.execute("delete from raw.ingest_errors where report_file = ?", [p.report_file])
        con.execute("insert into raw.ingest_errors values (?, ?, ?, ?, ?, ?)", [p.report_file, p.sha256, stage, message, now, now])
    _event(con, p.report_file, p.sha256, "rejected", f"{stage}: {message}", now)


def mark_raw_changed(con, now: datetime) -> None:
    """Record (inside the load's transaction) that the marts no longer match the raw layer."""
    con.execute("insert into raw.build_state values (?, ?, null) "
                "on conflict (name) do update set raw_changed_at = excluded.raw_changed_at", [_STATE_ROW, now])


def mark_marts_built(con) -> None:
    """Record that the marts and the serving copy reflect the raw layer as it is now (caller holds the lock)."""
    now = _now()
    con.execute("insert into raw.build_state values (?, null, ?) "
                "on conflict (name) do update set marts_built_at = excluded.marts_built_at", [_STATE_ROW, now])


def _event(con, report_file: str, sha256: str | None, event: str, detail: str | None, now: datetime) -> None:
    con.execute("insert into raw.report_events values (?, ?, ?, ?, ?)", [report_file, sha256, event, detail, now])


def load_batch(con, processed: list[ProcessedReport], deleted: list[str] = ()) -> LoadSummary:
    """Apply one batch in a single transaction: new versions replace old ones, failures are quarantined,
    deleted files leave the raw layer. A failed new version keeps the last good facts of that file."""
    summary = LoadSummary()
    now = _now()
    ok = [p for p in processed if p.ok]
    con.execute("begin transaction")
    try:
        # the same content under a second name is loaded once; the second name is reported
        owners = dict(con.execute("select sha256, report_file from raw.reports").fetchall())
        replacing = {p.report_file for p in ok}
        owners = {sha: f for sha, f in owners.items() if f not in replacing and f not in deleted}
        accepted: list[ProcessedReport] = []
        for p in sorted(ok, key=lambda x: x.report_file):
            owner = owners.get(p.sha256)
            if owner is not None and owner != p.report_file:
                p.error = _duplicate_error(owner)
                continue
            owners[p.sha256] = p.report_file
            accepted.append(p)

        ids = [p.report_file for p in accepted] + list(deleted)
        if ids:
            # the versions being replaced or deleted are kept in raw.report_versions (facts are not: the
            # text is, and re-extracting it gives them back)
            con.execute(
                """insert into raw.report_versions
                   select r.report_file, r.sha256, r.size, r.metadata, r.ingested_at, ?,
                          case when r.report_file in (select unnest(?::varchar[])) then 'deleted' else 'replaced' end
                   from raw.reports r where r.report_id in (select unnest(?::varchar[]))""",
                [now, list(deleted), ids],
            )
            for table in ("raw.indicator_rows", "raw.project_items", "raw.investment_plans", "raw.reports"):
                con.execute(f"delete from {table} where report_id in (select unnest(?::varchar[]))", [ids])
            con.execute("delete from raw.ingest_errors where report_file in (select unnest(?::varchar[]))", [ids])

        report_rows, ind_rows, proj_rows, inv_rows = [], [], [], []
        for p in accepted:
            findings = find_incomplete(p.text)
            dropped = drop_incomplete(p.extraction, findings)
            for f in findings:
                _event(con, p.report_file, p.sha256, "incomplete",
                       f.detail + (f" ({dropped} value(s) left out)" if dropped else ""), now)
                summary.incomplete.setdefault(p.report_file, []).append(f.detail)
            meta = dict(p.extraction.meta.__dict__, extractor_version=EXTRACTOR_VERSION)
            report_rows.append(dict(report_id=p.report_file, report_file=p.report_file, sha256=p.sha256, size=p.size,
                                    text=p.text, metadata=json.dumps(meta, ensure_ascii=False), ingested_at=now))
            for i, r in enumerate(as_rows(p.extraction.indicators), start=1):
                ind_rows.append(dict(r, report_id=p.report_file, row_no=i))
            for i, r in enumerate(as_rows(p.extraction.projects), start=1):
                proj_rows.append(dict(r, report_id=p.report_file, item_no=i))
            for i, r in enumerate(as_rows(p.extraction.investments), start=1):
                inv_rows.append(dict(r, report_id=p.report_file, item_no=i))
            _event(con, p.report_file, p.sha256, "loaded",
                   f"{len(p.extraction.indicators)} indicator values, {len(p.extraction.projects)} project mentions, "
                   f"{len(p.extraction.investments)} investment figures", now)
            summary.loaded.append(p.report_file)
        if report_rows:
            df = pd.DataFrame(report_rows)
            con.register("_reports", df)
            try:
                con.execute("insert into raw.reports select report_id, report_file, sha256, size, text, "
                            "cast(metadata as json), ingested_at from _reports")
            finally:
                con.unregister("_reports")
        _insert(con, "raw.indicator_rows", _frame(ind_rows, INDICATOR_COLUMNS))
        _insert(con, "raw.project_items", _frame(proj_rows, PROJECT_COLUMNS))
        _insert(con, "raw.investment_plans", _frame(inv_rows, INVESTMENT_COLUMNS))
        summary.indicator_rows, summary.project_rows = len(ind_rows), len(proj_rows)
        summary.investment_rows = len(inv_rows)

        for p in processed:
            if not p.ok:
                _record_error(con, p, now)
                summary.rejected[p.report_file] = f"{p.error.stage}: {p.error.message}"
        for name in deleted:
            _event(con, name, None, "deleted", "file no longer in the reports folder; its facts and errors were removed", now)
            summary.deleted.append(name)
        if processed or deleted:
            mark_raw_changed(con, now)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return summary


def _duplicate_error(owner: str):
    from ingestion.errors import Rejection

    return Rejection("duplicate", f"same content as {owner}, which is already loaded; this copy was not loaded again")


def open_errors(con) -> list[tuple]:
    return con.execute(
        "select report_file, stage, message, first_seen, last_seen from raw.ingest_errors order by report_file"
    ).fetchall()
