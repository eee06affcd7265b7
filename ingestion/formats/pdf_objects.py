"""A PDF page's objects as pdfplumber's `page.objects` gives them, each character converted by a direct function.

Why: pdfplumber turns every pdfminer layout object into a dict through one generic path (each attribute through
a filter, a closure and a recursive `resolve_all`, the colour space's name decoded character by character through
PDFDocEncoding): for a page of characters that is a fifth of a PDF's reading time, more than all of this
package's own work on the page. A character (`LTChar`, nearly every object of a text page) is converted here
with the same steps in the same order, written out: its numeric and text attributes need no resolving (a number,
a string, a bool or None is its own `resolve_all`), a tuple (the matrix) keeps the generic call, and a colour
space's decoded name is looked up once per name. Every other object (a rect, a line, a curve, an image) goes
through pdfplumber's own `process_object`. The dicts are equal to pdfplumber's, key for key and in the same order
(`tests/ingestion/test_pdf_objects.py` holds the two against each other on every character of the PDF fixtures).
"""
from __future__ import annotations

from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import ALL_ATTRS
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

_PLAIN = (float, int, str, bool, type(None))  # `resolve_all(v)` is `v` for these (bool is an int)


def page_objects(page) -> dict[str, list[dict]]:
    """`page.objects` (pdfplumber's `parse_objects`: the layout's objects in order, a container's children in its
    place, annotations left out), stored on the page as pdfplumber stores it, so `page.chars`, `page.rects` … and
    the table finder read it."""
    if hasattr(page, "_objects"):
        return page._objects
    objects: dict[str, list[dict]] = {}
    convert = _CharConverter(page)
    for obj in _layout_objects(page, page.layout._objs):
        d = convert(obj) if type(obj) is LTChar else page.process_object(obj)
        kind = d["object_type"]
        if kind == "anno":
            continue
        found = objects.get(kind)
        if found is None:
            found = objects[kind] = []
        found.append(d)
    page._objects = objects
    return objects


def _layout_objects(page, layout_objects):
    """pdfplumber's `iter_layout_objects`: a container is itself an object only with layout analysis on."""
    for obj in layout_objects:
        if isinstance(obj, LTContainer):
            if page.pdf.laparams is not None:
                yield obj
            yield from _layout_objects(page, obj._objs)
        else:
            yield obj


class _CharConverter:
    """`page.process_object` of an `LTChar`, for one page (its number, height, mediabox and doctop read once)."""

    def __init__(self, page) -> None:
        self.page_number = page.page_number
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.doctop = page.initial_doctop
        self.norm = page.pdf.unicode_norm
        self.names: dict = {}  # colour space name → `resolve_and_decode` of it

    def __call__(self, obj: LTChar) -> dict:
        attr = {}
        for k, v in obj.__dict__.items():
            if k in ALL_ATTRS:
                attr[k] = v if isinstance(v, _PLAIN) else resolve_all(v)
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                name = getattr(obj, cs).name
                try:
                    attr[cs] = self.names[name]
                except (KeyError, TypeError):  # TypeError: a name that is no dict key is decoded every time
                    decoded = resolve_and_decode(name)
                    if isinstance(name, str) and isinstance(decoded, str):
                        self.names[name] = decoded
                    attr[cs] = decoded
        text = obj.get_text()
        attr["text"] = normalize_unicode(self.norm, text) if self.norm is not None else text
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):  # (rare) a byte-encoded font name: pdfplumber's own repair
            from pdfplumber.page import fix_fontname_bytes

            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0
        return attr
