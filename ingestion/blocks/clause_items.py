"""A review table printed as numbered lines whose columns are clauses: `3.工业用电量（亿千瓦时）：年度目标45，完成47.2，
达到预期。` — the number, the name with its unit in parentheses, `：`, then one clause per column, each led by the
column's label (`年度目标`, `计划`, `完成`, `实际完成`, `预计完成`, `2023年完成`) glued to its value, and the verdict
(`完成`, `未达到预期`) as a clause of its own. Outline lines between the items (`（二）约束性指标`) are group rows.

Table or running text, by structure: such lines are a table when they stand under a table caption (`表N`, `附表N`,
`附件N`, `专栏N`; a group line may stand between the caption and the first item) or when every item prints its unit
in parentheses after the name, as a name cell does. The same clauses written under a section heading with the unit
beside the figures (`1.地区生产总值增速：年度目标6.5%，实际完成4.3%，未完成。`) are prose, and the prose reader
takes them.

The header is the one the layout stands for: 序号 | 指标名称 | the clause labels in the order printed | 是否完成.
"""
from __future__ import annotations

import re

from ..model import Cell
from ..tables import is_unit
from ..vocabulary import VERDICT_WORD
from .fields import items_and_groups
from .lines import is_caption, plain

CLAUSES = "clauses"
MIN_ITEMS = 3  # fewer numbered lines are a list in the text, not a table
NAME_MAX = 40
VALUE_MAX = 20
GROUP_MAX = 16
VERDICT_HEADER = "是否完成"

_ITEM = re.compile(rf"^(\d{{1,3}})[.．、]\s*([^：:，,。；;]{{1,{NAME_MAX}}})[：:](.+)$")
# a column label glued to its value: the genre's target / actual column words
LABEL_WORDS = r"(?:\d{4}年)?(?:年度|全年|计划|预期|实际|预计|上年)?(?:目标值?|完成值?|完成数|执行数|计划|实绩)"
_LABEL = re.compile(rf"^({LABEL_WORDS})(.+)$")
_CLAUSE_SEP = re.compile(r"[，,]")
_NAME_UNIT = re.compile(r"[（(]([^（）()]{1,12})[）)]$")
_GROUP = re.compile(rf"^(?:[（(][一二三四五六七八九十]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}[、.．])\s*"
                    rf"([^，,。；;：:]{{1,{GROUP_MAX}}})$")


def could_start(line: str) -> bool:
    """A cheap first look: a numbered line with a colon and a comma, or an outline group line."""
    s = line.strip()
    if not s:
        return False
    if s[0].isdigit():
        return ("：" in s or ":" in s) and ("，" in s or "," in s)
    return s[0] in "（(一二三四五六七八九十" and len(s) <= GROUP_MAX + 6


def item(line: str) -> tuple[str, str, list[tuple[str, str]], str] | None:
    """(序号, name as printed, [(label, value)], verdict) of an item line; None when the line is not one."""
    m = _ITEM.match(plain(line).rstrip("。；;"))
    if not m:
        return None
    seq, name, rest = m.group(1), m.group(2).strip(), m.group(3)
    found = labelled_clauses(rest)
    return (seq, name, *found) if found is not None else None


def labelled_clauses(text: str) -> tuple[list[tuple[str, str]], str] | None:
    """([(label, value)], verdict) of `年度目标X，完成Y，达到预期`: every clause a column label glued to its value,
    the last one may be the verdict; None when a clause is neither (a sentence of the text)."""
    fields: list[tuple[str, str]] = []
    verdict = ""
    for clause in _CLAUSE_SEP.split(text):
        clause = clause.strip()
        lm = _LABEL.match(clause)
        if verdict or not clause:
            return None  # the verdict closes the line
        if VERDICT_WORD.match(clause) and fields:
            verdict = clause
        elif lm and len(lm.group(2)) <= VALUE_MAX and lm.group(1) not in dict(fields):
            fields.append((lm.group(1), lm.group(2).strip()))
        else:
            return None
    if len(fields) < 2 and not (fields and verdict):
        return None
    return fields, verdict


def group(line: str) -> str | None:
    s = plain(line)
    return s if _GROUP.match(s) else None


def read_clause_table(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, int] | None:
    """The clause-item table starting at 0-based `start`: (layout, rows with the header first, index of its last
    line, header rows); None when none starts there."""
    first = item(lines[start])
    if first is None and (group(lines[start]) is None or not _under_caption(lines, start)):
        return None
    found = items_and_groups(lines, start, item, group)
    items = [it for _, _, it in found if it is not None]
    if len(items) < MIN_ITEMS:
        return None
    united = all(_unit_of(it[1]) for it in items)
    if not united and not _under_caption(lines, found[0][0]):
        return None  # running text: the prose reader's
    labels: list[str] = []
    for it in items:
        for label, _ in it[2]:
            if label not in labels:
                labels.append(label)
    has_verdict = any(it[3] for it in items)
    head = ["序号", "指标名称", *labels] + ([VERDICT_HEADER] if has_verdict else [])
    top = found[0][0] + 1
    rows = [[Cell(text, line=top) for text in head]]
    for j, g, it in found:
        if it is None:
            rows.append([Cell(g or "", line=j + 1)])
            continue
        values = dict(it[2])
        cells = [it[0], it[1], *(values.get(label, "") for label in labels)] + ([it[3]] if has_verdict else [])
        rows.append([Cell(text, line=j + 1) for text in cells])
    return CLAUSES, rows, found[-1][0], 1


def _unit_of(name: str) -> str | None:
    m = _NAME_UNIT.search(name)
    return m.group(1) if m and is_unit(m.group(1)) else None


def _under_caption(lines: list[str], j: int) -> bool:
    """A table caption is the line above `j` (blank lines aside), or above the group line above it."""
    k = j - 1
    for _ in range(2):
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k < 0:
            return False
        if is_caption(lines[k]):
            return True
        if group(lines[k]) is None:
            return False
        k -= 1
    return False
