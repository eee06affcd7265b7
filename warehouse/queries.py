"""Read-only queries behind what the Dagster UI shows: the raw asset's per-report figures and checks, mart
row counts, previews with column types, and the target-vs-actual chart's data.

Every function takes an open connection (the caller decides about locking: the dbt step already holds the
writer lock when it reads the marts)."""
from __future__ import annotations

import json
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
    """Per loaded report: its district, the quality figures ingestion stored with it (`metadata.quality`), its
    fact counts and the parts that were not read fully (raw.report_parts with a problem)."""
    ids = list(report_ids)
    problems: dict[str, list[tuple]] = {}
    for report_id, kind, title, line, problem in con.execute(
            "select report_id, kind, title, source_line, problem from raw.report_parts "
            "where problem is not null and report_id in (select unnest(?::varchar[])) order by report_id, part_no",
            [ids]).fetchall():
        problems.setdefault(report_id, []).append((kind, title, line, problem))
    out = []
    for report_id, district, quality, n_proj in con.execute(
        """select r.report_id, r.metadata ->> 'district', r.metadata -> 'quality',
                  (select count(*) from raw.project_items p where p.report_id = r.report_id)
           from raw.reports r where r.report_id in (select unnest(?::varchar[])) order by r.report_id""", [ids]
    ).fetchall():
        out.append(dict(report=report_id, district=district, quality=json.loads(quality) if quality else {},
                        projects=n_proj, problems=problems.get(report_id, [])))
    return out


def part_problems(con: duckdb.DuckDBPyConnection, report_ids: Iterable[str] | None = None) -> list[tuple]:
    """(report_file, kind, title, source_line, problem) of every part of the current reports not read fully."""
    sql = ("select r.report_file, p.kind, p.title, p.source_line, p.problem from raw.report_parts p "
           "join raw.reports r using (report_id) where p.problem is not null")
    params: list = []
    if report_ids is not None:
        sql += " and r.report_id in (select unnest(?::varchar[]))"
        params.append(list(report_ids))
    return con.execute(sql + " order by r.report_file, p.part_no", params).fetchall()


def report_summary(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    """The build's summary: per report in the marts (file, district, type, review and plan year, indicators,
    projects), and every quarantined file (file, stage, message)."""
    reports = con.execute(
        """select r.report_file, r.district, r.doc_type, r.review_year, r.plan_year,
                  (select count(*) from marts.fct_indicators i where i.report_id = r.report_id),
                  (select count(*) from marts.fct_projects p where p.report_id = r.report_id)
           from marts.dim_reports r order by r.report_file""").fetchall()
    errors = con.execute("select report_file, stage, message from raw.ingest_errors order by report_file").fetchall()
    return reports, errors


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


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                       [schema, table]).fetchone()[0] > 0


def warehouse_status(con: duckdb.DuckDBPyConnection, events: int) -> dict | None:
    """What `devplan status` shows: reports (file, district, type, review and plan year, loaded at, indicator
    and project rows), quarantined files, the latest `events` report events, raw.build_state and how many marts
    exist. None when the file holds no devplan tables."""
    if not has_table(con, "raw", "reports"):
        return None
    return dict(
        reports=con.execute("""
            select report_file, metadata ->> 'district', metadata ->> 'doc_type',
                   metadata ->> 'review_year', metadata ->> 'plan_year', ingested_at,
                   (select count(*) from raw.indicator_rows i where i.report_id = r.report_id),
                   (select count(*) from raw.project_items p where p.report_id = r.report_id)
            from raw.reports r order by report_file""").fetchall(),
        errors=con.execute("select report_file, stage, message, last_seen from raw.ingest_errors "
                           "order by report_file").fetchall(),
        events=con.execute("select event_at, event, report_file, detail from raw.report_events "
                           "order by event_at desc, report_file limit ?", [events]).fetchall(),
        state=(con.execute("select raw_changed_at, marts_built_at from raw.build_state").fetchone()
               if has_table(con, "raw", "build_state") else None),
        problems=part_problems(con) if has_table(con, "raw", "report_parts") else [],
        marts=con.execute("select count(*) from information_schema.tables where table_schema = 'marts'").fetchone()[0],
    )
