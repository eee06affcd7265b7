"""Lines printed over a report's title that are not part of it: the masthead of a paper or a web page.

A session files the report among its papers (`XX市第十三届人民代表大会第六次会议文件之四`, `大会文件（8）`), an office
stamps its release (`（此件公开发布）`), a web page prints its breadcrumb (`首页 > 政务公开 > …`), its source and date
(`来源：… 发布时间：…`) and links (`打印本页 关闭窗口`). In the lead of the report, before its outline starts, such a
paragraph gets a `role` (`session_document`, `notice`, `chrome`), so a title reader skips it by looking at the
blocks instead of at the words.
"""
from __future__ import annotations

import re

from ..document import squash
from ..model import Block, Paragraph
from ..vocabulary import CHROME, NOTICE, SESSION_DOCUMENT

_DRAFT = re.compile(r"^[（(](?:草案|征求意见稿|送审稿|讨论稿)[）)]$")  # a title's own last line


def masthead_role(text: str) -> str | None:
    s = squash(text)
    if SESSION_DOCUMENT.fullmatch(s):
        return "session_document"
    if NOTICE.match(s) and not _DRAFT.match(s):
        return "notice"
    if CHROME.search(s):
        return "chrome"
    return None


def mark_masthead(blocks: list[Block]) -> None:
    """Give the masthead paragraphs of the report's lead (before its first heading or table) their role."""
    for b in blocks:
        if b.kind in ("heading", "table"):
            return
        if isinstance(b, Paragraph):
            role = masthead_role(b.text)
            if role:
                b.role = role
