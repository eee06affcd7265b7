"""Indicator tables (表N / 专栏N laid out as cells) → one IndicatorValue per value cell.

Two layers, so that a reader with a real grid of cells (.docx, .html) can reuse the second one:

(a) `find_text_tables` / `read_cell_rows` turn the text layout of the genre into rows of cells. In that layout
    every cell sits on its own line led by a TAB, rows are separated by blank lines, and a cell that wrapped in
    the original continues on the following non-tab line(s) (sometimes with blank lines in between, when a merged
    cell was printed one character group per visual row).
(b) `parse_indicator_table` reads a grid (header row(s) first) the way an analyst reads it: columns are
    recognised by their header words, never by position; group rows set the category; sub-rows (其中/#/blank
    序号) get their parent; a review table with a target and an actual column gives two values per indicator.

Every value string goes through `values.parse_value`; nothing here interprets numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .document import Document, heading_level, is_cell_line, parse_caption, squash
from .records import IndicatorValue, ReportMeta
from .values import parse_value, strip_notes

# --------------------------------------------------------------------------------------------------------------
# Vocabulary of the genre
# --------------------------------------------------------------------------------------------------------------

# Units printed in a 单位 column or in parentheses after a name. A parenthesis after a name is a unit only when it
# reads as one (`（%）`, `（万元/人）`), so that `（可比价）` or `（助理）` stay in the name.
_UNIT_BASES = sorted(
    """% ％ ‰ 个百分点 百分点 元 美元 元/人 人 人次 户 个 家 所 座 件 项 台 辆 艘 架 条 张 床 套 间 栋 幢 处 名 位 只 头 株 棵
    部 册 场 篇 批 天 日 年 岁 月 小时 分钟 次 公里 千米 米 平方米 平方公里 立方米 亩 公顷 吨 标准煤 吨标准煤 吨标煤 标煤
    千瓦 千瓦时 兆瓦 度 标箱 TEU 微克 毫克 克 升 毫升 分贝 分 倍 类 级 GB Mbps kWh μg/m³ μg/m3 mg/L ㎡ m³ km""".split(),
    key=len,
    reverse=True,
)
_UNIT_TOKEN = r"(?:[十百千万亿]{0,2}(?:%s))" % "|".join(re.escape(u) for u in _UNIT_BASES)
_UNIT = re.compile(rf"^{_UNIT_TOKEN}(?:/{_UNIT_TOKEN})*$")
_TRAILING_PAREN = re.compile(r"[（(]([^（）()]+)[）)]$")
_UNIT_LABEL = re.compile(r"^(?:计量)?单位[：:]")

_SUBROW_MARK = re.compile(r"^(?:其中[：:，,]?|[#＃]+)")
# The mark a table puts on its binding (约束性) indicators, explained in a note: `*`, `▲`, `★`, `※` …
MARKS = "*＊▲△★☆※◆"
_STARS = re.compile(rf"[{MARKS}]+$")
_LEADING_MARK = re.compile(rf"^[{MARKS}]+(?=\S)")
_MARK_NOTE = re.compile(rf"[{MARKS}]")
_NOTE_START = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]")
_CN_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+)")
_SEQ_LIKE = re.compile(r"^(?:\d{1,3}|[（(]\d{1,3}[）)]|\d{1,3}[.．、])$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_FIGURE = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?%?(?:以上|以下|左右)?$")
_EMPTY_VALUE = re.compile(r"^[-—–－/／\\…·]*$|^无$")
_EXTRA_CAPTION = re.compile(r"^(?:附表|[（(]?续(?:上)?表)\s*\d*")  # captions Document does not list as 表N/专栏N
_SUB_SEQ = re.compile(r"^(?:[（(]\d{1,2}[）)]|[①-⑳])$")  # (1) / ① numbering of sub-rows under a numbered row
_UNIT_HEADER = re.compile(r"^(?:计量|指标)?单位$")  # not 责任单位 / 牵头单位, which name departments
_PROJECT_HEADER = re.compile(r"建设|投资|业主|地点|规模|起止|工期")  # a project table, not an indicator table
_VERDICT_HEADER = re.compile(r"情况|与否|评价")
_PART_YEAR = re.compile(r"\d{1,2}\s*[-—–－~～至]\s*\d{1,2}\s*月|[一二三四1-4]季度|上半年|前三季度|截至|截止")
_RATIO_HEADER = re.compile(r"完成率|完成计划|占计划|计划完成|为计划|完成进度|完成比例")
_CHANGE_HEADER = re.compile(r"增减|比上年|同比|较上年|增长|增幅")
# A verdict column may say 完成/未完成, √/× instead of 是/否; the warehouse reads 是/否.
_VERDICT_NO = re.compile(r"^(?:否|未完成|没有完成|未达到|未达标|未实现|不达标|×|✗|✘|╳)")
_VERDICT_YES = re.compile(r"^(?:是|已完成|完成|超额完成|达到|已达到|达标|实现|√|✓|✔)")

_ACTUAL_WORDS = ("完成", "实际", "执行", "实现", "实绩")
_TARGET_WORDS = ("目标", "计划", "预期", "建议", "规划", "预测")
_ESTIMATE_WORDS = ("预计", "预估")

# role names of header columns
SEQ, CATEGORY, NAME, NAME_SUB, UNIT, ATTRIBUTE, VALUE, ACHIEVED, REMARK = (
    "seq", "category", "name", "name_sub", "unit", "attribute", "value", "achieved", "remark")

FIGURE_MAX = 15  # a value cell stating a figure (`8以上`, `≥325`, `-18左右`) is short once its notes are removed
SUBHEADER_MAX = 6  # a label under a spanning year (目标, 预计完成, 是否达到预期); an indicator name is longer
HEADER_MAX = 20  # header cells are short labels; a longer tab-led line is a paragraph, not a header
WRAP_MAX = 40  # a wrapped piece of a cell is short; a longer non-tab line is running text after the table
PREAMBLE_MAX = 30  # short lines allowed between a caption and its first cell (`单位：亿元`)
LOOKAHEAD = 8  # lines to look ahead for the table resuming after a blank line and a short non-tab line


# --------------------------------------------------------------------------------------------------------------
# (a) text layout → rows of cells
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One table cell: its text (wrapped pieces joined by newlines) and the line it starts on."""

    text: str
    line: int | None = None

    @property
    def flat(self) -> str:
        # read many times per cell while a table is classified; the cell is immutable, so squash it once
        try:
            return self.__dict__["_flat"]
        except KeyError:
            value = squash(self.text)
            object.__setattr__(self, "_flat", value)
            return value


