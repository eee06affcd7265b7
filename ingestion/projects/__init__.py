"""Project lists: every project a report names in its project lists (专栏), attachment lists and project tables,
with the stage it is at.

`extract_projects(doc)` is the entry point. The readers, one layout family each:

- `lists`          boxed lists (专栏) and attachment lists: label lines, group headings, numbered items, sentences
- `project_tables` grids: `序号 | 项目名称 | 建设性质 …` and two-column `类别 | 项目名称`
- `prose`          a report with no list at all: projects named in its task prose

`names` splits and cleans names, `stages` reads stage words. See docs/projects.md for the layouts by class.
"""
from __future__ import annotations

from ..document import Document
from ..records import ProjectItem
from .lists import find_project_lists, read_list, reads_as_projects
from .names import split_names
from .project_tables import read_project_tables
from .prose import prose_projects
from .stages import group_label, normalize_stage

__all__ = ["extract_projects", "group_label", "normalize_stage", "split_names"]


def extract_projects(doc: Document) -> list[ProjectItem]:
    """Projects of every list and project table; a report without any gets its task prose mined instead."""
    out: list[ProjectItem] = []
    for plist in find_project_lists(doc):
        items = read_list(doc, plist)
        if reads_as_projects(plist, items):
            out.extend(items)
    out.extend(read_project_tables(doc))
    out.sort(key=lambda it: it.source_line)
    return out or prose_projects(doc)
