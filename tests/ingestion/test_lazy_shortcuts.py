"""Shortcuts taken for speed must give what the plain computation gives: a text table's text joined on first read,
the investment reader's clause split and set labels (memoised), the list view's box-character scan, a list line's
display width (counted by runs) and the count patterns skipped on lines that cannot end in a count."""
from __future__ import annotations

import dataclasses
import pickle
import random
import re
import unicodedata

from ingestion.document import Document, squash
from ingestion.investment import _SEPARATORS, _last_clause, _parse_label
from ingestion.model import Cell, Table
from ingestion.projects.lists import _display_width
from ingestion.projects.stages import (
    _BRACKET_COUNT,
    _COUNT_TAIL,
    _DEEPER_ITEM,
    _DESCRIBED_ITEM,
    _KIND_END,
    _KIND_HEADING,
    _LABEL_COUNT,
    _LABEL_NUMBER,
    _LABEL_STAGE,
    _STAGE_LABEL_RE,
    _STAGE_LINE,
    group_label,
    kind_heading,
    parse_label,
    without_count,
)
from ingestion.projects.view import _BOX_CHARS, _has_box_char, plain_view
from ingestion.text_blocks import text_blocks

_TEXT = "表1 主要指标\n\t指标\n\t目标\n\n\t地区生产总值增速\n\t6%\n\n\t一般公共预算收入\n\t12.5亿元\n\n正文段落。\n"


def _eager(table: Table) -> str:
    return "\n".join("\t".join(c.text for c in row) for row in table.rows)


def test_text_table_text_is_its_cells_joined():
    tables = text_blocks(_TEXT).tables
    assert tables
    for t in tables:
        assert t.text == _eager(t)
        assert "地区生产总值增速" in t.text


def test_lazy_table_text_survives_replace_pickle_and_equality():
    t = Table("table", None, 1, 3, rows=[[Cell("指标"), Cell("目标")], [Cell("增速"), Cell("6%")]])
    copy = dataclasses.replace(t, end=2)
    assert copy.text == "指标\t目标\n增速\t6%"
    again = pickle.loads(pickle.dumps(t))
    assert again.text == t.text and again == t
    given = Table("table", "as the reader printed it", 1, 1, rows=[[Cell("x")]])
    assert given.text == "as the reader printed it"  # a container's own text is kept, not rebuilt
    given.text = "changed"
    assert given.text == "changed"


def _last_clause_plain(pre: str):
    for i in range(len(pre) - 1, -1, -1):
        if pre[i] in _SEPARATORS:
            return pre[i + 1:], pre[i]
    return pre, None


def test_last_clause_matches_a_backward_scan():
    for pre in ("", "全年实施", "其中，新开工项目", "A、B（含C）共", "总投资：", "甲；乙,丙:丁"):
        assert _last_clause(pre) == _last_clause_plain(pre)


def test_set_label_memo_gives_the_same_reading_every_time():
    first = _parse_label("全年竣工投用项目")
    _parse_label.cache_clear()
    assert _parse_label("全年竣工投用项目") == first == ("项目", "竣工投用")


def test_plain_view_without_box_characters_is_the_document_itself():
    doc = Document.from_text("一、重点项目\n新开工项目：A产业园、B中心。\n")
    assert plain_view(doc) is doc
    framed = Document.from_text("专栏1 重点项目\n┌────┐\n│A产业园│\n└────┘\n")
    view = plain_view(framed)
    assert view is not framed and "A产业园" in view.lines[2] and "│" not in view.lines[2]


def _display_width_plain(text: str) -> int:
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


def test_display_width_by_runs_matches_a_per_character_count():
    every_bmp = "".join(map(chr, range(0x10000)))
    for start in range(0, len(every_bmp), 997):  # every character of the plane, in mixed runs
        chunk = every_bmp[start:start + 997]
        assert _display_width(chunk) == _display_width_plain(chunk)
    for text in ("", "G3高速", "TOPCon电池、A城市更新（一期）", "ＡＢ全角", "😀表情𠀀字\U000e0001x", "plain ascii"):
        assert _display_width(text) == _display_width_plain(text)


