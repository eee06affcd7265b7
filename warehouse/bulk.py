"""Rows of one raw table gathered column by column, then inserted in one statement.

A cold build loads ~250k fact rows. Turning each record into a dict (`dataclasses.asdict` copies every field
deeply) and each dict into a DataFrame row cost more than the insert itself, and one `insert … values` per
event row is a round trip per report. Here a record class's fields are read once per record with one
`attrgetter`, values go straight into per-column lists, and DuckDB's appender inserts each table's rows in one
statement (no DataFrame, so a load of one report does not import pandas). Values are still placed by column name (`schema.Table`), so a warehouse whose columns are in another
order (a migration appends) gets every value in its own column.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from operator import attrgetter

import duckdb

from .schema import Table


class TableRows:
    """The rows one load inserts into `table`: `add` one row by column name, `add_records` many dataclass
    records (their fields are columns) with per-row constants and a running number; `insert` writes them."""

    def __init__(self, table: Table):
        self.table = table
        self.columns: dict[str, list] = {c: [] for c in table.column_names}
        self.count = 0
        self._getters: dict[type, tuple[tuple[str, ...], attrgetter]] = {}

    def __len__(self) -> int:
        return self.count

    def add(self, **values) -> None:
        """One row; a column not given is NULL, a name the table lacks is an error."""
        self._check(values)
        for name, column in self.columns.items():
            column.append(values.get(name))
        self.count += 1

    def add_records(self, records: Sequence, number: str | None = None, **constants) -> None:
        """One row per record (a dataclass whose fields are columns of the table), `number` = 1, 2, … in order,
        and each of `constants` on every row."""
        if not records:
            return
        n = len(records)
        given: dict[str, Iterable] = {name: [value] * n for name, value in constants.items()}
        if number is not None:
            given[number] = range(1, n + 1)
        cls = type(records[0])
        if any(type(r) is not cls for r in records):
            raise TypeError(f"{self.table.qualified}: records of more than one type in one call")
        fields, getter = self._getter(cls)
        if set(fields) & set(given):
            raise KeyError(f"{self.table.qualified}: {sorted(set(fields) & set(given))} given twice")
        self._check(given)
        if len(fields) == 1:
            given[fields[0]] = [getter(r) for r in records]
        else:
            given.update(zip(fields, zip(*map(getter, records))))
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

    def _getter(self, cls: type) -> tuple[tuple[str, ...], attrgetter]:
        if cls not in self._getters:
            if not dataclasses.is_dataclass(cls):
                raise TypeError(f"{self.table.qualified}: {cls.__name__} is not a record dataclass")
            fields = tuple(f.name for f in dataclasses.fields(cls))
            self._check(dict.fromkeys(fields))
            self._getters[cls] = fields, attrgetter(*fields)
        return self._getters[cls]

    def _check(self, values) -> None:
        unknown = set(values) - set(self.columns)
        if unknown:
            raise KeyError(f"{self.table.qualified} has no column(s) {sorted(unknown)}")
