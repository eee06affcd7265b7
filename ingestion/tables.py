"""Indicator tables of the document model (`Document.tables`) → one IndicatorValue per value cell.

The readers hand over tables (`model.Table`), read here as the rendered text prints them (`Table.layout_rows`) so a
report gives the same records whatever container it came in; `headers.read_header` says what each column holds.
This module reads the body the way an analyst does: group rows set the category; sub-rows (其中/#, (1)/①, a blank 序号 under a
numbered row) get their parent; units come from the name (`（%）`), a 单位 column (a `—`/`／` there: no unit), the cell
(`≥340天`) or a `单位：` note; a star and the note that explains it (`注：带*为约束性指标`) give the attribute, and a
note naming the default (`注：备注栏未标明的均为预期性指标`) gives it to every row that prints none; a table continued
after a page break (`续表`, header printed again or not) is read as one table with the first part's caption.

Every value string goes through `values.parse_value`; nothing here interprets numbers. Every table looked at is
recorded as a `PartSeen`, with a problem when it reads like an indicator table and yields nothing, or when a value
column mostly fails to parse: an unseen layout must not fail silently.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter

from .document import Document, parse_caption, squash
from .headers import (
    ATTRIBUTE,
    CATEGORY,
    NAME,
    NAME_SUB,
    SEQ,
    UNIT,
    VALUE,
    VERDICT,
    Column,
    Header,
    header_measure,
    header_year,
    is_repeated_header,
    read_header,
)
from .model import Caption, Cell, Note, Table
from .quality import is_understood
from .records import IndicatorValue, PartSeen, ReportMeta, column_names
from .transposed import transposed
from .values import ParsedValue, parse_range, parse_value, strip_notes
from .vocabulary import ATTRIBUTE_WORD, NOTE_START, SUBROW_MARK, UNIT_LABEL, VERDICT_NO, VERDICT_YES

Row = list[Cell]
_FLAT = attrgetter("flat")  # `any(map(_FLAT, row))`: a row prints some text, tested without a Python-level loop

# --------------------------------------------------------------------------------------------------------------
# Vocabulary of the genre
# --------------------------------------------------------------------------------------------------------------

# Units printed in a 单位 column, in parentheses after a name or after the figure in a cell. A parenthesis after a
# name is a unit only when it reads as one (`（%）`, `（万元/人）`), so that `（可比价）` or `（助理）` stay in the name.
_UNIT_BASES = sorted(
    """% ％ ‰ 个百分点 百分点 元 美元 元/人 人 人次 户 个 家 所 座 件 项 台 辆 艘 架 条 张 床 套 间 栋 幢 处 名 位 只 头 株 棵
    部 册 场 篇 批 担 天 日 年 岁 月 小时 分钟 次 公里 千米 米 平方米 平方公里 立方米 亩 公顷 吨 标准煤 吨标准煤 吨标煤 标煤
    斤 公斤 头只 羽 户次 工作日 种 宗 笔 例 份 块 列 趟
    千瓦 千瓦时 兆瓦 度 标箱 TEU 微克 毫克 克 升 毫升 分贝 分 倍 类 级 GB Mbps kWh μg/m³ μg/m3 mg/L ㎡ m³ km""".split(),
    key=len,
    reverse=True,
)
_UNIT_TOKEN = r"(?:[十百千万亿]{0,2}(?:" + "|".join(re.escape(u) for u in _UNIT_BASES) + "))"
_UNIT = re.compile(rf"^{_UNIT_TOKEN}(?:/{_UNIT_TOKEN})*$")
# a figure printed with its unit in the cell: `≥340天`, `5.5%以内`, `4.5～5%`, `增长5.2%` (not `提高1.7个百分点`)
_CELL_UNIT = re.compile(rf"^(?:[≥≤<>＞＜约]|不低于|不高于|不超过|不少于|增长|下降|降低|达到)?"
                        rf"(?:\d+(?:[.．]\d+)?%?[～~—–－至-])?[-−+]?\d+(?:[.．]\d+)?"
                        rf"({_UNIT_TOKEN}(?:/{_UNIT_TOKEN})*)(?:以上|以下|以内|左右|及以上)?$")
_TRAILING_PAREN = re.compile(r"[（(]([^（）()]+)[）)]$")
_UNIT_NOTE = re.compile(r"(?:计量)?单位[：:]([^，,。；;）)]+)")

_SUBROW_MARK = SUBROW_MARK
# The mark a table puts on its binding (约束性) indicators, explained in a note: `*`, `▲`, `★`, `※` …
MARKS = "*＊▲△★☆※◆"
# a mark may come Markdown-escaped (`\*`) from a PDF-to-Markdown converter: the backslash is markup, not the name's
_STARS = re.compile(rf"(?:\\?[{MARKS}])+$")
_LEADING_MARK = re.compile(rf"^(?:\\?[{MARKS}])+(?=\S)")
_MARK_NOTE = re.compile(rf"[{MARKS}]")
# a footnote marker after a name (`地区生产总值①`, `…增加值②*`): the note under the table explains it
_FOOTNOTE_MARK = re.compile(r"[①-⑳](?=[*＊▲△★☆※◆]*$)")
# a note naming its binding rows (`④表中单位地区生产总值能耗降低、粮食总产量为约束性指标，其余为预期性指标`)
_BINDING_NAMES = re.compile(r"(?:^|[：:；;。，,])[①-⑳\d.．、（）()\s]*(?:表中|其中|本表中?)?([^：:；;。，,]{2,80}?)"
                            r"(?:等[\d一二三四五六七八九十]+项)?(?:指标)?(?:为|是|属于?)约束性")
_NAME_JOIN = re.compile(r"[、和及]")
_OTHERS_EXPECTED = re.compile(r"(其他|其余|其它|未标|未注|未列|没有标|不带|无).{0,8}预期性|(?:均|全部|都)(?:为|是|属于?)预期性")
# a note that names its binding rows by number (`第3、5项为约束性指标，其余为预期性`): rows the reader cannot match
_BINDING_BY_NUMBER = re.compile(r"(?:第|序号为?)[\d、，,和及至-]+(?:项|条|行)?.{0,6}约束性")
_NUMBER_RANGE = re.compile(r"(\d{1,3})(?:[项条行]?\s*[-—–－~～至到]\s*第?(\d{1,3}))?")
_CN_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+)")
_SEQ_LIKE = re.compile(r"^(?:\d{1,3}|[（(]\d{1,3}[）)]|\d{1,3}[.．、])$")
_SEQ_NUMBER = re.compile(r"\d{1,3}")
_CN_SEQ = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]?|[（(][一二三四五六七八九十]+[）)])$")
_BARE_FIGURE = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?%?(?:以上|以下|左右)?$")
_EMPTY_VALUE = re.compile(r"^[-—–－/／\\…·]*$|^(?:无|暂无|暂无数据|待定)$")
_CLAUSE_PUNCT = re.compile(r"[，,；;。]")
_SUB_SEQ = re.compile(r"^(?:[（(]\d{1,2}[）)]|[①-⑳])$")  # (1) / ① numbering of sub-rows under a numbered row
# a review cell: `未完成（增长2.1%）`, `完成（6.5%）`; else pieces split at `，`: `增长5.2%，完成年度目标`
_REVIEW_PAREN = re.compile(r"^((?:未|没有|超额|基本|已)?(?:完成|达到|实现)[^（(]{0,8})[（(](.+)[）)]$")
_REVIEW_SPLIT = re.compile(r"[，,；;]")
_VERDICT_AFTER = re.compile(r"^(.*\d.*)[（(]([^（）()]+)[）)]$")  # `增长5.2%（未完成）`: the verdict in parentheses after
_CONTINUED_TITLE = re.compile(r"^[（(]?续(?:上)?表|[（(]续(?:表)?[）)]$")
_TARGET_PIECE = re.compile(r"^(?:年度|全年)?(?:目标|计划|预期)")  # `目标6%，完成6.2%`: the target is not the outcome
_DIGIT = re.compile(r"\d")
# A decline printed in a growth row (`社会消费品零售总额增速 | 下降1.6%`) or a growth column is a negative growth rate,
# as prose reads `…下降1.6%`; a row whose indicator is the decline itself (`单位地区生产总值能耗降低 | 下降3%`) keeps a
# positive figure. A change in points (`下降0.2个百分点`) is decrease_by, never negated.
_GROWTH_NAME = re.compile(r"(?:增速|增幅|增长率|增长速度|增长|涨幅)$")
_GROWTH_HEADER = re.compile(r"增速|增幅|增长|涨幅")
_DECLINE_NAME = re.compile(r"(?:下降|降低|减少|回落|下降率|降低率|降幅)$")
_DECLINE_CELL = re.compile(r"^(?:比上年|同比|较上年)?(?:下降|降低|减少|回落)")
# A value cell printed as a growth phrase (`增长8%左右`): in a table without a unit column whose cells say what they
# state, a row whose other cell is one (`实际使用外资 | 增长10% | 下降12.3%`) is a growth row, its decline negative.
_GROWTH_CELL = re.compile(r"^(?:比上年|同比|较上年)?增长\d")
_FLIP = {"ge": "le", "le": "ge", "gt": "lt", "lt": "gt"}
# a ruling line drawn with characters in a text copy (`──────`, `=====`, `------`): a row that holds only one is
# printed furniture, neither a group label nor a row
_RULE = re.compile(r"^[\u2500-\u257f\-=_－＝━]{4,}$")

FIGURE_MAX = 15  # a value cell stating a figure (`8以上`, `≥325`, `-18左右`) is short once its notes are removed
MOSTLY_FAILED = 0.5  # a value column whose cells fail to parse more often than this is a warning
CONTINUATION_GAP = 8  # lines between the parts of a table cut by a page break (a page footer, a blank line)
CAPTION_GAP = 3  # lines between a table's last row and a caption printed under it
NOTES_UNDER_CAPTION = 3  # note blocks read under a caption printed below a table
MIN_ROWS_TO_WARN = 3  # a headerless grid this long whose rows read like indicators is a warning


# The cell readers below are pure functions of a cell's text, and a report prints the same names, units and values
# in table after table (a continued table, a review table and a plan table listing the same indicators): each
# distinct text is read once per process.
CELL_CACHE = 16384
_cached = lru_cache(maxsize=CELL_CACHE)


@_cached
def is_unit(text: str) -> bool:
    """Does `text` read as a unit of measure (`%`, `万元/人`, `公里/平方公里`)?"""
    return bool(_UNIT.match(UNIT_LABEL.sub("", squash(text))))


# --------------------------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanName:
    name: str
    unit: str | None
    starred: bool


def _strip_marks(s: str) -> str:
    while True:
        stripped = _SUBROW_MARK.sub("", s)
        if stripped == s:
            return s
        s = stripped


@_cached
def clean_name(printed: str) -> CleanName:
    """`其中：某收入增速（%）` → 某收入增速 / %; `优良天数（天）*` → 优良天数 / 天 / starred.

    Only a trailing parenthesis that reads as a unit is moved out; `（可比价）` stays in the name.
    """
    s = _FOOTNOTE_MARK.sub("", _strip_marks(squash(printed)))
    starred = bool(_STARS.search(s) or _LEADING_MARK.search(s))
    s = _LEADING_MARK.sub("", s)
    s = _STARS.sub("", s)
    unit = None
    m = _TRAILING_PAREN.search(s)
    if m and is_unit(m.group(1)):
        unit = UNIT_LABEL.sub("", m.group(1))
        s = s[: m.start()]
        starred = starred or bool(_STARS.search(s))
        s = _STARS.sub("", s)
    return CleanName(s, unit, starred)


_NO_NAME = CleanName("", None, False)  # `clean_name("")`: a row without group cells


# A unit cell printed as a dash or a slash (`—`, `-`, `／`, `/`) or 无: the indicator has no unit.
_NO_UNIT = re.compile(r"^(?:[-—–－─/／\\]+|无)$")


@_cached
def prints_no_unit(text: str) -> bool:
    return bool(_NO_UNIT.match(squash(text)))


@_cached
def clean_unit(text: str) -> str | None:
    """A 单位 cell as printed, parentheses removed: `（%）` → `%`; a dash (`—`, `／`) says there is none (SPEC: blank
    if none printed)."""
    s = UNIT_LABEL.sub("", squash(text))
    if _NO_UNIT.match(s):
        return None
    while len(s) >= 2 and s[0] in "（(" and s[-1] in "）)":
        s = s[1:-1]
    return s or None


@_cached
def unit_in_cell(value: str) -> str | None:
    """The unit printed after the figure in a value cell (`≥340天` → 天, `5.5%以内` → %); None when there is none."""
    m = _CELL_UNIT.match(strip_notes(value))
    return m.group(1) if m and "百分点" not in m.group(1) else None


@_cached
def _header_unit(header: str) -> str | None:
    """A unit printed in a value column's header: `2024年目标（亿元）` → 亿元."""
    m = _TRAILING_PAREN.search(header)
    return UNIT_LABEL.sub("", m.group(1)) if m and is_unit(m.group(1)) else None


