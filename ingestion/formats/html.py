"""A government web page (.html/.htm) → the text layout: the article's paragraphs and its `<table>`s.

- Decoding: a BOM, else strict UTF-8, else the charset the page declares (`<meta charset>`, `http-equiv`,
  `<?xml encoding>`), else detection (see `text.py`). GB2312/GBK labels decode as GB18030.
- Page chrome is dropped: scripts and styles, `<nav>`, site `<header>`/`<footer>` (an `<article>`'s own header is
  kept), form controls, hidden elements, ARIA navigation roles, and elements whose class or id names a
  navigation part (nav, menu, footer, breadcrumb, sidebar, toolbar, share, copyright, pager …). An element that
  holds most of the page's text is never dropped, whatever its class says.
- Every block element (`<p>`, `<div>`, `<li>`, `<h1>` …) is a line, `<br>` breaks a line, an empty `<p>` is a
  blank line, source line wraps between Chinese characters are not spaces; two or more no-break spaces inside
  a line stay a double space (the cell gap of a table typed as paragraphs, read by `blocks/rows.py`).
- A data `<table>` is handed over as its real grid (`layout.GridTable`): `colspan`/`rowspan` are the cell's spans
  (the positions a rowspan covers print as empty cells in the text layout, as Word's vertical merges do), the rows
  of a `<thead>` are the header rows. A table that holds another table is
  page layout, not data: its cells are read as ordinary blocks.
"""
from __future__ import annotations

import re

from ..errors import ReportError
from ..layout import GridTable, paragraph_lines, render
from ..model import Cell, DocumentModel
from .text import decode_bytes

_DECLARED = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I),
)
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "nav", "button", "select",
              "input", "textarea", "option", "svg", "canvas", "map", "audio", "video", "head", "title", "link", "meta"}
_SITE_PARTS = {"header", "footer", "aside"}  # dropped unless inside an <article>/<main>
_CHROME_WORDS = ("nav", "menu", "footer", "breadcrumb", "crumb", "sidebar", "toolbar", "topbar", "share",
                 "copyright", "pagination", "pager", "skip")
_CHROME_TOKEN = re.compile(r"[a-z0-9]+")
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "menu", "menubar", "search"}
_NEVER_DROP = {"html", "body", "main", "article"}
_KEEP_SHARE = 0.5  # an element holding more than this share of the page's text is content, not chrome
_BLOCKS = {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
           "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr",
           "li", "main", "ol", "p", "section", "summary", "ul", "caption", "tr", "td", "th", "tbody", "thead",
           "tfoot", "body", "html"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WRAP = "\x01"  # a line wrap in the page source, decided at the end of the line
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WRAP_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\f{_WRAP}]*{_WRAP}[ \t\r\n\f{_WRAP}]*(?=[{_CJK}])")
_SPACES = re.compile(rf"[ \t\r\n\f\xa0{_WRAP}]+")
# two or more no-break spaces inside a line: cells of a table typed as paragraphs; kept as a double space (see
# blocks/rows.py), where any other run of white space is one space
_NBSP_RUN = re.compile(r"[ \xa0]*\xa0[ \xa0]*\xa0[ \xa0]*")
_GAP = "\x02"


def declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    for pat in _DECLARED:
        m = pat.search(head)
        if m:
            return m.group(1).decode("ascii", "ignore")
    return None


def _is_chrome_name(value) -> bool:
    if not value:
        return False
    text = " ".join(value) if isinstance(value, (list, tuple)) else str(value)
    for token in _CHROME_TOKEN.findall(text.lower()):
        if token.startswith(_CHROME_WORDS) or token.endswith(_CHROME_WORDS):
            return True
    return False


def _inside(el, names: set[str]) -> bool:
    return any(p.name in names for p in el.parents)


def _is_chrome(el) -> bool:
    name = el.name
    if name in _DROP_TAGS:
        return True
    attrs = el.attrs or {}
    if "hidden" in attrs or _HIDDEN_STYLE.search(str(attrs.get("style", ""))) or attrs.get("aria-hidden") == "true":
        return True
    if name in _NEVER_DROP:
        return False
    if name in _SITE_PARTS and not _inside(el, {"article", "main"}):
        return True
    if str(attrs.get("role", "")).lower() in _CHROME_ROLES:
        return True
    return _is_chrome_name(attrs.get("class")) or _is_chrome_name(attrs.get("id"))


def strip_chrome(soup) -> None:
    """Remove the page's chrome in place (see the module doc)."""
    total = len(soup.get_text(strip=True)) or 1
    for el in list(soup.find_all(True)):
        if el.decomposed or el.parent is None:
            continue  # inside something already removed
        if not _is_chrome(el):
            continue
        if el.name not in _DROP_TAGS and len(el.get_text(strip=True)) > _KEEP_SHARE * total:
            continue  # a wrapper that holds the article, whatever its class says
        el.decompose()