def test_count_regexes_are_skipped_only_where_no_count_can_end():
    """`group_label`, `parse_label` and `without_count` run the count patterns only on a text that ends like a count
    (`）`, `)`, `个`, `项`, or a final newline before one): elsewhere none of them can match."""
    rng = random.Random(13)
    alphabet = "（()）个项共计12一十\n类项目：:。新开工 "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    texts += ["新开工项目（3个）", "续建项目15个\n", "（一）交通基础设施（5项）", "二、交通类项目：", "A、B、C等项目。"]
    for text in texts:
        assert without_count(text) == _LABEL_COUNT.sub("", text)
        if text[-1:] not in "）)个项\n":
            assert not _LABEL_COUNT.search(text) and not _BRACKET_COUNT.search(text)
    for label in texts[:3000] + texts[-5:]:
        assert group_label.__wrapped__(label) == _group_label_plain(label)
        assert parse_label.__wrapped__(label) == _parse_label_plain(label)


def _group_label_plain(s: str):
    """`group_label` as it read before the count shortcut: every pattern run on every line."""
    m = _LABEL_NUMBER.match(s)
    numbered = bool(m)
    text = s[m.end():] if m else s
    colon = text.endswith(("：", ":"))
    text = text.rstrip("：:")
    stopped = text.endswith("。")
    if stopped:
        text = text[:-1]
    counted = bool(_LABEL_COUNT.search(text))
    bracket_count = bool(_BRACKET_COUNT.search(text))
    text = _LABEL_COUNT.sub("", text)
    if not text or len(text) > 16:
        return None
    if _STAGE_LABEL_RE.fullmatch(text):
        return None, text
    if stopped and not counted:
        return None
    if (numbered or colon or counted) and _KIND_END.search(text):
        return parse_label(text)
    if (numbered and counted or bracket_count) and not re.search(r"[，,。；;、：:]", text):
        return text, None
    return None


def _parse_label_plain(label: str):
    label = _LABEL_NUMBER.sub("", label)
    counted = _LABEL_COUNT.sub("", label)
    if counted and (_STAGE_LABEL_RE.fullmatch(counted) or _LABEL_COUNT.search(label)):
        label = counted
    if _STAGE_LABEL_RE.fullmatch(label):
        return None, label
    m = _LABEL_STAGE.search(label)
    if m and m.start() > 0 and _COUNT_TAIL.fullmatch(label[m.end():]):
        return label[: m.start()], m.group(0)
    return label, None


def test_box_character_test_by_utf16_units_matches_the_regex():
    every_bmp = "".join(map(chr, range(0x10000)))  # lone surrogates included
    for start in range(0, len(every_bmp), 61):
        chunk = every_bmp[start:start + 61]
        assert _has_box_char(chunk) == bool(_BOX_CHARS.search(chunk)), hex(start)
    for text in ("", "6%增长", "◆ A项目 ■ B中心", "│A产业园│", "a─b", "\u257f", "\u2580●○", "😀𠀀", "\ud800─", "%%%"):
        assert _has_box_char(text) == bool(_BOX_CHARS.search(text)), text


def test_first_character_before_squashing_is_the_squashed_lines_first():
    """`kind_heading` and the kind-group opener read a line's first character past whitespace before squashing it."""
    for line in ("", "   ", "\u3000（一）交通类项目", "\t1.先进制造业项目", " \u2003２.A类", "一、总体要求", "（1）A项目：总投资",
                 "\u00a0(二)社会民生项目（8个）", "\n3.基础设施项目"):
        assert line.lstrip()[:1] == squash(line)[:1]
        assert kind_heading(line, "（1）A项目：总投资5亿元") == _kind_heading_plain(line, "（1）A项目：总投资5亿元")


def _kind_heading_plain(line: str, following: str | None):
    s = "".join(line.split())
    if not (s[:1].isdecimal() or s[:1] in "（("):
        return None
    m = _KIND_HEADING.match(without_count(s))
    if not m or following is None or not _KIND_END.search(m.group(2)) or parse_label(m.group(2))[1]:
        return None
    nxt = "".join(following.split())
    deeper = _DEEPER_ITEM.match(nxt) if m.group(1)[0].isdigit() else _DESCRIBED_ITEM.match(nxt)
    return m.group(2) if deeper or _STAGE_LINE.match(nxt) else None