@_cached
def group_label_unit(label: str) -> str | None:
    """The unit a group row prints for its member rows: `二、增长速度（%）` → %, `一、总量指标（单位：亿元）` → 亿元,
    `三、民生指标 单位：万人` → 万人; `（一）经济发展（6项）` prints none."""
    unit = clean_name(label).unit
    if unit:
        return unit
    m = _UNIT_NOTE.search(squash(label))
    return m.group(1) if m and is_unit(m.group(1)) else None


@_cached
def read_verdict(text: str) -> str | None:
    """The report's verdict as 是/否: `是`, `完成`, `√` → 是; `否`, `未完成`, `×` → 否; anything else as printed."""
    s = squash(text)
    if not s:
        return None
    if VERDICT_NO.match(s):
        return "否"
    if VERDICT_YES.match(s):
        return "是"
    return s


def group_label_attribute(label: str) -> str | None:
    """预期性/约束性 when a group row is named by the attribute (`（二）约束性指标`, `一、预期性指标`); else None."""
    s = _CN_ORDINAL.sub("", squash(label), count=1)
    return read_attribute(s) if ATTRIBUTE_WORD.match(s) else None


def read_attribute(text: str) -> str | None:
    """预期性/约束性 from a 指标属性 or 备注 cell (`约束性`, `约束`, `约束性指标`, `属约束性指标`); a remark such as
    `低于预期` says neither."""
    if "约束性" in text or text == "约束":
        return "约束性"
    if "预期性" in text or text == "预期":
        return "预期性"
    return None


