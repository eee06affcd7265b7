"""What is missing from a report whose file ends early (a truncated download, a cut copy-paste).

Why here: whether a row is whole is a question about the document, so it is answered on the typed document
model (`model.Table`), not on stored text by the loader. When the report's last block is a table that reaches
the end of the text and its last row holds fewer cells than the table's usual row, that row was cut. Its values
are left out before the extractors read the model (a cell cut mid-way would load a wrong number), everything
before it is read as usual, and the finding travels with the facts as a `PartSeen` of kind `INCOMPLETE`, which
the loader records as an `incomplete` event and the build prints.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .model import DocumentModel, Table
from .records import PartSeen

INCOMPLETE = "incomplete_row"  # PartSeen.kind of a row cut by the end of the file
_LABEL_END = re.compile(r"[：:\s]")  # a caption's label (表1) ends at its colon or first space


@dataclass(frozen=True)
class Incomplete:
    detail: str  # what is missing, in words a user understands
    title: str | None  # the table's caption (whitespace removed), None when it has none
    first_line: int  # the cut row's first line in the rendered text
    last_line: int
    table_index: int  # position of the table among the model's blocks
    row_index: int  # the cut row's index in the table's rows

    def part(self) -> PartSeen:
        return PartSeen(kind=INCOMPLETE, title=self.title, source_line=self.first_line, rows_seen=1, facts_read=0,
                        problem=self.detail)


def _last_text_line(model: DocumentModel) -> int:
    lines = model.lines if model.lines is not None else model.text.split("\n")
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end


def _width(row) -> int:
    return sum(cell is not None for cell in row)


def find_incomplete(model: DocumentModel) -> list[Incomplete]:
    """The cut row at the end of a report, if the file ends inside a table row (else an empty list)."""
    last = next(((i, b) for i, b in reversed(list(enumerate(model.blocks)))  # the last block with text
                 if b.kind != "furniture" and b.text.strip()), None)
    if last is None or not isinstance(last[1], Table):
        return []
    index, table = last
    end = _last_text_line(model)
    if table.end < end or len(table.rows) < 2:
        return []
    widths = [_width(row) for row in table.grid()]
    usual = Counter(widths[:-1]).most_common(1)[0][0]  # the usual row width of this table
    if widths[-1] >= usual:
        return []
    lines = [c.line for c in table.rows[-1] if c.line]
    first = min(lines) if lines else table.end
    title = table.title()
    caption = table.caption.text.strip() if table.caption is not None else ""
    name = f"table {_LABEL_END.split(caption, maxsplit=1)[0]}" if caption else f"the table starting at line {table.start}"
    return [Incomplete(
        detail=f"{name} ends mid-row at line {end}: its last row has {widths[-1]} of {usual} cells; "
               f"the rows before it were read, that row's values were left out",
        title=title, first_line=first, last_line=end, table_index=index, row_index=len(table.rows) - 1)]


def leave_out_incomplete(model: DocumentModel) -> tuple[DocumentModel, list[Incomplete]]:
    """The model without its cut row (the row's lines read as blank, so no extractor picks a value from them;
    the text and its line numbers stay as stored), and what was left out."""
    findings = find_incomplete(model)
    if not findings:
        return model, []
    blocks = list(model.blocks)
    lines = list(model.lines if model.lines is not None else model.text.split("\n"))
    for f in findings:
        table = blocks[f.table_index]
        blocks[f.table_index] = replace(table, rows=table.rows[:f.row_index], end=f.first_line - 1)
        for no in range(f.first_line, min(f.last_line, len(lines)) + 1):
            lines[no - 1] = ""
    return DocumentModel(blocks=blocks, text=model.text, lines=lines), findings
