"""What the project readers saw: one `PartSeen` per project list or project table, with its problems.

Why: a list in a layout the readers do not know must never vanish silently. A list that names projects in its
title or headings but yields no names, or a group whose printed count (`（一）计划新开工项目（15个）`) disagrees with
the names read under it, is recorded with a `problem` the warehouse turns into a warning naming the report and
the part. A count is not checked when the group's enumeration ends in 等 (`A、B等12个项目`): the names printed are
then examples, not the whole group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import cn_number
from ..records import PartSeen

# A count printed with a label: `（15个）`, `（共8项）`, `15个` at the end.
_PRINTED_COUNT = re.compile(r"(?:[（(]\s*(?:共|计)?([\d一二三四五六七八九十百]+)\s*[个项处][）)]|(?:共|计)?(\d+)[个项])$")
# An enumeration that stops at examples (`…等。`, `…等项目`) or a name that stands for several (`A等7个…项目`).
# The examples may be followed by what is done to them (`…等项目前期工作。`, `…等工程建设。`).
_OPEN_ENDED = re.compile(
    r"等[\d一二三四五六七八九十百]+[个项]|等(?:重点|重大|一批)?(?:项目|工程)?(?:前期工作|前期|建设|开工|竣工|投用)?[。；;.]?$")


def printed_count(label: str) -> int | None:
    """The count a group label prints (`计划新开工项目（15个）` → 15), or None."""
    m = _PRINTED_COUNT.search(label.rstrip("：:"))
    if not m:
        return None
    text = m.group(1) or m.group(2)
    n = int(text) if text.isdigit() else cn_number(text)
    return n or None


def is_open_ended(text: str) -> bool:
    return bool(_OPEN_ENDED.search(text))


@dataclass
class Group:
    """A group of a list (a stage or category label), the count it prints and the names read under it."""

    label: str
    line: int
    printed: int | None
    names: int = 0
    open_ended: bool = False
    level: int | None = None  # outline level of its number (`一、` 1, `（一）` 2, …); None unnumbered

    def problem(self) -> str | None:
        if self.printed is None or self.open_ended or self.printed == self.names:
            return None
        return f"`{self.label}` (line {self.line}) prints {self.printed} projects, {self.names} names read"


@dataclass
class GroupStack:
    """The groups of one list or table, and those open at the current line: a name counts for each open group,
    so `一、产业项目（12个）` counts the names of its `（一）新开工项目（8个）` and `（二）续建项目（4个）` too. A group
    closes the open ones at its depth or deeper; an unnumbered group closes only unnumbered ones."""

    groups: list[Group] = field(default_factory=list)
    open: list[Group] = field(default_factory=list)

    def start(self, label: str, line: int, level: int | None) -> Group:
        if level is None:
            self.open = [g for g in self.open if g.level is not None]
        else:
            self.open = [g for g in self.open if g.level is not None and g.level < level]
        group = Group(label, line, printed_count(label), level=level)
        self.groups.append(group)
        self.open.append(group)
        return group

    def count_name(self) -> None:
        for g in self.open:
            g.names += 1

    def count_names(self, n: int) -> None:
        for g in self.open:
            g.names += n

    def mark_open_ended(self) -> None:
        for g in self.open:
            g.open_ended = True


def project_part(kind: str, title: str | None, line: int, rows_seen: int, names: int,
                 groups: list[Group] = ()) -> PartSeen:
    """The part record of one list or table; its problem is the first thing a user should check."""
    problems = [p for p in (g.problem() for g in groups) if p]
    if names == 0:
        problems.insert(0, "a project list/table with no project names read")
    return PartSeen(kind=kind, title=title or None, source_line=line, rows_seen=rows_seen, facts_read=names,
                    problem="; ".join(problems) or None)