Row = list[Cell]


@dataclass
class TextTable:
    """A run of cells in the text layout, with the caption above it and the notes around it."""

    rows: list[Row]
    first_line: int
    last_line: int
    title: str | None = None  # caption text, whitespace removed
    title_line: int | None = None
    notes: list[str] = field(default_factory=list)  # lines printed around the grid (注：…, 单位：…)


def _is_note(line: str) -> bool:
    return bool(_NOTE_START.match(squash(line)))


def _is_caption(line: str) -> bool:
    return parse_caption(line) is not None or (not is_cell_line(line) and bool(_EXTRA_CAPTION.match(squash(line))))


def _is_outline(line: str) -> bool:
    return heading_level(line) is not None or _is_caption(line)


def _wrap_candidate(line: str) -> bool:
    """A non-tab line that could be the wrapped rest of a cell (not a heading, caption, note or prose)."""
    s = squash(line)
    return bool(s) and len(s) <= WRAP_MAX and not _is_outline(line) and not _is_note(line)


def _table_resumes(lines: list[str], idx: int) -> bool:
    """After a blank line, a short non-tab line belongs to the table only if cells follow it again.

    That is how a merged cell printed as `经济` / `发展` (blank lines between) looks; a short
    line after the table's last row (a sub-heading, a note) is not followed by more cells.
    """
    for j in range(idx + 1, min(len(lines), idx + 1 + LOOKAHEAD)):
        nxt = lines[j]
        if is_cell_line(nxt):
            return True
        if nxt.strip() and not _wrap_candidate(nxt):
            return False
    return False


def read_cell_rows(lines: list[str], start: int) -> tuple[list[Row], int]:
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
    return [[Cell(t, n) for t, n in r] for r in rows], last


def _notes_after(lines: list[str], last: int) -> list[str]:
    """Note lines printed right under a table (备注：…, 注：“*”代表约束性指标…)."""
    notes = []
    for line in lines[last + 1: last + 1 + LOOKAHEAD]:
        if not line.strip():
            continue
        if is_cell_line(line) or _is_outline(line) or not (_is_note(line) or _MARK_NOTE.search(line)):
            break
        notes.append(squash(line))
    return notes


