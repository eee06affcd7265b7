"""A PDF page whose body text is set in two columns (a 公报 layout): where the columns run, and which column a
character belongs to.

Why: read line by line across the page, the lines of the two columns interleave (`产总值418.6亿元` continues a
left-column line, the right column's line comes between), so names and figures are cut and paragraphs mixed.

A two-column stretch is a run of printed rows, top to bottom, none of which crosses one vertical gutter: each row's
text on either side of the gutter is unbroken (no gap of a table's cell spacing inside it), the left column's full
lines end close to the gutter and the right column's lines start close to it, and text stands on both sides over
the same height. A full-width line (a title, a caption, a table row with cell gaps) ends the stretch, so full-width
title blocks and tables keep their reading order. Inside a stretch the left column is read before the right one.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

GAP_CHARS = 1.5  # a gap inside a column's line is at most this many characters (a table's cells stand further apart)
NEAR_GUTTER = 4.0  # a column's line ends/starts within this many characters of the gutter
COLUMN_ROWS_MIN = 4  # printed rows each column holds in a stretch, at least
MIDDLE = (0.3, 0.7)  # where the gutter may stand, as shares of the text's width


@dataclass
class Stretch:
    top: float  # of its first row
    bottom: float  # of its last row
    gutter: float  # x of the gutter


def _sides(row: list[dict], c: float, size: float) -> tuple[list[dict], list[dict]] | None:
    """The row's characters left and right of `c`; None when the row crosses `c`, or one side has a gap wider than a
    column's line holds, or the two sides stand too close for a gutter."""
    left, right = [], []
    for ch in row:
        if ch["x1"] <= c:
            left.append(ch)
        elif ch["x0"] >= c:
            right.append(ch)
        else:
            return None
    for side in (left, right):
        for a, b in zip(side, side[1:]):
            if b["x0"] - a["x1"] > GAP_CHARS * size:
                return None
    if left and right and right[0]["x0"] - left[-1]["x1"] < size:
        return None
    return left, right


def _score(rows: list[list[dict]], c: float, size: float) -> int:
    """How many rows end their left part or start their right part close to a gutter at `c`."""
    n = 0
    for row in rows:
        sides = _sides(row, c, size)
        if sides is None:
            continue
        left, right = sides
        n += bool(left) and c - left[-1]["x1"] <= NEAR_GUTTER * size
        n += bool(right) and right[0]["x0"] - c <= NEAR_GUTTER * size
    return n


def two_column_stretches(rows: list[list[dict]]) -> list[Stretch]:
    """The page's two-column stretches (see the module doc). `rows`: the body's printed rows, top to bottom, each
    a list of characters left to right."""
    rows = [r for r in rows if r]
    if len(rows) < 2 * COLUMN_ROWS_MIN:
        return []
    size = median(ch["size"] for r in rows for ch in r) or 10.0
    lo = min(r[0]["x0"] for r in rows)
    hi = max(r[-1]["x1"] for r in rows)
    width = hi - lo
    if width < 20 * size:
        return []
    candidates = [lo + width * MIDDLE[0] + k for k in range(int(width * (MIDDLE[1] - MIDDLE[0])) + 1)]
    scores = [_score(rows, c, size) for c in candidates]
    best = max(scores)
    if best < 2 * COLUMN_ROWS_MIN:
        return []
    plateau = [c for c, s in zip(candidates, scores) if s == best]
    gutter = plateau[len(plateau) // 2]
    out: list[Stretch] = []
    run: list[tuple[list[dict], list[dict], list[dict]]] = []

    def close() -> None:
        if _is_two_columns(run, gutter, size):
            out.append(Stretch(min(ch["top"] for r, _, _ in run for ch in r),
                               max(ch["bottom"] for r, _, _ in run for ch in r), gutter))
        run.clear()

    for row in rows:
        sides = _sides(row, gutter, size)
        if sides is None:
            close()
        else:
            run.append((row, *sides))
    close()
    return out


def _is_two_columns(run, c: float, size: float) -> bool:
    lefts = [left for _, left, _ in run if left]
    rights = [right for _, _, right in run if right]
    if len(lefts) < COLUMN_ROWS_MIN or len(rights) < COLUMN_ROWS_MIN:
        return False
    if 2 * sum(c - left[-1]["x1"] <= NEAR_GUTTER * size for left in lefts) < len(lefts):
        return False  # the left column's lines reach the gutter (a column of short labels does not)
    if 2 * sum(right[0]["x0"] - c <= NEAR_GUTTER * size for right in rights) < len(rights):
        return False
    # text on both sides over the same height: side by side, not one block above the other
    l_top, l_bottom = min(s[0]["top"] for s in lefts), max(s[0]["bottom"] for s in lefts)
    r_top, r_bottom = min(s[0]["top"] for s in rights), max(s[0]["bottom"] for s in rights)
    overlap = min(l_bottom, r_bottom) - max(l_top, r_top)
    return overlap >= 0.5 * min(l_bottom - l_top, r_bottom - r_top)
