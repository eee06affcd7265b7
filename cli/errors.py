"""Exit codes and the errors a user can fix, shared by the commands."""
from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_FATAL, EXIT_REJECTED = 0, 1, 3  # all loaded / fatal error / some files rejected


class UserError(Exception):
    """A problem the user can fix; printed as one line without a traceback."""


def missing_warehouse(warehouse: Path) -> UserError:
    return UserError(f"no warehouse at {warehouse}: run `devplan build --warehouse {warehouse}` first "
                     "(or point --warehouse / $DEVPLAN_WAREHOUSE at an existing one)")


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FATAL
