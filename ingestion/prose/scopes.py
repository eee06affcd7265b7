"""Which parts of a report hold its headline figures (`Scope`), found from its outline.

Why a narrow scope: a plan report prints hundreds of numbers in prose (project counts, funds, site lists,
rankings). Analysts want the statistics the report itself presents as its results and targets, so only these parts
are read (docs/prose.md lists the rules by layout class):

- review part: the headline summary of the reviewed year (the untitled text under the review heading, `——…` lines
  and list items included; numbered lead sentences that follow an announcement of the indicators; a sub-heading
  about the main indicators). The work review after it is not read. → `actual`.
- plan part: the target section (`主要预期目标`), or a paragraph elsewhere that announces the year's targets
  (`今年…主要预期目标是：…`). → `target`.
- plan part: also its task sections (`三、重点任务`), with stricter rules: they hold quantified work targets, with
  or without an indicator table, beside the sizes of designated sets and project entries, which are not read.

The outline comes from the typed blocks of `Document.blocks` (headings with levels, paragraphs, list items, tables,
notes), built once per report; no scope rescans the text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from ..document import CN_NUM, Document, Heading, squash
from ..scan import hit_search, scanner
from ..vocabulary import REVIEW_PART_WORDS
from .decimal_outline import decimal_outline
from .phrases import _REVIEW_QUALITATIVE, _TARGET_QUALITATIVE

_REVIEW_HEADING = re.compile(rf"{REVIEW_PART_WORDS}|过去一年|一年来")
_SUMMARY_SUBHEADING = re.compile(r"指标|总体情况|总体运行|经济(?:运行|发展稳|增长|稳|平稳|实力|总量)|综合实力")
# A target paragraph that has no 目标 heading of its own announces itself (`主要预期目标是：`, `主要目标为：`,
# `主要预期目标是，`).
_TARGET_LEAD = re.compile(r"(?:主要|预期|发展|年度)目标(?:任务)?(?:建议|安排|拟定|确定|设定)?(?:[：:]|(?:是|为|如下)[：:，,]?)")
_TARGET_HEADING_WORDS = r"(?:主要|预期|发展|年度|和)目标|(?:主要|预期|计划)指标(?:安排|建议)?$|指标安排"
_TARGET_HEADING = scanner(_TARGET_HEADING_WORDS)
_TARGET_WORD_SPACED = re.compile(r"目\s*标")  # what `_TARGET_LEAD` needs, in text before `squash`
_TARGET_HEADING_HINT = hit_search((_TARGET_HEADING_WORDS,))  # 目标 or 指标: most headings name neither
_NOT_TARGET_HEADING = scanner(r"完成|执行|情况|回顾|[，,。]")  # a comma marks a task heading written as a sentence
_TASK_HEADING = re.compile(r"任务|措施|重点工作|工作重点|主要工作|工作安排|举措|抓好")
# Sections that say how the plan will be carried out (保障措施), not what it aims at.
_SAFEGUARD_HEADING = re.compile(r"保障|确保[^，,。]*实施")
# A five-year period: its targets are never this year's (`“十四五”时期主要目标是：…年均增长6%`).
_FIVE_YEAR_PERIOD = re.compile(rf"十[{CN_NUM}]五|五年|20\d\d[-—～至到]20\d\d年")

_ENUMERATOR = re.compile(rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、|\d{{1,2}}[.．、](?!\d))")
# A heading's number, decimal outline numbers included (`1.1经济运行稳中有进。…`); only ever applied to headings,
# since in running text `1.5万人次` opens with a figure.
HEADING_NUMBER = re.compile(
    rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、|\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}}[、.．]?(?=\D)|\d{{1,2}}[.．、](?!\d))")

# A numbered line that is running text, not a title: a short lead sentence and the paragraph after it on the same
# line (`（一）经济运行稳中有进。全县地区生产总值完成…`), or a numbered item stating a figure (`1.地区生产总值增长6%；`).
_LEAD_SENTENCE = re.compile(r"^[^。；;！？!?]{2,40}[。；;！？!?](?=.)")
_CLAUSE_MARK = re.compile(r"[，,；;。]")
_FIGURE = re.compile(r"\d[%％]|\d+(?:\.\d+)?[万亿]?(?:美元|[元人个家户亩吨天所座项件台辆套]|公里|公顷|平方米|标箱|千瓦)|增长|持平|控制在|下达")

# The review's headline summary ends where the report turns to the work done (`2021年，我们重点抓了以下几个方面的
# 工作：`); an introduction that announces the indicators (`从主要指标完成情况看：`) makes the numbered lead
# sentences after it the summary.
_WORK_LEAD = scanner(
    r"(?:抓了|做了|开展了|推进了|突出抓好了|着力抓好了|主要抓了)[^。：:]{0,16}(?:工作|方面)[：:]?$"
    r"|(?:以下|如下)[^。：:]{0,10}(?:工作|举措|措施)[：:]$"
)
_INDICATOR_LEAD = re.compile(r"(?:指标|数据|经济运行)[^。：:，,]{0,12}[：:]$")

ITEM_MAX = 60  # a target item (`1、地区生产总值增长6%左右；`) is short; a task item is a whole paragraph
WRAP_MIN = 25  # a line broken by the page is long; a short unpunctuated line is a title or a lead
_SENTENCE_FINAL = "。；;！？!?：:"
_ITEM_START = re.compile(rf"^(?:[—–\-*+•●◆◇■□▪▶►·▲△★☆➢➤]|[（(][{CN_NUM}\d]{{1,2}}[）)]|[{CN_NUM}]+、|\d{{1,2}}[.．、](?!\d))")


@dataclass(frozen=True)
class Scope:
    """A stretch of text whose figures are headline results or targets of one year."""

    title: str  # table_title of its rows
    measure: str  # actual | target
    year: int | None
    lines: tuple[int, ...]  # first lines of the text blocks read
    tasks: bool = False  # a task section: only district-wide aggregates, no qualitative targets
    lead: re.Pattern | None = None  # read the first block only from the sentence this pattern sits in

    @property
    def qualitative(self) -> frozenset[str]:
        if self.tasks:
            return _NO_QUALITATIVE
        return _TARGET_QUALITATIVE if self.measure == "target" else _REVIEW_QUALITATIVE


_NO_QUALITATIVE: frozenset[str] = frozenset()


class _Item(NamedTuple):  # one per block of every report: a tuple is built several times faster than a dataclass
    kind: str  # heading | text (paragraph, list item) | other (table, caption, note)
    start: int
    end: int
    heading: Heading | None = None


_SENTENCE_LINE = re.compile(r"[。；;！？!?：:]$")


class Outline:
    """The report as prose reads it: headings and text blocks in order, with their line spans (built once)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.items: list[_Item] = []
        self.headings: list[Heading] = []
        known = {h.line: h for h in doc.headings}  # the line outline's headings, whitespace already removed
        own = {}
        for b in doc.blocks:
            if b.kind == "heading":
                h = known.get(b.start)
                if h is None or h.level != b.level:  # e.g. a Markdown heading (`## 一、…`)
                    h = Heading(b.start, b.level, squash(b.text))
                own[b.start] = h
        decimal, relevel = decimal_outline(doc, list(own.values()))
        items, headings = self.items, self.headings  # this loop visits every block of the report
        for b in doc.blocks:
            kind, start = b.kind, b.start
            if kind == "heading":
                h = own[start]
                if relevel and start in relevel:
                    h = Heading(h.line, relevel[start], h.text)
                headings.append(h)
                items.append(_Item("heading", h.line, b.end, h))
            elif decimal and kind != "note" and any(no in decimal for no in range(start, b.end + 1)) \
                    and self._outline_block(b, decimal):
                continue
            elif kind == "paragraph" and items and items[-1].end + 1 == start and self._continues(b):
                prev = items[-1]
                items[-1] = _Item(prev.kind, prev.start, b.end, prev.heading)
            else:
                items.append(_Item("text" if kind == "paragraph" or kind == "list_item" else "other", start, b.end))
        self._starts = [it.start for it in self.items]
        self._heading_lines = [h.line for h in self.headings]
        self.heading_lines = frozenset(self._heading_lines)
        self._ends = {it.start: it.end for it in self.items}
        self._joined: dict[int, tuple[str, list[int]]] = {}

    def _add_heading(self, h: Heading, end: int) -> None:
        self.headings.append(h)
        self.items.append(_Item("heading", h.line, end, h))

    def _outline_block(self, b, decimal: dict[int, int]) -> bool:
        """Read a block holding decimal outline titles as headings and text. A one-line paragraph, list item or
        caption is a title; a block read as a table (titles and the sentences between them, aligned by a tab stop
        after the number) is split back into titles and text lines, unless a line of it is neither."""
        lines = range(b.start, b.end + 1)
        if b.kind == "table" and not all(
                no in decimal or _SENTENCE_LINE.search(self.doc.lines[no - 1].strip()) for no in lines):
            return False
        if b.kind != "table" and b.start != b.end:
            return False
        for no in lines:
            if no in decimal:
                self._add_heading(Heading(no, decimal[no], squash(self.doc.lines[no - 1])), no)
            else:
                self.items.append(_Item("text", no, no))
        return True

    def _continues(self, b) -> bool:
        """Text copied out of a PDF keeps the page's line breaks: a long line that does not end a sentence goes on
        in the paragraph right below it (`…全年实现地区生产总值` / `186.2亿元，增长6.1%；…`), also after a numbered
        lead sentence (`（一）经济运行稳中有进。全县…增速居` / `全市前列。…`)."""
        if not self.items or self.items[-1].end + 1 != b.start:
            return False
        prev = self.items[-1]
        if prev.kind != "text" and not (prev.kind == "heading" and is_text_heading(prev.heading)):
            return False
        last = self.doc.lines[self.items[-1].end - 1].strip()
        first = self.doc.lines[b.start - 1].strip()
        return len(last) >= WRAP_MIN and last[-1] not in _SENTENCE_FINAL and not _ITEM_START.match(first)

    def text(self, no: int) -> str:
        """The printed text of the block starting on line `no` (its lines joined)."""
        end = self._ends.get(no, no)
        return "".join(self.doc.lines[no - 1: end])

    def line_of(self, no: int, phrase: str, value: str, start: int = 0) -> tuple[int, int]:
        """The line of the block starting on `no` where `value` at the end of `phrase` (whitespace removed) sits,
        searching from offset `start`; and the offset after it. A one-line block is its own line."""
        end = self._ends.get(no, no)
        if end == no:
            return no, 0
        if no not in self._joined:  # once per block: its squashed text and where each line ends in it
            parts = [squash(line) for line in self.doc.lines[no - 1: end]]
            self._joined[no] = ("".join(parts), list(accumulate(len(p) for p in parts)))
        joined, ends = self._joined[no]
        k = joined.find(phrase, start)
        if k < 0:
            return no, start
        i = bisect_right(ends, k + len(phrase) - len(value))
        return min(no + i, end), k + len(phrase)

    def after(self, line: int) -> list[_Item]:
        """The items that start after `line`, in order."""
        return self.items[bisect_right(self._starts, line):]

    def section_end(self, h: Heading) -> int:
        """First line after the section of `h` (the next heading of the same or a higher level)."""
        for other in self.headings[bisect_right(self._heading_lines, h.line):]:
            if other.level <= h.level:
                return other.line
        return self.doc.n_lines + 1

    def next_heading(self, line: int) -> int:
        k = bisect_right(self._heading_lines, line)
        return self.headings[k].line if k < len(self.headings) else self.doc.n_lines + 1

    def section(self, line: int) -> Heading | None:
        """The innermost titled heading enclosing `line`: the nearest title before it (a numbered lead sentence is
        text, and a line is not its own section)."""
        headings = self.headings
        for k in range(bisect_right(self._heading_lines, line) - 1, -1, -1):  # backwards, without copying
            h = headings[k]
            if h.line != line and not is_text_heading(h):
                return h
        return None

    def text_lines(self, start: int, end: int, with_headings: bool = False) -> tuple[int, ...]:
        """Text blocks in [start, end) (and heading lines, which in some layouts carry the whole paragraph)."""
        out = []
        for it in self.after(start - 1):
            if it.start >= end:
                break
            if it.kind == "text" or (with_headings and it.kind == "heading"):
                out.append(it.start)
        return tuple(out)

    def own_lines(self, h: Heading) -> tuple[int, ...]:
        """The text directly under `h`, before its first sub-heading."""
        return self.text_lines(h.line + 1, self.next_heading(h.line))


