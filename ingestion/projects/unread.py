"""Parts of a report that name projects but gave no names: reported as warnings, never lost silently.

Why: a list in a layout no reader knows yields nothing, and nothing is the one result a user cannot tell from a
report without projects. Each such part becomes a `PartSeen` with a `problem`.
"""
from __future__ import annotations

import re

from ..document import Document, squash
from ..records import PartSeen
from .finding import caption_title, names_project_list
from .project_tables import unread_project_grids


def unread_grids(doc: Document, read_starts: set[int]) -> list[PartSeen]:
    """A table with a 项目名称 column that the project table reader could not read."""
    return [PartSeen(kind="project_table", title=title or None, source_line=line, rows_seen=0, facts_read=0,
                     problem="a table with a project name column that the project reader could not read")
            for title, line in unread_project_grids(doc, read_starts)]


def unread_captions(doc: Document, read_lines: set[int]) -> list[PartSeen]:
    """A caption titled as a project list (`专栏3：2022年重点项目`, `附件` + `重点项目安排`) that no reader could read:
    a layout the readers do not know, reported rather than lost."""
    out = []
    for cap in doc.captions:
        title, line = caption_title(doc, cap)
        if line in read_lines or cap.line in read_lines or not names_project_list(title):
            continue
        out.append(PartSeen(kind="project_list", title=title, source_line=line, rows_seen=0, facts_read=0,
                            problem="a caption that names a project list, but no project names could be read under it"))
    return out


# `全年安排县级重点项目43个（详见附件）`: the text points to a project list printed elsewhere.
_LIST_REFERENCE = re.compile(r"项目[^。；]{0,30}?[（(]?(?:详见|见)(附件|附表|专栏)\s*([\d一二三四五六七八九十]*)")


def missing_referenced_list(doc: Document) -> list[PartSeen]:
    """A report whose text refers to a project list (`…重点项目43个（详见附件）`) that no reader found: the list is
    missing (a truncated copy) or in a layout the readers do not know."""
    for no, line in enumerate(doc.lines, start=1):
        if "见" in line and "项目" in line:
            m = _LIST_REFERENCE.search(squash(line))
            if m:
                ref = m.group(1) + m.group(2)
                return [PartSeen(kind="project_list", title=ref, source_line=no, rows_seen=0, facts_read=0,
                                 problem=f"the text refers to a project list ({ref}) but no project list was found")]
    return []
