"""A table copied out of a web page as one cell per line with nothing before it, a blank line after each row.

Why: a portal's table pasted into a text editor loses its grid differently from the genre's own layout
(`cells.py`, every cell led by a TAB): each `<td>` becomes a plain line, each `<tr>` ends with a blank line. The
header row is a run of short lines (`序号` / `指标名称` / `2023年计划` / `2023年完成` / `2024年目标`), each body
row a run of as many lines, a group row (`一、经济发展`) a line of its own. A row whose first cell is empty
(a `其中：` sub-row has no 序号) starts with that empty line, so the blank line closing the row above is followed
by a second one: every blank line beyond the first before a row is an empty leading cell.

A PDF copy wraps a long cell onto the next line: the row then has a line too many, and the line that wrapped is
as wide as the widest lines of the table (it filled its column); the line under it goes on with the cell's text
(not a figure, unit, attribute word or a `#`/`其中` sub-row name, each of which is a cell of its own). A row one
cell wider than the header with a sub-row name in it (`主要污染物排放总量减少*` / `#二氧化硫（%）` / …) prints the
parent's name beside the sub-row's, as a TAB-joined row does; the table reader reads it so.

Recognised by structure and by the genre's header words, never by one line: the header run has `MIN_COLUMNS` or
more lines, each a header word (`headers.header_role`) with a name column and a value column among them, and at
least `MIN_ROWS` body rows of exactly that many cells follow. A paragraph, a note or a row of another width ends
the table. Runs of short lines outside a table (a masthead, a list of headings) have no such header.
"""
from __future__ import annotations

import re
import unicodedata

from ..document import squash
from ..headers import NAME, VALUE, header_role
from ..model import Cell
from ..tables import is_unit  # the genre's unit vocabulary lives with the table reader
from ..vocabulary import ATTRIBUTE_WORD, SUBROW_MARK
from .lines import SENTENCE_PUNCT, is_caption, is_note

STACKED = "stacked"
MIN_COLUMNS = 3  # two short lines one above the other are no evidence of a table
MIN_ROWS = 2
CELL_MAX = 40  # a cell is a short text; a longer line is running text after the table
GROUP_MAX = 30
HEADER_MAX = 20
GROUPS_MAX = 2  # a group row and a sub-group row may stand over a row; more short lines are text after the table
WRAPPED_MIN = 12  # display columns: a shorter line filled no column, it did not wrap
WRAP_SLACK = 2  # display columns a wrapped line may fall short of the widest line (a CJK character takes two)
_FIGURE = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?[%％]?$")


def could_open(lines: list[str], i: int) -> bool:
    """A cheap first look (the block loop asks it of many lines): a short line followed at once by another."""
    line = lines[i]
    return len(line) <= HEADER_MAX * 2 and i + 1 < len(lines) and bool(lines[i + 1].strip()) \
        and lines[i + 1][:1] != "\t" and len(squash(line)) <= HEADER_MAX


def _run(lines: list[str], i: int) -> int:
    """Index one past the run of non-blank lines starting at `i`."""
    n = len(lines)
    while i < n and lines[i].strip() and lines[i][:1] != "\t":
        i += 1
    return i


def _is_cell(line: str) -> bool:
    s = squash(line)
    return len(s) <= CELL_MAX and not is_caption(line) and not is_note(line)


def _is_group(line: str) -> bool:
    s = squash(line)
    return bool(s) and len(s) <= GROUP_MAX and not SENTENCE_PUNCT.search(s[:-1]) and not is_caption(line) \
        and not is_note(line)


def read_stacked_table(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, int | None] | None:
    """The table whose header run starts at 0-based `start`: (layout, rows with the header first, index of its
    last line, header rows); None when none starts there. A table whose rows print every cell, an empty one as
    an empty line (`_every_cell`), is read so when that reads further."""
    found = _runs(lines, start)
    every = _every_cell(lines, start)
    if every is not None and (found is None or every[2] > found[2]):
        return every
    return found


def _runs(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, int] | None:
    """A table whose rows are runs of lines: empty cells only before a row's first text (`read_stacked_table`)."""
    # the header run, line by line: the first line that is no header word ends the search, and so does a run
    # wider than a table printed one cell per line (a run of short lines can be as long as the document: measured to its end
    # from every line that could open a table, a report of one-line paragraphs took time quadratic in its length)
    header, roles, end, n = [], [], start, len(lines)
    while end < n and lines[end].strip() and lines[end][:1] != "\t":
        h = lines[end].strip()
        role = header_role(h)
        if role is None or SENTENCE_PUNCT.search(h) or len(header) == WIDTH_MAX:
            return None
        header.append(h)
        roles.append(role)
        end += 1
    width = end - start
    if width < MIN_COLUMNS or NAME not in roles or VALUE not in roles:
        return None
    rows: list[list[Cell]] = [[Cell(h, line=start + k + 1) for k, h in enumerate(header)]]
    last, j, n = end - 1, end, len(lines)
    pending: list[list[Cell]] = []  # group rows (`一、经济发展`, `（一）产业`), kept once a row of cells follows
    body = 0
    widest = 0  # display width of the widest cell line so far: a line that wrapped filled its column
    while j < n:
        blanks = j
        while j < n and not lines[j].strip():
            j += 1
        if j >= n or lines[j][:1] == "\t":
            break
        gap = j - blanks  # blank lines before this run
        stop = _run(lines, j)
        texts = [lines[k].strip() for k in range(j, stop)]
        lead = max(gap - 1, 0)  # the blank lines beyond the row separator are empty leading cells
        if len(texts) == 1 and lead == 0 and len(pending) < GROUPS_MAX and _is_group(lines[j]):
            pending.append([Cell(texts[0], line=j + 1)])
            j = stop
            continue
        if not all(_is_cell(lines[k]) for k in range(j, stop)):
            break
        widest = max(widest, *map(_display, texts))
        placed = _row_lines(list(range(j, stop)), texts, lead, width, widest)
        if placed is None:
            break
        cells = [Cell("", line=j + 1) for _ in range(lead)] + [Cell(t, line=k + 1) for k, t in placed]
        rows.extend(pending)
        pending = []
        rows.append(cells)
        body += 1
        last = stop - 1
        j = stop
    if body < MIN_ROWS:
        return None
    return STACKED, rows, last, 1


