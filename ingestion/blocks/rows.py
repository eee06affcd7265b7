"""Tables printed one row per line: cells joined by TABs (copied from Excel/WPS), by runs of two or more spaces or
by full-width spaces (copied from a web page), or between `|` pipes (Markdown, see `markdown.py`).

A table is recognised by its structure, never by its words alone: a header-like line (two or more short cells,
no sentence punctuation) followed by lines that split into a compatible number of cells. Inside the run a line
of its own that is short (`一、经济发展`) is a group row when more rows follow it. Leading indentation is not a
separator, so an indented paragraph stays a paragraph; a paragraph holding a double space somewhere is one line
of two "cells" at most, never a run of rows.

When the rows are aligned on character columns (a fixed-width copy), a row whose empty cells vanished is put
back in its columns by where its cells start; otherwise the printed cells are kept in order and the header
interpreter aligns a short row. A cell that filled its column wraps in such a copy: the line under the row holds
only the rest of that cell, indented to where the cell starts, and is joined to it.
"""
from __future__ import annotations

import csv
import re
import unicodedata

from ..document import squash
from ..headers import NAME, SEQ, header_role
from ..model import Cell
from .furniture import is_page_number, is_rule
from .lines import SENTENCE_PUNCT, is_caption, is_heading, is_note
from .markdown import is_separator, pipe_cells

_SPACES = re.compile(r"[ \u3000]*\u3000[ \u3000]*| {2,}")
FULL_WIDTH_PUNCT = re.compile(r"[，。；！？]")  # a comma-separated line holding these is Chinese prose, not CSV
_FIGURE = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?%?$")

HEADER_CELL_MAX = 20  # a header label is short; a longer piece is a sentence
GROUP_MAX = 30  # a group row (`一、经济发展`) is a short label
BLANKS_MAX = 1  # blank lines allowed between two rows of one table

TABS, SPACES, MARKDOWN, CSV = "tabs", "spaces", "markdown", "csv"
BARE_CELLS_MIN = 3  # a header row with no markup but its separators (bare pipes, commas) has three cells or more


def split_row(line: str, layout: str | None = None) -> tuple[str, list[str], list[int]] | None:
    """(layout, cell texts, cell start columns) of a line that holds two or more cells; None otherwise.

    Only the line's inside separates cells: the indentation and the line end are not cells. Inside a table of
    TAB-joined rows (`layout` TABS) a line led by a TAB starts with an empty cell; elsewhere a tab-led line
    belongs to the one-cell-per-line layout.
    """
    body = line.strip()
    if not body:
        return None
    if layout == CSV:
        return _csv_row(body)
    if body[0] == "|" or (layout == MARKDOWN and "|" in body):
        cells = pipe_cells(body)
        return (MARKDOWN, cells, []) if cells is not None and len(cells) >= 2 else None
    if "\t" in body:
        if line[0] == "\t" and layout != TABS:
            return None
        # a trailing TAB is the row's empty last cell (a spreadsheet copies every cell of the row)
        return TABS, [c.strip() for c in line.rstrip(" \u3000\r\n").split("\t")], []
    if "  " not in body and "\u3000" not in body:
        return None
    lead = len(line) - len(line.lstrip())
    cells, starts, pos = [], [], 0
    aligned = False  # some separator is a run of ASCII spaces: the columns are padded to display width
    letter_spaced: set[int] = set()  # cells that go on after a full-width letter space (`指　　标`)
    for m in _SPACES.finditer(body):
        if m.start() > pos:
            cells.append(body[pos:m.start()])
            starts.append(pos + lead)
        sep = m.group(0)
        if " " in sep:
            aligned = True
        elif cells and _letter(cells[-1]) and _letter(body[m.end():m.end() + 1]) \
                and (m.end() + 1 == len(body) or body[m.end() + 1] in " \u3000"):
            letter_spaced.add(len(cells) - 1)
        pos = m.end()
    if pos < len(body):
        cells.append(body[pos:])
        starts.append(pos + lead)
    if aligned and letter_spaced:
        cells, starts = _join_letter_spaced(cells, starts, letter_spaced)
    return (SPACES, cells, starts) if len(cells) >= 2 else None


