"""The report's lines as the list readers see them: Markdown marks, box edges and page numbers removed, a
bracketed caption (`【专栏1】…`) unbracketed.

Why: a report converted to Markdown prints `## 一、…` headings, `**专栏1：…**` captions and `> ` quotes, and a
text copy of a Word or PDF report draws its 专栏 with box characters (`┌──┐`, `│◆ A项目 │`, `└──┘`) and leaves
each page's number (`— 5 —`) in the flow. The list readers find captions, headings and list bodies from the
lines, so the marks would hide a 专栏 (its projects lost), hide the heading that ends a list (the next section
read as names) or give a page number as a name. Removing them keeps every line where it is, so `source_line`
still points into the rendered text. (The readers may already blank page furniture; this view does not rely on
it.)
"""
from __future__ import annotations

import re

from ..blocks.lines import PAGE_NUMBER, decoration_end, is_pictograph
from ..document import Document
from .text_index import LINE_SPACE, LineText, line_text

_MARKED_LINE = re.compile(r"(?m)^[ \t]*(?:#{1,6}\s|>)")
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>+\s?)")
_EMPHASIS = re.compile(r"\*\*|__")
# box-drawing characters: a box's edges and rulings, never part of a list line
_BOX_CHARS = re.compile(r"[\u2500-\u257f]")
_BOX_RULE = re.compile(r"^[\s\u2500-\u257f]*$")
_BOX_EDGE = "│┃║"


def _unframed(line: str) -> str:
    """A line without the box around it: an edge or ruling line is blank, `│◆ A项目   │` is `◆ A项目`."""
    if _BOX_RULE.match(line):
        return ""
    s = line.strip()
    if s[:1] in _BOX_EDGE or s[-1:] in _BOX_EDGE:
        return s.strip(_BOX_EDGE).rstrip()
    return line


_PAGE_NUMBER_LEADS = "-—–－·第"  # what a page number (`PAGE_NUMBER`) can open with, besides a digit


def _furniture_free(line: str) -> str:
    if line[:1] == "\t":
        return line  # a table cell (`\t-15`, a negative figure) is never a page number
    s = line.strip()
    if s and (s[0] in _PAGE_NUMBER_LEADS or s[0].isdecimal()) and PAGE_NUMBER.match(s) and not s.isdigit():
        return ""  # `— 5 —`: a page number, never a project or the end of a list
    return line


# A caption printed in brackets (`【专栏1】2024年重点项目`, `[专栏2]…`): the caption the readers know, brackets
# turned to spaces.
_BRACKETED_CAPTION = re.compile(r"^(\s*)[【\[〔［]\s*(专栏\s*[\d一二三四五六七八九十]*)\s*[】\]〕］]")
_BRACKETED_CAPTION_LINE = re.compile(r"(?m)^\s*[【\[〔［]\s*专栏")
_CAPTION_BRACKETS = "【[〔［"


def _bracket_before_caption(text: str) -> bool:
    """A `专栏` with an opening bracket before it (whitespace between allowed): what every match of
    `_BRACKETED_CAPTION_LINE` holds, found with `str.find` (a regex would visit every character)."""
    i = text.find("专栏")
    while i >= 0:
        j = i - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and text[j] in _CAPTION_BRACKETS:
            return True
        i = text.find("专栏", i + 2)
    return False


def _has_marked_line(text: str) -> bool:
    """`_MARKED_LINE.search(text)`, trying only the lines that hold a `#` or a `>` (found with `str.find`)."""
    for mark in "#>":
        i = text.find(mark)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            if _MARKED_LINE.match(text, start):
                return True
            end = text.find("\n", i)  # the rest of this line has been tried
            if end < 0:
                break
            i = text.find(mark, end)
    return False


