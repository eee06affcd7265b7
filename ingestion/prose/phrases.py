"""Value phrases in running text (`突破300亿元`, `增长8%以上`, `与上年持平`, `完成市下达任务`): where they are and
what kind they are. The numbers themselves are read by `values.parse_value`."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..scan import hit_search, scanner

# A number that is a value: not part of a code (5G, T3B, E88-2/01), an ordinal (第6), a reference (见表1, 专栏2), a
# date/duration (2021年, 连续6年, 一期/567期) or a ratio (三次产业结构5.2:35.1:59.7). (`存栏312万头` is a value:
# only 专栏 before a number makes it a reference.)
_NUM = r"(?<![A-Za-z0-9.\-/第表图])(?<!专栏)(?<!\d[:：∶])[-−－]?\d+(?:\.\d+)?(?![\dA-Za-z\-/年月日号届期周]|[:：∶]\d)"
_UNIT_BASES = (
    "个百分点|微克/立方米|毫克/升|吨标准煤|吨标煤|个工作日|工作日|平方公里|平方米|立方米|千瓦时|千瓦|公里|千米|人次|户次|"
    "标箱|美元|公顷|公斤|吨|斤|元|人|户|家|个|条|天|亩|件|项|头只|头|只|"
    "所|座|处|张|辆|套|间|台|岁|倍|位|次|场|床|名|批|部|种|块|宗|笔|例|份|篇|米|艘|架|列|趟|栋|幢"
)
# A compound unit is a unit per unit (`38立方米/万元`, `0.42吨标准煤/万元`, `3.5件/万人`).
_UNIT = rf"(?:[%％‰]|[十百千万亿]{{0,2}}[余多]?(?:{_UNIT_BASES})(?:/[十百千万亿]{{0,2}}(?:{_UNIT_BASES}))?|[万亿])"
_COMP_PRE = r"(?:突破|超过|大于|高于|不低于|不少于|不高于|不超过|低于|小于|控制在|约|近|逾|超|≥|≤|＞|＜|>|<)"
_QUAL_POST = r"(?:及以上|以上|以下|以内|左右)"
_GROWTH_LEAD = r"(?:同比|比上年|较上年|预期|预计)"
_DECREASE_VERBS = ("下降", "降低", "减少", "回落")

# A range (`增长5%-5.5%`, `4.5～5%`, `增长6%至7%`) is two values of one indicator (SPEC): `ge` its low end, `le` its
# high end. The low end may drop its %. Ranges are rare, so their pattern runs only on a clause with a number, a
# dash and a number close together (`_RANGE_HINT`); a dash right before a lone number elsewhere is a sign.
_PLAIN = r"(?<![A-Za-z0-9.\-/第])\d+(?:\.\d+)?"
_RANGE_TAIL = r"[-～~—–－至到]\d+(?:\.\d+)?(?![\dA-Za-z\-/年月日号届期周])"
_RANGE_PHRASES = {
    "grange": rf"{_GROWTH_LEAD}?(?:增长|增速为|增速|增幅为|增幅){_PLAIN}[%％]?{_RANGE_TAIL}[%％](?:左右)?",
    "lrange": rf"{_PLAIN}(?:[%％]|{_UNIT})?{_RANGE_TAIL}(?P<range_unit>[%％]|{_UNIT})(?:左右)?",
}
# The issuing authorities of an assigned task may be listed (`完成自治区、市下达的目标任务`, `达到国家和省要求`).
_AUTHORITIES = r"(?:(?:国家|省级?|自治区|市级?|州|盟|上级)[、和及与])*"
_RANGE_HINT = re.compile(r"\d[^\d，,。；;]{0,3}[-～~—–－至到]\d")
# The value phrases by kind, in the order they are tried at a position (a range before the single values).
_SINGLE_PHRASES = {
    "points": rf"{_GROWTH_LEAD}?(?:提高|提升|增加|上升|增长|下降|降低|减少|回落){_NUM}个百分点",
    "growth": rf"{_GROWTH_LEAD}?(?:增长|增速为|增速|增幅为|增幅|上涨|下降|降低|减少|回落){_COMP_PRE}?{_NUM}[%％]{_QUAL_POST}?",
    "flat": r"(?:与上年|与去年|同比)(?:基本)?持平",
    "qgrowth": r"(?:保持)?(?:平稳|稳定|稳步|持续|较快|快速|合理)+增长"
    r"|(?:增长|增速)?[与和同](?:经济|GDP|地区生产总值)(?:增长|发展)?(?:基本|保持)*同步(?:增长)?"
    r"|(?:增长|增速)?(?:略高于|高于|快于|不低于)(?:经济|GDP|地区生产总值)(?:增长|增速)",
    "qtask": rf"完成{_AUTHORITIES}[^，,。；;、\d]{{0,6}}?下达(?:的)?[^，,。；;、\d]{{0,6}}?(?:任务|目标|指标)(?:任务)?"
    rf"|(?:控制在|不低于|不超过|不高于|低于){_AUTHORITIES}[^，,。；;、\d]{{0,6}}?下达(?:的)?(?:指标|目标|任务)?(?:以内|之内|范围内|内)?"
    rf"|达到{_AUTHORITIES}[^，,。；;、\d]{{0,3}}?(?:国家|省|市|上级)[^，,。；;、\d]{{0,6}}?(?:要求|标准|目标)",
    # a trend word standing for a target (`耕地保有量只增不减`, `进出口总额保持稳定`); a review's `二是投资消费稳中有升`
    # heads the figures that follow, so a review reads none of them (`_REVIEW_QUALITATIVE`)
    "qtrend": r"只增不减|保持稳定|稳中有升",
    "level": rf"{_COMP_PRE}?{_NUM}(?P<unit>{_UNIT})?{_QUAL_POST}?",
}


def _alternatives(phrases: dict[str, str]) -> str:
    return "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in phrases.items())


_RANGES = _alternatives(_RANGE_PHRASES)
_SINGLE = _alternatives(_SINGLE_PHRASES)
_VALUE = scanner(_SINGLE)
_VALUE_OR_RANGE = scanner(_RANGES + "|" + _SINGLE)
_RANGE_KINDS = ("grange", "lrange")
_GROWTH_KINDS = ("grange", "growth", "flat", "qgrowth")  # values that describe a change: the indicator is `…增速`
_QUALITATIVE_KINDS = ("qgrowth", "qtask", "qtrend")
# What a scope may read without a number: a target section both kinds; a review reports facts, not `稳定增长`, but
# `能耗降低完成市下达任务` is a fact; a task section neither (its qualitative phrases are work, not indicators).
_TARGET_QUALITATIVE = frozenset(_QUALITATIVE_KINDS)
_REVIEW_QUALITATIVE = frozenset({"qtask"})


class _Value(NamedTuple):  # one per value phrase found: a tuple is built several times faster than a dataclass
    kind: str
    raw: str  # the shortest phrase carrying the value
    unit: str | None
    start: int
    end: int
    growthlike: bool  # a change (`kind` in _GROWTH_KINDS): the indicator is `…增速`; asked per name and row

    @property
    def decrease(self) -> bool:
        return self.kind == "growth" and self.raw.startswith(_DECREASE_VERBS)


def _inside_quotes(text: str) -> list[bool]:
    """Per character: inside “…” or 《…》, where digits are parts of names (`“1+12”合作协议`, `“3113”行动`)."""
    out = [False] * len(text)
    if "“" not in text and "《" not in text:  # most sentences quote nothing
        return out
    depth, start = 0, 0
    for m in _QUOTE_MARK.finditer(text):  # only the marks are visited: a quote is True from its opening mark on
        if m.group() in "“《":
            if not depth:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                out[start:m.start()] = [True] * (m.start() - start)
    if depth:
        out[start:] = [True] * (len(text) - start)
    return out


_QUOTE_MARK = re.compile(r"[“”《》]")


_GROWTH_WORDS = re.compile(rf"^{_GROWTH_LEAD}?(?:(?:增速|增幅)为?)?")  # 同比增长8% → 增长8%; 增速为6% → 6%


@lru_cache(maxsize=512)  # the genre's few units (亿元, 万吨, 个百分点…)
def _unit(printed: str) -> str:
    return printed.replace("余", "").replace("多", "").replace("％", "%")


def _make_value(m: re.Match, kind: str) -> _Value:
    """`kind`: `m.lastgroup`, the alternative that matched (its inner groups close before it)."""
    raw = m.group(0)
    unit: str | None = None
    if kind in ("growth", "grange"):
        raw = _GROWTH_WORDS.sub("", raw)
        unit = "%"
    elif kind == "lrange":
        unit = _unit(m.group("range_unit"))
    elif kind == "points":
        raw = _GROWTH_WORDS.sub("", raw)  # 比上年下降0.2个百分点 → 下降0.2个百分点: the comparison is no part of the name
        unit = "个百分点"
    elif kind == "level" and m.group("unit"):
        unit = _unit(m.group("unit"))
    return _Value(kind, raw, unit, m.start(), m.end(), kind in _GROWTH_KINDS)


# An age bracket is part of a name (`每千人口拥有3岁以下婴幼儿托位数`), not a value (`预期寿命80岁左右`).
_AGE_BRACKET = re.compile(r"\d+(?:[-~～至]\d+)?周?岁(?:及?以[下上])?(?=[\u4e00-\u9fff])(?!左右|以上|以下|及以)")


# Every value phrase holds a digit or one of these words: a clause with none of them is skipped without running
# the full pattern (most clauses of a summary paragraph state no figure).
_VALUE_HINT = hit_search((r"\d|持平|增长|同步|经济|下达|要求|标准|目标|只增不减|保持稳定|稳中有升",))


# per set of qualitative kinds (a scope reads one of three): built once per process, kept in a plain dict like the
# other patterns compiled from the vocabulary (`names._NOT_HERE`), not in a memo of texts (bench/run.py clears those
# before every file to see what a folder of unrelated reports costs; this pattern is the same for every report)
_GATES: dict[frozenset[str], re.Pattern | None] = {}


def value_gate(qualitative: frozenset[str]) -> re.Pattern | None:
    """What a text must hold to contain a value phrase a scope reads (`Scope.qualitative`): the words and
    characters the phrase patterns of its kinds cannot do without (`scan.needed`), e.g. a digit or 持平 in a task
    section, which reads no qualitative phrase. A sentence or clause without a hit yields no value, so it is skipped
    before it is cut up; deleting characters from it (an item number, a name's colon) cannot make a hit. None
    when the patterns need nothing that can be pinned down: then nothing is skipped."""
    if qualitative in _GATES:
        return _GATES[qualitative]
    kinds = {**_RANGE_PHRASES, **_SINGLE_PHRASES}
    read = [p for kind, p in kinds.items() if kind not in _QUALITATIVE_KINDS or kind in qualitative]
    gate = _GATES[qualitative] = hit_search(tuple(read))
    return gate


def _values(clause: str, qualitative: frozenset[str]) -> list[_Value]:
    if not _VALUE_HINT.search(clause):
        return []
    quoted = _inside_quotes(clause) if "“" in clause or "《" in clause else None
    ages = [m.span() for m in _AGE_BRACKET.finditer(clause)] if "岁" in clause else None
    out = []
    pattern = _VALUE_OR_RANGE if _RANGE_HINT.search(clause) else _VALUE
    for m in pattern.finditer(clause):
        kind = m.lastgroup
        start, end = m.span()
        if (quoted and quoted[start]) or (kind in _QUALITATIVE_KINDS and kind not in qualitative):
            continue
        if ages and any(a <= start < b for a, b in ages):
            continue
        if kind == "level":  # most values: `_make_value` inline (a call per value costs more than its work)
            unit = m.group("unit")
            out.append(_Value(kind, m.group(0), _unit(unit) if unit else None, start, end, False))
        else:
            out.append(_make_value(m, kind))
    return out


