"""A project's details printed as a bullet under its name: `- A产业园` over `  - 总投资21亿元，建设…。`.

Why: a nested list may give each project a sub-bullet with its investment and works. Read as a line of the list it
is a sentence (it ends the list, or its pieces become names); it is neither: it describes the item above it.
"""
from __future__ import annotations

import re

from ..document import squash
from .names import is_bulleted

# what a description opens with: the investment or the works (`总投资21亿元，…`, `建设内容：…`, `主要建设…`)
_DESCRIPTION = re.compile(r"^(?:项目|计划|估算|预计)?(?:总投资|建设内容|主要建设|建设规模|建设地点|建设周期|计划投资)")
_BULLET_MARK = re.compile(r"^[-*+•·●○■□◆◇▪►▶➢]\s*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000\t"))


def is_detail_bullet(line: str, above: str | None) -> bool:
    """`line` is a bullet indented deeper than the bullet `above` it and describes it (opens with 总投资, 建设内容 …)."""
    if above is None or not is_bulleted(line) or not is_bulleted(above) or _indent(line) <= _indent(above):
        return False
    text = _BULLET_MARK.sub("", line.strip()).replace("**", "")
    return bool(_DESCRIPTION.match(squash(text)))
