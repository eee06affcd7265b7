"""The refresh job: raw tables and every dbt model for the selected report partitions."""
import dagster as dg

refresh_reports_job = dg.define_asset_job(
    "refresh_reports",
    selection=dg.AssetSelection.all(),
    description="Load the selected report files into raw tables and rebuild the marts (dbt build).",
)
