"""The report's own verdict on a reviewed figure, printed as a clause of the sentence that states it.

Why: a review without a table compares each headline figure with its target in the same sentence
(`地区生产总值完成268.5亿元，增长5.2%，低于预期目标0.8个百分点。`, `…，与预期目标持平。`, `…，完成年度目标4000人的103%。`,
`…，未完成市下达的下降3%目标。`, `…，优于省定目标（35微克/立方米）。`). The clause is the verdict (是/否) on the figure
right before it, the one the target is set for; it is no figure of its own (`0.8个百分点` is a gap, `103%` a ratio),
but a target it prints with its unit (`年度目标4000人`) is the year's target of that indicator.
"""
from __future__ import annotations

import re

from ..values import parse_value

_TARGET_WORD = r"(?:预期|目标|计划)"
# the verdict words that open the clause; a clause names the target (`预期目标`, `年度目标`, `市下达任务` with 目标)
_NO = r"低于|未完成|没有完成|尚未完成|未达到|未达|未实现|差于|落后于"
_YES = r"高于|超过|超出|超额完成|完成|达到|实现|优于|好于"
_CLAUSE = re.compile(rf"^(?:(?P<no>{_NO})|(?P<yes>{_YES}))[^，,]*?{_TARGET_WORD}|^与[^，,]*?{_TARGET_WORD}[^，,]*?持平$")
_COUNT = re.compile(r"\d+项")
_RATIO = re.compile(r"的(\d+(?:\.\d+)?)[%％]$")  # `完成年度目标的96%`: the share of the target reached
_UNIT = r"(?:[%％]|[万亿千]?(?:元|人|吨|户|家|亩|公顷|公里|千瓦时|吨标准煤)|[微毫]克/立方米|天)"
_FIGURE = rf"\d+(?:\.\d+)?{_UNIT}"
# the target printed in the clause: `年度目标4000人`, `省定目标（35微克/立方米）`, `下降3%目标`
_TARGET_FIGURE = re.compile(rf"目标(?:任务)?[（(]?(?P<after>{_FIGURE})|(?P<before>{_FIGURE})的?目标")


def verdict_of(clause: str) -> str | None:
    """是/否 when the clause compares the figure before it with its target, else None."""
    m = _CLAUSE.match(clause)
    if m is None or _COUNT.search(clause):
        return None  # (`达到预期的25项`: how many indicators did, no verdict on a figure)
    ratio = _RATIO.search(clause)
    if ratio:
        return "是" if float(ratio.group(1)) >= 100 else "否"
    return "否" if m.group("no") else "是"


def verdict_segments(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """The sentence cut after each verdict clause: (text before the clause, verdict, clause); the text after the last
    clause closes the list with no verdict. A sentence without such a clause is one segment."""
    clauses = re.split(r"([，,])", sentence)
    out: list[tuple[str, str | None, str | None]] = []
    text = ""
    for k in range(0, len(clauses), 2):
        clause = clauses[k]
        verdict = verdict_of(clause) if text else None
        if verdict is not None:
            out.append((text.rstrip("，,"), verdict, clause))
            text = ""
            continue
        text += clause + (clauses[k + 1] if k + 1 < len(clauses) else "")
    if text or not out:
        out.append((text, None, None))
    return out


def printed_target(clause: str) -> tuple[str, float | None, str] | None:
    """(value_raw, value_num, comparator) of the target a verdict clause prints, or None."""
    m = _TARGET_FIGURE.search(clause)
    if m is None:
        return None
    raw = m.group("after") or m.group("before")
    parsed = parse_value(raw)
    return raw, parsed.value_num, parsed.comparator
