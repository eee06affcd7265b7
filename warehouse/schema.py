"""The raw layer's tables, declared once.

The DDL, the column list of every insert and the migration of an existing warehouse are all derived from
`RAW_TABLES`, and `dbt_project/models/staging/_sources.yml` is checked against it by a test, so a column added
to a record in `ingestion.records` reaches the warehouse, the loader and dbt's sources through one list.
Fact tables take their columns from the record dataclasses (types from their annotations), so the loader
cannot drift from the extractor.

Migrations are additive only: `migrate` creates missing tables and adds missing columns (NULL for rows
already loaded), so a warehouse built by an older devplan keeps its data. A column whose type changed or that
was removed is not migrated; that needs a rebuild (`rm` the warehouse and build again).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import duckdb

from ingestion.records import IndicatorValue, InvestmentFigure, PartSeen, ProjectItem

SCHEMA = "raw"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    description: str
    primary_key: str | None = None

    @property
    def qualified(self) -> str:
        return f"{SCHEMA}.{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        cols = [f"{c.name} {c.type}" + (" primary key" if c.name == self.primary_key else "") for c in self.columns]
        return f"create table if not exists {self.qualified} ({', '.join(cols)})"


_ANNOTATION_TYPES = {"str": "varchar", "int": "integer", "float": "double", "bool": "boolean"}


def _record_columns(record) -> tuple[Column, ...]:
    """A record dataclass's fields as columns; `int | None` is an integer column (every column is nullable)."""
    out = []
    for f in dataclasses.fields(record):
        base = str(f.type).replace(" ", "").removesuffix("|None")
        if base not in _ANNOTATION_TYPES:
            raise TypeError(f"{record.__name__}.{f.name}: no warehouse type for annotation {f.type!r}")
        out.append(Column(f.name, _ANNOTATION_TYPES[base]))
    return tuple(out)


def _columns(spec: str) -> tuple[Column, ...]:
    return tuple(Column(*part.split()) for part in spec.split(","))


RAW_TABLES: tuple[Table, ...] = (
    Table("reports", _columns("report_id varchar, report_file varchar, sha256 varchar, size bigint, text varchar,"
                              "metadata json, ingested_at timestamp"),
          "One row per report file: content hash, size, decoded text, title metadata, load time."),
    Table("indicator_rows", (Column("report_id", "varchar"), Column("row_no", "integer"), *_record_columns(IndicatorValue)),
          "Indicator values (table cells and headline prose) with their raw strings and source line."),
    Table("project_items", (Column("report_id", "varchar"), Column("item_no", "integer"), *_record_columns(ProjectItem)),
          "Project mentions from project lists (专栏) with stage words and source line."),
    Table("investment_plans", (Column("report_id", "varchar"), Column("item_no", "integer"),
                               *_record_columns(InvestmentFigure)),
          "Key-project aggregates stated in prose (counts, 总投资, 年度计划投资, 完成投资) with source line."),
    Table("report_parts", (Column("report_id", "varchar"), Column("part_no", "integer"), *_record_columns(PartSeen)),
          "Every part of a report an extractor recognised (tables, project lists, a row cut by the end of the "
          "file, report-wide quality) with rows seen, facts read and the problem when it was not read fully."),
    Table("ingest_errors", _columns("report_file varchar, sha256 varchar, stage varchar, message varchar,"
                                    "first_seen timestamp, last_seen timestamp"),
          "Files that could not be loaded: stage, readable message, first and last seen."),
    Table("report_events", _columns("report_file varchar, sha256 varchar, event varchar, detail varchar,"
                                    "event_at timestamp"),
          "History of each file: loaded, incomplete, rejected, deleted, with time and detail."),
    Table("report_versions", _columns("report_file varchar, sha256 varchar, size bigint, metadata json,"
                                      "ingested_at timestamp, replaced_at timestamp, change varchar"),
          "Earlier versions of each report file (replaced or deleted): hash, size, title metadata, when."),
    Table("build_state", _columns("name varchar, raw_changed_at timestamp, marts_built_at timestamp,"
                                  "views_built_from varchar"),
          "When the raw layer last changed and when the marts were last completed after it (one row), and the "
          "dbt code the warehouse's views and seeds were last all created from.",
          primary_key="name"),
)

TABLES = {t.name: t for t in RAW_TABLES}


def table(name: str) -> Table:
    return TABLES[name]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Bring the raw schema of an open (writable) warehouse up to `RAW_TABLES`: create missing tables, add missing
    columns. Returns what was added (`raw.t` or `raw.t.column`); existing rows keep their values."""
    con.execute(f"create schema if not exists {SCHEMA}")
    existing: dict[str, set[str]] = {}
    for name, column in con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_catalog = current_database() and table_schema = ?", [SCHEMA]).fetchall():
        existing.setdefault(name, set()).add(column)
    added = []
    for t in RAW_TABLES:
        if t.name not in existing:
            con.execute(t.ddl())
            added.append(t.qualified)
            continue
        for c in t.columns:
            if c.name not in existing[t.name]:
                con.execute(f"alter table {t.qualified} add column {c.name} {c.type}")
                added.append(f"{t.qualified}.{c.name}")
    return added
