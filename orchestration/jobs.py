"""The refresh job: raw tables and every dbt model for the selected report partitions."""
import dagster as dg

from .partitions import report_partitions

refresh_reports_job = dg.define_asset_job(
    "refresh_reports",
    selection=dg.AssetSelection.all(),
    partitions_def=report_partitions,
    description="Load the selected report files into raw tables and rebuild the marts (dbt build).",
)
