"""The raw layer as Dagster assets: one partition per report, loaded by `orchestration.loading`.

A backfill of many partitions is one run (`BackfillPolicy.single_run()`): files are extracted in parallel and
loaded in one transaction, instead of paying Dagster and DuckDB start-up once per report.
"""

import dagster as dg

from .loading import refresh_reports
from .partitions import report_partitions
from .report_checks import PARSED_SHARE_MIN, figures_markdown, report_figures
from .resources import ReportsFolder, Warehouse
from .warehouse import connect, open_errors, writer_lock

RAW_TABLES = {
    "reports": "One row per report file: content hash, size, decoded text, title metadata, load time.",
    "indicator_rows": "Indicator values (table cells and headline prose) with their raw strings and source line.",
    "project_items": "Project mentions from project lists (专栏) with stage words and source line.",
    "ingest_errors": "Files that could not be loaded: stage, readable message, first and last seen.",
}
RAW_KEYS = {t: dg.AssetKey(["raw", t]) for t in RAW_TABLES}


@dg.multi_asset(
    specs=[dg.AssetSpec(RAW_KEYS[t], description=d, group_name="raw", kinds={"duckdb", "python"}) for t, d in RAW_TABLES.items()],
    check_specs=[
        dg.AssetCheckSpec(
            "no_rejected_files",
            asset=RAW_KEYS["ingest_errors"],
            description="Warns while any file in the reports folder is quarantined.",
        ),
        dg.AssetCheckSpec(
            "table_values_parsed",
            asset=RAW_KEYS["indicator_rows"],
            description=f"Warns when a report's table values are less than {PARSED_SHARE_MIN:.0%} numbers or known "
                        "qualitative forms (a sign of a mis-read column or layout).",
        ),
        dg.AssetCheckSpec(
            "stated_indicator_count",
            asset=RAW_KEYS["indicator_rows"],
            description="Warns when a report states how many indicators its plan has (e.g. 32项指标中) and no table has that many.",
        ),
    ],
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb",
)
def raw_tables(context: dg.AssetExecutionContext, reports_folder: ReportsFolder, warehouse: Warehouse):
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
        asset_key=RAW_KEYS["reports"],
        metadata={
            "loaded": len(summary.loaded),
            "unchanged": len(summary.unchanged),
            "rejected": len(summary.rejected),
            "deleted": len(summary.deleted),
        },
    )
    yield dg.MaterializeResult(
        asset_key=RAW_KEYS["indicator_rows"],
        metadata={"rows_loaded": summary.indicator_rows, "per_report": dg.MetadataValue.md(figures_markdown(figures))},
    )
    yield dg.MaterializeResult(asset_key=RAW_KEYS["project_items"], metadata={"rows_loaded": summary.project_rows})
    yield dg.MaterializeResult(asset_key=RAW_KEYS["ingest_errors"], metadata={"open_errors": len(errors)})
    table = "\n".join(f"| {f} | {stage} | {msg} |" for f, stage, msg, *_ in errors)
    yield dg.AssetCheckResult(
        check_name="no_rejected_files",
        asset_key=RAW_KEYS["ingest_errors"],
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
        asset_key=RAW_KEYS["indicator_rows"],
        passed=not low,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"reports_checked": len(figures), "below_threshold": ", ".join(f["report"] for f in low) or "none",
                  "per_report": dg.MetadataValue.md(figures_markdown(figures))},
    )
    off = [f for f in figures if f["stated_count_ok"] is False]
    yield dg.AssetCheckResult(
        check_name="stated_indicator_count",
        asset_key=RAW_KEYS["indicator_rows"],
        passed=not off,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"reports_stating_a_count": sum(f["stated_count_ok"] is not None for f in figures),
                  "mismatches": "; ".join(f"{f['report']}: stated {f['stated']}, found {list(f['found'].values())}" for f in off) or "none"},
    )
