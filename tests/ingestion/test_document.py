"""The outline every extractor relies on: line numbers, heading levels, captions, blocks."""
from ingestion.document import Document

TEXT = """标题
一、2021年执行情况
（一）主要指标完成情况
——经济质效稳步提升。全年地区生产总值增长8%。
表1：2021年计划目标完成情况
\t序号
\t指标名称

\t1
\t地区生产总值增速
专栏1：2021年重点开竣工项目情况
\t开工重点项目：陶家隧道、钓鱼嘴四号路。
二、2022年计划
(一)坚决打好“三大攻坚战”,确保取得决定性胜利。一是……
1. 推进公园城市建设。[bookmark: OLE_LINK2]完成改造。
"""


def test_headings_levels_and_line_numbers():
    doc = Document.from_text(TEXT)
    assert [(h.line, h.level) for h in doc.headings] == [(2, 1), (3, 2), (13, 1), (14, 2), (15, 3)]
    assert doc.section(4).text == "（一）主要指标完成情况"
    assert [h.text for h in doc.heading_chain(12)] == ["一、2021年执行情况", "（一）主要指标完成情况"]
    # a new top-level heading closes the sub-heading above it
    assert [h.level for h in doc.heading_chain(13)] == [1]


def test_captions_and_table_cells_are_not_headings():
    doc = Document.from_text(TEXT)
    assert [(c.kind, c.number, c.line) for c in doc.captions] == [("表", 1, 5), ("专栏", 1, 11)]
    kinds = [(b.kind, b.start, b.end) for b in doc.blocks]
    assert ("cells", 6, 10) in kinds
    assert ("caption", 11, 11) in kinds


def test_bookmark_markers_are_removed_and_line_numbers_kept():
    doc = Document.from_text(TEXT)
    assert doc.line(15) == "1. 推进公园城市建设。完成改造。"
    assert doc.n_lines == 16  # 15 printed lines and the empty one after the final newline


def test_crlf_line_ends_give_the_same_lines():
    assert Document.from_text(TEXT.replace("\n", "\r\n")).lines == Document.from_text(TEXT).lines
