"""An ASCII grid table (pandoc's grid tables, `+----+----+` rules around `| a | b |` lines) that rules every row:
the lines between two rules are ONE row, a cell that wrapped going on in the same column on the next line(s)
(`| 3 | 规模以上工业增加 | % |` over `|   | 值增速 |   |`, three lines for a long name). The row reader reads one
row per line; this joins each band's lines back into its row, each cell's pieces joined by a line break (as a
box grid's ruled rows are, `text_blocks._ruled_rows`). The rule of `=` under the header (`+====+`) ends the header.

Only a grid whose rows are ruled is joined: with rules only around the header and at the end, each line is a row.
"""
from __future__ import annotations

import re

from ..model import Cell

_ASCII_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
MIN_RULES = 3  # top, under the header, and between rows: a grid with fewer rules does not rule its rows


def is_ascii_rule(line: str) -> bool:
    return bool(_ASCII_RULE.match(line))


def join_ruled_bands(lines: list[str], first: int, last: int, rows: list[list[Cell]],
                     header_rows: int | None) -> tuple[list[list[Cell]], int | None]:
    """`rows` read one per line from lines[first..last] (0-based), each band between two rules joined into one
    row; the rows and header rows unchanged when the grid does not rule its rows."""
    if not any(is_ascii_rule(lines[j]) for j in (first - 1, first)) or first > last:
        return rows, header_rows
    rules = [j for j in range(first, last + 1) if is_ascii_rule(lines[j])]
    if len(rules) < MIN_RULES - 1:
        return rows, header_rows
    band_of: dict[int, int] = {}
    band, header_end = 0, None
    for j in range(first, last + 1):
        if is_ascii_rule(lines[j]):
            band += 1
            if "=" in lines[j] and header_end is None:
                header_end = band
            continue
        band_of[j + 1] = band  # Cell.line is 1-based
    out: list[list[Cell]] = []
    bands: list[int] = []
    for row in rows:
        line = next((c.line for c in row if c.line is not None), None)
        b = band_of.get(line) if line is not None else None
        if out and b is not None and bands[-1] == b and len(row) == len(out[-1]):
            out[-1] = [_joined(a, c) for a, c in zip(out[-1], row)]
            continue
        out.append(list(row))
        bands.append(b if b is not None else -1)
    if len(out) == len(rows):
        return rows, header_rows
    if header_end is not None:
        header_rows = sum(1 for b in bands if 0 <= b < header_end) or header_rows
    return out, header_rows


def _joined(a: Cell, b: Cell) -> Cell:
    if not b.text.strip():
        return a
    text = f"{a.text}\n{b.text}" if a.text.strip() else b.text
    return Cell(text, a.row_span, a.col_span, a.line if a.text.strip() else b.line)