def _caption_above(lines: list[str], start: int) -> tuple[int | None, list[str]]:
    """(0-based index of the caption above a cell run, short lines between them); (None, lines) if there is none.

    A couple of short lines (`单位：亿元`, a note) may stand between a caption and its first cell.
    """
    between: list[str] = []
    for j in range(start - 1, -1, -1):
        line = lines[j]
        if not line.strip():
            continue
        if _is_caption(line):
            return j, between
        if is_cell_line(line) or heading_level(line) is not None or len(between) >= 3:
            break
        if not (_is_note(line) or len(squash(line)) <= PREAMBLE_MAX):
            break
        between.append(squash(line))
    return None, between


_TITLE_WORDS = re.compile(r"指标|目标|完成情况|执行情况|计划|预期|表$|[表单]（[^（）]*）$")
TITLE_MAX = 50  # a table title is one short line; a longer line is a sentence of the text


def is_title_like(text: str) -> bool:
    """A line that reads as a table's title though it is not numbered (`2019年主要经济指标完成情况表`)."""
    s = squash(text)
    return (6 <= len(s) <= TITLE_MAX and not re.search(r"[，,。；;！？!?]", s) and not _is_note(s)
            and not _UNIT_LABEL.match(s) and bool(_TITLE_WORDS.search(s)))


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
        if (_is_note(s) or _UNIT_LABEL.match(s)) and skipped < 2:
            skipped += 1
            continue
        return j if is_title_like(line) else None
    return None


def _star_note_before(lines: list[str], caption: int) -> list[str]:
    """The sentence just before a caption may announce the star rule (…带*的为约束性指标)."""
    for j in range(caption - 1, max(-1, caption - 3), -1):
        if lines[j].strip():
            s = squash(lines[j])
            return [s] if _MARK_NOTE.search(s) and "约束性" in s else []
    return []


def _title_row(rows: list[Row]) -> tuple[str | None, int | None]:
    """A table whose first row is one merged cell holding its title (`表1 2023年主要指标完成情况`)."""
    if not rows:
        return None, None
    texts = {c.flat for c in rows[0] if c.flat}
    if len(texts) != 1:
        return None, None
    text = next(iter(texts))
    if parse_caption(text) is not None or is_title_like(text):
        return text, next(c.line for c in rows[0] if c.flat)
    return None, None


def find_text_tables(doc: Document) -> list[TextTable]:
    """Every run of tab-led cells in the report, with its caption and notes.

    Runs are found by layout, not only under 表N/专栏N captions, so a table under an unusual caption is still
    read; whether a run is an indicator table is decided from its header row in `parse_indicator_table`.
    """
    lines = doc.lines
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        if not is_cell_line(lines[i]):
            i += 1
            continue
        rows, last = read_cell_rows(lines, i)
        cap, between = _caption_above(lines, i)
        notes = [*between, *_notes_after(lines, last)]
        if cap is None:
            cap = _untitled_caption(lines, i)
        if cap is not None:
            notes += _star_note_before(lines, cap)
            title, title_line = squash(lines[cap]), cap + 1
            if re.fullmatch(r"(?:附件|附表|表|专栏)[\d一二三四五六七八九十]*[：:]?", title):
                # `附件1` on its own line with the table's title on the next line
                nxt = next((squash(x) for x in lines[cap + 1: i] if x.strip()), "")
                if is_title_like(nxt):
                    title += nxt
        else:
            title, title_line = _title_row(rows)
        out.append(TextTable(rows, i + 1, last + 1, title, title_line, notes))
        i = last + 1
    return out


_CONTINUED = re.compile(r"^(?:[（(]?续(?:上)?表[）)]?|.*[（(]续(?:表)?[）)]$)")


def is_continuation(title: str | None) -> bool:
    """`续表`, `续表1`, `续上表`, `（续表）`, `表1（续）`: the rest of the table before, after a page break."""
    return bool(title and _CONTINUED.match(title))


@dataclass
class _Open:
    """The last indicator table read, which a `续表` may continue."""

    table: TextTable
    rows: list[Row]
    notes: list[str]
    start: int  # index of its first value in the output


