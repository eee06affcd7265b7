"""The report files as Dagster sees them: one partition per file, the raw asset and its checks, the folder
sensor, the daily schedule and the refresh job."""
