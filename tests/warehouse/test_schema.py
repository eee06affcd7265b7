"""The raw schema is declared once: existing warehouses are migrated additively, and dbt's sources match it."""
from pathlib import Path

import duckdb
import yaml

from ingestion.process import process_report
from warehouse.connection import connect
from warehouse.load import load_batch
from warehouse.schema import RAW_TABLES, TABLES, migrate

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "dbt_project" / "models" / "staging" / "_sources.yml"
SEED = next((ROOT / "seeds").glob("000_*.txt"))


def columns(con, table: str) -> list[str]:
    return [c for (c,) in con.execute(
        "select column_name from information_schema.columns where table_schema = 'raw' and table_name = ? "
        "order by ordinal_position", [table]).fetchall()]


def test_a_new_warehouse_has_every_declared_table_and_column(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    try:
        for t in RAW_TABLES:
            assert columns(con, t.name) == t.column_names
        assert migrate(con) == []  # nothing left to add
    finally:
        con.close()


def test_an_older_warehouse_gains_the_missing_table_and_column_and_keeps_its_rows(tmp_path):
    wh = tmp_path / "old.duckdb"
    con = duckdb.connect(str(wh))
    # a warehouse from before raw.report_versions existed and before indicator_rows had name_raw
    con.execute("create schema raw")
    for t in RAW_TABLES:
        if t.name == "report_versions":
            continue
        cols = [c for c in t.columns if not (t.name == "indicator_rows" and c.name == "name_raw")]
        con.execute(f"create table {t.qualified} ({', '.join(f'{c.name} {c.type}' for c in cols)}"
                    + (f", primary key ({t.primary_key})" if t.primary_key else "") + ")")
    con.execute("insert into raw.indicator_rows (report_id, row_no, indicator_name, value_raw) "
                "values ('old.txt', 1, '地区生产总值', '6%')")
    con.close()

    con = connect(wh)
    try:
        assert columns(con, "indicator_rows") == TABLES["indicator_rows"].column_names
        assert columns(con, "report_versions") == TABLES["report_versions"].column_names
        assert con.execute("select report_id, indicator_name, value_raw, name_raw from raw.indicator_rows").fetchall() \
            == [("old.txt", "地区生产总值", "6%", None)]
        # and the migrated warehouse loads a report with the new column filled
        summary = load_batch(con, [process_report("new.txt", SEED.read_bytes())])
        assert summary.loaded == ["new.txt"]
        filled = con.execute("select count(name_raw) from raw.indicator_rows where report_id = 'new.txt'").fetchone()[0]
        assert filled > 0
    finally:
        con.close()


def test_inserts_go_by_column_name_whatever_the_column_order(tmp_path):
    """A warehouse whose columns were added in another order (a migration appends) still loads each value into
    its own column."""
    wh = tmp_path / "w.duckdb"
    con = duckdb.connect(str(wh))
    con.execute("create schema raw")
    t = TABLES["project_items"]
    reordered = list(reversed(t.columns))
    con.execute(f"create table {t.qualified} ({', '.join(f'{c.name} {c.type}' for c in reordered)})")
    con.close()
    p = process_report("r.txt", SEED.read_bytes())
    con = connect(wh)
    try:
        load_batch(con, [p])
        first = p.extraction.projects[0]
        assert con.execute("select project_name, stage, source_line from raw.project_items where item_no = 1"
                           ).fetchone() == (first.project_name, first.stage, first.source_line)
    finally:
        con.close()


def test_dbt_sources_declare_exactly_the_raw_tables_and_columns():
    sources = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))["sources"]
    raw = next(s for s in sources if s.get("schema", s["name"]) == "raw")
    declared = {t["name"]: [c["name"] for c in t.get("columns", [])] for t in raw["tables"]}
    expected = {t.name: t.column_names for t in RAW_TABLES}
    assert sorted(declared) == sorted(expected), "tables in _sources.yml differ from warehouse/schema.py"
    for name, cols in expected.items():
        assert sorted(declared[name]) == sorted(cols), f"raw.{name}: _sources.yml columns differ from the schema"
