"""What a line of text is, decided by its first character where that suffices (`blocks/lines.line_block`): the
shortcut must never call a heading, caption, note or list item a paragraph."""
import sys

from ingestion.blocks.lines import _LIST_MARKER, _NOT_PARAGRAPH_LEADS, is_caption, is_note, line_block
from ingestion.document import heading_level, parse_caption
from ingestion.model import Paragraph

# what may follow a lead character in a line that is not a paragraph: a heading's number ends, a caption's number,
# a note's colon, a list marker's closing bracket or space
_TAILS = ("、经济运行稳中向好", "）扩大有效投资", "1 2024年主要指标", "一部分 执行情况", "：带*为约束性指标", " 推进项目建设",
          "2023年计划执行情况】", "1", ". 稳定增长")
_SHORT_TAILS = ("、经济运行稳中向好", "：带*为约束性指标", "一部分 执行情况")  # for the CJK ideographs (20 000 leads)
# every punctuation, symbol and Latin lead; the CJK ideographs; the full-width forms
_LEADS = [*range(0x21, 0x3100), *range(0x4E00, 0xA000), *range(0xFF00, 0xFFF0)]


def _slow_kind(text: str) -> str:
    """The block kind without the first-character shortcut: every test the line reader makes."""
    if text[:1] == "#":
        return "markdown"
    if text[:2] in ("**", "__") or is_caption(text):
        return "caption?"
    if heading_level(text) is not None or parse_caption(text) is not None:
        return "heading"
    if is_note(text):
        return "note"
    if _LIST_MARKER.match(text):
        return "list_item"
    return "paragraph"


def test_a_line_opening_with_a_character_no_heading_caption_note_or_list_marker_opens_with_is_a_paragraph():
    checked = 0
    for code in _LEADS:
        lead = chr(code)
        if lead in _NOT_PARAGRAPH_LEADS or lead.isdecimal() or not lead.strip():
            continue
        for tail in _SHORT_TAILS if 0x4E00 <= code < 0xA000 else _TAILS:
            text = lead + tail
            assert _slow_kind(text) == "paragraph", (text, _slow_kind(text))
            block = line_block(text, 3)
            assert isinstance(block, Paragraph) and block.text == text.strip() and block.start == block.end == 3
            checked += 1
    assert checked > 150000


def test_lines_opening_with_a_lead_character_are_still_read_in_full():
    assert line_block("一、2024年经济社会发展主要目标", 1).kind == "heading"
    assert line_block("  表1  2023年主要指标完成情况", 2).kind == "caption"
    assert line_block("注：带*为约束性指标", 3).kind == "note"
    assert line_block("◆推进重点项目建设", 4).kind == "list_item"
    assert line_block("3. 稳定工业增长", 5).kind == "heading"
    assert line_block("全年地区生产总值增长6%。", 6).kind == "paragraph"
    assert line_block("\u3000\u3000全年地区生产总值增长6%。", 7).text == "全年地区生产总值增长6%。"
    assert line_block(" \t ", 8) is None


def test_a_cell_whose_text_holds_no_whitespace_keeps_it_as_its_flat_text_and_any_whitespace_is_removed():
    from ingestion.model import Cell

    # the shortcut `Cell` takes: a printable text without a space has no character `str.split` cuts at
    assert all(c == " " or not c.isprintable() for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    for text in ("地区生产总值", "（%）", "6.5", "地区\u3000生产", "a\xa0b", "增长\u20285%", "甲 乙", "\t丙\n", ""):
        assert Cell(text).flat == "".join(text.split())
