"""Prose indicator figures: the headline numbers a report states in running text rather than in a table.

Only the parts of a report that present its results and targets are read (`scopes`: the review summary, the target
section, and the task sections of the plan part, under stricter rules; docs/prose.md has the rules by layout
class). Within a scope each sentence is cut into clauses (`sentences`), each value phrase (`phrases`: `突破300亿元`,
`增长8%以上`, `与上年持平`) is tied to the indicator named before it (`names`), and the number is read by
`values.parse_value`, the one place that maps printed values to (number, comparator).
"""
from __future__ import annotations

import re

from ..document import Document, squash
from ..projects import item_details
from ..projects.item_details import is_described_item, name_of_dashed
from ..records import IndicatorValue
from ..values import ParsedValue, parse_range, parse_value
from .clause_lines import clause_line_rows
from .names import _higher_scope_words, _negated
from .phrases import _RANGE_KINDS, _inside_quotes, value_gate
from .scopes import HEADING_NUMBER, Outline, Scope, prose_scopes
from .sentences import (
    _INDICATOR_COUNT,
    _NOTE_LINE,
    _SENTENCE_END,
    _clean_squashed,
    _drop_item_number,
    _read_sentence,
    _Row,
)
from .verdicts import TARGET_WORDS, printed_target, verdict_segments

__all__ = ["extract_prose_indicators", "prose_scopes", "_inside_quotes"]

_DIGIT = re.compile(r"\d")
_GROWTH_SUFFIX = re.compile(r"(?:增速|下降)$")


def _attribute_sentences(parts: list[str]) -> list[str]:
    """Sentences that print an attribute for indicators without a figure of their own (`地区生产总值增长目标…是预期性、
    导向性指标`); most lines have none. `parts`: the line cut at sentence ends, item numbers not yet dropped."""
    return [d for s in parts if ("约束性" in s or "预期性" in s) and not _DIGIT.search(d := _drop_item_number(s))]


def _printed_attribute(sentences: list[str], base: str) -> str | None:
    """The attribute a nearby sentence prints for the indicator."""
    aliases = (base, "GDP") if base == "地区生产总值" else (base,)
    for s in sentences:
        if any(a in s for a in aliases):
            found = [a for a in ("约束性", "预期性") if a in s]
            if len(found) == 1:
                return found[0]
    return None


def _base_name(name: str) -> str:
    return _GROWTH_SUFFIX.sub("", name)


_DASH_OR_TAG_END = ("）", "—", "―", "－－", "--", "〕", "】")  # a dash, or the end of a stage tag standing for one
_DASH_OR_TAG_END_HINT = re.compile("|".join(map(re.escape, _DASH_OR_TAG_END)))  # one search, not one per mark
# what a project item's description cannot do without: its investment (`_DESCRIBES_COST`, `is_described_item`'s
# tests) or, for `name_of_stage_led`, the word of a construction period (`item_details.is_detail`)
_PERIOD_WORDS = ("年限", "周期", "期限", "工期")
_PERIOD_HINT = re.compile("|".join(_PERIOD_WORDS))  # one search, not a generator over the words


def _is_project_item(text: str) -> bool:
    """A line of a project list: a name, a dash, and a description that gives its investment
    (`projects.item_details.name_of_dashed`), a name and its works closed by the investment
    (`projects.item_details.is_described_item`), or a name closed by its period and a description that opens with its
    stage words (`projects.item_details.name_of_stage_led`: `A产业园。续建项目，总投资9.4亿元，建设厂房12万平方米。`).
    Every one of them sizes the project with its investment (`name_of_stage_led` may date it instead): a line
    naming neither (most lines of a task section) is told so before any of them is tried."""
    costed = "投资" in text
    if not costed and not _PERIOD_HINT.search(text):
        return False
    item = _drop_item_number(text)
    if costed and _DASH_OR_TAG_END_HINT.search(text) and name_of_dashed(item) is not None:
        return True
    # `【拟开工】A项目。建设…，总投资…。`, `A工程：治理河道12公里，…，总投资2.5亿元。`
    if costed and is_described_item(item):
        return True
    # a period before the last character (`text.find` with an end does not copy the text, as `text[:-1]` would)
    return text.find("。", 0, len(text) - 1) >= 0 and item_details.name_of_stage_led(item) is not None


