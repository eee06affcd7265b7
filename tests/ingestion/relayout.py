"""A metamorphic re-layout harness: the same table printed in the layouts real sites publish must give the same facts.

Why: on first contact with an unseen layout a table or a project list is sometimes lost. Instead of waiting for
the next province, this takes the tables of reports we already read (their grids, as the readers built them) and
prints each one again in every layout a report arrives in: TAB-joined rows, space-aligned columns, full-width
separators, `a | b | c` rows, Markdown pipe tables (plain, `<br>` in cells, a two-row header), HTML `<table>`
(with and without `<th>`, merged cells, `<p>` inside `<td>`, `&nbsp;` padding), one cell per line, cells
hard-wrapped as a PDF copy wraps them, a .docx table, full-width digits, a header repeated after a page break and
page numbers between rows. Each variant is a small report of its own: the source's title lines, the blocks just
above the table (its heading and caption) and the notes under it. The facts of every variant are compared with
those of the same small report rendered in the genre's own layout (`ingestion/layout.py`):

- indicator values from tables: (name, value as printed, comparator, year, measure);
- projects: (name, stage).

`python tests/ingestion/relayout.py [DIR ...]` runs the sweep over whole folders and prints what each layout
loses; `test_relayout.py` runs it over a fixed, small selection.
"""
from __future__ import annotations

import html
import io
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingestion.document import Document
from ingestion.extract import extract_document
from ingestion.headers import read_header
from ingestion.layout import GridTable, render
from ingestion.model import Cell, Furniture, Heading, Note, Table
from ingestion.reading import read_document

CONTEXT_BLOCKS = 4  # blocks above a table taken with it: its caption, its heading, a line or two between
TITLE_LINES = 6


@dataclass
class TableSource:
    """One table of a report, with what it needs around it to be read alone."""

    report: str
    index: int  # the table's position among the report's tables
    title: list[str]  # the report's title lines (they give the years)
    before: list[str]  # lines above the table: its heading, caption
    after: list[str]  # notes under it
    rows: list[list[str]]  # the cells as the text layout prints them (a merged cell once, covered positions empty)
    spans: list[list[Cell]]  # the printed cells with their spans (the container's grid)
    header: int  # header rows (title row included) as the header interpreter reads them

    @property
    def name(self) -> str:
        return f"{self.report}#{self.index}"

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)


def table_sources(path: Path) -> list[TableSource]:
    """The tables of one report file that give facts when read alone, in document order. A table continued by
    the next (a page break, `续表`) and its continuation are left out: the sweep prints one grid at a time."""
    model = read_document(path.name, path.read_bytes())
    doc = Document.from_model(model)
    lines = model.text.split("\n")
    title_line = doc.meta.title_line or 1
    title = [x for x in lines[:title_line] if x.strip()][-TITLE_LINES:]
    blocks = model.blocks
    out: list[TableSource] = []
    tables = [k for k, b in enumerate(blocks) if isinstance(b, Table)]
    for n, k in enumerate(tables):
        table: Table = blocks[k]
        nxt = blocks[tables[n + 1]] if n + 1 < len(tables) else None
        if table.continued or (nxt is not None and nxt.continued) or table.start <= title_line:
            continue
        before: list[str] = []
        j, taken = k - 1, 0
        while j >= 0 and taken < CONTEXT_BLOCKS and not isinstance(blocks[j], Table):
            b = blocks[j]
            if b.end <= title_line:
                break
            if not isinstance(b, Furniture):
                before[:0] = [x for x in lines[b.start - 1:b.end] if x.strip()]
                taken += 1
                if isinstance(b, Heading):
                    break
            j -= 1
        if table.caption is not None and not any(table.caption.text.split("\n")[0].strip() in x for x in before):
            before.extend(x for x in lines[table.caption.start - 1:table.caption.end] if x.strip())
        after: list[str] = []
        j = k + 1
        while j < len(blocks) and len(after) < 3 and isinstance(blocks[j], (Note, Furniture)):
            if isinstance(blocks[j], Note):
                after.extend(x for x in lines[blocks[j].start - 1:blocks[j].end] if x.strip())
            j += 1
        rows = [[c.text for c in r] for r in table.layout_rows()]
        rows = [r for r in rows if any(x.strip() for x in r)]
        if len(rows) < 2:
            continue
        header = read_header(table.grid(), table.header_rows, doc.meta.plan_year)
        src = TableSource(path.stem, n, title, before, after, rows, [list(r) for r in table.rows],
                          header.body_start if header is not None else 1)
        if facts(extract_document(baseline(src))) and facts(extract_document(baseline(src, merged=True))):
            out.append(src)
    return out


