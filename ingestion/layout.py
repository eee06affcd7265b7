"""The text layout of the genre, written by every reader (.txt, .docx, .html, .pdf) the same way.

The extractors read one layout (see `document.py` and `tables.py`), so every container is rendered into it:

- one paragraph per line (a line break inside a paragraph starts a new line);
- a table as one cell per line, each cell's first line led by a TAB, a cell's further paragraphs or line breaks
  on the following lines without a tab, an empty cell as a lone TAB;
- a blank line after every row, and one more after the table.

This is the only place that layout is written, so `.docx`, `.html` and `.pdf` give the same lines (and the same
line numbers for a fact) as a text copy of the same report.

A container reader hands over its lines with each real table as a `GridTable` among them; `render` writes the
text and builds the `DocumentModel` from it, keeping the reader's grid (merged cells as spans, header rows) for
each table instead of guessing it back from the lines, and giving every block and cell its line in that text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Cell, DocumentModel

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """One piece of text as the layout may hold it: line breaks as `\\n`, tabs as spaces, no NULs.

    A tab inside the text would read as the start of a table cell, so it becomes a space.
    """
    return _LINE_BREAKS.sub("\n", text).replace("\t", " ").replace("\x00", "")


def paragraph_lines(text: str) -> list[str]:
    """A paragraph → its line(s): a line break inside a paragraph starts a new line."""
    if text.isprintable():  # no line break, tab or NUL (all unprintable): one line, which clean_text leaves as it is
        return [text.rstrip()]
    return [line.rstrip() for line in clean_text(text).split("\n")]


def cell_lines(text: str) -> list[str]:
    """One cell → its lines: the first led by a TAB, the rest (further paragraphs, line breaks) without one.

    Blank lines at the start or the end of a cell carry nothing and are dropped; blank lines between two of its
    paragraphs are kept (the layout shows a merged cell printed word by word that way). An empty cell is a lone TAB.
    """
    if text.isprintable():  # one line (`paragraph_lines`): its text stripped, or an empty cell
        s = text.strip()
        return ["\t" + s] if s else ["\t"]
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


@dataclass
class GridTable:
    """A table as a container reader holds it.

    `rows` are the row positions the text layout prints: a `model.Cell` for a printed cell (with its spans), None
    where a vertical merge from above covers the position (printed as an empty cell, as Word shows it).
    `header_rows` is what the container says (Word's repeated header rows, `<thead>`), None when it says nothing.
    """

    rows: list[list[Cell | None]]
    header_rows: int | None = None
    layout: str = ""
    continued: bool = False  # the rest of the table before it, cut by a page break


def render(items: Iterable[str | GridTable]) -> DocumentModel:
    """Lines and tables in reading order → the DocumentModel: the text in this layout, and its blocks.

    Paragraph lines are classified as the text reader does (headings, captions, notes …; a table typed as text
    inside a paragraph flow is still recognised); each GridTable keeps its real grid, its cells pointing at the
    lines their text starts on.
    """
    from .text_blocks import blocks_of_lines  # text_blocks imports this module

    lines: list[str] = []
    grids: dict[int, tuple[int, GridTable]] = {}
    for item in items:
        if not isinstance(item, GridTable):
            lines.append(item)
            continue
        first = len(lines)
        cells: list[list[Cell | None]] = []
        for row in item.rows:
            if not row:
                continue
            kept: list[Cell | None] = []
            for cell in row:
                lines_of_cell = cell_lines(cell.text if cell is not None else "")
                if cell is not None:
                    cell = _at_line(cell, lines_of_cell, len(lines) + 1)
                kept.append(cell)
                lines.extend(lines_of_cell)
            lines.append("")
            cells.append(kept)
        if not cells:
            continue
        lines.append("")
        last = len(lines) - 1
        while last > first and not lines[last].strip() and lines[last] != "\t":
            last -= 1
        grids[first] = (last, GridTable(cells, item.header_rows, item.layout, item.continued))
    text = "\n".join(lines)
    return DocumentModel(blocks_of_lines(lines, grids), text)


def _at_line(cell: Cell, printed: list[str], line: int) -> Cell:
    """The cell with the text its lines print (as the text reader reads it back) and the line it starts on."""
    text = "\n".join(x.strip() for x in printed if x.strip())
    return Cell(text, cell.row_span, cell.col_span, line)
