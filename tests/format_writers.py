"""Test-only writers: a report in the text layout → the same report in another container.

They invert the layout (`ingestion/layout.py`): tab-led lines are table cells, a blank line before a tab-led
line ends a row, two blank lines end the table, a blank line followed by more text inside a cell is an empty
paragraph of that cell. Cells left empty under a cell in the row above become real vertical merges (Word
vMerge / HTML rowspan) and a row shorter than the table gets its last cell spanned to the table's width, which is
how such tables look in the originals.
"""
from __future__ import annotations

import html
import io
from dataclasses import dataclass


@dataclass
class Table:
    rows: list[list[list[str]]]  # row → cell → lines

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)


def parse_layout(text: str) -> list:
    """Text layout → blocks: a str per paragraph line, a Table per run of cells."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list = []
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].startswith("\t"):
            blocks.append(lines[i])
            i += 1
            continue
        rows: list[list[list[str]]] = []
        row: list[list[str]] = []
        while i < n:
            line = lines[i]
            if line.startswith("\t"):
                for part in line[1:].split("\t"):
                    row.append([part.strip()])
                i += 1
            elif not line.strip():
                nxt = lines[i + 1] if i + 1 < n else None
                closing = nxt is None or (not nxt.startswith("\t") and not nxt.strip())
                if closing or nxt.startswith("\t"):
                    rows.append(row)
                    row = []
                    i += 1
                    if closing:
                        i += 1  # the table's closing blank line
                        break
                else:
                    row[-1].append("")  # an empty paragraph inside the cell
                    i += 1
            else:
                row[-1].append(line.strip())
                i += 1
        if row:
            rows.append(row)
        blocks.append(Table(rows))
    return blocks


def _covered(table: Table) -> list[list[int]]:
    """For each cell: 0 = a cell of its own, k>0 = covered by the vertical merge started k rows above."""
    width = table.width
    out: list[list[int]] = []
    for ri, row in enumerate(table.rows):
        marks = [0] * len(row)
        if ri and len(row) == width and len(table.rows[ri - 1]) == width:
            for ci, cell in enumerate(row):
                if cell == [""] and table.rows[ri - 1][ci] != [""] or (cell == [""] and out[ri - 1][ci]):
                    marks[ci] = out[ri - 1][ci] + 1
        out.append(marks)
    return out


# --------------------------------------------------------------------------------------------------------------
# .docx
# --------------------------------------------------------------------------------------------------------------


def _fill_cell(cell, lines: list[str], breaks: bool) -> None:
    par = cell.paragraphs[0]
    if breaks:  # one paragraph, line breaks between the lines
        run = par.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = par.add_run(line)
    else:
        par.add_run(lines[0])
        for line in lines[1:]:
            cell.add_paragraph(line)


def write_docx(text: str) -> bytes:
    """The report as a Word document: paragraphs as paragraphs, tables as real tables with merged cells."""
    import docx

    doc = docx.Document()
    for block in parse_layout(text):
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        width = block.width
        table = doc.add_table(rows=len(block.rows), cols=width)
        table.style = "Table Grid"
        covered = _covered(block)
        for ri, row in enumerate(block.rows):
            for ci, lines in enumerate(row):
                if covered[ri][ci]:
                    origin = table.cell(ri - covered[ri][ci], ci)
                    origin.merge(table.cell(ri, ci))
                else:
                    _fill_cell(table.cell(ri, ci), lines, breaks=ri % 2 == 1)
            if len(row) < width:
                table.cell(ri, len(row) - 1).merge(table.cell(ri, width - 1))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------------------
# .html
# --------------------------------------------------------------------------------------------------------------

CHROME_TOP = """
<header class="site-header"><div class="logo">重庆市某区人民政府</div><p>一、政务公开</p></header>
<div id="topNav" class="nav-bar"><ul><li><a href="/">首页</a></li><li>表1：政府信息公开目录</li>
<li>二、政策文件</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划 &gt; 2021年计划报告</div>
<script>var menu = "三、地区生产总值增长6%";</script>
<style>.article p { text-indent: 2em }</style>
"""
CHROME_BOTTOM = """
<div class="share-box">分享到：微信 微博</div>
<div id="footer"><p>主办单位：某区人民政府办公室　地区生产总值增长10%</p><p>网站标识码5001040001</p></div>
<footer><p>版权所有 © 2022 表2：重庆市某区人民政府</p></footer>
"""


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def _html_table(table: Table, paragraphs_in_cells: bool) -> str:
    width = table.width
    covered = _covered(table)
    spans: dict[tuple[int, int], int] = {}
    for ri, row in enumerate(table.rows):
        for ci in range(len(row)):
            if covered[ri][ci]:
                origin = (ri - covered[ri][ci], ci)
                spans[origin] = spans.get(origin, 1) + 1
    out = ['<table border="1" cellspacing="0" class="MsoTableGrid">', "<tbody>"]
    for ri, row in enumerate(table.rows):
        out.append("<tr>")
        for ci, lines in enumerate(row):
            if covered[ri][ci]:
                continue
            attrs = ""
            if (ri, ci) in spans:
                attrs += f' rowspan="{spans[(ri, ci)]}"'
            if ci == len(row) - 1 and len(row) < width:
                attrs += f' colspan="{width - len(row) + 1}"'
            if paragraphs_in_cells:
                body = "".join(f"<p>{_esc(x)}</p>" if x else "<p>&nbsp;</p>" for x in lines)
            else:
                body = "<br>".join(_esc(x) for x in lines)
            out.append(f"<td{attrs}>\n  {body}\n</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def write_html(text: str, charset: str = "utf-8", meta: str = "charset", chrome: bool = True) -> bytes:
    """The report as a government web page: `<p>` paragraphs, `<table>`s, navigation/footer chrome around it.

    `charset` is both the declared and the actual encoding (GBK/GB2312 pages are written as GB18030, their
    superset, as the sites' editors do); `meta` is `charset` (`<meta charset>`) or `http-equiv`.
    """
    if meta == "charset":
        head = f'<meta charset="{charset}">'
    else:
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    body: list[str] = []
    for k, block in enumerate(parse_layout(text)):
        if isinstance(block, str):
            body.append(f"<p>{_esc(block)}</p>" if block.strip() else "<p></p>")
        else:
            body.append(_html_table(block, paragraphs_in_cells=k % 2 == 0))
    page = "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", head, "<title>计划报告_政务公开</title>", "</head>", "<body>",
        CHROME_TOP if chrome else "", '<div class="article"><div class="TRS_Editor">', *body, "</div></div>",
        CHROME_BOTTOM if chrome else "", "</body>", "</html>",
    ])
    enc = {"gbk": "gb18030", "gb2312": "gb18030"}.get(charset.lower(), charset)
    return page.encode(enc)


# --------------------------------------------------------------------------------------------------------------
# plain text in other encodings
# --------------------------------------------------------------------------------------------------------------


def write_text(text: str, variant: str) -> bytes:
    if variant == "gbk":
        return text.encode("gbk")
    if variant == "gb18030":
        return text.encode("gb18030")
    if variant == "utf-16":
        return text.encode("utf-16")  # with a BOM
    if variant == "utf-8-bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    raise ValueError(variant)


# --------------------------------------------------------------------------------------------------------------
# .pdf (a text layer, as Word's "save as PDF" makes)
# --------------------------------------------------------------------------------------------------------------


def write_pdf(text: str) -> bytes:
    """The report as an A4 PDF with a text layer: wrapped paragraphs with a first-line indent, ruled tables with
    spanned and merged cells, page numbers in the footer. Uses reportlab's built-in Chinese font (no font file)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=17, firstLineIndent=22,
                          wordWrap="CJK", spaceAfter=2)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    esc = _esc
    story = []
    for block in parse_layout(text):
        if isinstance(block, str):
            story.append(Paragraph(esc(block.strip()), body) if block.strip() else Spacer(1, 6))
            continue
        width = block.width
        covered = _covered(block)
        data, style = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for ri, row in enumerate(block.rows):
            cells = []
            for ci, lines in enumerate(row):
                if covered[ri][ci]:
                    cells.append("")  # under a vertical merge (spanned below)
                    continue
                cells.append([Paragraph(esc(x), cell) for x in lines if x] or "")
            cells += [""] * (width - len(row))
            if len(row) < width:
                style.append(("SPAN", (len(row) - 1, ri), (width - 1, ri)))
            data.append(cells)
        for ri, row in enumerate(block.rows):  # vertical merges: from each origin down its covered cells
            for ci in range(len(row)):
                if covered[ri][ci] == 0:
                    k = ri + 1
                    while k < len(block.rows) and ci < len(covered[k]) and covered[k][ci]:
                        k += 1
                    if k > ri + 1:
                        style.append(("SPAN", (ci, ri), (ci, k - 1)))
        story.append(PdfTable(data, style=TableStyle(style), repeatRows=0, splitByRow=1))
        story.append(Spacer(1, 8))

    def footer(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=60, rightMargin=60, topMargin=60, bottomMargin=60).build(
        story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
