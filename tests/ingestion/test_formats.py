"""Readers of each container, on small inputs: encodings, Word bodies, web pages, PDFs, rejections."""
import io
import os
import zipfile

import pytest

from ingestion.errors import ReportError
from ingestion.folder import is_report_name, report_files
from ingestion.formats.docx import read_docx
from ingestion.formats.html import html_lines, read_html
from ingestion.formats.sniff import DOCX, HTML, PDF, TEXT, UNSUPPORTED, sniff
from ingestion.formats.text import decode_text, normalise_encoding
from ingestion.layout import cell_lines, paragraph_lines, table_lines
from ingestion.process import process_report
from ingestion.reading import read_report
from ingestion.text_blocks import text_blocks

TITLE = "重庆市某某区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告"
BODY = f"{TITLE}\n一、主要指标\n地区生产总值增长6%左右。\n"


def rejected(fn, *args) -> str:
    with pytest.raises(ReportError) as info:
        fn(*args)
    assert info.value.stage == "decode"
    return info.value.message


# --------------------------------------------------------------------------------------------------------------
# the layout, written in one place
# --------------------------------------------------------------------------------------------------------------


def test_table_lines_one_cell_per_line_rows_separated_by_blank_lines():
    assert table_lines([["序号", "指标"], ["1", "地区生产总值"]]) == [
        "\t序号", "\t指标", "", "\t1", "\t地区生产总值", "", ""]


def test_merged_and_empty_cells_are_lone_tabs():
    assert table_lines([["类别", "1"], [None, "2"], ["", "3"]]) == [
        "\t类别", "\t1", "", "\t", "\t2", "", "\t", "\t3", "", ""]


def test_extra_paragraphs_of_a_cell_continue_without_a_tab():
    assert table_lines([["7.4\n（按七人普前人口口径计算）", "发展\n\n综合"]]) == [
        "\t7.4", "（按七人普前人口口径计算）", "\t发展", "", "综合", "", ""]


def test_cell_text_is_trimmed_and_tabs_inside_text_become_spaces():
    assert cell_lines("\n  6.5 \n\n") == ["\t6.5"]
    assert cell_lines("a\tb") == ["\ta b"]
    assert paragraph_lines("第一行\r\n\t第二行\u2028第三行") == ["第一行", " 第二行", "第三行"]
    assert table_lines([]) == [] and table_lines([[]]) == []


# --------------------------------------------------------------------------------------------------------------
# plain text in any encoding
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    BODY.encode("utf-8"),
    b"\xef\xbb\xbf" + BODY.encode("utf-8"),
    BODY.encode("gbk"),
    BODY.encode("gb18030"),
    BODY.encode("utf-16"),  # with a BOM
    b"\xfe\xff" + BODY.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + BODY.encode("utf-32-le"),
    b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode("utf-8"),
    BODY.replace("\n", "\r").encode("gbk"),
], ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom", "utf16be-bom", "utf32-bom", "crlf", "cr-gbk"])
def test_text_in_every_encoding_reads_the_same(data):
    assert decode_text(data) == BODY


def test_short_gbk_text_is_not_taken_for_utf16():
    assert decode_text("地区生产总值增长6%左右".encode("gbk")) == "地区生产总值增长6%左右"


def test_gb18030_characters_outside_gbk_read():
    text = "𠮷野家项目开工，镕铸新篇章。" * 3
    assert decode_text(text.encode("gb18030")) == text


def test_utf16_without_bom_is_recognised():
    assert decode_text(BODY.encode("utf-16-le")) == BODY


def test_charset_labels_map_to_supersets():
    assert normalise_encoding("GB2312") == "gb18030"
    assert normalise_encoding("gbk") == "gb18030"
    assert normalise_encoding("UTF8") == "utf-8"
    assert normalise_encoding("no-such-charset") is None


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"  \r\n\t ", "empty"),
    (b"\xff\xfe" + " \n".encode("utf-16-le"), "empty"),
    (bytes(range(256)) * 10, "binary"),
    (b"\x00\x01 not text", "binary"),
    (bytes(b for b in os.urandom(6000) if b), "binary"),
], ids=["empty", "whitespace", "bom-only", "all-bytes", "nul", "random"])
def test_junk_is_rejected_as_not_text(data, words):
    assert words in rejected(read_report, "x.txt", data)


@pytest.mark.parametrize("magic, words", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG image"),
    (b"GIF89a" + bytes(100), "GIF image"),
    (b"II*\x00" + bytes(100), "TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "97-2003"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
], ids=["png", "jpeg", "gif", "tiff", "ole-doc", "rtf"])
def test_images_and_legacy_documents_are_named_in_the_rejection(magic, words):
    message = rejected(read_report, "report.txt", magic)
    assert words in message
    if "image" in words:
        assert "binary" in message and "OCR" in message


