"""`devplan build`: the warehouse's state plan, then one Dagster run over what it found.

The plan (`warehouse.state.plan_refresh`) compares the folder with what the warehouse holds, hashing each file
once. With nothing to load or remove and the marts current, the build prints the summary and ends without
importing Dagster, dagster-dbt or dbt (start-up is most of a no-change build). Otherwise the files to load or
remove become partitions and the refresh job runs once over them in-process (raw partitions, one dbt build, the
serving copy), with the plan's hashes passed to the raw asset so no file is hashed again. The files to load start
extracting before Dagster is imported (`warehouse.refresh.extract_ahead`); the raw asset takes those results.

Dagster instance: with `$DAGSTER_HOME` set the run is recorded there (the UI's run history shows it; every file
in the folder is a partition, and partitions of deleted files are removed after the run); without it an
in-memory instance is used and nothing is recorded (the warehouse itself says what is loaded).

Exit codes: 0 all files loaded (parts not read fully are warnings, printed with `!`, and do not change it),
3 some files rejected, 1 fatal error.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import time
from pathlib import Path

from .errors import EXIT_FATAL, EXIT_OK, EXIT_REJECTED
from .output import REPORT_COLUMNS, print_table

FULL_TESTS_TAG = "devplan/full_tests"  # the dbt step runs every data test when set, else those guarding the change

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


def build(reports: Path, warehouse: Path, verbose: bool = False, workers: int | None = None,
          full_tests: bool = False) -> int:
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
    if workers is not None:
        os.environ["DEVPLAN_WORKERS"] = str(workers)  # read by the raw asset's extraction (warehouse.refresh)
    _setup_logging(verbose)
    t0 = time.perf_counter()

    _step(f"scanning {reports}")
    from warehouse.state import plan_refresh

    plan = plan_refresh(reports, warehouse)
    print(f"  {plan.describe()}")
    _warn_skipped(reports, plan)
    if plan.empty and not full_tests and plan.marts_current:
        _step("nothing new: the warehouse is up to date")
    else:
        with _warm_dbt():
            code = _materialize(plan, reports, warehouse, verbose, full_tests)
        if code != EXIT_OK:
            return code
    rejected = print_summary(warehouse)
    from warehouse.serving import serving_path

    if serving_path(warehouse).exists():
        print(f"serving copy for BI tools (read-only): {serving_path(warehouse)}")
    print(f"done in {time.perf_counter() - t0:.1f}s → {warehouse}")
    return EXIT_REJECTED if rejected else EXIT_OK


def _warn_skipped(reports: Path, plan) -> None:
    """Say why a folder yields fewer reports than it seems to hold: links are not followed, and a folder with no
    report file builds an empty warehouse (or removes what the warehouse held)."""
    from ingestion.folder import REPORT_SUFFIXES, linked_reports

    links = linked_reports(reports)
    if links:
        print(f"  ! {len(links)} symbolic link(s) skipped ({links[0]}{', …' if len(links) > 1 else ''}): devplan reads "
              "the regular files of the folder only; copy the reports in")
    if not plan.current:
        print(f"  ! no report files in {reports} (read: {' '.join(sorted(REPORT_SUFFIXES))})")


def _ensure_raw_schema(warehouse: Path) -> None:
    """The raw tables, empty, for a run that loads nothing into a new warehouse (an empty folder): dbt's staging
    models read them, and would fail on a missing schema instead of building empty marts. A warehouse that has
    its raw schema is left as it is (a dbt build that loads nothing never changes the raw layer)."""
    import duckdb

    from warehouse.connection import connect
    from warehouse.lock import writer_lock

    with writer_lock(warehouse):
        if warehouse.exists():
            con = duckdb.connect(str(warehouse), read_only=True)
            try:
                if con.execute("select count(*) from information_schema.schemata "
                               "where catalog_name = current_database() and schema_name = 'raw'").fetchone()[0]:
                    return
            finally:
                con.close()
        connect(warehouse).close()


def _warm_dbt():
    """dbt imported now, on the core Dagster's start-up leaves idle, and forked for the run's dbt step
    (orchestration/dbt/zygote.py; `DEVPLAN_DBT_WARM=0` runs dbt cold). Stopped when the run ends, however."""
    from orchestration.dbt.zygote import warm_dbt

    return warm_dbt()


def _instance():
    """The Dagster instance of this build: `$DAGSTER_HOME`'s (persistent, so the UI shows the run), else an
    in-memory one. Returns (instance context, persistent)."""
    import dagster as dg

    home = os.environ.get("DAGSTER_HOME")
    if home:
        from orchestration.settings import prepare_dagster_home

        prepare_dagster_home(Path(home))
        return dg.DagsterInstance.get(), True
    return dg.DagsterInstance.ephemeral(), False


# Dagster records one "materialization planned" event per partition when it creates a run over a range (1001 for a
# cold build of 1000 reports, ~2.7 s CPU before the first file is read). Its own switch records one event for the
# range instead, at the price that a failed run's partitions are not marked failed. That price is paid only where
# runs are recorded: a build into $DAGSTER_HOME keeps the per-partition events, so the UI marks them failed.
_PLANNED_SUBSET_ENV = "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS"


def _planned_events(persistent: bool):
    """One planned event per range instead of one per partition, for an in-memory instance (nothing records it)."""
    if persistent:
        return contextlib.nullcontext()
    from orchestration.dbt.project import scoped_env

    return scoped_env(**{_PLANNED_SUBSET_ENV: "true"})


def _materialize(plan, reports: Path, warehouse: Path, verbose: bool, full_tests: bool) -> int:
    """One in-process run of the refresh job over the plan's files (or dbt and the serving copy alone)."""
    if plan.to_load:  # extraction starts now, on the core Dagster's start-up leaves idle; the raw asset takes it
        from warehouse.refresh import extract_ahead

        extract_ahead(reports, {n: plan.current[n].sha256 for n in plan.to_load})
    _step("preparing the dbt manifest")
    from orchestration.dbt.project import ensure_manifest

    ensure_manifest()
    from orchestration.definitions import build_definitions
    from orchestration.reports.assets import hashes_run_config
    from orchestration.reports.checks import RAW_ASSET_KEY
    from orchestration.reports.partitions import full_range_tags, report_partitions

    defs = build_definitions(reports, warehouse)
    job = defs.resolve_job_def("refresh_reports")
    leave = None if full_tests else _current_views(defs, plan)
    if leave is not None:  # the views and seeds are as this code creates them: the run leaves them out
        assets, checks, left_out = leave
        if not plan.keys:
            assets = {k for k in assets if k != RAW_ASSET_KEY}
            checks = {c for c in checks if c.asset_key in assets or c.asset_key in left_out}
        job = job.get_subset(asset_selection=assets, asset_check_selection=checks)
        logging.getLogger("devplan").debug(f"left out, current: {', '.join(sorted(k.to_user_string() for k in left_out))}")
    run_config: dict = {"loggers": {"console": {"config": {"log_level": "DEBUG" if verbose else "CRITICAL"}}}}
    tags = {FULL_TESTS_TAG: "true"} if full_tests else {}
    captured = io.StringIO()  # dagster-dbt echoes dbt's log to stdout; shown with -v, or when the build fails
    out = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(captured)
    instance, persistent = _instance()
    name = report_partitions.name
    with instance, out:
        keys = plan.keys
        if persistent:  # every file in the folder is a partition the UI lists
            known = set(instance.get_dynamic_partitions(name))
            instance.add_dynamic_partitions(name, [k for k in sorted(set(plan.current) | set(keys)) if k not in known])
        elif keys:
            instance.add_dynamic_partitions(name, keys)
        if keys:
            _step(f"materializing {len(keys)} report partition(s), then dbt build")
            # the plan's hashes: unchanged files inside the key range are skipped unread, the others not rehashed
            run_config.update(hashes_run_config(
                {n: s.sha256 for n, s in plan.current.items() if keys[0] <= n <= keys[-1]}))
            with _planned_events(persistent):
                result = job.execute_in_process(instance=instance, tags={**full_range_tags(keys), **tags},
                                                run_config=run_config, raise_on_error=False)
        else:
            _ensure_raw_schema(warehouse)
            _step("raw layer is current: dbt build" + (" with every test" if full_tests else " (the marts are not)"))
            dbt_keys = None if leave else [k for k in defs.resolve_all_asset_keys() if k != RAW_ASSET_KEY]
            result = job.execute_in_process(instance=instance, run_config=run_config, asset_selection=dbt_keys,
                                            tags=tags, raise_on_error=False)
        if persistent and result.success:
            for gone in plan.deleted:
                instance.delete_dynamic_partition(name, gone)
    if not result.success:
        tail = captured.getvalue().strip().splitlines()[-15:]
        if tail:
            print("last lines of the dbt log:\n  " + "\n  ".join(tail), file=sys.stderr)
        _print_failure(result)
        return EXIT_FATAL
    return EXIT_OK


