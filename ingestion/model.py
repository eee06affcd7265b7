"""The typed document model: a report as an ordered list of blocks, whatever container it came in.

Why: the extractors used to guess a table's grid back from text lines, and every new layout added a rule to that
guess. Readers that hold a real grid (Word cells, `<td>`, PDF cells) now hand it over as a `Table`, and the text
reader recognises the text layouts of a table (one cell per line, TAB-joined rows, space-aligned rows, Markdown
pipes) once, in one place, producing the same `Table`. Extractors read blocks, never raw lines.

Every block keeps its line span (1-based, inclusive) in the rendered text that `raw.reports.text` stores, so a
fact read from a block still points at the line a user can check it against.

This module is the contract between readers (`ingestion/formats/`, `ingestion/text_blocks.py`) and extractors
(`tables.py`, `projects.py`, `prose.py`, `metadata.py`); it holds data and small pure helpers only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal


class _once:  # noqa: N801 (used like `functools.cached_property`)
    """A property computed on first read and kept in the instance's `__dict__`, where the next reads find it
    as a plain attribute (no call). Unlike `functools.cached_property` (Python 3.11) it takes no lock, which
    costs more than the value here: the extractors read a cell's `flat` hundreds of thousands of times a run.
    It writes `__dict__` directly, so it also works on a frozen dataclass."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


BlockKind = Literal["heading", "paragraph", "list_item", "caption", "table", "note", "furniture"]


@dataclass(frozen=True, init=False)
class Cell:
    """One printed cell of a table (the top-left cell of a merge carries the text and the spans)."""

    text: str  # as printed; the cell's paragraphs / wrapped pieces joined by "\n"
    row_span: int = 1
    col_span: int = 1
    line: int | None = None  # line of the rendered text the cell's text starts on

    def __init__(self, text: str, row_span: int = 1, col_span: int = 1, line: int | None = None):
        # written out because a frozen dataclass's own __init__ sets each field through object.__setattr__,
        # five times slower, and a report has tens of thousands of cells; the instance stays frozen
        d = self.__dict__
        d["text"] = text
        d["row_span"] = row_span
        d["col_span"] = col_span
        d["line"] = line
        # `flat` set here, where the text is at hand: nearly every cell is asked for it, and a plain attribute read
        # costs less than the first call of the `_once` property (still there for subclasses that keep their own
        # dataclass __init__, `tables._Covered`)
        # a text without whitespace is its own flat text: `isprintable` is False for every whitespace character but
        # the space (str.split's whitespace is Unicode Zs/Zl/Zp and controls), so the split is skipped for most cells
        d["flat"] = text if text.isprintable() and " " not in text else "".join(text.split())

    @_once
    def flat(self) -> str:
        """The text with all whitespace removed (`document.squash`): how names and values are compared and
        stored."""
        return "".join(self.text.split())


@dataclass
class Block:
    """A piece of the report in reading order, with its line span in the rendered text."""

    kind: BlockKind
    text: str  # the block's printed text (for a table: its cells' texts, one per line)
    start: int = 0  # first line (1-based) in the rendered text; 0 until rendered
    end: int = 0  # last line (inclusive)


@dataclass
class Heading(Block):
    """An outline heading: `第一部分`(0) `一、`(1) `（一）`(2) `1.`(3) …; `number` as rendered (Word's automatic
    numbering included), e.g. `一、`. `text` is clean: indentation and Markdown `#` marks removed. `marks` is the
    number of Markdown `#` marks (0 when none); an unnumbered Markdown heading has level `marks - 1`."""

    level: int = 1
    number: str | None = None
    marks: int = 0


@dataclass
class Paragraph(Block):
    """A line of running text. `role` marks a masthead line over the title that is not part of it (`masthead.py`):
    `session_document` (…人民代表大会…会议文件之四), `notice` (（此件公开发布）), `chrome` (a web page's breadcrumb,
    `来源：… 发布时间：…`, `打印本页`); empty for the report's own text."""

    role: str = ""


@dataclass
class ListItem(Block):
    """A bulleted or numbered item (`- `, `◆`, `1.`, `（1）`, `【类别】`) that is not a heading."""

    marker: str | None = None


@dataclass
class Caption(Block):
    """`表1：…`, `专栏2 …`, `附表1`, `附件：…`, `续表`; `kind` is the lead word, `number` 0 when none is printed."""

    caption_kind: str = ""
    number: int = 0

    @property
    def flat(self) -> str:
        return "".join(self.text.split())  # document.squash; not cached: a Caption, like any Block, is mutable


@dataclass
class Note(Block):
    """A note printed under (or over) a table: `注：带*为约束性指标`, `单位：亿元`, `资料来源：…`."""


@dataclass
class Furniture(Block):
    """Page furniture, not the report's text: a page number (`— 5 —`), a running header printed on every page, a
    ruling line or a box's edge (`┌────┐`). Kept as a block so line numbers stay those of the stored text;
    extractors skip it (`Document.lines` shows it as a blank line). `role`: page_number, running_header, rule, chrome
    (a web page's links bar, related links and footer after the report)."""

    role: str = ""