def _csv_row(body: str) -> tuple[str, list[str], list[int]] | None:
    """The fields of a comma-separated line (a spreadsheet saved as CSV: `1,地区生产总值增速,%,6.5左右`); a quoted
    field may hold a comma. None for a line without a comma."""
    if "," not in body:
        return None
    try:
        cells = next(csv.reader([body], skipinitialspace=True))
    except (csv.Error, StopIteration):
        return None
    return CSV, [c.strip() for c in cells], []


def _bare_header(line: str) -> tuple[str, list[str], list[int]] | None:
    """The header row of a table whose rows carry no markup but their separators: cells between ` | ` pipes with
    no outer pipes and no `---` line under the header (a web page copied as text), or fields between commas (a
    spreadsheet saved as CSV). Three labelled cells or more, none empty: two pieces of a sentence are no header."""
    body = line.strip()
    if not body or body[0] == "|":
        return None
    if body.count("|") >= BARE_CELLS_MIN - 1:
        cells = pipe_cells(body)
        found = (MARKDOWN, cells, []) if cells is not None else None
    elif body.count(",") >= BARE_CELLS_MIN - 1 and not FULL_WIDTH_PUNCT.search(body):
        found = _csv_row(body)
    else:
        return None
    if found is None or len(found[1]) < BARE_CELLS_MIN or not all(found[1]):
        return None
    return found


def _letter(text: str) -> bool:
    """One CJK character: a piece of a label spread with full-width spaces (`指　　标`, `序　号`)."""
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _join_letter_spaced(cells: list[str], starts: list[int], spaced: set[int]) -> tuple[list[str], list[int]]:
    """In a space-aligned row (ASCII-space padding between columns) a label whose characters are spread with
    full-width spaces (`指　　标`) is one cell: the full-width spaces there are letter spacing, not a column."""
    out_cells, out_starts = [], []
    k = 0
    while k < len(cells):
        text, start = cells[k], starts[k]
        while k in spaced and k + 1 < len(cells):
            k += 1
            text += cells[k]
        out_cells.append(text)
        out_starts.append(start)
        k += 1
    return out_cells, out_starts


def is_header_like(cells: list[str]) -> bool:
    """A table's first line: two or more short labels, no sentence punctuation, not all figures."""
    flats = [squash(c) for c in cells]
    return (len(flats) >= 2 and all(len(f) <= HEADER_CELL_MAX for f in flats)
            and not any(SENTENCE_PUNCT.search(f) for f in flats)
            and not all(_FIGURE.match(f) for f in flats if f))


def _group_row(line: str) -> bool:
    """A short line of its own inside a row table: a group label (`一、经济发展`, `（一）民生保障`)."""
    s = squash(line)
    return bool(s) and len(s) <= GROUP_MAX and not SENTENCE_PUNCT.search(s[:-1]) and not is_caption(line) \
        and not is_note(line)


def _compatible(layout: str, found: tuple[str, list[str], list[int]] | None, width: int) -> bool:
    """A line that can be a row of a table whose header line has `width` cells. A TAB-joined row may be wider
    than its header by more than one cell: a header cell merged over several columns (`2022年` over 计划 / 完成 /
    完成情况) is printed once, and a TAB separates cells whatever their text (a line with several cells is no
    paragraph)."""
    if found is None:
        return False
    kind, cells, _ = found
    if kind != layout or len(cells) < 2 or (len(cells) > width + 1 and layout != TABS):
        return False
    if layout == CSV:  # a spreadsheet writes every column of every row
        return len(cells) == width
    # a line missing two or more of the table's cells is a row only if it reads like one, not like a sentence
    return len(cells) >= width - 1 or not any(SENTENCE_PUNCT.search(c) for c in cells)


def opens_tab_rows(lines: list[str], start: int) -> bool:
    """A tab-led line of TAB-joined cells over rows that are not tab-led: the header of a spreadsheet copy whose
    corner cell is blank (`⇥⇥2023年目标⇥完成` over `指标⇥单位⇥…`), not the one-cell-per-line layout. Its lead TAB
    is the empty corner cell."""
    line = lines[start]
    if line[:1] != "\t" or "\t" not in line.strip():
        return False
    for k in range(start + 1, min(len(lines), start + 2 + BLANKS_MAX)):
        nxt = lines[k]
        if nxt.strip():
            row = split_row(nxt)
            return nxt[:1] != "\t" and row is not None and row[0] == TABS
    return False