@_cached
def read_review_cell(text: str) -> tuple[str, str | None]:
    """(value as printed, verdict 是/否 or None) of a review cell that states both.

    `增长5.2%，完成年度目标` → (`增长5.2%`, 是); `未完成（增长2.1%）` → (`增长2.1%`, 否); `6.5` → (`6.5`, None);
    `目标6%，完成6.2%` → (`完成6.2%`, None); `完成年度目标` → (`完成年度目标`, 是): a verdict with no figure is also the
    value as printed.
    """
    s = squash(text)
    m = _REVIEW_PAREN.match(s)
    if m and _DIGIT.search(m.group(2)):
        return m.group(2), read_verdict(m.group(1))
    m = _VERDICT_AFTER.match(s)
    if m and not _DIGIT.search(m.group(2)) and read_verdict(m.group(2)) in ("是", "否"):
        return m.group(1), read_verdict(m.group(2))
    pieces = [p for p in _REVIEW_SPLIT.split(s) if p]
    if len(pieces) <= 1:
        verdict = read_verdict(s) if not _DIGIT.search(s) else None
        return s, verdict if verdict in ("是", "否") else None
    figures = [p for p in pieces if _DIGIT.search(p)]
    value = next((p for p in figures if not _TARGET_PIECE.match(p)), figures[0] if figures else s)
    verdict = next((v for p in pieces if p != value and (v := read_verdict(p)) in ("是", "否")), None)
    return value, verdict


@dataclass(frozen=True)
class _NoteRules:
    """What the notes around a table say: `*` = 约束性, a default for the rows that print no attribute (`其余为
    预期性`, `备注栏未标明的均为预期性指标`, `未标注的为预期性指标`), a table-wide unit."""

    star_binding: bool = False
    others_expected: bool = False
    unit: str | None = None
    binding: frozenset[str] = frozenset()  # names a note calls 约束性 (`A、B为约束性指标`)
    binding_seqs: frozenset[str] = frozenset()  # row numbers a note calls 约束性 (`第10、11、12项为约束性指标`)

    @classmethod
    def read(cls, notes: Sequence[str]) -> _NoteRules:
        star = others = False
        unit = None
        binding: set[str] = set()
        seqs: set[str] = set()
        for s in notes:
            if _MARK_NOTE.search(s) and "约束性" in s:
                star = True
            by_number = _BINDING_BY_NUMBER.search(s)
            if by_number:
                seqs.update(_numbers(by_number.group(0)))
            if _OTHERS_EXPECTED.search(s):
                others = True
            m = _UNIT_NOTE.search(s)
            if m and is_unit(m.group(1)):
                unit = m.group(1)
            if "约束性" in s and not _MARK_NOTE.search(s) and not _BINDING_BY_NUMBER.search(s):
                for found in _BINDING_NAMES.finditer(s):
                    binding.update(n for n in _NAME_JOIN.split(found.group(1)) if len(n) >= 2 and "的" not in n)
        return cls(star, others, unit, frozenset(binding), frozenset(seqs))

    def attribute(self, starred: bool, name: str | None = None, seq: str | None = None) -> str | None:
        if self.star_binding and starred or name is not None and name in self.binding \
                or seq is not None and seq.strip("（）().．、") in self.binding_seqs:
            return "约束性"
        if self.others_expected and not starred:
            return "预期性"
        return None


def _numbers(text: str) -> set[str]:
    """The row numbers a note lists (`第10、11、12项`, `第3-5项`, `第3项至第5项`, `序号2至4`), as the 序号 column prints
    them."""
    out: set[str] = set()
    for m in _NUMBER_RANGE.finditer(text):
        low, high = int(m.group(1)), int(m.group(2) or m.group(1))
        if high - low <= 50:
            out.update(str(k) for k in range(low, high + 1))
    return out


_NOTE_FIRST = frozenset("注备说资数" + MARKS)  # what `_is_note` text opens with (NOTE_START's words, a mark)


@_cached
def _is_note(text: str) -> bool:
    """`注：…`, `资料来源：…`, or a line stating the mark rule (`*为约束性指标`): never a row."""
    return bool(NOTE_START.match(text)) or (bool(_MARK_NOTE.match(text)) and "约束性" in text)


@_cached
def _holds_value(text: str) -> bool:
    """A value cell that states something: not empty (`—`, `/`, 暂无), not an attribute word (预期性) in a value
    column."""
    return not _EMPTY_VALUE.match(text) and not ATTRIBUTE_WORD.match(text)


@_cached
def _is_figure(value: str) -> bool:
    body = strip_notes(value)
    return len(body) <= FIGURE_MAX and not _CLAUSE_PUNCT.search(body) and parse_value(value).value_num is not None


# --------------------------------------------------------------------------------------------------------------
# Rows → cells by role
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Parts:
    """The cells of one body row by role."""

    by_role: dict[str, Cell]
    values: list[tuple[Column, Cell]]
    group_cells: list[Cell]  # extra cells in the name area: a merged group name (`污染物排放总量*`)

    def text(self, role: str) -> str:
        cell = self.by_role.get(role)
        return cell.flat if cell else ""


def _index_of(columns: Sequence[Column], role: str) -> int | None:
    return next((i for i, c in enumerate(columns) if c.role == role), None)


@dataclass(frozen=True)
class _Columns:
    """A header's columns with the positions rows are placed by (the name and 序号 columns), found once per table
    rather than once per row; `short` is the same without the sub-row name column, for a row that prints fewer
    cells than the header (its name printed once)."""

    columns: Sequence[Column]
    name_idx: int  # 0 when there is no name column
    seq_idx: int | None
    short: _Columns | None = None
    # where a row as wide as the header puts its cells (`split_row`): the first column of each role but a value's,
    # and the value columns, in column order
    first_of_role: tuple[tuple[int, str], ...] = ()
    value_at: tuple[tuple[int, Column], ...] = ()

    @classmethod
    def of(cls, columns: Sequence[Column]) -> _Columns:
        def plain(cols: Sequence[Column]) -> _Columns:
            first: dict[str, int] = {}
            for i, c in enumerate(cols):
                if c.role and c.role != VALUE and c.role not in first:
                    first[c.role] = i
            return cls(cols, _index_of(cols, NAME) or 0, _index_of(cols, SEQ), None,
                       tuple((i, role) for role, i in first.items()),
                       tuple((i, c) for i, c in enumerate(cols) if c.role == VALUE))
        if any(c.role == NAME_SUB for c in columns):
            return replace(plain(columns), short=plain([c for c in columns if c.role != NAME_SUB]))
        return plain(columns)


