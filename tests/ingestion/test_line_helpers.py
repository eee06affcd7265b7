"""The per-line and per-cell helpers every extractor shares (`document.squash`, `Cell.flat`, the bracket-aware
splitter of the list readers): what they return, whatever shortcut computes it."""
import dataclasses
import re
import sys

import pytest

from ingestion.document import heading_level, parse_caption, squash
from ingestion.model import Cell, Table
from ingestion.projects.names import find_outside_brackets, split_outside_brackets


def test_squash_removes_every_unicode_whitespace_character_and_nothing_else():
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"[\s\u3000]", c)]
    assert "\u3000" in spaces and "\xa0" in spaces and "\t" in spaces
    assert squash("A" + "".join(spaces) + "B") == "AB"
    assert squash("全市\u3000地区 生产\t总值\n") == "全市地区生产总值"
    assert squash("·—－") == "·—－"


def test_a_cells_flat_text_is_its_text_without_whitespace_and_the_cell_stays_frozen_and_hashable():
    cell = Cell("地区\u3000生产 总值", line=7)
    assert cell.flat == "地区生产总值"
    assert cell == Cell("地区\u3000生产 总值", 1, 1, 7) and hash(cell) == hash(Cell("地区\u3000生产 总值", 1, 1, 7))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "x"


def test_a_tables_width_counts_cells_spanning_rows_from_above():
    table = Table("table", "", rows=[[Cell("指标", row_span=2), Cell("2023年", col_span=2)], [Cell("目标"), Cell("完成")]])
    assert table.n_cols == 3
    assert [[c.text if c else None for c in row] for row in table.grid()] == [
        ["指标", "2023年", "2023年"], ["指标", "目标", "完成"]]


def test_line_classifiers_give_the_same_answer_when_asked_again():
    for _ in range(2):  # memoised: the second answer comes from the cache
        assert heading_level("（二）扩大有效投资") == 2
        assert heading_level("\t（二）扩大有效投资") is None  # a table cell is never a heading
        assert parse_caption("表1：2023年主要指标完成情况") == ("表", 1)
        assert parse_caption("表明全年经济稳中向好") is None


def test_split_outside_brackets_keeps_brackets_quotes_and_numberings_whole():
    assert split_outside_brackets("A中心、B（一期、二期）工程、C“甲、乙”园", "、") == ["A中心", "B（一期、二期）工程", "C“甲、乙”园"]
    assert split_outside_brackets("中征一、二线、刘海线", "、") == ["中征一、二线", "刘海线"]
    assert split_outside_brackets("、A、", "、") == ["", "A", ""]
    assert split_outside_brackets("A，B；C", "，,；;") == ["A", "B", "C"]
    assert split_outside_brackets("一、二", "，") == ["一、二"]
    assert find_outside_brackets("A（甲：乙）B：C", "：:") == 7
    assert find_outside_brackets("A：B", "：:") == 1 and find_outside_brackets("AB", "：:") == -1


def test_a_table_without_merged_cells_is_its_own_grid_padded_to_its_widest_row():
    table = Table("table", "", rows=[[Cell("指标"), Cell("单位"), Cell("目标")], [Cell("地区生产总值"), Cell("%")]])
    assert table.n_cols == 3
    assert [[c.text if c else None for c in row] for row in table.grid()] == [
        ["指标", "单位", "目标"], ["地区生产总值", "%", None]]
    assert [[c.text for c in row] for row in table.layout_rows()] == [["指标", "单位", "目标"], ["地区生产总值", "%"]]
