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
- Tables drawn without `<table>` are handed over as grids too (`_div_grid`): a CSS grid (`display:grid` with
  `grid-template-columns`, inline or in a `.class` rule of the page's `<style>`), its children the cells in reading
  order (`grid-column: 1 / span 5` a cell across columns); a container whose children are rows of the same number
  of short cells (`<div class="row"><div>…</div>…</div>`, a row of one cell spanning them all, a group row); a
  definition list `<dl>` of name/value pairs (`<dt>地区生产总值增速（%）</dt><dd>5左右</dd>`), a row per `<dt>`.
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
    # `el.decomposed` reads `getattr(el, "_decomposed", False)`, and on a tag not decomposed that attribute is
    # missing, so bs4's `Tag.__getattr__` searches the tag's whole subtree for a `<_decomposed>` tag: a scan per
    # element, most of the chrome pass on a long page. Without such a tag in the page (decomposing only removes
    # tags) that search finds nothing, so the flag `decompose` sets in the element's __dict__ is the answer.
    no_decomposed_tag = soup.find("_decomposed") is None
    for el in list(soup.find_all(True)):
        if (el.__dict__.get("_decomposed", False) if no_decomposed_tag else el.decomposed) or el.parent is None:
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


# --- tables drawn without <table> ---------------------------------------------------------------------------

_CELL_BLOCKS = {"div", "p", "li", "dt", "dd", "section", "span", "td", "th"}  # what a row's or grid's cell is
_NOT_IN_CELL = ("div", "table", "ul", "ol", "dl", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6")
_CELL_MAX = 200  # no cell of a table is a whole paragraph
_CELL_MEAN = 30  # and most are a name, a unit or a figure
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^\s*(?:[a-z0-9]+)?\.([A-Za-z0-9_-]+)\s*$")


def class_styles(soup) -> dict[str, dict[str, str]]:
    """The declarations of the page's `<style>` rules whose selector is one class (`.zb-grid{display:grid;…}`,
    `div.zb-grid{…}`): what a grid drawn with classes needs, read before the styles are dropped as chrome."""
    out: dict[str, dict[str, str]] = {}
    for style in soup.find_all("style"):
        css = re.sub(r"/\*.*?\*/", "", style.get_text(), flags=re.S)
        for selectors, body in _RULE.findall(css):
            decls = {k.lower(): v.strip().lower() for k, v in _DECLARATION.findall(body)}
            for selector in selectors.split(","):
                m = _CLASS_SELECTOR.match(selector)
                if m and decls:
                    out.setdefault(m.group(1), {}).update(decls)
    return out


def _style(el, classes: dict[str, dict[str, str]]) -> dict[str, str]:
    """An element's CSS declarations: its class rules, then its inline style over them."""
    out: dict[str, str] = {}
    for name in el.get("class") or ():
        out.update(classes.get(name, {}))
    out.update({k.lower(): v.strip().lower() for k, v in _DECLARATION.findall(str(el.get("style", "")))})
    return out


def _tracks(template: str) -> int | None:
    """How many columns a `grid-template-columns` value lays out (`4fr 1fr 2fr`, `repeat(5, 1fr)`, line names
    left out); None for a count the page width decides (`repeat(auto-fill, …)`)."""
    template = re.sub(r"\[[^\]]*\]", " ", template)
    count = 0
    while True:
        m = re.search(r"repeat\(\s*([^,]+),((?:[^()]|\([^()]*\))*)\)", template)
        if not m:
            break
        if not m.group(1).strip().isdigit():
            return None
        count += int(m.group(1)) * len(_split_tracks(m.group(2)))
        template = template[:m.start()] + " " + template[m.end():]
    count += len(_split_tracks(template))
    return count or None


def _split_tracks(value: str) -> list[str]:
    """Track sizes at the top level of a value (`minmax(0, 1fr) 2fr` is two)."""
    out, depth, cur = [], 0, ""
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if ch.isspace() and depth == 0:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur] if cur else out


def _grid_span(style: dict[str, str], columns: int) -> tuple[int | None, int]:
    """(start column 0-based or None, span) of a grid item from `grid-column` (`1 / span 5`, `span 2`, `1 / -1`,
    `2 / 4`) or `grid-column-start`/`-end`."""
    value = style.get("grid-column")
    if value is None and ("grid-column-start" in style or "grid-column-end" in style):
        value = f"{style.get('grid-column-start', 'auto')} / {style.get('grid-column-end', 'auto')}"
    if not value:
        return None, 1
    parts = [p.strip() for p in value.split("/")]
    start_s, end_s = parts[0], parts[1] if len(parts) > 1 else "auto"

    def line(text: str) -> int | None:
        try:
            n = int(text)
        except ValueError:
            return None
        return n - 1 if n > 0 else columns + 1 + n  # -1 is the last line

    def span_of(text: str) -> int | None:
        m = re.fullmatch(r"span\s+(\d+)", text)
        return int(m.group(1)) if m else None

    start = line(start_s)
    span = span_of(start_s) or span_of(end_s)
    end = line(end_s)
    if span is None:
        span = end - start if start is not None and end is not None and end > start else 1
    return start, max(1, min(span, columns))


def _elements(el) -> list:
    from bs4 import Comment, NavigableString, Tag

    if any(isinstance(c, NavigableString) and not isinstance(c, Comment) and str(c).strip() for c in el.children):
        return []  # text of its own beside the children: a paragraph, not a row or a grid
    return [c for c in el.children if isinstance(c, Tag)]


def _cells_fit(cells: list) -> bool:
    """Every cell is a block holding only text and inline elements, none a paragraph of running text."""
    if not cells or any(c.name not in _CELL_BLOCKS or c.find(_NOT_IN_CELL) is not None for c in cells):
        return False
    lengths = [len(c.get_text(strip=True)) for c in cells]
    return max(lengths) <= _CELL_MAX and sum(lengths) <= _CELL_MEAN * len(lengths)


def _css_grid(el, classes) -> GridTable | None:
    """A `display:grid` container with a fixed number of columns whose children are its cells."""
    style = _style(el, classes)
    if style.get("display", "").replace("!important", "").strip() not in ("grid", "inline-grid"):
        return None
    columns = _tracks(style.get("grid-template-columns", ""))
    cells = _elements(el)
    if columns is None or columns < 2 or len(cells) < 2 * columns or not _cells_fit(cells):
        return None
    rows: list[list[Cell | None]] = [[]]
    col = 0
    for cell in cells:
        start, span = _grid_span(_style(cell, classes), columns)
        if start is not None and start < col or col + span > columns:
            rows.append([])  # placed before the cursor, or not fitting what is left: the next row
            col = 0
        if start is not None and start > col:
            rows[-1].extend(Cell("") for _ in range(start - col))
            col = start
        rows[-1].append(Cell(_cell_text(cell), 1, span))
        col += span
        if col >= columns:
            rows.append([])
            col = 0
    rows = [r for r in rows if r]
    return GridTable(rows, None, "html") if len(rows) >= 2 else None


_ROW_BLOCKS = {"div", "section"}  # a row and its cells are boxes; a paragraph of spans is a paragraph


def _row_grid(el) -> GridTable | None:
    """A container whose children are rows of the same number (two or more) of short cells, `<div>` boxes in
    `<div>` boxes; a row of one cell (a group row) spans them all, and such rows are the fewer."""
    rows = _elements(el)
    if len(rows) < 2 or any(r.name not in _ROW_BLOCKS for r in rows):
        return None
    cells = [_elements(r) for r in rows]
    counts = {len(c) for c in cells}
    width = max(counts)
    full = sum(len(c) == width for c in cells)
    if width < 2 or not counts <= {1, width} or full < 2 or 2 * full < len(rows):
        return None
    if not all(_cells_fit(c) and all(x.name in _ROW_BLOCKS for x in c) for c in cells):
        return None
    grid = [[Cell(_cell_text(c), 1, width if len(row) == 1 else 1) for c in row] for row in cells]
    return GridTable(grid, None, "html")


def dl_items(dl) -> list[str] | None:
    """A definition list of name/value pairs (`<dt>地区生产总值增速（%）</dt><dd>5左右</dd>`, two pairs or more,
    one short value to each name) as the lines `名称（单位）：值` a web copy of such a table prints, which the text
    layouts read as rows (`blocks/fields.py`); None for any other list (a glossary's long definitions)."""
    children = _elements(dl)
    pairs: list[list] = []
    for child in children:
        if child.name == "dt":
            pairs.append([child])
        elif child.name == "dd" and pairs:
            pairs[-1].append(child)
        else:
            return None  # a value before any name, or something else in the list
    if len(pairs) < 2 or any(len(p) != 2 for p in pairs) or not all(_cells_fit(p) for p in pairs):
        return None
    out = []
    for dt, dd in pairs:
        name, value = _cell_text(dt).replace("\n", ""), _cell_text(dd).replace("\n", "")
        out.append(f"{name.rstrip('：: ')}：{value}")
    return out


def div_grid(el, classes: dict[str, dict[str, str]]) -> GridTable | None:
    """The grid of a table drawn without `<table>` (see the module doc), or None."""
    if el.name not in _ROW_BLOCKS:
        return None
    return _css_grid(el, classes) or _row_grid(el)


def _header_rows(table) -> int | None:
    """How many leading rows a `<thead>` holds (None without one)."""
    first = next((c for c in table.find_all(True, recursive=False) if c.name in ("thead", "tbody", "tr")), None)
    if first is None or first.name != "thead":
        return None
    return len(first.find_all("tr", recursive=False)) or None


def _walk(el, out: _Lines, pre: bool = False, classes: dict[str, dict[str, str]] | None = None) -> None:
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
        elif classes is not None and not pre and (grid := div_grid(child, classes)) is not None:
            out.flush()
            out.lines.append(grid)
        elif name == "dl" and not pre and (pairs := dl_items(child)) is not None:
            out.flush()
            out.lines.extend(pairs)
        elif name in _BLOCKS or name == "table" or name == "pre":
            out.flush()
            _walk(child, out, pre or name == "pre", classes)
            out.flush()
        else:
            _walk(child, out, pre, classes)


def html_items(markup: str) -> list:
    """The page's lines with each data table as its GridTable (see `layout.render`)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    classes = class_styles(soup)
    strip_chrome(soup)
    out = _Lines()
    _walk(soup, out, classes=classes)
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