def read_row_table(lines: list[str], start: int, before: tuple[str, int] | None = None
                   ) -> tuple[str, list[list[Cell]], int, int | None] | None:
    """The table whose header line is lines[start]: (layout, rows, index of its last line, header rows if the
    layout marks them); None when no table starts there.

    `before` is (layout, width) of the table a page break cut just above (`text_blocks`): rows of that layout
    here go on from it, so they are as wide as its rows, not as their first line after the break (a sub-row that
    prints only its last cells, `#氮氧化物（%）  完成目标  约束性`, is no header for the rows under it), and that
    first line is a row, not a header (its cells may be long or hold a `1,450`)."""
    if opens_tab_rows(lines, start):  # the caller reads the line as one-cell-per-line cells when this is None
        first = split_row(lines[start], TABS)
        return _read_rows(lines, start, first) if first is not None and is_header_like(first[1]) else None
    first, width_before = _row_after_break(lines[start], before), 0
    if first is None and before is not None and split_row(lines[start], before[0]) is None \
            and _group_row(lines[start]):
        return _groups_after_break(lines, start, before)
    if first is not None:
        width_before = before[1]
    else:
        first = _bare_header(lines[start])
        if first is None:
            if SENTENCE_PUNCT.search(lines[start]):
                return None  # the punctuation would stand in a cell, and a header has none (`is_header_like`)
            first = split_row(lines[start])
        if first is None and "|" in lines[start] and start + 1 < len(lines) and is_separator(lines[start + 1]):
            first = split_row(lines[start], MARKDOWN)  # a pipe table written without its outer pipes
        if first is None or not is_header_like(first[1]):
            return None
    if is_caption(lines[start]) or is_heading(lines[start]):
        return None
    return _read_rows(lines, start, first, width_before)


def _read_rows(lines: list[str], start: int, first: tuple[str, list[str], list[int]], width_before: int = 0
               ) -> tuple[str, list[list[Cell]], int, int | None] | None:
    """The rows under the header line lines[start] (split as `first`), as `read_row_table` returns them;
    `width_before`: the width of the table a page break cut just above, when these rows go on from it."""
    last = start
    if first[0] == TABS and '"' in lines[start]:
        first, last = _quoted_row(lines, start, first)
    layout, header, _ = first
    width = max(len(header), width_before)
    found: list[tuple[int, tuple[str, list[str], list[int]] | None]] = [(start, first)]
    header_rows = None
    j = last + 1
    n = len(lines)
    while j < n:
        line = lines[j]
        if not line.strip():
            k = j
            while k < n and not lines[k].strip() and k - j < BLANKS_MAX:
                k += 1
            if k < n and lines[k].strip() and _compatible(layout, split_row(lines[k], layout), width):
                j = k
                continue
            break
        if is_rule(line):  # a ruling line under the header or between groups is layout, not a row
            j += 1
            continue
        row = split_row(line, layout)
        if layout == MARKDOWN and row is None and is_separator(line):
            if j == start + 1:
                header_rows = 1
            last = j
            j += 1
            continue
        end = j
        if layout == TABS and '"' in line and (row is not None or line.lstrip()[:1] == '"'):
            row, end = _quoted_row(lines, j, row or (TABS, [line.strip()], []))
        if _compatible(layout, row, width):
            found.append((j, row))
            last = end
            j = end + 1
            continue
        wrapped = _wrapped_cell(lines[found[-1][0]], found[-1][1], line) \
            if row is None and layout == SPACES and found[-1][1] is not None else None
        if wrapped is not None:  # the rest of a cell the aligned copy wrapped: `　　　增速` under `…增加值　%`
            cells = found[-1][1][1]
            cells[wrapped] = f"{cells[wrapped]}\n{line.strip()}"
            last = j
            j += 1
            continue
        if row is None and _group_row(line) and _rows_follow(lines, j + 1, layout, width):
            found.append((j, None))
            last = j
            j += 1
            continue
        break
    if sum(1 for _, r in found if r is not None) < 2:
        return None
    rows = _cells(found, lines)
    return layout, rows, last, header_rows


