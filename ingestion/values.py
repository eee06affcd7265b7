"""Value semantics: the one place that turns a printed value into (number, comparator).

Analysts read `8以上` as "at least 8" and `6左右` as "about 6"; losing that word misleads them, so every
printed form of the genre maps to one comparator here and nowhere else. Tables and prose both call
`parse_value`; tests/ingestion/test_values.py has a case for every form.

Rules (see shared/gold/SPEC.md):
- The number is the first number printed outside parentheses. A number that appears only inside a note
  (`完成市级下达任务(10000万美元）`) does not count: the value is qualitative.
- Comparator words: 以上/不低于/不少于/≥ → ge; 以下/以内/不高于/不超过/≤ → le; 超过/突破/大于/超/逾/余/> → gt;
  <  /小于/低于 → lt; 左右/约/大约/近 → approx; 提高/提升/增加 N个百分点 → increase_by;
  下降/降低/减少 N个百分点 → decrease_by; 与上年持平 → eq 0; otherwise eq.
- 增长N% is a growth figure: the number is N (the comparator comes from any qualifier around it).
- A thousands separator is not a decimal point: `45,678` is 45678.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

COMPARATORS = ("eq", "ge", "le", "gt", "lt", "approx", "increase_by", "decrease_by", "qualitative")

_NUM = r"[-−－+]?\d+(?:[.．]\d+)?"
_NUMBER = re.compile(_NUM)
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 45,678 / 1,234,567
# a unit (万元, %, 亿美元, 人次 …) may stand between the number and its qualifier: 5万人以上, 2.5万余人次
_UNIT_BEFORE_QUALIFIER = re.compile(r"^(%|‰|[^\d以左余多及]{0,8}?)(?=以上|及以上|以下|以内|及以下|左右|余|多)")
_NOTE = re.compile(r"[（(][^（）()]*[）)]?")
_FLAT = re.compile(r"(与上年|与去年|同比)?(基本)?持平(?!稳)")  # not the 持平 inside 保持平稳增长
_POINTS = re.compile(rf"(提高|提升|增加|上升|增长|下降|降低|减少|回落)\s*({_NUM})\s*个?百分点")

_GE_AFTER = ("以上", "及以上", "以上水平")
_LE_AFTER = ("以下", "以内", "及以下")
_GT_AFTER = ("余", "多")
_APPROX_AFTER = ("左右",)
_GE_BEFORE = ("不低于", "不少于", "≥", ">=", "＞＝", "大于等于", "至少")
_LE_BEFORE = ("不高于", "不超过", "不多于", "≤", "<=", "＜＝", "小于等于", "控制在", "控制")
_GT_BEFORE = ("超过", "突破", "大于", "超", "逾", "高于", ">", "＞")
_LT_BEFORE = ("小于", "低于", "<", "＜")
_APPROX_BEFORE = ("约", "大约", "近")
_HOLD_BEFORE = ("控制在", "控制", "保持在", "稳定在")


@dataclass(frozen=True)
class ParsedValue:
    value_num: float | None
    comparator: str


def _to_float(s: str) -> float:
    return float(s.replace("−", "-").replace("－", "-").replace("．", "."))


def strip_notes(raw: str) -> str:
    """The value with parenthesised notes removed (`7.4（按七人普前人口口径计算）` → `7.4`)."""
    return _NOTE.sub("", raw)


# A report prints the same few value forms over and over (`—`, `6左右`, `8%以上`), and a table cell is read twice
# (is it a figure? then its value): a pure function of the string, so each distinct string is read once.
VALUE_CACHE = 16384


@lru_cache(maxsize=VALUE_CACHE)
def parse_value(raw: str | None) -> ParsedValue:
    """Read one printed value (a table cell or a prose phrase)."""
    if raw is None:
        return ParsedValue(None, "qualitative")
    s = _SPACES.sub("", raw.replace("\u3000", ""))
    if not s:
        return ParsedValue(None, "qualitative")
    body = strip_notes(s)

    m = _POINTS.search(body)
    if m:
        verb, num = m.group(1), _to_float(m.group(2))
        down = verb in ("下降", "降低", "减少", "回落")
        return ParsedValue(num, "decrease_by" if down else "increase_by")

    if _FLAT.search(body) and not _DIGIT.search(body):
        return ParsedValue(0.0, "eq")

    body = _THOUSANDS.sub("", body)
    m = _NUMBER.search(body)
    if not m:
        return ParsedValue(None, "qualitative")
    num = _to_float(m.group(0))
    before, after = body[: m.start()], body[m.end():]
    after_unit = _UNIT_BEFORE_QUALIFIER.sub("", after)

    def ends(words: tuple[str, ...]) -> bool:
        return before.endswith(words)

    def starts(words: tuple[str, ...]) -> bool:
        return after.startswith(words) or after_unit.startswith(words)

    if starts(_APPROX_AFTER) and ends(_HOLD_BEFORE):
        return ParsedValue(num, "approx")  # `控制在3%左右`: 左右 says the figure is approximate, not a ceiling
    if ends(_GE_BEFORE) or starts(_GE_AFTER):
        return ParsedValue(num, "ge")
    if ends(_LE_BEFORE) or starts(_LE_AFTER):
        return ParsedValue(num, "le")
    if starts(_APPROX_AFTER) or ends(_APPROX_BEFORE):
        return ParsedValue(num, "approx")
    if ends(_LT_BEFORE):
        return ParsedValue(num, "lt")
    if ends(_GT_BEFORE) or starts(_GT_AFTER):
        return ParsedValue(num, "gt")
    return ParsedValue(num, "eq")


# `4.5～5%`, `增长5%-5.5%`, `5至6`: a printed range (a dash right before a number is a sign, not a range)
_RANGE = re.compile(
    r"^(?:增长|增速|提高|达到|保持)?(\d+(?:[.．]\d+)?)\s*(%|％)?\s*[-～~—–－至到]\s*(\d+(?:[.．]\d+)?)\s*(%|％)?(?:左右)?$")


_RANGE_MARK = re.compile(r"[-～~—–－至到]")


@lru_cache(maxsize=VALUE_CACHE)  # asked of every value cell, like parse_value (ParsedValue is frozen)
def parse_range(raw: str | None) -> tuple[ParsedValue, ParsedValue] | None:
    """A range is two values of one indicator (SPEC): `ge` its low end and `le` its high end; None when `raw` is
    not a range."""
    if not raw or not _RANGE_MARK.search(raw):
        return None
    m = _RANGE.match(strip_notes(_SPACES.sub("", raw.replace("\u3000", ""))))
    if not m:
        return None
    low, high = _to_float(m.group(1)), _to_float(m.group(3))
    if high <= low:
        return None
    return ParsedValue(low, "ge"), ParsedValue(high, "le")