def extract_table_indicators(doc: Document) -> list[IndicatorValue]:
    """Every indicator value printed in a table of the report (source=table).

    A table continued after a page break (`续表`, with or without its header printed again) is read as one
    table with the part before it: same caption, same columns, and the notes under either part apply to both.
    """
    out: list[IndicatorValue] = []
    last: _Open | None = None
    for table in find_text_tables(doc):
        if last is not None and is_continuation(table.title):
            rows, notes = [*last.rows, *table.rows], [*last.notes, *table.notes]
            found = parse_indicator_table(last.table.title or "", last.table.title_line, rows, doc.meta, notes=notes)
            if found:
                del out[last.start:]
                out.extend(found)
                last.rows, last.notes = rows, notes
                continue
        found = parse_indicator_table(table.title or "", table.title_line, table.rows, doc.meta, notes=table.notes)
        last = _Open(table, list(table.rows), list(table.notes), len(out)) if found else None
        out.extend(found)
    return out


# --------------------------------------------------------------------------------------------------------------
# (b) row grid → indicator values
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # one of the role names above, or "" for a column nobody reads (责任单位 …)
    header: str  # header text, whitespace removed
    measure: str | None = None  # target | actual, for value columns
    year: int | None = None  # year printed in a value column's header


def is_unit(text: str) -> bool:
    """Does `text` read as a unit of measure (`%`, `万元/人`, `公里/平方公里`)?"""
    return bool(_UNIT.match(_UNIT_LABEL.sub("", squash(text))))


def _header_measure(text: str) -> str | None:
    """target/actual as the words of a value-column header say; None when they say neither (a bare year)."""
    if any(w in text for w in _ACTUAL_WORDS):
        return "actual"
    if any(w in text for w in _TARGET_WORDS):
        return "target"
    if any(w in text for w in _ESTIMATE_WORDS):
        return "actual"
    return None


def classify_header(text: str) -> str | None:
    """The role of a column from its header words (序号, 指标名称, 单位, 指标属性, 类别, 2021年目标 …)."""
    s = squash(text)
    if not s or len(s) > HEADER_MAX:
        return None
    if "是否" in s:
        return ACHIEVED
    if "备注" in s or s == "说明":
        return REMARK
    if "属性" in s or "性质" in s:
        return ATTRIBUTE
    if _UNIT_HEADER.match(s):
        return UNIT
    if "序号" in s or s in ("编号", "序"):
        return SEQ
    if any(w in s for w in ("类别", "分类", "领域", "类型", "方面")):
        return CATEGORY
    if _RATIO_HEADER.search(s) or (_CHANGE_HEADER.search(s) and not re.search(r"目标|计划|预期", s)):
        return None  # 完成计划% / 比上年增长%: derived from the values, not a target or an actual of the row
    if _YEAR.search(s) or _header_measure(s):
        return VALUE
    if (("指标" in s or "名称" in s) and "项目" not in s) or s == "项目":
        return NAME
    return None


def _is_year_only(cell: Cell) -> bool:
    s = cell.flat
    return bool(_YEAR.search(s)) and _header_measure(s) is None


def _is_subheader(row: Row) -> bool:
    """A second header row: only short header labels (目标 / 完成 / 是否达到), no row number, no name."""
    texts = [_YEAR.sub("", c.flat) for c in row if c.flat]
    return bool(texts) and all(len(t) <= SUBHEADER_MAX and classify_header(t) in (VALUE, ACHIEVED) for t in texts)


def _is_header_row(row: Row) -> bool:
    """A header printed again inside the grid (a table continued on the next page): every cell a header word."""
    texts = [c.flat for c in row if c.flat]
    roles = [classify_header(t) for t in texts]
    return len(texts) >= 2 and all(roles) and NAME in roles


def _merge_header_rows(top: Row, sub: Row) -> Row | None:
    """`2021年` over `目标` | `完成` → `2021年目标`, `2021年完成`; None when the spans cannot be worked out.

    The text layout does not say how many sub-cells a year spans: each year takes sub-cells until a measure
    repeats (目标 完成 | 目标 → 2021年目标 2021年完成 | 2022年目标); the last year takes the rest.
    """
    spanning = [i for i, c in enumerate(top) if _is_year_only(c)]
    if not spanning or len(sub) < len(spanning):
        return None
    pieces = list(sub)
    merged: Row = []
    for i, cell in enumerate(top):
        if i not in spanning:
            merged.append(cell)
            continue
        taken: list[Cell] = []
        seen: set[str | None] = set()
        last_span = i == spanning[-1]
        while pieces and (last_span or _header_measure(pieces[0].flat) not in seen):
            seen.add(_header_measure(pieces[0].flat))
            taken.append(pieces.pop(0))
        merged.extend(Cell(cell.flat + s.flat, s.line) for s in taken)
    return merged