def _row_offset(cells: Row, layout: _Columns) -> int:
    """Where a short row starts among the columns.

    A text row with fewer cells than the header lost leading cells (序号 or 类别 left out) unless it starts with a
    row number, in which case it lost trailing ones. The name column is never skipped.
    """
    missing = len(layout.columns) - len(cells)
    if layout.seq_idx is not None and _SEQ_LIKE.match(cells[0].flat):
        return min(layout.seq_idx, missing)
    return min(missing, layout.name_idx)


def split_row(cells: Row, layout: _Columns) -> _Parts:
    """Assign a row's cells to columns; extra cells belong to the name area (a merged group-name cell).

    A real grid gives every row the full width (a merged cell repeated); a text layout may print a row with cells
    left out or with an extra group-name cell. With a two-column name area (group name | sub-row name) a row may
    fill both, repeat its name in both, or print it once.
    """
    if len(cells) < len(layout.columns) and layout.short is not None:
        layout = layout.short
    columns = layout.columns
    n, m = len(columns), len(cells)
    if m == n:  # a row as wide as the header (most rows): each cell in its column, placed as the header says
        # plain loops, not a dict and a list comprehension: on Python 3.11 each comprehension is a function call,
        # which costs more than the few cells of a row (this runs for every body row)
        by_role = {}
        for i, role in layout.first_of_role:
            by_role[role] = cells[i]
        values = []
        for i, col in layout.value_at:
            values.append((col, cells[i]))
        if NAME_SUB in by_role:
            return _with_sub_name(by_role, values, [])
        return _Parts(by_role, values, [])  # no sub-row name column: nothing to settle
    name_idx = layout.name_idx
    group_cells: list[Cell] = []
    name_area = cells[name_idx: name_idx + max(m - n, 0) + 1] if m > n else []
    if m > n and not any(_BARE_FIGURE.match(c.flat) for c in name_area):
        extra = m - n
        group_cells = [c.by if isinstance(c, _Covered) and c.by is not None else c for c in name_area[:-1]]
        placed = list(zip(columns[:name_idx], cells[:name_idx]))
        placed.append((columns[name_idx], name_area[-1]))
        placed += list(zip(columns[name_idx + 1:], cells[name_idx + extra + 1:]))
    elif m > n:  # extra cells that are figures are not a merged group name: a ragged row, read left to right
        placed = list(zip(columns, cells))
    else:
        offset = _row_offset(cells, layout) if m < n else 0
        placed = list(zip(columns[offset:], cells))
    by_role: dict[str, Cell] = {}
    values = []
    for col, cell in placed:
        if col.role == VALUE:
            values.append((col, cell))
        elif col.role and col.role not in by_role:
            by_role[col.role] = cell
    return _with_sub_name(by_role, values, group_cells)


def _with_sub_name(by_role: dict[str, Cell], values: list[tuple[Column, Cell]], group_cells: list[Cell]) -> _Parts:
    """The row's parts once its cells are placed: with a two-column name area, a sub-row name is the row's name
    and the name beside it (or merged down over it) the row's group."""
    sub = by_role.pop(NAME_SUB, None)
    name = by_role.get(NAME)
    if sub is not None and sub.flat and (name is None or sub.flat != name.flat):
        if name is not None and name.flat:
            group_cells.append(name)
        elif isinstance(name, _Covered) and name.by is not None and name.by.flat:
            group_cells.append(name.by)  # a group name merged down over its rows is each row's group
        by_role[NAME] = sub
    return _Parts(by_role, values, group_cells)


def _single_text(cells: Row) -> Cell | None:
    """The only text of a row that has one (a merged full-width cell repeats it in every grid cell): its first
    filled cell. Decided at the second distinct text (a body row: its second cell), with no list or set built."""
    first = None
    for c in cells:
        text = c.flat
        if text:
            if first is None:
                first = c
            elif text != first.flat:
                return None
    return first


def _is_group_row(single: Cell, cells: Row, columns: Sequence[Column], next_row: Row | None) -> bool:
    """A row holding only a group label (`一、经济发展`) rather than a value-less indicator.

    A lone text is an indicator without values (a parent such as `污染物排放总量*`) when `其中`/`#` rows follow it
    or when it sits in the name column of a full row, unless it is numbered like a section (一、…).
    """
    if _SEQ_LIKE.match(single.flat):
        return False
    if _CN_ORDINAL.match(single.flat):
        return True
    if next_row and any(_SUBROW_MARK.match(c.flat) for c in next_row):
        return False
    if len(cells) == len(columns) and sum(1 for c in cells if c.flat) == 1:
        return columns[cells.index(single)].role not in (NAME, SEQ)
    return True


# --------------------------------------------------------------------------------------------------------------
# One logical table (its parts after page breaks joined) → values
# --------------------------------------------------------------------------------------------------------------


@dataclass(slots=True)  # one per row: not frozen, whose per-field setattr costs more than the row's reading
class _Owner:
    """A row that following sub-rows belong to."""

    name: str
    seq: str | None
    attribute: str | None
    starred: bool = False
    has_value: bool = True  # False: a heading row (no value of its own) whose number its sub-rows carry
    children: int = 0
    unit: str | None = None  # the unit it prints: its members' when the row turns out to be a group label


@dataclass
class _Context:
    """What carries down the rows of a table: the category (and the unit its group row prints for its members) and
    the row that sub-rows belong to."""

    category: str | None = None
    owner: _Owner | None = None
    group_unit: str | None = None  # `二、增长速度（%）`: the unit of every member row that prints none of its own
    group_attribute: str | None = None  # `（二）约束性指标`: the attribute of every member row that prints none

    def open_group(self, label: str, unit: str | None = None) -> None:
        """A group row sets the category as printed; the unit it prints (in parentheses, `单位：…`, or its unit
        cell) goes to its member rows, and so does the attribute a group named by it states (`（一）预期性指标`)."""
        self.category = label
        self.group_unit = unit or group_label_unit(label)
        self.group_attribute = group_label_attribute(label)


@dataclass(frozen=True)
class _TableInfo:
    """What every value of one table shares."""

    title: str | None
    caption_line: int | None
    caption_year: int | None
    has_seq: bool
    has_actual: bool
    rules: _NoteRules
    meta: ReportMeta | None
    years: dict[int, int | None] = field(default_factory=dict, compare=False)  # period_year by column index, memo

    def period_year(self, col: Column) -> int | None:
        """Year from the column's header, else the caption, else the report's review/plan year."""
        if col.period_year:
            return col.period_year
        if self.caption_year:
            return self.caption_year
        if self.meta is None:
            return None
        if col.measure == "actual" or self.has_actual:
            return self.meta.review_year or self.meta.plan_year
        return self.meta.plan_year


