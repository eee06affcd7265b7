"""An indicator table printed as cards, one block of lines per indicator (a phone-friendly article or a web copy):

    🔹工业用电量（亿千瓦时）
    年度目标：45
    完成情况：47.2
    指标属性：约束性
    是否完成：✅

The first line of a block is the indicator's name (a bullet or emoji before it is decoration), each line after it a
`label：value` field whose label is one of the genre's column words; blocks are separated by a blank line. The
labels are the header (指标名称 first, then every label in the order the cards print them); a field a card leaves
out is an empty cell. Recognised by structure: at least `MIN_CARDS` blocks, each with at least `MIN_FIELDS` such
fields, a value column among the labels.
"""
from __future__ import annotations

import re
import unicodedata

from ..headers import NAME, VALUE, header_role
from ..model import Cell
from .fields import label_order
from .lines import plain

CARDS = "cards"
MIN_CARDS = 2
MIN_FIELDS = 2
NAME_MAX = 40
LABEL_MAX = 8
VALUE_MAX = 24
BLANKS_MAX = 1

_FIELD = re.compile(rf"^([^：:，,。；;]{{1,{LABEL_MAX}}})[：:]\s*(\S.*)$")
_VALUE_ROLES = (VALUE, "review", "change")
_SENTENCE = re.compile(r"[，,。；;！？!?：:]")
_BULLETS = frozenset("•·●○■□◆◇▪►▶➢▸▹◉◎")


def _title(line: str) -> str | None:
    """The indicator name of a card's first line (its leading bullet or emoji removed); None when it is not one."""
    s = plain(line)
    k = 0
    while k < len(s) and (s[k] in _BULLETS or s[k].isspace() or unicodedata.category(s[k]) in ("So", "Sk", "Mn", "Cf")):
        k += 1
    s = s[k:].strip()
    if not s or len(s) > NAME_MAX or _SENTENCE.search(s) or s[0].isdigit():
        return None
    return s


def _field(line: str) -> tuple[str, str] | None:
    m = _FIELD.match(plain(line))
    if not m or len(m.group(2)) > VALUE_MAX:
        return None
    role = header_role(m.group(1).strip())
    if role is None or role in (NAME, "other"):
        return None
    return m.group(1).strip(), m.group(2).strip()


def could_open(lines: list[str], i: int) -> bool:
    """A cheap first look (asked of every line): a short line without a colon over a `label：value` line."""
    s = lines[i]
    if len(s) > NAME_MAX + 8 or "：" in s or ":" in s or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return "：" in nxt[:LABEL_MAX + 2] or ":" in nxt[:LABEL_MAX + 2]


def _card(lines: list[str], i: int) -> tuple[str, list[tuple[str, str]], int] | None:
    """(name, fields, index of its last line) of the card starting at `i`; None when none starts there."""
    name = _title(lines[i]) if could_open(lines, i) else None
    if name is None:
        return None
    fields: list[tuple[str, str]] = []
    j = i + 1
    while j < len(lines):
        f = _field(lines[j])
        if f is None:
            break
        fields.append(f)
        j += 1
    if len(fields) < MIN_FIELDS or len({label for label, _ in fields}) < len(fields):
        return None
    return name, fields, j - 1


def read_card_table(lines: list[str], start: int) -> tuple[str, list[list[Cell]], int, int] | None:
    """The card table starting at 0-based `start`: (layout, rows with the header first, index of its last line,
    header rows); None when none starts there."""
    cards: list[tuple[int, str, list[tuple[str, str]]]] = []
    j = start
    while j < len(lines):
        card = _card(lines, j)
        if card is None:
            break
        name, fields, last = card
        cards.append((j, name, fields))
        k = last + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k - last - 1 > BLANKS_MAX:
            break
        j = k
    if len(cards) < MIN_CARDS:
        return None
    labels, _ = label_order([(j, fields) for j, _, fields in cards])
    if not any(header_role(label) in _VALUE_ROLES for label in labels):
        return None
    top = start + 1
    rows = [[Cell("指标名称", line=top), *(Cell(label, line=top) for label in labels)]]
    for j, name, fields in cards:
        values = dict(fields)
        cells = [Cell(name, line=j + 1)]
        for label in labels:
            line = j + 1 + next((n + 1 for n, (lab, _) in enumerate(fields) if lab == label), 0)
            cells.append(Cell(values.get(label, ""), line=line))
        rows.append(cells)
    last_start, _, last_fields = cards[-1]
    return CARDS, rows, last_start + len(last_fields), 1
