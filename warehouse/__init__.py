"""The DuckDB warehouse: the only code that opens the database file (no Dagster here).

- `schema`: the raw tables, declared once (DDL, insert column lists and additive migrations derive from it)
- `connection`: opening the file for writing (checked, migrated) or reading
- `lock`: one writer at a time across processes
- `load`: one transaction per batch of processed reports
- `state`: what changed in the folder since the warehouse (or the sensor) last saw it
- `serving`: the read-only copy of the marts that BI tools open
- `queries`: read-only queries behind the UI's metadata and checks
"""