# ---------------------------------------------------------------------------------------------------- facts


def facts(ex) -> Counter:
    """What must not depend on the layout: table values and projects, as a multiset."""
    got: Counter = Counter()
    for r in ex.indicators:
        if r.source == "table":
            got[("value", r.indicator_name, _norm(r.value_raw), r.comparator, r.period_year, r.measure)] += 1
    for p in ex.projects:
        got[("project", p.project_name, p.stage)] += 1
    return got


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# ---------------------------------------------------------------------------------------------------- layouts

# A layout renders a source to (file name, bytes): the whole small report in that container.
Layout = Callable[[TableSource], tuple[str, bytes]]


def baseline(src: TableSource, merged: bool = False):
    """The small report in the genre's own layout (the reference facts). The grid is the one the text layouts
    print (a merged cell once, the positions it covers empty), or with `merged` the container's own grid with its
    spans (what a layout that can merge cells prints)."""
    grid = [list(r) for r in src.spans] if merged else [[Cell(x) for x in r] for r in src.rows]
    return render([*src.title, "", *src.before, GridTable(grid), *src.after])


def _text(src: TableSource, table: list[str], wrap: int | None = None) -> tuple[str, bytes]:
    around = (lambda xs: [y for x in xs for y in _hard_wrap(x, wrap)]) if wrap else (lambda xs: xs)
    lines = [*src.title, "", *around(src.before), *table, "", *around(src.after)]
    return "report.txt", "\n".join(lines).encode("utf-8")


def _one_line(cell: str) -> str:
    return "".join(x.strip() for x in cell.split("\n"))


def _cells_of(src: TableSource) -> list[list[str]]:
    return [[_one_line(c) for c in r] for r in src.rows]


