"""Tables flattened into labelled fields, one row per line: what a web page's table becomes when a CMS or a copy
tool renders it as text without its grid. Two forms are common in the genre:

- every cell prefixed by its column's header, the fields joined by `；`:
  `类别：经济发展；序号：1；指标名称：地区生产总值增速；单位：%；2030年目标：6；完成：6.2；是否完成：是`.
  The labels are the header, the values the row. A field a row leaves out is an empty cell: a merged cell (a
  类别 printed on a group's first row only) flattens that way, and the table reader carries it down as it does an
  empty 类别 cell of a grid.
- a row as a sentence-like item: `1.地区生产总值增速（%）：6左右（预期性）`, the number, the name with its unit in
  parentheses, `：`, the value and the attribute in parentheses; `【经济发展】` lines between the items are group
  rows (the brackets are decoration, the words the category). The columns are implied by the punctuation, so the
  header is the one the layout stands for: 序号 | 指标名称 | 指标值 | 属性 (the value's year and measure come from
  the caption, as for a bare `指标值` column of a grid).

Recognised by structure: a run of lines that all split this way, at least `MIN_ROWS` of them, whose labels are
the genre's header words (a name label and a value label among them) or whose items print a unit or an
attribute in parentheses. A sentence with a colon (`主要指标：…，…`) never splits into such fields.
"""
from __future__ import annotations

import re

from ..headers import NAME, VALUE, header_role
from ..model import Cell
from ..tables import is_unit  # the genre's unit vocabulary lives with the table reader

FIELDS = "fields"
MIN_ROWS = 2  # one labelled line is a sentence; a table has rows
MIN_FIELDS = 3  # a row of a table has a name, a value and more
LABEL_MAX = 12  # a field label is a short header word
NAME_MAX = 40
VALUE_MAX = 20  # a value cell states a figure or a short phrase (`完成市下达任务`)
GROUP_MAX = 16
BLANKS_MAX = 1  # blank lines allowed between two rows of one table

_FIELD_SEP = re.compile(r"[；;]")
_FIELD = re.compile(rf"^([^：:]{{1,{LABEL_MAX}}})[：:](.*)$", re.S)
_VALUE_ROLES = (VALUE, "review", "change")  # headers.header_role's provisional roles of a value column
_OTHER = "other"

_ITEM_SEQ = re.compile(r"^(\d{1,3})[.．、]\s*")
_SUB_MARK = re.compile(r"^其中[：:]")
_ATTRIBUTE = re.compile(r"[（(]((?:预期性|约束性)(?:指标)?)[）)]$")
_NAME_UNIT = re.compile(r"[（(]([^（）()]{1,12})[）)]$")
_GROUP = re.compile(rf"^【([^【】]{{1,{GROUP_MAX}}})】$")
_CLAUSE = re.compile(r"[，,。；;、！？!?]")


_UNIT_COLON = re.compile(r"[）)][：:]")  # `名称（单位）：值`, an item without its number (a web page's `<dl>`)


def could_start(line: str) -> bool:
    """A cheap first look (the block loop asks it of every line): can a field table start at this line?"""
    s = line.strip()
    return bool(s) and (s.count("；") + s.count(";") >= MIN_FIELDS - 1 or s[0] == "【"
                        or (("：" in s or ":" in s) and (s[0].isdigit() or _UNIT_COLON.search(s) is not None)))


def read_field_table(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, int] | None:
    """The field-labelled table starting at 0-based `start`: (layout, rows with the header first, index of its
    last line, header rows); None when none starts there."""
    if labelled_fields(lines[start]) is not None:
        return _labelled_table(lines, start)
    return _item_table(lines, start)


# --- `label：value；label：value` rows ----------------------------------------------------------------------


