"""An indicator table printed on its side: the indicators as columns, the measures as rows.

Why: a short review table (a handful of growth rates) is often laid out wide, `指标 | 地区生产总值增速（%） | …` over
rows `2024年目标 | 6 | …`, `2024年完成 | 6.6 | …`, `完成情况 | 完成 | …`. Its header words are then down the first
column, not along the first row, and read as a header row nothing is found in it. Turned back (rows ↔ columns, the
very same cells, so every value keeps its line), it is an ordinary table.

The corner cell names either axis: `指标` (the indicators along the first row) or `年度` / `年份` / `时间` (the
measure labels down the first column: `2023年目标`, `2023年完成`, `是否完成`, `2024年目标`), or is left blank. Turned back, a corner of
the second kind heads nothing the turned table holds (its first column is the names), so it is left blank there
and the name column is read from its cells, as under a blank corner.
"""
from __future__ import annotations

import re

from .headers import ATTRIBUTE, NAME, UNIT, VALUE, VERDICT, header_role
from .model import Cell

# what the first cell of each row below the names says: a measure, or the names' unit or attribute (`单位`, `指标属性`)
_MEASURE_ROLES = (VALUE, VERDICT, "review", "change", UNIT, ATTRIBUTE)
MIN_INDICATORS = 2
# a corner naming the rows' axis, the years and measures (`年度`, `年份`, `时间`, `年度/指标`, `指标\年份`)
_ROW_AXIS = re.compile(r"^(?:指标[/／\\、]?)?(?:年度|年份|时间|时期)(?:[/／\\、]?指标)?$")


def transposed(rows: list[list[Cell]]) -> list[list[Cell]] | None:
    """The rows turned into columns when the table is printed on its side: a corner naming either axis (`指标`,
    `年度`) or blank over a first column of measure labels (`2024年目标`, `2024年完成`, `完成情况`, at least one a
    value) and a first row of names that are no header words; None for any other table (and for one with merged
    cells)."""
    if len(rows) < 2 or len(rows[0]) < MIN_INDICATORS + 1:
        return None
    corner = rows[0][0]
    row_axis = header_role(corner.flat) != NAME
    if row_axis and corner.flat and not _ROW_AXIS.match(corner.flat):
        return None  # the top-left cell first: most tables are not on their side, and it is one test
    if any(len(r) != len(rows[0]) for r in rows) or any(c.row_span > 1 or c.col_span > 1 for r in rows for c in r):
        return None
    roles = [header_role(r[0].flat) for r in rows[1:]]
    if VALUE not in roles or any(role not in _MEASURE_ROLES for role in roles):
        return None
    if any(not c.flat or header_role(c.flat) in (NAME, VALUE, VERDICT) for c in rows[0][1:]):
        return None
    turned = [[row[j] for row in rows] for j in range(len(rows[0]))]
    if row_axis:
        turned[0][0] = Cell("", line=corner.line)
    return turned
