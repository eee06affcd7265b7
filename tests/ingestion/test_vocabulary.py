"""ingestion/vocabulary.py: the words several readers look for mean the same to each of them.

The header interpreter and the table reader share the verdict words, the block reader and the title reader share
the masthead words. Names and figures are invented."""
from __future__ import annotations

import pytest

from ingestion.blocks.masthead import masthead_role
from ingestion.document import Document
from ingestion.headers import VERDICT, read_header
from ingestion.model import Cell, Table
from ingestion.tables import read_verdict


def grid(*rows):
    return Table("table", "", 1, len(rows), rows=[[Cell(c) for c in row] for row in rows]).grid()


@pytest.mark.parametrize("cell", ["控制在年度控制目标以内", "控制在目标内", "√", "完成"])
def test_a_verdict_cell_the_table_reader_reads_as_met_makes_a_completion_column_a_verdict_column(cell):
    assert read_verdict(cell) == "是"
    header = read_header(grid(["指标", "2023年目标", "2023年实际", "完成情况"],
                              ["样例能耗降低", "3", "3.2", cell], ["样例排放减少", "2", "2.1", cell]))
    assert header is not None and header.columns[-1].role == VERDICT


@pytest.mark.parametrize("line, role", [
    ("样例市第九届人民代表大会第二次会议文件之三", "session_document"),
    ("（此件公开发布）", "notice"),
    ("首页 > 政务公开 > 计划总结", "chrome"),
    ("来源：样例区发展和改革委员会  发布时间：2023-01-05", "chrome"),
])
def test_a_masthead_line_the_block_reader_marks_never_joins_the_title(line, role):
    assert masthead_role(line) == role
    text = f"{line}\n样例区2023年国民经济和社会发展计划执行情况\n及2024年计划草案的报告\n一、2023年计划执行情况\n"
    meta = Document.from_text(text).meta
    assert meta.title == "样例区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告"
    assert (meta.district, meta.review_year, meta.plan_year) == ("样例区", 2023, 2024)