class _Lines:
    """Builds the lines of a run of HTML content."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.verbatim = False  # the line being built comes from a <pre>: its spacing is kept

    def text(self, s: str, pre: bool = False) -> None:
        if pre:
            parts = s.replace("\r\n", "\n").split("\n")
            self.buf.append(parts[0])
            self.verbatim = True
            for part in parts[1:]:
                self.flush(force=True)
                self.buf.append(part)
                self.verbatim = True
        else:
            self.buf.append(re.sub(r"[ \t\r\f]*\n\s*", _WRAP, s))

    def flush(self, force: bool = False) -> None:
        raw = "".join(self.buf)
        self.buf = []
        if self.verbatim:
            self.verbatim = False
            if raw.strip() or force:
                self.lines.extend(paragraph_lines(_pre_line(raw)))
            return
        line = _SPACES.sub(" ", _NBSP_RUN.sub(_GAP, _WRAP_CJK.sub("", raw))).replace(_GAP, "  ").strip(" ")
        if line or force:
            self.lines.extend(paragraph_lines(line))

    def blank(self) -> None:
        self.flush()
        self.lines.append("")


def _pre_line(raw: str) -> str:
    """One line of a `<pre>` as printed: its spaces kept (a table typed with space-aligned columns reads as a text
    file's), a TAB between two texts a cell gap (two spaces: the layout keeps no TAB inside a line), no-break
    spaces as spaces, the line end trimmed."""
    line = raw.replace(_WRAP, "").replace("\xa0", " ").replace("\r", "").replace("\f", "").rstrip()
    return re.sub(r"(?<=\S)[ ]*\t[\t ]*(?=\S)", "  ", line).replace("\t", " ")


def _is_layout_table(table) -> bool:
    return table.find("table") is not None or str(table.get("role", "")).lower() in ("presentation", "none")


def _rows_of(table) -> list:
    rows = []
    for child in table.find_all(True, recursive=False):
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(child.find_all("tr", recursive=False))
    return rows


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    out = _Lines()
    _walk(cell, out)
    out.flush()
    return "\n".join(out.lines)


def table_grid(table) -> GridTable:
    """A `<table>` as the layout prints it: each `<td>`/`<th>` a Cell with its colspan/rowspan, None where a
    rowspan from above covers the position; the rows of a leading `<thead>` are the header rows."""
    rows: list[list[Cell | None]] = []
    covered: dict[int, tuple[int, int]] = {}  # column → (rows still covered, width)

    def fill(row: list[Cell | None], col: int, seen: set[int]) -> int:
        """Empty cells for the positions from `col` on that a rowspan above covers; the next free column."""
        while col in covered:
            left, width = covered[col]
            seen.add(col)
            row.append(None)
            if left <= 1:
                del covered[col]
            else:
                covered[col] = (left - 1, width)
            col += width
        return col

    trs = _rows_of(table)
    for tr in trs:
        row: list[Cell | None] = []
        col = 0
        seen: set[int] = set()
        for cell in tr.find_all(("td", "th"), recursive=False):
            col = fill(row, col, seen)
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            row.append(Cell(_cell_text(cell), min(rowspan, len(trs)), colspan))
            if rowspan > 1:
                covered[col] = (rowspan - 1, colspan)
                seen.add(col)
            col += colspan
        fill(row, col, seen)
        for c in [c for c in covered if c not in seen]:  # positions skipped over by a malformed row
            left, width = covered[c]
            if left <= 1:
                del covered[c]
            else:
                covered[c] = (left - 1, width)
        if row:
            rows.append(row)
    return GridTable(rows, _header_rows(table), "html")


def _header_rows(table) -> int | None:
    """How many leading rows a `<thead>` holds (None without one)."""
    first = next((c for c in table.find_all(True, recursive=False) if c.name in ("thead", "tbody", "tr")), None)
    if first is None or first.name != "thead":
        return None
    return len(first.find_all("tr", recursive=False)) or None


def _walk(el, out: _Lines, pre: bool = False) -> None:
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    for child in el.children:
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            out.text(str(child), pre)
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            out.flush(force=True)
        elif name == "table" and not _is_layout_table(child):
            out.flush()
            caption = child.find("caption", recursive=False)
            if caption is not None:
                _walk(caption, out)
                out.flush()
            out.lines.append(table_grid(child))
        elif name == "p" and not child.get_text(strip=True).replace("\xa0", "").strip() and not child.find("img"):
            out.blank()  # an empty paragraph is a blank line on the page
        elif name in _BLOCKS or name == "table" or name == "pre":
            out.flush()
            _walk(child, out, pre or name == "pre")
            out.flush()
        else:
            _walk(child, out, pre)


def html_items(markup: str) -> list:
    """The page's lines with each data table as its GridTable (see `layout.render`)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    strip_chrome(soup)
    out = _Lines()
    _walk(soup, out)
    out.flush()
    items = out.lines
    while items and isinstance(items[0], str) and not items[0].strip():
        items.pop(0)
    while items and isinstance(items[-1], str) and not items[-1].strip():
        items.pop()
    return items


def html_lines(markup: str) -> list[str]:
    """The text layout of a page."""
    return render(html_items(markup)).text.split("\n")


def html_document(data: bytes) -> DocumentModel:
    """A page's bytes → its DocumentModel (the text layout and blocks with the real table grids)."""
    markup, _ = decode_bytes(data, declared=declared_charset(data), what="page")
    model = render(html_items(markup))
    if not model.text.strip():
        raise ReportError("decode", "the page has no text once its navigation and scripts are removed")
    return model


def read_html(data: bytes) -> str:
    return html_document(data).text