@dataclass
class _Logical:
    """A table as the reader sees it: its first part's caption and header, the body rows of all its parts."""

    first: Table
    header: Header | None
    body: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    last: Table | None = None
    caption_below: Caption | None = None  # printed under the last part (`续表 … 附表1 …`): the whole table's caption

    @property
    def title(self) -> str | None:
        return self.first.title() or (self.header.title if self.header else None) \
            or (self.caption_below.flat if self.caption_below is not None else None)

    @property
    def line(self) -> int:
        cap = self.first.caption  # above the table or, for a caption printed below it, after it
        return min(cap.start, self.first.start) if cap is not None and cap.start else self.first.start


def _row_cells(row: Sequence[Cell | None]) -> Row:
    """A grid row as cells: a ragged text row ends where its printed cells end; a hole is an empty cell."""
    n = len(row)
    while n and row[n - 1] is None:
        n -= 1
    return [c if c is not None else Cell("") for c in row[:n]]


def _unglue(rows: list[Row]) -> list[Row]:
    """Split data cells off a header row printed without a row break after it (`序号 指标名称 … 1 地区生产总值 …`).

    The first row number after the 序号 header cell shows where the header ends: the header is as wide as the
    distance between the two. The cells after it are cut into rows of that width.
    """
    if not rows:
        return rows
    first = rows[0]
    seq_at = next((i for i, c in enumerate(first) if c.flat in ("序号", "序", "编号")), None)
    if seq_at is None:
        return rows
    number_at = next((i for i, c in enumerate(first) if i > seq_at and _SEQ_NUMBER.fullmatch(c.flat)), None)
    if number_at is None or number_at - seq_at < 3:
        return rows
    width = number_at - seq_at
    data = first[width:]
    return [first[:width], *(data[k: k + width] for k in range(0, len(data), width)), *rows[1:]]


def _split_glued(body: list[Row], header: Header) -> list[Row]:
    """Rows the text glued together (a line between two rows, such as a page footer, read as a wrapped cell):
    a row exactly k times the header's width whose every piece opens with a row number is k rows."""
    width = len(header.columns)
    seq = _index_of(header.columns, SEQ)
    if seq is None or width < 3:
        return body
    out: list[Row] = []
    for row in body:
        k = len(row) // width
        if k >= 2 and len(row) % width == 0 \
                and all(_SEQ_LIKE.match(row[i * width + seq].flat) for i in range(k)):
            out.extend(row[i * width:(i + 1) * width] for i in range(k))
        else:
            out.append(row)
    return out


@dataclass(frozen=True)
class _Covered(Cell):
    """A position of the grid that a cell merged down from a row above covers: printed empty (as the rendered text
    shows it), but the merged cell applies to it (a `%` or `预期性` cell spanning six rows is each row's unit or
    attribute)."""

    by: Cell | None = None


def _printed_rows(table: Table) -> list[Row]:
    """`Table.layout_rows()` (each printed cell once, left to right), with the positions that a cell spanning rows
    covers kept as `_Covered` so that `_merged_text` can read the merged cell there."""
    return table.layout_rows(covered=_covered_by)


def _covered_by(cell: Cell) -> Cell:
    return _Covered("", by=cell)


def _merged_text(parts: _Parts, role: str) -> str:
    """A cell's text, or for a position a merged cell covers from above, that cell's text."""
    cell = parts.by_role.get(role)
    if isinstance(cell, _Covered) and cell.by is not None:
        return cell.by.flat
    return cell.flat if cell else ""


def _grid_rows(table: Table) -> list[Row]:
    return _unglue([_row_cells(r) for r in _printed_rows(table)])


def _note_texts(table: Table) -> list[str]:
    return [squash(n.text) for n in table.notes]


def _is_title_row(row: Row) -> bool:
    """A continuation's own title printed in its first row (`表1（续）`, `续表`)."""
    single = _single_text(row)
    return single is not None and (_CONTINUED_TITLE.search(single.flat) is not None
                                   or parse_caption(single.flat) is not None)


def _continues(table: Table, header: Header | None, prev: _Logical | None) -> bool:
    """The table goes on from `prev`: marked so (`续表`), or printed right after it with no caption, no header
    of its own and as many columns (a page break that did not repeat the header)."""
    if prev is None or prev.header is None or prev.header.kind != "indicator":
        return False
    if table.continued:
        return table.caption is not None or not _header_of_its_own(header, prev.header)
    last = prev.last or prev.first
    own_header = header is not None and header.kind == "indicator"
    return (table.caption is None and not own_header and table.n_cols == last.n_cols
            and 0 <= table.start - last.end <= CONTINUATION_GAP)


def _header_of_its_own(header: Header | None, above: Header) -> bool:
    """A part after a page break, with no `续表` caption, that prints an indicator header other than the one of
    the table above (other columns, not the header printed again): a table of its own that starts on the new
    page."""
    return header is not None and header.kind == "indicator" and header.texts != above.texts


def _rows_and_header(table: Table, plan_year: int | None) -> tuple[list[Row], Header | None]:
    """The table's rows and header; a table printed on its side (`transposed`) turned back first."""
    rows = _grid_rows(table)
    header = read_header([list(r) for r in rows], table.header_rows, plan_year) if rows else None
    if rows and (header is None or header.kind != "indicator"):
        turned = transposed(rows)
        turned_header = read_header([list(r) for r in turned], None, plan_year) if turned else None
        if turned is not None and turned_header is not None and turned_header.kind == "indicator":
            return turned, turned_header
    return rows, header


def _logical_tables(doc: Document, plan_year: int | None) -> list[_Logical]:
    out: list[_Logical] = []
    for table in doc.tables:
        rows, header = _rows_and_header(table, plan_year)
        prev = out[-1] if out else None
        if _continues(table, header, prev):
            assert prev is not None and prev.header is not None
            if header is not None and header.kind == "indicator":
                body = rows[header.body_start:]
            else:
                body = list(rows)
                while body and (is_repeated_header(body[0], prev.header) or _is_title_row(body[0])):
                    body.pop(0)
            prev.body.extend(body)
            prev.notes.extend(_note_texts(table))
            prev.last = table
            continue
        body = rows[header.body_start:] if header is not None else rows
        if header is not None and header.halves == 2:
            body = _side_by_side(body, len(header.columns))
        out.append(_Logical(table, header, body, _note_texts(table)))
    _take_captions_below(doc, out)
    _share_notes_numbered_on(out)
    return out


SPLIT_GAP = 12  # lines between two captioned parts of one table: blank lines, the second part's caption


