"""Rows of one raw table gathered column by column, then inserted in one statement.

A cold build loads ~250k fact rows. Turning each record into a dict (`dataclasses.asdict` copies every field
deeply) and each dict into a DataFrame row cost more than the insert itself, and one `insert … values` per
event row is a round trip per report. Here records come as rows (`ingestion.packed`: a tuple of a record's
fields, read in the extraction worker), values go straight into per-column lists, and DuckDB's appender inserts
each table's rows in one statement (no DataFrame, so a load of one report does not import pandas). Values are still placed by column name (`schema.Table`), so a warehouse whose columns are in another
order (a migration appends) gets every value in its own column.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

import duckdb

from ingestion.packed import field_names

from .schema import Table


class TableRows:
    """The rows one load inserts into `table`: `add` one row by column name, `add_rows` the rows of many records
    of one dataclass (its fields are columns) with per-row constants and a running number; `insert` writes them."""

    def __init__(self, table: Table):
        self.table = table
        self.columns: dict[str, list] = {c: [] for c in table.column_names}
        self.count = 0
        self._fields: dict[type, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return self.count

    def add(self, **values) -> None:
        """One row; a column not given is NULL, a name the table lacks is an error."""
        self._check(values)
        for name, column in self.columns.items():
            column.append(values.get(name))
        self.count += 1

    def add_rows(self, record_type: type, rows: Sequence[tuple], number: str | None = None, **constants) -> None:
        """One row per record of `record_type` (a dataclass whose fields are columns of the table), given as the
        tuple of its field values in field order (`ingestion.packed.as_rows`); `number` = 1, 2, … in order, and
        each of `constants` on every row."""
        if not rows:
            return
        n = len(rows)
        given: dict[str, Iterable] = {name: [value] * n for name, value in constants.items()}
        if number is not None:
            given[number] = range(1, n + 1)
        fields = self._record_fields(record_type)
        if set(fields) & set(given):
            raise KeyError(f"{self.table.qualified}: {sorted(set(fields) & set(given))} given twice")
        if len(rows[0]) != len(fields):
            raise ValueError(f"{self.table.qualified}: a row of {len(rows[0])} values for the {len(fields)} fields "
                             f"of {record_type.__name__}")
        self._check(given)
        given.update(zip(fields, zip(*rows)))
        for name, column in self.columns.items():
            column.extend(given[name] if name in given else [None] * n)
        self.count += n

    def insert(self, con: duckdb.DuckDBPyConnection) -> int:
        """Insert every gathered row in the caller's transaction (DuckDB's appender: one statement for the
        lot, values placed by column name); returns the row count."""
        if not self.count:
            return 0
        with con.appender(self.table.qualified, columns=list(self.columns)) as appender:
            appender.append_rows(zip(*self.columns.values()))
        return self.count

    def _record_fields(self, cls: type) -> tuple[str, ...]:
        if cls not in self._fields:
            if not dataclasses.is_dataclass(cls):
                raise TypeError(f"{self.table.qualified}: {cls.__name__} is not a record dataclass")
            fields = field_names(cls)
            self._check(dict.fromkeys(fields))
            self._fields[cls] = fields
        return self._fields[cls]

    def _check(self, values) -> None:
        unknown = set(values) - set(self.columns)
        if unknown:
            raise KeyError(f"{self.table.qualified} has no column(s) {sorted(unknown)}")
