"""Per-report extraction figures a user can check at a glance.

Two signals catch most extraction failures on an unseen layout: table cells that are neither a number nor a
known qualitative phrase (a mis-assigned column, a broken wrap), and a report that states how many indicators
its plan had (`32项指标中，完成29项`) while the tables yield another count.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

# Qualitative values of the genre: a task handed down, a direction, a parity (完成市级下达任务, 正增长,
# 与GDP增长同步, 保持平稳增长, 达到约束性要求 …)
_KNOWN_QUALITATIVE = re.compile(
    r"(完成|达到|实现|落实).{0,12}(任务|目标|要求|指标)|正增长|同步|(平稳|稳定|持续|较快)增长|持平|达标|控制在.{0,8}(范围|以内|内)"
    r"|保持稳定|稳中有[升进增]|只增不减|高于.{0,6}(增速|增长)|不低于.{0,6}(增速|增长|上年)|(国家|省|市|上级)(下达|要求)"
)
# a statement of the plan's total, not of a subset: `32项指标中`, `32项指标，共完成24项`, `指标共计33项`
_STATED_COUNT = re.compile(
    r"(\d{1,3})\s*项(?:主要)?(?:发展)?(?:计划)?指标(?:中|[，,]\s*共)|指标(?:共计|共有|共)\s*(\d{1,3})\s*项|共(?:计|有)?\s*(\d{1,3})\s*项(?:主要)?指标"
)


class TableValue(NamedTuple):  # the fields the figures below read (report_quality passes IndicatorValues as they are)
    table_title: str | None
    seq: str | None
    indicator_name: str
    measure: str
    value_raw: str
    value_num: float | None


def is_understood(value_raw: str, value_num: float | None) -> bool:
    return value_num is not None or _known_qualitative(value_raw or "")


@lru_cache(maxsize=4096)  # a table repeats its qualitative cells (完成市下达任务) row after row
def _known_qualitative(value_raw: str) -> bool:
    return bool(_KNOWN_QUALITATIVE.search(value_raw))


def parsed_share(values: list[TableValue]) -> float | None:
    """Share of table values read as a number or a known qualitative form (None when there is no table)."""
    if not values:
        return None
    # `is_understood` inline, its number test first: nearly every value has a number (no call for those)
    return sum(1 for v in values if v.value_num is not None or _known_qualitative(v.value_raw or "")) / len(values)


# a count of the indicators missed or met is a subset, not the plan's total (`未达预期的5项指标中`)
_SUBSET_BEFORE = re.compile(r"(?:未|没有|达到|超过|完成)[^，,。；;]{0,6}的?$")


def stated_indicator_counts(text: str) -> list[int]:
    """Counts of indicators the report states for its own plan (`…计划报告32项指标中`)."""
    text = text or ""
    return sorted({int(next(g for g in m.groups() if g)) for m in _stated_counts(text)
                   if not _SUBSET_BEFORE.search(text[max(0, m.start() - 8):m.start()])})


# Every character a statement of the count may hold: digits, whitespace and these words' characters.
_COUNT_CHARS = frozenset("项主要发展计划指标中，,共有")


def _in_count(ch: str) -> bool:
    return ch in _COUNT_CHARS or ch.isdecimal() or ch.isspace()  # the characters `\d` and `\s` match


def _stated_counts(text: str):
    """`_STATED_COUNT.finditer(text)`, searching only where a statement can be: it names 指标 and holds only
    `_COUNT_CHARS`, digits and whitespace, so it lies inside the run of such characters around a `指标` (a
    report has a few dozen; the pattern has no literal to skip ahead to and would try every character)."""
    n = len(text)
    k = text.find("指标")
    while k >= 0:
        start, end = k, k + 2
        while start and _in_count(text[start - 1]):
            start -= 1
        while end < n and _in_count(text[end]):
            end += 1
        yield from _STATED_COUNT.finditer(text, start, end)
        k = text.find("指标", end)  # the next run starts after this one ends


def indicators_per_table(values: list[TableValue], names: dict[str, int] | None = None) -> dict[str, int]:
    """Indicators per table: numbered rows when the table numbers them, else distinct names per measure.
    `names`: `_names_per_table(values)` when the caller has it already."""
    seqs: dict[str, set] = defaultdict(set)
    for v in values:
        if v.seq:
            seqs[v.table_title or "(untitled table)"].add(v.seq)
    if names is None:
        names = _names_per_table(values)
    return {title: len(seqs[title]) if seqs[title] else n for title, n in names.items()}


def stated_count_matches(text: str, values: list[TableValue]) -> tuple[bool | None, dict]:
    """Whether every stated count is met by some table (None when the report states no count or has no table)."""
    stated = stated_indicator_counts(text)
    names = _names_per_table(values)  # made once: the count per table and the test below both need it
    tables = indicators_per_table(values, names)
    if not stated or not tables:
        return None, {"stated": stated, "tables": tables}
    # a table with numbered rows and unnumbered sub-rows (其中：…) holds either count of indicators
    counts = set(tables.values()) | set(names.values())
    ok = all(n in counts for n in stated)
    return ok, {"stated": stated, "tables": tables}


def _names_per_table(values: list[TableValue]) -> dict[str, int]:
    """Per table (in the order the tables come), the most distinct names any one measure has: the names of each
    (table, measure) gathered in one pass over the values, instead of one pass per measure."""
    by_table: dict[str, dict[str, set[str]]] = {}
    for v in values:
        title = v.table_title or "(untitled table)"
        per_measure = by_table.get(title)
        if per_measure is None:
            per_measure = by_table[title] = {}
        names = per_measure.get(v.measure)
        if names is None:
            names = per_measure[v.measure] = set()
        names.add(v.indicator_name)
    return {t: max(map(len, per_measure.values())) for t, per_measure in by_table.items()}


PARSED_SHARE_MIN = 0.95  # below this share of understood table values a report's tables were probably mis-read
QUALITY = "quality"  # PartSeen.kind of a report-wide quality warning


def report_quality(text: str, indicators) -> tuple[dict, list]:
    """The per-report figures the raw checks judge, computed once at extraction and stored with the facts (so no
    check reads the text back), and a `PartSeen` warning for each threshold missed."""
    from .records import PartSeen

    # the table values themselves: an IndicatorValue has every field a TableValue names, so none is copied
    values = [v for v in indicators if v.source == "table"]
    share = parsed_share(values)
    matches, detail = stated_count_matches(text, values)
    figures = dict(table_values=len(values), prose_values=sum(v.source == "prose" for v in indicators),
                   parsed_share=share, stated_count_ok=matches, stated=detail["stated"],
                   found_per_table=detail["tables"])
    problems = []
    if share is not None and share < PARSED_SHARE_MIN:
        problems.append(PartSeen(QUALITY, "table values", 1, len(values), round(share * len(values)),
                                 f"only {share:.0%} of the table values read as a number or a known qualitative "
                                 f"form (a mis-read column or layout?)"))
    if matches is False:
        problems.append(PartSeen(QUALITY, "indicator count", 1, len(values), sum(detail["tables"].values()),
                                 f"the report states {', '.join(map(str, detail['stated']))} indicators, its tables "
                                 f"hold {', '.join(map(str, detail['tables'].values()))}"))
    return figures, problems
