"""A PDF with a text layer (Word's "save as PDF", a typeset report) → the text layout.

pdfplumber (on pdfminer.six) gives the characters with their positions and finds ruled tables. A PDF has no
paragraphs, only printed lines, so they are rebuilt the way a reader sees them:

- body lines outside tables, page by page, top to bottom; page numbers in the top/bottom margin are dropped, and
  so is a running header or footer: a margin line printed at the same edge on most pages (digits aside, so
  `第3页` and `XX会议文件（8）` count as one line);
- a line that reaches the right edge of the text column continues on the next line (joined without a space, as
  Chinese is; with one between two Latin letters/digits), unless the next line is indented (a first-line
  indent), starts a heading or caption of the genre, or stands after a wider gap;
- a table printed without ruling lines is read from the columns of its words, but only under a caption or a
  line of header words (`pdf_unruled.py`);
- a ruled table is handed over as its real grid (`layout.GridTable`): a cell spanning columns or rows is one cell
  with its spans (the positions a vertical merge covers print as empty cells in the text layout); inside a cell,
  a line that fills the cell's width continues on the next line;
- a table cut by a page break continues on the next page as the same table (a header row repeated there is
  dropped and marks the header); when the part on the next page has another number of columns, or a page number
  stands between the parts, it is its own table marked `continued`.

A PDF without text (a scan) is rejected with a clear message; OCR is not attempted.
"""
from __future__ import annotations

import io
import re
from bisect import insort
from dataclasses import dataclass, field
from operator import itemgetter
from statistics import median

from ..document import heading_level, parse_caption
from ..errors import ReportError
from ..layout import GridTable, paragraph_lines, render
from ..model import Cell, DocumentModel
from .pdf_columns import two_column_stretches
from .pdf_objects import page_objects
from .pdf_unruled import Columns, unruled_tables

_PAGE_NUMBER = re.compile(r"^[-—–－·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－·\s]*$")
_MARGIN_SHARE = 0.08  # top and bottom share of the page where page numbers live
# A wrapped line ends short of the right edge by up to about two characters (the next one did not fit, and a
# closing punctuation mark may not start a line); a paragraph's last line usually ends well before it.
_FULL_SLACK = 2.2
FRAME_PAD = 1.0  # characters between a framed box's right edge and where its lines wrap (the cell's padding)
_LATIN = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u3400-\u9fff]")
LETTER_SPACED_MIN = 6  # single characters a letter-spaced line prints at least (a heading, a title)


def unspaced(text: str) -> str:
    """A line printed letter-spaced (`一 、 2 0 2 2 年 国 民 经 济 …`, a scan's text layer or a spaced-out heading)
    → its words (`一、2022年国民经济…`): one space after every character is spacing, not a word break, and left in it
    hides the heading's numbering, its year and its words from every reader."""
    tokens = text.split(" ")
    singles = [t for t in tokens if len(t) == 1]
    if len(singles) < LETTER_SPACED_MIN or len(singles) < 0.8 * len(tokens) \
            or sum(1 for t in singles if _HAN.match(t)) < LETTER_SPACED_MIN // 2:
        return text
    return "".join(tokens)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    column: tuple | None = None  # (stretch top, 0 left | 1 right, column's left x, column's right edge) in two columns
    column_start: bool = False  # the first line of a column: it may go on with the last line of the column before


@dataclass
class _Table:
    rows: list[list[Cell | None]]
    top: float
    bottom: float
    page_height: float
    wrapped: bool = False  # a one-cell box whose last line reaches its frame (cut by the page's end mid-sentence)


@dataclass
class _Page:
    items: list = field(default_factory=list)  # _Line | _Table, top to bottom
    height: float = 0.0
    margins: list = field(default_factory=list)  # (edge, key, _Line) of the lines in the top/bottom margin
    open_columns: Columns | None = None  # an unruled grid ends the page's text: the next page may go on with it


def _join(a: str, b: str) -> str:
    if a and b and _LATIN.match(a[-1]) and _LATIN.match(b[0]):
        return f"{a} {b}"
    return a + b


