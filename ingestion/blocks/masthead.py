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

_SESSION_DOCUMENT = re.compile(
    r"^[\u4e00-\u9fa5]{0,30}(?:人民代表大会|人大|大会)[\u4e00-\u9fa5]{0,12}?(?:文件|材料|资料)"
    r"(?:之[一二三四五六七八九十\d]+|[（(〔]?[\d一二三四五六七八九十]+[）)〕]?)?$")
_NOTICE = re.compile(r"^[（(【\[〔][^（）()【】\[\]〔〕]{1,30}[）)】\]〕]$")
_CHROME = re.compile(
    r"[>＞»›]|^(?:来源|信息来源|发布时间|发布日期|发文日期|浏览次数|点击数|当前位置|您的位置|您当前的位置|分享到|字号|字体)[：:]?"
    r"|打印本页|关闭窗口|【(?:字体|字号)|扫一扫")
_DRAFT = re.compile(r"^[（(](?:草案|征求意见稿|送审稿|讨论稿)[）)]$")  # a title's own last line


def masthead_role(text: str) -> str | None:
    s = squash(text)
    if _SESSION_DOCUMENT.match(s):
        return "session_document"
    if _NOTICE.match(s) and not _DRAFT.match(s):
        return "notice"
    if _CHROME.search(s):
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
