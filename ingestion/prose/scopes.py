"""Which parts of a report hold its headline figures, as stretches of lines (`Scope`).

Why a narrow scope: a plan report prints hundreds of numbers in prose (project counts, funds, site lists,
rankings). Analysts want the statistics the report itself presents as its results and targets, so only the review
summary, the target section and (for a report without an indicator table) the task sections are read; docs/prose.md
lists the rules by layout class. Scopes are found from the outline once per report (headings, line blocks), never by
rescanning the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import CN_NUM, Document, Heading, squash
from .phrases import _REVIEW_QUALITATIVE, _TARGET_QUALITATIVE

_REVIEW_HEADING = re.compile(r"执行情况|完成情况|情况回顾|工作回顾|主要成效")
_SUMMARY_SUBHEADING = re.compile(r"指标|总体情况|总体运行|经济运行")
# A target paragraph that has no 目标 heading of its own announces itself (`主要预期目标是：`, `主要目标为：`).
_TARGET_LEAD = re.compile(r"(?:主要|预期|发展|年度)目标(?:建议)?(?:是|为|如下)?[：:]")
_TARGET_HEADING = re.compile(r"(?:主要|预期|发展|年度|和)目标")
_NOT_TARGET_HEADING = re.compile(r"完成|执行|情况|回顾|[，,。]")  # a comma marks a task heading written as a sentence
_TASK_HEADING = re.compile(r"任务|措施|重点工作|工作安排|举措")


_ENUMERATOR = re.compile(rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、|\d{{1,2}}[.．、](?!\d))")



@dataclass(frozen=True)
class Scope:
    """A stretch of text whose figures are headline results or targets of one year."""

    title: str  # table_title of its rows
    measure: str  # actual | target
    year: int | None
    lines: tuple[int, ...]
    tasks: bool = False  # a task section: only district-wide aggregates, no qualitative targets
    lead: re.Pattern | None = None  # read a line only from the sentence this pattern sits in

    @property
    def qualitative(self) -> frozenset[str]:
        if self.tasks:
            return frozenset()
        return _TARGET_QUALITATIVE if self.measure == "target" else _REVIEW_QUALITATIVE


def _section_end(doc: Document, h: Heading) -> int:
    """First line after the section of `h` (the next heading of the same or a higher level)."""
    for other in doc.headings:
        if other.line > h.line and other.level <= h.level:
            return other.line
    return doc.n_lines + 1


def _text_lines(doc: Document, start: int, end: int, with_headings: bool = False) -> tuple[int, ...]:
    """Running-text lines in [start, end): paragraphs (and sub-heading lines, which in some layouts carry the
    whole paragraph); never table cells or captions."""
    kinds = ("paragraph", "heading") if with_headings else ("paragraph",)
    return tuple(b.start for b in doc.line_blocks if start <= b.start < end and b.kind in kinds)


# A numbered line that is running text, not a title: a short lead sentence and the paragraph after it on the same
# line (`（一）经济运行稳中有进。全县地区生产总值完成…`), or a numbered item stating a figure (`1.地区生产总值增长6%；`).
_LEAD_SENTENCE = re.compile(r"^[^。；;！？!?]{2,40}[。；;！？!?](?=.)")
_CLAUSE_MARK = re.compile(r"[，,；;。]")


def _is_text_heading(h: Heading) -> bool:
    if h.level <= 1:
        return False
    body = _ENUMERATOR.sub("", h.text)
    return bool(_LEAD_SENTENCE.match(body)) or bool(_FIGURE.search(body) and _CLAUSE_MARK.search(body))


def _lead_of(h: Heading) -> str:
    """The lead sentence of a text heading (`经济运行稳中有进`), or the whole title of a title heading."""
    body = _ENUMERATOR.sub("", h.text)
    m = _LEAD_SENTENCE.match(body)
    return m.group(0) if m else body


def _own_lines(doc: Document, h: Heading) -> tuple[int, ...]:
    """The text directly under `h`, before its first sub-heading."""
    nxt = next((o.line for o in doc.headings if o.line > h.line), doc.n_lines + 1)
    return _text_lines(doc, h.line + 1, nxt)


def _headings_by_line(doc: Document) -> dict[int, Heading]:
    return {h.line: h for h in doc.headings}


# The review's headline summary ends where the report turns to the work done (`2021年，我们重点抓了以下几个方面的
# 工作：`); an introduction that announces the indicators (`从主要指标完成情况看：`) makes the numbered lead
# sentences after it the summary.
_WORK_LEAD = re.compile(
    r"(?:抓了|做了|开展了|推进了|突出抓好了|着力抓好了|主要抓了)[^。：:]{0,16}(?:工作|方面)[：:]?$"
    r"|(?:以下|如下)[^。：:]{0,10}(?:工作|举措|措施)[：:]$"
)
_INDICATOR_LEAD = re.compile(r"(?:指标|数据|经济运行)[^。：:，,]{0,12}[：:]$")


def _summary_lines(doc: Document, top: Heading, end: int) -> tuple[int, ...]:
    """The review's headline summary under `top`: its untitled paragraphs (`——…` lines included) up to the first
    sub-heading, then numbered lead sentences that either follow an announcement of the indicators or lead with
    the economy (`（一）经济运行稳中有进。…`). A titled sub-heading, a paragraph after the lead sentences or an
    announcement of the work review ends it."""
    by_line = _headings_by_line(doc)
    out: list[int] = []
    announced, items_seen = False, False
    for b in doc.line_blocks:
        if b.start <= top.line or b.kind in ("cells", "caption"):
            continue
        if b.start >= end:
            break
        if b.kind == "heading":
            h = by_line.get(b.start)
            if h is None or not _is_text_heading(h):
                break
            items_seen = True
            if announced or _SUMMARY_SUBHEADING.search(_lead_of(h)):
                out.append(b.start)
            continue
        if items_seen:
            break
        text = squash(doc.line(b.start))
        out.append(b.start)  # a paragraph that ends by announcing the work review still opens with the summary
        if _WORK_LEAD.search(text):
            break
        announced = announced or bool(_INDICATOR_LEAD.search(text))
    return tuple(out)


def _section_text(doc: Document, h: Heading) -> tuple[int, ...]:
    """A summary sub-section's text: its paragraphs and numbered text lines up to the next titled heading."""
    by_line = _headings_by_line(doc)
    out: list[int] = []
    for b in doc.line_blocks:
        if b.start <= h.line or b.kind in ("cells", "caption"):
            continue
        if b.kind == "heading":
            o = by_line.get(b.start)
            if o is None or not _is_text_heading(o) or o.level <= h.level:
                break
        out.append(b.start)
    return tuple(out)