def labelled_fields(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) fields of a `label：value；label：value` row; None when the line is not one.

    A value may hold a colon (`指标名称：其中：民间投资增速`): a field splits at its first colon only, and a piece
    without a label of its own belongs to the value before it.
    """
    body = line.strip().rstrip("。；;")
    if body.count("；") + body.count(";") < MIN_FIELDS - 1:
        return None
    fields: list[list[str]] = []
    for piece in _FIELD_SEP.split(body):
        m = _FIELD.match(piece.strip())
        role = header_role(m.group(1)) if m else None
        if m and role is not None and role != _OTHER:
            fields.append([m.group(1).strip(), m.group(2).strip()])
        elif fields:
            fields[-1][1] = f"{fields[-1][1]}；{piece.strip()}"
        else:
            return None
    if len(fields) < MIN_FIELDS:
        return None
    roles = [header_role(label) for label, _ in fields]
    if NAME not in roles or not any(r in _VALUE_ROLES for r in roles):
        return None
    return [(label, value) for label, value in fields]


def _labelled_table(lines: list[str], start: int):
    rows: list[tuple[int, list[tuple[str, str]]]] = []
    j = start
    while j < len(lines):
        fields = labelled_fields(lines[j])
        if fields is None:
            k = _after_blanks(lines, j)
            if k is None or labelled_fields(lines[k]) is None:
                break
            j = k
            continue
        rows.append((j, fields))
        j += 1
    if len(rows) < MIN_ROWS:
        return None
    labels, first_line = label_order(rows)  # the header
    header = [Cell(label, line=first_line[label] + 1) for label in labels]
    body = []
    for j, fields in rows:
        values = dict(fields)
        body.append([Cell(values.get(label, ""), line=j + 1) for label in labels])
    return FIELDS, [header, *body], rows[-1][0], 1


# --- `1.名称（单位）：值（属性）` items under `【类别】` lines ---------------------------------------------------


def _item(line: str) -> tuple[str, str, str, str] | None:
    """(序号, name as printed, value, attribute) of an item row; None when the line is not one.

    The name ends at the last colon (a sub-row prints `其中：` before its name); the value is short and no clause;
    an item states its unit or its attribute in parentheses, which is what sets it apart from a list line with a
    colon (`1.现代农业：A、B、C`).
    """
    s = line.strip().rstrip("。；;")
    m = _ITEM_SEQ.match(s)
    seq = m.group(1) if m else ""
    s = s[m.end():] if m else s
    sub = _SUB_MARK.match(s)
    rest = s[sub.end():] if sub else s
    cut = max(rest.rfind("："), rest.rfind(":"))
    if cut <= 0:
        return None
    name, value = rest[:cut].strip(), rest[cut + 1:].strip()
    am = _ATTRIBUTE.search(value)
    attribute = am.group(1) if am else ""
    value = value[: am.start()].strip() if am else value
    if not value or len(value) > VALUE_MAX or _CLAUSE.search(value) or len(name) > NAME_MAX \
            or _CLAUSE.search(name) or "：" in name or ":" in name:
        return None
    um = _NAME_UNIT.search(name)
    if not attribute and not (um and is_unit(um.group(1))):
        return None
    return seq, (sub.group(0) if sub else "") + name, value, attribute


def _group(line: str) -> str | None:
    m = _GROUP.match(line.strip())
    return m.group(1).strip() if m else None


def label_order(rows: list[tuple[int, list[tuple[str, str]]]]) -> tuple[list[str], dict[str, int]]:
    """Every label of the rows (line, [(label, value)]) in the order they print them, a label one row adds going
    right after the label before it in that row, and the 0-based line that prints each first. The header of the
    field rows here and of the cards (`cards.py`)."""
    labels: list[str] = []
    first_line: dict[str, int] = {}
    for j, fields in rows:
        prev = -1
        for label, _ in fields:
            if label in first_line:
                prev = labels.index(label)
                continue
            prev += 1
            labels.insert(prev, label)
            first_line[label] = j
    return labels, first_line


def _item_table(lines: list[str], start: int):
    if _item(lines[start]) is None and _group(lines[start]) is None:
        return None
    found = items_and_groups(lines, start, _item, _group)
    items = [it for _, _, it in found if it is not None]
    if len(items) < MIN_ROWS + 1 or found[0][2] is None and len(found) < 2:
        return None
    has_seq = any(it[0] for it in items)
    has_attribute = any(it[3] for it in items)
    head = [("序号", has_seq), ("指标名称", True), ("指标值", True), ("属性", has_attribute)]
    first = found[0][0] + 1
    header = [Cell(label, line=first) for label, used in head if used]
    rows = [header]
    for j, group, item in found:
        if item is None:
            rows.append([Cell(group or "", line=j + 1)])
            continue
        cells = [item[0], item[1], item[2], item[3]]
        rows.append([Cell(text, line=j + 1) for text, (_, used) in zip(cells, head) if used])
    return FIELDS, rows, found[-1][0], 1


def items_and_groups(lines: list[str], start: int, item, group) -> list[tuple[int, str | None, tuple | None]]:
    """(line, group, item) for the run of item lines and group lines from `start` (`item`/`group` read one line, or
    None), stepping over up to BLANKS_MAX blank lines between them; a group line after the last item is left out (it
    heads something else). Shared by the numbered field items here and the clause items (`clause_items.py`)."""
    found: list[tuple[int, str | None, tuple | None]] = []
    j = start
    while j < len(lines):
        it = item(lines[j])
        g = group(lines[j]) if it is None else None
        if it is None and g is None:
            k = _after_blanks(lines, j)
            if k is None or (item(lines[k]) is None and group(lines[k]) is None):
                break
            j = k
            continue
        found.append((j, g, it))
        j += 1
    while found and found[-1][2] is None:
        found.pop()
    return found


def _after_blanks(lines: list[str], j: int) -> int | None:
    """The next non-blank line when only up to BLANKS_MAX blank lines stand at `j`; None otherwise."""
    k = j
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k == j or k - j > BLANKS_MAX or k >= len(lines):
        return None
    return k