@dataclass
class Table(Block):
    """A grid of cells, as the container printed it.

    `rows` hold only the printed cells (a merged cell once, with its spans); `grid()` expands it to a rectangle in
    which a covered position holds the merged cell again. `header_rows` is how many leading rows are the header
    when the reader knows it (Word's repeated header rows, `<thead>`, a Markdown `|---|` line); None when it is to
    be read from the words. `caption` is the caption above or below the table (None if there is none);
    `notes` are the notes printed around it; `continued` says the table goes on from the previous Table block
    (a `续表`, or a page break with the header repeated or not).
    """

    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int | None = None
    caption: Caption | None = None
    notes: list[Note] = field(default_factory=list)
    continued: bool = False
    layout: str = ""  # how it was recognised: docx html pdf cells tabs spaces markdown

    @_once
    def n_cols(self) -> int:
        """The grid's width: a row's own cells plus the columns that cells spanning rows from above take in it.
        Computed once (every reader of the grid asks for it); `rows` are not changed after a Table is built
        (`dataclasses.replace` makes a new Table)."""
        if self.unmerged:
            return max((len(row) for row in self.rows), default=0)
        width = 0
        carried: list[tuple[int, int]] = []  # (rows still covered below, columns) of cells spanning rows
        for row in self.rows:
            width = max(width, sum(c.col_span for c in row) + sum(cols for _, cols in carried))
            carried = [(left - 1, cols) for left, cols in carried if left > 1]
            carried += [(c.row_span - 1, c.col_span) for c in row if c.row_span > 1]
        return width

    def grid(self) -> list[list[Cell | None]]:
        """The rows as a rectangle: a merged cell fills every position it covers; a missing cell is None."""
        return self._expand()[0]

    def layout_rows(self, covered: Callable[[Cell], Cell] | None = None) -> list[list[Cell]]:
        """The rows as the text layout prints them, left to right: each printed cell once (a cell spanning
        columns is one cell), an empty cell where a cell spanning rows from above covers the row, nothing for a
        missing cell. For a table read from text this is `rows`; for a container's grid it is what the
        same table read back from the rendered text gives, so records do not depend on the container.
        `covered(cell)` is what stands where `cell` covers the row from above (default: an empty cell; the
        indicator reader keeps the merged cell there, a unit or attribute printed once for several rows)."""
        if self.unmerged:  # each cell where it is printed: the rows themselves
            return [list(row) for row in self.rows]
        grid, origin = self._expand()
        out: list[list[Cell]] = []
        for r, row in enumerate(grid):
            printed: list[Cell] = []
            c = 0
            while c < len(row):
                cell = row[c]
                if cell is None:
                    c += 1
                    continue
                printed.append(cell if origin[r][c] else covered(cell) if covered is not None else Cell(""))
                c += cell.col_span
            out.append(printed)
        return out

    @_once
    def unmerged(self) -> bool:
        """No cell spans rows or columns (every table read from text): the grid is the rows, padded.
        Computed once; readers that treat such a table more simply ask it here."""
        for row in self.rows:  # loops, not a generator: asked once per table, of every cell
            for c in row:
                if c.row_span != 1 or c.col_span != 1:
                    return False
        return True

    def _expand(self) -> tuple[list[list[Cell | None]], list[list[bool]]]:
        n = self.n_cols
        if self.unmerged:
            return ([[*row, *[None] * (n - len(row))] for row in self.rows],
                    [[True] * len(row) + [False] * (n - len(row)) for row in self.rows])
        out: list[list[Cell | None]] = [[None] * n for _ in self.rows]
        origin = [[False] * n for _ in self.rows]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while c < n and out[r][c] is not None:
                    c += 1
                if c >= n:
                    break
                origin[r][c] = True
                for dr in range(cell.row_span):
                    for dc in range(cell.col_span):
                        if r + dr < len(out) and c + dc < n:
                            out[r + dr][c + dc] = cell
                c += cell.col_span
        return out, origin

    def title(self) -> str | None:
        """The caption's text with all whitespace removed (a caption on two lines, `附件1` + title, joined)."""
        return self.caption.flat if self.caption is not None else None


def _table_text(self: Table) -> str:
    """`Table.text`: as the reader gave it, or, when it gave None (the text reader: a table's text is hardly ever
    read), its cells' texts, TAB between the cells of a row and a newline between rows, joined on first read."""
    text = self.__dict__["_text"]
    if text is None:
        text = self.__dict__["_text"] = "\n".join(["\t".join([c.text for c in row]) for row in self.rows])
    return text


def _set_table_text(self: Table, text: str | None) -> None:
    self.__dict__["_text"] = text


Table.text = property(_table_text, _set_table_text)  # type: ignore[assignment]  (the dataclass field, read lazily)


@dataclass
class DocumentModel:
    """A report's blocks in reading order and the text they were rendered to (or recognised from)."""

    blocks: list[Block]
    text: str
    # the text's lines as the blocks number them, when the builder has them at hand (saves splitting it again)
    lines: list[str] | None = field(default=None, repr=False, compare=False)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
