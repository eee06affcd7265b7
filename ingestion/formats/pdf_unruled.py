"""Tables a PDF prints without ruling lines: columns of words under a caption.

Why not always: without lines, any text in columns (a signature block, a two-column list) could pass for a grid,
so a grid is looked for only where the report says a table is: right under a caption (`表1 …`, `附表2`, `附件1：…`)
or under a line of header words (`序号 指标名称 单位 目标`). Then the header line's words fix the columns (a boundary
halfway between two header words), each following line's words fall into the column their middle is in, a line
of one short label is a group row across the table, and the table ends at the first line that does not fit
(a sentence, a heading, a caption). pdfplumber's own text strategy needs edges shared by several words and loses
columns that a group row crosses, which the genre's tables always have.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..blocks.lines import SENTENCE_PUNCT, is_caption, is_heading
from ..blocks.rows import is_header_like
from ..model import Cell

_HEADER_WORDS = re.compile(r"序号|指标|单位|目标|完成|计划|属性|项目名称|总投资|备注|类别")
WORD_GAP = 1.0  # a gap wider than this many character sizes separates two cells' words
GROUP_MAX = 30  # a group row is a short label
MIN_ROWS = 2  # data rows a grid needs besides its header


def _words(chars: list[dict]) -> list[tuple[float, float, str]]:
    """(x0, x1, text) of the words of one printed line, split where the gap between characters is wide."""
    out: list[list] = []
    for ch in sorted(chars, key=lambda c: c["x0"]):
        text = ch["text"]
        if not text.strip():
            if out:
                out[-1].append(None)  # a drawn space: the word may end here
            continue
        if out and out[-1][-1] is not None and ch["x0"] - out[-1][1] <= WORD_GAP * max(ch["size"], 1):
            out[-1][1] = ch["x1"]
            out[-1][2] += text
        elif out and out[-1][-1] is None and ch["x0"] - out[-1][1] <= 0.5 * max(ch["size"], 1):
            out[-1][1] = ch["x1"]
            out[-1][2] += " " + text
            out[-1].pop()
        else:
            out.append([ch["x0"], ch["x1"], text])
    return [(w[0], w[1], w[2]) for w in out]


def _is_trigger(text: str) -> bool:
    return is_caption(text) or len(_HEADER_WORDS.findall(text)) >= 3


class _Bands:
    """Characters by their vertical middle, to fetch one line's characters quickly."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
        self.mids = [(c["top"] + c["bottom"]) / 2 for c in self.chars]

    def of(self, line) -> list[dict]:
        return self.chars[bisect_left(self.mids, line.top - 0.5): bisect_right(self.mids, line.bottom + 0.5)]


@dataclass
class Columns:
    """The columns of an unruled grid (the boundaries between them, the x where each starts), kept so that a grid
    the next page goes on with, without its header printed again, is read in the same columns."""
    bounds: list[float]
    starts: list[float]


def unruled_tables(lines: list, chars: list[dict], carried: Columns | None = None, carried_at: int = 0,
                   ) -> list[tuple[list[list[Cell | None]], int, int, Columns]]:
    """(rows, index of the first and the last line used, columns) of each unruled grid among a page's `lines`
    (printed lines outside ruled tables, top to bottom; `chars` their characters). `carried`: the columns of the
    grid the page before ended with; rows from line `carried_at` (the top of the page's body) that fit them go
    on with it, without a header."""
    out = []
    bands = _Bands(chars) if lines else None
    i = 0
    halves = _straddling(lines, bands) if lines else {}
    if carried is not None and lines:
        rows, last = _rows_in(lines, carried_at, bands, carried, [], halves)
        if rows:
            out.append((rows, carried_at, last, carried))
            i = last + 1
    if not any(_is_trigger(line.text) for line in lines[i:]):
        return out
    while i < len(lines):
        if not _is_trigger(lines[i].text):
            i += 1
            continue
        start = i + 1 if is_caption(lines[i].text) else i
        found = _grid_at(lines, start, bands, halves)
        if found is None:
            i += 1
            continue
        rows, first, last, columns = found
        out.append((rows, first, last, columns))
        i = last + 1
    return out


STRADDLE_OVERLAP = 0.1  # share of a character size two printed lines overlap by when they are halves of one row


