"""Project lists: every project a report names in its project lists (专栏), attachment lists and project tables,
with the stage it is at.

`extract_projects(doc)` is the entry point. The readers, one layout family each:

- `lists`          one list found by `finding` (box, attachment, unboxed): labels, groups, numbered items, sentences
- `project_tables` grids: `序号 | 项目名称 | 建设性质 …` and two-column `类别 | 项目名称`
- `prose`          a report with no list at all: projects named in its task prose

`finding` says where lists are, `names` splits and cleans names, `stages` reads stage words, `parts` and `unread`
record what was seen (and what named projects but gave none), `view` drops Markdown marks. See docs/projects.md
for the layouts by class.
"""
from __future__ import annotations

import re
from operator import attrgetter

from ..document import Document, squash
from ..records import PartSeen, ProjectItem
from .finding import find_project_lists
from .lists import read_list, reads_as_projects
from .names import split_names
from .parts import project_part
from .project_tables import read_project_tables
from .prose import prose_projects
from .stages import group_label, normalize_stage
from .unread import missing_referenced_list, unread_captions, unread_grids
from .view import plain_view

__all__ = ["extract_projects", "group_label", "normalize_stage", "read_projects", "split_names"]


def read_projects(doc: Document) -> tuple[list[ProjectItem], list[PartSeen]]:
    """Projects of every list and project table, and one `PartSeen` per list or table recognised; a report
    without any list or project table gets its task prose mined instead (no part: prose is not a list)."""
    items: list[ProjectItem] = []
    parts: list[PartSeen] = []
    tables = read_project_tables(doc)
    # a box whose body is a grid (rows of two or more columns) is a table, project or indicator, not a list
    grids = [t for t in doc.tables if t.n_cols >= 2 and len(t.rows) >= 2 and not _labelled_rows(t)]
    grid_captions = {t.caption.start for t in grids if t.caption is not None}
    view = plain_view(doc)
    for plist in find_project_lists(view):
        if plist.caption_line in grid_captions or _opens_on_grid(view, plist, grids):
            continue
        read = read_list(view, plist)
        if reads_as_projects(plist, read.items):
            items.extend(read.items)
            parts.append(project_part("project_list", plist.title, plist.caption_line, read.lines_seen,
                                      len(read.items), read.groups))
    for t in tables:
        items.extend(t.items)
        parts.append(project_part("project_table", t.title, t.line, t.rows_seen, len(t.items), t.stack.groups))
    parts.extend(unread_grids(doc, {start for t in tables for start in (t.table_start, *t.part_starts)}))
    parts.extend(unread_captions(view, {p.source_line for p in parts}))
    # a report that prints project lists or tables never has its prose mined, even when a list could not be
    # read (that list is a warning): the names a list prints are the projects, a sentence's are not
    has_lists = bool(parts)
    if not parts:
        parts.extend(missing_referenced_list(view))
    items.sort(key=_BY_LINE)
    parts.sort(key=_BY_LINE)
    return (items if has_lists else prose_projects(view)), parts


_BY_LINE = attrgetter("source_line")


_ROW_LABEL = re.compile(r"^[^：:]{1,20}[：:].")


def _labelled_rows(table) -> bool:
    """Rows that open with a list label (`新开工项目：A　B`): a list whose names a copy spaced apart, which a text
    reader may take for a grid; it stays a list."""
    # (squashing takes only whitespace away: the colon is looked for in the printed text, and only a cell holding one
    # is squashed, `Cell.flat` being no cached value)
    return any(row and ("：" in row[0].text or ":" in row[0].text) and _ROW_LABEL.match(row[0].flat)
               for row in table.rows)


_UNIT_OR_NOTE = re.compile(r"^(?:计量)?单位[：:]|^(?:注|备注|说明)[：:]")


def _opens_on_grid(doc: Document, plist, grids) -> bool:
    """The list's first line of text (past a `单位：亿元` line and stage headings: `（一）新开工项目（5项）` over a
    grid per stage) is a cell of a grid: the "list" is a table."""
    for no in range(plist.start, plist.end + 1):
        text = squash(doc.line(no))
        if text and not _UNIT_OR_NOTE.match(text) and not _is_stage_heading(text):
            return any(t.start <= no <= t.end for t in grids)
    return False


def _is_stage_heading(text: str) -> bool:
    label = group_label(text)
    return label is not None and label[0] is None and label[1] is not None


def extract_projects(doc: Document) -> list[ProjectItem]:
    """Projects of every list and project table; a report without any gets its task prose mined instead."""
    return read_projects(doc)[0]


def project_parts(doc: Document) -> list[PartSeen]:
    """The project lists and tables recognised in a report, with what was read from each."""
    return read_projects(doc)[1]
