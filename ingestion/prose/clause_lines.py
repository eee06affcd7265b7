"""A review's indicators written as numbered lines of running text, one indicator a line, its target, its outcome
and the verdict as clauses: `2.外贸进出口总额增速：年度目标8%，实际完成9.1%，完成；其中出口增速年度目标6%，实际完成
7.4%，超额完成。` (no table caption above them and the unit beside each figure, so `blocks/clause_items.py` leaves
them to the text).

Each line gives a target row and an actual row (the verdict on the actual); a `；其中…` part is a sub-indicator of
the line's own, its name glued to its first label. The clause labels are column words (`年度目标`, `计划`,
`实际完成`, `完成`), never names.
"""
from __future__ import annotations

import re

from ..blocks.clause_items import LABEL_WORDS, labelled_clauses
from ..tables import read_verdict, unit_in_cell

_NUMBERED = re.compile(r"^(\d{1,3})[.．、]\s*([^：:，,。；;]{1,40})[：:](.+)$")
_SUB = re.compile(r"[；;]\s*其中[：:，,]?")
_SUB_NAME = re.compile(rf"^([^：:，,。；;]{{2,30}}?)[：:]?(?={LABEL_WORDS})")
_ACTUAL_LABEL = re.compile(r"完成|实绩|执行")


def clause_line_rows(text: str) -> list[tuple[str, str, str | None, str, str, str | None, str | None]] | None:
    """(seq, name, parent, measure, value_raw, unit, achieved) of each value of one numbered clause line (see
    above); None when the line is not one."""
    m = _NUMBERED.match(text.strip().rstrip("。；;"))
    if not m:
        return None
    seq, name, rest = m.group(1), m.group(2).strip(), m.group(3)
    parts = _SUB.split(rest)
    main = labelled_clauses(parts[0])
    if main is None:
        return None
    out = _rows(seq, name, None, *main)
    for sub in parts[1:]:
        sm = _SUB_NAME.match(sub)
        found = labelled_clauses(sub[sm.end():]) if sm else None
        if found is None:
            return None
        out += _rows(seq, sm.group(1), name, *found)
    return out


def _rows(seq: str, name: str, parent: str | None, fields: list[tuple[str, str]], verdict: str):
    achieved = read_verdict(verdict) if verdict else None
    out = []
    for label, value in fields:
        measure = "actual" if _ACTUAL_LABEL.search(label) else "target"
        out.append((seq, name, parent, measure, value, unit_in_cell(value),
                    achieved if measure == "actual" else None))
    return out
