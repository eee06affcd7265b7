"""Pure extraction of development-plan reports: text in, records out.

Nothing here imports Dagster or DuckDB, so every rule can be unit-tested on a snippet of text.
"""
