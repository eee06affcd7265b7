"""The header interpreter: a table's grid → what each column holds, read from its header words.

Why one place: every layout of an indicator table (Word cells, `<td>`, PDF cells, text copies) prints the same
headers, and an analyst reads a column by its header, never by its position. Merged headers stack: `2023年`
spanning `计划目标 | 预计完成`, then `2024年计划目标` merged over both header rows; each column's header is the
texts stacked above it, and its year and measure are read from that stack. Columns that are not a value of the
indicator (`增长%` beside a level, `完成率`) are marked ignored, so no extractor turns them into targets or actuals.

Pure: a grid in, a `Header` out. The body rows are looked at only to settle what the header words leave open
(a 备注 column holding 预期性/约束性 is the attribute, holding 达到预期/未达到预期 (a reason may follow) the
verdict; a 完成情况 column holding 完成/未完成 is the verdict, holding `增长5.2%，完成年度目标` it is the actual with
the verdict in the cell). docs/header-interpreter.md has the vocabulary.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import zip_longest

from .document import parse_caption, squash
from .model import Cell
from .vocabulary import ATTRIBUTE_WORD, NOTE_START, TABLE_TITLE_WORDS, UNIT_LABEL, VERDICT_WORD

# roles
NAME, NAME_SUB, SEQ, UNIT, CATEGORY, ATTRIBUTE, VERDICT, VALUE, IGNORED = (
    "name", "name_sub", "seq", "unit", "category", "attribute", "verdict", "value", "ignored")
# provisional roles, settled before a Header is returned
_REMARK, _REVIEW, _CHANGE, _PROJECT, _OTHER = "remark", "review", "change", "project", "other"

HEADER_MAX = 20  # a header cell is a short label; a longer text is an indicator name or a sentence
SUBHEADER_MAX = 6  # a label under a spanning cell (目标, 预计完成, 是否达到预期) once its year is removed
MAX_HEADER_ROWS = 3
MOSTLY = 0.6  # share of a column's filled body cells that settles what it holds

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_YEAR = re.compile(r"((?:19|20|１９|２０)\d{2}|二[〇零○O][〇零○O一二三四五六七八九]{2})\s*年")  # full-width digits too
_RELATIVE_YEAR = re.compile(r"上年|去年|上一年|^今年|^本年")
_LEVEL_HEADER = re.compile(r"^(?:绝对值|总量|数值|总额|金额|数量|指标值)(?:[（(][^）)]*[）)])?$")
_ACTUAL = re.compile(r"完成|实际|执行|实现|实绩|预计|预估")
_TARGET = re.compile(r"目标|计划|预期|建议|规划|预测")
_VERDICT_HEADER = re.compile(r"是否|与否|评价|达标情况")
_REVIEW_HEADER = re.compile(r"(?:完成|执行|实现)情况")
_REMARK_HEADER = re.compile(r"^(?:备注|说明|附注)$")
_ATTRIBUTE_HEADER = re.compile(r"属性|性质")
_UNIT_HEADER = re.compile(r"^(?:计量|指标)?单位$")  # not 责任单位 / 牵头单位, which name departments
_SEQ_HEADER = re.compile(r"序号|编号|^序$|^No\.?$", re.I)
_CATEGORY_HEADER = re.compile(r"类别|分类|领域|类型|方面|板块")
_PROJECT_HEADER = re.compile(r"建设|投资|业主|地点|规模|起止|工期|项目名称")  # a project table, not an indicator table
# a ratio to the plan, or a completion column read by its cells (`超额完成` → the verdict, `102%` → a ratio)
_RATIO_HEADER = re.compile(r"完成率|完成计划|占计划|计划完成|为计划|完成比例|(?:完成|执行|实现|达标)(?:进度|程度|状态)")
_CHANGE_HEADER = re.compile(r"增减|比上年|同比|较上年|增长|增幅|变化")
_PART_YEAR = re.compile(r"\d{1,2}\s*[-—–－~～至]\s*\d{1,2}\s*月|[一二三四1-4]季度|上半年|前三季度|截至|截止")
_NAME_HEADER = re.compile(r"指标|名称|^(?:项目|内容|主要指标)$")
_FIGURE = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?%?")
_SEQ_CELL = re.compile(r"^(?:\d{1,3}|[（(]\d{1,3}[）)]|\d{1,3}[.．、]|[一二三四五六七八九十]+[、.．]?)$")
_CLAUSE = re.compile(r"[，,。；;！？!?]")
TITLE_MAX = 50


@dataclass(frozen=True)
class Column:
    """One column of a table as its header says."""

    index: int
    role: str  # name name_sub seq unit category attribute verdict value ignored
    header: str  # the header texts stacked over the column, joined, whitespace removed (2023年计划目标)
    period_year: int | None = None  # value columns: the year the header prints (None: take the caption's)
    measure: str | None = None  # value columns: target | actual
    verdict_in_cell: bool = False  # a 完成情况 column whose cells hold the value and the verdict together


@dataclass(frozen=True)
class Header:
    """What a table's header says: the role of every column and where the body starts."""

    columns: tuple[Column, ...]
    body_start: int  # index of the first body row in the grid (title, unit and header rows before it)
    kind: str  # indicator | project | other
    title: str | None = None  # a title printed as the grid's first row (one merged cell)
    unit_note: str | None = None  # a `单位：亿元` row printed above the header
    halves: int = 1  # 2: the table prints two indicator tables side by side (指标 | 目标 | 指标 | 目标); `columns` is one

    def role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    @property
    def values(self) -> list[Column]:
        return [c for c in self.columns if c.role == VALUE]

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    @cached_property
    def printed_texts(self) -> tuple[str, ...]:
        """The header texts as a repeated header row prints them: the empty ones left out (compared with every
        body row, so computed once)."""
        return tuple(t for t in self.texts if t)