def _char_rows(chars: list[dict]) -> list[list[dict]]:
    """Characters → printed rows (characters whose vertical centres are close), top to bottom, each left to right."""
    rows: list[list[dict]] = []
    mids: list[float] = []  # the last row's vertical centres, kept sorted: its median without sorting per character
    for ch in sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"])):
        mid = (ch["top"] + ch["bottom"]) / 2
        if rows:
            if abs(mid - _sorted_median(mids)) <= max(1.0, 0.4 * (ch["bottom"] - ch["top"])):
                rows[-1].append(ch)
                insort(mids, mid)
                continue
        rows.append([ch])
        mids = [mid]
    for row in rows:
        row.sort(key=lambda c: c["x0"])
    return rows


def _sorted_median(values: list[float]) -> float:
    """`statistics.median` of values already sorted."""
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _lines_of(chars: list[dict], rows: list[list[dict]] | None = None) -> list[_Line]:
    """Characters → printed lines (characters whose vertical centres are close), left to right. `rows`: their
    `_char_rows`, when the caller has them already."""
    out = []
    for row in _char_rows(chars) if rows is None else rows:
        parts: list[str] = []
        prev = None
        for ch in row:
            if prev is not None and ch["x0"] - prev["x1"] > max(ch["size"], 1) and parts and parts[-1] != " ":
                parts.append(" ")  # a wide gap with no space character drawn (a tab stop) still separates words
            parts.append(ch["text"])
            prev = ch
        text = unspaced(re.sub(r" {2,}", " ", "".join(parts)).strip())
        if text:
            out.append(_Line(text, row[0]["x0"], row[-1]["x1"], min(c["top"] for c in row),
                             max(c["bottom"] for c in row), median(c["size"] for c in row)))
    return out


def _right_edge(lines: list[_Line]) -> float:
    """Where the wrapped lines of a text column end: a high percentile of the line ends, not the maximum (a line
    ending in a hanging punctuation mark overshoots the edge)."""
    ends = sorted(line.x1 for line in lines)
    return ends[int(0.8 * (len(ends) - 1))]


def _cell_text(chars: list[dict], frame_right: float | None = None) -> str:
    """The printed lines of one cell → its paragraphs: a line as wide as the cell's widest goes on. In a framed
    box (`frame_right`: the frame's right edge) the lines wrap at the frame, so a line goes on only when it
    reaches it: a centred 专栏 title over one wrapped line is no wrapped line (a high percentile of two line ends
    is the shorter one)."""
    lines = _lines_of(chars)
    if not lines:
        return ""
    right = _frame_edge(lines, frame_right)
    paras: list[str] = []
    full = False
    for line in lines:
        if paras and full:
            paras[-1] = _join(paras[-1], line.text)
        else:
            paras.append(line.text)
        full = line.x1 >= right - _FULL_SLACK * line.size
    return "\n".join(paras)


def _frame_edge(lines: list[_Line], frame_right: float | None) -> float:
    """Where the lines of a cell wrap: a high percentile of their ends, or in a framed box no short of the frame."""
    right = _right_edge(lines)
    if frame_right is not None:
        right = max(right, frame_right - FRAME_PAD * median(line.size for line in lines))
    return right


def _ends_wrapped(chars: list[dict], frame_right: float) -> bool:
    """The last printed line of a framed box reaches the frame: its sentence goes on past the box's bottom edge
    (on the next page)."""
    lines = _lines_of(chars)
    if not lines:
        return False
    return lines[-1].x1 >= _frame_edge(lines, frame_right) - _FULL_SLACK * lines[-1].size


def _inside(ch: dict, bbox) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


@dataclass
class _Grid:
    """A ruled table found on a page: its rows of cell boxes (None where a merge covers the position)."""

    bbox: tuple
    rows: list[list[tuple | None]]

    @classmethod
    def of(cls, table) -> _Grid:
        return cls(tuple(table.bbox), [list(r.cells) for r in table.rows])


