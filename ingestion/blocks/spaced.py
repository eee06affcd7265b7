"""Tables copied out of a PDF viewer with ONE ASCII space between cells: no TAB, no padding, no rulings.

Why: selecting a table in a PDF viewer and pasting it as text keeps each row on its own line but joins its cells
with a single space (`1 地区生产总值增长 % 预期性 7 6.3 未完成`). `rows.py` reads cells separated by TABs or by runs
of spaces; one space is no evidence of a column there, since any line may hold one. Here it is, because the
genre's cells hold no spaces: a Chinese name or label is written without them, and a figure (`≥98.6`), a Latin
and digit token (`PM2.5`) or a phrase value (`完成市下达任务`) is one token.

Recognised by the header and the rows together, never by one line: the header line splits into `MIN_COLUMNS` or
more tokens that are the genre's header words (`headers.header_role`; at most one unknown), with a name column
among them, under a caption (表N/附表/专栏 …, or a title-like line) or with `STRONG_COLUMNS` header words or more.
The body lines split into as many tokens as the header, or one fewer (a `其中：` sub-row prints no 序号; the table
reader aligns a short row), and at least `MIN_ROWS` of them are exactly as wide as the header. A line of one
short token between rows (`一、经济发展`, `（一）产业类`) is a group row when rows follow it; page furniture (a page
number between blank lines) inside the run is skipped. A sentence, a note or a line of another width ends the
table. A prose line holding a space has no such header, and its rows would not line up.

A header may take two lines: years over their measures (`序号 指标名称 单位 2025年 2026年` over `计划 完成 计划`).
One space cannot say which year a measure stands under, so the genre's order says it: the header's trailing bare
years (a year and no measure word) are the groups, the line under it holds only measure words, and a group opens
at each target word (`计划`, `目标`: a year's target comes before its actual; measures before the first target
word are a past year's actuals), or, without one group per year that way, the measures split evenly. The other
header cells span both lines; the body rows are as wide as the header's leaves.
"""
from __future__ import annotations

from ..document import squash
from ..headers import NAME, header_measure, header_role, is_bare_year
from ..model import Cell
from .captions import caption_above, untitled_caption
from .furniture import is_page_number
from .lines import SENTENCE_PUNCT, is_caption, is_note

SPACED = "single_spaces"
MIN_COLUMNS = 3  # two words with a space between them are no evidence of a table
STRONG_COLUMNS = 5  # header words enough to stand for a table without a caption above
MIN_ROWS = 2  # body rows exactly as wide as the header
UNKNOWN_MAX = 1  # header tokens that are no header word (a column the vocabulary does not know)
LINE_MAX = 160  # a row is one short line; a longer one is running text
GROUP_MAX = 30  # a group row (`一、经济发展`) is a short label
GAP_LINES = 5  # blank lines and page furniture a page break leaves between two rows
BLANKS_MAX = 1  # blank lines allowed between two rows without a page break
_PROJECT_NAME = "project"  # headers.header_role of 项目名称 (a project table's name column)
_OTHER = "other"


def could_open(line: str) -> bool:
    """A cheap first look (the block loop asks it of many lines): one-space separated words, nothing else."""
    s = line.strip()
    return " " in s and len(s) <= LINE_MAX and "  " not in s and "\t" not in s and "\u3000" not in s \
        and not SENTENCE_PUNCT.search(s)


def _header(lines: list[str], start: int) -> list[str] | None:
    """The header tokens of lines[start], or None when it is no header of such a table."""
    tokens = lines[start].strip().split(" ")
    if len(tokens) < MIN_COLUMNS:
        return None
    roles = [header_role(t) for t in tokens]
    if any(r is None for r in roles):
        return None
    unknown = roles.count(_OTHER)
    if unknown > UNKNOWN_MAX or len(tokens) - unknown < MIN_COLUMNS:
        return None
    if NAME not in roles and _PROJECT_NAME not in roles:
        return None
    if len(tokens) - unknown < STRONG_COLUMNS and caption_above(lines, start)[0] is None \
            and untitled_caption(lines, start) is None:
        return None
    return tokens


def _tokens(line: str, width: int, name_at: int) -> list[str] | None:
    """The cells of a body line of a table `width` cells wide: as many tokens, or one fewer (a row without its
    序号). A line with more tokens holds a name with a space in it (`PM2.5 平均浓度`): the tokens between the
    cells before the name and the cells after it are the name."""
    s = line.strip()
    if not s or len(s) > LINE_MAX or "\t" in s or SENTENCE_PUNCT.search(s) or is_caption(s) or is_note(s):
        return None
    tokens = s.split(" ")
    if "" in tokens:
        return None  # a run of spaces: another layout
    if len(tokens) in (width, width - 1):
        return tokens
    if len(tokens) > width:
        after = width - name_at - 1
        return [*tokens[:name_at], " ".join(tokens[name_at:len(tokens) - after]), *tokens[len(tokens) - after:]]
    return None


