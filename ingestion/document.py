"""A report as numbered lines with its outline (headings, captions) and coarse blocks.

Every extractor works from this one view so that they agree on line numbers and on which section a line
belongs to. Line numbers are 1-based, as an editor shows them, because they are what a user checks a fact
against.

What several passes ask about the same line or cell is computed once and shared, so an extractor need not keep
its own copy: `heading_level` and `parse_caption` are memoised per line text (the block reader, the coarse
`line_blocks`, the list finder and the table readers all ask them); a cell's whitespace-free text is `Cell.flat`,
kept on the cell, and a table's `n_cols` / `unmerged` on the table (`model.py`). `squash` is `str.split` based:
call it freely, but prefer `Cell.flat` for a cell.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .records import ReportMeta

if TYPE_CHECKING:
    from . import model
    from .model import DocumentModel

CN_NUM = "一二三四五六七八九十"
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_BOOKMARK_IN_LINE = re.compile(r"\[bookmark:[^\]\n]*\]")  # `_BOOKMARK` within one line of a whole text
_HEADING_PATTERNS = (
    (0, re.compile(rf"^第[{CN_NUM}]+(?:部分|篇)")),  # 第一部分 2021年计划执行情况: above the 一、 headings
    (1, re.compile(rf"^[{CN_NUM}]+、")),
    (2, re.compile(rf"^[（(][{CN_NUM}]+[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    # a section marker of a phone article (`【2023年计划执行情况】`, `【强化保障措施】`) heads a part as 一、 does; a
    # bracketed group label inside a list names no year and no task (`【经济发展】`), so it stays a label
    (1, re.compile(r"^【[^【】]{0,24}(?:\d{4}年|执行情况|目标|任务|工作|措施|安排)[^【】]{0,24}】$")),
)
# a caption number, not swallowing a year printed right after it (`专栏12024年…` is 专栏1)
_NUMBER = rf"\d{{1,3}}?(?=(?:19|20)\d\d年)|\d+|[{CN_NUM}]+"
# 表1：… / 表一 … / 专栏2 2024年… / 专栏：… / 附件1：… / 附表2 …; a bare 表 needs its number (表明, 表彰 are words)
_CAPTION = re.compile(
    rf"^(?:(表)\s*({_NUMBER})(?![\d{CN_NUM}]*[、.．])|(专栏|附表|附件)\s*((?:{_NUMBER})?))(?=$|\s|[：:]|\d{{4}}年|[^\d{CN_NUM}])"
)


def clean_line(line: str) -> str:
    """Drop word-processor artefacts that are not part of the printed text."""
    if "[bookmark:" in line:
        line = _BOOKMARK.sub("", line)
    return line.rstrip("\r\n")


def clean_lines(text: str) -> list[str]:
    """`clean_line` of every line of a text with LF line ends, in one pass over the text instead of one per line."""
    if "[bookmark:" in text:
        text = _BOOKMARK_IN_LINE.sub("", text)
    return text.split("\n")


def squash(text: str) -> str:
    """Remove all whitespace, including full-width spaces: how names and values are compared and stored.

    `str.split()` cuts at exactly the characters the regex `[\\s\\u3000]` matches (`str.isspace`, U+3000
    included) and is several times faster than `re.sub` on the short strings this is called on."""
    return "".join(text.split())


def strip_leading(pattern: re.Pattern, text: str) -> str:
    """Remove `pattern` from the start of `text` as often as it matches (scope and verb words stack up:
    `其中全区实现…`)."""
    while True:
        stripped = pattern.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


@dataclass(frozen=True)
class Heading:
    line: int
    level: int  # 0 = 第一部分  1 = 一、  2 = （一）  3 = 1.
    text: str  # the whole line, whitespace removed


@dataclass(frozen=True)
class Caption:
    line: int
    kind: str  # 表 | 专栏 | 附表 | 附件
    number: int
    text: str  # the whole caption, whitespace removed, e.g. 表1：2021年…完成情况


_CAPTION_KINDS = frozenset(("表", "专栏", "附表", "附件"))


@dataclass(frozen=True)
class LineBlock:
    """A coarse, untyped block (kept for extractors that have not moved to the typed `model` blocks yet)."""

    kind: str  # heading | caption | cells | paragraph
    start: int  # first line (1-based)
    end: int  # last line (inclusive)


Block = LineBlock


def is_cell_line(line: str) -> bool:
    """In the text layout of the genre every table cell sits on its own line, led by a tab."""
    return line.startswith("\t")


_HEADING_LEADS = frozenset("第（(【" + CN_NUM)  # the first characters of `_HEADING_PATTERNS`, besides a digit
# heading_level and parse_caption are pure functions of one line that several passes ask about the same lines
# (the block reader, the coarse line blocks, the list finder, the table reader): memoised, each line is read once.
_LINE_MEMO = 1 << 16


@lru_cache(maxsize=_LINE_MEMO)
def heading_level(line: str) -> int | None:
    found = heading_parts(line)
    return found[0] if found is not None else None


@lru_cache(maxsize=_LINE_MEMO)
def heading_parts(line: str) -> tuple[int, str] | None:
    """(level, number as printed: `一、`, `（二）`, `3.`, `第一部分`) of a heading line, None for any other line: the
    level and the number come from the same pattern match, made once."""
    if line[:1] == "\t":  # a table cell (is_cell_line)
        return None
    s = line.strip().replace("\u3000", "")
    lead = s[:1]
    if not (lead in _HEADING_LEADS or lead.isdecimal()):
        return None  # what every heading pattern opens with (`\d` is a decimal digit): most lines, no regex
    for level, pat in _HEADING_PATTERNS:
        m = pat.match(s)
        if m:
            return level, m.group(0)
    return None


@lru_cache(maxsize=_LINE_MEMO)
def parse_caption(line: str) -> tuple[str, int] | None:
    if line[:1] == "\t":  # a table cell (is_cell_line)
        return None
    s = line.strip().replace("\u3000", " ")
    if s[:1] not in "表专附":
        return None  # what `_CAPTION` opens with: most lines, no regex
    m = _CAPTION.match(s)
    if not m:
        return None
    kind, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return kind, cn_number(number)


def box_caption(line: str) -> tuple[str, int] | None:
    """A 专栏 caption printed as the first line of a table cell (a list boxed in a one-cell table)."""
    if not is_cell_line(line):
        return None
    cap = parse_caption(line.strip())
    return cap if cap and cap[0] == "专栏" else None


def cn_number(text: str) -> int:
    """`12` → 12, `十二` → 12, `三` → 3; 0 for an empty number (`专栏：…`)."""
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    digits = {c: i + 1 for i, c in enumerate(CN_NUM[:9])}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    return digits.get(text[-1], 0)


@dataclass
class Document:
    """Numbered lines of one report plus its outline."""

    lines: list[str]  # cleaned lines, page furniture (`— 5 —`, ruling lines) blank; index 0 is line 1
    meta: ReportMeta = field(default_factory=lambda: ReportMeta(None, None, None, None, None, None, None))

    @classmethod
    def from_text(cls, text: str, meta: ReportMeta | None = None) -> Document:
        from .text_blocks import text_blocks

        return cls.from_model(text_blocks(text), meta)

    @classmethod
    def from_model(cls, model: DocumentModel, meta: ReportMeta | None = None) -> Document:
        """The Document of a reader's model: its lines are the model's text, its blocks the model's (so a table
        keeps the grid the container gave, not one read back from the lines)."""
        from .text_blocks import split_lines

        lines = model.lines if model.lines is not None else split_lines(model.text)
        furniture = [b for b in model.blocks if b.kind == "furniture"]
        if furniture:  # page furniture reads as a blank line: line-based readers skip it, line numbers stay
            lines = list(lines)
            for b in furniture:
                for no in range(b.start, b.end + 1):
                    lines[no - 1] = ""
        doc = cls(lines=lines)
        doc.__dict__["model"] = model
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
        """The outline as the typed blocks read it: numbered headings (`第一部分`, `一、`, `（一）`, `1.`), Markdown
        `#` headings, decimal outline titles typed as text (`1.1  …`, a level below their part). A heading inside
        a table or a boxed 专栏 (a category line of a project list) is the box's, not the report's."""
        from .blocks.furniture import box_content  # once here, not per heading (blocks/ imports this module)

        out, lines = [], self.lines
        for b in self.model.blocks:
            if b.kind == "heading":
                line = lines[b.start - 1]
                if line[:1] != "\t" and box_content(line) is None:  # a heading in a table cell or a box is the box's
                    out.append(Heading(b.start, b.level, squash(b.text)))
        return out

    @cached_property
    def captions(self) -> list[Caption]:
        """表N/专栏N/附表N/附件N captions, from the typed blocks: also a Markdown caption (`**表1 …**`,
        `### 表1 …`) and a 专栏 printed as a one-cell box (its caption is the box's first line)."""
        out = []
        for b in self.model.blocks:
            if b.kind == "caption" and b.caption_kind in _CAPTION_KINDS:
                out.append(Caption(b.start, b.caption_kind, b.number, squash(b.text.split("\n", 1)[0])))
        return out

    @cached_property
    def _chains(self) -> tuple[list[int], list[list[Heading]]]:
        """Heading lines, and for each heading the chain of headings enclosing it (computed once)."""
        lines, chains, chain = [], [], []
        for h in self.headings:
            chain = [c for c in chain if c.level < h.level] + [h]
            lines.append(h.line)
            chains.append(chain)
        return lines, chains

    def heading_chain(self, no: int) -> list[Heading]:
        """The headings that enclose line `no`, outermost first (a heading encloses itself)."""
        lines, chains = self._chains
        k = bisect_right(lines, no) - 1
        return list(chains[k]) if k >= 0 else []

    def section(self, no: int) -> Heading | None:
        """The innermost heading enclosing line `no`."""
        chain = self.heading_chain(no)
        return chain[-1] if chain else None

    @cached_property
    def _boundaries(self) -> list[int]:
        return sorted({h.line for h in self.headings} | {c.line for c in self.captions})

    def next_boundary(self, no: int) -> int:
        """First line after `no` that is a heading or a caption (or n_lines + 1)."""
        k = bisect_right(self._boundaries, no)
        return self._boundaries[k] if k < len(self._boundaries) else self.n_lines + 1

    @cached_property
    def model(self) -> DocumentModel:
        """The typed blocks of the report (`model.py`), with line spans into these lines."""
        from .model import DocumentModel
        from .text_blocks import blocks_of_lines

        return DocumentModel(blocks_of_lines(self.lines), "\n".join(self.lines))

    @property
    def blocks(self) -> list[model.Block]:
        """Headings, paragraphs, list items, captions, notes and tables in reading order (typed, `model.py`)."""
        return self.model.blocks

    @property
    def tables(self) -> list[model.Table]:
        """Every table of the report, with its caption, notes and continuation mark."""
        return self.model.tables

    @cached_property
    def line_blocks(self) -> list[LineBlock]:
        """Headings, captions, runs of table cells (blank lines inside a run kept) and paragraphs (coarse)."""
        out: list[LineBlock] = []
        lines = self.lines
        i, n = 1, self.n_lines
        while i <= n:
            line = lines[i - 1]
            if line[:1] == "\t":  # is_cell_line, inlined: this loop visits every line
                j = i
                k = i + 1
                while k <= n:
                    nxt = lines[k - 1]
                    if nxt[:1] == "\t":
                        j = k
                    elif nxt and not nxt.isspace():  # `nxt.strip()`
                        # a non-tab line inside a run is a wrapped cell when the run goes on right after it
                        if k + 1 <= n and (lines[k][:1] == "\t" or not lines[k].strip()) \
                                and heading_level(nxt) is None and parse_caption(nxt) is None and len(nxt.strip()) <= 40:
                            j = k
                        else:
                            break
                    k += 1
                out.append(LineBlock("cells", i, j))
                i = j + 1
                continue
            if not line or line.isspace():  # a blank line (`not line.strip()`)
                i += 1
                continue
            if parse_caption(line):
                out.append(LineBlock("caption", i, i))
            elif heading_level(line) is not None:
                out.append(LineBlock("heading", i, i))
            else:
                out.append(LineBlock("paragraph", i, i))
            i += 1
        return out
