"""`formats/pdf_objects.page_objects` gives a page's objects exactly as pdfplumber's `page.objects` does (the
same kinds in the same order, each character's dict equal key for key and in the same key order), on the PDF
fixtures and on a page drawn here with coloured text and ruling lines: the PDF reader's records rest on it."""
from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from ingestion.formats.pdf_objects import page_objects

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PDFS = sorted(FIXTURES.rglob("*.pdf"))
PAGES = 2  # of each fixture: the reader's pages differ in fonts, colours and tables, not in kind after that


def _assert_same(data: bytes, pages: int | None = None) -> int:
    theirs, ours = pdfplumber.open(io.BytesIO(data)), pdfplumber.open(io.BytesIO(data))
    n = 0
    with theirs, ours:
        for a, b in list(zip(theirs.pages, ours.pages))[:pages]:
            expected, got = a.objects, page_objects(b)
            assert list(got) == list(expected)
            assert b.objects is got  # stored where pdfplumber keeps it: `page.chars` and the table finder read it
            for kind, objs in expected.items():
                assert len(got[kind]) == len(objs)
                for x, y in zip(objs, got[kind]):
                    assert list(y) == list(x)
                    # (an image's stream is an object of its own PDF: the two opens are compared by their repr)
                    assert y == x if kind == "char" else repr(y) == repr(x)
                    n += kind == "char"
    return n


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fixture_pages_as_pdfplumber_gives_them(path: Path) -> None:
    _assert_same(path.read_bytes(), PAGES)


def test_coloured_text_and_rules_as_pdfplumber_gives_them() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "专栏1 2024年重点项目")
    c.setFillColorRGB(0.8, 0.1, 0.1)
    c.setStrokeColorCMYK(0.1, 0.2, 0.3, 0.4)
    c.drawString(72, 740, "新开工项目：栖岸县第二污水处理厂、栖岸港区多用途码头三期")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, 720, "Total 12.5%")
    c.rect(60, 700, 400, 80)
    c.line(60, 730, 460, 730)
    c.showPage()
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "第二页")
    c.save()
    assert _assert_same(buf.getvalue()) > 40
