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

# a fiscal figure's target is its budget (`完成年度预算的101.3%`, `超额完成预算`); `预算` naming a figure
# (`完成一般公共预算收入15.2亿元`) is followed by what it budgets, not by `的`, `数` or the clause's end
TARGET_WORDS = ("预期", "目标", "计划", "预算")  # what a clause judging a figure names (`prose._VERDICT_HINT` too)
_TARGET_WORD = r"(?:预期|目标|计划|预算(?=的|数|$))"
# the verdict words that open the clause; a clause names the target (`预期目标`, `年度目标`, `市下达任务` with 目标)
_NO = r"低于|未完成|没有完成|尚未完成|未达到|未达|未实现|差于|落后于"
_YES = r"高于|超过|超出|超额完成|完成|达到|实现|优于|好于"
_CLAUSE = re.compile(rf"^(?:(?P<no>{_NO})|(?P<yes>{_YES}))[^，,]*?{_TARGET_WORD}|^与[^，,]*?{_TARGET_WORD}[^，,]*?持平$"
                     # the share of the target reached, led by 为 (`为年度计划的102%`, `为预算的98.5%`): judged by the share
                     rf"|^为[^，,]*?{_TARGET_WORD}[^，,]*?的\d+(?:\.\d+)?[%％][。；;]?$")
_COUNT = re.compile(r"\d+项")
_RATIO = re.compile(r"的(\d+(?:\.\d+)?)[%％][。；;]?$")  # `完成年度目标的96%`: the share of the target reached
_UNIT = r"(?:[%％]|[万亿千]?(?:元|人|吨|户|家|亩|公顷|公里|千瓦时|吨标准煤)|[微毫]克/立方米|天)"
_FIGURE = rf"\d+(?:\.\d+)?{_UNIT}"
_COMPOUND_UNIT = re.compile(r"[微毫]克/立方米")
# the target printed in the clause: `年度目标4000人`, `省定目标（35微克/立方米）`, `下降3%目标`
# (a bracket may print the target as a growth, `完成年度目标（增长6.5%）`, and a limit may carry its qualifier,
# `优于市下达的30微克/立方米以下目标`)
_TARGET_FIGURE = re.compile(rf"目标(?:任务)?[（(]?(?P<after>(?:(?<=[（(])(?:增长|下降))?{_FIGURE}(?:以上|以下|以内|左右)?)"
                            rf"|(?P<before>{_FIGURE}(?:以上|以下|以内)?)的?目标")


def verdict_of(clause: str) -> str | None:
    """是/否 when the clause compares the figure before it with its target, else None."""
    m = _CLAUSE.match(clause)
    if m is None or _COUNT.search(clause):
        return None  # (`达到预期的25项`: how many indicators did, no verdict on a figure)
    ratio = _RATIO.search(clause)
    if ratio:
        return "是" if float(ratio.group(1)) >= 100 else "否"
    return "否" if m.group("no") else "是"


# A clause that only states the year's target of the figure before it, the verdict (if any) in the clause after:
# `年度目标为增长9%`, `年初预期增长8%`, `年度计划为增长7.5%`, `年度目标4000人`, `年度控制目标为5.5%以内`; or compares the
# figure with its target, the target in brackets (`比年度预期目标（增长6%）低0.7个百分点`: the gap is no figure).
_VALUE = rf"(?:增长|下降|提高|降低)?[-−]?{_FIGURE}(?:以上|以下|以内|左右)?"
_TARGET_ONLY = re.compile(rf"^(?:年度|年初|全年|本年|今年)?(?:(?:预期|计划|控制)目标|目标|预期|计划)(?:任务)?(?:为|是)?"
                          rf"(?P<value>{_VALUE})$")
_COMPARED = re.compile(rf"^(?:比|较)[^，,（(]{{0,12}}?{_TARGET_WORD}(?:[（(](?P<value>{_VALUE})[）)])?"
                       r"(?:低|高|快|慢|多|少)\d+(?:\.\d+)?个百分点$")
# the verdict alone, right after such a clause: `超额完成`, `未完成`, `未达到预期`, `实现预期目标`, `达到控制目标`
_BARE_VERDICT = re.compile(r"^(?:(?P<no>未完成|没有完成|尚未完成|未达到|未达|未实现)|(?P<yes>超额完成|完成|达到|实现))"
                           r"(?:年度|预期|控制|计划|目标|任务)*$")


def target_clause(clause: str) -> bool:
    """The clause states or compares with the target of the figure before it (`_TARGET_ONLY`, `_COMPARED`)."""
    return bool(_TARGET_ONLY.match(clause) or _COMPARED.match(clause))


def _bare_verdict(clause: str) -> str | None:
    m = _BARE_VERDICT.match(clause)
    return None if m is None else ("否" if m.group("no") else "是")


def verdict_segments(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """The sentence cut after each verdict clause: (text before the clause, verdict, clause); the text after the last
    clause closes the list with no verdict. A sentence without such a clause is one segment.

    A target clause (`年度目标为增长9%`, `比年度预期目标（增长6%）低0.7个百分点`) closes a segment too, with the
    verdict of the clause right after it (`超额完成`, `未完成预期目标`), or none; its clause is the target clause."""
    clauses = re.split(r"([，,])", sentence)
    out: list[tuple[str, str | None, str | None]] = []
    text = ""
    pending: str | None = None  # a target clause, waiting for the verdict after it
    for k in range(0, len(clauses), 2):
        clause = clauses[k]
        if pending is not None:
            verdict = verdict_of(clause) or _bare_verdict(clause)
            out.append((text.rstrip("，,"), verdict, pending))
            text, pending = "", None
            if verdict is not None:
                continue
        if text and target_clause(clause):
            pending = clause
            continue
        if not text and out and out[-1][1] is not None and _bare_verdict(clause):
            continue  # `低于预期目标（增长7%），未达到预期`: the verdict said again
        verdict = verdict_of(clause) if text else None
        if verdict is not None:
            out.append((text.rstrip("，,"), verdict, clause))
            text = ""
            continue
        text += clause + (clauses[k + 1] if k + 1 < len(clauses) else "")
    if pending is not None:
        out.append((text.rstrip("，,"), None, pending))
        text = ""
    if text or not out:
        out.append((text, None, None))
    return out


def printed_target(clause: str) -> tuple[str, float | None, str] | None:
    """(value_raw, value_num, comparator) of the target a verdict clause prints, or None."""
    stated = _TARGET_ONLY.match(clause) or _COMPARED.match(clause)
    if stated is not None:
        raw = stated.group("value")
        if raw is None:
            return None  # `比预期目标低0.7个百分点`: the gap, without the target
    else:
        m = _TARGET_FIGURE.search(clause)
        if m is None:
            return None
        raw = m.group("after") or m.group("before")
    parsed = parse_value(_COMPOUND_UNIT.sub("", raw))  # (the qualifier after `微克/立方米` is read without the unit)
    return raw, parsed.value_num, parsed.comparator
