"""The list readers' view of a report (`projects/view.py`): page furniture out, table cells as printed."""
from ingestion.document import Document
from ingestion.projects.view import plain_view

TITLE = "关于某某县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告"


def test_a_negative_figure_in_a_table_cell_is_not_taken_for_a_page_number():
    doc = Document.from_text("\n".join([TITLE, "表1  主要指标", "\t指标", "\t增速", "", "\t出口", "\t-15", "", ""]))
    view = plain_view(doc)
    assert view.lines[6] == "\t-15"
    assert view is doc  # nothing to remove: the list readers share the report's own Document


def test_a_page_number_line_is_blank_in_the_view():
    doc = Document.from_text("\n".join([TITLE, "专栏1  2024年重点项目", "- 5 -", "新开工项目：甲工程、乙中心。"]))
    view = plain_view(doc)
    assert view.lines[2] == ""
    assert view.lines[3] == doc.lines[3]