def _grids(page) -> list[_Grid]:
    """Ruled tables, and single ruled boxes holding text (a 专栏 frame is a one-cell table; pdfplumber's table
    finder leaves one-cell tables out)."""
    finder = page.debug_tablefinder()
    grids = [_Grid.of(t) for t in finder.tables if t.rows]
    for cell in finder.cells:
        if any(_contains(g.bbox, cell) for g in grids):
            continue
        if cell[2] - cell[0] < 20 or cell[3] - cell[1] < 10:
            continue
        grids.append(_Grid(tuple(cell), [[tuple(cell)]]))
    # a box inside another box is part of it (a frame drawn twice, a nested box)
    return [g for g in grids if not any(h is not g and _contains(h.bbox, g.bbox) and h.bbox != g.bbox for h in grids)]


def _contains(outer, inner, tol: float = 1.0) -> bool:
    return (outer[0] - tol <= inner[0] and outer[1] - tol <= inner[1]
            and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol)


def _table_rows(table: _Grid, chars: list[dict]) -> list[list[Cell | None]]:
    """The grid's cells with their text and spans: a cell spanning columns is printed once (col_span), a cell
    spanning rows is printed in its first row (row_span), the positions it covers below are None."""
    width = max(len(r) for r in table.rows)
    col_x0: list[float | None] = []
    for j in range(width):
        xs = [r[j][0] for r in table.rows if j < len(r) and r[j] is not None]
        col_x0.append(min(xs) if xs else None)
    row_tops = [min(b[1] for b in r if b is not None) if any(b is not None for b in r) else None
                for r in table.rows]
    rows: list[list[Cell | None]] = []
    for cells in table.rows:
        boxes = [c for c in cells if c is not None]
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        row_chars = [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom]  # narrow down first
        out: list[Cell | None] = []
        reach = None  # right edge of the last real cell in this row
        for j, bbox in enumerate(cells):
            if bbox is None:
                x0 = col_x0[j] if j < len(col_x0) else None
                if reach is not None and x0 is not None and x0 < reach - 1:
                    continue  # covered by a cell spanning columns: printed once
                out.append(None)  # covered by a vertical merge from above
                continue
            reach = bbox[2]
            col_span = sum(1 for x in col_x0 if x is not None and bbox[0] - 1 <= x < bbox[2] - 1) or 1
            row_span = sum(1 for t in row_tops if t is not None and bbox[1] - 1 <= t < bbox[3] - 1) or 1
            frame = bbox[2] if len(table.rows) == 1 and len(cells) == 1 else None  # a one-cell box (a 专栏 frame)
            out.append(Cell(_cell_text([c for c in row_chars if _inside(c, bbox)], frame), row_span, col_span))
        rows.append(out)
    return rows


def _texts(row: list[Cell | None]) -> list[str | None]:
    return [c.text if c is not None else None for c in row]


_DEDUPE_KEY = itemgetter("upright", "text", "fontname", "size")  # pdfplumber's dedupe_chars key, its default extras
_DEDUPE_TOLERANCE = 1


def _deduped(page):
    """`page.dedupe_chars()` (a character drawn twice, for a bold effect, is one character), the same characters in
    the same order, without its quadratic last step: pdfplumber orders the kept characters by `chars.index`, a scan
    of the page comparing dicts for every kept character (most of a PDF's reading time on a long page). Here each
    keeps the position `chars.index` finds for it, the first character equal to it: only a character of its own
    cluster (same text, font, size and position) can be equal to it, so the position is looked up there. A
    character whose text, font and size no other character shares is its own cluster (most of a Chinese page)."""
    from pdfplumber.page import FilteredPage

    chars = page.chars
    groups: dict[tuple, list[int]] = {}
    for k, ch in enumerate(chars):
        groups.setdefault(_DEDUPE_KEY(ch), []).append(k)
    kept: list[int] = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        tops = sorted([chars[k]["doctop"] for k in group])
        if all(b > a + _DEDUPE_TOLERANCE for a, b in zip(tops, tops[1:])):
            kept.extend(group)  # each on a row of its own, apart from the others: each its own cluster (most groups)
            continue
        for y_cluster in _clusters(chars, group, "doctop"):
            if len(y_cluster) == 1:
                kept.append(y_cluster[0])
                continue
            for x_cluster in _clusters(chars, y_cluster, "x0"):
                # = min(x_cluster, key=pos): the first (in page order) of the lowest position
                first = chars[min(x_cluster, key=lambda k: (chars[k]["doctop"], chars[k]["x0"], k))]
                kept.append(min(k for k in x_cluster if chars[k] is first or chars[k] == first))
    kept.sort()  # positions are distinct: equal characters share one cluster
    out = FilteredPage(page, lambda x: True)
    out._objects = dict(page.objects)
    out._objects["char"] = [chars[k] for k in kept]
    return out


