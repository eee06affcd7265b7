"""A table typed by hand into a text file, its cells separated by whatever key came to hand on each row.

Why: a row table copied row by row from several sources (or typed in an editor) separates its cells with a TAB on
one row, two full-width spaces on the next, `' \\t'` or `'\\t　'` on a third, a full-width space between 序号 and
name and TABs after. `rows.py` reads one separator per table (a TAB row ends a table of full-width rows), so such a
table ends at its first row of the other kind and nothing of it is read.

Here every TAB is a cell boundary (two adjacent TABs hold an empty cell, a leading TAB an empty first cell), the
spaces around a TAB are padding, and inside the text between TABs a run of full-width spaces (or of two or more
ASCII spaces) is a boundary too. A label letter-spaced with full-width spaces (`序　号`) stays one cell. The table
is taken only when its rows really mix the two kinds (TAB rows and rows with full-width separators): a table of
one kind is `rows.py`'s, read as it always was.
"""
from __future__ import annotations

import re

from ..document import squash
from ..model import Cell
from .lines import SENTENCE_PUNCT, is_caption, is_heading, is_note
from .rows import GROUP_MAX, is_header_like

_WIDE_GAP = re.compile(r"[ \u3000]*\u3000[ \u3000]*| {2,}")
_PAD = " \u3000"
MIN_COLUMNS = 3  # a header of two labels with one separator each way is no evidence of a table
BLANKS_MAX = 1  # blank lines allowed between two rows

MIXED = "mixed"


def _wide_pieces(text: str) -> list[str]:
    """`text` (no TAB in it) cut at its full-width gaps. A run of single CJK characters between gaps is a label
    spread out (`序　号`, `指　　标`), one cell."""
    out: list[str] = []
    run = False  # the last piece is a run of single characters still open
    for piece in _WIDE_GAP.split(text):
        single = len(piece) == 1 and "\u4e00" <= piece <= "\u9fff"
        if single and run:
            out[-1] += piece
        else:
            out.append(piece)
        run = single
    return out


def split_mixed(line: str) -> tuple[list[str], str] | None:
    """(cells, kind) of a line whose cells are separated by TABs and/or full-width gaps; kind is `tab` (TABs
    only), `wide` (full-width gaps only) or `both`; None for a line of one cell. The indentation is no cell; a
    TAB after it opens an empty first cell."""
    body = line.rstrip(_PAD + "\t").lstrip(_PAD)
    if not body:
        return None
    cells: list[str] = []
    wide = False
    for piece in body.split("\t"):
        inner = _wide_pieces(piece.strip(_PAD))
        wide = wide or len(inner) > 1
        cells.extend(inner)
    if len(cells) < 2:
        return None
    tabbed = "\t" in body
    return cells, ("both" if tabbed and wide else "tab" if tabbed else "wide")


def _group_row(line: str) -> bool:
    s = squash(line)
    return bool(s) and len(s) <= GROUP_MAX and not SENTENCE_PUNCT.search(s[:-1]) and not is_caption(line) \
        and not is_note(line) and "\t" not in line.strip(_PAD)


def read_mixed_table(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, None] | None:
    """The table whose header line is lines[start] when its rows mix TAB and full-width separators: (layout, rows,
    index of its last line, None); None when no such table starts there."""
    line = lines[start]
    if SENTENCE_PUNCT.search(line) or is_caption(line) or is_heading(line):
        return None
    first = split_mixed(line)
    if first is None or len(first[0]) < MIN_COLUMNS or not is_header_like(first[0]):
        return None
    width = len(first[0])
    found: list[tuple[int, list[str] | None]] = [(start, first[0])]
    kinds = {first[1]}
    last, j, n = start, start + 1, len(lines)
    while j < n:
        text = lines[j]
        if not text.strip(_PAD + "\t"):
            k = j + 1
            while k < n and not lines[k].strip(_PAD + "\t") and k - j < BLANKS_MAX:
                k += 1
            nxt = split_mixed(lines[k]) if k < n else None
            if nxt is not None and len(nxt[0]) in (width - 1, width):
                j = k
                continue
            break
        row = split_mixed(text)
        if row is not None and len(row[0]) in (width - 1, width) \
                and not any(SENTENCE_PUNCT.search(c) for c in row[0]):
            found.append((j, row[0]))
            kinds.add(row[1])
            last = j
            j += 1
            continue
        if row is None and _group_row(text) and j + 1 < n and (nxt := split_mixed(lines[j + 1])) is not None \
                and len(nxt[0]) in (width - 1, width):
            found.append((j, None))
            last = j
            j += 1
            continue
        break
    mixed = "both" in kinds or {"tab", "wide"} <= kinds
    if not mixed or sum(1 for _, r in found[1:] if r is not None) < 2:
        return None
    rows = [[Cell(lines[k].strip(_PAD), line=k + 1)] if r is None else [Cell(c, line=k + 1) for c in r]
            for k, r in found]
    return MIXED, rows, last, None