def _value_measure(header: str, year: int | None, meta: ReportMeta | None) -> str:
    measure = _header_measure(header)
    if measure:
        return measure
    plan_year = meta.plan_year if meta else None
    return "actual" if year and plan_year and year < plan_year else "target"


def _columns(header: Row, meta: ReportMeta | None) -> list[Column]:
    columns = []
    for i, cell in enumerate(header):
        role = classify_header(cell.flat)
        if role == VALUE:
            m = _YEAR.search(cell.flat)
            year = int(m.group(1)) if m else None
            columns.append(Column(i, role, cell.flat, _value_measure(cell.flat, year, meta), year))
        elif columns and columns[-1].role == NAME and cell.flat in ("", columns[-1].header):
            # `指标名称` over two grid columns (group name | sub-row name): empty or repeated in the next cell
            columns.append(Column(i, NAME_SUB, cell.flat))
        else:
            columns.append(Column(i, role or "", cell.flat))
    # `2023年1-11月` beside `2023年预计`: the part-year figure is not the year's actual when the year's is printed
    full_years = {c.year for c in columns if c.role == VALUE and c.measure == "actual" and not _PART_YEAR.search(c.header)}
    columns = [Column(c.index, "", c.header) if c.role == VALUE and _PART_YEAR.search(c.header)
               and (c.year in full_years or None in full_years) else c for c in columns]
    # a yearless 完成情况 column next to a real actual column holds the verdict (完成/未完成), not a value
    if any(c.measure == "actual" and c.year for c in columns):
        columns = [Column(c.index, ACHIEVED, c.header) if c.role == VALUE and not c.year
                   and _VERDICT_HEADER.search(c.header) else c for c in columns]
    return columns


def _is_indicator_header(columns: list[Column]) -> bool:
    """One name column, at least one value column, and no project-table words (建设内容, 总投资 …)."""
    roles = [c.role for c in columns]
    return roles.count(NAME) == 1 and VALUE in roles and not any(_PROJECT_HEADER.search(c.header) for c in columns)


def _unglue_header(rows: Sequence[Row]) -> list[Row]:
    """Split data cells off a header row that has no blank line after it (`序号 指标名称 … 1 地区生产总值 …`).

    The first row number after the 序号 header cell shows where the header ends: the header is as wide as the
    distance between the two (类别 may come before 序号). The cells after it are cut into rows of that width.
    """
    if not rows:
        return list(rows)
    first = rows[0]
    seq_at = next((i for i, c in enumerate(first) if classify_header(c.flat) == SEQ), None)
    if seq_at is None:
        return list(rows)
    number_at = next((i for i, c in enumerate(first) if i > seq_at and re.fullmatch(r"\d{1,3}", c.flat)), None)
    if number_at is None or number_at - seq_at < 3:
        return list(rows)
    width = number_at - seq_at
    data = first[width:]
    return [first[:width], *(data[k: k + width] for k in range(0, len(data), width)), *rows[1:]]


def _looks_like_indicators(columns: list[Column], body: Sequence[Row]) -> bool:
    """A grid with a name and a year column may still be a task list (名称 | 2022年目标任务 with text values).

    An indicator table says 指标 in its name header, or has a unit or attribute column, or at least half of its
    value cells are figures: short, with a number, not a clause (`建成学校2所，新增学位N个` is a task).
    """
    name_header = next(c.header for c in columns if c.role == NAME)
    if "指标" in name_header or any(c.role in (UNIT, ATTRIBUTE) for c in columns):
        return True
    cells = [cell.flat for row in body for _, cell in split_row(row, columns).values if cell.flat]
    figures = [c for c in cells if _is_figure(c)]
    return bool(cells) and 2 * len(figures) >= len(cells)


def _is_figure(value: str) -> bool:
    body = strip_notes(value)
    return len(body) <= FIGURE_MAX and not re.search(r"[，,；;。]", body) and parse_value(value).value_num is not None


