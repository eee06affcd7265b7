"""`devplan status`: what the warehouse holds — reports known, the last build, rejected files, recent events.

Reads raw.reports, raw.ingest_errors, raw.report_events (and raw.build_state) read-only; never builds anything.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .cli_common import EXIT_OK, EXIT_REJECTED, UserError, fail, read_only


def add_parser(sub) -> None:
    from .settings import warehouse_path

    p = sub.add_parser(
        "status",
        help="show what the warehouse holds: reports, last build, rejected files (read-only)",
        description="Summarize the warehouse read-only: reports known (per district), when it was last built and "
                    "published, files that were rejected and why, and the latest report events. "
                    "Exit 0, or 3 when some files are rejected.",
    )
    p.add_argument("--warehouse", type=Path, default=warehouse_path(),
                   help="DuckDB file (default: %(default)s, or $DEVPLAN_WAREHOUSE)")
    p.add_argument("--events", type=int, default=10, metavar="N", help="how many recent report events to list (default: %(default)s)")
    p.add_argument("--all", action="store_true", help="list every report (default: the first 20)")
    p.set_defaults(run=run)


def _pad(text: str, width: int) -> str:
    """Left-align in `width` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _fmt(ts) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "never"


def _has(con, schema: str, table: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                       [schema, table]).fetchone()[0] > 0


def run(args: argparse.Namespace) -> int:
    warehouse = Path(args.warehouse).resolve()
    try:
        with read_only(warehouse) as con:
            if not _has(con, "raw", "reports"):
                raise UserError(f"{warehouse} holds no devplan tables: run `devplan build --warehouse {warehouse}` first")
            reports = con.execute("""
                select report_file, metadata ->> 'district', metadata ->> 'doc_type',
                       metadata ->> 'review_year', metadata ->> 'plan_year', ingested_at,
                       (select count(*) from raw.indicator_rows i where i.report_id = r.report_id),
                       (select count(*) from raw.project_items p where p.report_id = r.report_id)
                from raw.reports r order by report_file""").fetchall()
            errors = con.execute("select report_file, stage, message, last_seen from raw.ingest_errors "
                                 "order by report_file").fetchall()
            events = con.execute("select event_at, event, report_file, detail from raw.report_events "
                                 "order by event_at desc, report_file limit ?", [args.events]).fetchall()
            state = (con.execute("select raw_changed_at, marts_built_at from raw.build_state").fetchone()
                     if _has(con, "raw", "build_state") else None)
            marts = con.execute("select count(*) from information_schema.tables where table_schema = 'marts'").fetchone()[0]
    except UserError as exc:
        return fail(str(exc))

    print(f"warehouse  {warehouse} ({warehouse.stat().st_size / 1e6:.1f} MB)")
    from warehouse.serving import serving_path

    serving = serving_path(warehouse)
    if serving.exists():
        print(f"serving    {serving} (read-only copy of the marts for BI tools)")
    else:
        print("serving    none yet (published after the next successful build)")
    last_load = max((r[5] for r in reports if r[5]), default=None)
    print(f"last load  {_fmt(last_load)}")
    if state:
        print(f"marts      built {_fmt(state[1])}" + ("  ⚠ raw changed since: run `devplan build`"
                                                       if state[0] and (not state[1] or state[0] > state[1]) else ""))
    elif not marts:
        print("marts      not built: run `devplan build`")
    districts = sorted({r[1] or "?" for r in reports})
    print(f"\n{len(reports)} report(s), {len(districts)} district(s): {', '.join(districts)}")
    shown = reports if args.all else reports[:20]
    if shown:
        header = f"  {'report':<34} {_pad('district', 10)} {'type':<15} {'review':>6} {'plan':>5} {'indicators':>10} {'projects':>8}  loaded"
        print(header)
        for f, district, doc_type, ry, py, at, n_ind, n_proj in shown:
            print(f"  {f[:34]:<34} {_pad(district or '?', 10)} {doc_type or '?':<15} {ry or '':>6} {py or '':>5} "
                  f"{n_ind:>10} {n_proj:>8}  {_fmt(at)}")
        if len(reports) > len(shown):
            print(f"  … {len(reports) - len(shown)} more (--all lists them)")
    if errors:
        print(f"\n{len(errors)} file(s) rejected (raw.ingest_errors):")
        for f, stage, message, seen in errors:
            print(f"  ✗ {f} [{stage}] {message}")
    else:
        print("\nno rejected files")
    if events:
        print(f"\nlatest events (raw.report_events):")
        for at, event, f, detail in events:
            print(f"  {_fmt(at)}  {event:<9} {f}" + (f"  {detail}" if detail else ""))
    return EXIT_REJECTED if errors else EXIT_OK
