"""Dagster orchestration of devplan: resources, the raw asset and its checks, dbt assets, the serving copy, sensor, schedule, job (the `devplan` command is `cli/`)."""