def _scope_rows(outline: Outline, scope: Scope, higher: tuple[str, ...]) -> list[IndicatorValue]:
    out: list[IndicatorValue] = []
    seen: set[tuple[str, str]] = set()
    gate = value_gate(scope.qualitative)
    heading_lines = outline.heading_lines
    actual = scope.measure == "actual"  # only a review's sentences are cut at its verdicts (`_verdict_pieces`)
    for no in scope.lines:
        raw = outline.text(no)
        text = squash(raw)  # once: the clause line, the heading number and `_clean` all read the squashed text
        if _CLAUSE_LINE_HINT.match(raw):  # `1.名称：年度目标X，实际完成Y，完成。`: a target and an actual row
            clause_rows = clause_line_rows(text)
            if clause_rows is not None:
                out += [_clause_record(scope, row, no) for row in clause_rows if (row[1], row[4], row[3]) not in seen]
                seen.update((row[1], row[4], row[3]) for row in clause_rows)
                continue
        if no in heading_lines:  # a numbered lead sentence: its number is not text (`1.1经济运行…。`)
            text = HEADING_NUMBER.sub("", text)
        text = _clean_squashed(text)
        if not text or _NOTE_LINE.match(text):
            continue
        if scope.lead is not None and no == scope.lines[0]:  # the announcing line: from the announcing sentence on
            m = scope.lead.search(text)
            text = text[max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1:] if m else ""
        if gate is not None and not gate.search(text):  # no value phrase in the line, so none in a sentence of it:
            continue  # no row (most lines of a task section), told before the project-item test and the split
        if scope.tasks and _is_project_item(text):
            continue  # `A产业园【续建】——…，总投资6.1亿元…`: a 专栏's project and its description, read as a project
        parts = [s for s in _SENTENCE_END.split(text) if s]  # the sentences, each cut once
        attributed = _attribute_sentences(parts) if "约束性" in text or "预期性" in text else []
        offset = 0
        for part in parts:
            if gate is not None and not gate.search(part):  # no value phrase: the sentence yields no row
                continue
            pieces = _verdict_pieces(part, scope) if actual else ((part, None, None),)
            for piece, verdict, clause in pieces:
                rows = []
                for r in _read_sentence(_drop_item_number(piece), scope, higher, gate):
                    if (r.name, r.raw) in seen:
                        continue
                    seen.add((r.name, r.raw))
                    rows.append(r)
                    attribute = r.attribute or (_printed_attribute(attributed, _base_name(r.name))
                                                if attributed else None)
                    line, offset = outline.line_of(no, r.name_raw or r.raw, r.raw, offset)
                    for parsed in _parsed(r, scope.measure):  # a loop, not a comprehension (a call of its own on 3.11)
                        out.append(_record(scope, r, line, attribute, parsed))
                if (verdict is not None or clause) and rows:  # the clause judges (or sets the target of) the figure
                    out += _judged(out, rows[-1], verdict, clause, scope)  # right before it
    return out


def _verdict_pieces(part: str, scope: Scope) -> list[tuple[str, str | None, str | None]]:
    """A review sentence cut after each clause that gives the report's verdict (`verdicts.verdict_segments`); any
    other sentence whole."""
    if scope.measure != "actual" or not _VERDICT_HINT.search(part) \
            or ("指标" in part or "共计" in part) and _INDICATOR_COUNT.search(part):
        return [(part, None, None)]  # (`31项指标中，达到预期的25项`: a count of indicators, read as a whole)
    return verdict_segments(part)


_VERDICT_HINT = re.compile(rf"[，,](?:[^，,]*(?:{'|'.join(TARGET_WORDS)}))")  # what `verdicts._CLAUSE` needs after a comma


