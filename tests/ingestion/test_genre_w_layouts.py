"""Layout classes first met in genre batch w, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.document import Document
from ingestion.tables import read_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _table_values(path: Path):
    return read_tables(Document.from_text(path.read_text(encoding="utf-8")))


def test_a_table_on_its_side_with_a_year_corner_reads_its_columns_as_indicators():
    """`tables/transposed_year_rows.md`: a pipe table whose corner says `年份` (the rows are the years and
    measures: `2030年目标`, `2030年完成`, `是否完成`, `2031年目标`) and whose header row holds the indicators with
    their units in parentheses. Each indicator gets its 2030 target and actual (with the 是/否 of its column) and
    its 2031 target, each value on its own line."""
    path = FIXTURES / "tables" / "transposed_year_rows.md"
    values, parts = _table_values(path)
    got = sorted((v.period_year, v.measure, v.indicator_name, v.unit, v.value_raw, v.comparator, v.achieved_raw)
                 for v in values)
    assert got == sorted([
        (2030, "target", "城乡居民储蓄存款增速", "%", "9左右", "approx", None),
        (2030, "actual", "城乡居民储蓄存款增速", "%", "9.4", "eq", "是"),
        (2031, "target", "城乡居民储蓄存款增速", "%", "8.5", "eq", None),
        (2030, "target", "新增市场主体", "万户", "1.2", "eq", None),
        (2030, "actual", "新增市场主体", "万户", "1.05", "eq", "否"),
        (2031, "target", "新增市场主体", "万户", "1.3以上", "ge", None),
        (2030, "target", "森林覆盖率", "%", "≥46", "ge", None),
        (2030, "actual", "森林覆盖率", "%", "46.3", "eq", "是"),
        (2031, "target", "森林覆盖率", "%", "46.5-47", "ge", None),
        (2031, "target", "森林覆盖率", "%", "46.5-47", "le", None),
    ])
    lines = path.read_text(encoding="utf-8").split("\n")
    assert all(v.value_raw in lines[v.source_line - 1] for v in values)
    assert [(p.kind, p.facts_read) for p in parts] == [("indicator_table", 10)]
