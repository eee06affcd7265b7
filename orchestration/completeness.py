"""Say what is missing from a report whose file ends early (a truncated download, a cut copy-paste).

Works on the rendered text (`ingestion/layout.py`: a table is one cell per line led by a TAB, a blank line after
each row) and the extraction output, without touching the extractors: when the text ends inside a table and
its last row has fewer cells than the table's rows before it, that row is incomplete. Its values are left out
(a cell cut mid-way would load a wrong number) and everything before it loads; the caller records one
`incomplete` event per finding so that the build says what is missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CAPTION = re.compile(r"^\s*((表|专栏|附表)\s*[0-9一二三四五六七八九十]+[^\n]{0,40})")
_END_PUNCT = tuple("。；;！!？?）)」”\"』】…")


@dataclass(frozen=True)
class Incomplete:
    detail: str
    first_line: int  # facts from this line on are not trustworthy (the incomplete part)
    last_line: int


def _is_cell(line: str) -> bool:
    return line.startswith("\t")


def find_incomplete(text: str | None) -> list[Incomplete]:
    """The incomplete part at the end of a report's text, if the file ends inside a table row."""
    if not text:
        return []
    lines = text.split("\n")
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    if end == 0:
        return []
    # the last run of table lines must reach the end of the text (only cell lines, their continuation lines and
    # blank row separators after its start)
    start = end
    while start > 1 and (_is_cell(lines[start - 2]) or not lines[start - 2].strip()
                         or (start > 2 and _is_cell(lines[start - 3]) and lines[start - 2].strip())):
        start -= 1
    while start <= end and not _is_cell(lines[start - 1]):
        start += 1
    if start > end or not any(_is_cell(x) for x in lines[start - 1:end]):
        return []
    if not _is_cell(lines[end - 1]) and not (end >= 2 and _is_cell(lines[end - 2])):
        return []
    rows: list[tuple[int, int]] = []  # (first line, number of cells)
    for no in range(start, end + 1):
        line = lines[no - 1]
        if _is_cell(line):
            if not rows or (no >= 2 and not lines[no - 2].strip() and not _is_cell(lines[no - 2])):
                rows.append((no, 0))
            rows[-1] = (rows[-1][0], rows[-1][1] + 1)
    if len(rows) < 2:
        return []
    widths = [w for _, w in rows[:-1]]
    expected = max(set(widths), key=widths.count)  # the usual row width of this table
    last_start, last_width = rows[-1]
    if last_width >= expected:
        return []
    caption = _caption_before(lines, start)
    return [Incomplete(
        detail=f"{caption} ends mid-row at line {end}: its last row has {last_width} of {expected} cells; "
               f"the rows before it loaded, that row's values did not",
        first_line=last_start, last_line=end)]


def _caption_before(lines: list[str], start: int) -> str:
    for no in range(start - 1, max(0, start - 8), -1):
        m = _CAPTION.match(lines[no - 1].strip("\t "))
        if m:
            return "table " + re.split(r"[：:\s]", m.group(1).replace(" ", ""), maxsplit=1)[0]
    return f"the table starting at line {start}"


def drop_incomplete(extraction, findings: list[Incomplete]) -> int:
    """Remove the facts that came from an incomplete part; return how many were removed."""
    if not findings or extraction is None:
        return 0
    def bad(r) -> bool:
        return any(f.first_line <= r.source_line <= f.last_line for f in findings)
    before = len(extraction.indicators) + len(extraction.projects) + len(extraction.investments)
    extraction.indicators = [r for r in extraction.indicators if not bad(r)]
    extraction.projects = [r for r in extraction.projects if not bad(r)]
    extraction.investments = [r for r in extraction.investments if not bad(r)]
    return before - len(extraction.indicators) - len(extraction.projects) - len(extraction.investments)
