"""A report as numbered lines with its outline (headings, captions) and coarse blocks.

Every extractor works from this one view so that they agree on line numbers and on which section a line
belongs to. Line numbers are 1-based, as an editor shows them, because they are what a user checks a fact
against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .records import ReportMeta

CN_NUM = "一二三四五六七八九十"
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_HEADING_PATTERNS = (
    (1, re.compile(rf"^[{CN_NUM}]+、")),
    (2, re.compile(rf"^[（(][{CN_NUM}]+[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
)
_CAPTION = re.compile(r"^(表|专栏)\s*(\d+)\s*[：:]?")


def clean_line(line: str) -> str:
    """Drop word-processor artefacts that are not part of the printed text."""
    return _BOOKMARK.sub("", line).rstrip("\r\n")


def squash(text: str) -> str:
    """Remove all whitespace, including full-width spaces: how names and values are compared and stored."""
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


@dataclass(frozen=True)
class Heading:
    line: int
    level: int  # 1 = 一、  2 = （一）  3 = 1.
    text: str  # the whole line, whitespace removed


@dataclass(frozen=True)
class Caption:
    line: int
    kind: str  # 表 | 专栏
    number: int
    text: str  # the whole caption, whitespace removed, e.g. 表1：2021年…完成情况


@dataclass(frozen=True)
class Block:
    kind: str  # heading | caption | cells | paragraph
    start: int  # first line (1-based)
    end: int  # last line (inclusive)


def is_cell_line(line: str) -> bool:
    """In the text layout of the genre every table cell sits on its own line, led by a tab."""
    return line.startswith("\t")


def heading_level(line: str) -> int | None:
    if is_cell_line(line):
        return None
    s = line.strip().replace("\u3000", "")
    for level, pat in _HEADING_PATTERNS:
        if pat.match(s):
            return level
    return None


def parse_caption(line: str) -> tuple[str, int] | None:
    if is_cell_line(line):
        return None
    m = _CAPTION.match(line.strip())
    if not m:
        return None
    return m.group(1), int(m.group(2))


@dataclass
class Document:
    """Numbered lines of one report plus its outline."""

    lines: list[str]  # cleaned lines; index 0 is line 1
    meta: ReportMeta = field(default_factory=lambda: ReportMeta(None, None, None, None, None, None, None))

    @classmethod
    def from_text(cls, text: str, meta: ReportMeta | None = None) -> "Document":
        lines = [clean_line(x) for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        doc = cls(lines=lines)
        if meta is None:
            from .metadata import read_metadata

            meta = read_metadata(doc)
        doc.meta = meta
        return doc

    def line(self, no: int) -> str:
        return self.lines[no - 1]

    @property
    def n_lines(self) -> int:
        return len(self.lines)

    @cached_property
    def headings(self) -> list[Heading]:
        out = []
        for i, line in enumerate(self.lines, start=1):
            level = heading_level(line)
            if level is not None:
                out.append(Heading(i, level, squash(line)))
        return out

    @cached_property
    def captions(self) -> list[Caption]:
        out = []
        for i, line in enumerate(self.lines, start=1):
            cap = parse_caption(line)
            if cap:
                out.append(Caption(i, cap[0], cap[1], squash(line)))
        return out

    def heading_chain(self, no: int) -> list[Heading]:
        """The headings that enclose line `no`, outermost first (a heading encloses itself)."""
        chain: list[Heading] = []
        for h in self.headings:
            if h.line > no:
                break
            chain = [c for c in chain if c.level < h.level] + [h]
        return chain

    def section(self, no: int) -> Heading | None:
        """The innermost heading enclosing line `no`."""
        chain = self.heading_chain(no)
        return chain[-1] if chain else None

    def next_boundary(self, no: int) -> int:
        """First line after `no` that is a heading or a caption (or n_lines + 1)."""
        for i in range(no + 1, self.n_lines + 1):
            line = self.lines[i - 1]
            if heading_level(line) is not None or parse_caption(line) is not None:
                return i
        return self.n_lines + 1

    @cached_property
    def blocks(self) -> list[Block]:
        """Headings, captions, runs of table cells (blank lines inside a run kept) and paragraphs."""
        out: list[Block] = []
        i, n = 1, self.n_lines
        while i <= n:
            line = self.lines[i - 1]
            if not line.strip() and not is_cell_line(line):
                i += 1
                continue
            if is_cell_line(line):
                j = i
                k = i + 1
                while k <= n:
                    nxt = self.lines[k - 1]
                    if is_cell_line(nxt):
                        j = k
                    elif nxt.strip():
                        # a non-tab line inside a run is a wrapped cell when the run goes on right after it
                        if k + 1 <= n and (is_cell_line(self.lines[k]) or not self.lines[k].strip()) \
                                and heading_level(nxt) is None and parse_caption(nxt) is None and len(nxt.strip()) <= 40:
                            j = k
                        else:
                            break
                    k += 1
                out.append(Block("cells", i, j))
                i = j + 1
                continue
            if parse_caption(line):
                out.append(Block("caption", i, i))
            elif heading_level(line) is not None:
                out.append(Block("heading", i, i))
            else:
                out.append(Block("paragraph", i, i))
            i += 1
        return out