def _straddling(lines: list, bands: _Bands) -> dict[int, int]:
    """{index of a line: index of the row line it is part of}: the halves of a cell that wraps in a row whose other
    cells print one line, centred in the row (`完成市下达任` above the row's line, `务` under it; a header's `2024年完`
    / `成`). Such a half overlaps the row's line vertically, which two lines of text never do, and its words sit
    in the row's gaps, in a column the row leaves empty."""
    out: dict[int, int] = {}
    # a line's words only where a line next to it overlaps it (the tests are pure, so their order does not change
    # which pairs pass): two printed lines of a page almost never overlap, so most lines' words are never read
    found: dict[int, list[tuple[float, float, str]]] = {}

    def words_of(k: int) -> list[tuple[float, float, str]]:
        if k not in found:
            found[k] = _words(bands.of(lines[k]))
        return found[k]

    for j, line in enumerate(lines):
        best, best_overlap = None, 0.0
        for k in (j - 1, j + 1):
            if not 0 <= k < len(lines):
                continue
            row = lines[k]
            overlap = min(line.bottom, row.bottom) - max(line.top, row.top)
            if overlap <= STRADDLE_OVERLAP * max(line.size, row.size, 1) or overlap >= 0.9 * min(
                    line.bottom - line.top, row.bottom - row.top):
                continue  # apart, or one printed line the character grouping split
            if len(words_of(k)) < 2 or len(words_of(j)) >= len(words_of(k)):
                continue
            if any(a[0] < b[1] and b[0] < a[1] for a in words_of(j) for b in words_of(k)):
                continue  # words above or under the row's own words: not in a gap of the row
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            out[j] = best
    return {j: k for j, k in out.items() if k not in out}  # a row line is no one's half


def _with_halves(row: list[Cell | None], j: int, lines: list, bands: _Bands, bounds: list[float],
                 halves: dict[int, int]) -> tuple[list[Cell | None], int]:
    """The row read from line `j`, its cells joined with the halves printed above and under it (`完成市下达任` +
    `务`), and the index of the last line it takes."""
    own = sorted(k for k, owner in halves.items() if owner == j)
    if not own:
        return row, j
    texts = [[c.text if c is not None else ""] for c in row]
    for k in own:
        for col, cell in enumerate(_placed(_words(bands.of(lines[k])), bounds, len(row))):
            if cell.text:
                texts[col].insert(0 if k < j else len(texts[col]), cell.text)
    return [Cell("".join(t)) for t in texts], max(own[-1], j)


def _grid_at(lines: list, start: int, bands: _Bands, halves: dict[int, int],
             ) -> tuple[list[list[Cell | None]], int, int, Columns] | None:
    if start >= len(lines) or is_caption(lines[start].text) or is_heading(lines[start].text):
        return None
    header_chars = bands.of(lines[start])
    header = _words(header_chars)
    if len(header) < 2 or not is_header_like([w[2] for w in header]):
        return None
    widest = _widest(lines, start, bands, header)
    starts = sorted({w[0] for w in widest} | {w[0] for w in header})
    header = split_at_starts(header_chars, header, starts)
    if len(header) > len(widest):
        widest = header
    bounds, lefts = _column_edges(widest, _full_lines(lines, start + 1, bands, len(widest)))
    columns = Columns(bounds, sorted(set(starts) | set(lefts)))
    head_row, head_last = _with_halves(_placed(header, bounds, len(widest)), start, lines, bands, bounds, halves)
    rows: list[list[Cell | None]] = [head_row]
    rows, last = _rows_in(lines, start + 1, bands, columns, rows, halves)
    if len(rows) - 1 < MIN_ROWS:
        return None
    first = min([start, *(k for k, owner in halves.items() if owner == start)])
    return rows, first, max(last, head_last), columns


FULL_LINES_MAX = 40  # lines under a header looked at for the columns' edges


def _full_lines(lines: list, first: int, bands: _Bands, n: int) -> list[list]:
    """The words of the lines under a header that fill every one of its `n` columns (a full data row), up to the
    first sentence or caption."""
    out = []
    for j in range(first, min(len(lines), first + FULL_LINES_MAX)):
        if is_caption(lines[j].text) or SENTENCE_PUNCT.search(lines[j].text[:-1]):
            break
        words = _words(bands.of(lines[j]))
        if len(words) == 1 and len(words[0][2]) > GROUP_MAX:
            break  # a line of prose: the grid has ended
        if len(words) == n:
            out.append(words)
    return out


def _column_edges(widest: list, full: list[list]) -> tuple[list[float], list[float]]:
    """(boundaries between the columns, the leftmost x each column's words start at). A header label is often
    centred over a column whose cells are flush left (`指标名称` over long names starting near `序号`), so halfway
    between two header words can fall inside a column; with full data rows under the header the boundary is
    halfway between the rightmost end of one column's words and the leftmost start of the next column's."""
    bounds = [(a[1] + b[0]) / 2 for a, b in zip(widest, widest[1:])]
    lefts = [w[0] for w in widest]
    if not full:
        return bounds, lefts
    rows = [widest, *full]
    for k in range(len(widest)):
        lefts[k] = min(r[k][0] for r in rows)
    for k in range(len(bounds)):
        right, left = max(r[k][1] for r in rows), min(r[k + 1][0] for r in rows)
        if right < left:
            bounds[k] = (right + left) / 2
    return bounds, lefts


_DIGIT = re.compile(r"\d")  # a cell holding any digit holds a figure


