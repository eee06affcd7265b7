"""The raw layer as one Dagster asset, partitioned by report file, loaded by `orchestration.loading`.

One asset (`raw/reports`) stands for all raw tables of a report, because they are written together in one
transaction and Dagster records an event per partition per asset: with thousands of reports, one asset instead
of five keeps the bookkeeping from dominating a build. A backfill of many partitions is one run
(`BackfillPolicy.single_run()`): files are extracted in parallel and loaded in one transaction.
"""

import dagster as dg

from .loading import refresh_reports
from .partitions import report_partitions
from .report_checks import PARSED_SHARE_MIN, figures_markdown, report_figures
from .resources import ReportsFolder, Warehouse
from .warehouse import connect, open_errors, writer_lock

# the DuckDB tables the asset writes (all dbt sources in schema raw map to this asset)
RAW_TABLES = {
    "reports": "One row per report file: content hash, size, decoded text, title metadata, load time.",
    "indicator_rows": "Indicator values (table cells and headline prose) with their raw strings and source line.",
    "project_items": "Project mentions from project lists (专栏) with stage words and source line.",
    "investment_plans": "Key-project aggregates stated in prose (counts, 总投资, 年度计划投资, 完成投资) with source line.",
    "ingest_errors": "Files that could not be loaded: stage, readable message, first and last seen.",
    "report_events": "History of each file: loaded, rejected, deleted, with time and detail.",
}
RAW_ASSET_KEY = dg.AssetKey(["raw", "reports"])
_DESCRIPTION = "One partition per report file. Writes the raw DuckDB tables:\n\n" + "\n".join(
    f"- `raw.{t}`: {d}" for t, d in RAW_TABLES.items())


@dg.asset(
    key=RAW_ASSET_KEY,
    description=_DESCRIPTION,
    group_name="raw",
    kinds={"duckdb", "python"},
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb",
    check_specs=[
        dg.AssetCheckSpec("no_rejected_files", asset=RAW_ASSET_KEY,
                          description="Warns while any file in the reports folder is quarantined (raw.ingest_errors)."),
        dg.AssetCheckSpec(
            "table_values_parsed",
            asset=RAW_ASSET_KEY,
            description=f"Warns when a report's table values are less than {PARSED_SHARE_MIN:.0%} numbers or known "
                        "qualitative forms (a sign of a mis-read column or layout).",
        ),
        dg.AssetCheckSpec(
            "stated_indicator_count",
            asset=RAW_ASSET_KEY,
            description="Warns when a report states how many indicators its plan has (e.g. 32项指标中) and no table has that many.",
        ),
    ],
)
def raw_reports(context: dg.AssetExecutionContext, reports_folder: ReportsFolder, warehouse: Warehouse):
    keys = list(context.partition_keys)
    context.log.info(f"refreshing {len(keys)} report(s) from {reports_folder.folder}")
    summary = refresh_reports(reports_folder.folder, warehouse.file, keys)
    with writer_lock(warehouse.file):
        con = connect(warehouse.file)
        try:
            errors = open_errors(con)
            figures = report_figures(con, summary.loaded)
        finally:
            con.close()
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
            "per_report": dg.MetadataValue.md(figures_markdown(figures)),
        },
    )
    table = "\n".join(f"| {f} | {stage} | {msg} |" for f, stage, msg, *_ in errors)
    yield dg.AssetCheckResult(
        check_name="no_rejected_files",
        passed=not errors,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "open_errors": len(errors),
            "files": dg.MetadataValue.md("| file | stage | message |\n|---|---|---|\n" + table if errors else "none"),
        },
    )
    low = [f for f in figures if f["parsed_share"] is not None and f["parsed_share"] < PARSED_SHARE_MIN]
    yield dg.AssetCheckResult(
        check_name="table_values_parsed",
        passed=not low,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"reports_checked": len(figures), "below_threshold": ", ".join(f["report"] for f in low) or "none",
                  "per_report": dg.MetadataValue.md(figures_markdown(figures))},
    )
    off = [f for f in figures if f["stated_count_ok"] is False]
    yield dg.AssetCheckResult(
        check_name="stated_indicator_count",
        passed=not off,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"reports_stating_a_count": sum(f["stated_count_ok"] is not None for f in figures),
                  "mismatches": "; ".join(f"{f['report']}: stated {f['stated']}, found {list(f['found'].values())}" for f in off) or "none"},
    )