def read_header(rows: Sequence[Row], meta: ReportMeta | None) -> tuple[list[Column], int] | None:
    """Columns of an indicator table and the index of its first data row; None when it is not an indicator table.

    An indicator table has a name column (指标名称/指标) and at least one value column (a year, 目标/计划/完成/实际).
    A row such as `单位：亿元` may come before the header; a second header row (目标 | 完成 under a year) is merged.
    """
    for h in range(min(len(rows), 3)):
        header, used = rows[h], h + 1
        if len(rows) > used and _is_subheader(rows[used]):
            merged = _merge_header_rows(header, rows[used])
            if merged is not None:
                header, used = merged, used + 1
        columns = _columns(header, meta)
        if _is_indicator_header(columns):
            return columns, used
    return None


@dataclass
class _Parts:
    """The cells of one data row by role."""

    by_role: dict[str, Cell]
    values: list[tuple[Column, Cell]]
    group_cells: list[Cell]  # extra cells in the name area: a merged group name (`污染物排放总量*`)

    def text(self, role: str) -> str:
        cell = self.by_role.get(role)
        return cell.flat if cell else ""


def _index_of(columns: list[Column], role: str) -> int | None:
    """Position of the first column with `role` in `columns`."""
    return next((i for i, c in enumerate(columns) if c.role == role), None)


def _row_offset(cells: Row, columns: list[Column]) -> int:
    """Where a short row starts among the columns.

    A row with fewer cells than the header lost leading cells (序号 or 类别 left out) unless it starts with a row
    number, in which case it lost trailing ones. The name column is never skipped.
    """
    missing = len(columns) - len(cells)
    name_idx = _index_of(columns, NAME)
    seq_idx = _index_of(columns, SEQ)
    if seq_idx is not None and _SEQ_LIKE.match(cells[0].flat):
        return min(seq_idx, missing)
    return min(missing, name_idx)


def split_row(cells: Row, columns: list[Column]) -> _Parts:
    """Assign a row's cells to columns; extra cells belong to the name area (a merged group-name cell).

    With a two-column name area (group name | sub-row name) a row may fill both, repeat its name in both
    (a merged cell as a .docx grid gives it) or print it once (a merged cell in the text layout).
    """
    if len(cells) < len(columns) and any(c.role == NAME_SUB for c in columns):
        columns = [c for c in columns if c.role != NAME_SUB]
    n, m = len(columns), len(cells)
    name_idx = _index_of(columns, NAME)
    group_cells: list[Cell] = []
    name_area = cells[name_idx: name_idx + max(m - n, 0) + 1] if m > n else []
    if m > n and not any(_BARE_FIGURE.match(c.flat) for c in name_area):
        extra = m - n
        group_cells = name_area[:-1]
        placed = list(zip(columns[:name_idx], cells[:name_idx]))
        placed.append((columns[name_idx], name_area[-1]))
        placed += list(zip(columns[name_idx + 1:], cells[name_idx + extra + 1:]))
    elif m > n:  # extra cells that are figures are not a merged group name: a ragged row, read left to right
        placed = list(zip(columns, cells))
    else:
        offset = _row_offset(cells, columns) if m < n else 0
        placed = list(zip(columns[offset:], cells))
    by_role: dict[str, Cell] = {}
    values = []
    for col, cell in placed:
        if col.role == VALUE:
            values.append((col, cell))
        elif col.role and col.role not in by_role:
            by_role[col.role] = cell
    sub = by_role.pop(NAME_SUB, None)
    name = by_role.get(NAME)
    if sub is not None and sub.flat and (name is None or sub.flat != name.flat):
        if name is not None and name.flat:
            group_cells.append(name)
        by_role[NAME] = sub
    return _Parts(by_role, values, group_cells)


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


def clean_name(printed: str) -> CleanName:
    """`其中：某收入增速（%）` → 某收入增速 / %; `优良天数（天）*` → 优良天数 / 天 / starred.

    Only a trailing parenthesis that reads as a unit is moved out; `（可比价）` stays in the name.
    """
    s = _strip_marks(squash(printed))
    starred = bool(_STARS.search(s) or _LEADING_MARK.search(s))
    s = _LEADING_MARK.sub("", s)
    s = _STARS.sub("", s)
    unit = None
    m = _TRAILING_PAREN.search(s)
    if m and is_unit(m.group(1)):
        unit = _UNIT_LABEL.sub("", m.group(1))
        s = s[: m.start()]
        starred = starred or bool(_STARS.search(s))
        s = _STARS.sub("", s)
    return CleanName(s, unit, starred)


