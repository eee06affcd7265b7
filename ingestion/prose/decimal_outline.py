"""Section numbers typed as a decimal outline (`1  2023年…执行情况`, `1.1  主要经济指标完成情况`, `2.2　主要预期目标`).

Word users often type the outline numbers as text instead of using heading styles, and the document's outline
(`一、`, `（一）`, `1.`) does not know them. Without them the review summary runs into the work review and the
target section has no heading, so prose reads them itself: a short title line without clause marks after the
number, or a lead sentence with its paragraph (`1.1 经济运行稳中有进。全县…`), in a report that has at least two
`N.M` titles (a single `1.1` line is more likely a figure or an item).
"""
from __future__ import annotations

import re

from ..document import Document, Heading, heading_level

_SEPARATOR = r"[ \t\u3000\xa0]"
_INDENT = " \u3000\xa0"  # not a tab: a line led by a tab is a table cell
_DECIMAL_TITLE = re.compile(
    rf"^(?P<number>\d{{1,2}})(?P<parts>(?:[.．]\d{{1,2}}){{0,3}})(?P<dot>[、.．](?=\D|(?:19|20)\d\d年))?"
    rf"(?P<sep>{_SEPARATOR}+|(?=[\u4e00-\u9fff]|(?:19|20)\d\d年))"
    r"(?![万亿%％‰元个人家户倍])"
    r"(?:(?P<title>(?!.*\d(?:[%％‰]|[万亿]?元|[万亿]))[^，,。；;：:！？!?、]{4,40})$"
    r"|(?P<lead>[^，,。；;：:！？!?、]{2,40}[。；;！？!?]).)"  # `1.1 经济运行稳中有进。全县…`: a lead sentence
)
# how every `N.M` title starts (its number with one part or more), after its indent
_SUB_SECTION = re.compile(r"\d{1,2}[.．]\d")
# `1. 2023年…执行情况` above `1.1 …`: a number the document's outline reads as an item (level 3)
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.．、](?!\d)")


def _title(line: str) -> tuple[int, int] | None:
    """(section number, depth) of a decimal outline title line, or of a numbered lead sentence and its paragraph
    (`1.1 经济运行稳中有进。全县…`, which prose reads as text): depth 0 for `1  …`, 1 for `1.1 …`."""
    m = _DECIMAL_TITLE.match(line.strip())
    if not m:
        return None
    depth = len(re.findall(r"[.．]", m.group("parts")))
    if depth == 0 and (m.group("lead") or not (m.group("sep") or m.group("dot")) or heading_level(line) is not None):
        return None  # `12023年…` is no title; `1、…`, `1.…` are the document outline's own
    return int(m.group("number")), depth


def decimal_outline(doc: Document, headings: list[Heading]) -> tuple[dict[int, int], dict[int, int]]:
    """(line → level of each decimal outline title typed as text, line → new level of the document's own
    headings that are the outline's parts). `headings` is the document's outline as prose reads it.

    A part numbered `1  …` is level 1 and `1.1` below it 2, `1.1.1` 3. A part the document already reads as an
    item heading (`1. 2023年…执行情况`, level 3) is the top of the outline when the report has no higher
    heading; under `一、` parts it stays where it is and its decimal sub-sections sit one level below it."""
    candidates = [line for line in doc.lines if line and (line[0].isdigit() or line[0] in _INDENT)]
    if sum(1 for line in candidates if _SUB_SECTION.match(line.lstrip())) < 2:
        return {}, {}  # fewer than two `N.M` lines: no title below can count (the test at the end), no regex run
    found = {no: hit for no, line in enumerate(doc.lines, 1)
             if line and (line[0].isdigit() or (line[0] in _INDENT and line.lstrip()[:1].isdigit()))  # most lines
             and (hit := _title(line))}
    if sum(1 for _, depth in found.values() if depth) < 2:
        return {}, {}
    parents = {n for n, depth in found.values() if depth}
    top_level = any(h.level <= 1 for h in headings)
    relevel, base = {}, {}
    for h in headings:
        m = _ITEM_NUMBER.match(doc.lines[h.line - 1].strip())
        if h.level == 3 and m and int(m.group(1)) in parents:
            base[int(m.group(1))] = relevel[h.line] = h.level if top_level else 1
    levels = {no: (base[n] if depth and n in base else 1) + depth for no, (n, depth) in found.items()}
    return levels, relevel
