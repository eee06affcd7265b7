"""`devplan`: build the warehouse from a folder of reports, in-process through Dagster.

`devplan build` takes the same incremental path as the folder sensor: it compares the folder with what the
warehouse holds, registers the files that are new, changed or deleted as partitions, and runs the refresh job
once over them (raw partitions, then one dbt build). With nothing new it only checks that the marts are current. Exit codes: 0 all files loaded, 3 some files rejected, 1 fatal error.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
import time
from pathlib import Path

from .cli_common import EXIT_FATAL, EXIT_OK, EXIT_REJECTED, run_supervised


_console = sys.stdout  # where progress goes, even while dbt's echo is being captured


def _setup_logging(verbose: bool) -> None:
    global _console
    _console = sys.stdout
    handler = logging.StreamHandler(_console)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    logger = logging.getLogger("devplan")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


def _step(msg: str) -> None:
    print(f"» {msg}", file=_console, flush=True)


def build(reports: Path, warehouse: Path, verbose: bool = False, workers: int | None = None) -> int:
    reports, warehouse = reports.resolve(), warehouse.resolve()
    if not reports.is_dir():
        print(f"error: reports folder {reports} does not exist", file=sys.stderr)
        return EXIT_FATAL
    from warehouse.connection import WarehouseError, check_writable

    try:
        check_writable(warehouse)
    except WarehouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    os.environ["DEVPLAN_REPORTS_DIR"] = str(reports)
    os.environ["DEVPLAN_WAREHOUSE"] = str(warehouse)
    if workers is not None:
        os.environ["DEVPLAN_WORKERS"] = str(workers)  # read by the raw asset's extraction (orchestration.loading)
    _setup_logging(verbose)
    t0 = time.perf_counter()

    _step("preparing the dbt manifest")
    from .dbt.project import ensure_manifest

    ensure_manifest()
    _step(f"scanning {reports}")
    from ingestion.folder import diff_folder, scan_folder

    from warehouse.state import marts_are_current, warehouse_state

    from .reports.partitions import register_work

    current = {name: s.sha256 for name, s in scan_folder(reports).items()}
    known = warehouse_state(warehouse)
    changes = diff_folder(current, known)
    print(f"  {len(current)} file(s): {len(changes.new)} new, {len(changes.changed)} changed, "
          f"{len(changes.deleted)} deleted, {len(current) - len(changes.new) - len(changes.changed)} unchanged")

    import dagster as dg

    from .definitions import build_definitions
    from .reports.checks import RAW_ASSET_KEY
    from .reports.partitions import full_range_tags, report_partitions

    defs = build_definitions(reports, warehouse)
    job = defs.resolve_job_def("refresh_reports")
    quiet = {"loggers": {"console": {"config": {"log_level": "DEBUG" if verbose else "CRITICAL"}}}}
    captured = io.StringIO()  # dagster-dbt echoes dbt's log to stdout; shown with -v, or when the build fails
    out = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(captured)
    # An in-memory Dagster instance: the warehouse itself says what is loaded, and Dagster's per-partition
    # bookkeeping in a SQLite instance would cost more than the build for thousands of reports. Runs launched
    # from the UI, the sensor and the schedule are recorded in DAGSTER_HOME as usual.
    with dg.DagsterInstance.ephemeral() as instance, out:
        keys = register_work(instance, report_partitions.name, changes)
        if keys:
            _step(f"materializing {len(keys)} report partition(s), then dbt build")
            result = job.execute_in_process(instance=instance, tags=full_range_tags(keys), run_config=quiet,
                                            raise_on_error=False)
        elif not marts_are_current(warehouse):
            _step("raw layer is current but the marts are not: dbt build")
            dbt_keys = [k for k in defs.resolve_all_asset_keys() if k != RAW_ASSET_KEY]
            result = job.execute_in_process(instance=instance, run_config=quiet, asset_selection=dbt_keys,
                                            raise_on_error=False)
        else:
            result = None
            _step("nothing new: the warehouse is up to date")
    if result is not None and not result.success:
        tail = captured.getvalue().strip().splitlines()[-15:]
        if tail:
            print("last lines of the dbt log:\n  " + "\n  ".join(tail), file=sys.stderr)
        _print_failure(result)
        return EXIT_FATAL

    from .summary import print_summary

    rejected = print_summary(warehouse)
    _print_incomplete(warehouse)
    from warehouse.serving import serving_path

    if serving_path(warehouse).exists():
        print(f"serving copy for BI tools (read-only): {serving_path(warehouse)}")
    print(f"done in {time.perf_counter() - t0:.1f}s → {warehouse}")
    return EXIT_REJECTED if rejected else EXIT_OK


def _print_incomplete(warehouse: Path) -> None:
    """Warn about loaded reports whose file ends early (their complete part loaded; raw.report_events says what is missing)."""
    import duckdb

    from warehouse.lock import writer_lock

    with writer_lock(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            rows = con.execute(
                """select e.report_file, e.detail from raw.report_events e
                   join raw.reports r on r.report_file = e.report_file and r.sha256 = e.sha256
                   where e.event = 'incomplete' and e.event_at = r.ingested_at
                   order by e.report_file, e.detail""").fetchall()
        except duckdb.CatalogException:
            rows = []
        finally:
            con.close()
    if rows:
        print(f"{len(rows)} incomplete report(s) (loaded up to where the file ends):")
        for f, detail in rows:
            print(f"  ! {f}: {detail}")


def _print_failure(result) -> None:
    print("error: the build failed", file=sys.stderr)
    for event in result.all_events:
        if event.is_step_failure:
            err = event.step_failure_data.error
            cause = err.cause if err and err.cause else err
            print(f"  step {event.step_key}: {cause.message.strip() if cause else 'failed'}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from .settings import reports_dir, warehouse_path

    parser = argparse.ArgumentParser(
        prog="devplan",
        description="Turn Chinese development-plan reports into a DuckDB warehouse of typed, traceable facts "
                    "(indicators, targets vs actuals, projects), orchestrated by Dagster and dbt.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser(
        "build",
        help="load every report in a folder and build the marts (incremental: only new or changed files are processed)",
        description="Materialize the raw tables for every new, changed or deleted file in the folder through Dagster, "
                    "then dbt build the marts, and print a per-report summary. Exit 0 when all files loaded, "
                    "3 when some were rejected (listed), 1 on a fatal error.",
    )
    b.add_argument("--reports", type=Path, default=reports_dir(), help="folder of report files (default: %(default)s, or $DEVPLAN_REPORTS_DIR)")
    b.add_argument("--warehouse", type=Path, default=warehouse_path(), help="DuckDB file to build (default: %(default)s, or $DEVPLAN_WAREHOUSE)")
    b.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="extraction worker processes (default: one per CPU, or $DEVPLAN_WORKERS); "
                        "1 extracts one file after another")
    b.add_argument("-v", "--verbose", action="store_true", help="show Dagster and dbt logs")
    from . import cli_query, cli_status  # read-only commands: `devplan status`, `devplan query`

    cli_status.add_parser(sub)
    cli_query.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "build":  # the build's dbt and extraction processes never outlive this process
        return run_supervised(lambda: _run(args))
    return _run(args)


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "build":
            return build(args.reports, args.warehouse, args.verbose, args.workers)
        if hasattr(args, "run"):
            return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FATAL
    except Exception as exc:  # a fatal error gets one clear line, and the traceback with -v
        if getattr(args, "verbose", False):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        print(f"error: {type(exc).__name__}: {first}", file=sys.stderr)
        return EXIT_FATAL
    return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
