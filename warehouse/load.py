"""Loading processed reports into the raw layer: one transaction per batch.

A report's old rows are deleted and its new rows inserted together, so a crash leaves either the old or the new
version, never a mix. Every insert names its columns (from `schema`), so a column added to a record or a table
never shifts values into the wrong column. Each table gets one insert per chunk of CHUNK_REPORTS reports
(`bulk.TableRows`, DuckDB's appender), all in the batch's one transaction: a load of a thousand reports is a
few dozen statements, not one per report or per row. The load is the peak of a build's memory, so a chunk's
rows are gathered, inserted and dropped before the next chunk's, and a report given packed (`ingestion.packed`,
as the refresh gets them from its workers) is taken for its chunk only: the batch's memory goes down while the
transaction's goes up. The caller holds the writer lock (`lock.writer_lock`).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingestion.errors import Rejection
from ingestion.packed import RECORD_TYPES, PackedReport, ReportRows
from ingestion.process import EXTRACTOR_VERSION, ProcessedReport

from .bulk import TableRows
from .schema import table

# raw.build_state holds one row: when the raw layer last changed, and when the marts (and the serving copy)
# were last completed after such a change. A build killed anywhere between the two leaves them apart, and the
# next build finishes the job (see `state.marts_are_current`). It also names the dbt code the views and seeds were
# last all created from (`record_views_built`; read by `state.plan_refresh` for orchestration/dbt/current.py).
_STATE_ROW = "warehouse"
_FACT_TABLES = ("indicator_rows", "project_items", "investment_plans", "report_parts")
# record list of an extraction → (its raw table, the column numbering its rows)
_FACTS = {"indicators": ("indicator_rows", "row_no"), "projects": ("project_items", "item_no"),
          "investments": ("investment_plans", "item_no"), "parts": ("report_parts", "part_no")}

# Reports per insert. One insert per batch held every row of a cold build at once, as records, as column lists
# and in DuckDB's appender buffer; chunks of 200 keep a few MB of rows out of the transaction at any time and
# insert about as fast as one statement (smaller chunks cost more appenders; docs/scaling.md has the figures).
CHUNK_REPORTS = 200


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


def load_batch(con, processed: Sequence[ProcessedReport | PackedReport], deleted: list[str] = ()) -> LoadSummary:
    """Apply one batch in a single transaction: new versions replace old ones, failures are quarantined,
    deleted files leave the raw layer. A failed new version keeps the last good facts of that file. The reports
    are inserted a chunk at a time (CHUNK_REPORTS), still in that one transaction."""
    summary = LoadSummary()
    now = _now()
    ok = [p for p in processed if p.ok]
    con.execute("begin transaction")
    try:
        # the same content under a second name is loaded once; the second name is reported
        owners = dict(con.execute("select sha256, report_file from raw.reports").fetchall())
        replacing = {p.report_file for p in ok}
        owners = {sha: f for sha, f in owners.items() if f not in replacing and f not in deleted}
        accepted: list[ProcessedReport | PackedReport] = []
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

        events = TableRows(table("report_events"))
        for start in range(0, len(accepted), CHUNK_REPORTS):
            _insert_reports(con, accepted[start:start + CHUNK_REPORTS], events, summary, now)
            if len(accepted) > CHUNK_REPORTS:
                _return_freed_memory()

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


def _return_freed_memory() -> None:
    """Hand the memory of the reports just inserted back to the system, for the next chunk and the commit (which
    copies the transaction's rows once more). The packed reports came in on the extraction's thread, so their
    memory sits in that thread's malloc arena, where the main thread's allocations (DuckDB's) never reuse it:
    glibc returns it only when asked (`malloc_trim`, a few ms). Elsewhere (no glibc) this does nothing."""
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _insert_reports(con, chunk: Sequence[ProcessedReport | PackedReport], events: TableRows, summary: LoadSummary,
                    now: datetime) -> None:
    """Insert one chunk of accepted reports (their rows, with their events gathered into `events`) in the
    caller's transaction; what this gathers, and every report it took, is dropped when it returns."""
    reports = TableRows(table("reports"))
    facts = {name: TableRows(table(name)) for name in _FACT_TABLES}
    for item in chunk:
        r = item.take() if isinstance(item, PackedReport) else ReportRows.of(item)
        for detail in r.incomplete:  # ingestion left the cut row out; the event says so
            events.add(report_file=r.report_file, sha256=r.sha256, event="incomplete", detail=detail, event_at=now)
            summary.incomplete.setdefault(r.report_file, []).append(detail)
        for part in r.problems:
            summary.problems.setdefault(r.report_file, []).append((part_label(part), part.problem))
        meta = dict(r.meta.__dict__, extractor_version=EXTRACTOR_VERSION, quality=r.quality)
        reports.add(report_id=r.report_file, report_file=r.report_file, sha256=r.sha256, size=r.size, text=r.text,
                    metadata=json.dumps(meta, ensure_ascii=False), ingested_at=now)
        for name, (fact_table, number) in _FACTS.items():
            facts[fact_table].add_rows(RECORD_TYPES[name], r.rows[name], number=number, report_id=r.report_file)
        events.add(report_file=r.report_file, sha256=r.sha256, event="loaded", event_at=now,
                   detail=f"{len(r.rows['indicators'])} indicator values, {len(r.rows['projects'])} project mentions, "
                          f"{len(r.rows['investments'])} investment figures")
        summary.loaded.append(r.report_file)
    reports.insert(con)
    summary.indicator_rows += facts["indicator_rows"].insert(con)
    summary.project_rows += facts["project_items"].insert(con)
    summary.investment_rows += facts["investment_plans"].insert(con)
    facts["report_parts"].insert(con)

