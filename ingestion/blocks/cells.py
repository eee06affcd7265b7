"""The genre's own table layout (`layout.py`): one cell per line led by a TAB, a blank line after each row.

A cell that wrapped in the original continues on the following short non-tab line(s), sometimes with blank lines
in between (a merged cell printed one character group per visual row). A tab-led line holding several TAB-joined
cells is a whole row of its own (a table copied out of a spreadsheet with every line led by a TAB).
"""
from __future__ import annotations

from ..document import is_cell_line, squash
from ..model import Cell
from .lines import PAGE_NUMBER, is_note, is_outline

WRAP_MAX = 40  # a wrapped piece of a cell is short; a longer non-tab line is running text after the table
LOOKAHEAD = 8  # lines to look ahead for the table resuming after a blank line and a short non-tab line


def wrap_candidate(line: str) -> bool:
    """A non-tab line that could be the wrapped rest of a cell (not a heading, caption, note, prose or a page
    number between the parts of a table cut by a page break)."""
    s = squash(line)
    return bool(s) and len(s) <= WRAP_MAX and not is_outline(line) and not is_note(line) \
        and not (PAGE_NUMBER.match(s) and not s.isdigit())  # `— 2 —`, `第3页`; a bare figure may be a cell


def _table_resumes(lines: list[str], idx: int) -> bool:
    """After a blank line, a short non-tab line belongs to the table only if cells follow it again.

    That is how a merged cell printed as `经济` / `发展` (blank lines between) looks; a short line after the
    table's last row (a sub-heading, a note) is not followed by more cells.
    """
    for j in range(idx + 1, min(len(lines), idx + 1 + LOOKAHEAD)):
        nxt = lines[j]
        if is_cell_line(nxt):
            return True
        if nxt.strip() and not wrap_candidate(nxt):
            return False
    return False


def read_cell_rows(lines: list[str], start: int) -> tuple[list[list[Cell]], int, bool]:
    """Rows of cells from the cell run starting at 0-based index `start`.

    Returns (rows, index of the last line used, whether rows were TAB-joined lines). A tab-led line opens a
    cell; a blank line closes the row; a short non-tab line continues the last cell.
    """
    rows: list[list[Cell]] = []
    row: list[Cell] | None = None
    gap = False  # a blank line was seen since the last cell text
    joined = False  # the current row is one line of TAB-joined cells
    any_joined = False
    last = start
    for i in range(start, len(lines)):
        line = lines[i]
        if line[:1] == "\t":  # a cell line (document.is_cell_line, inlined: this loop runs over every cell)
            # a trailing tab is layout noise, not an empty cell
            if "\t" not in line[1:] or "\t" not in (body := line[1:].rstrip()):  # one cell, the genre's own layout
                if row is None or gap or joined:
                    row = []
                    rows.append(row)
                    gap = False
                joined = False
                row.append(Cell(line.strip(), 1, 1, i + 1))  # = line[1:].rstrip().strip(): the lead is a tab
            else:
                if row is None or gap or joined or row:
                    row = []
                    rows.append(row)
                    gap = False
                joined = any_joined = True
                row.extend([Cell(part.strip(), 1, 1, i + 1) for part in body.split("\t")])
            last = i
        elif not line or line.isspace():  # a blank line (`not line.strip()`)
            gap = True
        elif row and wrap_candidate(line) and (not gap or _table_resumes(lines, i)):
            cell = row[-1]  # a wrapped piece: the cell again with it (a rare line: the common ones make no copy)
            row[-1] = Cell(f"{cell.text}\n{line.strip()}" if cell.text else line.strip(), 1, 1, cell.line)
            gap = False
            last = i
        else:
            break
    return rows, last, any_joined