def _share_notes_numbered_on(tables: list[_Logical]) -> None:
    """One table printed as two captioned parts (`表1：经济发展…`, `表2：社会民生…`), the second with the same
    columns and its 序号 numbered on from the first (1–11, then 12–20), and one `说明：*为约束性指标，其余为预期性`
    under the second only: that note explains both parts. A part with notes of its own keeps them alone."""
    for a, b in zip(tables, tables[1:]):
        if a.notes or not b.notes or a.header is None or b.header is None or a.header.texts != b.header.texts:
            continue
        last = a.last or a.first
        if not 0 <= b.first.start - last.end <= SPLIT_GAP:
            continue
        seq = next((c.index for c in a.header.columns if c.role == SEQ), None)
        if seq is None:
            continue
        above = [int(r[seq].flat) for r in a.body if seq < len(r) and r[seq].flat.isdigit()]
        below = [int(r[seq].flat) for r in b.body if seq < len(r) and r[seq].flat.isdigit()]
        if above and below and below[0] == above[-1] + 1 and above[0] == 1:
            a.notes.extend(b.notes)


def _take_captions_below(doc: Document, tables: list[_Logical]) -> None:
    """A table continued over a page break whose caption is printed under its LAST part (`续表` opens the second
    part, `附表1 …` and `注：带▲为约束性指标` follow its last row): that caption is the whole table's title and the
    notes under it apply to every part. The reader gives a caption below only to a part with no caption of its own,
    and a `续表` part has one. A caption nobody owns, right under the last part and not over a table that follows,
    is taken, with the notes printed under it."""
    blocks = [b for b in doc.blocks if b.kind != "furniture"]  # a page number between the rows and the caption
    at = {id(b): k for k, b in enumerate(blocks)}
    owned = {id(b.caption) for b in blocks if isinstance(b, Table) and b.caption is not None}
    for t in tables:
        if t.last is None or t.title is not None or id(t.last) not in at:
            continue
        k = at[id(t.last)]
        cap = blocks[k + 1] if k + 1 < len(blocks) else None
        if not isinstance(cap, Caption) or id(cap) in owned or _CONTINUED_TITLE.search(cap.flat) \
                or not 0 <= cap.start - t.last.end <= CAPTION_GAP:
            continue
        after = blocks[k + 2:k + 2 + NOTES_UNDER_CAPTION]
        if after and isinstance(after[0], Table):
            continue  # the caption of the table that follows
        t.caption_below = cap
        owned.add(id(cap))
        for note in after:
            if not isinstance(note, Note):
                break
            t.notes.append(squash(note.text))


def _sub_names_in_padding(header: Header, body: list[Row]) -> tuple[Header, list[Row]]:
    """A grid padded to its widest rows (a Markdown converter, a Word table) under a header whose last column has
    no label: the rows that fill it print a sub-row's name (`#二氧化硫（%）`, `其中：…`) beside their parent's, one
    cell more than the header names, as a TAB-joined row prints it. The unlabelled column is padding: the rows
    that leave it empty end before it, the rows that fill it are one cell wider than the header (their name area
    holds two names). A value never opens with a sub-row mark, so a column with a label of its own is never
    taken for padding."""
    columns = header.columns
    width = len(columns)
    name = _index_of(columns, NAME)
    if width < 3 or columns[-1].header or name is None or name + 2 >= width:
        return header, body
    filled = [r for r in body if len(r) == width and r[-1].flat]
    if not filled or not all(SUBROW_MARK.match(r[name + 1].flat) for r in filled):
        return header, body
    rows = [r[:-1] if len(r) == width and not r[-1].flat else r for r in body]
    return replace(header, columns=columns[:-1]), rows


def _sub_names_in_seq_column(header: Header, body: list[Row]) -> list[Row]:
    """A sub-row name printed in the 序号 column of a padded grid (`#民间投资增速 | % | 6 | 3.2 | × |`: its cell
    merged over 序号 and 指标 in the source, the grid padded at the end): the row starts one column left. A
    row number is never a `#`/`其中` name, so such a row moves right by one when its last cell is empty (nothing
    falls off), as a TAB row printing one cell less than the header is read."""
    columns = header.columns
    width = len(columns)
    seq = _index_of(columns, SEQ)
    if seq is None or _index_of(columns, NAME) != seq + 1:
        return body
    out = []
    for r in body:
        if len(r) == width and not r[-1].flat and SUBROW_MARK.match(r[seq].flat) and r[seq + 1].flat:
            r = [*r[:seq], Cell(""), *r[seq:-1]]
        out.append(r)
    return out


def _side_by_side(body: list[Row], width: int) -> list[Row]:
    """Two indicator tables printed side by side: the left half's rows, then the right half's."""
    return [r[:width] for r in body] + [r[width:] for r in body if any(c.flat for c in r[width:])]


def _looks_like_indicators(header: Header, body: Sequence[Row]) -> bool:
    """A grid with a name and a year column may still be a task list (名称 | 2022年目标任务 with text values).

    An indicator table says 指标 in its name header, or has a unit or attribute column, or at least half of its
    value cells are figures: short, with a number, not a clause (`建成学校2所，新增学位N个` is a task).
    """
    name_header = header.role(NAME)[0].header
    if "指标" in name_header or header.role(UNIT) or header.role(ATTRIBUTE):
        return True
    layout = _Columns.of(header.columns)
    cells = [cell.flat for row in body for _, cell in split_row(row, layout).values if cell.flat]
    figures = [c for c in cells if _is_figure(c)]
    return bool(cells) and 2 * len(figures) >= len(cells)


def _read_logical(t: _Logical, meta: ReportMeta | None) -> tuple[list[IndicatorValue], PartSeen | None]:
    """The values of one table and what was seen in it (None for a project table: not this extractor's part)."""
    header = t.header
    title = t.title
    body = [r for r in t.body if any(map(_FLAT, r))]
    if header is not None:
        body = _split_glued(body, header)
        header, body = _sub_names_in_padding(header, body)
        body = _sub_names_in_seq_column(header, body)
    part = PartSeen("other_table", title, t.line, len(body), 0)
    says_indicators = bool(title and "指标" in title)
    if header is not None and header.kind == "project":
        return [], None  # a project table: the project extractor records it
    if header is None or header.kind != "indicator":
        if says_indicators:
            part.problem = "its caption names indicators but its header could not be read (no name and value columns)"
        elif header is None and _rows_read_like_indicators(body):
            part.problem = ("its rows read like indicator rows (units or 预期性/约束性 in the cells) but no header names "
                            "its columns")
        return [], part
    if not _looks_like_indicators(header, body):
        if says_indicators:
            part.problem = "its caption names indicators but its value cells are not figures"
        return [], part
    part.kind = "indicator_table"
    header = _measures_from_caption(header, title)
    columns = header.columns
    in_grid_notes = [c.flat for r in body for c in r if c.flat[:1] in _NOTE_FIRST and _is_note(c.flat)]
    info = _TableInfo(
        title=title,
        caption_line=t.line,
        caption_year=header_year(title or ""),
        has_seq=bool(header.role(SEQ)),
        has_actual=any(c.measure == "actual" for c in header.values),
        rules=_NoteRules.read([title or "", *(header.unit_note and [header.unit_note] or []), *t.notes,
                               *in_grid_notes, *header.texts]),
        meta=meta,
    )
    ctx = _Context()
    layout = _Columns.of(columns)
    out: list[IndicatorValue] = []
    for k, cells in enumerate(body):
        single = _single_text(cells)
        if single is not None and (_is_note(single.flat) or _RULE.match(single.flat)):
            continue
        if single is None and is_repeated_header(cells, header):
            continue  # the header printed again after a page break
        next_row = body[k + 1] if k + 1 < len(body) else None
        if single is not None and _is_group_row(single, cells, columns, next_row):
            ctx.open_group(single.flat)
            ctx.owner = None
            continue
        out.extend(_read_data_row(split_row(cells, layout), ctx, info))
    part.facts_read = len(out)
    part.problem = _problem(out)
    return out, part


