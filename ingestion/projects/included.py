"""Projects a plan names in its prose as the examples of a counted stage: `新开工项目24个，主要包括A、B、C等`.

Why: a report without a 专栏 often sizes each stage of the year's project list in one sentence and names a few of
each (`其中，新开工项目24个，主要包括A、B等；续建项目30个，主要有C、D等；计划竣工项目14个，包括E、F等。`). No verb
governs the names (`包括` only introduces them), so the verb-led reading of `prose.py` finds none; the stage is the
counted phrase before them. A clause sizing the same projects may stand between (`新开工项目24个，总投资86亿元，主要包括
…`), and a stage label may introduce its names with a colon (`续建项目30个：C、D等`). Only the printed names count: the
count (24个) says how many the list holds, not which.
"""
from __future__ import annotations

import re

from .stages import _STAGE_LABEL

# `新开工项目24个`, `其中续建项目30个`, `计划竣工项目（14个）`: a stage label and its count, nothing else
_COUNTED_STAGE = re.compile(rf"^(?:其中)?({_STAGE_LABEL}|{_STAGE_LABEL}?[^，,。；;、：:]{{0,10}}?(?:项目|工程))$")
# (the second form: a size or kind between the stage and 项目, `新开工亿元以上项目`, `续建产业项目`)
_STAGE_WORD = re.compile(r"新开工|开工|续建|在建|竣工|完工|建成|投用|投产|前期|加快建设|推进建设")  # at the start
_COUNT_AT_END = re.compile(r"(?:[（(]\s*(?:共|计)?[\d一二三四五六七八九十百]+\s*个[）)]|(?:共|计)?[\d一二三四五六七八九十百]+个)$")
# `主要包括A、B等`, `重点有C、D`, `包含E等项目`: the names the counted stage is illustrated with
_INCLUDES = re.compile(r"^(?:主要|重点|具体)?(?:包括|包含|涵盖|有)(?P<names>.+?)(?:等(?:重点|重大)?(?:项目|工程)?)?$")


# `总投资86亿元`, `年度计划投资20亿元`: a clause between the count and its names that sizes the same projects
_SIZE = re.compile(r"^(?:总投资|年度计划投资|年度投资|计划投资|计划完成投资|完成投资)(?:约|达|超过)?[\d.]+(?:万|亿)元$")


def sizes_them(clause: str) -> bool:
    """The clause only states the investment of the counted projects (`总投资86亿元`): the names may follow it."""
    return bool(_SIZE.match(clause))


def labelled(clause: str) -> tuple[str, str] | None:
    """(stage label, names) of `新开工项目24个：A、B等` or `续建项目：C、D`, a counted or bare stage label before a
    colon; None for any other clause."""
    label, sep, rest = clause.partition("：")
    if not sep:
        label, sep, rest = clause.partition(":")
    if not sep or not rest:
        return None
    stage = counted_stage(label) or _stage_label(label)
    if stage is None:
        return None
    return stage, _INCLUDES_TAIL.sub("", rest)


_INCLUDES_TAIL = re.compile(r"等(?:重点|重大)?(?:项目|工程)?$")


def counted_stage(clause: str) -> str | None:
    """The stage label of a clause that only counts a stage's projects (`新开工项目24个` → `新开工项目`)."""
    if not clause.endswith(("个", "）", ")")) or not _COUNT_AT_END.search(clause):
        return None
    return _stage_label(_COUNT_AT_END.sub("", clause))


def _stage_label(text: str) -> str | None:
    m = _COUNTED_STAGE.match(text)
    return m.group(1) if m and _STAGE_WORD.match(_LEAD_WORDS.sub("", m.group(1))) else None


_LEAD_WORDS = re.compile(r"^(?:其中|计划|拟|年内|力争|确保|争取|预计|全面)+")


def included_names(clause: str) -> str | None:
    """The enumeration a clause introduces with 包括/有 (`主要包括A、B等` → `A、B`); None for any other clause."""
    m = _INCLUDES.match(clause)
    return m.group("names") if m and m.group("names") else None
