"""Opening the warehouse or its serving copy read-only for a command, with errors that tell the user what to do."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from .errors import UserError, missing_warehouse


@contextmanager
def open_read_only(path: Path, lock: bool = True):
    """`warehouse.connection.read_only`, its failures as one-line `UserError`s."""
    from warehouse.connection import WarehouseError, read_only

    try:
        cm = read_only(path, lock=lock)
        con = cm.__enter__()
    except FileNotFoundError:
        raise missing_warehouse(Path(path)) from None
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    try:
        yield con
    except BaseException as exc:
        if not cm.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        cm.__exit__(None, None, None)
