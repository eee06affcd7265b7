"""The raw layer as one Dagster asset, partitioned by report file, loaded by `warehouse.refresh`.

One asset (`raw/reports`) stands for all raw tables of a report, because they are written together in one
transaction and Dagster records an event per partition per asset: with thousands of reports, one asset instead
of eight keeps the bookkeeping from dominating a build. A backfill of many partitions is one run
(`BackfillPolicy.single_run()`): files are extracted in parallel and loaded in one transaction.
"""

import warnings

import dagster as dg

from warehouse.queries import loaded_reports, open_errors, part_problems
from warehouse.refresh import refresh_reports
from warehouse.schema import RAW_TABLES

from ..resources import ReportsFolder, Warehouse
from .checks import CHECK_SPECS, RAW_ASSET_KEY, check_results, report_figures
from .partitions import report_partitions


class RawReportsConfig(dg.Config):
    """Run config of the raw asset: the sha256 of each file as the run's plan computed it (`devplan build`
    passes its plan's, so no file is hashed twice in a refresh); files not listed are hashed when read."""

    sha256: dict[str, str] = {}


def hashes_run_config(sha256: dict[str, str]) -> dict:
    """Run config handing a plan's hashes (name → sha256) to the raw asset."""
    return {"ops": {RAW_ASSET_KEY.to_python_identifier(): {"config": {"sha256": dict(sha256)}}}}


_DESCRIPTION = "One partition per report file. Writes the raw DuckDB tables:\n\n" + "\n".join(
    f"- `{t.qualified}`: {t.description}" for t in RAW_TABLES)

# `backfill_policy` is marked beta in Dagster 1.13 and warns when the decorator runs. It is what makes a UI
# backfill of many files one run (one transaction, one dbt build) instead of one run per file, and the runs
# devplan launches itself use range tags, which do not depend on it; so that one warning is silenced here,
# at the definition, and nowhere else.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=dg.BetaWarning, message=r".*backfill_policy")

    @dg.asset(
        key=RAW_ASSET_KEY,
        description=_DESCRIPTION,
        group_name="raw",
        kinds={"duckdb", "python"},
        partitions_def=report_partitions,
        backfill_policy=dg.BackfillPolicy.single_run(),
        pool="duckdb",
        check_specs=CHECK_SPECS,
    )
    def raw_reports(context: dg.AssetExecutionContext, config: RawReportsConfig, reports_folder: ReportsFolder,
                    warehouse: Warehouse):
        keys = list(context.partition_keys)
        context.log.info(f"refreshing {len(keys)} report(s) from {reports_folder.folder}")
        summary = refresh_reports(reports_folder.folder, warehouse.file, keys, known_sha256=config.sha256)
        with warehouse.writer() as con:  # migrated before it is read
            errors = open_errors(con)
            figures = report_figures(loaded_reports(con, summary.loaded))
            problems = part_problems(con)
        # Dagster copies this metadata onto the materialization of every partition in the run, so it holds run
        # totals only: a per-report table here would be stored once per partition (quadratic in a backfill of
        # thousands). The per-report figures are in the `table_values_parsed` check's result, recorded once.
        yield dg.MaterializeResult(
            metadata={
                "loaded": len(summary.loaded),
                "unchanged": len(summary.unchanged),
                "rejected": len(summary.rejected),
                "deleted": len(summary.deleted),
                "indicator_rows_loaded": summary.indicator_rows,
                "project_rows_loaded": summary.project_rows,
                "investment_rows_loaded": summary.investment_rows,
                "open_errors": len(errors),
                "parts_with_problems": len(problems),
            },
        )
        yield from check_results(errors, figures, problems)