def is_title_like(text: str) -> bool:
    """A line that reads as a table's title though it is not numbered (`2019年主要经济指标完成情况表`)."""
    s = squash(text)
    return (6 <= len(s) <= TITLE_MAX and not _CLAUSE.search(s) and not NOTE_START.match(s)
            and not UNIT_LABEL.match(s) and bool(TABLE_TITLE_WORDS.search(s)))


def is_bare_year(text: str) -> bool:
    """A header cell that names a year and no measure (`2025年`): a group over the measures printed under it."""
    s = squash(text)
    return bool(_YEAR.search(s)) and header_measure(s) is None and len(s) <= 8


def header_measure(text: str) -> str | None:
    """target/actual as a header's words say; None when they say neither (a bare year)."""
    if _ACTUAL.search(text):
        return "actual"
    if _TARGET.search(text):
        return "target"
    return None


def header_year(text: str) -> int | None:
    """`2023年` → 2023; `二〇二三年` → 2023."""
    m = _YEAR.search(text)
    if not m:
        return None
    y = m.group(1)
    return int(y) if y.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in y))


@lru_cache(maxsize=4096)
def header_role(text: str) -> str | None:
    """The role a header text names on its own; None when it is no header word (an indicator name, a figure).

    Provisional roles (remark, review, change, project, other) are settled by `read_header`.
    """
    s = squash(text)
    if not s or len(s) > HEADER_MAX:
        return None
    if _VERDICT_HEADER.search(s):
        return VERDICT
    if _REMARK_HEADER.match(s):
        return _REMARK
    if _ATTRIBUTE_HEADER.search(s):
        return ATTRIBUTE
    if _UNIT_HEADER.match(s):
        return UNIT
    if _SEQ_HEADER.search(s):
        return SEQ
    if _CATEGORY_HEADER.search(s):
        return CATEGORY
    if _PROJECT_HEADER.search(s):
        return _PROJECT
    if not _YEAR.search(s) and (s.endswith("指标") or "名称" in s):
        return NAME  # 指标名称, 主要指标, 计划指标 (a 计划 that names the table's rows, not a target column)
    if _REVIEW_HEADER.search(s):
        return _REVIEW
    if _RATIO_HEADER.search(s):
        return IGNORED
    if _CHANGE_HEADER.search(s) and not _TARGET.search(s):
        return _CHANGE
    if _YEAR.search(s) or header_measure(s) or _LEVEL_HEADER.match(s) or _RELATIVE_YEAR.search(s) \
            or _PART_YEAR.search(s):
        return VALUE
    if _NAME_HEADER.search(s):
        return NAME
    if _FIGURE.match(s) or VERDICT_WORD.match(s) or ATTRIBUTE_WORD.match(s):
        return None
    return _OTHER