def _display(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def tabs(src):
    return _text(src, ["\t".join(r) for r in _cells_of(src)])


def spaces(src):
    rows = _cells_of(src)
    widths = [max((_display(r[c]) for r in rows if c < len(r)), default=0) for c in range(src.width)]
    out = []
    for r in rows:
        out.append("".join(x + " " * (widths[c] - _display(x) + 3) for c, x in enumerate(r)).rstrip())
    return _text(src, out)


def fullwidth_sep(src):
    return _text(src, ["\u3000\u3000".join(x or "\u3000" for x in r) for r in _cells_of(src)])


def ascii_pipes(src):
    return _text(src, [" | ".join(r) for r in _cells_of(src)])


def _md(rows: list[list[str]], sep_after: int, width: int) -> list[str]:
    out = []
    for k, r in enumerate(rows):
        out.append("| " + " | ".join([*r, *[""] * (width - len(r))]) + " |")
        if k + 1 == sep_after:
            out.append("|" + "---|" * width)
    return out


def markdown(src):
    return _text(src, _md(_cells_of(src), 1, src.width))


def markdown_br(src):
    rows = [[c.strip().replace("\n", "<br>") for c in r] for r in src.rows]
    return _text(src, _md(rows, 1, src.width))


def markdown_header2(src):
    """Every header row above the `|---|` line (a converter's two-row header)."""
    return _text(src, _md(_cells_of(src), max(src.header, 2), src.width))


def _html_doc(src: TableSource, table: str) -> tuple[str, bytes]:
    p = "".join(f"<p>{html.escape(x)}</p>\n" for x in [*src.title, *src.before])
    q = "".join(f"<p>{html.escape(x)}</p>\n" for x in src.after)
    page = f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><div class=\"article\">\n{p}{table}\n{q}</div></body></html>"
    return "report.html", page.encode("utf-8")


def _td(text: str, tag: str = "td", attrs: str = "", wrap_p: bool = False, pad: bool = False) -> str:
    parts = [html.escape(x.strip()) for x in text.split("\n") if x.strip()]
    if wrap_p:
        inner = "".join(f"<p>{x}</p>" for x in parts)
    else:
        inner = "<br>".join(parts)
    if pad:
        inner = f"&nbsp;{inner}&nbsp;&nbsp;" if inner else "&nbsp;"
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _html_rows(grid, header: int = 0, **style) -> list[str]:
    rows = []
    for k, r in enumerate(grid):
        cells = []
        for text, rs, cs in r:
            attrs = (f" rowspan=\"{rs}\"" if rs > 1 else "") + (f" colspan=\"{cs}\"" if cs > 1 else "")
            cells.append(_td(text, "th" if k < header else "td", attrs, **style))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def html_th(src):
    """The container's grid, its header rows as `<th>` cells."""
    rows = _html_rows(_merged(src, synthesise=False), src.header)
    return _html_doc(src, "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>")


def html_td(src):
    rows = _html_rows(_merged(src, synthesise=False))
    return _html_doc(src, "<table>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def _merged(src: TableSource, synthesise: bool = True) -> list[list[tuple[str, int, int]]]:
    """The grid with merges as a container prints them: the container's own spans; for a grid without any and
    with `synthesise`, a text cell in the first column over empty cells below it (a category printed once for its
    rows) as one cell spanning those rows."""
    if any(c.row_span > 1 or c.col_span > 1 for r in src.spans for c in r) or not synthesise:
        return [[(c.text, c.row_span, c.col_span) for c in r] for r in src.spans]
    rows = [list(r) for r in src.rows]
    out: list[list[tuple[str, int, int]]] = []
    k = 0
    skip: set[int] = set()
    for k, r in enumerate(rows):
        cells = []
        for c, text in enumerate(r):
            if c == 0 and k in skip:
                continue
            span = 1
            if c == 0 and text.strip() and not _is_numeric(text) and k >= src.header:
                while k + span < len(rows) and len(rows[k + span]) == len(r) and not rows[k + span][0].strip() \
                        and any(x.strip() for x in rows[k + span][1:]):
                    skip.add(k + span)
                    span += 1
            cells.append((text, span, 1))
        out.append(cells)
    return out


def _is_numeric(text: str) -> bool:
    s = _norm(text).rstrip("、.．")
    return s.isdigit()


def html_spans(src):
    """A category printed once over its rows as a `rowspan` cell."""
    return _html_doc(src, "<table>\n" + "\n".join(_html_rows(_merged(src))) + "\n</table>")


def html_p_nbsp(src):
    rows = _html_rows(_merged(src, synthesise=False), wrap_p=True, pad=True)
    return _html_doc(src, "<table style=\"width:100%\">\n" + "\n".join(rows) + "\n</table>")


def one_cell_per_line(src):
    """Each `<td>` a plain line, each `<tr>` closed by a blank line (a portal's table pasted as text); an empty cell
    is an empty line."""
    out: list[str] = []
    for r in _cells_of(src):
        out.extend(r)
        out.append("")
    return _text(src, out)


WRAP = 35


def _hard_wrap(text: str, width: int) -> list[str]:
    out, line = [], ""
    for ch in text:
        if _display(line + ch) > width * 2:
            out.append(line)
            line = ""
        line += ch
    return [*out, line] if line or not out else out


def wrapped_cells(src):
    """One cell per line as a PDF copy gives it: a long cell wraps onto the next line, and the lines around the
    table are hard-wrapped too."""
    out: list[str] = []
    for r in _cells_of(src):
        for c in r:
            out.extend(_hard_wrap(c, WRAP // 2) if _display(c) > WRAP else [c])
        out.append("")
    return _text(src, out, wrap=WRAP)


def wrapped_text(src):
    """TAB rows under a caption and notes hard-wrapped at the width of a PDF line."""
    return _text(src, ["\t".join(r) for r in _cells_of(src)], wrap=WRAP)


_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "．", "%": "％", "-": "－"})


def fullwidth_digits(src):
    return _text(src, ["\t".join(c.translate(_FULL) for c in r) for r in _cells_of(src)])


PAGE = "— 5 —"


def _split(src: TableSource) -> int:
    return src.header + max(1, (len(src.rows) - src.header) // 2)


def repeated_header_tabs(src):
    rows = ["\t".join(r) for r in _cells_of(src)]
    k = _split(src)
    return _text(src, [*rows[:k], "", PAGE, "", *rows[:src.header], *rows[k:]])


def repeated_header_cells(src):
    out: list[str] = []
    cells = _cells_of(src)
    k = _split(src)
    for r in ([*cells[:k], None, *cells[:src.header], *cells[k:]]):
        if r is None:
            out.extend([PAGE, ""])
            continue
        out.extend("\t" + x for x in r)
        out.append("")
    return _text(src, out)


def page_number_spaces(src):
    _, data = spaces(src)
    lines = data.decode("utf-8").split("\n")
    first = len(src.title) + 1 + len(src.before)
    at = first + _split(src)
    return "report.txt", "\n".join([*lines[:at], "", PAGE, "", *lines[at:]]).encode("utf-8")


def page_number_cells(src):
    out: list[str] = []
    k = _split(src)
    for n, r in enumerate(_cells_of(src)):
        if n == k:
            out.extend([PAGE, ""])
        out.extend("\t" + x for x in r)
        out.append("")
    return _text(src, out)


def docx_table(src, merged: bool = False):
    import docx

    d = docx.Document()
    for x in [*src.title, *src.before]:
        d.add_paragraph(x)
    grid = _merged(src, synthesise=merged)
    n_cols = max(sum(cs for _, _, cs in r) for r in grid)
    t = d.add_table(rows=len(grid), cols=n_cols)
    taken: set[tuple[int, int]] = set()
    for k, r in enumerate(grid):
        c = 0
        for text, rs, cs in r:
            while (k, c) in taken:
                c += 1
            if c >= n_cols:
                break
            cell = t.cell(k, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(t.cell(min(k + rs - 1, len(grid) - 1), min(c + cs - 1, n_cols - 1)))
            parts = [x.strip() for x in text.split("\n")] or [""]
            cell.paragraphs[0].text = parts[0]
            for x in parts[1:]:
                cell.add_paragraph(x)
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((k + dr, c + dc))
            c += cs
    for x in src.after:
        d.add_paragraph(x)
    buf = io.BytesIO()
    d.save(buf)
    return "report.docx", buf.getvalue()


def docx_merged(src):
    return docx_table(src, merged=True)


LAYOUTS: dict[str, Layout] = {
    "tabs": tabs,
    "spaces": spaces,
    "fullwidth_sep": fullwidth_sep,
    "ascii_pipes": ascii_pipes,
    "markdown": markdown,
    "markdown_br": markdown_br,
    "markdown_header2": markdown_header2,
    "html_th": html_th,
    "html_td": html_td,
    "html_spans": html_spans,
    "html_p_nbsp": html_p_nbsp,
    "one_cell_per_line": one_cell_per_line,
    "wrapped_cells": wrapped_cells,
    "wrapped_text": wrapped_text,
    "fullwidth_digits": fullwidth_digits,
    "repeated_header_tabs": repeated_header_tabs,
    "repeated_header_cells": repeated_header_cells,
    "page_number_spaces": page_number_spaces,
    "page_number_cells": page_number_cells,
    "docx": docx_table,
    "docx_merged": docx_merged,
}


MERGED = {"html_th", "html_td", "html_spans", "html_p_nbsp", "docx", "docx_merged"}  # they print the merges


def relayout(src: TableSource, layout: str):
    """The extraction of `src` printed in `layout`."""
    name, data = LAYOUTS[layout](src)
    return extract_document(read_document(name, data))


def difference(src: TableSource, layout: str) -> tuple[Counter, Counter]:
    """(facts lost, facts gained) by printing `src` in `layout` instead of the genre's own layout."""
    want = facts(extract_document(baseline(src, merged=layout in MERGED)))
    try:
        got = facts(relayout(src, layout))
    except Exception as exc:  # a reader failing on a layout is a loss of everything, reported as such
        return want, Counter({("error", f"{type(exc).__name__}: {exc}"): 1})
    return want - got, got - want


def sweep(folders: list[Path], layouts: list[str] | None = None, verbose: bool = False) -> dict[str, list]:
    layouts = layouts or list(LAYOUTS)
    sources = [s for f in folders for p in sorted(f.iterdir()) if p.is_file() for s in table_sources(p)]
    print(f"{len(sources)} tables", file=sys.stderr)
    failures: dict[str, list] = {x: [] for x in layouts}
    for layout in layouts:
        for src in sources:
            lost, gained = difference(src, layout)
            if lost or gained:
                failures[layout].append((src.name, lost, gained))
        bad = failures[layout]
        print(f"{layout:24s} {len(bad):3d}/{len(sources)} tables differ", file=sys.stderr)
        if verbose:
            for name, lost, gained in bad:
                print(f"    {name}: lost {sum(lost.values())} {list(lost)[:2]} gained {sum(gained.values())} {list(gained)[:2]}",
                      file=sys.stderr)
    return failures


def show(report: Path, index: int, layout: str) -> None:
    """Print one variant and what it loses (for debugging a layout)."""
    src = next(s for s in table_sources(report) if s.index == index)
    name, data = LAYOUTS[layout](src)
    print(data.decode("utf-8") if not name.endswith(".docx") else read_document(name, data).text)
    lost, gained = difference(src, layout)
    print("LOST", *lost.items(), sep="\n  ")
    print("GAINED", *gained.items(), sep="\n  ")


if __name__ == "__main__":
    if sys.argv[1:2] == ["show"]:
        show(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        sys.exit()
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    only = [a[len("--layout="):] for a in args if a.startswith("--layout=")]
    folders = [Path(a) for a in args if not a.startswith("--")]
    sweep(folders, only or None, verbose)
