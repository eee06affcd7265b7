"""Markdown's blockquote markers are quoting, not text: a web clipper or a converter sets a 专栏 box, a dateline or a
whole section as `> …` lines, and the text layouts must read the lines under the marks as they read any other.

Only the marks at the start of a line go (`> `, `>`, nested `> > `, up to three spaces before them, as CommonMark
allows); the line count is kept, so every `source_line` still points at the line the file prints. A `>` followed by
a figure (`>90%`, a value cell written one per line) is a comparison, not a quote mark, and stays.
"""
from __future__ import annotations

import re

SUFFIXES = (".md", ".markdown")
_QUOTE = re.compile(r"^ {0,3}(?:>(?![0-9０-９.=]) ?)+", re.M)


def unquote(text: str) -> str:
    """`text` with the blockquote marks at the start of its lines removed (nothing else changes)."""
    return _QUOTE.sub("", text) if ">" in text else text
