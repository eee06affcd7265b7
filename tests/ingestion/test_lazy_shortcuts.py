"""Shortcuts taken for speed must give what the plain computation gives: a text table's text joined on first read,
the investment reader's clause split and set labels (memoised), the list view's box-character scan and a list
line's display width (counted by runs)."""
from __future__ import annotations

import dataclasses
import pickle
import unicodedata

from ingestion.document import Document
from ingestion.investment import _SEPARATORS, _last_clause, _parse_label
from ingestion.model import Cell, Table
from ingestion.projects.lists import _display_width
from ingestion.projects.view import plain_view
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