def _is_group(line: str) -> bool:
    s = line.strip()
    return bool(s) and " " not in s and len(squash(s)) <= GROUP_MAX and not SENTENCE_PUNCT.search(s[:-1]) \
        and not is_caption(s) and not is_note(s) and not is_page_number(s)


def _next_content(lines: list[str], j: int, furniture: dict[int, str] | set[int]) -> int:
    """The index of the next line at or after `j` that is neither blank nor page furniture: past one blank line,
    or past a page break (blank lines around a page number or other furniture); `len(lines)` when none."""
    k, page = j, False
    while k < len(lines) and k - j < GAP_LINES:
        s = lines[k].strip()
        if s and k not in furniture and not is_page_number(s):
            return k if page or k - j <= BLANKS_MAX else len(lines)
        page = page or bool(s)
        k += 1
    return len(lines)


def read_spaced_table(lines: list[str], start: int, furniture: dict[int, str] | set[int] | None = None
                      ) -> tuple[str, list[list[Cell]], int, int] | None:
    """The table whose header line is lines[start]: (layout, rows with the header first, index of its last line,
    header rows); None when no table starts there. `furniture`: line indices that are page furniture."""
    header = _header(lines, start)
    if header is None:
        return None
    furniture = furniture or set()
    roles = [header_role(t) for t in header]
    name_at = next(k for k, r in enumerate(roles) if r in (NAME, _PROJECT_NAME))
    groups = _measure_groups(header, lines[start + 1]) if start + 1 < len(lines) else None
    width = len(header) if groups is None else len(header) - len(groups) + sum(len(g) for g in groups)
    found: list[tuple[int, list[str] | None]] = [(start, header)]
    last, j, n = start, start + 1 if groups is None else start + 2, len(lines)
    while j < n:
        k = _next_content(lines, j, furniture)
        if k >= n:
            break
        line = lines[k]
        row = _tokens(line, width, name_at)
        if row is not None:
            found.append((k, row))
            last, j = k, k + 1
            continue
        if _is_group(line) and _rows_follow(lines, k + 1, width, name_at, furniture):
            found.append((k, None))
            last, j = k, k + 1
            continue
        break
    full = sum(1 for _, r in found[1:] if r is not None and len(r) == width)
    rows = sum(1 for _, r in found[1:] if r is not None)
    if full < MIN_ROWS or full * 2 < rows:
        return None
    cells = [[Cell(lines[k].strip(), line=k + 1)] if r is None else [Cell(t, line=k + 1) for t in r]
             for k, r in found]
    if groups is None:
        return SPACED, cells, last, 1
    kept = len(header) - len(groups)
    top = [Cell(t, row_span=2, line=start + 1) for t in header[:kept]]
    top += [Cell(t, col_span=len(g), line=start + 1) for t, g in zip(header[kept:], groups)]
    under = [Cell(t, line=start + 2) for g in groups for t in g]
    return SPACED, [top, under, *cells[1:]], last, 2


def _measure_groups(header: list[str], line: str) -> list[list[str]] | None:
    """The measure words under each of the header's trailing bare years, when `line` is such a second header
    line; else None."""
    years = 0
    while years < len(header) and is_bare_year(header[len(header) - 1 - years]):
        years += 1
    s = line.strip()
    if not years or not s or "  " in s or "\t" in s:
        return None
    measures = s.split(" ")
    kinds = [header_measure(t) if header_role(t) is not None else None for t in measures]
    if len(measures) < years or None in kinds:
        return None
    opens = sorted({0, *(k for k, kind in enumerate(kinds) if kind == "target")})
    if len(opens) == years:  # each year from its target on; a first year of actuals alone (a past year) too
        bounds = [*opens, len(measures)]
    elif len(measures) % years == 0:
        bounds = list(range(0, len(measures) + 1, len(measures) // years))
    else:
        return None
    return [measures[a:b] for a, b in zip(bounds, bounds[1:])]


def _rows_follow(lines: list[str], j: int, width: int, name_at: int, furniture: dict[int, str] | set[int]) -> bool:
    """More rows follow a group line (after at most one more group line, or after a page break)."""
    for _ in range(2):
        k = _next_content(lines, j, furniture)
        if k >= len(lines):
            return False
        if _tokens(lines[k], width, name_at) is not None:
            return True
        if not _is_group(lines[k]):
            return False
        j = k + 1
    return False
