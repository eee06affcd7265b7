"""The report's lines as the list readers see them: Markdown marks removed.

Why: a report converted to Markdown prints `## 一、…` headings, `**专栏1：…**` captions and `> ` quotes. The
list readers find captions, headings and list bodies from the lines, so the marks would hide a 专栏 (its projects
lost) or hide the heading that ends a list (the next section read as names). Removing them keeps every line
where it is, so `source_line` still points into the rendered text.
"""
from __future__ import annotations

import re

from ..document import Document

_MARKED_LINE = re.compile(r"(?m)^[ \t]*(?:#{1,6}\s|>)")
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>+\s?)")
_EMPHASIS = re.compile(r"\*\*|__")


def plain_view(doc: Document) -> Document:
    """`doc` itself when no line carries Markdown marks, else a Document over the lines without them (same
    line numbers, same metadata)."""
    text = "\n".join(doc.lines)
    if "**" not in text and "__" not in text and not _MARKED_LINE.search(text):
        return doc
    lines = [_EMPHASIS.sub("", _HEADING_MARK.sub("", line)) for line in doc.lines]
    return Document(lines=lines, meta=doc.meta)
