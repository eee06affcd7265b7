"""`devplan`: the command line. Parses arguments and runs one command; a fatal error is one clear line (the
traceback with -v). `devplan build` runs under the supervisor (`supervise.py`)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import EXIT_FATAL


def parser() -> argparse.ArgumentParser:
    from orchestration.settings import reports_dir, warehouse_path

    from . import query, status

    p = argparse.ArgumentParser(
        prog="devplan",
        description="Turn Chinese development-plan reports into a DuckDB warehouse of typed, traceable facts "
                    "(indicators, targets vs actuals, projects), orchestrated by Dagster and dbt.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser(
        "build",
        help="load every report in a folder and build the marts (incremental: only new or changed files are processed)",
        description="Materialize the raw tables for every new, changed or deleted file in the folder through Dagster, "
                    "then dbt build the marts, and print a per-report summary with every part of a report that was "
                    "not read fully (`!` lines, a warning). Exit 0 when all files loaded, 3 when some were rejected "
                    "(listed), 1 on a fatal error. With $DAGSTER_HOME set the run shows in the Dagster UI's history.",
    )
    b.add_argument("--reports", type=Path, default=reports_dir(), help="folder of report files (default: %(default)s, or $DEVPLAN_REPORTS_DIR)")
    b.add_argument("--warehouse", type=Path, default=warehouse_path(), help="DuckDB file to build (default: %(default)s, or $DEVPLAN_WAREHOUSE)")
    b.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="extraction worker processes (default: one per CPU, or $DEVPLAN_WORKERS); "
                        "1 extracts one file after another")
    b.add_argument("--full-tests", action="store_true",
                   help="run every dbt data test (default: the tests guarding the reports that changed); "
                        "with nothing new, runs dbt with every test anyway")
    b.add_argument("-v", "--verbose", action="store_true", help="show Dagster and dbt logs")
    status.add_parser(sub)
    query.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "build":  # the build's dbt and extraction processes never outlive this process
        from .supervise import run_supervised

        return run_supervised(lambda: _run(args))
    return _run(args)


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "build":
            from .build import build

            return build(args.reports, args.warehouse, args.verbose, args.workers, args.full_tests)
        if hasattr(args, "run"):
            return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FATAL
    except Exception as exc:  # a fatal error gets one clear line, and the traceback with -v
        if getattr(args, "verbose", False):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        print(f"error: {type(exc).__name__}: {first}", file=sys.stderr)
        return EXIT_FATAL
    return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
