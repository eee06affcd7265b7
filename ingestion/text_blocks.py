"""Lines of a report's text → the typed blocks of `model.py`, in one pass.

Why here: the text is what every container is rendered to (`layout.py`) and what a user pastes in, so this is
where a table printed as text becomes a `Table` again. The extractors read the blocks, never raw lines, so a new
text layout of a table is taught here once instead of in each extractor.

The pass walks the lines once: a line is a heading, a caption, a note, a list item or a paragraph; a run of
tab-led lines (the genre's one-cell-per-line layout, see `layout.py`) is a table. A table takes the caption above
it (with up to three short lines between them, `单位：亿元`), or an unnumbered title-like line above it, or its
own first row when that is one merged title cell; notes printed right under it (`注：带*为约束性指标`) and the
sentence before its caption when that states the star rule are its notes; a `续表` caption marks it `continued`.
A 专栏 printed as a one-cell box is its caption and paragraphs, never a one-cell table.
"""
from __future__ import annotations

import re

from .document import (
    CN_NUM,
    _HEADING_PATTERNS,
    clean_line,
    cn_number,
    heading_level,
    is_cell_line,
    parse_caption,
    squash,
)
from .model import Block, Caption, Cell, DocumentModel, Heading, ListItem, Note, Paragraph, Table

_MARKS = "*＊▲△★☆※◆"  # the marks a table puts on its binding indicators (a note explains them)
_MARK_NOTE = re.compile(rf"[{_MARKS}]")
_NOTE_START = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]")
_UNIT_LABEL = re.compile(r"^(?:计量)?单位[：:]")
_EXTRA_CAPTION = re.compile(r"^(?:附表|[（(]?续(?:上)?表)\s*\d*")  # captions parse_caption does not list
_CONTINUED = re.compile(r"^(?:[（(]?续(?:上)?表[）)]?|.*[（(]续(?:表)?[）)]$)")
_BARE_CAPTION = re.compile(rf"(?:附件|附表|表|专栏)[\d{CN_NUM}]*[：:]?")
_TITLE_WORDS = re.compile(r"指标|目标|完成情况|执行情况|计划|预期|表$|[表单]（[^（）]*）$")
_SENTENCE_PUNCT = re.compile(r"[，,。；;！？!?]")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s*(?=\S)")
_LIST_MARKER = re.compile(
    r"^(?:[-*+]\s+|[•·●○■□◆◇▪►▶➢]\s*|——\s*|[（(]\d{1,2}[）)]|[①-⑳]|【[^】]{1,20}】)(?=\S)")

WRAP_MAX = 40  # a wrapped piece of a cell is short; a longer non-tab line is running text after the table
PREAMBLE_MAX = 30  # short lines allowed between a caption and its first cell (`单位：亿元`)
LOOKAHEAD = 8  # lines to look ahead for the table resuming after a blank line and a short non-tab line
TITLE_MAX = 50  # a table title is one short line; a longer line is a sentence of the text


# --------------------------------------------------------------------------------------------------------------
# What one line is
# --------------------------------------------------------------------------------------------------------------


def is_note(line: str) -> bool:
    """`注：…`, `备注：…`, `资料来源：…`: a note about a table, never a row or a paragraph of the text."""
    return bool(_NOTE_START.match(squash(line)))


def is_caption(line: str) -> bool:
    """表N/专栏N/附表N/附件N captions, and `续表` (the rest of a table after a page break)."""
    return parse_caption(line) is not None or (not is_cell_line(line) and bool(_EXTRA_CAPTION.match(squash(line))))


def is_continuation(title: str | None) -> bool:
    """`续表`, `续表1`, `续上表`, `（续表）`, `表1（续）`: the rest of the table before, after a page break."""
    return bool(title and _CONTINUED.match(squash(title)))


def is_title_like(text: str) -> bool:
    """A line that reads as a table's title though it is not numbered (`2019年主要经济指标完成情况表`)."""
    s = squash(text)
    return (6 <= len(s) <= TITLE_MAX and not _SENTENCE_PUNCT.search(s) and not is_note(s)
            and not _UNIT_LABEL.match(s) and bool(_TITLE_WORDS.search(s)))


def _is_outline(line: str) -> bool:
    return heading_level(line) is not None or is_caption(line)


def caption_parts(text: str) -> tuple[str, int]:
    """(lead word, number) of a caption: `表1：…` → (表, 1), `续表2` → (续表, 2), a title line → ("", 0)."""
    cap = parse_caption(text)
    if cap is not None:
        return cap
    m = _EXTRA_CAPTION.match(squash(text))
    if m:
        word = "附表" if m.group(0).startswith("附表") else "续表"
        digits = re.search(r"\d+", m.group(0))
        return word, int(digits.group(0)) if digits else 0
    return "", 0