def _continues(above: list[Cell | None], row: list[Cell | None]) -> bool:
    """`row` is the wrapped rest of the cells of the row above (`2023年预` / `计完成`, `完成州下达` / `目标`), not a
    row of its own: nothing in the first column, text only in columns where the row above has text and fewer of
    them, and no figure (a sub-row under its parent, `其中：…`, has its values)."""
    filled = [k for k, c in enumerate(row) if c.text]
    return (len(above) == len(row) and bool(filled) and not row[0].text
            and all(above[k].text for k in filled)
            and len(filled) < sum(1 for c in above if c.text)
            and not any(_DIGIT.search(row[k].text) for k in filled))


def _rows_in(lines: list, first: int, bands: _Bands, columns: Columns, rows: list[list[Cell | None]],
             halves: dict[int, int] | None = None) -> tuple[list[list[Cell | None]], int]:
    """The grid rows from line `first` on, appended to `rows`, and the index of the last line used (first - 1 when
    none fits). A line that is half of a wrapped cell (`halves`) is read with its row's line."""
    bounds, n = columns.bounds, len(columns.bounds) + 1
    halves = halves or {}
    last = first - 1
    pending_groups: list[list[Cell | None]] = []
    for j in range(first, len(lines)):
        if j in halves:
            continue  # read with its row (a half under the table's last row is taken with it)
        line = lines[j]
        if is_caption(line.text) or is_heading(line.text) and not _single(line, bands):
            break
        line_chars = bands.of(line)
        words = _words(line_chars)
        if len(words) == 1:
            text = words[0][2]
            if len(text) > GROUP_MAX or SENTENCE_PUNCT.search(text[:-1]):
                break
            col = bisect_right(bounds, words[0][0])  # where it starts: a long group label crosses columns
            above = rows[-1] if rows and not pending_groups else None
            if above is not None and len(above) == n and above[col].text and col > 0:
                # the wrapped rest of the cell above it (`2031年计划目` / `标`), not a row of its own; a lone word
                # under the first column stays a group row (`经济发展`): a wrapped name there cannot be told apart
                above[col] = Cell(above[col].text + text)
                last = j
                continue
            pending_groups.append([Cell(text, 1, n)])  # a group row, if more rows follow
            continue
        row = _placed(split_at_starts(line_chars, words, columns.starts), bounds, n)
        if sum(1 for c in row if c.text) < 2 or any(SENTENCE_PUNCT.search(c.text[:-1]) and len(c.text) > 20
                                                     for c in row):
            break
        row, row_last = _with_halves(row, j, lines, bands, bounds, halves)
        if rows and not pending_groups and _continues(rows[-1], row):
            rows[-1] = [Cell(a.text + b.text) if b.text else a for a, b in zip(rows[-1], row)]
            last = row_last
            continue
        rows.extend(pending_groups)
        pending_groups = []
        rows.append(row)
        last = row_last
    return rows, last


def split_at_starts(chars: list[dict], words: list, starts: list[float]) -> list:
    """A line's words, each cut where one of its characters starts a column after a gap: a narrow gap between two
    cells (`序号` | `指标名称`, or `完成市下达任务` printed in two neighbouring columns) leaves them one word, but
    the second begins just where that column's cells begin. A centred cell spanning columns prints no gap there,
    so it stays whole."""
    if len(starts) < 2:
        return words
    out = []
    line = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    for x0, x1, text in words:
        inner = [s for s in starts if x0 + 0.5 < s < x1]
        if not inner:
            out.append((x0, x1, text))
            continue
        own = [c for c in line if c["x0"] >= x0 - 0.1 and c["x1"] <= x1 + 0.1]
        cuts = [k for k in range(1, len(own))
                if own[k]["x0"] - own[k - 1]["x1"] >= 0.15 * max(own[k]["size"], 1)
                and any(abs(own[k]["x0"] - s) <= 0.3 * max(own[k]["size"], 1) for s in inner)]
        if not cuts or "".join(c["text"] for c in own) != text.replace(" ", ""):
            out.append((x0, x1, text))  # no cut, or the word's characters not all found: left as it was
            continue
        for a, b in zip([0] + cuts, cuts + [len(own)]):
            out.append((own[a]["x0"], own[b - 1]["x1"], "".join(c["text"] for c in own[a:b])))
    return out


def _widest(lines: list, start: int, bands: _Bands, header: list) -> list:
    """The words that fix the columns: the header's, or those of a line just under it with more words (a header
    cell spanning two columns, a year over 目标 | 完成, leaves the header with fewer words than the grid)."""
    best = header
    for j in range(start + 1, min(len(lines), start + 6)):
        words = _words(bands.of(lines[j]))
        if len(words) > len(best) and not any(SENTENCE_PUNCT.search(w[2][:-1]) for w in words):
            best = words
    return best


def _placed(words: list, bounds: list[float], n: int) -> list[Cell | None]:
    """A line's words in the columns their middles fall in."""
    cells: list[list[str]] = [[] for _ in range(n)]
    for x0, x1, text in words:
        cells[bisect_right(bounds, (x0 + x1) / 2)].append(text)
    return [Cell("".join(c)) for c in cells]


def _single(line, bands: _Bands) -> bool:
    return len(_words(bands.of(line))) == 1
