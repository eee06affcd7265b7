"""What the commands print: one table printer, aligned in terminal columns (a Chinese character takes two)."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to at most `columns` terminal columns."""
    out, used = [], 0
    for c in text:
        w = width(c)
        if used + w > columns:
            break
        out.append(c)
        used += w
    return "".join(out)


def pad(text: str, columns: int, right: bool = False) -> str:
    """Align `text` in `columns` terminal columns (left, or right for figures); longer text is cut."""
    text = fit(text, columns)
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def timestamp(ts) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "never"


def print_table(columns: Sequence[tuple[str, int, bool]], rows: Sequence[Sequence], indent: str = "",
                rule: bool = False) -> None:
    """Print a header and one line per row; `columns` are (title, width, right-aligned). None prints as empty."""
    def line(cells) -> str:
        return indent + " ".join(pad("" if v is None else str(v), w, right)
                                 for v, (_, w, right) in zip(cells, columns, strict=True)).rstrip()

    header = line([title for title, _, _ in columns])
    print(header)
    if rule:
        print(indent + "-" * (len(header) - len(indent)))
    for row in rows:
        print(line(row))


REPORT_COLUMNS = [("report", 34, False), ("district", 10, False), ("type", 15, False), ("review", 6, True),
                  ("plan", 5, True), ("indicators", 10, True), ("projects", 8, True)]
