"""Loading processed reports into the raw layer: one transaction per batch.

A report's old rows are deleted and its new rows inserted together, so a crash leaves either the old or the new
version, never a mix. Every insert names its columns (from `schema`), so a column added to a record or a table
never shifts values into the wrong column. Each table gets one insert per batch (`bulk.TableRows`): a load of a
thousand reports is a handful of statements, not one per report or per row. The caller holds the writer lock
(`lock.writer_lock`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingestion.errors import Rejection
from ingestion.process import EXTRACTOR_VERSION, ProcessedReport

from .bulk import TableRows
from .schema import table

# raw.build_state holds one row: when the raw layer last changed, and when the marts (and the serving copy)
# were last completed after such a change. A build killed anywhere between the two leaves them apart, and the
# next build finishes the job (see `state.marts_are_current`). It also names the dbt code the views and seeds were
# last all created from (`record_views_built`; read by `state.plan_refresh` for orchestration/dbt/current.py).
_STATE_ROW = "warehouse"
_FACT_TABLES = ("indicator_rows", "project_items", "investment_plans", "report_parts")


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # file → message
    deleted: list[str] = field(default_factory=list)
    incomplete: dict[str, list[str]] = field(default_factory=dict)  # file → what is missing (truncated file)
    problems: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # file → (part, problem) read badly
    indicator_rows: int = 0
    project_rows: int = 0
    investment_rows: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert_one(con, name: str, **values) -> None:
    t = table(name)
    cols = ", ".join(values)
    con.execute(f"insert into {t.qualified} ({cols}) values ({', '.join('?' * len(values))})", list(values.values()))


def _record_error(con, events: TableRows, p: ProcessedReport, now: datetime) -> None:
    stage, message = p.error.stage, p.error.message
    updated = con.execute(
        "update raw.ingest_errors set last_seen = ?, message = ? "
        "where report_file = ? and sha256 = ? and stage = ? returning 1",
        [now, message, p.report_file, p.sha256, stage],
    ).fetchall()
    if not updated:
        con.execute("delete from raw.ingest_errors where report_file = ?", [p.report_file])
        _insert_one(con, "ingest_errors", report_file=p.report_file, sha256=p.sha256, stage=stage, message=message,
                    first_seen=now, last_seen=now)
    events.add(report_file=p.report_file, sha256=p.sha256, event="rejected", detail=f"{stage}: {message}", event_at=now)


def mark_raw_changed(con, now: datetime) -> None:
    """Record (inside the load's transaction) that the marts no longer match the raw layer."""
    con.execute("insert into raw.build_state (name, raw_changed_at) values (?, ?) "
                "on conflict (name) do update set raw_changed_at = excluded.raw_changed_at", [_STATE_ROW, now])


def mark_marts_built(con) -> None:
    """Record that the marts and the serving copy reflect the raw layer as it is now (caller holds the lock)."""
    con.execute("insert into raw.build_state (name, marts_built_at) values (?, ?) "
                "on conflict (name) do update set marts_built_at = excluded.marts_built_at", [_STATE_ROW, _now()])


def record_views_built(con, fingerprint: str | None, every: bool = True) -> None:
    """Record that dbt views and seeds of the warehouse were just created from the code `fingerprint` names (the
    caller holds the writer lock, right after the dbt build): `every` one of them, or only some, when the record
    still holds if it names that same code (the others were left out as created from it) and is cleared if not.
    None: not known."""
    if every or fingerprint is None:
        con.execute("insert into raw.build_state (name, views_built_from) values (?, ?) "
                    "on conflict (name) do update set views_built_from = excluded.views_built_from",
                    [_STATE_ROW, fingerprint])
    else:
        con.execute("update raw.build_state set views_built_from = null "
                    "where name = ? and views_built_from is distinct from ?", [_STATE_ROW, fingerprint])


def part_label(part) -> str:
    """How a part is named to a user: its title as printed, else its kind and line."""
    return part.title or f"{part.kind.replace('_', ' ')} at line {part.source_line}"


def _duplicate_error(owner: str) -> Rejection:
    return Rejection("duplicate", f"same content as {owner}, which is already loaded; this copy was not loaded again")


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
                       (report_file, sha256, size, metadata, ingested_at, replaced_at, change)
                   select r.report_file, r.sha256, r.size, r.metadata, r.ingested_at, ?,
                          case when r.report_file in (select unnest(?::varchar[])) then 'deleted' else 'replaced' end
                   from raw.reports r where r.report_id in (select unnest(?::varchar[]))""",
                [now, list(deleted), ids],
            )
            for name in (*_FACT_TABLES, "reports"):
                con.execute(f"delete from {table(name).qualified} where report_id in (select unnest(?::varchar[]))",
                            [ids])
            con.execute("delete from raw.ingest_errors where report_file in (select unnest(?::varchar[]))", [ids])

        reports, events = TableRows(table("reports")), TableRows(table("report_events"))
        facts = {name: TableRows(table(name)) for name in _FACT_TABLES}
        for p in accepted:
            for detail in p.incomplete:  # ingestion left the cut row out; the event says so
                events.add(report_file=p.report_file, sha256=p.sha256, event="incomplete", detail=detail, event_at=now)
                summary.incomplete.setdefault(p.report_file, []).append(detail)
            for part in p.problems:
                summary.problems.setdefault(p.report_file, []).append((part_label(part), part.problem))
            meta = dict(p.extraction.meta.__dict__, extractor_version=EXTRACTOR_VERSION, quality=p.quality)
            reports.add(report_id=p.report_file, report_file=p.report_file, sha256=p.sha256, size=p.size, text=p.text,
                        metadata=json.dumps(meta, ensure_ascii=False), ingested_at=now)
            ex = p.extraction
            facts["indicator_rows"].add_records(ex.indicators, number="row_no", report_id=p.report_file)
            facts["project_items"].add_records(ex.projects, number="item_no", report_id=p.report_file)
            facts["investment_plans"].add_records(ex.investments, number="item_no", report_id=p.report_file)
            facts["report_parts"].add_records(ex.parts, number="part_no", report_id=p.report_file)
            events.add(report_file=p.report_file, sha256=p.sha256, event="loaded", event_at=now,
                       detail=f"{len(ex.indicators)} indicator values, {len(ex.projects)} project mentions, "
                              f"{len(ex.investments)} investment figures")
            summary.loaded.append(p.report_file)
        reports.insert(con)
        summary.indicator_rows = facts["indicator_rows"].insert(con)
        summary.project_rows = facts["project_items"].insert(con)
        summary.investment_rows = facts["investment_plans"].insert(con)
        facts["report_parts"].insert(con)

        for p in processed:
            if not p.ok:
                _record_error(con, events, p, now)
                summary.rejected[p.report_file] = f"{p.error.stage}: {p.error.message}"
        for name in deleted:
            events.add(report_file=name, event="deleted", event_at=now,
                       detail="file no longer in the reports folder; its facts and errors were removed")
            summary.deleted.append(name)
        events.insert(con)
        if processed or deleted:
            mark_raw_changed(con, now)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return summary

