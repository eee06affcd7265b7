"""The list readers' view visits only the lines it can change (`projects/view.py`, `projects/text_index.py`): the
view must be the one every line's pass gives, for box edges, rulings and page numbers wherever they stand."""
import pytest

from ingestion.document import Document
from ingestion.projects.text_index import LINE_SPACE, LineText
from ingestion.projects.view import _plain_lines, plain_view

BOXED = [
    "┌──────────────┐",
    "│专栏2  2025年重点项目 │",
    "│◆ 甲工程            │",
    "  乙中心改造工程      ┃",
    "║ 丙产业园",
    "└──────────────┘",
]
PAGED = [
    "— 5 —",
    "  - 12 -  ",
    "第 3 页",
    "4/20",
    "第７页",  # a full-width digit is a digit too
    "5",  # a bare number is kept (it may be a figure)
    "\t-15",  # a table cell
    "│ — 6 — │",  # a page number inside a box's edges
    "1.甲工程",
    "2024年",
]


def _every_line(lines: list[str]) -> list[str]:
    doc = Document(lines=lines)
    return _plain_lines(doc, False, True, True, False).lines


@pytest.mark.parametrize("lines", [
    BOXED,
    PAGED,
    BOXED + PAGED,
    ["第一行", *BOXED, "", *PAGED, "末行"],
    ["甲工程、乙中心", "— 8 —"],  # the last line a page number
    ["│ — 9 — │"],  # the only line
    ["", "  ", "\u3000│甲工程\u3000"],
])
def test_the_view_is_that_of_every_line_pass(lines):
    assert plain_view(Document(lines=lines)).lines == _every_line(lines)


def test_a_report_without_marks_is_its_own_view():
    doc = Document(lines=["专栏1  2024年重点项目", "新开工项目：甲工程、乙中心。", "续建项目：丙产业园。"])
    assert plain_view(doc) is doc


def test_lines_with_a_word_near_their_start():
    lt = LineText(["新开工项目：甲", "", "在这一段很长的文字里面到了第二十几个字才出现的项目", "项目项目", "无"])
    assert lt.lines_with("项目") == [1, 3, 4]
    assert lt.lines_with("项目", within=24) == [1, 4]
    assert [lt.line_of(i) for i in (0, 7, 8, 9)] == [1, 1, 2, 3]


def test_line_space_is_every_whitespace_but_the_newline():
    import re

    cls = re.compile(f"[{LINE_SPACE}]")
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {"\n"}
    assert {chr(c) for c in range(0x110000) if cls.match(chr(c))} == spaces