@lru_cache(maxsize=4096)  # asked of every body row's first text (`is_repeated_header`)
def _is_label(text: str) -> bool:
    """A short label that may stand under a spanning header cell (目标, 2023年, 预计完成, 是否达到预期, 增长%)."""
    s = _YEAR.sub("", text)
    if len(s) > SUBHEADER_MAX:
        return False
    if not s:
        return bool(_YEAR.search(text))
    return header_role(text) in (VALUE, VERDICT, _REVIEW, _CHANGE, IGNORED)


def _spans(cell: Cell) -> bool:
    """A header cell that spans labels printed under it: a bare year (2023年) or a bare measure (计划目标)."""
    s = cell.flat
    if not s or len(s) > HEADER_MAX:
        return False
    return (header_year(s) is not None) != (header_measure(s) is not None) and header_role(s) == VALUE


def _cells(row: Sequence[Cell | None]) -> list[Cell]:
    return [c if c is not None else Cell("") for c in row]


def _width(row: Sequence[Cell | None]) -> int:
    """Cells printed in a row: a ragged text row ends in None."""
    n = len(row)
    while n and row[n - 1] is None:
        n -= 1
    return n


def _single(row: Sequence[Cell | None]) -> str | None:
    """The only text a row prints (a merged full-width cell), None when it prints none or several: decided at the
    second distinct text, with no set built (asked of every body row)."""
    text = None
    for c in row:
        if c is not None:
            t = c.flat
            if t:
                if text is None:
                    text = t
                elif t != text:
                    return None
    return text


def _is_header_row(row: Sequence[Cell | None]) -> bool:
    """Every printed text of the row is a header word, at least two of them, none a figure."""
    texts = [c.flat for c in _distinct(row) if c.flat]
    if len(texts) < 2:
        return False
    roles = [header_role(t) for t in texts]
    return all(r is not None for r in roles) and any(r not in (_OTHER,) for r in roles)


def _distinct(row: Sequence[Cell | None]) -> list[Cell]:
    """The row's cells, a merged cell once."""
    out: list[Cell] = []
    seen: set[int] = set()
    for c in row:
        if c is not None and id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def _is_subheader(row: Sequence[Cell | None], above: Sequence[Cell | None]) -> bool:
    """A further header row: besides cells merged down from the row above, only short labels."""
    if len(above) < len(row) and sum(max(c.col_span, 1) if c else 1 for c in above) == len(row):
        above = [c for c in above for _ in range(max(c.col_span, 1) if c else 1)]  # a printed row of spans
    new = [(k, c) for k, c in enumerate(row) if c is not None and c.flat
           and not (k < len(above) and above[k] is c)]
    if _is_full_width_group(new, above):
        return False
    if new and all(_is_label(c.flat) for _, c in new):
        return True
    # a row of years over the value columns only (`2024年` spanning 目标 | 预计完成, `2025年`), blank over the label
    # columns: the full header row under it, any header word under a blank cell
    return bool(new) and _is_header_row(row) and all(
        _is_label(c.flat) or (k < len(above) and (above[k] is None or not above[k].flat) and header_role(c.flat))
        for k, c in new)