def _row_after_break(line: str, before: tuple[str, int] | None) -> tuple[str, list[str], list[int]] | None:
    """`line` read as a row of the table a page break cut (`before`: its layout and width), or None. A line of
    header words only (`序号  项目名称  建设性质`) is the header of the next table (or the header printed again),
    never a row."""
    if before is None:
        return None
    row = split_row(line, before[0])
    if not _compatible(before[0], row, before[1]):
        return None
    roles = [header_role(c) for c in row[1] if c]
    return None if all(roles) and (SEQ in roles or NAME in roles) else row


def _groups_after_break(lines: list[str], start: int, before: tuple[str, int]
                        ) -> tuple[str, list[list[Cell]], int, int | None] | None:
    """The part of a table cut by a page break that opens with its group row(s) (`三、绿色生态`, then its rows):
    the rows under them read as rows of the table above (`read_row_table`), the group rows first."""
    groups = []
    j = start
    while j < len(lines) and len(groups) < 2 and _group_row(lines[j]) and split_row(lines[j], before[0]) is None:
        groups.append(j)
        j += 1
        if _row_after_break(lines[j] if j < len(lines) else "", before) is not None:
            found = read_row_table(lines, j, before)
            if found is None:
                return None
            layout, rows, last, header_rows = found
            return layout, [*([Cell(lines[g].strip(), line=g + 1)] for g in groups), *rows], last, header_rows
    return None


QUOTED_LINES_MAX = 6  # lines one quoted spreadsheet cell may spread over


def _quoted_row(lines: list[str], j: int, row: tuple[str, list[str], list[int]]
                ) -> tuple[tuple[str, list[str], list[int]], int]:
    """A TAB-joined row as Excel/WPS copy it: a cell holding a line break (or a quote) is wrapped in double
    quotes, spreads over the following lines, and doubles a quote inside (`"规上工业⏎增长"`). The quotes are
    the spreadsheet's quoting, not printed text; the cell keeps its line break as whitespace. Returns the row
    and the index of its last line (j when nothing was quoted)."""
    if not any(c[:1] == '"' for c in row[1]):
        return row, j
    for end in range(j, min(len(lines), j + QUOTED_LINES_MAX)):
        text = "\n".join(lines[j:end + 1])
        if text.count('"') % 2 == 0:
            break
    else:
        return row, j
    try:
        cells = next(csv.reader([text], delimiter="\t", quotechar='"', strict=True))
    except (csv.Error, StopIteration):
        return row, j
    return (TABS, [c.strip() for c in cells], []), end


WRAP_GAP = 2  # display columns between a cell that fills its column and the next cell: one separator, no padding
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+)")


def _wrapped_cell(above: str, row: tuple[str, list[str], list[int]], line: str) -> int | None:
    """The cell of the row above (`2　规模以上工业增加值　%　10`) whose text goes on on `line` (`　　增速`): the line
    holds one short text indented to where that cell starts (not the row's first cell: a line at the left edge is
    a group label), and the cell fills its column (only a separator before the next cell, no padding), which is
    why the aligned copy wrapped it. None when the line is no such continuation."""
    _, texts, starts = row
    text = line.strip()
    if not text or len(starts) != len(texts) or len(texts) < 3 or SENTENCE_PUNCT.search(text) or _ORDINAL.match(text):
        return None
    at = _display_starts(above, starts)
    indent = _width(line[: len(line) - len(line.lstrip())])
    for k in range(1, len(texts) - 1):
        if abs(at[k] - indent) > 1:
            continue
        end = at[k] + _width(texts[k])
        if at[k + 1] - end <= WRAP_GAP and _width(text) <= at[k + 1] - at[k]:
            return k
        return None
    return None