def _clusters(chars: list[dict], members: list[int], key: str) -> list[list[int]]:
    """The members (indices into `chars`, in page order) in the clusters pdfplumber's `cluster_objects(…, key,
    _DEDUPE_TOLERANCE)` makes of them: the distinct values sorted, a value within the tolerance of the one before
    it joins its cluster; each cluster keeps page order. Written out because the cluster's order among the others
    does not matter here (the kept characters are sorted by position after) and the library's dict-and-groupby
    version costs more than the rest of deduplication on a page of repeated characters."""
    values = sorted({chars[k][key] for k in members})
    cluster_of: dict = {}
    cluster, last = 0, values[0]
    for v in values:
        if v > last + _DEDUPE_TOLERANCE:
            cluster += 1
        cluster_of[v] = cluster
        last = v
    if cluster == 0:
        return [members]
    out: list[list[int]] = [[] for _ in range(cluster + 1)]
    for k in members:
        out[cluster_of[chars[k][key]]].append(k)
    return out


def _read_page(page, carried: Columns | None = None) -> _Page:
    page_objects(page)  # pdfplumber's `page.objects`, its characters converted faster (`pdf_objects.py`)
    page = _deduped(page)
    chars = [c for c in page.chars if c.get("text")]
    tables = _grids(page)
    items: list = []
    free = [ch for ch in chars if not any(_inside(ch, t.bbox) for t in tables)] if tables else chars
    for t in tables:
        inside = [c for c in chars if _inside(c, t.bbox)]
        if not any(c["text"].strip() for c in inside):
            continue  # an empty frame or a filled shape, not a table
        one_cell = len(t.rows) == 1 and len(t.rows[0]) == 1
        items.append(_Table(_table_rows(t, inside), t.bbox[1], t.bbox[3], float(page.height),
                            one_cell and _ends_wrapped(inside, t.bbox[2])))
    margin = _MARGIN_SHARE * float(page.height)
    free, column_lines, free_rows = _column_lines(free)
    lines = []
    margins = []
    for line in _lines_of(free, free_rows) + column_lines:
        top, bottom = line.bottom < margin, line.top > float(page.height) - margin
        if (top or bottom) and _PAGE_NUMBER.match(line.text):
            continue  # page furniture
        if top or bottom:
            margins.append(("top" if top else "bottom", _DIGITS.sub("#", "".join(line.text.split())), line))
        lines.append(line)
    used: set[int] = set()
    in_margin = {id(line) for _, _, line in margins}
    body = [k for k, line in enumerate(lines) if id(line) not in in_margin]
    # a grid carried from the page before goes on at the first line under the running lines, above any ruled table
    carried = carried if body and not any(t.bbox[1] < lines[body[0]].top for t in tables) else None
    open_columns = None
    for rows, first, last, columns in unruled_tables(lines, free, carried, body[0] if body else 0):
        items.append(_Table(rows, lines[first].top, lines[last].bottom, float(page.height)))
        used.update(range(first, last + 1))
        open_columns = columns if body and last >= body[-1] else None
    items.extend(line for k, line in enumerate(lines) if k not in used)
    # top to bottom; inside a two-column stretch the left column, then the right one
    items.sort(key=lambda it: (it.column[0], it.column[1], it.top) if isinstance(it, _Line) and it.column
               else (it.top, 0, it.top))
    return _Page(items, float(page.height), margins, open_columns)


_DIGITS = re.compile(r"\d+")


