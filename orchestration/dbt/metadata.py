"""What a user reads on a mart's page in the Dagster UI: its row count, its column schema with types (the
Columns table), a preview of its first rows as a table and, on `marts/mart_target_vs_actual`, the chart and
how many targets were met.

The chart draws one row of panels per district, so it shows at most CHART_DISTRICTS of them (those with the most
headline values) and says how many of how many: with all 728 districts of a 1000-report warehouse it took ~4 min
of CPU and made an 11 MB image, inlined into every run's event log.

Read from the warehouse after `dbt build` (read-only, inside the writer lock the dbt step already holds), so it
costs a handful of small queries per build.
"""
from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from warehouse import queries

from .chart import chart_path, inline_markdown, render_chart_png

if TYPE_CHECKING:  # only for annotations: connections are opened in warehouse/
    import duckdb

PREVIEW_ROWS = 5
CELL_CHARS = 60
CHART_DISTRICTS = 12


def column_schema(columns: list[tuple[str, str]]) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(name, data_type.lower()) for name, data_type in columns])


def _cell(v):
    """A preview cell as a value the UI's table renders (long text cut)."""
    if v is None or isinstance(v, bool | int | float):
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    s = v.isoformat(sep=" ") if isinstance(v, dt.datetime) else str(v)
    s = s.replace("\n", " ")
    return s if len(s) <= CELL_CHARS else s[: CELL_CHARS - 1] + "…"


def preview(con: duckdb.DuckDBPyConnection, table: str, schema: dg.TableSchema,
            rows: int = PREVIEW_ROWS) -> dg.MetadataValue:
    records = [dg.TableRecord({k: _cell(v) for k, v in r.items()}) for r in queries.first_rows(con, table, rows)]
    return dg.MetadataValue.table(records, schema=schema)


def chart_districts(rows: list[dict], limit: int = CHART_DISTRICTS) -> tuple[list[dict], int, int]:
    """The chart's rows for the `limit` districts with the most values (then by name), with how many districts
    are shown and how many there are."""
    per_district: dict[str, int] = {}
    for r in rows:
        per_district[r["district"]] = per_district.get(r["district"], 0) + 1
    shown = set(sorted(per_district, key=lambda d: (-per_district[d], d))[:limit])
    return [r for r in rows if r["district"] in shown], len(shown), len(per_district)


def mart_metadata(con: duckdb.DuckDBPyConnection, warehouse: Path, tables: list[str]) -> dict[str, dict]:
    """schema.table → Dagster metadata for the tables that exist (row count, column schema, preview; the
    chart on the target-vs-actual mart)."""
    out: dict[str, dict] = {}
    existing = queries.existing_tables(con)
    for table in tables:
        if table not in existing:
            continue
        schema = column_schema(queries.column_types(con, table))
        out[table] = {
            "dagster/row_count": dg.MetadataValue.int(queries.row_count(con, table)),
            "dagster/column_schema": dg.MetadataValue.table_schema(schema),
            "preview": preview(con, table, schema),
        }
    tva = out.get("marts.mart_target_vs_actual")
    if tva is not None:
        met, missed = queries.targets_met(con)
        tva["targets_met"] = dg.MetadataValue.int(met)
        tva["targets_missed"] = dg.MetadataValue.int(missed)
        rows, shown, total = chart_districts(queries.chart_rows(con))
        png = render_chart_png(rows, chart_path(warehouse))
        if png is not None:
            tva["target_vs_actual_chart"] = dg.MetadataValue.md(inline_markdown(png))
            tva["target_vs_actual_png"] = dg.MetadataValue.path(str(png))
            tva["target_vs_actual_chart_districts"] = dg.MetadataValue.text(
                f"{shown} of {total} district(s): those with the most headline values")
    return out
