"""What one line of a report is: heading, caption, note, list item or paragraph.

Text is read without its decoration: indentation (ASCII or full-width spaces), Markdown heading marks (`## 一、…`)
and emphasis around a whole line (`**表1 …**`), so a Markdown copy or a web copy gives the same blocks as the
plain text.
"""
from __future__ import annotations

import re

from ..document import (
    _HEADING_LEADS,
    _HEADING_PATTERNS,
    CN_NUM,
    heading_level,
    heading_parts,
    is_cell_line,
    parse_caption,
    squash,
)
from ..model import Block, Caption, Heading, ListItem, Note, Paragraph

MARKS = "*＊▲△★☆※◆"  # the marks a table puts on its binding indicators (a note explains them)
MARK_NOTE = re.compile(rf"[{MARKS}]")
_NOTE_START = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]")
UNIT_LABEL = re.compile(r"^(?:计量)?单位[：:]")
_EXTRA_CAPTION = re.compile(r"^(?:附表|[（(]?续(?:上)?表)\s*\d*")  # captions parse_caption does not list
_CONTINUED = re.compile(r"^(?:[（(]?续(?:上)?表[）)]?|.*[（(]续(?:表)?[）)]$)")
BARE_CAPTION = re.compile(rf"(?:附件|附表|表|专栏)[\d{CN_NUM}]*[：:]?")
_TITLE_WORDS = re.compile(r"指标|目标|完成情况|执行情况|计划|预期|表$|[表单]（[^（）]*）$")
SENTENCE_PUNCT = re.compile(r"[，,。；;！？!?]")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t\u3000]+(?=\S)")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_LIST_MARKER = re.compile(
    r"^(?:[-*+]\s+|[•·●○■□◆◇▪►▶➢]\s*|——\s*|[（(]\d{1,2}[）)]|[①-⑳]|【[^】]{1,20}】)(?=\S)")

# a page number left in a copy of a paginated report (`— 2 —`, `- 3 -`, `第4页`): page furniture, not text
PAGE_NUMBER = re.compile(r"^[-—–－·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－·\s]*$")

TITLE_MAX = 50  # a table title is one short line; a longer line is a sentence of the text


def plain(line: str) -> str:
    """The line without indentation, Markdown heading marks, whole-line emphasis and the pictographs an article
    puts before a heading or caption (`decoration_end`)."""
    text = line.strip()
    if text and _may_open_pictograph(text[0]):
        text = text[decoration_end(text):]
    if text[:1] == "#":
        text = _MARKDOWN_HEADING.sub("", text, count=1)
    if text[:2] in ("**", "__"):
        m = _EMPHASIS.match(text)
        if m:
            text = m.group(2).strip()
    return text


_NOTE_LEADS = frozenset("注备说资数")
_EXTRA_LEADS = frozenset("附续（(")
_CAPTION_LEADS = frozenset("表专附") | _EXTRA_LEADS  # what a caption's text opens with (`_is_caption_text`)


def is_note(line: str) -> bool:
    """`注：…`, `备注：…`, `资料来源：…`: a note about a table, never a row or a paragraph of the text."""
    lead = line.lstrip(" \t\u3000")[:1]
    return lead in _NOTE_LEADS and bool(_NOTE_START.match(squash(line)))


def is_caption(line: str) -> bool:
    """表N/专栏N/附表N/附件N captions, and `续表` (the rest of a table after a page break)."""
    if is_cell_line(line):
        return False
    return _is_caption_text(plain(line))


def _is_caption_text(text: str) -> bool:
    """`is_caption` of a line already `plain` and not a table cell."""
    if parse_caption(text) is not None:
        return True
    return text[:1] in _EXTRA_LEADS and bool(_EXTRA_CAPTION.match(squash(text)))


def is_continuation(title: str | None) -> bool:
    """`续表`, `续表1`, `续上表`, `（续表）`, `表1（续）`: the rest of the table before, after a page break."""
    return bool(title and _CONTINUED.match(squash(title)))


def is_title_like(text: str) -> bool:
    """A line that reads as a table's title though it is not numbered (`2019年主要经济指标完成情况表`)."""
    s = squash(plain(text))
    return (6 <= len(s) <= TITLE_MAX and not SENTENCE_PUNCT.search(s) and not is_note(s)
            and not UNIT_LABEL.match(s) and bool(_TITLE_WORDS.search(s)))


def is_heading(line: str) -> bool:
    return not is_cell_line(line) and heading_level(plain(line)) is not None


def is_outline(line: str) -> bool:
    return is_heading(line) or is_caption(line)


def caption_parts(text: str) -> tuple[str, int]:
    """(lead word, number) of a caption: `表1：…` → (表, 1), `续表2` → (续表, 2), a title line → ("", 0)."""
    text = plain(text)
    cap = parse_caption(text)
    if cap is not None:
        return cap
    m = _EXTRA_CAPTION.match(squash(text))
    if m:
        word = "附表" if m.group(0).startswith("附表") else "续表"
        digits = re.search(r"\d+", m.group(0))
        return word, int(digits.group(0)) if digits else 0
    return "", 0