def _rows_read_like_indicators(body: Sequence[Row]) -> bool:
    """Most rows of a grid carry a unit cell (`%`, `万美元`) or an attribute word beside a figure: an indicator table
    whose header the reader did not hand over (printed apart from the rows), not a list of other things."""
    def indicator_like(row: Row) -> bool:
        texts = [c.flat for c in row if c.flat]
        marked = any(is_unit(t) or ATTRIBUTE_WORD.match(t) for t in texts)
        figures = [t for t in texts if _DIGIT.search(t)]  # besides a leading row number
        return marked and (len(figures) >= 2 or bool(figures) and not _SEQ_LIKE.match(texts[0]))
    return len(body) >= MIN_ROWS_TO_WARN and sum(map(indicator_like, body)) * 2 > len(body)


def _orphan_captions(doc: Document, tables: Sequence[_Logical]) -> list[PartSeen]:
    """Captions that name indicators (`表2 2024年主要指标预期目标`) with no table read under or over them: the table
    the caption announces was lost (its rows not recognised as a table), which must be a warning, not a silence."""
    blocks = getattr(doc, "blocks", None) or []
    owners = [b.caption for b in blocks if isinstance(b, Table) and b.caption is not None]
    owners += [t.caption_below for t in tables if t.caption_below is not None]
    owned = {id(c) for c in owners}
    # a line naming a table that was read under its own caption (`表1各项指标完成情况如下：` over `表1 …`) refers
    # to that table: nothing was lost
    read_numbers = {n for n in map(parse_caption, (c.flat for c in owners)) if n and n[1]}
    lost = []
    for b in blocks:
        if not isinstance(b, Caption) or id(b) in owned or "指标" not in b.flat or _CONTINUED_TITLE.search(b.flat):
            continue
        cap = parse_caption(b.flat)
        if cap and cap[0] in ("表", "附表") and cap not in read_numbers:
            lost.append(PartSeen("indicator_table", b.flat, b.start, 0, 0,
                                 "its caption names indicators but no table was read under it"))
    return lost


def _measures_from_caption(header: Header, title: str | None) -> Header:
    """A value column whose header says neither target nor actual (`2024年`, `绝对值`): the caption says it
    (`…完成情况` → actual), else it is the plan's target."""
    if all(c.measure for c in header.values):
        return header
    measure = header_measure(title or "") or "target"
    columns = tuple(replace(c, measure=measure) if c.role == VALUE and not c.measure else c for c in header.columns)
    return replace(header, columns=columns)


def _problem(values: list[IndicatorValue]) -> str | None:
    """Why an indicator table is a warning: nothing read, or a value column mostly not understood."""
    if not values:
        return "it reads as an indicator table but no value was read from it"
    # one pass counting each column's values and its values not understood (`quality.is_understood`, whose number
    # test is made inline first: nearly every value has a number, and the call and a generator per column cost more)
    counts: dict[str, list[int]] = {}  # column header → [values, not understood], in the order the columns appear
    for v in values:
        key = v.column_header or ""
        seen = counts.get(key)
        if seen is None:
            seen = counts[key] = [0, 0]
        seen[0] += 1
        if v.value_num is None and not is_understood(v.value_raw, None):
            seen[1] += 1
    bad = [h for h, (n, failed) in counts.items() if failed > MOSTLY_FAILED * n]
    if bad:
        return f"most cells of value column(s) {'、'.join(bad)} are neither a figure nor a known qualitative phrase"
    return None


def _is_sub_row(parts: _Parts, printed: str, seq: str | None, ctx: _Context, info: _TableInfo) -> bool:
    """其中：/# rows, (1)/① rows, and rows with a blank 序号 under a numbered row belong to the row above."""
    if parts.group_cells and any(c.flat for c in parts.group_cells):
        return True
    if _SUBROW_MARK.match(printed):
        return True
    owner = ctx.owner
    if owner is None:
        return False
    if seq is not None:
        return bool(_SUB_SEQ.match(seq)) and owner.seq is not None
    return info.has_seq and (owner.seq is not None or not owner.has_value)