def _is_full_width_group(new: list[tuple[int, Cell]], above: Sequence[Cell | None]) -> bool:
    """The row's one new text is a cell from the first column merged across every column of the header above
    (`<td colspan="5">经济增长</td>` under `指标 | 单位 | 2024年计划 | 2024年完成 | 执行情况`): a group row opening
    the body, not a label under a spanning header cell (a label splits one header cell, it never covers the name
    column and all the value columns at once), though its words (增长, 发展) may read as a header word."""
    if not new or new[0][0] != 0 or any(c is not new[0][1] for _, c in new):
        return False  # (a grid repeats a merged cell at every position it covers)
    seen: set[int] = set()
    header_width = 0
    for c in above:
        if c is None or id(c) not in seen:
            header_width += max(c.col_span, 1) if c is not None else 1
            if c is not None:
                seen.add(id(c))
    return header_width >= 3 and new[0][1].col_span >= header_width


def _expand_ragged(top: list[Cell], sub: list[Cell], width: int) -> tuple[list[Cell], list[Cell]] | None:
    """A text layout does not print spans: give the labels of the row below to the spanning cells above.

    `指标名称 单位 2023年 2024年计划目标 属性` over `计划目标 预计完成` (with or without empty cells under the merged-down
    ones). How many labels each spanning cell takes (`_shares`): its printed span when the container gave one; an
    equal share when every share then reads the same way (`2023年 2024年` over `完成 增长% 目标 增长%`: a level and
    its growth under each year); else labels until a measure repeats (目标 完成 | 目标), the last one the rest.
    """
    if len(sub) == width and sum(max(c.col_span, 1) for c in top) == width and any(_spans(c) for c in top):
        # the container printed every span of the row above a full header row (blank over 序号 | 指标名称 | 单位,
        # `2024年` over 目标 | 预计完成): each cell over the columns it spans, no guessing
        return [c for c in top for _ in range(max(c.col_span, 1))], list(sub)
    labels = [c for c in sub if c.flat]
    spanning = [i for i, c in enumerate(top) if _spans(c)]
    if not spanning or len(labels) < len(spanning):
        return None
    shares = _shares([top[i] for i in spanning], labels)
    if shares is None:
        return None
    pieces = list(labels)
    new_top: list[Cell] = []
    new_sub: list[Cell] = []
    for i, cell in enumerate(top):
        if i not in spanning:  # a merge across columns that spans no labels (指标名称 over group | name) keeps its width
            new_top.extend([cell] * max(cell.col_span, 1))
            new_sub.extend(Cell("") for _ in range(max(cell.col_span, 1)))
            continue
        n = shares[spanning.index(i)]
        taken, pieces = pieces[:n], pieces[n:]
        new_top.extend([cell] * len(taken))
        new_sub.extend(taken)
    if len(new_top) < width:
        new_top += [Cell("")] * (width - len(new_top))
        new_sub += [Cell("")] * (width - len(new_sub))
    return new_top, new_sub


def _shares(spanning: list[Cell], labels: list[Cell]) -> list[int] | None:
    """How many of the labels printed under them each spanning header cell takes (see `_expand_ragged`)."""
    spans = [c.col_span for c in spanning]
    if sum(spans) == len(labels) and any(s > 1 for s in spans):
        return spans  # the container printed the merge: no guessing
    k, rest = divmod(len(labels), len(spanning))
    if not rest and k > 1:
        groups = [labels[j * k:(j + 1) * k] for j in range(len(spanning))]
        patterns = {tuple(_label_group(c) for c in g) for g in groups}
        if len(patterns) == 1 and any(p in (_CHANGE, IGNORED) for p in next(iter(patterns))):
            return [k] * len(spanning)  # a level and its derived columns (增长%, 完成率) under each year
    shares: list[int] = []
    at = 0
    for j in range(len(spanning)):
        seen: set[str | None] = set()
        n = 0
        last = j == len(spanning) - 1
        while at + n < len(labels) and (last or _label_kind(labels[at + n]) not in seen):
            seen.add(_label_kind(labels[at + n]))
            n += 1
        if not n:
            return None
        shares.append(n)
        at += n
    return shares