def _has_units(lt: LineText, blocks: tuple[tuple[int, int, int], ...]) -> bool:
    """Whether the text holds a UTF-16 code unit with high byte `h` and low byte in `lo`..`hi` (exclusive) for one
    of `blocks` `(h, lo, hi)`. A bytes search for the high byte runs in C at memory speed, where a regex tests a
    class at every character of the report; the few hits outside the block (`■`, `◆`, `●` bullets share the high
    byte of box-drawing characters) are checked one by one."""
    units, high = lt.utf16
    for h, lo, hi in blocks:
        i = high.find(h)
        while i >= 0:
            if lo <= units[2 * i] < hi:
                return True
            i = high.find(h, i + 1)
    return False


# box-drawing characters, U+2500–U+257F (a character past U+FFFF is two surrogate units, high bytes 0xD8–0xDF)
_BOX_UNITS = ((0x25, 0x00, 0x80),)
# the characters `_PICTOGRAPH_LINE` opens on: U+2580–U+259F, U+2600–U+27BF, U+2B00–U+2BFF, and U+1F000–U+1FAFF,
# whose high surrogates are U+D83C–U+D83E
_PICTOGRAPH_UNITS = ((0x25, 0x80, 0xA0), (0x26, 0x00, 0x100), (0x27, 0x00, 0xC0), (0x2B, 0x00, 0x100),
                     (0xD8, 0x3C, 0x3F))


def _has_box_char(lt: LineText) -> bool:
    """`_BOX_CHARS.search(lt.text)`, read off the text's UTF-16 code units (`_has_units`): most reports hold no
    box."""
    return _has_units(lt, _BOX_UNITS)


def _caption_unbracketed(line: str) -> str:
    return _BRACKETED_CAPTION.sub(lambda m: f"{m.group(1)}{m.group(2)} ", line, count=1)


# The lines `_unframed` can change: a box character first or last in the line (past whitespace). And the lines
# `_furniture_free` can change: nothing but a page number's characters (`PAGE_NUMBER`: dashes, 第, digits, 页, /, 共,
# whitespace), one of them no digit or space. Each searched from a `\n` (a line's end searched in the text backwards), so `re` skips from line to
# line in C instead of trying every character.
_BOX_AFTER_NEWLINE = re.compile(rf"\n[{LINE_SPACE}]*[\u2500-\u257f]")
# (a table cell, `\t` first, and a bare number are never blanked: `_furniture_free`)
_PAGE_NUMBER_LINE = re.compile(rf"\n(?!\t)[\d{LINE_SPACE}]*[-—–－·第页/／共][-—–－·第页/／共\d{LINE_SPACE}]*(?=\n)")


def _framed_lines(doc: Document) -> set[int]:
    """Numbers of the lines `_unframed` can change (a superset: each is still tested)."""
    lt = line_text(doc)
    # offset k of "\n" + text + "\n" is k - 1 in the text; backwards, offset k is len(text) - k
    offsets = [m.end() - 2 for m in _BOX_AFTER_NEWLINE.finditer("\n" + lt.text + "\n")]
    n = len(lt.text)
    offsets += [n - m.end() + 1 for m in _BOX_AFTER_NEWLINE.finditer("\n" + lt.reversed + "\n")]
    return set(lt.lines_at(sorted(offsets))) if offsets else set()


def _page_number_lines(doc: Document) -> list[int]:
    """Numbers of the lines `_furniture_free` can change (a superset: each is still tested)."""
    lt = line_text(doc)
    return lt.lines_at([m.start() for m in _PAGE_NUMBER_LINE.finditer("\n" + lt.text + "\n")])


def _page_number_lead(line: str) -> bool:
    s = line.lstrip()[:1]
    return bool(s) and (s in _PAGE_NUMBER_LEADS or s.isdecimal())


# a line opening with a pictograph (`🏗️新开工项目（8个）`, `📌2025年重点项目清单`): a phone article's decoration
_PICTOGRAPH_LINE = re.compile(rf"(?m)^[{LINE_SPACE}]*[\U0001F000-\U0001FAFF\u2580-\u259F\u2600-\u27BF\u2B00-\u2BFF]")