def line_block(line: str, no: int) -> Block | None:
    """The block of one non-table line (None for a blank line). Text is the line without its indentation;
    Markdown heading marks (`## 一、…`) are read into a Heading and dropped from the text."""
    text = line.strip()
    if not text:
        return None
    md = _MARKDOWN_HEADING.match(text)
    if md:
        inner = text[md.end():].strip()
        level = heading_level(inner)
        number = _heading_number(inner) if level is not None else None
        return Heading("heading", inner, no, no, level=level if level is not None else len(md.group(1)) - 1,
                       number=number, marks=len(md.group(1)))
    if is_caption(line):
        kind, number = caption_parts(text)
        return Caption("caption", text, no, no, caption_kind=kind, number=number)
    level = heading_level(line)
    if level is not None:
        return Heading("heading", text, no, no, level=level, number=_heading_number(text))
    if is_note(text):
        return Note("note", text, no, no)
    m = _LIST_MARKER.match(text)
    if m:
        return ListItem("list_item", text, no, no, marker=m.group(0).strip())
    return Paragraph("paragraph", text, no, no)


def _heading_number(text: str) -> str | None:
    s = text.replace("\u3000", "")
    for _, pat in _HEADING_PATTERNS:
        m = pat.match(s)
        if m:
            return m.group(0)
    return None


# --------------------------------------------------------------------------------------------------------------
# The one-cell-per-line layout (layout.py): tab-led cells, a blank line after each row
# --------------------------------------------------------------------------------------------------------------


def _wrap_candidate(line: str) -> bool:
    """A non-tab line that could be the wrapped rest of a cell (not a heading, caption, note or prose)."""
    s = squash(line)
    return bool(s) and len(s) <= WRAP_MAX and not _is_outline(line) and not is_note(line)


def _table_resumes(lines: list[str], idx: int) -> bool:
    """After a blank line, a short non-tab line belongs to the table only if cells follow it again.

    That is how a merged cell printed as `经济` / `发展` (blank lines between) looks; a short line after the
    table's last row (a sub-heading, a note) is not followed by more cells.
    """
    for j in range(idx + 1, min(len(lines), idx + 1 + LOOKAHEAD)):
        nxt = lines[j]
        if is_cell_line(nxt):
            return True
        if nxt.strip() and not _wrap_candidate(nxt):
            return False
    return False


def read_cell_rows(lines: list[str], start: int) -> tuple[list[list[Cell]], int]:
    """Rows of cells from the cell run starting at 0-based index `start`; returns (rows, index of last line used).

    A tab-led line opens a cell (several tabs on one line open several); a blank line closes the row; a short
    non-tab line continues the last cell.
    """
    rows: list[list[list]] = []  # cells under construction: [text, line]
    row: list[list] | None = None
    gap = False  # a blank line was seen since the last cell text
    last = start
    for i in range(start, len(lines)):
        line = lines[i]
        if is_cell_line(line):
            if row is None or gap:
                row = []
                rows.append(row)
                gap = False
            # a trailing tab is layout noise, not an empty cell
            row.extend([part.strip(), i + 1] for part in line[1:].rstrip().split("\t"))
            last = i
        elif not line.strip():
            gap = True
        elif row and _wrap_candidate(line) and (not gap or _table_resumes(lines, i)):
            cell = row[-1]
            cell[0] = f"{cell[0]}\n{line.strip()}" if cell[0] else line.strip()
            gap = False
            last = i
        else:
            break
    return [[Cell(t, line=n) for t, n in r] for r in rows], last


def _notes_after(lines: list[str], last: int) -> list[Note]:
    """Note lines printed right under a table (备注：…, 注：“*”代表约束性指标…)."""
    notes = []
    for j in range(last + 1, min(len(lines), last + 1 + LOOKAHEAD)):
        line = lines[j]
        if not line.strip():
            continue
        if is_cell_line(line) or _is_outline(line) or not (is_note(line) or _MARK_NOTE.search(line)):
            break
        notes.append(Note("note", line.strip(), j + 1, j + 1))
    return notes


def _caption_above(lines: list[str], start: int) -> tuple[int | None, list[Note]]:
    """(0-based index of the caption above a cell run, short lines between them); (None, lines) if there is none.

    A couple of short lines (`单位：亿元`, a note) may stand between a caption and its first cell.
    """
    between: list[Note] = []
    for j in range(start - 1, -1, -1):
        line = lines[j]
        if not line.strip():
            continue
        if is_caption(line):
            return j, between
        if is_cell_line(line) or heading_level(line) is not None or len(between) >= 3:
            break
        if not (is_note(line) or len(squash(line)) <= PREAMBLE_MAX):
            break
        between.append(Note("note", line.strip(), j + 1, j + 1))
    return None, between


def _untitled_caption(lines: list[str], start: int) -> int | None:
    """0-based index of a title-like line right above a cell run that has no 表N/专栏N caption; a unit or note
    line may stand between them."""
    skipped = 0
    for j in range(start - 1, max(-1, start - 8), -1):
        line = lines[j]
        if not line.strip():
            continue
        if is_cell_line(line):
            return None
        s = squash(line)
        if (is_note(s) or _UNIT_LABEL.match(s)) and skipped < 2:
            skipped += 1
            continue
        return j if is_title_like(line) else None
    return None


