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

from bisect import bisect_left, bisect_right
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


class _Row:
    """One printed row as the gutter search sees it: its extent, and the gaps between its characters."""

    __slots__ = ("chars", "x0", "x1", "gaps", "wide")

    def __init__(self, chars: list[dict], size: float) -> None:
        self.chars = chars
        self.x0, self.x1 = chars[0]["x0"], max(ch["x1"] for ch in chars)
        reach = chars[0]["x1"]
        self.gaps: list[tuple[float, float]] = []  # (left end, right start) of each gap of a character or more
        wide = 0
        for ch in chars[1:]:
            gap = ch["x0"] - reach
            if gap >= size:
                self.gaps.append((reach, ch["x0"]))
                wide += gap > GAP_CHARS * size
            reach = max(reach, ch["x1"])
        self.wide = wide  # gaps wider than a column's line holds (a table's cell spacing)

    def sides(self, c: float, size: float) -> tuple[float | None, float | None] | None:
        """(where the text left of `c` ends, where the text right of it starts), None for a side without text;
        None when the row crosses `c` or holds a wide gap elsewhere (see the module doc)."""
        if c <= self.x0:
            return (None, self.x0) if not self.wide else None
        if c >= self.x1:
            return (self.x1, None) if not self.wide else None
        for a, b in self.gaps:
            if a <= c <= b:
                if self.wide > 1 or (self.wide == 1 and b - a <= GAP_CHARS * size):
                    return None  # another gap of a table's width stays on one side
                return a, b
        return None


def _points(row: _Row, c: float, size: float) -> int:
    """What one row adds to the score of a gutter at `c` (how many rows end their left part or start their right
    part close to it): 0, 1 or 2."""
    sides = row.sides(c, size)
    if sides is None:
        return 0
    left, right = sides
    return (left is not None and c - left <= NEAR_GUTTER * size) + (right is not None and right - c <= NEAR_GUTTER * size)


def _scores(rows: list[_Row], candidates: list[float], size: float) -> list[int]:
    """The score of a gutter at each of the (sorted) candidates, `_points` summed over the rows, each row scored
    only at the candidates where it can score. Why that is the same: a row scores at `c` only where `sides` gives a side close to `c`, and
    `sides` gives one only left of the row within `NEAR_GUTTER` characters of its start, right of it within as many
    of its end (both only for a row without a wide gap), or inside one of its gaps; a row with two wide gaps gives
    none anywhere. Those stretches, widened by a candidate on each side against rounding, are where `_points` is
    asked; everywhere else it is 0. Most rows of a page are full lines crossing every candidate: they are skipped,
    where the search asked each of them at every candidate (the most of this module's time)."""
    scores = [0] * len(candidates)
    reach = NEAR_GUTTER * size
    n = len(candidates)
    for row in rows:
        if row.wide > 1:
            continue
        spans = list(row.gaps) if row.wide else [(row.x0 - reach, row.x0), (row.x1, row.x1 + reach), *row.gaps]
        at: set[int] = set()
        for a, b in spans:
            at.update(range(max(bisect_left(candidates, a) - 1, 0), min(bisect_right(candidates, b) + 1, n)))
        for k in at:
            scores[k] += _points(row, candidates[k], size)
    return scores


def two_column_stretches(char_rows: list[list[dict]]) -> list[Stretch]:
    """The page's two-column stretches (see the module doc). `char_rows`: the page's printed rows, top to bottom,
    each a list of characters left to right."""
    char_rows = [r for r in char_rows if r]
    if len(char_rows) < 2 * COLUMN_ROWS_MIN:
        return []
    size = median(ch["size"] for r in char_rows for ch in r) or 10.0
    rows = [_Row(r, size) for r in char_rows]
    lo = min(r.x0 for r in rows)
    hi = max(r.x1 for r in rows)
    width = hi - lo
    if width < 20 * size:
        return []
    candidates = [lo + width * MIDDLE[0] + k for k in range(int(width * (MIDDLE[1] - MIDDLE[0])) + 1)]
    scores = _scores(rows, candidates, size)
    best = max(scores)
    if best < 2 * COLUMN_ROWS_MIN:
        return []
    plateau = [c for c, s in zip(candidates, scores) if s == best]
    gutter = plateau[len(plateau) // 2]
    out: list[Stretch] = []
    run: list[tuple[_Row, float | None, float | None]] = []

    def close() -> None:
        if _is_two_columns(run, gutter, size):
            out.append(Stretch(min(ch["top"] for r, _, _ in run for ch in r.chars),
                               max(ch["bottom"] for r, _, _ in run for ch in r.chars), gutter))
        run.clear()

    for row in rows:
        sides = row.sides(gutter, size)
        if sides is None:
            close()
        else:
            run.append((row, *sides))
    close()
    return out


def _is_two_columns(run, c: float, size: float) -> bool:
    lefts = [(row, left) for row, left, _ in run if left is not None]
    rights = [(row, right) for row, _, right in run if right is not None]
    if len(lefts) < COLUMN_ROWS_MIN or len(rights) < COLUMN_ROWS_MIN:
        return False
    # the left column's lines mostly run full to its right edge, close to the gutter (a column of labels or names
    # of many lengths does not), and the right column's lines start at the gutter
    ends = sorted(left for _, left in lefts)
    edge = ends[int(0.8 * (len(ends) - 1))]
    if c - edge > NEAR_GUTTER * size or 2 * sum(edge - e <= 2 * size for e in ends) < len(ends):
        return False
    if 2 * sum(right - c <= NEAR_GUTTER * size for _, right in rights) < len(rights):
        return False
    # text on both sides over the same height: side by side, not one block above the other
    l_top, l_bottom = min(r.chars[0]["top"] for r, _ in lefts), max(r.chars[0]["bottom"] for r, _ in lefts)
    r_top, r_bottom = min(r.chars[-1]["top"] for r, _ in rights), max(r.chars[-1]["bottom"] for r, _ in rights)
    overlap = min(l_bottom, r_bottom) - max(l_top, r_top)
    return overlap >= 0.5 * min(l_bottom - l_top, r_bottom - r_top)