def _display(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row_lines(at: list[int], texts: list[str], lead: int, width: int, widest: int) -> list[tuple[int, str]] | None:
    """(line index, text) of each cell of one row printed on the lines `at` after `lead` empty cells; None when
    the lines are no row of a table `width` cells wide. A row with lines too many is a row with wrapped cells when
    joining each line that filled its column with the line under it makes it as wide as the header; one cell
    wider than the header with a sub-row name among its cells, it prints its parent's name beside it."""
    cells = list(zip(at, texts))
    k = 0
    while lead + len(cells) > width and k + 1 < len(cells):
        line, text = cells[k]
        if _wrapped(text.rsplit("\n", 1)[-1], cells[k + 1][1], widest):
            cells[k:k + 2] = [(line, f"{text}\n{cells[k + 1][1]}")]
        else:
            k += 1
    n = lead + len(cells)
    if n == width or n == width + 1 and any(SUBROW_MARK.match(t) for _, t in cells):
        return cells
    return None


def _wrapped(piece: str, below: str, widest: int) -> bool:
    """`piece` filled its column and `below` goes on with the same cell: not a cell of its own (a figure, a unit,
    an attribute word, a sub-row name)."""
    return _display(piece) >= max(WRAPPED_MIN, widest - WRAP_SLACK) and not SUBROW_MARK.match(below) \
        and not _FIGURE.match(below) and not is_unit(below) and not ATTRIBUTE_WORD.match(below)


WIDTH_MAX = 12  # columns of a table printed one cell per line
PROJECT = "project"  # what `header_role` says of a project table's header words (项目名称, 总投资)


def _every_cell(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, None] | None:
    """A table printed with every cell on a line of its own, an empty cell as an empty line, and one blank line
    after each row (a header cell merged over two columns, a second header row, a group row padded to the full
    width: empty lines anywhere in a row). Then every row is the same number of lines followed by a blank line,
    and that width is the one that reads the most rows; a group row printed as one line (`一、经济发展`) is one
    line and a blank. The first row is a header: its texts are header words, a name and a value column among
    them (or in the second row)."""
    n = len(lines)
    if header_role(lines[start]) is None:  # the header's first cell is a header word (most lines are not)
        return None
    best: tuple[int, list[list[Cell]]] | None = None
    for width in range(MIN_COLUMNS, WIDTH_MAX + 1):
        rows: list[list[Cell]] = []
        pos = start
        while pos < n:
            chunk = lines[pos:pos + width]
            if len(chunk) == width and (pos + width == n or not lines[pos + width].strip()) \
                    and any(x.strip() for x in chunk) and all(not x.strip() or _is_cell(x) for x in chunk) \
                    and all(x[:1] != "\t" for x in chunk):
                rows.append([Cell(x.strip(), line=pos + k + 1) for k, x in enumerate(chunk)])
                pos += width + 1
            elif len(rows) > 1 and lines[pos].strip() and _is_group(lines[pos]) \
                    and (pos + 1 == n or not lines[pos + 1].strip()):
                rows.append([Cell(lines[pos].strip(), line=pos + 1)])
                pos += 2
            else:
                break
        if len(rows) < MIN_ROWS + 1 or not _opens_with_header(rows):
            continue
        while len(rows[-1]) == 1:  # a group row with no rows under it is text after the table
            rows.pop()
        body = sum(1 for r in rows if len(r) > 1)
        if body > MIN_ROWS and (best is None or body > best[0]):
            best = (body, rows)
    if best is None:
        return None
    rows = best[1]
    return STACKED, rows, max(c.line for c in rows[-1] if c.text) - 1, None


def _opens_with_header(rows: list[list[Cell]]) -> bool:
    """The first row is header words only: a project table's (`项目名称`), or an indicator table's (a name column)
    with a value column named in it or in the row under it."""
    first = [header_role(c.text) for c in rows[0] if c.text]
    if len(first) < 2 or any(r is None for r in first) or any(SENTENCE_PUNCT.search(c.text) for c in rows[0]):
        return False
    if PROJECT in first:
        return True
    second = [header_role(c.text) for c in rows[1] if c.text] if len(rows[1]) > 1 else []
    return NAME in first and (VALUE in first or VALUE in second)