def test_a_png_renamed_txt_is_quarantined_at_decode():
    p = process_report("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))
    assert not p.ok and p.error.stage == "decode" and "binary" in p.error.message


def test_text_starting_with_bm_is_not_a_bitmap():
    assert sniff("BMW项目开工\n".encode()).kind == TEXT


# --------------------------------------------------------------------------------------------------------------
# Word .docx
# --------------------------------------------------------------------------------------------------------------


def _docx(build) -> bytes:
    import docx

    doc = docx.Document()
    build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_body_keeps_paragraphs_and_tables_in_document_order():
    def build(doc):
        doc.add_paragraph("标题")
        doc.add_paragraph("表1：主要指标")
        t = doc.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "序号", "指标"
        t.cell(1, 0).text, t.cell(1, 1).text = "1", "地区生产总值"
        doc.add_paragraph("表后的段落。")
        doc.add_paragraph("")
        doc.add_paragraph("末段。")

    assert read_docx(_docx(build)).split("\n") == [
        "标题", "表1：主要指标", "\t序号", "\t指标", "", "\t1", "\t地区生产总值", "", "", "表后的段落。", "", "末段。"]


def test_docx_merged_cells_render_as_the_seeds_do():
    def build(doc):
        t = doc.add_table(rows=3, cols=3)
        for r in range(3):
            for c in range(3):
                t.cell(r, c).text = f"{r}{c}"
        t.cell(0, 0).merge(t.cell(0, 2)).text = "一、产业"  # a group row spanning the table: one cell
        t.cell(1, 0).merge(t.cell(2, 0)).text = "经济"  # a category merged down: the repeat is an empty cell

    assert read_docx(_docx(build)).split("\n") == [
        "\t一、产业", "", "\t经济", "\t11", "\t12", "", "\t", "\t21", "\t22", "", ""]


def test_docx_cell_paragraphs_and_line_breaks_continue_the_cell():
    def build(doc):
        t = doc.add_table(rows=1, cols=2)
        c = t.cell(0, 0)
        c.paragraphs[0].add_run("7.4")
        c.add_paragraph("（按七人普前人口口径计算）")
        run = t.cell(0, 1).paragraphs[0].add_run("2021年")
        run.add_break()
        t.cell(0, 1).paragraphs[0].add_run("预计完成")
        doc.add_paragraph("标题第一行").add_run().add_break()

    lines = read_docx(_docx(build)).split("\n")
    assert lines[:4] == ["\t7.4", "（按七人普前人口口径计算）", "\t2021年", "预计完成"]
    assert lines[-2:] == ["标题第一行", ""]


def test_docx_leaves_out_hidden_and_deleted_text_and_tabs_become_spaces():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(doc):
        p = doc.add_paragraph("\t地区生产总值")
        hidden = p.add_run("（隐藏）")
        hidden.font.hidden = True
        p.add_run("增长6%")
        p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>左右</w:t></w:r></w:ins>'))

    assert read_docx(_docx(build)) == "  地区生产总值增长6%左右"


def test_docx_table_aligned_on_tab_stops_reads_as_a_table():
    from ingestion.formats.docx import docx_document

    def build(doc):
        doc.add_paragraph("表1 主要指标")
        for line in ("序号\t指标名称\t单位\t2031年目标", "1\t甲地区生产总值\t亿元\t300", "2\t乙收入\t亿元\t25"):
            doc.add_paragraph(line)
        doc.add_paragraph("正文\t第二段。")

    model = docx_document(_docx(build))
    (table,) = model.tables
    assert table.title() == "表1主要指标" and table.layout == "spaces"
    assert [[c.flat for c in r] for r in table.rows] == [["序号", "指标名称", "单位", "2031年目标"],
                                                         ["1", "甲地区生产总值", "亿元", "300"], ["2", "乙收入", "亿元", "25"]]


def test_docx_content_controls_and_nested_tables_are_read():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(doc):
        doc.add_paragraph("前")
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p>'
                        f'</w:sdtContent></w:sdt>')
        doc.element.body.insert(1, sdt)
        outer = doc.add_table(rows=1, cols=1)
        outer.cell(0, 0).text = "专栏"
        inner = outer.cell(0, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "甲", "乙"

    # the outer one-cell table holds a table: a frame, whose paragraph and table are read in their place as body
    assert read_docx(_docx(build)).split("\n") == ["前", "控件里的段落", "专栏", "\t甲", "\t乙", "", "", ""]


def test_damaged_docx_is_rejected():
    good = _docx(lambda doc: doc.add_paragraph(TITLE))
    assert "zip" in rejected(read_report, "r.docx", good[: len(good) // 2])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<not-xml")
    assert "docx" in rejected(read_report, "r.docx", buf.getvalue())


def test_a_docx_is_read_by_its_content_whatever_its_name():
    data = _docx(lambda doc: doc.add_paragraph(TITLE))
    assert sniff(data).kind == DOCX
    assert read_report("report.txt", data) == TITLE


# --------------------------------------------------------------------------------------------------------------
# web pages
# --------------------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>标题栏</title>
<style>p {{ color: red }}</style><script>var a = "一、脚本";</script></head>
<body>
<header class="top"><div>某区人民政府门户网站</div></header>
<nav><a>首页</a><a>二、导航</a></nav>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开</div>
<div class="left-menu"><ul><li>表1：菜单</li></ul></div>
<div class="article">
<h1>{title}</h1>
<p>一、主要
   指标</p>
<p>地区生产总值增长<span>6%</span>左右。</p>
<p>&nbsp;</p>
<p>第一行<br>第二行</p>
<table border="1"><tr><th>类别</th><th>序号</th><th>指标</th></tr>
<tr><td rowspan="2">经济<br>发展</td><td>1</td><td>地区生产总值</td></tr>
<tr><td>2</td><td><p>工业增加值</p><p>（%）</p></td></tr>
<tr><td colspan="3">二、民生</td></tr></table>
<p>表后。</p>
<div style="display:none">隐藏的文字</div>
</div>
<div class="share-bar">分享到</div>
<div id="footer">版权所有 地区生产总值增长10%</div>
<footer>网站标识码</footer>
</body></html>"""

PAGE_LINES = [
    TITLE, "一、主要指标", "地区生产总值增长6%左右。", "", "第一行", "第二行",
    "\t类别", "\t序号", "\t指标", "",
    "\t经济", "发展", "\t1", "\t地区生产总值", "",
    "\t", "\t2", "\t工业增加值", "（%）", "",
    "\t二、民生", "", "",
    "表后。",
]


def test_page_chrome_is_dropped_and_tables_render_as_cells():
    page = PAGE.format(charset="utf-8", title=TITLE).encode("utf-8")
    assert read_html(page).split("\n") == PAGE_LINES


@pytest.mark.parametrize("declare, encoding", [
    ('<meta charset="gbk">', "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
    ("", "gbk"),  # nothing declared: detection
    ('<meta charset="gbk">', "utf-8"),  # a page re-saved as UTF-8 that kept its old declaration
    ('<meta charset="utf-8">', "utf-16"),  # BOM wins
], ids=["meta-gbk", "http-equiv-gb2312", "undeclared-gbk", "mislabelled-utf8", "utf16-bom"])
def test_page_decodes_with_its_declared_charset_or_detection(declare, encoding):
    page = PAGE.replace('<meta charset="{charset}">', declare).format(title=TITLE)
    assert read_html(page.encode(encoding)).split("\n") == PAGE_LINES


def test_page_in_a_layout_table_reads_as_blocks_and_its_data_table_as_cells():
    markup = ("<html><body><table><tr><td class='nav'>首页</td></tr><tr><td>"
              "<p>正文第一段。</p><table border=1><tr><td>a</td><td>b</td></tr></table><p>正文第二段。</p>"
              "</td></tr></table></body></html>")
    assert html_lines(markup) == ["正文第一段。", "\ta", "\tb", "", "", "正文第二段。"]


def test_a_wrapper_named_like_chrome_is_kept_when_it_holds_the_article():
    markup = f"<html><body><div class='main-menu-layout'><p>{TITLE}</p><p>地区生产总值增长6%左右。</p></div></body></html>"
    assert html_lines(markup) == [TITLE, "地区生产总值增长6%左右。"]


def test_an_articles_own_header_is_kept():
    markup = f"<html><body><header>站点</header><article><header><h1>{TITLE}</h1></header><p>正文。</p></article></body></html>"
    assert html_lines(markup) == [TITLE, "正文。"]


def test_a_page_with_nothing_but_chrome_is_rejected():
    assert "no text" in rejected(read_html, b"<html><body><nav>menu</nav><script>x</script></body></html>")


def test_markup_is_recognised_by_content_or_by_name():
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>").kind == HTML
    assert sniff(b"\xef\xbb\xbf  <html lang='zh'><p>x</p></html>").kind == HTML
    assert sniff("<p>地区生产总值</p>".encode(), ".htm").kind == HTML
    assert sniff("<p>地区生产总值</p>".encode(), ".txt").kind == TEXT
    assert read_report("page.txt", PAGE.format(charset="utf-8", title=TITLE).encode()).split("\n") == PAGE_LINES


# --------------------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------------------


def _pdf(draw) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    draw(c)
    c.save()
    return buf.getvalue()


def test_pdf_text_layer_and_ruled_table_render_in_the_layout():
    def draw(c):
        c.drawString(72, 760, TITLE[:20])
        c.drawString(72, 740, "表1：主要指标")
        # a 2×2 ruled table
        for y in (720, 700, 680):
            c.line(72, y, 372, y)
        for x in (72, 172, 372):
            c.line(x, 680, x, 720)
        c.drawString(76, 706, "序号")
        c.drawString(176, 706, "指标")
        c.drawString(76, 686, "1")
        c.drawString(176, 686, "地区生产总值")
        c.drawString(72, 650, "表后的段落。")
        c.drawCentredString(300, 30, "- 1 -")  # page number: furniture

    data = _pdf(draw)
    assert sniff(data).kind == PDF
    assert read_report("r.pdf", data).split("\n") == [
        TITLE[:20], "表1：主要指标", "\t序号", "\t指标", "", "\t1", "\t地区生产总值", "", "", "表后的段落。"]


def test_pdf_wrapped_lines_join_into_one_paragraph_and_an_indent_starts_a_new_one():
    line = "地区生产总值增长百分之六左右，规上工业增加值增长百分之十。"

    def draw(c):
        for k in range(3):
            c.drawString(72, 760 - 16 * k, line)  # full lines: one paragraph wrapped over three lines
        c.drawString(72, 712, "短的末行。")
        c.drawString(96, 696, "缩进开始的新段落。")

    text = read_report("r.pdf", _pdf(draw))
    assert text.split("\n") == [line * 3 + "短的末行。", "缩进开始的新段落。"]


def test_pdf_list_entries_that_each_fill_the_line_stay_apart_but_a_number_cut_by_the_wrap_joins():
    """An entry that closes its sentence at the margin, over a stage label or the next item number, ends there:
    a list of projects whose entries fill the width must not run into one paragraph. A line that stops mid-
    sentence still goes on, even when the next line opens with digits and a point (a decimal cut by the wrap)."""
    full = "松岚县老城区燃气管网改造工程改造燃气管网三十六公里总投资一点七亿元。"
    cut = "松岚县老城区燃气管网改造工程改造燃气管网三十六公里总投资一点七亿元和"
    openers = ["【续建项目】", "2.150兆瓦光伏发电项目建设。", "（3）城区护岸加固工程。", "四、保障措施"]

    def draw(c):
        y = 760
        for opener in openers:
            c.drawString(72, y, full)
            c.drawString(72, y - 16, opener)
            y -= 40
        c.drawString(72, y, cut)
        c.drawString(72, y - 16, "2.5万户的配套工程。")

    lines = [x for x in read_report("r.pdf", _pdf(draw)).split("\n") if x]
    assert lines == [part for opener in openers for part in (full, opener)] + [cut + "2.5万户的配套工程。"]


def test_pdf_a_bracketed_label_starts_its_line_but_a_document_number_cut_by_the_wrap_joins():
    """A list line has no closing punctuation: a full one over `［续建］…` still ends there, since a label in square
    brackets opens an entry or a stage heading. A year in brackets opens a document number, which goes on."""
    full = "松岚县老城区燃气管网改造工程、松岚县城北棚户区改造工程、松岚县物流园"
    cut = "根据县政府关于印发全县重点项目建设实施方案的通知要求全县各部门按照岚政发"

    def draw(c):
        c.drawString(72, 760, full)
        c.drawString(72, 744, "［续建］松岚县人民医院新院区")
        c.drawString(72, 704, cut)
        c.drawString(72, 688, "〔2026〕3号文件执行。")

    lines = [x for x in read_report("r.pdf", _pdf(draw)).split("\n") if x]
    assert lines == [full, "［续建］松岚县人民医院新院区", cut + "〔2026〕3号文件执行。"]


def test_pdf_without_text_is_rejected_as_a_scan():
    assert "no text layer" in rejected(read_report, "scan.pdf", _pdf(lambda c: c.rect(50, 50, 100, 100, fill=1)))


def test_damaged_pdf_is_rejected():
    assert "PDF" in rejected(read_report, "r.pdf", b"%PDF-1.7\n" + bytes(range(1, 200)))


# --------------------------------------------------------------------------------------------------------------
# which files are reports
# --------------------------------------------------------------------------------------------------------------


def test_report_files_are_chosen_by_extension(tmp_path):
    for name in ("a.txt", "b.DOCX", "c.html", "d.htm", "e.pdf", "f.doc", "g.png", "h.zip", "~$b.docx", "i.md"):
        (tmp_path / name).write_bytes(b"x")
    # Markdown is read (a converter's export of a report): a notes file saved as .md is quarantined with its reason
    assert [p.name for p in report_files(tmp_path)] == ["a.txt", "b.DOCX", "c.html", "d.htm", "e.pdf", "f.doc", "i.md"]
    assert is_report_name("report.shtml") and not is_report_name(".hidden.txt")


def test_unsupported_kinds_say_what_to_do():
    found = sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".doc")
    assert found.kind == UNSUPPORTED and "save it as .docx" in found.what
    assert "named .docx" in rejected(read_report, "r.docx", bytes(range(256)) * 4)


# --------------------------------------------------------------------------------------------------------------
# Word's automatic list numbering
# --------------------------------------------------------------------------------------------------------------


def test_chinese_numbers_as_word_prints_them():
    from ingestion.formats.docx_numbering import chinese_number, format_number

    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"


def test_docx_automatic_numbering_prints_outline_labels():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(doc):
        numbering = doc.part.numbering_part.element
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
            '<w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
            '<w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>'
            '</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

        def numbered(text, ilvl):
            p = doc.add_paragraph(text)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))

        numbered("2021年计划执行情况", 0)
        numbered("主要指标完成情况", 1)
        numbered("要点", 2)
        numbered("重点项目完成情况", 1)
        numbered("2022年计划", 0)
        numbered("总体要求", 1)
        doc.add_paragraph("普通段落")

    data = _docx(build)
    assert read_docx(data).split("\n") == [
        "一、2021年计划执行情况", "（一）主要指标完成情况", "要点", "（二）重点项目完成情况",
        "二、2022年计划", "（一）总体要求", "普通段落"]
    from ingestion.formats.docx import docx_document
    from ingestion.model import Heading

    # in the model the generated numbers are the headings' numbers, as rendered
    assert [(b.level, b.number) for b in docx_document(data).blocks if isinstance(b, Heading)] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (2, "（一）")]


def test_docx_numbering_through_a_style():
    def build(doc):
        doc.add_paragraph("甲", style="List Number")
        doc.add_paragraph("乙", style="List Number")

    assert read_docx(_docx(build)).split("\n") == ["1. 甲", "2. 乙"]


# --------------------------------------------------------------------------------------------------------------
# readers hand over their real grids (the DocumentModel), the text layout unchanged
# --------------------------------------------------------------------------------------------------------------


def _spans(row) -> list[tuple[str, int, int]]:
    return [(c.flat, c.row_span, c.col_span) for c in row]


def _assert_cells_point_into_the_text(model) -> None:
    lines = model.text.split("\n")
    for table in model.tables:
        for row in table.rows:
            for cell in row:
                assert lines[cell.line - 1] == "\t" + cell.text.split("\n")[0], cell


def _merged_header_docx() -> bytes:
    """Invented indicator table: a year over 计划目标 | 预计完成, a vertically merged 2031年计划目标, header rows
    repeated on every page, group rows merged across the table."""
    from docx.oxml import OxmlElement

    def build(doc):
        doc.add_paragraph("表1 主要指标")
        t = doc.add_table(rows=5, cols=5)
        t.style = "Table Grid"  # ruled, as the genre's tables are (and as a PDF saved from it shows)
        texts = [["指标名称", "单位", "2030年", "", "2031年计划目标"], ["", "", "计划目标", "预计完成", ""],
                 ["一、经济发展", "", "", "", ""], ["甲地区生产总值增速", "%", "5", "5.2", "6"],
                 ["二、民生保障", "", "", "", ""]]
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        t.cell(0, 0).merge(t.cell(1, 0)).text = "指标名称"
        t.cell(0, 1).merge(t.cell(1, 1)).text = "单位"
        t.cell(0, 2).merge(t.cell(0, 3)).text = "2030年"
        t.cell(0, 4).merge(t.cell(1, 4)).text = "2031年计划目标"
        t.cell(2, 0).merge(t.cell(2, 4)).text = "一、经济发展"
        t.cell(4, 0).merge(t.cell(4, 4)).text = "二、民生保障"
        for tr in t.rows[:2]:
            tr._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        doc.add_paragraph("注：带*为约束性指标。")

    return _docx(build)


def test_docx_table_keeps_its_merged_cells_as_spans_and_its_header_rows():
    from ingestion.formats.docx import docx_document

    model = docx_document(_merged_header_docx())
    (table,) = model.tables
    assert table.layout == "docx" and table.header_rows == 2
    assert _spans(table.rows[0]) == [("指标名称", 2, 1), ("单位", 2, 1), ("2030年", 1, 2), ("2031年计划目标", 2, 1)]
    assert _spans(table.rows[1]) == [("计划目标", 1, 1), ("预计完成", 1, 1)]
    assert _spans(table.rows[2]) == [("一、经济发展", 1, 5)]
    grid = [[c.flat for c in row] for row in table.grid()]
    assert grid[1] == ["指标名称", "单位", "计划目标", "预计完成", "2031年计划目标"]
    assert grid[0][2:4] == ["2030年", "2030年"]
    assert table.title() == "表1主要指标" and [n.text for n in table.notes] == ["注：带*为约束性指标。"]
    _assert_cells_point_into_the_text(model)
    # the text stored in raw.reports.text is the layout it always was: a covered position is a lone TAB
    assert model.text.split("\n")[1:12] == ["\t指标名称", "\t单位", "\t2030年", "\t2031年计划目标", "", "\t", "\t",
                                            "\t计划目标", "\t预计完成", "\t", ""]
    # read back from that text, the table prints the same cells (what the extractors read either way)
    (from_text,) = text_blocks(model.text).tables
    assert [[c.flat for c in r] for r in from_text.rows] == [[c.flat for c in r] for r in table.layout_rows()]


def test_a_one_cell_word_box_is_a_caption_and_paragraphs():
    from ingestion.formats.docx import docx_document
    from ingestion.model import Caption, Heading, Paragraph

    def build(doc):
        t = doc.add_table(rows=1, cols=1)
        cell = t.cell(0, 0)
        cell.text = "专栏1 2031年重点项目"
        cell.add_paragraph("一、新开工项目")
        cell.add_paragraph("甲产业园、乙大道改造")
        doc.add_paragraph("正文。")

    model = docx_document(_docx(build))
    assert model.tables == []
    assert [type(b) for b in model.blocks] == [Caption, Heading, Paragraph, Paragraph]
    assert (model.blocks[0].caption_kind, model.blocks[0].number) == ("专栏", 1)


def test_html_table_keeps_colspan_rowspan_and_thead():
    from ingestion.formats.html import html_document

    page = ("<html><body><p>表2 主要指标</p><table><thead>"
            "<tr><th rowspan='2'>指标</th><th colspan='2'>2030年</th></tr>"
            "<tr><th>目标</th><th>完成</th></tr></thead><tbody>"
            "<tr><td colspan='3'>一、经济发展</td></tr><tr><td>甲指标</td><td>5</td><td>5.1</td></tr>"
            "</tbody></table></body></html>").encode()
    model = html_document(page)
    (table,) = model.tables
    assert table.layout == "html" and table.header_rows == 2
    assert _spans(table.rows[0]) == [("指标", 2, 1), ("2030年", 1, 2)]
    assert _spans(table.rows[2]) == [("一、经济发展", 1, 3)]
    assert [c.flat for c in table.grid()[1]] == ["指标", "目标", "完成"]
    assert table.title() == "表2主要指标"
    _assert_cells_point_into_the_text(model)


def test_pdf_ruled_table_cell_spanning_columns_is_one_cell():
    from ingestion.formats.pdf import pdf_document

    def draw(c):
        c.drawString(72, 760, "表1：主要指标")
        for y in (740, 720, 700):
            c.line(72, y, 372, y)
        for x in (72, 372):
            c.line(x, 700, x, 740)
        c.line(172, 700, 172, 720)  # the top row is one cell across both columns
        c.line(272, 700, 272, 740)
        c.drawString(76, 726, "一、经济发展")
        c.drawString(276, 726, "备注")
        c.drawString(76, 706, "甲指标")
        c.drawString(176, 706, "5")
        c.drawString(276, 706, "6")

    model = pdf_document(_pdf(draw))
    (table,) = model.tables
    assert table.layout == "pdf"
    assert _spans(table.rows[0]) == [("一、经济发展", 1, 2), ("备注", 1, 1)]
    assert [c.flat for c in table.rows[1]] == ["甲指标", "5", "6"]
    _assert_cells_point_into_the_text(model)


def test_process_report_reads_the_container_grid():
    done = process_report("r.docx", _docx_report())
    assert done.ok, done.error
    values = {(r.indicator_name, r.period_year, r.measure, r.value_raw, r.category)
              for r in done.extraction.indicators if r.source == "table"}
    assert values == {("甲地区生产总值增速", 2030, "target", "5", "一、经济发展"),
                      ("甲地区生产总值增速", 2030, "actual", "5.2", "一、经济发展"),
                      ("甲地区生产总值增速", 2031, "target", "6", "一、经济发展")}


def _docx_report() -> bytes:
    """The merged-header table inside a report (a title the metadata reader accepts)."""
    import docx

    doc = docx.Document(io.BytesIO(_merged_header_docx()))
    first = doc.paragraphs[0]
    first.insert_paragraph_before(TITLE)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_pdf_table_cut_by_a_page_break_goes_on_as_one_table_or_a_continued_part():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from ingestion.formats.pdf import pdf_document

    def grid(c, top, rows, xs):
        for k in range(len(rows) + 1):
            c.line(xs[0], top - 20 * k, xs[-1], top - 20 * k)
        for x in xs:
            c.line(x, top, x, top - 20 * len(rows))
        for k, row in enumerate(rows):
            for x, text in zip(xs, row):
                c.drawString(x + 4, top - 20 * k - 14, text)

    def pdf(second_header: bool, second_xs, page_number: bool = False) -> bytes:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        buf = io.BytesIO()
        c = canvas.Canvas(buf)
        c.setFont("STSong-Light", 12)
        c.drawString(72, 760, "表1：主要指标")
        grid(c, 740, [["序号", "指标", "目标"], ["1", "甲指标", "5"]], [72, 152, 272, 372])
        if page_number:
            c.drawCentredString(300, 80, "— 1 —")  # a page number above the bottom margin, kept in the text
        c.showPage()
        c.setFont("STSong-Light", 12)
        rows = ([["序号", "指标", "目标"]] if second_header else []) + [["2", "乙指标", "6"][:len(second_xs) - 1]]
        grid(c, 780, rows, second_xs)
        c.drawString(72, 700, "表后的段落。")
        c.save()
        return buf.getvalue()

    repeated = pdf_document(pdf(True, [72, 152, 272, 372]))
    (table,) = repeated.tables  # the header printed again is dropped and marks the header
    assert [[c.flat for c in r] for r in table.rows] == [["序号", "指标", "目标"], ["1", "甲指标", "5"],
                                                         ["2", "乙指标", "6"]]
    assert table.header_rows == 1
    other_width = pdf_document(pdf(False, [72, 152, 372]))
    first, second = other_width.tables
    assert second.continued and not first.continued
    assert [c.flat for c in second.rows[0]] == ["2", "乙指标"]
    numbered = pdf_document(pdf(False, [72, 152, 272, 372], page_number=True))
    first, second = numbered.tables
    assert second.continued and [c.flat for c in second.rows[0]] == ["2", "乙指标", "6"]
    assert "— 1 —" in numbered.text.split("\n")


def _unruled_pdf(caption: str | None, rows: list[list[str]]) -> bytes:
    xs = [72, 110, 250, 310, 400]

    def draw(c):
        c.drawString(72, 780, "一、主要指标")
        if caption:
            c.drawString(72, 760, caption)
        for k, row in enumerate(rows):
            for x, text in zip(xs, row):
                c.drawString(x, 735 - 18 * k, text)
        c.drawString(72, 620, "全年经济运行总体平稳，主要指标完成情况良好，为下一年发展打下基础。")

    return _pdf(draw)


UNRULED = [["序号", "指标名称", "单位", "2030年目标", "2030年完成"], ["1", "甲地区生产总值", "亿元", "520", "531.6"],
           ["", "其中：乙投资增速", "%", "8", "8.4"], ["一、民生保障"], ["2", "丙就业人数", "人", "5000", "5230"]]


def test_pdf_table_without_ruling_lines_is_read_under_its_caption():
    from ingestion.formats.pdf import pdf_document

    model = pdf_document(_unruled_pdf("表1：2030年主要指标完成情况", UNRULED))
    (table,) = model.tables
    assert table.title() == "表1：2030年主要指标完成情况"
    assert [[c.flat for c in r] for r in table.rows] == [
        ["序号", "指标名称", "单位", "2030年目标", "2030年完成"], ["1", "甲地区生产总值", "亿元", "520", "531.6"],
        ["", "其中：乙投资增速", "%", "8", "8.4"], ["一、民生保障"], ["2", "丙就业人数", "人", "5000", "5230"]]
    assert _spans(table.rows[3]) == [("一、民生保障", 1, 5)]
    assert model.text.split("\n")[-1] == "全年经济运行总体平稳，主要指标完成情况良好，为下一年发展打下基础。"
    _assert_cells_point_into_the_text(model)


def test_pdf_columns_of_words_without_a_caption_or_header_words_stay_text():
    from ingestion.formats.pdf import pdf_document

    columns = [["甲镇", "乙镇", "丙镇"], ["丁村", "戊村", "己村"], ["庚街道", "辛街道", "壬街道"]]
    model = pdf_document(_unruled_pdf(None, columns))
    assert model.tables == []
    assert "甲镇 乙镇 丙镇" in model.text  # as the paragraph lines they were


def test_a_pdf_saved_from_word_gives_the_grid_and_values_of_the_docx():
    from pathlib import Path

    from ingestion.formats.docx import docx_document
    from ingestion.formats.pdf import pdf_document

    data = (Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "merged_header_from_word.pdf").read_bytes()
    (from_pdf,) = pdf_document(data).tables
    (from_docx,) = docx_document(_docx_report()).tables
    assert [_spans(r) for r in from_pdf.rows] == [_spans(r) for r in from_docx.rows]
    assert from_pdf.title() == from_docx.title()

    def values(name, data):
        done = process_report(name, data)
        assert done.ok, done.error
        return sorted((r.indicator_name, r.period_year, r.measure, r.value_raw) for r in done.extraction.indicators)

    assert values("r.pdf", data) == values("r.docx", _docx_report())


def test_pdf_unruled_cell_wrapped_onto_a_second_line_stays_one_cell():
    from ingestion.formats.pdf import pdf_document

    rows = [UNRULED[0], ["", "", "", "", "（初步）"], *UNRULED[1:]]
    (table,) = pdf_document(_unruled_pdf("表1：2030年主要指标完成情况", rows)).tables
    assert [c.flat for c in table.rows[0]] == ["序号", "指标名称", "单位", "2030年目标", "2030年完成（初步）"]
    assert [c.flat for c in table.rows[1]] == ["1", "甲地区生产总值", "亿元", "520", "531.6"]


def test_html_rows_typed_as_paragraphs_with_no_break_spaces_are_a_table():
    from ingestion.formats.html import html_document

    page = ("<html><body><p>&nbsp;&nbsp;&nbsp;&nbsp;正文一段，说明。</p><p>附件：主要指标表</p>"
            "<p>序号&nbsp;&nbsp;&nbsp;指标名称&nbsp;&nbsp;单位&nbsp;&nbsp;2031年目标</p>"
            "<p>1&nbsp;&nbsp;甲地区生产总值&nbsp;&nbsp;亿元&nbsp;&nbsp;300</p>"
            "<p>2&nbsp;&nbsp;乙收入&nbsp;&nbsp;亿元&nbsp;&nbsp;25</p></body></html>").encode()
    model = html_document(page)
    (table,) = model.tables
    assert table.layout == "spaces" and table.title() == "附件：主要指标表"
    assert [[c.flat for c in r] for r in table.rows] == [["序号", "指标名称", "单位", "2031年目标"],
                                                         ["1", "甲地区生产总值", "亿元", "300"], ["2", "乙收入", "亿元", "25"]]
    assert model.text.split("\n")[0] == "正文一段，说明。"  # indentation is still no cell


def test_pdf_running_header_and_footer_printed_on_every_page_are_dropped():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from ingestion.formats.pdf import pdf_document

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(1, 4):
        c.setFont("STSong-Light", 10)
        c.drawString(72, 815, f"梅林县第九届人民代表大会第三次会议文件（{page + 3}）")
        c.drawCentredString(300, 22, f"第 {page} 页 共 3 页")
        c.drawCentredString(300, 36, "梅林县发展和改革局印发")
        c.setFont("STSong-Light", 12)
        if page == 1:
            c.drawString(72, 760, "关于梅林县2031年国民经济和社会发展计划执行情况的报告")
        c.drawString(72, 700, f"第{page}页的正文段落。")
        c.showPage()
    c.save()
    text = pdf_document(buf.getvalue()).text
    assert "会议文件" not in text and "共 3 页" not in text and "印发" not in text
    assert text.split("\n")[0] == "关于梅林县2031年国民经济和社会发展计划执行情况的报告"
    assert all(f"第{page}页的正文段落。" in text for page in range(1, 4))


def test_page_furniture_in_a_web_page_is_furniture_and_blank_for_the_extractors():
    from ingestion.document import Document
    from ingestion.reading import read_document

    page = ("<html><body><p>关于乙县2031年国民经济和社会发展计划执行情况的报告</p><p>专栏1　2032年重点项目</p>"
            "<p>新开工：乙县物流园、乙县体育馆</p><p>— 6 —</p><p>续建：乙县污水处理厂</p>"
            "<p>第 7 页 共 9 页</p></body></html>").encode()
    model = read_document("yi.html", page)
    furniture = [b for b in model.blocks if b.kind == "furniture"]
    assert [(b.text, b.role) for b in furniture] == [("— 6 —", "page_number"), ("第 7 页 共 9 页", "page_number")]
    doc = Document.from_model(model)
    assert all(doc.line(b.start) == "" for b in furniture)
    assert model.text.split("\n")[furniture[0].start - 1] == "— 6 —"  # the stored text keeps what was printed


def test_fixture_a_scan_like_pdf_text_layer_its_unruled_table_over_a_page_break_and_spaced_headings():
    """A text layer placed string by string (an OCRed scan, `layouts/unruled_scan_layer.pdf`, written by
    `make_unruled_scan_layer.py`): the headings are letter-spaced (`一 、 2 0 3 1 年 …`), the table has no ruling
    lines, two header words stand closer than a character (`序号` `指标名称`), one row prints the same words in two
    neighbouring columns with hardly a gap, the table runs onto the next page without its header and its caption
    is printed below it. Every row is read in the columns of page 1, and the prose under the spaced headings is read
    for its year."""
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "unruled_scan_layer.pdf").read_bytes()
    done = process_report("unruled_scan_layer.pdf", data)
    assert done.ok, done.error
    got = {(r.source, r.period_year, r.measure, r.indicator_name): (r.value_raw, r.achieved_raw, r.category)
           for r in done.extraction.indicators}
    assert {k: v for k, v in got.items() if k[0] == "table"} == {
        ("table", 2031, "target", "地区生产总值增长"): ("6", None, None),
        ("table", 2031, "actual", "地区生产总值增长"): ("5.1", "否", None),
        ("table", 2031, "target", "规上工业增加值增长"): ("7", None, None),
        ("table", 2031, "actual", "规上工业增加值增长"): ("7.4", "是", None),
        ("table", 2031, "target", "城镇新增就业"): ("1000", None, "一、民生保障"),
        ("table", 2031, "actual", "城镇新增就业"): ("1200", "是", "一、民生保障"),
        ("table", 2031, "target", "粮食总产量"): ("8.5", None, "二、资源环境"),
        ("table", 2031, "actual", "粮食总产量"): ("8.6", "是", "二、资源环境"),
        ("table", 2031, "target", "单位GDP能耗下降"): ("完成上级任务", None, "二、资源环境"),
        ("table", 2031, "actual", "单位GDP能耗下降"): ("完成上级任务", "是", "二、资源环境"),
    }
    assert {r.table_title for r in done.extraction.indicators if r.source == "table"} == {"表1青禾县2031年主要指标完成情况"}
    assert {k[1:]: v[0] for k, v in got.items() if k[0] == "prose"} == {
        (2031, "actual", "地区生产总值"): "150.2亿元", (2031, "actual", "地区生产总值增速"): "增长5.1%",
        (2031, "actual", "城镇新增就业"): "1200人", (2031, "actual", "粮食总产量"): "8.6万吨",
        (2032, "target", "地区生产总值增速"): "增长6%左右", (2032, "target", "城镇新增就业"): "1100人",
    }
    assert "一、2031年计划执行情况" in done.text.split("\n")


@pytest.mark.parametrize("cut_inside", [1, 2])
def test_a_utf8_report_cut_inside_its_last_character_loads_what_precedes_the_cut(cut_inside):
    """An interrupted download ends mid-character: the report is read up to the cut, never called binary."""
    text = ("关于青禾区2030年国民经济和社会发展计划执行情况及2031年国民经济和社会发展计划草案的报告\n\n"
            "一、2030年计划执行情况\n\n全区地区生产总值增长5.8%，一般公共预算收入增长4.2%。\n\n"
            "二、2031年主要预期目标\n\n地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内，居民收入增长与经济")
    data = text.encode("utf-8")
    cut = data[:len(data) - 3 + cut_inside]  # keeps 1 or 2 of the last character's 3 bytes
    out = process_report("qinghe.txt", cut)
    assert out.ok, out.error
    assert out.text.rstrip() == text[:-1].rstrip()
    assert {v.value_raw for v in out.extraction.indicators} >= {"增长5.8%", "增长6%左右"}


# --------------------------------------------------------------------------------------------------------------
# tables inside frames and tables drawn without a table element
# --------------------------------------------------------------------------------------------------------------

FRAME_TITLE = "关于梅川县2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告"


def _framed_table_docx() -> bytes:
    """表1 drawn inside a one-cell bordered frame (caption, the real table, its note, all in the frame's cell),
    a group row merged across the inner table, √/× verdicts; the review paragraphs follow the frame."""
    def build(doc):
        doc.add_paragraph(FRAME_TITLE)
        doc.add_paragraph("一、2031年国民经济和社会发展计划执行情况")
        doc.add_paragraph("2031年，全县经济运行稳中有进。全年实现地区生产总值142.8亿元，增长5.3%。主要指标见表1。")
        frame = doc.add_table(rows=1, cols=1)
        frame.style = "Table Grid"
        box = frame.cell(0, 0)
        box.text = "表1  2031年梅川县主要指标完成情况"
        rows = [["序号", "指标名称", "单位", "2031年目标", "2031年完成", "是否达到预期"], ["一、经济运行"],
                ["1", "地区生产总值增速", "%", "6", "5.3", "×"], ["2", "一般公共预算收入增速", "%", "4", "4.6", "√"],
                ["二、民生保障"], ["3", "城镇新增就业", "人", "1800", "1925", "√"]]
        inner = box.add_table(rows=len(rows), cols=6)
        inner.style = "Table Grid"
        for r, row in enumerate(rows):
            if len(row) == 1:
                inner.cell(r, 0).merge(inner.cell(r, 5))
            for c, text in enumerate(row):
                inner.cell(r, c).text = text
        box.add_paragraph("注：“√”表示达到预期，“×”表示未达到预期。")
        doc.add_paragraph("（一）农业基础不断夯实。全年粮食产量稳定在21.6万吨。")
        doc.add_paragraph("二、2032年主要预期目标")
        doc.add_paragraph("地区生产总值增长5.5%左右。")

    return _docx(build)


def test_docx_table_inside_a_one_cell_frame_is_the_table_with_its_caption_and_note():
    from ingestion.formats.docx import docx_document
    from ingestion.model import Caption, Heading, Note, Paragraph

    model = docx_document(_framed_table_docx())
    (table,) = model.tables
    assert table.layout == "docx" and table.title() == "表12031年梅川县主要指标完成情况"
    assert [c.flat for c in table.rows[0]] == ["序号", "指标名称", "单位", "2031年目标", "2031年完成", "是否达到预期"]
    assert _spans(table.rows[1]) == [("一、经济运行", 1, 6)]
    assert [n.text for n in table.notes] == ["注：“√”表示达到预期，“×”表示未达到预期。"]
    _assert_cells_point_into_the_text(model)
    # the body after the frame is body, not the frame's
    after = [b for b in model.blocks if b.start > table.end and not isinstance(b, Note)]
    assert isinstance(after[0], (Heading, Paragraph)) and after[0].text.startswith("（一）农业基础")
    assert not any(isinstance(b, Caption) and b.start > table.end for b in model.blocks)

    done = process_report("meichuan.docx", _framed_table_docx())
    assert done.ok, done.error
    got = {(r.indicator_name, r.measure, r.value_raw, r.achieved_raw, r.category)
           for r in done.extraction.indicators if r.source == "table"}
    assert ("地区生产总值增速", "actual", "5.3", "否", "一、经济运行") in got  # √/× read as 是/否
    assert ("城镇新增就业", "actual", "1925", "是", "二、民生保障") in got
    assert ("城镇新增就业", "target", "1800", None, "二、民生保障") in got
    assert len(got) == 6


GRID_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<style>.kpi-grid {{ display: grid; grid-template-columns: repeat(2, 3fr) [v] 1fr 1fr; gap: 2px }}
.kpi-all {{ grid-column: 1 / -1 }}</style></head><body>
<div class="article"><h1>{title}</h1>
<p>一、2031年计划执行情况</p>
<p>2031年，全县经济运行稳中有进，地区生产总值增长5.3%。</p>
<p><strong>表1 2031年梅川县主要指标完成情况</strong></p>
{grid}
<p>二、2032年主要预期目标</p>
<p>2032年主要预期目标建议为：地区生产总值增长5.5%左右。</p>
<p><strong>表2 2032年梅川县主要预期目标</strong></p>
<dl class="goals">
<dt>地区生产总值增速（%）</dt><dd>5.5左右</dd>
<dt>城镇新增就业（人）</dt><dd>1900</dd>
<dt>森林覆盖率（%）</dt><dd>≥62</dd>
</dl>
<p>三、2032年重点工作</p><p>（一）做强工业。推动产业升级。</p>
</div></body></html>"""

_KPI = [["指标", "单位", "2031年目标", "2031年完成"], ["经济运行"], ["地区生产总值增速", "%", "6", "5.3"],
        ["一般公共预算收入增速", "%", "4", "4.6"], ["民生保障"], ["城镇新增就业", "人", "1800", "1925"]]


def _css_grid() -> str:
    cells = "".join(f"<div class='kpi-all'>{row[0]}</div>" if len(row) == 1 else
                    "".join(f"<div>{text}</div>" for text in row) for row in _KPI)
    return f"<div class='kpi-grid'>{cells}</div>"


def _inline_grid() -> str:
    cells = "".join(f"<span style='grid-column: span 4'>{row[0]}</span>" if len(row) == 1 else
                    "".join(f"<span>{text}</span>" for text in row) for row in _KPI)
    return f"<section style='display:grid;grid-template-columns:40% 20% 20% 20%'>{cells}</section>"


def _row_divs() -> str:
    rows = "".join("<div class='tr'>" + "".join(f"<div class='td'>{t}</div>" for t in row) + "</div>" for row in _KPI)
    return f"<div class='tbl'>{rows}</div>"


@pytest.mark.parametrize("grid", [_css_grid, _inline_grid, _row_divs], ids=["class-grid", "inline-grid", "row-divs"])
def test_html_table_drawn_with_divs_or_a_definition_list_is_read_as_a_table(grid):
    from ingestion.formats.html import html_document

    page = GRID_PAGE.format(title=FRAME_TITLE, grid=grid()).encode()
    model = html_document(page)
    first, second = model.tables
    assert first.title() == "表12031年梅川县主要指标完成情况"
    assert [c.flat for c in first.rows[0]] == _KPI[0]
    assert _spans(first.rows[1]) == [("经济运行", 1, 4)]
    assert [c.flat for c in first.rows[5]] == _KPI[5]
    lines = model.text.split("\n")
    assert all(lines[c.line - 1] == "\t" + c.text for row in first.rows for c in row)
    # the list prints its pairs as `名称（单位）：值` lines, which the text layouts read as a table's rows
    assert second.title() == "表22032年梅川县主要预期目标" and second.layout == "fields"
    assert "城镇新增就业（人）：1900" in lines

    done = process_report("meichuan.html", page)
    assert done.ok, done.error
    got = {(r.table_title, r.indicator_name, r.period_year, r.measure, r.value_raw, r.unit, r.category)
           for r in done.extraction.indicators if r.source == "table"}
    assert ("表12031年梅川县主要指标完成情况", "地区生产总值增速", 2031, "actual", "5.3", "%", "经济运行") in got
    assert ("表12031年梅川县主要指标完成情况", "城镇新增就业", 2031, "target", "1800", "人", "民生保障") in got
    assert {r for r in got if r[0].startswith("表2")} == {
        ("表22032年梅川县主要预期目标", "地区生产总值增速", 2032, "target", "5.5左右", "%", None),
        ("表22032年梅川县主要预期目标", "城镇新增就业", 2032, "target", "1900", "人", None),
        ("表22032年梅川县主要预期目标", "森林覆盖率", 2032, "target", "≥62", "%", None)}
    assert len(got) == 9


def test_html_paragraph_divs_and_a_glossary_list_stay_text():
    page = ("<html><body><div class='content'><div><p>2031年，全县经济运行稳中有进，地区生产总值增长5.3%，"
            "一般公共预算收入增长4.6%。</p><p>城镇新增就业1925人，居民收入稳步增长。</p></div>"
            "<div><p>工业经济提质增效，规上工业增加值增长7.1%。</p><p>投资结构持续优化，完成年度计划。</p></div></div>"
            "<dl><dt>百千万工程</dt><dd>指百县千镇万村高质量发展工程，是推动城乡区域协调发展的重要抓手，"
            "覆盖全省各县（市、区）、乡镇和行政村。</dd><dt>两山合作社</dt><dd>指生态资源储蓄运营平台。</dd>"
            "<dt>专项债</dt></dl></body></html>").encode()
    from ingestion.formats.html import html_document

    assert html_document(page).tables == []


def test_html_pre_block_keeps_its_spacing_so_a_space_aligned_table_reads_as_in_a_text_file():
    from ingestion.extract import extract_document
    from ingestion.formats.html import html_document

    page = ("<html><body><p>关于丙区2031年国民经济和社会发展计划执行情况的报告</p>"
            "<p>各位代表：<br>　　全年完成任务。</p><p><strong>表3　丙区2031年主要指标完成情况</strong></p>\n<pre>\n"
            "序号  指标名称              单位    2031年目标    2031年完成\n"
            "------------------------------------------------------------\n"
            "一、经济发展\n"
            "1     甲地区生产总值增速    %       7             7.2\n"
            "2     乙工业投资            亿元    55            58.4\n"
            "二、民生改善\n"
            "3     丙新增就业            人      3200          3350\n"
            "------------------------------------------------------------\n"
            "</pre><p>　　正文后一段。</p></body></html>").encode()
    model = html_document(page)
    lines = model.text.split("\n")
    assert "1     甲地区生产总值增速    %       7             7.2" in lines  # the <pre>'s spacing is kept
    assert "全年完成任务。" in " ".join(lines) and "正文后一段。" in " ".join(lines)
    rows = {(r.indicator_name, r.measure, r.value_raw) for r in extract_document(model).indicators if r.source == "table"}
    assert {("甲地区生产总值增速", "target", "7"), ("甲地区生产总值增速", "actual", "7.2"),
            ("乙工业投资", "actual", "58.4"), ("丙新增就业", "target", "3200")} <= rows


def _two_column_pdf(paragraphs: list[str], title: str) -> bytes:
    """A 公报-like page: a full-width title, then the body set in two columns (the right one a little lower, so the
    lines of the two columns interleave)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    head = ParagraphStyle("head", fontName="STSong-Light", fontSize=15, leading=22, alignment=1)
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=15, firstLineIndent=20,
                          wordWrap="CJK")
    width, height = A4
    frames = [Frame(60, height - 150, width - 120, 90, id="title"),
              Frame(60, 60, (width - 150) / 2, height - 215, id="left"),
              Frame(90 + (width - 150) / 2, 60, (width - 150) / 2, height - 222, id="right")]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, pageTemplates=[PageTemplate("twocol", frames)])
    story = [Paragraph(title, head), FrameBreak()] + [Paragraph(p, body) for p in paragraphs]
    doc.build(story)
    return buf.getvalue()


def test_pdf_body_in_two_columns_is_read_left_column_then_right_column():
    from ingestion.extract import extract_document
    from ingestion.formats.pdf import pdf_document

    filler = "坚持稳中求进工作总基调，扎实推进产业转型升级，持续优化营商环境，城乡面貌不断改善，群众获得感持续增强。"
    lead = ("2031年，全县经济运行稳中有进。全年实现地区生产总值256.3亿元，增长6.1%；规模以上工业增加值增长8.4%；"
            "固定资产投资增长5.2%；社会消费品零售总额97.5亿元，增长4.7%；一般公共预算收入15.8亿元，增长2.9%。")
    paragraphs = ["各位代表：", "一、2031年国民经济和社会发展计划执行情况", lead,
                  *[f"（{n}）重点工作扎实推进。" + filler * 3 for n in "一二三四五"],
                  "二、2032年经济社会发展的主要目标",
                  "2032年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长7.5%，"
                  "固定资产投资增长6%，社会消费品零售总额增长5.5%。"]
    data = _two_column_pdf(paragraphs, "关于桂溪县2031年国民经济和社会发展计划执行情况及2032年计划草案的报告")
    model = pdf_document(data)
    assert lead in model.text.split("\n")  # the lead paragraph whole, no line of the other column inside it
    assert model.text.index("（一）重点工作") < model.text.index("（五）重点工作") < model.text.index("二、2032年")
    rows = {(r.indicator_name, r.measure, r.value_raw) for r in extract_document(model).indicators}
    assert {("地区生产总值", "actual", "256.3亿元"), ("社会消费品零售总额", "actual", "97.5亿元"),
            ("一般公共预算收入增速", "actual", "增长2.9%"), ("固定资产投资增速", "target", "增长6%")} <= rows


def test_pdf_two_cells_per_row_without_rules_are_no_two_columns():
    """Rows of a name and its description (no rules) leave a gutter-like gap too, but the names end where they end:
    each name stays right before its description, not a column of names over a column of texts."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from ingestion.formats.pdf import pdf_document

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 10)
    c.drawString(72, 780, "关于柳岸县2031年国民经济和社会发展计划执行情况的报告")
    names = ["柳岸大道", "柳岸县第一中学扩建工程", "城南污水厂", "柳岸河综合治理", "冷链物流园",
             "县人民医院新院区建设项目", "游客中心", "柳岸工业园标准厂房"]
    for k, name in enumerate(names):
        y = 740 - 18 * k
        c.drawString(72, y, name)
        c.drawString(320, y, f"新建道路及配套设施，总投资{k + 2}亿元，当年完成")
    c.showPage()
    c.save()
    text = pdf_document(buf.getvalue()).text
    for k, name in enumerate(names):
        assert f"{name} 新建道路及配套设施，总投资{k + 2}亿元" in text, name


def test_html_pre_block_with_tab_separated_cells_reads_as_a_table():
    from ingestion.formats.html import html_document

    page = ("<html><body><p>附表　丁县2031年主要指标</p><pre>序号\t指标名称\t单位\t2031年目标\n"
            "1\t丁地区生产总值\t亿元\t180\n2\t丁新增就业\t人\t2600\n</pre></body></html>").encode()
    (table,) = html_document(page).tables
    assert [[c.flat for c in r] for r in table.rows] == [["序号", "指标名称", "单位", "2031年目标"],
                                                         ["1", "丁地区生产总值", "亿元", "180"], ["2", "丁新增就业", "人", "2600"]]


def test_html_portal_table_with_a_group_row_right_under_its_th_header_is_read():
    """A 政府信息公开 page: a meta `<table>` (索引号/名称 repeating the title) above the article, then an indicator
    table with a `<th>` header without 序号 whose first body row is a group row `<td colspan>` (经济增长: a header
    word, which must not be read as a second header row), verdicts 达到预期/未达预期."""
    title = "榕岭区2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告"
    rows = [("经济增长",), ("地区生产总值增长", "%", "6.5", "6.1", "未达预期"), ("固定资产投资增长", "%", "4", "-1.8", "未达预期"),
            ("社会发展",), ("城镇新增就业", "人", "3200", "3415", "达到预期"), ("新增托位", "个", "150", "162", "达到预期")]
    body = "".join(f"<tr><td colspan='5'><strong>{r[0]}</strong></td></tr>" if len(r) == 1
                   else "<tr>" + "".join(f"<td>{t}</td>" for t in r) + "</tr>" for r in rows)
    page = (f"<html><head><meta charset='utf-8'><title>{title}_计划总结</title></head><body>"
            "<div class='xxgk-left'><ul class='xxgk-menu'><li>政府信息公开指南</li><li>规划计划</li></ul></div>"
            f"<table class='xxgk-info'><tr><td>索 引 号：</td><td>00123/2032-0007</td><td>发文日期：</td>"
            f"<td>2032-01-12</td></tr><tr><td>名　　称：</td><td colspan='3'>{title}</td></tr></table>"
            f"<h1>{title}</h1><p>一、2031年计划执行情况</p><p>全区主要指标执行情况如下表。</p>"
            "<p style='text-align:center'><strong>榕岭区2031年主要指标计划执行情况表</strong></p>"
            "<table border='1'><tr><th>指标</th><th>单位</th><th>2031年计划</th><th>2031年完成</th><th>执行情况</th></tr>"
            f"{body}</table><div class='fujian'>附件：<a href='a.pdf'>{title}.pdf</a></div></body></html>").encode()
    done = process_report("rongling.html", page)
    assert done.ok, done.error
    got = {(r.table_title, r.indicator_name, r.period_year, r.measure, r.value_raw, r.unit, r.category, r.achieved_raw)
           for r in done.extraction.indicators if r.source == "table"}
    caption = "榕岭区2031年主要指标计划执行情况表"
    assert (caption, "地区生产总值增长", 2031, "target", "6.5", "%", "经济增长", None) in got
    assert (caption, "固定资产投资增长", 2031, "actual", "-1.8", "%", "经济增长", "否") in got
    assert (caption, "新增托位", 2031, "actual", "162", "个", "社会发展", "是") in got
    assert len(got) == 8


_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_content(caption: str, unit: str, rows: list[list[str]]) -> str:
    """A text box's `w:txbxContent`: a caption paragraph, a unit paragraph and a Word table."""
    def par(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    cells = "".join("<w:tr>" + "".join(f"<w:tc>{par(t)}</w:tc>" for t in row) + "</w:tr>" for row in rows)
    return f"<w:txbxContent>{par(caption)}{par(unit)}<w:tbl><w:tblPr/>{cells}</w:tbl></w:txbxContent>"


def _anchored_box_run(content: str) -> str:
    """A floating text box as Word and WPS write it: the DrawingML shape in `mc:Choice` and the same content again
    in the VML `v:textbox` of `mc:Fallback`."""
    return (f'<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
            f'<a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox>'
            f'</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


_BOXED_PROJECTS = [["序号", "项目名称", "建设性质", "总投资（万元）", "2032年计划投资"],
                   ["1", "梅川县妇幼保健院迁建工程", "新开工", "9800", "4000"],
                   ["2", "梅川县城西学校（2032年）", "续建", "5200", "2600"],
                   ["3", "梅川县老年养护中心", "前期", "3100", "300"]]


def _boxed_table_docx() -> bytes:
    from docx.oxml import parse_xml

    def build(doc):
        doc.add_paragraph("关于梅川县2031年国民经济和社会发展计划执行情况及2032年国民经济和社会发展计划草案的报告")
        doc.add_paragraph("一、2031年计划执行情况")
        doc.add_paragraph("2031年，全县地区生产总值增长5.3%。")
        doc.add_paragraph("二、2032年重点工作")
        p = doc.add_paragraph("（一）扩大有效投资。全年实施重点民生工程项目3个，详见专栏1。")
        p._p.append(parse_xml(_anchored_box_run(_box_content("专栏1　2032年重点民生工程项目", "单位：万元",
                                                             _BOXED_PROJECTS))))
        doc.add_paragraph("（二）做强工业。推动产业升级。")

    return _docx(build)


def test_docx_table_inside_a_floating_text_box_is_a_table_read_once():
    # a 专栏 drawn as a floating text box holding a Word table: the box is read after its anchor paragraph, its table
    # as a grid (not its cells as lines, where the header cells read as project names), its Fallback copy not again
    from ingestion.formats.docx import docx_document

    model = docx_document(_boxed_table_docx())
    (table,) = model.tables
    assert table.layout == "docx" and table.title() == "专栏12032年重点民生工程项目"
    assert [[c.flat for c in row] for row in table.rows] == _BOXED_PROJECTS
    _assert_cells_point_into_the_text(model)
    lines = model.text.split("\n")
    assert lines.count("专栏1　2032年重点民生工程项目") == 1 and lines.count("\t梅川县老年养护中心") == 1
    assert lines.index("专栏1　2032年重点民生工程项目") == lines.index("（一）扩大有效投资。全年实施重点民生工程项目3个，详见专栏1。") + 1
    assert lines.index("（二）做强工业。推动产业升级。") > lines.index("\t梅川县老年养护中心")

    done = process_report("meichuan_box.docx", _boxed_table_docx())
    assert done.ok, done.error
    got = {(p.project_name, p.stage, p.stage_raw) for p in done.extraction.projects}
    assert got == {("梅川县妇幼保健院迁建工程", "started", "新开工"), ("梅川县城西学校（2032年）", "ongoing", "续建"),
                   ("梅川县老年养护中心", "preparatory", "前期")}


def _ocr_scan_pdf() -> bytes:
    """An OCRed scan: a page image (a grey 'paper' with the ruling lines only in the picture) under an invisible
    text layer (render mode 3), no vector lines. In the table the cells of a row are centred vertically: a cell
    that wraps (the header `2030年完` / `成`, the target `完成省下达` / `任务`) prints half a line above and half a
    line under the row's other cells; so does a wrapped name (`丁区城乡居民人均` / `可支配收入`)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    xs = [72, 105, 250, 300, 380, 450]
    pitch = 24

    def draw(c):
        img = Image.new("L", (300, 420), 235)
        pen = ImageDraw.Draw(img)
        for y in range(60, 300, 12):
            pen.line([(20, y), (280, y)], fill=120)
        c.drawImage(ImageReader(img), 0, 0, width=595, height=842)
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont("STSong-Light", 12)

        def at(x, y, text):
            t.setTextOrigin(x, y)
            t.textOut(text)

        at(72, 800, "关于甲区2030年国民经济和社会发展计划执行情况与2031年计划草案的报告")
        at(72, 785, "一、2030年计划执行情况")
        at(72, 770, "附表2：主要指标完成情况")
        top = 740
        half = 7
        for x, text in zip(xs, ["序号", "指标名称", "单位", "2030年目标", "", "是否完成"]):
            if text:
                at(x, top, text)
        at(xs[4], top + half, "2030年完")  # the wrapped header cell, centred on the row
        at(xs[4], top - half, "成")
        rows = [["1", "甲区生产总值", "亿元", "520", "531.6", "是"],
                ["2", "乙区能耗降低", "%", None, "完成", "是"],
                ["3", "丙区城镇新增就业", "人", "5000", "5230", "是"],
                ["4", ("丁区城乡居民人均", "可支配收入"), "元", "31000", "31250", "是"]]
        for k, row in enumerate(rows, start=1):
            y = top - pitch * k
            for x, text in zip(xs, row):
                if text is None:
                    at(x, y + half, "完成省下达")  # the wrapped target cell
                    at(x, y - half, "任务")
                elif isinstance(text, tuple):  # a wrapped name
                    at(x, y + half, text[0])
                    at(x, y - half, text[1])
                else:
                    at(x, y, text)
        at(72, top - pitch * 6, "二、2031年主要目标")
        at(72, top - pitch * 6 - 20, "全区生产总值增长6%左右。")
        c.drawText(t)

    return _pdf(draw)


def test_ocr_scan_table_cells_wrapped_half_a_line_above_and_under_the_row_join_their_row():
    from ingestion.formats.pdf import pdf_document

    model = pdf_document(_ocr_scan_pdf())
    (table,) = model.tables
    assert [[c.flat for c in r] for r in table.rows] == [
        ["序号", "指标名称", "单位", "2030年目标", "2030年完成", "是否完成"],
        ["1", "甲区生产总值", "亿元", "520", "531.6", "是"],
        ["2", "乙区能耗降低", "%", "完成省下达任务", "完成", "是"],
        ["3", "丙区城镇新增就业", "人", "5000", "5230", "是"],
        ["4", "丁区城乡居民人均可支配收入", "元", "31000", "31250", "是"]]
    lines = model.text.split("\n")
    assert "任务" not in lines and "成" not in lines and "2030年完" not in lines  # no half left outside its row
    done = process_report("scan.pdf", _ocr_scan_pdf())
    got = {(r.indicator_name, r.measure, r.value_raw) for r in done.extraction.indicators if r.source == "table"}
    assert ("甲区生产总值", "actual", "531.6") in got and ("丙区城镇新增就业", "actual", "5230") in got
    assert ("乙区能耗降低", "target", "完成省下达任务") in got
