"""Project tables: a project list laid out as a grid, one project a row.

`序号 | 项目名称 | 建设内容 | 总投资 | 年度计划 (| 建设性质)`, or the two-column `类别 | 项目名称` box whose name cell
holds several names joined by 、. The stage comes from a 建设性质/建设阶段 column (新建/续建/竣工), else from a group
row (`一、新开工项目（20个）`), else from the title; a group row without a stage word is the category.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import Document, parse_caption, squash
from ..model import Cell, Table
from ..records import ProjectItem
from ..tables import CONTINUATION_GAP
from .finding import list_year
from .lists import Segment, parse_rest
from .names import CN_DIGITS, HEAD_NOUNS, clean_name, strip_item_number
from .parts import Group, GroupStack, is_open_ended, printed_count
from .stages import group_label, normalize_stage, noted_stage, outline_level, parse_label, title_stage

_NAME_HEADER = re.compile(r"^(?:项目|工程|建设项目)(?:[（(]工程[）)])?名称$|^(?:项目|名称|建设项目|工程项目)$")
_EXPLICIT_NAME_HEADER = re.compile(r"^(?:建设)?(?:项目|工程)(?:[（(]工程[）)])?名称$")
# Header words of an indicator table: a row named 项目名称 beside them is an indicator, not a project.
_INDICATOR_COLUMN = re.compile(r"^(?:计量)?单位$|目标|属性|预计|完成|增长|增速|同比|比上年|^\d{4}年?$")
# Header words only a project table has (an indicator table has 指标/单位/目标 instead).
_PROJECT_COLUMN = re.compile(r"建设内容|建设规模|规模|投资|年度计划|业主|建设地点|建设年限|起止年限|形象进度|建设进度|"
                             r"建设性质|项目性质|建设阶段|实施主体|责任单位|牵头单位|建设期限|开工时间|竣工时间")
# a header cell of either kind: one search a cell instead of two (the union of two alternations: all their branches)
_TABLE_COLUMN = re.compile(f"{_INDICATOR_COLUMN.pattern}|{_PROJECT_COLUMN.pattern}")
_STAGE_COLUMN = re.compile(r"建设性质|项目性质|建设阶段|项目阶段|建设状态|项目状态|项目类别|^性质$|^阶段$|^状态$")
_SEQ_CELL = re.compile(r"^(?:\d{1,3}|[（(]\d{1,3}[）)]|\d{1,3}[.．、])$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|共计)")
# (a completion may be printed as works finished and put to use: `建成投用`, `竣工投产`, `完工投产`)
_CELL_STAGE = re.compile(r"^(?:计划|拟)?(?:新开工|开工|新建|续建|在建|(?:竣工|完工|建成)(?:投用|投产|投运)?|前期|储备)"
                         r"(?:项目|建设)?$")
_CATEGORY_COLUMN = re.compile(r"^(?:项目)?(?:类别|类型|分类|领域|行业|所属行业|产业类别)$")


Row = list[Cell]

_BARE_CAPTION = re.compile(r"(?:附件|附表|表|专栏)[\d一二三四五六七八九十]*[：:]?")
_TITLE_WORDS = re.compile(r"项目|工程|计划|表$")
_NOTE_LINE = re.compile(r"^(?:计量)?单位[：:]|^(?:注|备注|说明)[：:]")


@dataclass(frozen=True)
class _ProjectHeader:
    index: int  # row index of the header
    name: int  # column of the project name
    stage: int | None  # column of 建设性质 (新建/续建/竣工 …), if any
    category: int | None  # column of 类别/领域, if any
    seq: int | None
    width: int
    enumerates: bool = False  # no per-project columns: a name cell may hold several names joined by 、


def _project_header(rows: list[Row]) -> _ProjectHeader | None:
    """The header of a project table: a 项目名称 column and at least one column only project tables have (in
    the same row or in a second header row under it: `投资（亿元）` over `总投资 | 年度计划`), or a 类别 column
    beside it (`类别 | 项目名称`, names joined by 、 in one cell), or a column headed 项目名称 itself (`序号 | 项目名称`:
    an indicator table names its rows 指标, and a bare `项目` / `名称` header needs one of the others)."""
    for k, row in enumerate(rows[:3]):
        texts = [c.flat for c in row]
        names = [i for i, t in enumerate(texts) if _NAME_HEADER.match(t)]
        if len(names) != 1:
            continue
        below = [c.flat for c in rows[k + 1]] if k + 1 < len(rows) else []
        second = bool(below) and not any(_SEQ_CELL.match(t) for t in below) and any(
            _PROJECT_COLUMN.search(t) for t in below)
        category = next((i for i, t in enumerate(texts) if _CATEGORY_COLUMN.match(t)), None)
        per_project = any(_PROJECT_COLUMN.search(t) for t in texts) or second
        explicit = (bool(_EXPLICIT_NAME_HEADER.match(texts[names[0]]))  # `项目名称`, not a bare `项目` / `名称`
                    and not any(_INDICATOR_COLUMN.search(t) for t in texts))  # nor `项目名称 | 单位 | 2024年目标`
        if not per_project and category is None and not explicit:
            continue
        # a 建设阶段/建设性质 column before a 项目类别 one (which holds the stage only when there is no other)
        staged = [i for i, t in enumerate(texts) if _STAGE_COLUMN.search(t)]
        stage = next((i for i in staged if "类别" not in texts[i]), staged[0] if staged else None)
        seq = next((i for i, t in enumerate(texts) if "序号" in t), None)
        # only a stage or category beside the names (`建设性质 | 项目名称`): a name cell may list several
        enumerates = not second and not any(_PROJECT_COLUMN.search(t) for i, t in enumerate(texts) if i != stage)
        return _ProjectHeader(k + 1 if second else k, names[0], stage, category, seq, len(row), enumerates=enumerates)
    return None


_GROUP_SEQ = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、?)$")


def _is_group_row(cells: Row, head: _ProjectHeader) -> bool:
    """A row numbered with a Chinese numeral in the 序号 column and nothing but a label beside it."""
    if head.seq is None or not _GROUP_SEQ.match(cells[head.seq].flat):
        return False
    return all(not c.flat for i, c in enumerate(cells) if i not in (head.seq, head.name)) and bool(cells[head.name].flat)


def _aligned(row: Row, head: _ProjectHeader) -> Row:
    """The row's cells under the header's columns; a short row lost leading cells (a merged 类别) unless it
    starts with its row number."""
    if len(row) >= head.width:
        return row[: head.width]
    missing = [Cell("")] * (head.width - len(row))
    if head.seq is not None and (_SEQ_CELL.match(row[0].flat) or _GROUP_SEQ.match(row[0].flat)):
        return [*row, *missing]
    return [*missing, *row]


@dataclass
class TableRead:
    """What one project table gave: its items, the group rows it printed (with counts), its body rows."""

    title: str | None
    line: int
    items: list[ProjectItem]
    stack: GroupStack
    rows_seen: int
    context: tuple[str | None, str | None] = (None, None)  # (category, stage) in force after the last row
    table_start: int = 0  # first line of the grid
    part_starts: tuple[int, ...] = ()  # first lines of the parts that continue it (a page break, a split paste)


def _rows_of(table: Table) -> list[Row]:
    """The table's rows as cells under columns. A grid with merged cells (Word, HTML, PDF) is expanded so a
    merged 类别 or group row fills the positions it covers; a text grid keeps its printed rows (a short row is
    aligned to the header by `_aligned`)."""
    if table.unmerged:
        rows = [list(row) for row in table.rows]
    else:
        rows = []
        for row in table.grid():
            # a cell merged across columns is read once, at its first column (a group row spanning the table)
            cells = [Cell("") if c is None or (k > 0 and c is row[k - 1]) else c for k, c in enumerate(row)]
            while cells and not cells[-1].flat and row[len(cells) - 1] is None:
                cells.pop()
            rows.append(cells)
    return [r for r in rows if any(c.flat for c in r)]


HEAD_ROWS = 4  # what `_project_header` (a header in the first three rows, and the row under it) and `stage_matrix` see


def _head_rows(table: Table) -> list[Row]:
    """`_rows_of(table)[:HEAD_ROWS]`, without building every row: most tables are indicator tables, told from a
    project table by their first rows alone."""
    if not table.unmerged:
        return _rows_of(table)[:HEAD_ROWS]
    out = []
    for row in table.rows:
        if any(c.flat for c in row):
            out.append(list(row))
            if len(out) == HEAD_ROWS:
                break
    return out


def _table_title(doc: Document, table: Table) -> tuple[str, int]:
    """(title, line) of a table: its caption as printed; for a bare `附件2` caption line, the title line printed
    under it (`2024年重点项目计划表`), as for an attachment list."""
    if table.caption is None or not table.caption.start:
        return "", table.start
    cap_line = table.caption.start
    printed = squash(doc.line(cap_line))
    if _BARE_CAPTION.fullmatch(printed):
        for no in range(cap_line + 1, min(table.start, cap_line + 3)):
            text = squash(doc.line(no))
            if text and _TITLE_WORDS.search(text) and not _NOTE_LINE.match(text):
                return text, no
    return squash(table.title() or printed), cap_line


def read_project_tables(doc: Document) -> list[TableRead]:
    """Projects listed as a table (项目名称 | 建设内容 | 总投资 | 年度计划 …, or 类别 | 项目名称).

    A project table is a project list laid out as cells: each row names one project, or, in a two-column
    `类别 | 项目名称` table, the names of one category joined by 、. The stage comes from a 建设性质 column
    (新建/续建/竣工), else from a group row (`一、新开工项目（20个）`), else from the title (`…前期工作计划`); a group
    row without a stage word is the category (`一、交通项目`). A table continued after a page break or a `续表`
    without its header repeated goes on under the header of the part before it.
    """
    out: list[TableRead] = []
    previous: tuple[_ProjectHeader, TableRead] | None = None
    last_part: Table | None = None  # the last part read of the project table `previous` holds
    head_texts: list[str] = []  # the header row of that table
    for table in doc.tables:
        first = _head_rows(table)  # what tells a project table; every row only for one that is read
        head = _project_header(first)
        # its header printed again over the next part (a page break, a CMS paste that broke a Word table)
        repeated = (head is not None and previous is not None and last_part is not None
                    and [c.flat for c in first[head.index]] == head_texts and _goes_on(table, last_part, True))
        if repeated or head is None and previous is not None and last_part is not None and _goes_on(table, last_part):
            assert previous is not None
            rows = _rows_of(table)
            head_before, read_before = previous
            context = read_before.context
            heading = _stage_heading(doc, last_part.end + 1, table.start)
            if heading is not None:  # `（二）续建项目（4项）` printed between the parts: the stage of the next part
                context = _enter_heading(heading, context, read_before.stack)
            last_part = table
            more = _read_table(doc, read_before.title or "", read_before.line, rows,
                               replace(head_before, index=head.index if repeated and head else -1),
                               context, read_before.stack)
            read_before.items.extend(more.items)
            read_before.rows_seen += more.rows_seen
            read_before.context = more.context
            read_before.part_starts += (table.start,)
            continue
        if head is None:
            previous = last_part = None
            matrix = stage_matrix(first)
            grid = _rows_of(table) if matrix is not None else None
            if matrix is None and first and not any(
                    _TABLE_COLUMN.search(c.flat) for c in first[0]):
                grid = _transposed(_rows_of(table))  # `阶段 | 交通 | 产业` over `新开工项目 | A、B | C`: stages down the side
                matrix = stage_matrix(grid)
            if matrix is not None:
                title, line = _table_title(doc, table)
                read = _read_matrix(doc, title, line, grid, *matrix)
                read.table_start = table.start
                out.append(read)
            continue
        title, line = _table_title(doc, table)
        headed = _box_over_stage_heading(doc, table) if table.caption is None else None
        if headed is not None:  # `专栏2 …` over `（一）新开工项目（5项）` over the grid
            (title, line), heading = headed
            stack = GroupStack()
            read = _read_table(doc, title, line, _rows_of(table), head,
                               _enter_heading(heading, (None, None), stack), stack)
        else:
            read = _read_table(doc, title, line, _rows_of(table), head)
        read.table_start = table.start
        out.append(read)
        previous, last_part = (head, read), table
        head_texts = [c.flat for c in first[head.index]]
    return out


_HEADING_GAP = 3  # lines between a stage heading and the grid under it (blank lines)


def _stage_heading(doc: Document, start: int, end: int) -> tuple[str, int] | None:
    """(label, line) of the one stage heading (`（二）续建项目（4项）`) printed between lines `start` and `end` (a
    table's first line), blank lines aside; None when nothing or anything else is printed there."""
    found = None
    for no in range(max(start, end - _HEADING_GAP - 1), end):
        text = squash(doc.line(no))
        if not text:
            continue
        label = group_label(text)
        if found is not None or label is None or label[1] is None or label[0] is not None:
            return None
        found = (text, no)
    return found


def _box_over_stage_heading(doc: Document, table: Table) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """((title, line), heading) of a project grid without a caption of its own under a stage heading that sits
    right under a box or table caption (`专栏2　2025年区重点项目计划` / `（一）新开工项目（5项）` / the grid): one list
    printed as a grid per stage, the caption the title of every grid, the heading the stage of its own. (The
    grids after the first go on from it: `read_project_tables`.)"""
    for no in range(table.start - 1, max(0, table.start - _HEADING_GAP - 2), -1):
        text = squash(doc.line(no))
        if not text:
            continue
        label = group_label(text)
        if label is None or label[1] is None or label[0] is not None:
            return None
        for cap in range(no - 1, max(0, no - _HEADING_GAP - 1), -1):
            above = squash(doc.line(cap))
            if above:
                return ((above, cap), (text, no)) if parse_caption(above) is not None else None
        return None
    return None


def _enter_heading(heading: tuple[str, int], context: tuple[str | None, str | None],
                   stack: GroupStack) -> tuple[str | None, str | None]:
    """The (category, stage) under a stage heading, its printed count checked against the names read under it."""
    text, no = heading
    _, stage = parse_label(text)
    stack.start(text, no, outline_level(text))
    return context[0], stage


def _goes_on(table: Table, before: Table, header_repeated: bool = False) -> bool:
    """A table with no header of its own (or `header_repeated`, the same header again) goes on from the project
    table before it: marked so (`续表`, a page break), or printed right after it with no caption and as many
    columns (a Word table a CMS paste or a converter broke at an old page break, its second part starting
    mid-category), as `tables._continues` joins an indicator table's parts."""
    if table.continued:
        return True
    if table.caption is not None or table.n_cols != before.n_cols or not 0 <= table.start - before.end <= CONTINUATION_GAP:
        return False
    if header_repeated:
        return True
    rows = _head_rows(table)
    if not rows:
        return False
    # its first row is a project's (`6 | 名称 | …`) or a group's (`三、社会民生项目`), not another table's header
    texts = [c.flat for c in rows[0] if c.flat]
    return bool(texts) and (bool(_SEQ_CELL.match(texts[0])) or len(set(texts)) == 1)


def _read_table(doc: Document, title: str, line: int, rows: list[Row], head: _ProjectHeader,
                context: tuple[str | None, str | None] = (None, None), stack: GroupStack | None = None) -> TableRead:
    year = list_year(doc, title, line)
    review = bool(doc.meta.review_year) and year == doc.meta.review_year and year != doc.meta.plan_year
    default_stage = title_stage(title)
    category, group_stage = context
    category_level: int | None = None
    items: list[ProjectItem] = []
    stack = stack if stack is not None else GroupStack()
    body = rows[head.index + 1:]
    for row in body:
        texts = {c.flat for c in row if c.flat}
        if len(texts) == 1 and not _SEQ_CELL.match(next(iter(texts))):
            label = next(iter(texts)).rstrip("：:")
            if _TOTAL_ROW.match(label):
                continue
            cat, stage = parse_label(label)
            level = outline_level(label)
            if stage:  # `（一）新开工项目` under `一、产业项目` keeps the category; at its own depth it replaces it
                nested = level is not None and category_level is not None and level > category_level
                group_stage, category = stage, cat or (category if nested else None)
            else:
                category, category_level = cat, level
            stack.start(label, row[0].line or line, level)
            continue
        cells = _aligned(row, head)
        if _is_group_row(cells, head):  # `一 | 产业项目（12个） |  | `: a group numbered in the 序号 column
            label = cells[head.name].flat.rstrip("：:")
            cat, stage = parse_label(label)
            if stage:
                group_stage, category = stage, cat or category
            else:
                category = cat
            seq_level = 2 if cells[head.seq].flat.startswith(("（", "(")) else 1  # `（一）` under `一`
            stack.start(label, cells[head.name].line or line, seq_level)
            continue
        printed_name = strip_item_number(squash(cells[head.name].text))  # `1.A项目` in the name cell
        # a cell listing several names is read like a list line: `新开工A、B。续建C。`, `新开工项目：A；竣工项目：B`
        segments = parse_rest(printed_name) if head.enumerates else [Segment([clean_name(printed_name)], None)]
        named = [(n, seg.stage_raw) for seg in segments for n in seg.names
                 if n and not _SEQ_CELL.match(n) and not _TOTAL_ROW.match(n) and not _NAME_HEADER.match(n)]
        if not named:
            continue
        printed = squash(cells[head.stage].text) if head.stage is not None else ""
        kind = cells[head.category].flat.rstrip("：:") if head.category is not None else ""
        kind_category, kind_stage = parse_label(kind) if kind else (None, None)
        if not printed:  # a 类别 column may hold the stage (新开工/续建项目, 建成投用项目) instead of a kind
            printed = kind_stage or next(
                (c.flat for i, c in enumerate(cells) if i != head.name and _CELL_STAGE.match(c.flat)), "")
        stage_raw = (printed if normalize_stage(printed) != "planned" else None) or group_stage or default_stage
        if kind and not _CELL_STAGE.match(kind) and kind_category:
            category = kind_category
        if is_open_ended(printed_name):
            stack.mark_open_ended()
        for name, cell_stage in named:
            raw = cell_stage or stage_raw
            # `续建（2025年竣工）`: the word in front is the stage, the bracket a note about it (`续建（年内竣工）`: done
            # within the list's year, completed)
            stage = noted_stage(raw, year, review)
            items.append(ProjectItem(
                list_title=title, period_year=year, project_name=name,
                stage=stage, source_line=cells[head.name].line or line,
                category=category or None, stage_raw=raw or None,
            ))
            stack.count_name()
    return TableRead(title or None, line, items, stack, len(body), (category, group_stage))


# The corner cell of a stage matrix: what its rows are (`领域`, `类别`, `项目类别`; `阶段`, `建设性质` when the
# stages run down the side), or nothing.
_MATRIX_CORNER = re.compile(r"^(?:项目|建设)?(?:类别|类型|分类|领域|行业|板块|方向|片区|区域|阶段|性质)?$")


_HEADER_YEAR = re.compile(r"^(?:19|20)\d{2}年(?:度)?")


def _stage_header(text: str) -> str | None:
    """The stage label a column header is (`新开工项目`, `续建项目（12个）`, `2024年竣工项目`), else None."""
    label = _HEADER_YEAR.sub("", text.rstrip("：:"))
    if label in ("完成", "投产", "投用"):
        return None  # an indicator table's `2023年完成` column, not a stage of projects
    category, stage = parse_label(label) if label else (None, None)
    return stage if stage and category is None else None


def stage_matrix(rows: list[Row]) -> tuple[int, int | None, dict[int, str]] | None:
    """(header row, category column, {column: stage label}) of a stage matrix: `领域 | 新开工项目 | 续建项目 |
    竣工项目`, a project list laid out with the stage in the column header and the category in the row's first
    cell (after a 序号 column, if any), the names of one category and stage joined by 、 in one cell. Two or more
    columns headed by stage labels make it one. (The same matrix printed with its stages down the side is read
    transposed.)"""
    for k, row in enumerate(rows[:2]):
        texts = [c.flat for c in row]
        stages = {i: st for i, t in enumerate(texts) if (st := _stage_header(t))}
        if len(stages) < 2:
            continue
        first = min(stages)
        if first == 0 and len(stages) == len(texts):
            return k, None, stages  # `新开工项目 | 续建项目 | 竣工项目`: names only, no category column
        corner = first - 1
        if (corner >= 0 and _MATRIX_CORNER.match(texts[corner]) and all("序号" in t for t in texts[:corner])
                and len(stages) >= len(texts) - first - 1):
            return k, corner, stages
    return None


def _transposed(rows: list[Row]) -> list[Row]:
    """The grid read by columns (each cell keeps its own line)."""
    width = max(len(r) for r in rows)
    return [[r[i] if i < len(r) else Cell("") for r in rows] for i in range(width)]


_CONTENT_HEADER = re.compile(r"^(?:主要|重点|重大)?(?:建设)?(?:项目|工程)?(?:名称|内容|清单)?$")
_HAS_WORD = re.compile(r"[\u4e00-\u9fa5A-Za-z]")


def _read_matrix(doc: Document, title: str, line: int, rows: list[Row], index: int, corner: int | None,
                 stages: dict[int, str]) -> TableRead:
    """Every cell under a stage column: its names (split like a list line), the column's stage, the row's
    category."""
    year = list_year(doc, title, line)
    review = bool(doc.meta.review_year) and year == doc.meta.review_year and year != doc.meta.plan_year
    items: list[ProjectItem] = []
    stack = GroupStack()
    header = rows[index]
    # a stage header that prints a count (`新开工项目（5个）`) is checked against the names read under it
    columns = {col: Group(header[col].flat, header[col].line or line, printed_count(header[col].flat))
               for col in stages}
    stack.groups.extend(columns.values())
    body = rows[index + 1:]
    for row in body:
        kind = row[corner].flat.rstrip("：:") if corner is not None and len(row) > corner else ""
        if _TOTAL_ROW.match(kind):
            continue
        # a column headed `项目` / `主要内容` (stages down the side, names beside them) names no category
        category = (parse_label(kind)[0] if kind and not _CONTENT_HEADER.match(kind) else None) or None
        for col, stage_raw in stages.items():
            if col >= len(row) or not row[col].flat:
                continue
            if is_open_ended(row[col].flat):
                columns[col].open_ended = True
            for seg in parse_rest(_cell_names_text(row[col].text)):
                for name in seg.names:
                    if not _HAS_WORD.search(name) or name == "无":  # a dash, a figure: no project
                        continue
                    columns[col].names += 1
                    raw = seg.stage_raw or stage_raw
                    items.append(ProjectItem(
                        list_title=title, period_year=year, project_name=name,
                        stage=normalize_stage(raw, review), source_line=row[col].line or line,
                        category=category, stage_raw=raw,
                    ))
                    stack.count_name()
    return TableRead(title or None, line, items, stack, len(body))


_NAME_END = re.compile(rf"(?:{'|'.join(sorted(HEAD_NOUNS, key=len, reverse=True))})"
                       rf"(?:[{CN_DIGITS}\d]+期|[（(][^（）()]*[）)])*$|[{CN_DIGITS}\d]+期$|[）)]$")


def _cell_names_text(text: str) -> str:
    """A matrix cell's text as one enumeration. A cell that prints one name a line (`A产业园` / `B基地`: Word
    paragraphs, a converter's `<br>`) and no separator between them lists a name a line; the lines of a cell
    that separates its names with 、 are one text wrapped, and so is a line that stops short of a name's end
    (`长沙西站至宁乡城际` / `铁路`) where the cell's lines fill its column (every line but the last equally long)."""
    lines = [squash(x) for x in text.split("\n")]
    lines = [x for x in lines if x]
    if len(lines) < 2 or any(_ANY_SEPARATOR.search(x) for x in lines):
        return squash(text)
    full = len({len(x) for x in lines[:-1]}) == 1 and len(lines[-1]) <= len(lines[0])
    out = lines[0]
    for prev, piece in zip(lines, lines[1:]):
        out += piece if full and not _NAME_END.search(prev) else "、" + piece
    return out


_ANY_SEPARATOR = re.compile(r"[、，,；;。]")
_NAME_COLUMN_WORDS = re.compile(r"(?:项目|工程)名称")


def unread_project_grids(doc: Document, read_starts: set[int]) -> list[tuple[str, int]]:
    """(title, line) of each table with a 项目名称 column in its first rows that no project reader read: a
    project table in a layout the reader does not know."""
    out = []
    for table in doc.tables:
        if table.start in read_starts:
            continue
        head = [c.flat for row in table.rows[:2] for c in row]
        if any(_NAME_COLUMN_WORDS.search(t) for t in head) and not any(_INDICATOR_COLUMN.search(t) for t in head):
            title, line = _table_title(doc, table)
            out.append((title, line))
    return out
