"""Read-only queries behind what the Dagster UI shows: the raw asset's per-report figures and checks, mart
row counts, previews with column types, and the target-vs-actual chart's data.

Every function takes an open connection (the caller decides about locking: the dbt step already holds the
writer lock when it reads the marts)."""
from __future__ import annotations

from collections.abc import Iterable

import duckdb

# the indicators a reader looks at first, in display order (canonical codes of dbt_project/seeds/indicator_codes)
HEADLINE_INDICATORS = {
    "gdp_growth": "GDP growth %",
    "retail_sales_growth": "Retail sales growth %",
    "fixed_asset_investment_growth": "Fixed-asset investment growth %",
    "budget_revenue_growth": "Budget revenue growth %",
    "income_per_capita_growth": "Disposable income growth %",
}

_CHART_SQL = """
select district, period_year, indicator_code, indicator_name, measure, value
from (
    select district, period_year, indicator_code, indicator_name,
           target_value_num as target, actual_value_num as actual
    from marts.mart_target_vs_actual
    where indicator_code in (select unnest(?::varchar[])) and actual_value_num is not null
)
unpivot (value for measure in (target, actual))
where value is not null
order by district, indicator_code, period_year, measure desc
"""


def open_errors(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(report_file, stage, message, first_seen, last_seen) of every quarantined file."""
    return con.execute(
        "select report_file, stage, message, first_seen, last_seen from raw.ingest_errors order by report_file"
    ).fetchall()


def loaded_reports(con: duckdb.DuckDBPyConnection, report_ids: Iterable[str]) -> list[dict]:
    """Per loaded report: its text and district, its table values (for ingestion.quality) and fact counts."""
    out = []
    for report_id, text, district in con.execute(
        "select report_id, text, metadata ->> 'district' from raw.reports "
        "where report_id in (select unnest(?::varchar[])) order by report_id", [list(report_ids)]
    ).fetchall():
        values = con.execute(
            "select table_title, seq, indicator_name, measure, value_raw, value_num from raw.indicator_rows "
            "where report_id = ? and source = 'table'", [report_id]).fetchall()
        n_prose = con.execute("select count(*) from raw.indicator_rows where report_id = ? and source = 'prose'",
                              [report_id]).fetchone()[0]
        n_proj = con.execute("select count(*) from raw.project_items where report_id = ?", [report_id]).fetchone()[0]
        out.append(dict(report=report_id, district=district, text=text, table_values=values,
                        prose_values=n_prose, projects=n_proj))
    return out


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {f"{s}.{t}" for s, t in con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = current_database()").fetchall()}


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"select count(*) from {table}").fetchone()[0]


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of a table's columns, in order."""
    schema, name = table.split(".", 1)
    return con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = current_database() and table_schema = ? and table_name = ? order by ordinal_position",
        [schema, name]).fetchall()


def first_rows(con: duckdb.DuckDBPyConnection, table: str, rows: int) -> list[dict]:
    cur = con.execute(f"select * from {table} limit {int(rows)}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def chart_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Target and actual values of the headline indicators, one row per district × indicator × year × measure."""
    cur = con.execute(_CHART_SQL, [list(HEADLINE_INDICATORS)])
    names = [d[0] for d in cur.description]
    out = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    for r in out:
        r["indicator"] = HEADLINE_INDICATORS[r["indicator_code"]]
    return out


def targets_met(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(targets met, targets missed) in marts.mart_target_vs_actual."""
    return con.execute(
        "select count(*) filter (where met_computed), count(*) filter (where not met_computed) "
        "from marts.mart_target_vs_actual").fetchone()