def _star_note_before(lines: list[str], caption: int) -> list[Note]:
    """The sentence just before a caption may announce the star rule (…带*的为约束性指标)."""
    for j in range(caption - 1, max(-1, caption - 3), -1):
        if lines[j].strip():
            s = squash(lines[j])
            return [Note("note", lines[j].strip(), j + 1, j + 1)] if _MARK_NOTE.search(s) and "约束性" in s else []
    return []


def _title_row(rows: list[list[Cell]]) -> Caption | None:
    """A table whose first row is one merged cell holding its title (`表1 2023年主要指标完成情况`)."""
    if not rows:
        return None
    texts = {c.flat for c in rows[0] if c.flat}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    if parse_caption(text) is not None or is_title_like(text):
        cell = next(c for c in rows[0] if c.flat)
        kind, number = caption_parts(text)
        return Caption("caption", cell.text, cell.line or 0, cell.line or 0, caption_kind=kind, number=number)
    return None


def _is_box(rows: list[list[Cell]]) -> bool:
    """A 专栏 printed as a one-cell box: one column, its first cell opening with a 专栏 caption."""
    if not rows or any(len(r) != 1 for r in rows):
        return False
    first = rows[0][0].text.split("\n", 1)[0]
    cap = parse_caption(first.strip())
    return cap is not None and cap[0] == "专栏"


def _box_blocks(lines: list[str], first: int, last: int) -> list[Block]:
    """The caption and the paragraphs / list items of a boxed 专栏, each on its own line."""
    out: list[Block] = []
    for j in range(first, last + 1):
        piece = lines[j].strip()
        if not piece:
            continue
        if not out:
            kind, number = caption_parts(piece)
            out.append(Caption("caption", piece, j + 1, j + 1, caption_kind=kind, number=number))
        else:
            out.append(line_block(piece, j + 1))
    return out


# --------------------------------------------------------------------------------------------------------------
# The pass
# --------------------------------------------------------------------------------------------------------------


def split_lines(text: str) -> list[str]:
    """The report's lines as `Document` numbers them (line ends normalised, word-processor artefacts removed)."""
    return [clean_line(x) for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def text_blocks(text: str) -> DocumentModel:
    """A report's text → its DocumentModel (blocks with line spans into this same text)."""
    return DocumentModel(blocks_of_lines(split_lines(text)), text)


def blocks_of_lines(lines: list[str]) -> list[Block]:
    out: list[Block] = []
    at: dict[int, int] = {}  # 0-based line index → position in `out` of the block starting there
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if is_cell_line(line):
            rows, last = read_cell_rows(lines, i)
            if _is_box(rows):
                out.extend(_box_blocks(lines, i, last))
            else:
                out.append(_table(lines, i, last, rows, out, at))
            i = last + 1
            continue
        block = line_block(line, i + 1)
        if block is not None:
            at[i] = len(out)
            out.append(block)
        i += 1
    return out


def _table(lines: list[str], first: int, last: int, rows: list[list[Cell]], out: list[Block],
           at: dict[int, int]) -> Table:
    """The Table of the cell run lines[first..last], with its caption and notes; the caption block above it in
    `out` is replaced by the table's Caption (a title line becomes one; `附件1` + title line become one)."""
    cap, between = _caption_above(lines, first)
    notes = [*between, *_notes_after(lines, last)]
    if cap is None:
        cap = _untitled_caption(lines, first)
    caption: Caption | None = None
    if cap is not None:
        notes += _star_note_before(lines, cap)
        caption = _caption_at(lines, cap, first, out, at)
    else:
        caption = _title_row(rows)
    text = "\n".join("\t".join(c.text for c in row) for row in rows)
    return Table("table", text, first + 1, last + 1, rows=rows, caption=caption, notes=notes,
                 continued=caption is not None and is_continuation(caption.text), layout="cells")


def _caption_at(lines: list[str], cap: int, first: int, out: list[Block], at: dict[int, int]) -> Caption:
    text = lines[cap].strip()
    kind, number = caption_parts(text)
    end = cap
    if _BARE_CAPTION.fullmatch(squash(text)):
        # `附件1` on its own line with the table's title on the next line
        nxt = next((j for j in range(cap + 1, first) if lines[j].strip()), None)
        if nxt is not None and is_title_like(lines[nxt]):
            text, end = f"{text}\n{lines[nxt].strip()}", nxt
            pos = at.pop(nxt, None)
            if pos is not None and pos == len(out) - 1:
                out.pop()
            elif pos is not None:
                del out[pos]
                for k, v in at.items():
                    if v > pos:
                        at[k] = v - 1
    caption = Caption("caption", text, cap + 1, end + 1, caption_kind=kind, number=number)
    pos = at.get(cap)
    if pos is not None and isinstance(out[pos], (Caption, Paragraph)):  # a title line that is a heading stays one
        out[pos] = caption
    return caption
