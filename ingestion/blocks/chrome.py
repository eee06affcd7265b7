"""A web page's chrome after the report: the links bar that closes the article (`【打印本页】 【关闭窗口】`,
`扫一扫在手机打开当前页`, `分享到`), then the page's related links (titles of other reports) and its footer
(`主办单位：…`, `ICP备案号：…`). None of it is the report's text; a list or table that ends the report must not
run on into it (a related report's title read as one more project).

Recognised from the end of the text backwards: the tail after the first such chrome line is chrome when every
line of it is short and neither a sentence of the report (no `。`), a table cell, a heading nor a caption: a
links bar in the middle of a report, followed by its text, is left alone. (`masthead.py` gives the chrome over
the title its role.)
"""
from __future__ import annotations

import re

from ..document import heading_level, parse_caption, squash

_CLOSING = re.compile(r"打印本页|关闭窗口|【(?:打印|关闭|返回顶部)】|扫一扫|分享到|相关链接|返回顶部|上一篇|下一篇")
TAIL_LINE_MAX = 200  # link titles and a footer, even run together by a PDF reader; a report's part is longer


def trailing_chrome(lines: list[str]) -> list[int]:
    """0-based indexes of the non-blank lines of the page chrome that ends a web copy; empty when none."""
    first = None
    for i in range(len(lines) - 1, -1, -1):
        s = squash(lines[i])
        if not s:
            continue
        if len(s) > TAIL_LINE_MAX or "。" in s or lines[i][:1] == "\t" or heading_level(s) is not None \
                or parse_caption(s) is not None:
            break  # the report's text: a sentence, a cell, a heading or a caption after the links bar
        if _CLOSING.search(s):
            first = i
    else:
        return []  # no text of a report above it: the links bar is the masthead of a page that is all lead
    if first is None:
        return []
    return [j for j in range(first, len(lines)) if lines[j].strip()]