def is_text_heading(h: Heading) -> bool:
    """A numbered line that is running text (`_LEAD_SENTENCE`, `_FIGURE`), not a title. Asked many times per
    heading: cached on its level and text, which are all it depends on (hashing those is done in C, unlike the
    heading's own dataclass hash)."""
    return h.level > 1 and _is_text_title(h.text)


@lru_cache(maxsize=4096)
def _is_text_title(text: str) -> bool:
    body = HEADING_NUMBER.sub("", text)
    return bool(_LEAD_SENTENCE.match(body)) or bool(_FIGURE.search(body) and _CLAUSE_MARK.search(body))


def _lead_of(h: Heading) -> str:
    """The lead sentence of a text heading (`经济运行稳中有进。`), or the whole title of a title heading."""
    return _lead_of_title(h.text)


@lru_cache(maxsize=4096)
def _lead_of_title(text: str) -> str:
    body = HEADING_NUMBER.sub("", text)
    m = _LEAD_SENTENCE.match(body)
    return m.group(0) if m else body


# --------------------------------------------------------------------------------------------------------------
# Review part
# --------------------------------------------------------------------------------------------------------------


def _review_year(doc: Document) -> int | None:
    """The reviewed year: printed in the title, or, for a plan-only document, the year before the plan year."""
    if doc.meta.review_year is not None:
        return doc.meta.review_year
    return doc.meta.plan_year - 1 if doc.meta.plan_year else None