def clean_unit(text: str) -> str | None:
    """A 单位 cell as printed, parentheses removed: `（%）` → `%`."""
    s = _UNIT_LABEL.sub("", squash(text))
    while len(s) >= 2 and s[0] in "（(" and s[-1] in "）)":
        s = s[1:-1]
    return s or None


def read_verdict(text: str) -> str | None:
    """The report's verdict as 是/否: `是`, `完成`, `√` → 是; `否`, `未完成`, `×` → 否; anything else as printed."""
    s = squash(text)
    if not s:
        return None
    if _VERDICT_NO.match(s):
        return "否"
    if _VERDICT_YES.match(s):
        return "是"
    return s


def read_attribute(text: str) -> str | None:
    """预期性/约束性 from a 指标属性 or 备注 cell (`约束性`, `约束`, `约束性指标`)."""
    if "约束" in text:
        return "约束性"
    if "预期" in text:
        return "预期性"
    return None


@dataclass(frozen=True)
class _NoteRules:
    """What the notes around a table say: `*` = 约束性 (others 预期性), a table-wide unit."""

    star_binding: bool = False
    others_expected: bool = False
    unit: str | None = None

    @classmethod
    def read(cls, notes: Sequence[str]) -> "_NoteRules":
        star = others = False
        unit = None
        for note in notes:
            s = squash(note)
            if _MARK_NOTE.search(s) and "约束性" in s:
                star = True
                others = others or bool(re.search(r"(其他|其余|其它|未标|不带|无).{0,8}预期性", s))
            m = re.search(r"(?:计量)?单位[：:]([^，,。；;）)]+)", s)
            if m and is_unit(m.group(1)):
                unit = m.group(1)
        return cls(star, others, unit)

    def attribute(self, starred: bool) -> str | None:
        if self.star_binding and starred:
            return "约束性"
        if self.others_expected and not starred:
            return "预期性"
        return None


def _single_text(cells: Row) -> Cell | None:
    """The only text of a row that has one (a merged full-width cell may repeat it in every grid cell)."""
    filled = [c for c in cells if c.flat]
    if filled and len({c.flat for c in filled}) == 1:
        return filled[0]
    return None


def _is_group_row(single: Cell, cells: Row, columns: list[Column], next_row: Row | None) -> bool:
    """A row holding only a group label (`一、经济发展`) rather than a value-less indicator.

    A lone text is an indicator without values (a parent such as `污染物排放总量*`) when `其中`/`#`
    rows follow it or when it sits in the name column of a full row, unless it is numbered like a section (一、…).
    """
    if _SEQ_LIKE.match(single.flat):
        return False
    if _CN_ORDINAL.match(single.flat):
        return True
    if next_row and any(_SUBROW_MARK.match(c.flat) for c in next_row):
        return False
    if len(cells) == len(columns):
        return columns[cells.index(single)].role not in (NAME, SEQ)
    return True


def _is_empty_value(text: str) -> bool:
    return bool(_EMPTY_VALUE.match(text))


@dataclass(frozen=True)
class _Owner:
    """A row that following sub-rows belong to."""

    name: str
    seq: str | None
    attribute: str | None
    starred: bool = False
    has_value: bool = True  # False: a heading row (no value of its own) whose number its sub-rows carry
    children: int = 0


@dataclass
class _Context:
    """What carries down the rows of a table: the category and the row that sub-rows belong to."""

    category: str | None = None
    owner: _Owner | None = None


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

    def period_year(self, col: Column) -> int | None:
        """Year from the column header, else the caption, else the report's review/plan year."""
        if col.year:
            return col.year
        if self.caption_year:
            return self.caption_year
        if self.meta is None:
            return None
        if col.measure == "actual" or self.has_actual:
            return self.meta.review_year or self.meta.plan_year
        return self.meta.plan_year