def _label_group(cell: Cell) -> str | None:
    """A label's place in a year's group of columns: a level (value), a derived column, a verdict."""
    role = header_role(cell.flat)
    return role if role in (_CHANGE, IGNORED, VERDICT, _REVIEW) else VALUE


def _compacted(top: list[Cell], sub: list[Cell]) -> bool:
    """The labels under the spanning cells printed from the left edge, without the empty cells under the others
    (a space-aligned copy: `序号 指标名称 2023年 2024年` over `完成 增长% 目标 增长%`): fewer cells than the row above,
    none empty, the first under a cell that spans nothing."""
    return (len(sub) < len(top) and all(c.flat for c in sub) and all(_is_label(c.flat) for c in sub)
            and any(_spans(c) for c in top) and not _spans(top[0]))


def _label_kind(cell: Cell) -> str | None:
    """What a label under a spanning cell says, to see where the next spanning cell's labels begin."""
    s = cell.flat
    role = header_role(s)
    if role in (VERDICT, _REVIEW, _CHANGE, IGNORED):
        return role
    return header_measure(s) or (str(header_year(s)) if header_year(s) else s)


def _fill_blank_spans(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A merge printed as empty cells to the right of a spanning cell (`2023年 | (blank)` over `目标 | 完成`)."""
    out = [list(r) for r in rows]
    for r in range(len(out) - 1):
        row, below = out[r], out[r + 1]
        for k in range(1, len(row)):
            if not row[k].flat and row[k - 1].flat and _spans(row[k - 1]) and k < len(below) and below[k].flat:
                row[k] = row[k - 1]
    return out


def _stack(rows: list[list[Cell]], k: int) -> list[str]:
    """The header texts over column k, top to bottom, a merged cell once."""
    texts: list[str] = []
    for row in rows:
        t = row[k].flat if k < len(row) else ""
        if t and (not texts or texts[-1] != t):
            texts.append(t)
    return texts


def _column(k: int, stack: list[str], plan_year: int | None) -> Column:
    header = "".join(stack)
    if not stack:
        return Column(k, _OTHER, "")
    role = header_role(header) or header_role(stack[-1]) or _OTHER  # a long stacked text: its lowest label
    if role == VALUE or role == _CHANGE or role == _REVIEW:
        year = next((header_year(t) for t in reversed(stack) if header_year(t)), None)
        if year is None and plan_year:
            rel = _RELATIVE_YEAR.search(header)
            year = (plan_year - 1 if rel.group(0) in ("上年", "去年", "上一年") else plan_year) if rel else None
        measure = next((header_measure(t) for t in reversed(stack) if header_measure(t)), None)
        if role == _REVIEW:
            measure = "actual"
        return Column(k, role, header, year, measure)
    return Column(k, role, header)


def _column_reader(body: Sequence[Sequence[Cell | None]]):
    """`k → _column_texts(body).get(k, [])`, each column's texts gathered when asked: the rows are turned into
    columns once, in C (`zip_longest`), and the columns nobody asks about (a name, 序号 or unit column, whose role
    the cells never change) are never visited cell by cell."""
    cells_of = list(zip_longest(*body)) if body else []
    width = len(cells_of)

    def texts_of(k: int) -> list[str]:
        return [t for c in cells_of[k] if c is not None and (t := c.flat)] if k < width else []
    return texts_of


def _column_texts(body: Sequence[Sequence[Cell | None]]) -> dict[int, list[str]]:
    """The filled cells' texts of each column (a column no row fills is left out), top to bottom: one pass over
    the rows for every column. (`_settle` reads them through `_column_reader`; this is the plain computation.)"""
    out: dict[int, list[str]] = {}
    for row in body:
        for k, cell in enumerate(row):
            if cell is not None:
                text = cell.flat
                if text:
                    texts = out.get(k)
                    if texts is None:
                        out[k] = [text]
                    else:
                        texts.append(text)
    return out


def _mostly(texts: list[str], pattern: re.Pattern) -> bool:
    """At least MOSTLY of `texts` match; decided as soon as the texts left cannot change the answer."""
    need = MOSTLY * len(texts)
    hits, left = 0, len(texts)
    for t in texts:
        left -= 1
        if pattern.match(t):
            hits += 1
            if hits >= need:
                return True
        elif hits + left < need:
            return False
    return bool(texts) and hits >= need


# the provisional roles `_settle` reads the cells of (an attribute, a verdict or a remark column may hide under them)
_SETTLED_BY_CELLS = frozenset((VALUE, _REMARK, _OTHER, CATEGORY, _REVIEW, _CHANGE, IGNORED))


class _VerdictNote:
    """A remark that gives the report's verdict, alone or before its reason (`未达到预期，受外资项目到位延迟影响`):
    `match` as a pattern's, for `_mostly`."""

    _REASON = re.compile(r"[，,；;：:（(]")

    @classmethod
    def match(cls, text: str) -> bool:
        return bool(VERDICT_WORD.match(text) or VERDICT_WORD.match(cls._REASON.split(text, 1)[0]))


_VERDICT_NOTE = _VerdictNote


def _settle(columns: list[Column], body: Sequence[Sequence[Cell | None]], plan_year: int | None) -> list[Column]:
    """Settle the provisional roles from the cells under them and from the other columns."""
    out: list[Column] = []
    body = [row for row in body if _single(row) is None]  # a group row (one merged text) says nothing of columns
    texts_of = _column_reader(body)  # asked only of the columns whose role the cells may change
    for c in columns:
        texts = texts_of(c.index) if c.role in _SETTLED_BY_CELLS else []
        if c.role in (VALUE, _REMARK, _OTHER, CATEGORY, _REVIEW, _CHANGE) and _mostly(texts, ATTRIBUTE_WORD) \
                or c.role == _REMARK and any(ATTRIBUTE_WORD.match(t) for t in texts):
            out.append(Column(c.index, ATTRIBUTE, c.header))  # an attribute word is never a value
        elif c.role in (_REVIEW, VALUE, _OTHER, IGNORED) and _mostly(texts, VERDICT_WORD):
            # a header naming completion says a verdict or a ratio (完成进度: `超额完成` or `102%`); the cells decide
            out.append(Column(c.index, VERDICT, c.header))
        elif c.role == _REMARK and _mostly(texts, _VERDICT_NOTE):
            out.append(Column(c.index, VERDICT, c.header))  # 备注: `达到预期`, `未达到预期，受…影响`
        elif c.role == _REVIEW:
            out.append(Column(c.index, VALUE, c.header, c.period_year, "actual", verdict_in_cell=True))
        elif c.role in (_REMARK, _OTHER, _PROJECT):
            out.append(Column(c.index, IGNORED if c.role != _PROJECT else _PROJECT, c.header))
        else:
            out.append(c)
    # no name header (an empty top-left cell): the first unlabelled column left of the values holding names
    if not any(c.role == NAME for c in out) and any(c.role == VALUE for c in out):
        first_value = next(i for i, c in enumerate(out) if c.role == VALUE)
        for i, c in enumerate(out[:first_value]):
            texts = texts_of(c.index)
            if not c.header and texts and not _mostly(texts, _FIGURE) and not _mostly(texts, _SEQ_CELL):
                out[i] = Column(c.index, NAME, c.header)
                break
    # a second column under the same name header: group name | sub-row name (a merged 指标名称 over two columns)
    # (the grid repeats the merged header; a text layout prints it once, over an empty header cell)
    for i in range(1, len(out)):
        if out[i - 1].role == NAME and out[i].role in (NAME, IGNORED) \
                and (out[i].header == out[i - 1].header or not out[i].header):
            out[i] = Column(out[i].index, NAME_SUB, out[i - 1].header)
    levels = [c for c in out if c.role == VALUE]
    # 增长% / 增减 / 比上年 beside a level of its year and measure is derived from it; otherwise it is the value
    # the table gives (`2023年完成增长（%）` next to `2024年预期目标`)
    out = [Column(c.index, IGNORED if any(_same_period(c, v) for v in levels) else VALUE, c.header, c.period_year,
                  c.measure) if c.role == _CHANGE else c for c in out]
    # a yearless value column after a dated one belongs to that year (`2023年目标 | 1-11月 | 全年预计`)
    year = None
    for i, c in enumerate(out):
        if c.role == VALUE and c.period_year:
            year = c.period_year
        elif c.role == VALUE and year and not _RELATIVE_YEAR.search(c.header):
            out[i] = Column(c.index, c.role, c.header, year, c.measure, c.verdict_in_cell)
    # `2023年1-11月` beside `2023年预计`: the part-year figure is not the year's actual when the year's is printed
    full = {c.period_year for c in out if c.role == VALUE and c.measure == "actual" and not _PART_YEAR.search(c.header)}
    out = [Column(c.index, IGNORED, c.header) if c.role == VALUE and _PART_YEAR.search(c.header)
           and (c.period_year in full or None in full) else c for c in out]
    # a bare year says no measure: a year before the plan year is a review (actual), else a target
    out = [Column(c.index, c.role, c.header, c.period_year, c.measure or _bare_year_measure(c.period_year, plan_year),
                  c.verdict_in_cell) if c.role == VALUE else c for c in out]
    return out


def _same_period(change: Column, level: Column) -> bool:
    """A change column and a level column about the same year and measure (an unprinted one matches any)."""
    return (change.period_year is None or level.period_year is None or change.period_year == level.period_year) \
        and (change.measure is None or level.measure is None or change.measure == level.measure)


def _bare_year_measure(year: int | None, plan_year: int | None) -> str | None:
    """A year before the plan year is reviewed (actual), else planned; no year: the caption decides (None)."""
    if year is None:
        return None
    return "actual" if plan_year and year < plan_year else "target"


def _kind(columns: list[Column]) -> str:
    roles = [c.role for c in columns]
    if _PROJECT in roles:
        return "project"
    if roles.count(NAME) == 1 and VALUE in roles:
        return "indicator"
    return "other"


# the short labels a header prints letter-spaced, longest first
_SPACED_WORDS = sorted("序号 指标名称 指标 名称 项目 单位 计量单位 类别 领域 属性 指标属性 性质 备注 说明 目标 完成 内容".split(),
                       key=len, reverse=True)


def _join_spaced(row: list[Cell | None]) -> list[Cell | None]:
    """A header word printed letter-spaced (`指  标  名  称`) comes out of a space-aligned text as one cell per
    character: a run of one-character cells that together make a header word is that word's cell."""
    if sum(1 for c in row if c is not None and len(c.flat) == 1) < 2:
        return row
    out: list[Cell | None] = []
    k = 0
    while k < len(row):
        j = k
        while j < len(row) and row[j] is not None and len(row[j].flat) == 1 and not row[j].flat.isdigit():
            j += 1
        run = "".join(c.flat for c in row[k:j])
        word = next((w for w in _SPACED_WORDS if run.startswith(w)), None) if j - k >= 2 else None
        if word is not None:
            out.append(Cell(word, line=row[k].line))
            k += len(word)
            continue
        out.append(row[k])
        k += 1
    return out


def _read_at(grid: list[list[Cell | None]], start: int, n_rows: int | None, width: int,
             plan_year: int | None) -> Header | None:
    """The header whose first row is `start`: `n_rows` rows when known, else as many as read as header rows."""
    if start >= len(grid) or not _is_header_row(grid[start]):
        return None
    end = min(start + (n_rows or 1), len(grid))
    # a container marks fewer header rows than it printed (Markdown has one header line: the labels under a
    # spanning year come as the first body line)
    while end < len(grid) and end - start < MAX_HEADER_ROWS and _is_subheader(grid[end], grid[end - 1]):
        end += 1
    rows = [_cells(r[:_width(r)]) for r in grid[start:end]]  # a text layout's header is as wide as it is printed
    if len(rows) == 2 and (len(rows[0]) < width or _compacted(rows[0], rows[1])):
        expanded = _expand_ragged(rows[0], rows[1], width)
        if expanded is not None:
            rows = list(expanded)
    rows = _fill_blank_spans(rows)
    n = max(len(r) for r in rows)
    columns = [_column(k, _stack(rows, k), plan_year) for k in range(n)]
    columns = _settle(columns, grid[end:], plan_year)
    half = len(columns) // 2
    if len(columns) % 2 == 0 and half >= 2 and [c.role for c in columns].count(NAME) == 2 \
            and [c.header for c in columns[:half]] == [c.header for c in columns[half:]]:
        return Header(tuple(columns[:half]), end, _kind(columns[:half]), halves=2)
    return Header(tuple(columns), end, _kind(columns))


def read_header(grid: list[list[Cell | None]], header_rows: int | None = None,
                plan_year: int | None = None) -> Header | None:
    """The header of a table given as its grid (`Table.grid()`); None when no row reads as a header.

    `header_rows` is how many leading rows the container marks as the header (None: read it from the words).
    A title row (one merged cell: `表1 …`) and a `单位：亿元` row may come before the header; they are skipped and
    reported. When the marked rows do not read as an indicator header, the words decide.
    """
    if not grid:
        return None
    # only the rows a header can sit in are rejoined; the body rows are taken as they are, without a visit each
    grid = [*map(_join_spaced, grid[:MAX_HEADER_ROWS + 2]), *grid[MAX_HEADER_ROWS + 2:]]
    width = max(map(len, grid))
    title = unit_note = None
    start = 0
    while start < min(len(grid), 3):
        single = _single(grid[start])
        if single is None or _is_header_row(grid[start]):
            break
        if UNIT_LABEL.match(single):
            unit_note = single
        elif parse_caption(single) is not None or is_title_like(single):
            title = title or single
        elif not NOTE_START.match(single):
            break
        start += 1
    found: Header | None = None
    if header_rows:
        found = _read_at(grid, start, max(header_rows - start, 1), width, plan_year)
    if found is None or found.kind != "indicator":
        for s in range(start, min(len(grid), start + 3)):
            h = _read_at(grid, s, None, width, plan_year)
            if h is not None and (h.kind == "indicator" or found is None):
                found = h
                if h.kind == "indicator":
                    break
    if found is None:
        return None
    return Header(found.columns, found.body_start, found.kind, title, unit_note, found.halves)


def is_repeated_header(row: Sequence[Cell | None], header: Header) -> bool:
    """A header printed again inside a table (after a page break): the row reads as a header or a label row."""
    first = None
    for c in row:
        if c is not None and c.flat:
            first = c.flat
            break
    if first is None:
        return False
    printed = header.printed_texts
    if not (printed and first == printed[0]) and not header_role(first) and not _is_label(first):
        return False  # each test below needs the first text to be the header's first, a header word or a label
    texts = [c.flat for c in row if c is not None and c.flat]
    if tuple(texts) == printed[: len(texts)]:
        return True
    # every text a header word, one of them the name header; a row number says a body row (`一 | 总量指标 | 亿元`:
    # a group row numbered in the 序号 column), never a header. (A body row fails at its first figure or name.)
    if len(texts) >= 2 and all(map(header_role, texts)) and NAME in map(header_role, texts) \
            and not any(_SEQ_CELL.match(t) for t in texts):
        return True
    return all(_is_label(t) for t in texts) and not any(_FIGURE.match(_YEAR.sub("", t)) for t in texts)