def _is_title(doc: Document, h: Heading) -> bool:
    """A line of the document's own title, which a PDF-to-Markdown copy prints as `#` headings (`# 关于…执行情况` /
    `# 与…计划草案的报告`): it names the reviewed year and 执行情况 but heads the whole report, not its review part."""
    title = doc.meta.title or ""
    return doc.meta.title_line is not None and h.line >= doc.meta.title_line and len(h.text) >= 6 \
        and h.text in title and h.line <= doc.meta.title_line + 3


def _review_heading(outline: Outline, year: int | None) -> Heading | None:
    if year is None:
        return None
    for h in outline.headings:  # a top heading: 一、… or, above those, 第一部分 …
        if h.level > 1 or _is_title(outline.doc, h):
            continue
        if _REVIEW_HEADING.search(h.text) or (f"{year}年" in h.text and not _TARGET_HEADING.search(h.text)
                                              and not _TASK_HEADING.search(h.text)):
            return h
    return None


def _summary_lines(outline: Outline, top: Heading, end: int, closing: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The review's headline summary under `top`: its untitled text (`——…` lines, list items) up to the first
    sub-heading, then a run of numbered lead sentences (`（一）经济运行稳中有进。…`). The whole run is the summary
    when the text before it announces the indicators (`从主要指标完成情况看：`) or the text after it announces the
    work review (`我们重点抓了以下几个方面的工作：`); otherwise only the lead sentences about the economy or the
    indicators are. A titled sub-heading, or text after the run, ends it."""
    out: list[int] = []
    run: list[Heading] = []
    announced = False
    for it in outline.after(top.line):
        if it.start >= end:
            break
        if it.kind == "other":
            continue
        if it.kind == "heading":
            if not is_text_heading(it.heading):
                break
            run.append(it.heading)
            continue
        text = squash(outline.text(it.start))
        if run:
            announced = announced or bool(_WORK_LEAD.search(text))
            break
        out.append(it.start)  # a paragraph that ends by announcing the work review still opens with the summary
        if _WORK_LEAD.search(text):
            break
        announced = announced or bool(_INDICATOR_LEAD.search(text))
    topical = not _headline_elsewhere(outline, top, end, [*out, *closing])
    out += [h.line for h in run if announced or (topical and _SUMMARY_SUBHEADING.search(_lead_of(h)))]
    return tuple(out)


# A headline figure: a rate or an amount of money (`增长6.1%`, `186.2亿元`, `52860元`).
_HEADLINE_FIGURE = re.compile(r"\d[%％]|\d[万亿]?元")
# the same in text with its whitespace (what `squash` removes, `str.isspace`, is what \s matches)
_HEADLINE_FIGURE_SPACED = re.compile(r"\d\s*[%％]|\d\s*(?:[万亿]\s*)?元")


def _headline_elsewhere(outline: Outline, top: Heading, end: int, untitled: list[int] | tuple[int, ...]) -> bool:
    """The review part states its headline outside its topic sections: in its untitled text (a summary paragraph
    with rates or amounts) or under a sub-heading naming the indicators (`（一）主要指标完成情况`). Its sections
    about the economy (`（一）稳住经济大盘，经济运行回升向好`) are then the first topic of the work review, not the
    summary. (An indicator table is no such summary: `（一）经济运行稳中向好` above `表1` still sums the year up.)"""
    if any(_HEADLINE_FIGURE.search(outline.text(no)) for no in untitled):
        return True
    return any(top.line < h.line < end and not is_text_heading(h) and _INDICATOR_TITLE.search(h.text)
               for h in outline.headings)


_INDICATOR_TITLE = re.compile(r"指标|数据")


# A paragraph that sums the year up, wherever the review part places it: at its end, after the work review and
# right before the indicator table (`总的看，全年经济运行稳中有进。初步核算，全区地区生产总值完成…。主要指标完成情况见
# 表1。`). It opens with the genre's summing-up words, points at the indicator table, or reports the headline
# aggregate as a completed figure right before the table or at the end of the part.
_SUMMING_UP = re.compile(r"^(?:总的看|总体看|总的来看|总体来看|综合来看|综合看|初步核算|从主要指标(?:完成情况)?看|主要指标完成情况)")
_TABLE_POINTER = re.compile(r"见(?:附)?表\d")
_AGGREGATE_DONE = re.compile(
    r"^(?:[^，,。；;]{0,6}[，,])?(?:全年|全区|全县|全市|全旗|我区|我县|本区|预计|初步核算)*(?:实现|完成)?"
    r"地区生产总值(?:（GDP）)?(?:完成|实现|达到)?\d")


def _closing_summary(outline: Outline, top: Heading, end: int) -> tuple[int, ...]:
    """Summary paragraphs of the review part after its first sub-heading (those before it are its opening
    summary): they state headline figures and open with `总的看` / `初步核算` …, point at the indicator table
    (`见表1`), or report the year's aggregates and close the part or stand right above its table. Work-review
    paragraphs under `（一）…` are none of these; a paragraph under a summary sub-heading (`（一）经济运行情况`) is
    read with that sub-heading."""
    first = outline.next_heading(top.line)
    items = [it for it in outline.after(first) if it.start < end]
    out = []
    for k, it in enumerate(items):
        if it.kind != "text":
            continue
        raw = outline.text(it.start)
        if not _HEADLINE_FIGURE_SPACED.search(raw):  # most paragraphs of the work review: nothing to squash
            continue
        text = squash(raw)
        closes = k + 1 == len(items) or items[k + 1].kind == "other"
        if (_SUMMING_UP.search(text) or _TABLE_POINTER.search(text) or (closes and _AGGREGATE_DONE.search(text))) \
                and not _under_summary_heading(outline, it.start):  # the outline walk last: most paragraphs are none
            out.append(it.start)
    return tuple(out)


def _under_summary_heading(outline: Outline, no: int) -> bool:
    """The paragraph sits under a sub-heading about the economy or the indicators (`（一）经济运行情况` /
    `初步核算，…`): that sub-heading's section is the summary, read as such."""
    h = outline.section(no)
    return h is not None and h.level > 1 and bool(_SUMMARY_SUBHEADING.search(h.text))


def _section_text(outline: Outline, h: Heading) -> tuple[int, ...]:
    """A summary sub-section's text: its text blocks up to the first sub-heading; under a heading that names the
    indicators (`（一）主要指标完成情况`) its whole section: the numbered lines after it (`1.地区生产总值…`) and
    its titled parts (`1.1 经济总量`) list the indicators there, while under `（一）经济运行稳中有进` they are
    topics of the work review."""
    items = bool(_INDICATOR_TITLE.search(h.text))
    out: list[int] = []
    for it in outline.after(h.line):
        if it.kind == "other":
            continue
        if it.kind == "heading":
            if not items or it.heading.level <= h.level:
                break
            if not is_text_heading(it.heading):
                continue
        out.append(it.start)
    return tuple(out)


def _opening_review(outline: Outline, year: int) -> list[Scope]:
    """A plan-only document without a review section that still sums up last year in prose: its paragraphs that
    open with that year (`2021年，全区实现地区生产总值…`), before the targets and tasks (in the opening text or
    under e.g. `一、发展形势`). Rows take the section's heading, or the title for the opening text."""
    doc = outline.doc
    limit = next((h.line for h in outline.headings if _is_target_heading(h) or _TASK_HEADING.search(h.text)),
                 doc.n_lines + 1)
    lead = f"{year}年"
    by_title: dict[str, list[int]] = {}
    for no in outline.text_lines((doc.meta.title_line or 0) + 1, limit):
        if squash(outline.text(no)).startswith(lead):
            h = outline.section(no)
            by_title.setdefault(h.text if h else doc.meta.title or "", []).append(no)
    return [Scope(title, "actual", year, tuple(lines)) for title, lines in by_title.items()]


def _review_scopes(outline: Outline, top: Heading | None, year: int | None) -> list[Scope]:
    """Headline summary under the review heading plus any main-indicator sub-heading inside it."""
    if top is None:
        plan_only = outline.doc.meta.doc_type == "plan" or outline.doc.meta.review_year is None
        return _opening_review(outline, year) if year is not None and plan_only else []
    end = outline.section_end(top)
    closing = _closing_summary(outline, top, end)
    summary = _summary_lines(outline, top, end, closing)
    summary += tuple(no for no in closing if no not in summary)
    scopes = [Scope(top.text, "actual", year, summary)]
    inside = [h for h in outline.headings if top.line < h.line < end]
    level = min((h.level for h in inside), default=0)  # its first sub-level: （一） or, without those, 1.
    # A sub-heading about the economy (`（一）经济运行稳中向好`) is the summary only when the part states its
    # headline nowhere else.
    untitled = [no for no in summary if no not in outline.heading_lines]
    topical = not _headline_elsewhere(outline, top, end, untitled)
    for h in inside:
        if h.level == level and not is_text_heading(h) and _SUMMARY_SUBHEADING.search(h.text) \
                and (topical or _INDICATOR_TITLE.search(h.text)):
            scopes.append(Scope(h.text, "actual", year, _section_text(outline, h)))
    return scopes


# --------------------------------------------------------------------------------------------------------------
# Plan part
# --------------------------------------------------------------------------------------------------------------


def _is_target_heading(h: Heading) -> bool:
    """`（二）主要预期目标`, or a numbered lead sentence `（二）主要预期目标。地区生产总值增长…`; never the targets of a
    five-year period."""
    if not _TARGET_HEADING_HINT.search(h.text):  # the title is part of the heading's text
        return False
    title = _lead_of(h).rstrip("。；;！？!?") if is_text_heading(h) else h.text
    return bool(_TARGET_HEADING.search(title)) and not _NOT_TARGET_HEADING.search(title) \
        and not _FIVE_YEAR_PERIOD.search(title)


def _target_item_lines(outline: Outline, h: Heading) -> tuple[int, ...]:
    """Targets listed as numbered items right under a target heading (`1、地区生产总值增长6%左右；`, or under a
    heading that names only targets, `1.经济增长。地区生产总值增长6%左右，…`): the outline reads each item as a
    sub-heading, so the run of item lines stating a figure is taken as text. The run stops at the first other
    sub-heading, so the task items of a `主要目标和重点任务` part are not."""
    end = outline.section_end(h)
    targets_only = not _TASK_HEADING.search(h.text)
    out = []
    for o in outline.headings[bisect_right(outline._heading_lines, h.line):]:
        if o.line >= end or o.level <= h.level:
            break
        led = bool(_LEAD_SENTENCE.match(HEADING_NUMBER.sub("", o.text)))  # `（一）做强工业。…`: a task, led by its title
        short = len(o.text) <= ITEM_MAX and _FIGURE.search(o.text) and not led
        if not (short or (targets_only and is_text_heading(o))) or _TARGET_HEADING.search(_lead_of(o)):
            break
        out.append(o.line)
    return tuple(out)


def _target_scopes(outline: Outline, targets: list[Heading]) -> list[Scope]:
    out = []
    for h in targets:
        lines = {*outline.own_lines(h), *_target_item_lines(outline, h)}
        if is_text_heading(h):  # the targets follow the lead sentence on the same line
            lines.add(h.line)
        parent = outline.section(h.line) if is_text_heading(h) else h
        title = parent.text if parent else h.text
        out.append(Scope(title, "target", outline.doc.meta.plan_year, tuple(sorted(lines))))
    return out


def _task_scopes(outline: Outline, after: int) -> list[Scope]:
    """Task sections of the plan part: they state the year's quantified work targets (`新增学位2000个以上`), which
    an indicator table, where there is one, does not list. Read with the stricter task rules (`Scope.tasks`).
    Rows take the top-level heading as title."""
    doc = outline.doc
    if doc.meta.plan_year is None:
        return []
    return [Scope(h.text, "target", doc.meta.plan_year,
                  outline.text_lines(h.line + 1, outline.section_end(h), with_headings=True), tasks=True)
            for h in outline.headings if h.level == 1 and h.line > after and _TASK_HEADING.search(h.text)
            and not _SAFEGUARD_HEADING.search(h.text)]


def _announced_target_scopes(outline: Outline, after: int, taken: set[int]) -> list[Scope]:
    """Plan-part text outside any 目标 section that announces the year's targets (`今年…主要预期目标是：地区
    生产总值增长7%以上，…`), e.g. under `（一）总体要求` or in a numbered lead sentence. Only the text from that
    sentence on is read, and never the targets of a five-year period (`“十四五”时期主要目标是：`)."""
    out = []
    for it in outline.after(after - 1):
        if it.start in taken or it.kind == "other" or (it.kind == "heading" and not is_text_heading(it.heading)):
            continue
        raw = outline.text(it.start)
        if not _TARGET_WORD_SPACED.search(raw):  # cheap test first: most plan text announces nothing
            continue
        text = squash(raw)
        m = _TARGET_LEAD.search(text)
        if not m:
            continue
        opening = text[max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1: m.start()]
        if _five_year_announcement(opening, outline.doc.meta.plan_year):
            continue
        lines = (it.start,)
        if not _FIGURE.search(text[m.end():]):  # `…主要预期目标是：` and the targets as the lines after it
            lines += _run_after(outline, it.start)
        h = outline.section(it.start)
        out.append(Scope(h.text if h else "", "target", outline.doc.meta.plan_year, lines, lead=_TARGET_LEAD))
    return out


def _five_year_announcement(opening: str, year: int | None) -> bool:
    """The words before `主要目标是：` name a five-year period (`“十四五”时期，全区主要目标是：`), and do not turn
    to this year after it (`按照“十四五”时期…的总体安排，2024年全区主要预期目标是：` announces this year's)."""
    periods = list(_FIVE_YEAR_PERIOD.finditer(opening))
    if not periods:
        return False
    rest = opening[periods[-1].end():]
    return not ((year is not None and f"{year}年" in rest) or any(w in rest for w in ("今年", "明年", "全年")))


def _run_after(outline: Outline, line: int) -> tuple[int, ...]:
    """The text lines right after `line` up to the next titled heading or table (a list of targets)."""
    out = []
    for it in outline.after(line):
        if it.kind == "other" or (it.kind == "heading" and not is_text_heading(it.heading)):
            break
        out.append(it.start)
    return tuple(out)


def prose_scopes(doc: Document, outline: Outline | None = None) -> list[Scope]:
    outline = outline or Outline(doc)
    year = _review_year(doc)
    review = _review_heading(outline, year)
    after = outline.section_end(review) if review else 0
    if review and doc.meta.plan_year and f"{doc.meta.plan_year}年" in review.text:
        after = review.line + 1  # `一、2023年计划执行情况和2024年计划安排`: the plan part is inside it
    targets = [h for h in outline.headings if h.line >= after and _is_target_heading(h)]
    scopes = _review_scopes(outline, review, year) + _target_scopes(outline, targets)
    scopes += _task_scopes(outline, max(after, targets[0].line if targets else 0))
    taken = {no for sc in scopes for no in sc.lines}
    return scopes + _announced_target_scopes(outline, after, taken)