def parse_indicator_table(
    caption_text: str,
    caption_line: int | None,
    rows: Sequence[Row],
    meta: ReportMeta | None,
    notes: Sequence[str] = (),
) -> list[IndicatorValue]:
    """Indicator values from a grid of cells whose first row(s) are the header.

    Returns [] when the header does not read as an indicator table (a project list laid out as cells, prose).
    `notes` are lines printed around the table (`注：“*”代表约束性指标`); note rows inside the grid are read too.
    """
    rows = _unglue_header(rows)
    head = read_header(rows, meta)
    if head is None:
        return []
    columns, first_data = head
    title = squash(caption_text) or None
    header_texts = [c.header for c in columns]
    body = [r for r in rows[first_data:]
            if any(c.flat for c in r) and [c.flat for c in r] != header_texts and not _is_subheader(r)
            and not _is_header_row(r)]
    if not _looks_like_indicators(columns, body):
        return []
    in_grid_notes = [c.flat for r in body for c in r if _is_note(c.flat)]
    year = _YEAR.search(title or "")
    info = _TableInfo(
        title=title,
        caption_line=caption_line,
        caption_year=int(year.group(1)) if year else None,
        has_seq=any(c.role == SEQ for c in columns),
        has_actual=any(c.measure == "actual" for c in columns),
        rules=_NoteRules.read([title or "", *notes, *in_grid_notes, *(c.header for c in columns)]),
        meta=meta,
    )
    ctx = _Context()
    out: list[IndicatorValue] = []
    for k, cells in enumerate(body):
        single = _single_text(cells)
        if single is not None and _is_note(single.flat):
            continue
        next_row = body[k + 1] if k + 1 < len(body) else None
        if single is not None and _is_group_row(single, cells, columns, next_row):
            ctx.category, ctx.owner = single.flat, None
            continue
        out.extend(_read_data_row(split_row(cells, columns), ctx, info))
    return out


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
    if parts.text(CATEGORY):
        ctx.category = parts.text(CATEGORY)  # an empty 类别 cell (merged cell) carries the one above
    seq = parts.text(SEQ) or None
    name_cell = parts.by_role.get(NAME)
    printed = name_cell.flat if name_cell else ""
    if not printed:
        return []
    name = clean_name(printed)
    if not name.name:  # a bare `其中：` row announces the sub-rows; the row they belong to stays the owner
        return []
    attribute = read_attribute(parts.text(ATTRIBUTE)) or read_attribute(parts.text(REMARK))
    values = [(col, cell) for col, cell in parts.values if not _is_empty_value(cell.flat)]

    group_text = "".join(c.flat for c in parts.group_cells)
    if group_text:  # a merged group-name cell beside the first sub-row opens a group without a value row
        g = clean_name(group_text)
        ctx.owner = _Owner(g.name, seq, None, g.starred, has_value=False)

    owner = ctx.owner
    if _is_sub_row(parts, printed, seq, ctx, info) and owner is not None:
        parent = owner.name
        if not owner.has_value:
            seq = seq or owner.seq  # the group has no row of its own: its number goes to its rows (as 类别 does)
        starred = name.starred or owner.starred
        attribute = attribute or info.rules.attribute(starred) or owner.attribute
        ctx.owner = _Owner(owner.name, owner.seq, owner.attribute, owner.starred, owner.has_value, owner.children + 1)
    else:
        if owner is not None and not owner.has_value and owner.seq is None and not owner.children:
            ctx.category = owner.name  # an unnumbered value-less row nobody belonged to was a group label
        parent = None
        attribute = attribute or info.rules.attribute(name.starred)
        ctx.owner = _Owner(name.name, seq, attribute, name.starred, has_value=bool(values))
        if not values:  # a heading for the sub-rows that follow (`污染物排放总量*` over its `#` rows): not a row itself
            return []

    unit = clean_unit(parts.text(UNIT)) or name.unit or info.rules.unit
    achieved = read_verdict(parts.text(ACHIEVED))
    return [
        _value(info, col, cell, name.name, printed, seq, ctx.category, parent, unit, attribute, achieved)
        for col, cell in values
    ]


def _value(info: _TableInfo, col: Column, cell: Cell, name: str, printed: str, seq: str | None,
           category: str | None, parent: str | None, unit: str | None, attribute: str | None,
           achieved: str | None) -> IndicatorValue:
    parsed = parse_value(cell.flat)
    return IndicatorValue(
        source="table",
        table_title=info.title,
        period_year=info.period_year(col),
        measure=col.measure or "target",
        indicator_name=name,
        value_raw=cell.flat,
        value_num=parsed.value_num,
        comparator=parsed.comparator,
        source_line=cell.line or info.caption_line or 0,
        seq=seq,
        category=category,
        parent_name=parent,
        unit=unit,
        attribute=attribute,
        achieved_raw=achieved if col.measure == "actual" else None,  # the verdict is about the actual
        column_header=col.header,
        name_raw=printed,
    )
