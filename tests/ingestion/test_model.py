"""The typed document model: a Table's grid expands merged cells to every position they cover."""
from __future__ import annotations

from ingestion.model import Caption, Cell, DocumentModel, Paragraph, Table


def test_grid_fills_merged_positions_with_the_merged_cell():
    year = Cell("2030年", col_span=2)
    name = Cell("指标", row_span=2)
    plan = Cell("2031年计划目标", row_span=2)
    table = Table("table", "", rows=[
        [name, year, plan],
        [Cell("计划目标"), Cell("预计完成")],
        [Cell("甲指标"), Cell("5"), Cell("5.2"), Cell("6")],
    ])
    grid = table.grid()
    assert table.n_cols == 4
    assert [[c.text for c in row] for row in grid] == [
        ["指标", "2030年", "2030年", "2031年计划目标"],
        ["指标", "计划目标", "预计完成", "2031年计划目标"],
        ["甲指标", "5", "5.2", "6"],
    ]
    assert grid[1][0] is name and grid[0][2] is year


def test_a_short_row_leaves_missing_positions_empty():
    table = Table("table", "", rows=[[Cell("a"), Cell("b"), Cell("c")], [Cell("d")]])
    assert [[c.text if c else None for c in row] for row in table.grid()] == [["a", "b", "c"], ["d", None, None]]


def test_title_is_the_caption_without_whitespace_and_tables_are_listed():
    caption = Caption("caption", "附件1\n某县 主要指标", 1, 2, caption_kind="附件", number=1)
    table = Table("table", "", 3, 5, rows=[[Cell("a")]], caption=caption)
    model = DocumentModel([caption, table, Paragraph("paragraph", "正文", 6, 6)], "")
    assert table.title() == "附件1某县主要指标"
    assert model.tables == [table]
    assert Cell(" 12.5 %\n").flat == "12.5%"


def test_width_counts_columns_taken_by_cells_spanning_rows():
    table = Table("table", "", rows=[[Cell("类别", row_span=2)], [Cell("甲"), Cell("5")]])
    assert table.n_cols == 3
    assert [[c.text if c else None for c in row] for row in table.grid()] == [["类别", None, None],
                                                                             ["类别", "甲", "5"]]
    assert [[c.text for c in row] for row in table.layout_rows()] == [["类别"], ["", "甲", "5"]]
