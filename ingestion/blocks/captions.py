"""A table's caption and notes, wherever the report prints them.

Above the table (`表1 …`, with up to three short lines between them such as `单位：亿元`), an unnumbered title-like
line above it, its own first row when that is one merged title cell, or BELOW it (`附表1 …` right after the last
row, when no table follows that caption). Notes printed right under the table (`注：带*为约束性指标`) and the
sentence before its caption when it states the star rule are the table's notes.
"""
from __future__ import annotations

import re

from ..document import is_cell_line, parse_caption, squash
from ..model import Block, Caption, Cell, Note, Table
from .furniture import is_rule
from .lines import (
    MARK_NOTE,
    UNIT_LABEL,
    caption_block,
    is_caption,
    is_heading,
    is_note,
    is_outline,
    is_title_like,
    plain,
)

PREAMBLE_MAX = 30  # short lines allowed between a caption and its first cell (`单位：亿元`)
LOOKAHEAD = 8  # lines looked at under a table for its notes


def _note(lines: list[str], j: int) -> Note:
    return Note("note", plain(lines[j]), j + 1, j + 1)


def notes_after(lines: list[str], last: int) -> list[Note]:
    """Note lines printed right under a table (备注：…, 注：“*”代表约束性指标…), and the numbered footnotes that go
    on after `注：①…` or `注：1.…` on lines of their own (`②…`, `2.…`)."""
    notes = []
    number = 0  # the footnote number the last note line printed (0: none)
    for j in range(last + 1, min(len(lines), last + 1 + LOOKAHEAD)):
        line = lines[j]
        if not line.strip() or is_rule(line):  # a ruling line closing the table
            continue
        if notes and number and footnote_number(line) == number + 1:  # (only then is the line's number asked)
            notes.append(_note(lines, j))
            number += 1
            continue
        # (the outline test last: most lines under a table are no note, and need not be read as a heading)
        if is_cell_line(line) or not (is_note(line) or MARK_NOTE.search(line)) or is_outline(line):
            break
        notes.append(_note(lines, j))
        number = footnote_number(_NOTE_LEAD.sub("", squash(line), count=1)) or 0
    return notes


_NOTE_LEAD = re.compile(r"^(?:注|备注|说明)\s*[：:]")
_FOOTNOTE = re.compile(r"^(?:([①-⑳])|(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[）)])")


def footnote_number(line: str) -> int | None:
    """The number a footnote line opens with: `②…` → 2, `3.…` → 3, `（4）…` → 4; None when it opens with none."""
    m = _FOOTNOTE.match(squash(line))
    if not m:
        return None
    if m.group(1):
        return ord(m.group(1)) - ord("①") + 1
    return int(m.group(2) or m.group(3))


def caption_above(lines: list[str], start: int) -> tuple[int | None, list[Note]]:
    """(0-based index of the caption above a table, short lines between them); (None, lines) if there is none."""
    between: list[Note] = []
    for j in range(start - 1, -1, -1):
        line = lines[j]
        if not line.strip() or is_rule(line):  # a ruling line over the header
            continue
        if is_caption(line):
            return j, between
        if is_cell_line(line) or is_heading(line) or len(between) >= 3:
            break
        if not (is_note(line) or len(squash(line)) <= PREAMBLE_MAX):
            break
        between.append(_note(lines, j))
    # without a caption above, the short lines before the table are the text's, unless they read as notes
    return None, [b for b in between if is_note(b.text) or UNIT_LABEL.match(squash(b.text)) or MARK_NOTE.search(b.text)]


def untitled_caption(lines: list[str], start: int) -> int | None:
    """0-based index of a title-like line right above a table that has no 表N/专栏N caption; a unit or note
    line may stand between them."""
    skipped = 0
    for j in range(start - 1, max(-1, start - 8), -1):
        line = lines[j]
        if not line.strip() or is_rule(line):
            continue
        if is_cell_line(line):
            return None
        s = squash(line)
        if (is_note(s) or UNIT_LABEL.match(s)) and skipped < 2:
            skipped += 1
            continue
        return j if is_title_like(line) else None
    return None


def star_note_before(lines: list[str], caption: int) -> list[Note]:
    """The sentence just before a caption may announce the star rule (…带*的为约束性指标)."""
    for j in range(caption - 1, max(-1, caption - 3), -1):
        if lines[j].strip():
            s = squash(lines[j])
            return [_note(lines, j)] if MARK_NOTE.search(s) and "约束性" in s else []
    return []


def title_row(rows: list[list[Cell]]) -> Caption | None:
    """A table whose first row is one merged cell holding its title (`表1 2023年主要指标完成情况`)."""
    if not rows:
        return None
    texts = {c.flat for c in rows[0] if c.flat}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    if parse_caption(text) is not None or is_title_like(text):
        cell = next(c for c in rows[0] if c.flat)
        return caption_block(cell.text, cell.line or 0)
    return None


# A download link a web page prints under the article (`附件：…的报告.docx`): a file's name, not a table's title.
_FILE_LINK = re.compile(r"\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar)\s*$", re.IGNORECASE)


def attach_captions_below(blocks: list[Block]) -> None:
    """A table without a caption takes the caption printed right under it (`附表1 …` after the table) when that
    caption is nobody else's: no table follows it, and it is not a download link naming a file (`附件：….docx`).
    Notes under that caption are the table's notes."""
    owned = {id(b.caption) for b in blocks if isinstance(b, Table) and b.caption is not None}
    for k, block in enumerate(blocks):
        if not isinstance(block, Table) or block.caption is not None or k + 1 >= len(blocks):
            continue
        nxt = blocks[k + 1]
        if (isinstance(nxt, Caption) and id(nxt) not in owned and nxt.start - block.end <= 3
                and not _FILE_LINK.search(nxt.text)):
            after = blocks[k + 2] if k + 2 < len(blocks) else None
            if not isinstance(after, Table):
                block.caption = nxt
                owned.add(id(nxt))
                for note in blocks[k + 2:k + 2 + 3]:  # notes printed under the caption are the table's too
                    if not isinstance(note, Note):
                        break
                    block.notes.append(note)
