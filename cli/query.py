"""`devplan query "SQL"`: run SQL read-only and print a table.

Reads the serving copy (`serving.duckdb` beside the warehouse: the marts, never blocked by a build) when it
exists, else the warehouse itself; `--source` chooses. The connection is read-only, so a query cannot change data.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import duckdb

from .errors import EXIT_OK, UserError, fail, missing_warehouse
from .reading import open_read_only


def add_parser(sub) -> None:
    from orchestration.settings import warehouse_path

    p = sub.add_parser(
        "query",
        help="run SQL read-only against the marts (serving copy) or the warehouse and print a table",
        description="Run SQL read-only and print the result. By default it reads the serving copy "
                    "(serving.duckdb beside warehouse.duckdb, <name>.serving.duckdb beside any other; schema marts) when it exists, else the warehouse "
                    "(schemas raw, staging, marts). Example: devplan query \"select * from marts.dim_districts\"",
    )
    p.add_argument("sql", help="the SQL to run (use '-' to read it from stdin)")
    p.add_argument("--warehouse", type=Path, default=warehouse_path(),
                   help="DuckDB warehouse (default: %(default)s, or $DEVPLAN_WAREHOUSE)")
    p.add_argument("--source", choices=["auto", "serving", "warehouse"], default="auto",
                   help="auto: the serving copy when present, else the warehouse (default); "
                        "warehouse: also sees raw.* and staging.*")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: %(default)s)")
    p.add_argument("--max-rows", type=int, default=100, metavar="N", help="rows shown in table format (default: %(default)s)")
    p.set_defaults(run=run)


def pick_source(warehouse: Path, source: str) -> tuple[Path, bool]:
    """(file to read, whether it is the warehouse itself)."""
    from warehouse.serving import serving_path

    serving = serving_path(warehouse)
    if source == "serving" or (source == "auto" and serving.exists()):
        if not serving.exists():
            raise UserError(f"no serving copy at {serving}: run `devplan build --warehouse {warehouse}` first")
        return serving, False
    if not warehouse.exists():
        raise missing_warehouse(warehouse)
    return warehouse, True


def run(args: argparse.Namespace) -> int:
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    warehouse = Path(args.warehouse).resolve()
    try:
        path, is_warehouse = pick_source(warehouse, args.source)
        with open_read_only(path, lock=is_warehouse) as con:
            try:
                statements = [_clean(st.query) for st in con.extract_statements(sql)]
            except duckdb.Error as exc:
                raise UserError(str(exc).splitlines()[0]) from None
            if not statements:
                raise UserError("no SQL statement given")
            if args.format == "table":
                print(f"-- {path}", file=sys.stderr)
                for statement in statements:  # a script: every result in turn
                    rel = _run(con, statement, is_warehouse)
                    if rel is None:
                        print("ok (no rows returned)")
                        continue
                    try:
                        rel.show(max_rows=args.max_rows, max_width=_width())
                    except duckdb.Error as exc:
                        raise UserError(str(exc).splitlines()[0]) from None
                return EXIT_OK
            for statement in statements[:-1]:
                _run(con, statement, is_warehouse)
            rel = _run(con, statements[-1], is_warehouse)  # csv/json: the last statement's result
            if rel is None:
                raise UserError("the last statement returns no rows")
            try:
                columns, rows = rel.columns, rel.fetchall()
            except duckdb.Error as exc:
                raise UserError(str(exc).splitlines()[0]) from None
    except UserError as exc:
        return fail(str(exc))
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        json.dump([dict(zip(columns, r)) for r in rows], sys.stdout, ensure_ascii=False, default=str, indent=1)
        print()
    return EXIT_OK


def _clean(statement: str) -> str:
    """A statement as DuckDB splits a script: without the `;` and the comments that follow it (the relation
    API wraps the text in a subquery, where they are a syntax error)."""
    lines = statement.rstrip().splitlines()
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("--")):
        lines.pop()
    return "\n".join(lines).rstrip().rstrip(";")


def _run(con: duckdb.DuckDBPyConnection, statement: str, is_warehouse: bool):
    try:
        return con.sql(statement)
    except duckdb.CatalogException as exc:
        hint = ("" if is_warehouse else
                "\n  (the serving copy holds the marts only: add --source warehouse for raw.* and staging.*)")
        raise UserError(f"{str(exc).splitlines()[0]}{hint}") from None
    except duckdb.Error as exc:
        raise UserError(str(exc).splitlines()[0]) from None


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((160, 40)).columns if sys.stdout.isatty() else 200