def _review_year(doc: Document) -> int | None:
    """The reviewed year: printed in the title, or, for a plan-only document, the year before the plan year."""
    if doc.meta.review_year is not None:
        return doc.meta.review_year
    return doc.meta.plan_year - 1 if doc.meta.plan_year else None


def _review_heading(doc: Document) -> Heading | None:
    year = _review_year(doc)
    if year is None:
        return None
    for h in doc.headings:  # a top heading: 一、… or, above those, 第一部分 …
        if h.level > 1:
            continue
        if _REVIEW_HEADING.search(h.text) or (f"{year}年" in h.text and not _TARGET_HEADING.search(h.text)
                                              and not _TASK_HEADING.search(h.text)):
            return h
    return None


def _opening_review(doc: Document, year: int) -> list[Scope]:
    """A plan-only document without a review section that sums up last year in its opening paragraphs
    (`2021年，全区实现地区生产总值…`): those paragraphs, before the first heading, are the review."""
    first = doc.headings[0].line if doc.headings else doc.n_lines + 1
    start = (doc.meta.title_line or 0) + 1
    lead = f"{year}年"
    lines = tuple(no for no in _text_lines(doc, start, first) if squash(doc.line(no)).startswith(lead))
    return [Scope(doc.meta.title or "", "actual", year, lines)] if lines else []


def _review_scopes(doc: Document) -> list[Scope]:
    """Headline summary under the review heading plus any main-indicator sub-heading inside it."""
    year = _review_year(doc)
    top = _review_heading(doc)
    if top is None:
        return _opening_review(doc, year) if year is not None and doc.meta.review_year is None else []
    end = _section_end(doc, top)
    scopes = [Scope(top.text, "actual", year, _summary_lines(doc, top, end))]
    for h in doc.headings:
        if top.line < h.line < end and h.level == top.level + 1 and not _is_text_heading(h) \
                and _SUMMARY_SUBHEADING.search(h.text):
            scopes.append(Scope(h.text, "actual", year, _section_text(doc, h)))
    return scopes


