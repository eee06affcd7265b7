"""Lines of a report's text → the typed blocks of `model.py`, in one pass.

Why here: the text is what every container is rendered to (`layout.py`) and what a user pastes in, so this is
where a table printed as text becomes a `Table` again. The extractors read the blocks, never raw lines, so a new
text layout of a table is taught once, in `ingestion/blocks/`, instead of in each extractor.

The pass walks the lines once. A tab-led line opens the genre's one-cell-per-line table (`blocks/cells.py`), unless
it is the blank-corner header of TAB-joined rows that are not tab-led (`blocks/rows.py`, `opens_tab_rows`); a
header-like line followed by rows that split into a compatible number of cells opens a table printed one row per
line (`blocks/rows.py`: TAB-joined, space-aligned, full-width-space or Markdown pipes, or `blocks/spaced.py`:
one ASCII space between cells, under a header of the genre's header words); any other line is a
heading, caption, note, list item or paragraph (`blocks/lines.py`). Each table takes its caption (above, or below
it when none is above) and its notes (`blocks/captions.py`); a `续表` caption marks it `continued`. A 专栏
printed as a one-cell box is its caption and paragraphs, never a one-cell table.
"""
from __future__ import annotations

import re

from .blocks.captions import (
    attach_captions_below,
    caption_above,
    notes_after,
    star_note_before,
    title_row,
    untitled_caption,
)
from .blocks.cards import could_open as could_open_cards
from .blocks.cards import read_card_table
from .blocks.cells import read_cell_rows
from .blocks.clause_items import could_start as could_start_clauses
from .blocks.clause_items import read_clause_table
from .blocks.fields import could_start, read_field_table
from .blocks.furniture import box_content, furniture_lines, is_rule
from .blocks.grid_bands import join_ruled_bands
from .blocks.lines import (
    BARE_CAPTION,
    caption_block,
    is_caption,
    is_continuation,
    is_note,
    is_title_like,
    line_block,
    plain,
)
from .blocks.masthead import mark_masthead, masthead_role
from .blocks.mixed import read_mixed_table
from .blocks.outline import apply_decimal_outline, is_outline_run
from .blocks.rows import opens_tab_rows, read_row_table
from .blocks.spaced import could_open as could_open_spaced
from .blocks.spaced import read_spaced_table
from .blocks.stacked import could_open, read_stacked_table
from .document import clean_lines, parse_caption, squash
from .layout import GridTable
from .model import Block, Caption, Cell, DocumentModel, Furniture, Paragraph, Table

__all__ = ["text_blocks", "blocks_of_lines", "split_lines", "is_caption", "is_continuation", "is_note",
           "is_title_like", "read_cell_rows"]

_TABLE_TAG = re.compile(r"<table\b", re.I)


