"""The text layout of the genre, written by every reader (.txt, .docx, .html, .pdf) the same way.

The extractors read one layout (see `document.py` and `tables.py`), so every container is rendered into it:

- one paragraph per line (a line break inside a paragraph starts a new line);
- a table as one cell per line, each cell's first line led by a TAB, a cell's further paragraphs or line breaks
  on the following lines without a tab, an empty cell as a lone TAB;
- a blank line after every row, and one more after the table.

This is the only place that layout is written, so `.docx`, `.html` and `.pdf` give the same lines (and the same
line numbers for a fact) as a text copy of the same report.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """One piece of text as the layout may hold it: line breaks as `\\n`, tabs as spaces, no NULs.

    A tab inside the text would read as the start of a table cell, so it becomes a space.
    """
    return _LINE_BREAKS.sub("\n", text).replace("\t", " ").replace("\x00", "")


def paragraph_lines(text: str) -> list[str]:
    """A paragraph → its line(s): a line break inside a paragraph starts a new line."""
    return [line.rstrip() for line in clean_text(text).split("\n")]


def cell_lines(text: str) -> list[str]:
    """One cell → its lines: the first led by a TAB, the rest (further paragraphs, line breaks) without one.

    Blank lines at the start or the end of a cell carry nothing and are dropped; blank lines between two of its
    paragraphs are kept (the layout shows a merged cell printed word by word that way). An empty cell is a lone TAB.
    """
    lines = paragraph_lines(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ["\t"]
    return ["\t" + lines[0].strip(), *(line.strip() for line in lines[1:])]


def table_lines(rows: Iterable[Sequence[str | None]]) -> list[str]:
    """Rows of cell texts → the lines of the table. `None` (a cell covered by a merge) is an empty cell.

    A row with no cells at all is skipped; a table with no rows gives no lines.
    """
    out: list[str] = []
    for row in rows:
        if not row:
            continue
        for cell in row:
            out.extend(cell_lines(cell or ""))
        out.append("")
    if out:
        out.append("")
    return out


def join_lines(lines: Iterable[str]) -> str:
    return "\n".join(lines)