def _judged(out: list[IndicatorValue], row: _Row, verdict: str | None, clause: str | None,
            scope: Scope) -> list[IndicatorValue]:
    """Set the verdict on the records of `row` (the last ones in `out`); the target the clause prints, as a record.
    A target clause with no verdict after it (`…，年度目标为增长9%。`) only gives the target."""
    judged = [v for v in out[-3:] if v.indicator_name == row.name and v.value_raw == row.raw]
    for v in judged:
        if verdict is not None:
            v.achieved_raw = verdict
    target = printed_target(clause) if clause else None
    if target is None or not judged:
        return []
    raw, num, comparator = target
    last = judged[-1]
    return [IndicatorValue(source="prose", table_title=scope.title, period_year=scope.year, measure="target",
                           indicator_name=row.name, value_raw=raw, value_num=num, comparator=comparator,
                           source_line=last.source_line, unit=last.unit, name_raw=row.name_raw)]


_FLIP = {"ge": "le", "le": "ge", "gt": "lt", "lt": "gt"}
_RANGE_NOISE = re.compile(r"[^\d.%％\-～~—–－至到]")  # verb, units and 左右 around a range's two numbers


_HELD_AT = re.compile(r"^控制在?[-−+]?\d+(?:[.．]\d+)?\s*[%％]?$")  # `控制在5.1%`, with no 以内/以下 after it


def _parsed(r: _Row, measure: str | None = None) -> list[ParsedValue]:
    """The value(s) of a row: a range gives two (`ge` low, `le` high), anything else one. A review's `控制在5.1%`
    reports the level the year reached (eq); only a plan's `控制在…` sets a ceiling."""
    if r.value.kind in _RANGE_KINDS:
        pair = parse_range(_RANGE_NOISE.sub("", r.raw))
        if pair:
            return list(pair)
    # values.parse_value reads a qualifier only after a short unit; a compound one (`26微克/立方米以下`) is the
    # phrase's own, so it is left out of what is parsed
    compound = r.value.unit if r.value.unit and "/" in r.value.unit else None
    parsed = parse_value(r.raw.replace(compound, "", 1) if compound else r.raw)
    if _negated(r.name, r.value) and parsed.value_num is not None:  # 投资增速: `下降2.1%` is -2.1
        parsed = ParsedValue(-parsed.value_num, _FLIP.get(parsed.comparator, parsed.comparator))
    if measure == "actual" and parsed.comparator == "le" and _HELD_AT.match(r.raw):
        parsed = ParsedValue(parsed.value_num, "eq")
    return [parsed]


_CLAUSE_LINE_HINT = re.compile(r"^\s*\d{1,3}[.．、][^：:]{1,40}[：:]")


def _clause_record(scope: Scope, row: tuple, line: int) -> IndicatorValue:
    seq, name, parent, measure, raw, unit, achieved = row
    parsed = parse_value(raw)
    return IndicatorValue("prose", scope.title, scope.year, measure, name, raw, parsed.value_num, parsed.comparator,
                          line, seq=seq, parent_name=parent, unit=unit, achieved_raw=achieved, name_raw=name)


def _record(scope: Scope, r: _Row, line: int, attribute: str | None, parsed: ParsedValue) -> IndicatorValue:
    # positional, in the field order `tables._INDICATOR_FIELDS` pins down (source, table_title, period_year, measure,
    # indicator_name, value_raw, value_num, comparator, source_line, seq, category, parent_name, unit, attribute,
    # achieved_raw, column_header, name_raw): a dataclass takes keywords several times slower than positions
    return IndicatorValue("prose", scope.title, scope.year, scope.measure, r.name, r.raw, parsed.value_num,
                          parsed.comparator, line, None, None, r.parent, r.value.unit, attribute, None, None,
                          r.name_raw)


def extract_prose_indicators(doc: Document) -> list[IndicatorValue]:
    """Headline results (review part) and targets (plan part) stated in running text."""
    higher = _higher_scope_words(doc)
    outline = Outline(doc)
    out: list[IndicatorValue] = []
    for scope in prose_scopes(doc, outline):
        out += _scope_rows(outline, scope, higher)
    return out
