"""Dagster orchestration of devplan: raw loading, dbt models, sensor, schedule and the `devplan` CLI."""