def _current_views(defs, plan):
    """(assets, checks, left out) of a run that leaves out the dbt views and seeds, when the warehouse holds them
    as the current dbt code creates them (orchestration/dbt/current.py); else None (the run builds them)."""
    if plan.dbt is None:
        return None
    from orchestration.dbt.current import refresh_selection
    from orchestration.dbt.project import dbt_project

    return refresh_selection(defs, plan.dbt.views_built_from, plan.dbt.relations, Path(dbt_project.project_dir))


def print_summary(warehouse: Path) -> int:
    """One line per report, one per rejected file, one per part not read fully; returns the rejected count."""
    from warehouse.connection import read_only
    from warehouse.queries import part_problems, report_summary

    with read_only(warehouse, lock_timeout_s=600.0) as con:
        reports, errors = report_summary(con)
        problems = part_problems(con)
    print_table(REPORT_COLUMNS, [(f, district or "?", doc_type or "?", ry, py, n_ind, n_proj)
                                 for f, district, doc_type, ry, py, n_ind, n_proj in reports], rule=True)
    print(f"{len(reports)} report(s) in the warehouse")
    if errors:
        print(f"{len(errors)} file(s) rejected:")
        for f, stage, message in errors:
            print(f"  ✗ {f} [{stage}] {message}")
    if problems:
        print(f"{len(problems)} part(s) not read fully (loaded with what was read; raw.report_parts):")
        for f, kind, title, line, problem in problems:
            print(f"  ! {f}: {title or f'{kind} at line {line}'}: {problem}")
    return len(errors)


def _print_failure(result) -> None:
    print("error: the build failed", file=sys.stderr)
    for event in result.all_events:
        if event.is_step_failure:
            err = event.step_failure_data.error
            cause = err.cause if err and err.cause else err
            print(f"  step {event.step_key}: {cause.message.strip() if cause else 'failed'}", file=sys.stderr)
