"""A text report (Markdown most often) that holds HTML `<table>` markup among its lines.

Why: Markdown has no merged cells, so a converter or an editor writes a table with a rowspan 类别 column (or a
two-row header) as raw HTML inside the Markdown, and the Markdown stays text. Read as text, the markup lines are
paragraphs and the table is lost. Each `<table>…</table>` run is handed to the web-page reader (`html.py`), which
already reads a `<table>` as its real grid (rowspan/colspan as spans, `<thead>` rows as the header), and the
whole report is rendered through `layout.render` like any container: the table is printed in the genre's text
layout, so `raw.reports.text` and every `source_line` point at the rendered cells. The lines around the tables
are kept as they are (Markdown headings, pipe tables and paragraphs are read by the text reader as before).
"""
from __future__ import annotations

import re

from ..layout import render
from ..model import DocumentModel

_OPEN = re.compile(r"<table\b", re.I)
_TAG = re.compile(r"<(/?)table\b[^>]*>", re.I)


def has_embedded_table(text: str) -> bool:
    """A `<table` tag opens some line of the text (after indentation)."""
    return bool(_OPEN.search(text)) and any(_OPEN.match(line.lstrip()) for line in text.split("\n"))


def _table_end(lines: list[str], start: int) -> int | None:
    """Index of the line closing the `<table>` opened on lines[start] (nested tables counted); None if unclosed."""
    depth = 0
    for j in range(start, len(lines)):
        for m in _TAG.finditer(lines[j]):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                return j
    return None


def embedded_html_document(text: str) -> DocumentModel | None:
    """The DocumentModel of a text whose lines hold `<table>` markup (see the module doc); None when none does."""
    if not has_embedded_table(text):
        return None
    from .html import html_items

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    items: list = []
    found = False
    i = 0
    while i < len(lines):
        line = lines[i]
        end = _table_end(lines, i) if _OPEN.match(line.lstrip()) else None
        if end is None or _TAG.sub("", lines[end]).strip():
            items.append(line)  # no closed table here, or text after its closing tag on the same line
            i += 1
            continue
        items.extend(html_items("\n".join(lines[i:end + 1])))
        found = True
        i = end + 1
    return render(items) if found else None