def _column_lines(free: list[dict]) -> tuple[list[dict], list[_Line], list[list[dict]] | None]:
    """The characters outside two-column stretches (`pdf_columns.py`), the lines of the stretches read column by
    column, each marked with its column (its own left and right edges decide where a line goes on), and the
    printed rows of those characters when they are all of `free` (no stretch: the rows the search read, not
    sorted again; None when some went to a stretch)."""
    rows = _char_rows(free)
    stretches = two_column_stretches(rows)
    if not stretches:
        return free, [], rows
    rest: list[dict] = []
    parts: dict[tuple[int, int], list[dict]] = {}
    for ch in free:
        mid = (ch["top"] + ch["bottom"]) / 2
        k = next((k for k, s in enumerate(stretches) if s.top <= mid <= s.bottom), None)
        if k is None:
            rest.append(ch)
        else:
            parts.setdefault((k, 0 if ch["x1"] <= stretches[k].gutter else 1), []).append(ch)
    out: list[_Line] = []
    for (k, side), chars in sorted(parts.items()):
        lines = _lines_of(chars)
        if not lines:
            continue
        edges = (stretches[k].top, side, median(line.x0 for line in lines), _right_edge(lines))
        for line in lines:
            line.column = edges
        lines[0].column_start = True
        out.extend(lines)
    return rest, out, None


def _drop_running_lines(pages: list[_Page]) -> None:
    """A line in the top or bottom margin printed at that edge on most pages (its digits aside) is a running
    header or footer, not text: the issuing office, the session document (`…会议文件（8）`), `第3页 共9页`."""
    if len(pages) < 2:
        return
    seen: dict[tuple[str, str], int] = {}
    for page in pages:
        for key in {(edge, key) for edge, key, _ in page.margins}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, count in seen.items() if count >= 2 and count * 2 >= len(pages)}
    if not running:
        return
    for page in pages:
        drop = {id(line) for edge, key, line in page.margins if (edge, key) in running}
        if drop:
            page.items = [it for it in page.items if id(it) not in drop]


def _starts_block(text: str) -> bool:
    return heading_level(text) is not None or parse_caption(text) is not None


def _assemble(pages: list[_Page]) -> list:
    body = [it for p in pages for it in p.items if isinstance(it, _Line)]
    if body:
        right = _right_edge(body)
        left = median(line.x0 for line in body)
        size = median(line.size for line in body)
    else:
        right, left, size = 0.0, 0.0, 10.0
    lines: list = []  # lines, and each table as its GridTable
    para: str | None = None
    prev: _Line | None = None
    last_table: _Table | None = None
    last_table_rows: list[list[Cell | None]] | None = None
    repeated_header = False
    part = False  # the open table goes on from the one that ended the page before (another width)
    cut_by_furniture = False  # the last table ended only by the page number under it

    def end_paragraph() -> None:
        nonlocal para
        if para is not None:
            lines.extend(paragraph_lines(para))
        para = None

    def end_table() -> None:
        nonlocal last_table, last_table_rows, repeated_header, part
        if last_table_rows is not None:
            lines.append(GridTable(last_table_rows, 1 if repeated_header else None, "pdf", continued=part))
        last_table, last_table_rows, repeated_header, part = None, None, False, False

    for page_no, page in enumerate(pages):
        for k, item in enumerate(page.items):
            if isinstance(item, _Table):
                end_paragraph()
                prev = None
                after_break = (last_table_rows is not None or cut_by_furniture) and k == 0 and page_no > 0
                continues = (after_break and last_table_rows is not None
                             and max(map(len, item.rows)) == max(map(len, last_table_rows)))
                cut_by_furniture = False
                if continues:
                    rows = item.rows
                    if rows and last_table_rows and _texts(rows[0]) == _texts(last_table_rows[0]):
                        rows = rows[1:]  # header row repeated on the new page: the header
                        repeated_header = True
                    if last_table.wrapped and _box_goes_on(last_table_rows, rows):
                        last_table_rows[-1] = [_joined_cell(last_table_rows[-1][0], rows[0][0])]
                        rows = rows[1:]
                    last_table_rows.extend(rows)
                    last_table = item
                else:
                    end_table()
                    last_table, last_table_rows = item, [list(r) for r in item.rows]
                    part = after_break
                continue
            # a page number printed under a table that the next page goes on with (kept in the text, as printed)
            cut_by_furniture = (last_table_rows is not None and k == len(page.items) - 1
                                and bool(_PAGE_NUMBER.match(item.text)))
            if last_table_rows is not None:
                end_table()
            prev_right = prev.column[3] if prev is not None and prev.column else right
            item_left = item.column[2] if item.column else left
            joins = (
                para is not None and prev is not None
                and prev.x1 >= prev_right - _FULL_SLACK * prev.size  # the previous line was full
                and item.x0 <= item_left + 0.8 * item.size  # this one is not indented
                and not _starts_block(item.text)
                and not (_SENTENCE_CLOSED.search(prev.text) and _ITEM_OPENER.match(item.text))
                and not _LABEL_OPENER.match(item.text)
                # no wide gap (or a new page, or the top of the next column)
                and (item.top - prev.bottom <= 1.2 * max(prev.size, size) or k == 0 or item.column_start)
            )
            if joins:
                para = _join(para, item.text)
            else:
                end_paragraph()
                para = item.text
            prev = item
    end_paragraph()
    end_table()
    return lines


