"""dbt models, seeds and tests as Dagster assets and asset checks, downstream of the raw asset.

Not partitioned: a run that loads one report or a thousand runs `dbt build` once, in the same run as the raw
partitions. The incremental fact models decide what to rebuild from the data (reports loaded since the model
was last built), so one `dbt build` serves a single report, a backfill of thousands, or a rerun after a crash.
Built by a function, not at import: `@dbt_assets` reads the manifest, which may not be prepared yet.
"""

import contextlib
import logging
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from warehouse.load import record_views_built

from ..resources import Warehouse
from .current import code_fingerprint, views_selected
from .metadata import mart_metadata
from .project import dbt_project, profile_env, scoped_env
from .test_scope import FULL_TESTS_ENV, full_tests_requested, scoped_tests, with_scope
from .translator import translator


def dbt_target_path(warehouse_file: Path) -> Path:
    """dbt's target folder for builds of this warehouse (beside it, so it goes when the warehouse goes)."""
    return warehouse_file.parent / f"{warehouse_file.stem}.dbt_target"


def build_dbt_assets() -> dg.AssetsDefinition:
    """The dbt project's assets, read from the prepared manifest."""

    @dbt_assets(
        manifest=dbt_project.manifest_path,
        project=dbt_project,
        dagster_dbt_translator=translator,
        pool="duckdb",
    )
    def devplan_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
        full = full_tests_requested(context.run.tags)
        logging.getLogger("devplan.dbt").info(
            "dbt build: staging, marts and tests" + (" (every test on every row)" if full else ""))
        with warehouse.lock():
            # From the first mart on, events wait for the end of the build (when dbt has released DuckDB's only
            # write connection), so the marts' materializations can carry a row count, a preview and the chart;
            # they are then recorded in the order dbt produced them (Dagster wants a multi-asset's outputs in
            # topological order). Only for a run an instance records (DAGSTER_HOME: the UI shows that metadata):
            # the CLI's in-memory runs are read by nobody, so their marts carry none and every event is handled
            # as dbt produces it, while dbt still runs, instead of after it.
            keys = context.assets_def.keys_by_output_name
            previews = not context.instance.is_ephemeral
            held: list = []
            try:
                # A stable target folder per warehouse keeps dbt's partial-parse cache valid (the warehouse path is
                # in the profile, so a cache made for another path forces a full re-parse). dbt unit tests check
                # SQL logic, not data: they run in the test suite (tests/test_dbt_unit_tests.py), not every build.
                # Which rows the facts' tests look at is decided in dbt from the warehouse (test_scope.py).
                # --no-write-json: dbt's manifest.json and run_results.json (~1 s CPU to write) are read by nobody
                # here; dagster-dbt works from the prepared manifest and the event stream.
                code = code_fingerprint(dbt_project.project_dir)  # before dbt reads the project
                with profile_env(warehouse.file), scoped_env(**{FULL_TESTS_ENV: "true" if full else "false"}):
                    invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test", "--no-write-json"],
                                         context=context, target_path=dbt_target_path(warehouse.file))
                scoped = scoped_tests(invocation.manifest)
                for event in (with_scope(e, scoped, full) for e in invocation.stream()):
                    if not previews or (not held and not (isinstance(event, dg.Output)
                                                          and keys[event.output_name].path[0] == "marts")):
                        yield event
                    else:
                        held.append(event)
                # dbt succeeded: if it created every view and seed, the warehouse now holds them as `code` makes
                # them, and an incremental refresh with the same code can leave them out (current.py); if it
                # created some, the record stands only if it names `code` already
                selected = views_selected(context)
                if selected != "none":
                    with warehouse.writer(locked=False) as con:
                        record_views_built(con, code, every=selected == "all")
            except Exception:  # what dbt did build is still recorded
                if views_selected(context) != "none":  # views may have been created from other code
                    with contextlib.suppress(Exception), warehouse.writer(locked=False) as con:
                        record_views_built(con, None)
                yield from held
                raise
            yield from with_previews(context, warehouse, held)

    return devplan_dbt_models


def with_previews(context: dg.AssetExecutionContext, warehouse: Warehouse, events: list):
    """The held events, mart outputs with Dagster metadata a user can read (see metadata.py)."""
    if not events:
        return
    keys = context.assets_def.keys_by_output_name
    tables = {e.output_name: ".".join(keys[e.output_name].path) for e in events
              if isinstance(e, dg.Output) and keys[e.output_name].path[0] == "marts"}
    try:
        with warehouse.reader(locked=False) as con:  # this step holds the lock already
            meta = mart_metadata(con, warehouse.file, list(tables.values()))
    except Exception as exc:  # a preview must never fail a build
        context.log.warning(f"mart previews skipped: {exc}")
        meta = {}
    for e in events:
        extra = meta.get(tables.get(getattr(e, "output_name", None), ""))
        yield e.with_metadata({**e.metadata, **extra}) if extra else e
