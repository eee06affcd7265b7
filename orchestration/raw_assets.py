"""The raw layer as Dagster assets: one partition per report, loaded by `orchestration.loading`.

A backfill of many partitions is one run (`BackfillPolicy.single_run()`): files are extracted in parallel and
loaded in one transaction, instead of paying Dagster and DuckDB start-up once per report.
"""

import dagster as dg

from .loading import refresh_reports
from .partitions import report_partitions
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
        )
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
    yield dg.MaterializeResult(asset_key=RAW_KEYS["indicator_rows"], metadata={"rows_loaded": summary.indicator_rows})
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
