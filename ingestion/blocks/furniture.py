"""Page furniture in a text: what a printed page carries around the report, not the report's own words.

A text copied out of a PDF (or saved by a PDF-to-Markdown converter) keeps each page's footer and header in the
flow: a page number (`— 5 —`, `- 3 -`, `第 3 页 共 18 页`) and, next to it, a running header such as the issuing
office or the session-document label (`XX区第五届人民代表大会第四次会议文件（8）`). A table typed as text is
ruled with lines of `─` or `-`, and a 专栏 may be framed with box-drawing characters (`┌──┐`, `│…`, `└──┘`).
None of these is content: an extractor that read them would take `—5—` for a project or glue it to a cell.

They become `Furniture` blocks (so line numbers stay those of the stored text) and `Document.lines` shows them
as blank lines, so every line-based reader skips them without knowing about them.
"""
from __future__ import annotations

import re

from ..document import heading_level, parse_caption, squash
from .chrome import trailing_chrome

# `— 2 —`, `- 3 -`, `·4·`, `第4页`, `第 3 页 共 18 页`, `共18页 第3页`, `3/18`; a bare or signed figure (`12`, `-12`)
# is not one: it may be a table cell
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－·]+\s*\d{1,4}\s*[-—–－·]+|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[，,]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4})\s*$")
# a line drawn with dashes or box-drawing characters only (a table's ruling, a box's top or bottom edge)
_RULE = re.compile(r"^[\s\u2500-\u257f\-—–=＝_－~～·+]*$")  # `+` joins the rules of an ASCII grid (`+----+----+`)
_RULE_CHARS = re.compile(r"[\u2500-\u257f\-—–=＝_－~～]")
# the vertical edge of a box drawn around a 专栏 (`│（一）产业发展类`, `┃ … ┃`)
BOX_EDGE = re.compile(r"^[ \u3000]*[│┃║|](?=\S|[ \u3000])|[│┃║][ \u3000]*$")
_BOX_EDGE_CHARS = "│┃║"
# a running header names the issuing office or the session document it belongs to
_RUNNING_HEADER = re.compile(r"(?:局|委|委员会|政府|办公室|办|会议文件(?:之[一二三四五六七八九十]+)?[（(]?\d*[）)]?|文件)$")
_LEADS = frozenset("-—–－·=＝_~～+第共0123456789")  # what a page number or a ruling line starts with
RUNNING_MAX = 40  # a running header is one short line
REPEATS = 3  # an office or session-document line printed this often is a running header even without page numbers
_LABEL_ENDS = frozenset("局委府室办件）)")
NEAR = 2  # non-blank lines between a page number and the running header printed beside it


def is_page_number(line: str) -> bool:
    return bool(PAGE_NUMBER.match(line))


def is_rule(line: str) -> bool:
    """A line drawn only with dashes or box-drawing characters (three or more)."""
    s = line.strip()
    return len(s) >= 3 and bool(_RULE.match(s)) and len(_RULE_CHARS.findall(s)) >= 3 and "|" not in s


def box_content(line: str) -> str | None:
    """The text inside a box's vertical edges (`│（一）产业发展类` → `（一）产业发展类`); None if the line has no edge."""
    s = line.strip()
    if not s or (s[0] not in _BOX_EDGE_CHARS and s[-1] not in _BOX_EDGE_CHARS):
        return None
    if s[0] in _BOX_EDGE_CHARS:
        s = s[1:]
    if s and s[-1] in _BOX_EDGE_CHARS:
        s = s[:-1]
    return s


def _header_like(line: str) -> bool:
    s = squash(line)
    return (0 < len(s) and s[0] not in "#|" and len(s) <= RUNNING_MAX and not re.search(r"[，,。；;：:！？]", s) and heading_level(s) is None
            and parse_caption(s) is None)


def furniture_lines(lines: list[str]) -> dict[int, str]:
    """0-based index → role (`page_number`, `running_header`, `rule`, `chrome`) of every furniture line of a text
    (`chrome`: a web page's links and footer after the report, `chrome.py`).

    A running header is a short line next to a page number (the nearest non-blank line) that either repeats
    beside another page number or names an office or session document, or an office / session-document line
    printed three or more times: a line printed on every page.
    """
    found: dict[int, str] = {}
    pages = []
    labels: dict[str, list[int]] = {}  # office / session-document lines, wherever they stand
    for i, line in enumerate(lines):
        lead = line[:1]
        if lead == "\t" or not lead:
            continue  # a cell (tab-led, most lines of a report's tables) or an empty line: never furniture
        if lead == " " or lead == "\u3000":
            lead = line.lstrip(" \u3000")[:1]
            if not lead or lead == "\t":
                continue  # a blank line
        end = line.rstrip()
        if end[-1:] in _LABEL_ENDS and _RUNNING_HEADER.search(end) and _header_like(line):
            labels.setdefault(squash(line), []).append(i)
        if lead not in _LEADS and not "\u2500" <= lead <= "\u257f":
            continue  # most lines: text
        if is_page_number(line):
            found[i] = "page_number"
            pages.append(i)
        elif is_rule(line):
            found[i] = "rule"
    for where in labels.values():
        if len(where) >= REPEATS:  # printed on every page, with or without a page number beside it
            found.update((j, "running_header") for j in where)
    found.update((j, "chrome") for j in trailing_chrome(lines) if j not in found)
    if not pages:
        return found
    beside: dict[str, list[int]] = {}
    for p in pages:
        for step in (-1, 1):
            j, seen = p + step, 0
            while 0 <= j < len(lines) and seen < NEAR:
                if lines[j].strip():
                    seen += 1
                    if j in found or not _header_like(lines[j]):
                        break
                    beside.setdefault(squash(lines[j]), []).append(j)
                    break
                j += step
    for text, where in beside.items():
        if len(set(where)) >= 2 or _RUNNING_HEADER.search(text):
            for j in where:
                found[j] = "running_header"
    return found