def _read_data_row(parts: _Parts, ctx: _Context, info: _TableInfo) -> list[IndicatorValue]:
    """Update the carried context with one data row and return its values."""
    by_role = parts.by_role  # (each cell read inline: this runs for every row, and a call costs more than the read)
    cell = by_role.get(CATEGORY)
    category = cell.flat if cell is not None else ""
    if category and category != ctx.category:
        ctx.open_group(category)  # an empty 类别 cell carries the one above
    cell = by_role.get(SEQ)
    seq = cell.flat if cell is not None else ""
    seq = seq or None
    name_cell = by_role.get(NAME)
    printed = name_cell.flat if name_cell is not None else ""
    if not printed:
        return []
    name = clean_name(printed)
    if not name.name:  # a bare `其中：` row announces the sub-rows; the row they belong to stays the owner
        return []
    cell = by_role.get(ATTRIBUTE)  # `_merged_text(parts, ATTRIBUTE)`, inline
    attribute_cell = "" if cell is None else cell.by.flat if isinstance(cell, _Covered) and cell.by is not None else cell.flat
    attribute = read_attribute(attribute_cell) if attribute_cell else None
    values = []  # the value cells that state something (a loop: a comprehension is a call of its own on 3.11)
    for col, cell in parts.values:
        if _holds_value(cell.flat):
            values.append((col, cell))
    cell = by_role.get(UNIT)  # `_merged_text(parts, UNIT)`, inline
    unit_cell = "" if cell is None else cell.by.flat if isinstance(cell, _Covered) and cell.by is not None else cell.flat
    own_unit = clean_unit(unit_cell) or name.unit  # in the unit column or the name (`（人）`)
    if seq and _CN_SEQ.match(seq) and not values:  # `一 | 经济发展 |  | `: a group row numbered in the 序号 column
        ctx.open_group(printed, own_unit)
        ctx.owner = None
        return []

    # a merged group-name cell beside the first sub-row opens a group without a value row; a bare `其中` cell
    # before the name only marks the row as a sub-row of the row above
    group = clean_name("".join([c.flat for c in parts.group_cells])) if parts.group_cells else _NO_NAME
    if group.name and _CN_ORDINAL.match(group.name):  # a section label (一、…) beside its rows is their category
        ctx.open_group(group.name, group.unit)
        ctx.owner, parts.group_cells = None, []
    elif group.name and (ctx.owner is None or ctx.owner.name != group.name):
        ctx.owner = _Owner(group.name, seq, None, group.starred, has_value=False)

    owner = ctx.owner
    if _is_sub_row(parts, printed, seq, ctx, info) and owner is not None:
        parent = owner.name
        if not owner.has_value:
            seq = seq or owner.seq  # the group has no row of its own: its number goes to its rows (as 类别 does)
        starred = name.starred or owner.starred
        attribute = attribute or info.rules.attribute(starred, name.name, owner.seq) or owner.attribute
        owner.children += 1  # ctx.owner is the only holder of the row
    else:
        if owner is not None and not owner.has_value and owner.seq is None and not owner.children:
            ctx.open_group(owner.name, owner.unit)  # an unnumbered value-less row nobody belonged to was a group label
        parent = None
        attribute = attribute or info.rules.attribute(name.starred, name.name, seq) or ctx.group_attribute
        ctx.owner = _Owner(name.name, seq, attribute, name.starred, bool(values), 0, own_unit)
        if not values:  # a heading for the sub-rows that follow (`污染物排放总量*` over its `#` rows): not a row itself
            return []

    no_unit = prints_no_unit(unit_cell)  # `—` in the unit column: none, whatever the header or a 单位： note says
    unit = own_unit
    cell = by_role.get(VERDICT)  # `_merged_text(parts, VERDICT)`, inline
    verdict_cell = "" if cell is None else cell.by.flat if isinstance(cell, _Covered) and cell.by is not None else cell.flat
    verdict = read_verdict(verdict_cell) if verdict_cell else None
    out: list[IndicatorValue] = []
    growth_cells = any(_GROWTH_CELL.match(c.flat) for _, c in values) and not _DECLINE_NAME.search(name.name)
    for col, cell in values:
        figure, achieved = cell.flat, verdict
        if col.verdict_in_cell:  # value_raw stays the cell as printed; the figure is read from its value part
            figure, in_cell = read_review_cell(cell.text)
            achieved = in_cell or verdict
        # the row's own unit (its unit cell, name or cell) wins over its group row's, which wins over the table's
        if no_unit:
            row_unit = unit or unit_in_cell(figure)
        elif ctx.group_unit:
            row_unit = unit or unit_in_cell(figure) or ctx.group_unit
        else:
            row_unit = unit or _header_unit(col.header) or unit_in_cell(figure) or info.rules.unit
        out.extend(_values(info, col, cell, figure, name.name, printed, seq, ctx.category, parent, row_unit,
                           attribute, achieved, growth_cells))
    return out


def _values(info: _TableInfo, col: Column, cell: Cell, figure: str, name: str, printed: str, seq: str | None,
            category: str | None, parent: str | None, unit: str | None, attribute: str | None,
            achieved: str | None, growth_cells: bool = False) -> list[IndicatorValue]:
    """One value, or two for a range (`4.5～5`: ge its low end, le its high end). `figure` is the part of the cell
    that states the value (the whole cell, but for a review cell that also holds the verdict); value_raw is always
    the cell as printed."""
    raw = cell.flat
    parsed = parse_range(figure) or (parse_value(figure),)
    if _DECLINE_CELL.match(figure) and (growth_cells or _is_growth(name, col.header)):
        parsed = tuple(ParsedValue(-p.value_num, _FLIP.get(p.comparator, p.comparator))
                       if p.value_num is not None and p.comparator not in ("increase_by", "decrease_by") else p
                       for p in parsed)
    measure = col.measure or "target"
    year = info.years.get(col.index, _NO_YEAR)
    if year is _NO_YEAR:
        year = info.years[col.index] = info.period_year(col)
    line = cell.line or info.caption_line or 0
    achieved = achieved if measure == "actual" else None  # the verdict is about the actual
    # positional, in `_INDICATOR_FIELDS` order: a dataclass matches 17 keywords to its fields several times slower
    # than it takes them by position, and a report has hundreds of values
    if len(parsed) == 1:  # one value (all but a range): no comprehension, a function call of its own on 3.11
        p = parsed[0]
        return [IndicatorValue("table", info.title, year, measure, name, raw, p.value_num, p.comparator, line, seq,
                               category, parent, unit, attribute, achieved, col.header, printed)]
    return [IndicatorValue("table", info.title, year, measure, name, raw, p.value_num, p.comparator, line, seq,
                           category, parent, unit, attribute, achieved, col.header, printed)
            for p in parsed]


@_cached
def _is_growth(name: str, header: str) -> bool:
    """Does a value of this row and column state a growth rate (its row `…增速`, or its column `…增长（%）` and the
    row not a decline of its own)?"""
    return bool(_GROWTH_NAME.search(name)) or bool(_GROWTH_HEADER.search(header)) and not _DECLINE_NAME.search(name)


_NO_YEAR = object()  # `_TableInfo.years` has no entry for the column yet

_INDICATOR_FIELDS = ("source", "table_title", "period_year", "measure", "indicator_name", "value_raw", "value_num",
                     "comparator", "source_line", "seq", "category", "parent_name", "unit", "attribute", "achieved_raw",
                     "column_header", "name_raw")
if tuple(column_names(IndicatorValue)) != _INDICATOR_FIELDS:  # `_values` passes them by position
    raise ImportError(f"records.IndicatorValue's fields changed: {column_names(IndicatorValue)}; update tables._values")


# --------------------------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------------------------


def read_tables(doc: Document) -> tuple[list[IndicatorValue], list[PartSeen]]:
    """Every indicator value printed in a table of the report (source=table), and what was seen in each table.

    A table continued after a page break (`续表`, or the next table with no caption and no header of its own) is
    read as one table with the part before it: same caption, same columns, and the notes under either part apply
    to both.
    """
    meta = doc.meta
    values: list[IndicatorValue] = []
    parts: list[PartSeen] = []
    tables = _logical_tables(doc, meta.plan_year if meta else None)
    for t in tables:
        found, part = _read_logical(t, meta)
        values.extend(found)
        if part is not None:
            parts.append(part)
    parts.extend(_orphan_captions(doc, tables))
    parts.sort(key=lambda part: part.source_line)
    return values, parts


def extract_table_indicators(doc: Document) -> list[IndicatorValue]:
    """The values only (`read_tables` also says what was seen)."""
    return read_tables(doc)[0]


def read_indicator_table(table: Table, meta: ReportMeta | None) -> tuple[list[IndicatorValue], PartSeen | None]:
    """The values of one table on its own (a reader or a test that holds a single grid)."""
    rows, header = _rows_and_header(table, meta.plan_year if meta else None)
    body = rows[header.body_start:] if header is not None else rows
    return _read_logical(_Logical(table, header, body, _note_texts(table)), meta)