_PARAGRAPH_END = re.compile(r"[。；;！？!?：:）)”」]$")
# A full line that closes its sentence, over a line that opens a list entry (a bracketed stage or category label
# `【续建项目】`, an item number `2.`, `（3）`, `四、`), is an entry ending at the margin, not a wrapped line: a list
# of projects whose entries each fill the width would otherwise run into one paragraph. The number is taken as an
# item number even where digits follow (`2.150兆瓦…` after `。` starts a sentence, never goes on with a decimal).
_SENTENCE_CLOSED = re.compile(r"[。；;！？!?]$")
# A line opening with a short label in square brackets (`【续建项目】`, `〔新开工〕`, `［民生类］`) starts a list entry or
# a stage heading whatever ends the line above (a list line has no closing punctuation); a year in brackets opens a
# document number (`〔2026〕3号`), which a wrap may well put at a line's start
_LABEL_OPENER = re.compile(r"(?:【[^】]{1,12}】|〔(?!\d+〕)[^〕]{1,12}〕|［[^］]{1,12}］|〖[^〗]{1,12}〗)")
_ITEM_OPENER = re.compile(r"[【〔［\[]|\d{1,3}[.．、]|[（(]\d{1,3}[）)]|[一二三四五六七八九十]{1,3}、")


def _box_goes_on(before: list[list[Cell | None]], rows: list[list[Cell | None]]) -> bool:
    """A one-cell framed box (a 专栏) cut by a page break whose paragraph goes on in the box on the next page: both
    parts one cell wide, the part before ending mid-sentence (its last line reaches the frame, `_Table.wrapped`,
    and no closing punctuation), the part after not opening with a caption or a heading. Its two parts are one
    cell, the sentence joined, not two rows."""
    if not before or not rows or len(before[-1]) != 1 or len(rows[0]) != 1:
        return False
    last, first = before[-1][0], rows[0][0]
    if last is None or first is None or not last.text.strip() or not first.text.strip():
        return False
    return not _PARAGRAPH_END.search(last.text.rstrip()) and not _starts_block(first.text.split("\n", 1)[0])


def _joined_cell(last: Cell, first: Cell) -> Cell:
    head, _, tail = first.text.partition("\n")
    text = _join(last.text, head) + (f"\n{tail}" if tail else "")
    return Cell(text, last.row_span, last.col_span)


def read_pdf(data: bytes) -> str:
    return pdf_document(data).text


def pdf_document(data: bytes) -> DocumentModel:
    """A PDF → its DocumentModel (the text layout and blocks with the ruled tables' real grids)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        name = type(exc).__name__
        if "password" in str(exc).lower() or "encrypt" in name.lower():
            raise ReportError("decode", "the PDF is encrypted (password protected)") from None
        raise ReportError("decode", f"the PDF cannot be opened ({name}: {exc})") from None
    pages: list[_Page] = []
    with pdf:
        for page in pdf.pages:
            pages.append(_read_page(page, pages[-1].open_columns if pages else None))
            page.close()  # drop pdfplumber's per-page caches: a long report stays small in memory
    _drop_running_lines(pages)
    if not any(isinstance(it, _Line) or any(any(c is not None and c.text for c in r) for r in it.rows)
               for p in pages for it in p.items):
        raise ReportError("decode", "the PDF has no text layer (a scanned document?): OCR is not supported, "
                                    "a text, .docx, .html or text-layer .pdf is needed")
    return render(_assemble(pages))
