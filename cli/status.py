"""`devplan status`: what the warehouse holds — reports known, the last build, rejected files, parts not read
fully, recent events.

Reads the raw tables read-only (`warehouse.queries.warehouse_status`); never builds anything.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .errors import EXIT_OK, EXIT_REJECTED, UserError, fail
from .output import REPORT_COLUMNS, print_table, timestamp
from .reading import open_read_only


def add_parser(sub) -> None:
    from orchestration.settings import warehouse_path

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


def run(args: argparse.Namespace) -> int:
    from warehouse.queries import warehouse_status
    from warehouse.serving import serving_path

    warehouse = Path(args.warehouse).resolve()
    try:
        with open_read_only(warehouse) as con:
            status = warehouse_status(con, args.events)
        if status is None:
            raise UserError(f"{warehouse} holds no devplan tables: run `devplan build --warehouse {warehouse}` first")
    except UserError as exc:
        return fail(str(exc))
    reports, errors, events, state = status["reports"], status["errors"], status["events"], status["state"]

    print(f"warehouse  {warehouse} ({warehouse.stat().st_size / 1e6:.1f} MB)")
    serving = serving_path(warehouse)
    if serving.exists():
        print(f"serving    {serving} (read-only copy of the marts for BI tools)")
    else:
        print("serving    none yet (published after the next successful build)")
    last_load = max((r[5] for r in reports if r[5]), default=None)
    print(f"last load  {timestamp(last_load)}")
    if state:
        print(f"marts      built {timestamp(state[1])}" + ("  ⚠ raw changed since: run `devplan build`"
                                                          if state[0] and (not state[1] or state[0] > state[1]) else ""))
    elif not status["marts"]:
        print("marts      not built: run `devplan build`")
    districts = sorted({r[1] or "?" for r in reports})
    print(f"\n{len(reports)} report(s), {len(districts)} district(s): {', '.join(districts)}")
    shown = reports if args.all else reports[:20]
    if shown:
        print_table([*REPORT_COLUMNS, ("loaded", 23, False)],
                    [(f, district or "?", doc_type or "?", ry, py, n_ind, n_proj, timestamp(at))
                     for f, district, doc_type, ry, py, at, n_ind, n_proj in shown], indent="  ")
        if len(reports) > len(shown):
            print(f"  … {len(reports) - len(shown)} more (--all lists them)")
    if errors:
        print(f"\n{len(errors)} file(s) rejected (raw.ingest_errors):")
        for f, stage, message, _ in errors:
            print(f"  ✗ {f} [{stage}] {message}")
    else:
        print("\nno rejected files")
    if status["problems"]:
        print(f"\n{len(status['problems'])} part(s) not read fully (raw.report_parts):")
        for f, kind, title, line, problem in status["problems"]:
            print(f"  ! {f}: {title or f'{kind} at line {line}'}: {problem}")
    if events:
        print("\nlatest events (raw.report_events):")
        for at, event, f, detail in events:
            print(f"  {timestamp(at)}  {event:<9} {f}" + (f"  {detail}" if detail else ""))
    return EXIT_REJECTED if errors else EXIT_OK