def caption_block(text: str, start: int, end: int | None = None) -> Caption:
    kind, number = caption_parts(text)
    return Caption("caption", plain(text), start, end or start, kind, number)  # (…, caption_kind, number)


# The first characters a line's text (stripped) may open with when it is anything but a paragraph: Markdown marks
# (`#`, `**`, `__`), a caption's lead word (表/专栏/附表/附件 and 续表, `（续表）`), a heading's number (`第`, `（`, `【`,
# a Chinese or decimal digit), a note's lead word and a list marker. A line opening with any other character is a
# paragraph: decided by one character test (most lines of a report), with no pattern tried.
_NOT_PARAGRAPH_LEADS = frozenset("#*_表专附") | _EXTRA_LEADS | _HEADING_LEADS | _NOTE_LEADS \
    | frozenset("-*+•·●○■□◆◇▪►▶➢—（(【") | frozenset(map(chr, range(ord("①"), ord("⑳") + 1)))


# marks that are list bullets or verdicts where they are printed, never decoration
_NOT_DECORATION = frozenset("★☆➢➤✓✔✗✘✕✖")


def is_pictograph(ch: str) -> bool:
    """An emoji or a block/dingbat symbol an article sets before a heading (`▍`, `📊`, `🏗️`, `✅`)."""
    o = ord(ch)
    return (0x1F000 <= o <= 0x1FAFF or 0x2580 <= o <= 0x259F or 0x2600 <= o <= 0x27BF
            or 0x2B00 <= o <= 0x2BFF) and ch not in _NOT_DECORATION


def _may_open_pictograph(ch: str) -> bool:
    """The ranges `is_pictograph` takes, as one comparison or two: False for a Chinese character, a full-width
    punctuation mark, a Latin letter or a digit (a line's usual first character), for which `decoration_end` is 0.
    It was `ord(ch) >= 0x2580`, which every CJK character passes: a `decoration_end` call for most lines."""
    o = ord(ch)
    return 0x2580 <= o <= 0x2BFF or o >= 0x1F000


def decoration_end(text: str) -> int:
    """Where the text starts after the pictographs an article puts before a heading, caption or list (`▍一、…`,
    `📊 表1 …`, `🏗️新开工项目`, `✅竣工项目`); 0 when the line opens with none."""
    k = 0
    while k < len(text) and is_pictograph(text[k]):
        k += 1
        while k < len(text) and (text[k] in "\ufe0f\u200d" or text[k].isspace()):
            k += 1
    return k if k < len(text) else 0


def line_block(line: str, no: int) -> Block | None:
    """The block of one line that is not part of a table (None for a blank line). Pictographs before a
    heading, caption, note or list item are decoration, not its text; a paragraph keeps them as printed."""
    text = line.strip()
    if not text:
        return None
    lead = text[0]
    if _may_open_pictograph(lead):
        k = decoration_end(text)
        inner = line_block(text[k:], no) if k else None
        if inner is not None and not isinstance(inner, Paragraph):
            return inner
    if lead not in _NOT_PARAGRAPH_LEADS and not lead.isdecimal():
        return Paragraph("paragraph", text, no, no)
    md = _MARKDOWN_HEADING.match(text) if text[:1] == "#" else None
    if md and is_caption(text):
        return caption_block(text, no)  # `### 表1 …`: a caption set as a heading
    if md:
        inner = plain(text)
        found = heading_parts(inner)
        marks = len(md.group(1))
        # positional (kind, text, start, end, level, number, marks): a dataclass takes keywords several times slower
        return Heading("heading", inner, no, no, marks - 1, None, marks) if found is None \
            else Heading("heading", inner, no, no, found[0], found[1], marks)
    plain_text = plain(text) if lead in "#*_" else text  # = plain(line), made once for every test below
    # is_caption(line): a caption opens with 表/专/附 (`parse_caption`) or 附/续/（/( (`_EXTRA_CAPTION`), so a text
    # left as the line printed it (no mark removed) with another lead is none, decided without the memoised call
    if line[:1] != "\t" and (plain_text is not text or lead in _CAPTION_LEADS) and _is_caption_text(plain_text):
        return caption_block(text, no)
    text = plain_text
    found = heading_parts(text)
    if found is not None:
        return Heading("heading", text, no, no, found[0], found[1])
    if is_note(text):
        return Note("note", text, no, no)
    m = _LIST_MARKER.match(text)
    if m:
        return ListItem("list_item", text, no, no, m.group(0).strip())
    return Paragraph("paragraph", text, no, no)


def heading_number(text: str) -> str | None:
    """The outline number a heading starts with, as printed: `一、`, `（二）`, `3.`, `第一部分`."""
    s = text.replace("\u3000", "")
    for _, pat in _HEADING_PATTERNS:
        m = pat.match(s)
        if m:
            return m.group(0)
    return None
