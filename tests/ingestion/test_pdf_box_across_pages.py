"""A 专栏 printed as a one-cell framed box in a PDF, cut by a page break in the middle of a name (invented
report, drawn here with reportlab): its centred title over a single wrapped line is the box's caption, not the
start of a paragraph, and the sentence the break cut goes on in the box on the next page, so no project name is
split in two (`formats/pdf.py`: `_cell_text` in a frame, `_box_goes_on`)."""
from __future__ import annotations

import io

from ingestion.process import process_report

FONT, SIZE, LEADING = "STSong-Light", 11, 17
LEFT, RIGHT, TOP = 60.0, 535.0, 782.0  # an A4 page's text area
PAD = 5.0  # the box's cell padding

STARTED = ["栖岸县高纯石英砂提纯项目", "栖岸港区多用途码头三期", "栖岸县智慧粮食物流中心", "栖岸县第二污水处理厂",
           "栖岸县妇幼保健院整体迁建工程", "栖岸县城东片区雨污分流改造工程", "栖岸县青少年活动中心"]
ONGOING = ["栖岸县抽水蓄能电站", "栖岸县海洋牧场示范区", "栖岸县滨河公园二期"]


def _wrap(text: str, width: float, indent: float, measure) -> list[str]:
    lines, line, room = [], "", width - indent
    for ch in text:
        if line and measure(line + ch) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    return [*lines, line] if line else lines


def _report_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))

    def measure(s: str) -> float:
        return pdfmetrics.stringWidth(s, FONT, SIZE)

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, SIZE)
    y = TOP
    body = [
        "栖岸县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告",
        "三、2026年重点工作",
        "（一）扩大有效投资。全年安排县级重点项目10个，总投资86亿元，年度计划投资31亿元，项目建设实行清单化管理。",
    ]
    for text in body:
        for line in _wrap(text, RIGHT - LEFT, 0, measure):
            c.drawString(LEFT, y, line)
            y -= LEADING
    for _ in range(33):  # the text that fills the page down to the box
        c.drawString(LEFT + 2 * SIZE, y, "强化要素保障，推动项目早开工、早建设、早见效。")
        y -= LEADING
    inner = RIGHT - LEFT - 2 * PAD
    first = _wrap("计划新开工项目（7个）：" + "、".join(STARTED) + "。", inner, 2 * SIZE, measure)
    second = _wrap("续建项目（3个）：" + "、".join(ONGOING) + "。", inner, 2 * SIZE, measure)
    assert len(first) >= 3 and "、" not in first[0][-3:]  # the break falls inside a name
    # page 1: the box's top part, the centred title and the first wrapped line
    box_top = y + SIZE
    title = "专栏2 2026年栖岸县重点项目"
    c.drawCentredString((LEFT + RIGHT) / 2, y, title)
    y -= LEADING
    c.drawString(LEFT + PAD + 2 * SIZE, y, first[0])
    y -= LEADING
    c.rect(LEFT, y + SIZE - 4, RIGHT - LEFT, box_top - (y + SIZE - 4) + 4)
    c.setFont(FONT, 9)
    c.drawCentredString(A4[0] / 2, 30, "- 3 -")
    c.showPage()
    # page 2: the rest of the box, then the text
    c.setFont(FONT, SIZE)
    y = TOP
    box_top = y + SIZE
    for k, line in enumerate(first[1:] + second):
        x = LEFT + PAD + (2 * SIZE if k == len(first) - 1 else 0)
        c.drawString(x, y, line)
        y -= LEADING
    c.rect(LEFT, y + SIZE - 4, RIGHT - LEFT, box_top - (y + SIZE - 4) + 4)
    y -= LEADING
    c.drawString(LEFT + 2 * SIZE, y, "（二）推动产业升级。加快传统产业改造提升。")
    c.setFont(FONT, 9)
    c.drawCentredString(A4[0] / 2, 30, "- 4 -")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_framed_box_cut_by_a_page_break_keeps_its_title_and_its_names_whole():
    processed = process_report("qian_box_across_pages.pdf", _report_pdf())
    assert processed.ok, processed.error
    got = {it.project_name: (it.stage, it.stage_raw) for it in processed.extraction.projects}
    assert got == {**{n: ("started", "计划新开工项目") for n in STARTED},
                   **{n: ("ongoing", "续建项目") for n in ONGOING}}
    assert {it.list_title for it in processed.extraction.projects} == {"专栏22026年栖岸县重点项目"}