def _target_headings(doc: Document) -> list[Heading]:
    review = _review_heading(doc)
    after = _section_end(doc, review) if review else 0
    return [h for h in doc.headings
            if h.line >= after and _TARGET_HEADING.search(h.text) and not _NOT_TARGET_HEADING.search(h.text)]


_FIGURE = re.compile(r"\d[%％]|\d+(?:\.\d+)?[万亿]?[元人个家户]|增长|持平|控制在|下达")


ITEM_MAX = 60  # a target item (`1、地区生产总值增长6%左右；`) is short; a task item is a whole paragraph


def _target_item_lines(doc: Document, h: Heading) -> tuple[int, ...]:
    """Targets listed as numbered items right under a target heading (`1、地区生产总值增长6%左右；`): the
    outline reads each item as a sub-heading, so the run of short item lines stating a figure is taken as text.
    The run stops at the first other sub-heading, so the task items of a `主要目标和重点任务` part are not."""
    end = _section_end(doc, h)
    out = []
    for o in doc.headings:
        if o.line <= h.line:
            continue
        if o.line >= end or o.level <= h.level:
            break
        if len(o.text) > ITEM_MAX or not _FIGURE.search(o.text) or _TARGET_HEADING.search(o.text):
            break
        out.append(o.line)
    return tuple(out)


def _target_scopes(doc: Document) -> list[Scope]:
    return [Scope(h.text, "target", doc.meta.plan_year, tuple(sorted({*_own_lines(doc, h), *_target_item_lines(doc, h)})))
            for h in _target_headings(doc)]


def _has_indicator_table(doc: Document) -> bool:
    """A 表/附表 caption, any caption naming indicators (`专栏3：…主要指标计划`, `附件1：主要指标完成情况表`), or
    table cells."""
    return any(c.kind in ("表", "附表") or "指标" in c.text for c in doc.captions) \
        or any(b.kind == "cells" for b in doc.line_blocks)


# Sections that say how the plan will be carried out (保障措施), not what it aims at.
_SAFEGUARD_HEADING = re.compile(r"保障|确保[^，,。]*实施")


def _task_scopes(doc: Document) -> list[Scope]:
    """Task sections of a report that has no indicator table: there, prose is the only home of the year's
    quantified targets. Rows take the top-level heading as title."""
    if doc.meta.plan_year is None or _has_indicator_table(doc):
        return []
    targets = _target_headings(doc)
    review = _review_heading(doc)
    after = max(targets[0].line if targets else 0, _section_end(doc, review) if review else 0)
    return [Scope(h.text, "target", doc.meta.plan_year,
                  _text_lines(doc, h.line + 1, _section_end(doc, h), with_headings=True), tasks=True)
            for h in doc.headings if h.level == 1 and h.line > after and _TASK_HEADING.search(h.text)
            and not _SAFEGUARD_HEADING.search(h.text)]


def _announced_target_scopes(doc: Document, taken: set[int]) -> list[Scope]:
    """Plan-part paragraphs outside any 目标 section that announce the year's targets (`…主要预期目标是：地区
    生产总值增长7%以上，…`), e.g. under `（一）总体要求` or in a numbered lead sentence. Only the text from that
    sentence on is read."""
    review = _review_heading(doc)
    after = _section_end(doc, review) if review else 0
    by_line = _headings_by_line(doc)
    out = []
    for b in doc.line_blocks:
        if b.start < after or b.start in taken:
            continue
        if b.kind != "paragraph" and not (b.kind == "heading" and _is_text_heading(by_line[b.start])):
            continue
        if _TARGET_LEAD.search(squash(doc.line(b.start))):
            h = doc.section(b.start)
            if h is not None and h.line == b.start:  # a numbered lead sentence: the section it sits in
                h = doc.section(b.start - 1) if b.start > 1 else None
            out.append(Scope(h.text if h else "", "target", doc.meta.plan_year, (b.start,), lead=_TARGET_LEAD))
    return out


def prose_scopes(doc: Document) -> list[Scope]:
    scopes = _review_scopes(doc) + _target_scopes(doc) + _task_scopes(doc)
    taken = {no for sc in scopes for no in sc.lines}
    return scopes + _announced_target_scopes(doc, taken)


