"""Markdown pipe tables (what PDF-to-Markdown converters write): `| a | b |` rows (outer pipes optional when a
`---|---` line follows the first row), a `|---|:--:|` line under the header row. An escaped pipe `\\|` is part of
a cell, `<br>` inside a cell is a line break, emphasis around a whole cell (`**一、经济发展**`) is dropped."""
from __future__ import annotations

import re

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_SPLIT = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"<br\s*/?>", re.I)
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")


def is_separator(line: str) -> bool:
    """The `|---|---|` line between a Markdown table's header and its body."""
    return bool(_SEPARATOR.match(line.strip()))


def pipe_cells(body: str) -> list[str] | None:
    """The cells of a `| a | b |` line (its outer pipes dropped); None for a separator line or a non-row."""
    if is_separator(body):
        return None
    parts = _SPLIT.split(body.strip())
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip() and body.rstrip().endswith("|"):
        parts = parts[:-1]
    return [_cell(p) for p in parts]


def _cell(text: str) -> str:
    text = _BR.sub("\n", text.strip().replace("\\|", "|"))
    m = _EMPHASIS.match(text)
    return m.group(2).strip() if m else text