def split_lines(text: str) -> list[str]:
    """The report's lines as `Document` numbers them (line ends normalised, word-processor artefacts removed)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean_lines(text)  # `clean_line` of each line: no line holds a line end any more


def text_blocks(text: str) -> DocumentModel:
    """A report's text → its DocumentModel (blocks with line spans into this same text). A text holding HTML
    `<table>` markup (Markdown with a merged-cell table) is rendered with its tables read by the HTML reader
    (`formats/embedded_html.py`), like a container."""
    if _TABLE_TAG.search(text):
        from .formats.embedded_html import embedded_html_document

        model = embedded_html_document(text)
        if model is not None:
            return model
    lines = split_lines(text)
    return DocumentModel(blocks_of_lines(lines), text, lines)


def blocks_of_lines(lines: list[str], grids: dict[int, tuple[int, GridTable]] | None = None) -> list[Block]:
    """The blocks of `lines`. `grids` maps the first line (0-based) of each table a container reader rendered to
    (its last line, its real grid): there the reader's grid is used instead of reading the cells back."""
    grids = grids or {}
    furniture = furniture_lines(lines)
    continued: set[int] = set()  # tables the reader knows go on from the one before (a page break)
    out: list[Block] = []
    at: dict[int, int] = {}  # 0-based line index → position in `out` of the block of that line
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if i in grids:
            last, grid = grids[i]
            rows = [[c for c in row if c is not None] for row in grid.rows]
            if _is_box(rows):
                out.extend(_box_blocks(lines, i, last))
            else:
                out.append(_table(lines, i, last, rows, out, at, grid.layout, grid.header_rows))
                if grid.continued:
                    continued.add(id(out[-1]))
            i = last + 1
            continue
        if line[:1] == "\t":  # is_cell_line, inlined: this loop visits every line
            # a blank corner cell over TAB-joined rows (`⇥⇥2023年目标⇥完成` over `指标⇥单位⇥…`): a row table
            found = read_row_table(lines, i) if "\t" in line[1:] and opens_tab_rows(lines, i) else None
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
            rows, last, joined = read_cell_rows(lines, i)
            if _is_box(rows):
                out.extend(_box_blocks(lines, i, last))
            else:
                out.append(_table(lines, i, last, rows, out, at, "tabs" if joined else "cells", None))
            i = last + 1
            continue
        if not line or line.isspace():  # a blank line (`not line.strip()`)
            i += 1
            continue
        if i in furniture:
            if furniture[i] == "rule" and i + 1 < n and box_content(lines[i + 1]) is not None:
                last = _box_end(lines, i + 1)
                grid = _box_grid(lines, i, last, out, at)
                out.extend(grid if grid is not None else _framed_blocks(lines, i, last))
                i = last + 1
                continue
            out.append(Furniture("furniture", line.strip(), i + 1, i + 1, role=furniture[i]))
            i += 1
            continue
        before = _cut_by_page_break(out) if out and out[-1].kind == "furniture" else None
        if _is_fullwidth_pipe_row(line):
            found = _fullwidth_pipe_table(lines, i)
            if found is not None:
                view, (layout, rows, last, header_rows) = found
                out.append(_table(view, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if "\t" in line or "  " in line or "\u3000" in line or "|" in line or "," in line or before is not None:
            found = read_row_table(lines, i, before)
            mixed = read_mixed_table(lines, i)  # TAB and full-width separators mixed row to row
            if mixed is not None and (found is None or mixed[2] >= found[2]):
                found = mixed
            if found is not None and is_outline_run([[c.text for c in r] for r in found[1]]):
                found = None  # decimal outline titles aligned on a tab stop, not a table
            if found is not None and all(masthead_role(" ".join(c.text for c in r)) == "chrome" for r in found[1]):
                found = None  # a web page's `发布时间：…   来源：…` and `【打印】   【关闭】` lines spaced apart
            if found is not None:
                layout, rows, last, header_rows = found
                if i > 0 and lines[i - 1][:1] in "+ ":  # an ASCII grid ruling each row: a band is one row
                    rows, header_rows = join_ruled_bands(lines, i, last, rows, header_rows)
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if " " in line and could_open_spaced(line):
            found = read_spaced_table(lines, i, furniture)  # cells joined by one space (a PDF viewer's copy)
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if could_open(lines, i):
            found = read_stacked_table(lines, i)  # one cell per line, a blank line after each row
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if could_start(line):
            found = read_field_table(lines, i)
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if could_open_cards(lines, i):
            found = read_card_table(lines, i)  # one block of `label：value` lines per indicator
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        if could_start_clauses(line):
            found = read_clause_table(lines, i)  # `1.名称（单位）：年度目标X，完成Y，达到预期` items
            if found is not None:
                layout, rows, last, header_rows = found
                out.append(_table(lines, i, last, rows, out, at, layout, header_rows))
                i = last + 1
                continue
        at[i] = len(out)
        out.append(line_block(line, i + 1))
        i += 1
    attach_captions_below(out)
    apply_decimal_outline(out, lines)
    mark_masthead(out)
    for k, block in enumerate(out):
        if isinstance(block, Table):
            block.continued = id(block) in continued or (block.caption is not None
                                                         and is_continuation(block.caption.text)) \
                or (block.caption is None and _after_page_break(out, k))
    return out


def _after_page_break(out: list[Block], k: int) -> bool:
    """Only page furniture (`— 2 —`, a running header) stands between this table and the table before it."""
    j = k - 1
    while j >= 0 and isinstance(out[j], Furniture) and out[j].role != "rule":
        j -= 1
    return j < k - 1 and j >= 0 and isinstance(out[j], Table) \
        and any(isinstance(b, Furniture) and b.role == "page_number" for b in out[j + 1:k])


def _cut_by_page_break(out: list[Block]) -> tuple[str, int] | None:
    """(layout, width) of the row table a page break cut just above (only page furniture since its last row, a
    page number among it): the rows after the break are its rows. None when no table was cut there."""
    j = len(out) - 1
    while j >= 0 and isinstance(out[j], Furniture) and out[j].role != "rule":
        j -= 1
    if j == len(out) - 1 or j < 0 or not isinstance(out[j], Table) or not out[j].rows \
            or not any(b.role == "page_number" for b in out[j + 1:]):
        return None
    return out[j].layout, max(len(r) for r in out[j].rows)


def _box_end(lines: list[str], first: int) -> int:
    """0-based index of the last line of a box drawn with box characters whose first inner line is `first`:
    its bottom edge, or its last inner line when the bottom edge is missing."""
    j = first
    while j < len(lines) and (box_content(lines[j]) is not None or not lines[j].strip()
                              or (is_rule(lines[j]) and j + 1 < len(lines) and box_content(lines[j + 1]) is not None)):
        j += 1
    if j < len(lines) and is_rule(lines[j]):
        return j
    while j > first and not lines[j - 1].strip():
        j -= 1
    return j - 1


_EDGES = str.maketrans({"│": "|", "┃": "|", "║": "|"})
FULLWIDTH_PIPES_MIN = 3  # `｜序号｜指标｜`: a row of two cells at least between its edges
_FULLWIDTH_BAR = str.maketrans({"｜": "|"})


def _is_fullwidth_pipe_row(line: str) -> bool:
    return line.lstrip()[:1] == "｜" and line.count("｜") >= FULLWIDTH_PIPES_MIN


def _fullwidth_pipe_table(lines: list[str], start: int):
    """A pipe table typed with the full-width bar (`｜序号｜指标名称｜单位｜`, a text copy whose editor turned the
    ASCII bar full-width): its run of `｜` rows read as the pipe table it is, from a view of those lines with
    ASCII bars (their text and line numbers unchanged otherwise). (view, found) or None."""
    end = start
    while end < len(lines) and _is_fullwidth_pipe_row(lines[end]):
        end += 1
    view = list(lines)
    for j in range(start, end):
        view[j] = lines[j].translate(_FULLWIDTH_BAR)  # as `_box_grid` reads box edges (`_EDGES`)
    found = read_row_table(view, start)
    return (view, found) if found is not None and found[2] < end else None


def _box_grid(lines: list[str], top: int, bottom: int, out: list[Block], at: dict[int, int]) -> list[Block] | None:
    """A table drawn with box characters (`┌──┬──┐`, `│ 序号 │ 指标 │`, `├──┼──┤`, `└──┴──┘`): the inner edges
    separate its cells, read like a pipe table; the edges are furniture. None when the box holds no columns (a
    framed 专栏)."""
    inner = [j for j in range(top + 1, bottom + 1) if (box_content(lines[j]) or "").strip()]
    columned = sum(1 for j in inner if any(ch in box_content(lines[j]) for ch in "│┃║"))
    if not inner or columned * 2 < len(inner):
        return None
    view = list(lines)
    for j in range(top, bottom + 1):
        view[j] = lines[j].translate(_EDGES)
    ruled = _ruled_rows(lines, inner, bottom)
    if ruled is not None:
        rows, last = ruled
        blocks = [Furniture("furniture", lines[top].strip(), top + 1, top + 1, role="rule"),
                  _table(view, inner[0], last, rows, out, at, "box", None)]
        if last < bottom and is_rule(lines[bottom]):
            blocks.append(Furniture("furniture", lines[bottom].strip(), bottom + 1, bottom + 1, role="rule"))
        return blocks
    found = read_row_table(view, inner[0])
    if found is None or found[2] > bottom:
        return None
    _, rows, last, header_rows = found
    blocks: list[Block] = [Furniture("furniture", lines[top].strip(), top + 1, top + 1, role="rule")]
    blocks.append(_table(view, inner[0], last, rows, out, at, "box", header_rows))
    for j in range(last + 1, bottom + 1):
        if is_rule(lines[j]):
            blocks.append(Furniture("furniture", lines[j].strip(), j + 1, j + 1, role="rule"))
        elif (box_content(lines[j]) or "").strip():
            blocks.append(line_block(box_content(lines[j]), j + 1))
    return blocks


BAND_LINES_MAX = 4  # text lines one ruled row of a box grid may wrap over (a longer run between rules is unruled)


def _box_cells(line: str) -> list[str]:
    return [c.strip() for c in re.split("[│┃║]", box_content(line) or "")]


def _continues(first: list[str], cells: list[str]) -> bool:
    """`│    │速      │        │` under `│2   │规模以上工业增加值增│%  │8 │`: the rest of the row's wrapped cells, not a row
    of its own: the same columns, the first cell empty, and some other cell the row's first line fills left empty
    (a `其中：` sub-row without a 序号 fills every other cell)."""
    return len(cells) == len(first) > 1 and not cells[0] \
        and any(f and not c for f, c in zip(first[1:], cells[1:]))


def _ruled_rows(lines: list[str], inner: list[int], bottom: int) -> tuple[list[list[Cell]], int] | None:
    """The rows of a box grid that draws a rule under every row (`├──┼──┤`), as a PDF's table copied to text
    prints it: a cell that wrapped goes on on the next text line(s) of the same row, so the lines between two
    rules are one row and each cell is its column's pieces joined by a line break. A line spanning the whole
    width (`│一、经济发展        │`, under `├──┴──┤`) is a group row. None when the rows are not ruled (the lines
    between two rules are more than a wrapped row: one row per line, `read_row_table`)."""
    bands: list[list[int]] = [[]]
    for j in range(inner[0], bottom + 1):
        if is_rule(lines[j]):
            if bands[-1]:
                bands.append([])
        elif (box_content(lines[j]) or "").strip():
            bands[-1].append(j)
    bands = [b for b in bands if b]
    if len(bands) < 3 or any(len(b) > BAND_LINES_MAX for b in bands) or all(len(b) == 1 for b in bands[1:]) \
            and not any(len(_box_cells(lines[b[0]])) == 1 for b in bands):
        return None  # one line a row and no full-width group line: the row reader reads it as it is
    rows: list[list[Cell]] = []
    for band in bands:
        texts: list[list[str]] = []
        starts: list[int] = []
        for j in band:
            cells = _box_cells(lines[j])
            if texts and _continues(texts[0], cells):
                for k, piece in enumerate(cells):
                    if piece:
                        texts[-1][k] = f"{texts[-1][k]}\n{piece}" if texts[-1][k] else piece
                continue
            texts.append(cells)
            starts.append(j)
        rows.extend([Cell(t, line=j + 1) for t in cells] for cells, j in zip(texts, starts))
    return rows, bands[-1][-1]


def _framed_blocks(lines: list[str], top: int, bottom: int) -> list[Block]:
    """A box drawn with box characters (`┌──┐`, `│…`, `└──┘`): the edges are furniture, the text inside them
    is the box's content, read like the paragraphs of a one-cell Word box (a 专栏 caption first, if printed
    inside)."""
    out: list[Block] = []
    for j in range(top, bottom + 1):
        inner = box_content(lines[j])
        if inner is None or not inner.strip():
            if is_rule(lines[j]):
                out.append(Furniture("furniture", lines[j].strip(), j + 1, j + 1, role="rule"))
            continue
        block = line_block(inner, j + 1)
        if block is not None:
            out.append(block)
    return out


def _is_box(rows: list[list[Cell]]) -> bool:
    """A 专栏 printed as a one-cell box: one column, its first cell opening with a 专栏 caption."""
    if not rows or any(len(r) != 1 for r in rows):
        return False
    cap = parse_caption(rows[0][0].text.split("\n", 1)[0].strip())
    return cap is not None and cap[0] == "专栏"


def _box_blocks(lines: list[str], first: int, last: int) -> list[Block]:
    """The caption and the paragraphs / list items of a boxed 专栏, each on its own line."""
    out: list[Block] = []
    for j in range(first, last + 1):
        if lines[j].strip():
            out.append(caption_block(lines[j], j + 1) if not out else line_block(lines[j], j + 1))
    return out


def _table(lines: list[str], first: int, last: int, rows: list[list[Cell]], out: list[Block],
           at: dict[int, int], layout: str, header_rows: int | None) -> Table:
    """The Table of lines[first..last], with its caption and notes; the caption block above it in `out` becomes
    the table's Caption (a title line becomes one; `附件1` + its title line become one)."""
    cap, between = caption_above(lines, first)
    notes = [*between, *notes_after(lines, last)]
    if cap is None:
        cap = untitled_caption(lines, first)
    if cap is not None:
        notes += star_note_before(lines, cap)
        caption = _caption_at(lines, cap, first, out, at)
    else:
        caption = title_row(rows)
    # text None: `Table.text` joins the cells' texts when it is first read (rows are not changed after this)
    return Table("table", None, first + 1, last + 1, rows=rows, header_rows=header_rows, caption=caption,
                 notes=notes, layout=layout)


def _caption_at(lines: list[str], cap: int, first: int, out: list[Block], at: dict[int, int]) -> Caption:
    text, end = plain(lines[cap]), cap
    if BARE_CAPTION.fullmatch(squash(text)):
        # `附件1` on its own line with the table's title on the next line
        nxt = next((j for j in range(cap + 1, first) if lines[j].strip()), None)
        if nxt is not None and is_title_like(lines[nxt]):
            text, end = f"{text}\n{plain(lines[nxt])}", nxt
            _drop(out, at, nxt)
    caption = caption_block(text, cap + 1, end + 1)
    pos = at.get(cap)
    if pos is not None and isinstance(out[pos], (Caption, Paragraph)):  # a title line that is a heading stays one
        out[pos] = caption
    return caption


def _drop(out: list[Block], at: dict[int, int], line: int) -> None:
    """Remove the block of `line` from `out` (it joined the caption above it)."""
    pos = at.pop(line, None)
    if pos is None:
        return
    del out[pos]
    for k, v in at.items():
        if v > pos:
            at[k] = v - 1