def _undecorated(lines: list[str]) -> list[str]:
    """The lines without the pictographs a phone article puts before a heading or list title: the readers know
    `新开工项目（8个）` and `2025年重点项目清单`, not their emoji."""
    out = lines
    for no, line in enumerate(lines):
        s = line.lstrip()
        if s and is_pictograph(s[0]):
            k = decoration_end(s)
            if k:
                if out is lines:
                    out = list(lines)
                out[no] = line[: len(line) - len(s)] + s[k:]
    return out


def plain_view(doc: Document) -> Document:
    """`doc` itself when no line carries Markdown marks, box characters, page numbers or pictographs, else a
    Document over the lines without them (same line numbers, same metadata)."""
    view = _plain_view(doc)
    # the view only takes characters away (marks, box edges, page numbers, brackets): a report without any character
    # a pictograph line opens on has none in its view (most reports; found in the bytes, `_has_units`)
    if not _has_units(line_text(doc), _PICTOGRAPH_UNITS) or _PICTOGRAPH_LINE.search(line_text(view).text) is None:
        return view
    lines = _undecorated(list(view.lines))
    return view if lines == view.lines else Document(lines=lines, meta=view.meta)


def _plain_view(doc: Document) -> Document:
    """`doc` itself when no line carries Markdown marks, box characters or page numbers, else a Document over
    the lines without them (same line numbers, same metadata)."""
    lt = line_text(doc)
    text = lt.text
    # each regex runs only when the plain substring test its matches need passes (most reports: none)
    # (a one-character search runs in C at memory speed, a two-character one several times slower: `**` and `__`
    # are looked for only in a text holding `*` or `_` at all, most reports none)
    marked = ("*" in text and "**" in text) or ("_" in text and "__" in text) or _has_marked_line(text)
    bracketed = _bracket_before_caption(text) and bool(_BRACKETED_CAPTION_LINE.search(text))
    if marked:  # a line the marks pass changes may only then read as a box edge or a page number: every line
        return _plain_lines(doc, marked, _has_box_char(lt), "—" in text or "－" in text or "-" in text,
                            bracketed)
    # without marks, only the lines that can change are visited: a box's edges, and page numbers (among them the
    # lines a box's edge was taken off)
    # (a text without any box character has no framed line: one scan in C instead of two over copies of the text)
    framed = _framed_lines(doc) if _has_box_char(lt) else set()
    dashed = "—" in text or "－" in text or "-" in text  # what the page-number pass needs (as `_plain_lines`)
    paged = _page_number_lines(doc) if dashed else []
    if not (framed or paged or bracketed):
        return doc
    lines = list(doc.lines)
    unframed = []
    for no in sorted(framed):
        line = lines[no - 1]
        if _BOX_CHARS.search(line):
            lines[no - 1] = _unframed(line)
            if lines[no - 1] != line:
                unframed.append(no)
    if dashed:  # `_furniture_free` as the full pass calls it: on a line that opens like a page number
        for no in sorted({*paged, *unframed}):
            if _page_number_lead(lines[no - 1]):
                lines[no - 1] = _furniture_free(lines[no - 1])
    if bracketed:
        lines = [_caption_unbracketed(line) if "专栏" in line else line for line in lines]
    if lines == doc.lines:
        return doc
    return Document(lines=lines, meta=doc.meta)


def _plain_lines(doc: Document, marked: bool, framed: bool, paged: bool, bracketed: bool) -> Document:
    """The view with each pass over every line."""
    if not (marked or framed or paged or bracketed):
        return doc
    lines = list(doc.lines)
    if marked:
        lines = [_EMPHASIS.sub("", _HEADING_MARK.sub("", line)) for line in lines]
    if framed:
        lines = [_unframed(line) if _BOX_CHARS.search(line) else line for line in lines]
    if paged:  # `_furniture_free` only for the lines that can be a page number (the rest: no call)
        lines = [_furniture_free(line) if _page_number_lead(line) else line for line in lines]
    if bracketed:
        lines = [_caption_unbracketed(line) if "专栏" in line else line for line in lines]
    if lines == doc.lines:
        return doc
    return Document(lines=lines, meta=doc.meta)