def _rows_follow(lines: list[str], j: int, layout: str, width: int) -> bool:
    """More rows of the table follow a group line (after at most one more group line, or after the page break
    that cut the table under it: blank lines around a page number)."""
    j = _past_page_break(lines, j)
    for k in range(j, min(len(lines), j + 2)):
        row = split_row(lines[k], layout)
        if _compatible(layout, row, width):
            return True
        if row is not None or not _group_row(lines[k]):
            return False
    return False


PAGE_BREAK_LINES = 5  # a page number with blank lines around it


def _past_page_break(lines: list[str], j: int) -> int:
    """The index of the first line after the page break at `j` (blank lines around a page number); `j` when
    there is no page number there."""
    k, page = j, False
    while k < len(lines) and k - j < PAGE_BREAK_LINES and (not lines[k].strip() or is_page_number(lines[k].strip())):
        page = page or bool(lines[k].strip())
        k += 1
    return k if page else j


def _cells(found: list[tuple[int, tuple[str, list[str], list[int]] | None]], lines: list[str]) -> list[list[Cell]]:
    header_starts = found[0][1][2]
    columns = _column_starts(found, lines) if header_starts else None
    rows: list[list[Cell]] = []
    for j, row in found:
        if row is None:
            rows.append([Cell(lines[j].strip(), line=j + 1)])
            continue
        _, texts, starts = row
        cells = [Cell(t, line=j + 1) for t in texts]
        if columns is not None and len(texts) < len(columns):
            cells = _place(cells, starts, columns, lines[j], j + 1)
        rows.append(cells)
    return rows


def _width(text: str) -> int:
    """Display width: a CJK character takes two columns in a fixed-width copy."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _display_starts(line: str, starts: list[int]) -> list[int]:
    """The display column of each cell start (`starts` ascending, as `split_row` gives them): the width summed
    once along the line, not again from its start for every cell."""
    out, width, pos = [], 0, 0
    for s in starts:
        width += _width(line[pos:s])
        pos = s
        out.append(width)
    return out


def _column_starts(found, lines: list[str]) -> list[int] | None:
    """The display columns the cells start at, when (nearly) every full row starts its cells at the header's."""
    j0, header = found[0]
    cols = _display_starts(lines[j0], header[2])
    full = [(j, r) for j, r in found[1:] if r is not None and len(r[1]) == len(cols)]
    if len(full) < 2:
        return None
    aligned = sum(1 for j, r in full if _display_starts(lines[j], r[2]) == cols)
    return cols if aligned * 10 >= len(full) * 8 else None


def _place(cells: list[Cell], starts: list[int], columns: list[int], line: str, no: int) -> list[Cell]:
    """A short row of an aligned table: each cell in the column it starts under; empty cells where none does."""
    at = _display_starts(line, starts)
    cells, at = _split_overfull(cells, at, columns, no)
    out: list[Cell] = [Cell("", line=no) for _ in columns]
    used = set()
    for cell, pos in zip(cells, at):
        k = min(range(len(columns)), key=lambda c: abs(columns[c] - pos))
        if k in used:
            return cells
        used.add(k)
        out[k] = cell
    return out


def _split_overfull(cells: list[Cell], at: list[int], columns: list[int], no: int) -> tuple[list[Cell], list[int]]:
    """A cell as wide as its column leaves only one space before the next cell (`完成市考核任务 完成`): where a single
    space inside a cell of a short row stands right before a column start that no cell starts under, the two
    are two cells."""
    taken = set(at)
    out_cells, out_at = [], []
    for cell, pos in zip(cells, at):
        text, start, piece_at, width = cell.text, 0, pos, pos
        for i, ch in enumerate(text):
            width += _width(ch)
            if ch != " " or i == 0 or i + 1 >= len(text) or text[i - 1] == " " or text[i + 1] == " ":
                continue
            col = next((c for c in columns if abs(c - width) <= 1 and c > piece_at), None)
            if col is None or any(abs(t - col) <= 1 for t in taken):
                continue
            out_cells.append(Cell(text[start:i], line=no))
            out_at.append(piece_at)
            start, piece_at = i + 1, width
            taken.add(col)
        out_cells.append(Cell(text[start:], line=no) if start else cell)
        out_at.append(piece_at)
    return out_cells, out_at
