"""Prose indicator figures: the headline numbers a report states in running text rather than in a table.

Why a narrow scope: a plan report prints hundreds of numbers in prose (project counts, funds, site lists,
rankings). Analysts want the statistics the report itself presents as its results and targets, so only
these parts are read:

- review part (执行情况): the headline summary of the reviewed year. It is the untitled text right under
  the review heading (often `——…` paragraphs) and/or a sub-heading about the main indicators
  (`（一）…主要指标完成情况`). The task sub-sections after it are not read. → measure `actual`.
- plan part: the target section (`主要发展目标`, `预期目标`). → measure `target`.
- a plan report with no indicator table at all (its targets exist only in prose): also its task sections
  (`重点任务和措施`), under stricter rules, because they hold the quantified targets a table would list.

Within scope a sentence is cut into clauses and each value phrase (`突破300亿元`, `增长8%以上`,
`与上年持平`) is tied to the indicator named just before it. The numbers themselves are always read by
`values.parse_value`; this module only finds phrases and names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import CN_NUM, Document, Heading, squash, strip_leading
from .records import IndicatorValue
from .values import parse_value

# --------------------------------------------------------------------------------------------------------------
# Outline vocabulary: which sections hold headline figures
# --------------------------------------------------------------------------------------------------------------

_REVIEW_HEADING = re.compile(r"执行情况|完成情况|情况回顾|工作回顾|主要成效")
_SUMMARY_SUBHEADING = re.compile(r"指标|总体情况|总体运行|经济运行")
# A target paragraph that has no 目标 heading of its own announces itself (`主要预期目标是：`, `主要目标为：`).
_TARGET_LEAD = re.compile(r"(?:主要|预期|发展|年度)目标(?:建议)?(?:是|为|如下)?[：:]")
_TARGET_HEADING = re.compile(r"(?:主要|预期|发展|年度|和)目标")
_NOT_TARGET_HEADING = re.compile(r"完成|执行|情况|回顾|[，,。]")  # a comma marks a task heading written as a sentence
_TASK_HEADING = re.compile(r"任务|措施|重点工作|工作安排|举措")

# --------------------------------------------------------------------------------------------------------------
# Value phrases
# --------------------------------------------------------------------------------------------------------------

# A number that is a value: not part of a code (5G, T3B, E88-2/01), an ordinal (第6), a date/duration (2021年,
# 连续6年, 一期/567期) or a ratio (三次产业结构5.2:35.1:59.7).
_NUM = r"(?<![A-Za-z0-9.\-/第])(?<!\d[:：∶])[-−－]?\d+(?:\.\d+)?(?![\dA-Za-z\-/年月日号届期周]|[:：∶]\d)"
_UNIT_BASES = (
    "个百分点|微克/立方米|毫克/升|吨标准煤|吨标煤|个工作日|工作日|平方公里|平方米|立方米|千瓦时|千瓦|公里|千米|人次|户次|"
    "标箱|美元|公顷|吨|元|人|户|家|个|条|天|亩|件|项|"
    "所|座|处|张|辆|套|间|台|岁|倍|位|次|场|床|名|批|部|种|块|宗|笔|例|份|篇|米|艘|架|列|趟|栋|幢"
)
_UNIT = rf"(?:[%％‰]|[十百千万亿]{{0,2}}[余多]?(?:{_UNIT_BASES})|[万亿])"
_COMP_PRE = r"(?:突破|超过|大于|高于|不低于|不少于|不高于|不超过|低于|小于|控制在|约|近|逾|超|≥|≤|＞|＜|>|<)"
_QUAL_POST = r"(?:及以上|以上|以下|以内|左右)"
_GROWTH_LEAD = r"(?:同比|比上年|较上年|预期|预计)"
_DECREASE_VERBS = ("下降", "降低", "减少", "回落")

_VALUE = re.compile(
    rf"(?P<points>(?:提高|提升|增加|上升|增长|下降|降低|减少|回落){_NUM}个百分点)"
    rf"|(?P<growth>{_GROWTH_LEAD}?(?:增长|增速为|增速|增幅为|增幅|上涨|下降|降低|减少|回落){_COMP_PRE}?{_NUM}[%％]{_QUAL_POST}?)"
    r"|(?P<flat>(?:与上年|与去年|同比)(?:基本)?持平)"
    r"|(?P<qgrowth>(?:保持)?(?:平稳|稳定|稳步|持续|较快|快速|合理)+增长|(?:增长)?与(?:经济|GDP|地区生产总值)增长(?:基本)?同步)"
    r"|(?P<qtask>完成[^，,。；;、\d]{0,6}?下达(?:的)?[^，,。；;、\d]{0,6}?(?:任务|目标)(?:任务)?)"
    rf"|(?P<level>{_COMP_PRE}?{_NUM}(?P<unit>{_UNIT})?{_QUAL_POST}?)"
)
_KINDS = ("points", "growth", "flat", "qgrowth", "qtask", "level")
_GROWTH_KINDS = ("growth", "flat", "qgrowth")  # values that describe a change: the indicator is `…增速`
_QUALITATIVE_KINDS = ("qgrowth", "qtask")  # targets only: a review reports facts, not `稳定增长`

# After a level value: what may follow it and still close the phrase (`全面完成…430公里建设任务`).
_CLOSER = re.compile(r"^(?:(?:建设)?任务|大关|关口)$")
_LEADING_NOTE = re.compile(r"^[（(][^（）()]*[）)]")  # `820亿元（现价）`

# --------------------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------------------

# Words in front of an indicator name that set scope, time or tone, not the statistic.
_LEAD = re.compile(
    rf"^(?:其中|同时|另外|此外|以及|并且|并|且|尤其是|特别是|一年来|今年以来|全年|全区|全县|全旗|本年度?|今年|年内|当年|"
    rf"\d{{4}}年(?:度|底|末)?|[{CN_NUM}]+是|建议|提出|确保|力争|争取|预计|预期|有望|推动|推进|实现|实施|全面|继续|"
    rf"进一步|努力|全力|力促|累计|共计|合计|再|稳步|大力|着力|持续|切实)"
)
# Verbs and hedges between a name and its value (`达`, `保持在`, `增速目标为`): dropped, except comparator words,
# which belong to the value phrase.
_TAIL = re.compile(
    r"(?:目标为|目标是|目标在|目标|均|都|分别|已|将|预计|有望|预期|可|力争|计划|保持在|保持|稳定在|维持在|达到|达|为|是|"
    r"实现|完成|提高到|提高至|提升到|提升至|增加到|增加至|增至|降至|降到|下降到|下降至|升至|"
    r"同口径|按可比价格计算|按可比价计算|按可比口径|按可比价|可比价|同比)$"
)
_EACH_WORDS = ("分别", "均", "都")
_LIST_JOINS = ("、", "", "和", "及", "与")  # between the figures of a list (`分别增长5.2%和7.1%`)
_PAIR_JOIN = re.compile(r"(?<=.{2})[和及与](?=.{2})")
_ATTRIBUTE_SUFFIX = re.compile(r"等?(约束性|预期性)指标$")
_NOTE_PAREN = re.compile(r"[（(](?:下同|以下简称[^）)]*|简称[^）)]*|[A-Za-z&]{2,6})[）)]")  # also （GDP）, （CPI）
_FOOTNOTE = re.compile(r"\[footnoteRef:\d+\]")
_ENUMERATOR = re.compile(rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、|\d{{1,2}}[.．、](?!\d))")

# Flow verbs that make a count a statistic when the number comes first: `新增5个公共停车场`.
_FLOW_VERB = re.compile(r"^(?:新增|新引进|引进|新培育|培育|新发展|新建|新认定|新设立|新登记|新注册|招引|建成)$")
_OBJECT_TAIL = re.compile(r"(?:落户发展|落户|落地|入驻)$")
_TASK_OBJECT = re.compile(r"(?:建设|改造|治理|整治|编制|更新|调查|评估|审核|工作|项目)$")

# Names that are not this district's indicator for this year.
_FIVE_YEAR = re.compile(rf"十[{CN_NUM}]五|五年|期间|年均|年平均增")
_NOT_A_NAME = re.compile(r"\d{4}年|我们|我区|我县|我市|目标|任务|指标|计划")
# In task sections a number often only sizes a set of designated sites, pilots or documents.
_DESIGNATION = re.compile(r"示范|试点|样板|方案|预案|规划|清单|政策")
_COMPARISON_START = ("高于", "低于", "比", "较")
# A value without a number (`保持平稳增长`) only counts for a name that is plainly a statistic, not a sector or a
# clause fragment (`建筑业将保持平稳增长`, `需继续保持平稳增长`).
_STATISTIC_HEAD = re.compile(
    r"(?:总值|总额|总量|收入|支出|能耗|排放量?|投资|产值|增加值|利润|税收|消费|规模|率|比重|占比|指数|强度|人数|面积|产量|"
    r"价格|增速|下降|降低|减排)$"
)

# A sentence that counts the plan's own indicators (`32项指标中，完成29项，完成率90.6%`).
_INDICATOR_COUNT = re.compile(r"(?<!\d)\d+项[^，,。；;]{0,8}指标|指标[^，,。；;]{0,4}\d+项|指标中|共计\d+项")
_NOTE_LINE = re.compile(r"^(?:备注|注)[：:]")


# --------------------------------------------------------------------------------------------------------------
# Scope
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """A stretch of text whose figures are headline results or targets of one year."""

    title: str  # table_title of its rows
    measure: str  # actual | target
    year: int | None
    lines: tuple[int, ...]
    tasks: bool = False  # a task section: only district-wide aggregates, no qualitative targets
    lead: re.Pattern | None = None  # read a line only from the sentence this pattern sits in


def _section_end(doc: Document, h: Heading) -> int:
    """First line after the section of `h` (the next heading of the same or a higher level)."""
    for other in doc.headings:
        if other.line > h.line and other.level <= h.level:
            return other.line
    return doc.n_lines + 1


def _text_lines(doc: Document, start: int, end: int, with_headings: bool = False) -> tuple[int, ...]:
    """Running-text lines in [start, end): paragraphs (and sub-heading lines, which in some layouts carry the
    whole paragraph); never table cells or captions."""
    kinds = ("paragraph", "heading") if with_headings else ("paragraph",)
    return tuple(b.start for b in doc.line_blocks if start <= b.start < end and b.kind in kinds)


def _own_lines(doc: Document, h: Heading) -> tuple[int, ...]:
    """The text directly under `h`, before its first sub-heading."""
    nxt = next((o.line for o in doc.headings if o.line > h.line), doc.n_lines + 1)
    return _text_lines(doc, h.line + 1, nxt)


def _review_heading(doc: Document) -> Heading | None:
    year = doc.meta.review_year
    if year is None:
        return None
    for h in doc.headings:  # a top heading: 一、… or, above those, 第一部分 …
        if h.level <= 1 and (_REVIEW_HEADING.search(h.text) or str(year) in h.text):
            return h
    return None


def _review_scopes(doc: Document) -> list[Scope]:
    """Untitled summary under the review heading plus any main-indicator sub-heading inside it."""
    top = _review_heading(doc)
    if top is None:
        return []
    year = doc.meta.review_year
    scopes = [Scope(top.text, "actual", year, _own_lines(doc, top))]
    end = _section_end(doc, top)
    for h in doc.headings:
        if top.line < h.line < end and h.level == top.level + 1 and _SUMMARY_SUBHEADING.search(h.text):
            scopes.append(Scope(h.text, "actual", year, _own_lines(doc, h)))
    return scopes


def _target_headings(doc: Document) -> list[Heading]:
    review = _review_heading(doc)
    after = _section_end(doc, review) if review else 0
    return [h for h in doc.headings
            if h.line >= after and _TARGET_HEADING.search(h.text) and not _NOT_TARGET_HEADING.search(h.text)]


_FIGURE = re.compile(r"\d[%％]|\d+(?:\.\d+)?[万亿]?[元人个家户]|增长|持平|控制在|下达")


ITEM_MAX = 60  # a target item (`1、地区生产总值增长6%左右；`) is short; a task item is a whole paragraph


def _target_item_lines(doc: Document, h: Heading) -> tuple[int, ...]:
    """Targets listed as numbered items right under a target heading (`1、地区生产总值增长6%左右；`): the
    outline reads each item as a sub-heading, so the run of short item lines stating a figure is taken as text.
    The run stops at the first other sub-heading, so the task items of a `主要目标和重点任务` part are not."""
    end = _section_end(doc, h)
    out = []
    for o in doc.headings:
        if o.line <= h.line:
            continue
        if o.line >= end or o.level <= h.level:
            break
        if len(o.text) > ITEM_MAX or not _FIGURE.search(o.text) or _TARGET_HEADING.search(o.text):
            break
        out.append(o.line)
    return tuple(out)


def _target_scopes(doc: Document) -> list[Scope]:
    return [Scope(h.text, "target", doc.meta.plan_year, tuple(sorted(_own_lines(doc, h) + _target_item_lines(doc, h))))
            for h in _target_headings(doc)]


def _has_indicator_table(doc: Document) -> bool:
    return any(c.kind == "表" for c in doc.captions) or any(b.kind == "cells" for b in doc.line_blocks)


def _task_scopes(doc: Document) -> list[Scope]:
    """Task sections of a plan-only report that has no indicator table: there, prose is the only home of the
    year's quantified targets. Rows take the top-level heading as title."""
    if doc.meta.doc_type != "plan" or _has_indicator_table(doc):
        return []
    targets = _target_headings(doc)
    after = targets[0].line if targets else 0
    return [Scope(h.text, "target", doc.meta.plan_year,
                  _text_lines(doc, h.line + 1, _section_end(doc, h), with_headings=True), tasks=True)
            for h in doc.headings if h.level == 1 and h.line > after and _TASK_HEADING.search(h.text)]


def _announced_target_scopes(doc: Document, taken: set[int]) -> list[Scope]:
    """Plan-part paragraphs outside any 目标 section that announce the year's targets (`…主要预期目标是：地区
    生产总值增长7%以上，…`), e.g. under `（一）总体要求`. Only the text from that sentence on is read."""
    review = _review_heading(doc)
    after = _section_end(doc, review) if review else 0
    out = []
    for b in doc.line_blocks:
        if b.kind != "paragraph" or b.start < after or b.start in taken:
            continue
        if _TARGET_LEAD.search(squash(doc.line(b.start))):
            h = doc.section(b.start)
            out.append(Scope(h.text if h else "", "target", doc.meta.plan_year, (b.start,), lead=_TARGET_LEAD))
    return out


def prose_scopes(doc: Document) -> list[Scope]:
    scopes = _review_scopes(doc) + _target_scopes(doc) + _task_scopes(doc)
    taken = {no for sc in scopes for no in sc.lines}
    return scopes + _announced_target_scopes(doc, taken)


# --------------------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    kind: str
    raw: str  # the shortest phrase carrying the value
    unit: str | None
    start: int
    end: int

    @property
    def growthlike(self) -> bool:
        return self.kind in _GROWTH_KINDS

    @property
    def decrease(self) -> bool:
        return self.kind == "growth" and self.raw.startswith(_DECREASE_VERBS)


def _inside_quotes(text: str) -> list[bool]:
    """Per character: inside “…” or 《…》, where digits are parts of names (`“1+12”合作协议`, `“3113”行动`)."""
    out, depth = [], 0
    for ch in text:
        if ch in "“《":
            depth += 1
        elif ch in "”》" and depth:
            depth -= 1
        out.append(depth > 0)
    return out


def _make_value(m: re.Match) -> _Value:
    kind = next(k for k in _KINDS if m.group(k))
    raw = m.group(0)
    unit: str | None = None
    if kind == "growth":
        raw = re.sub(rf"^{_GROWTH_LEAD}", "", raw)
        raw = re.sub(r"^(?:增速|增幅)为?", "", raw)
        unit = "%"
    elif kind == "points":
        unit = "个百分点"
    elif kind == "level" and m.group("unit"):
        unit = re.sub(r"[余多]", "", m.group("unit")).replace("％", "%")
    return _Value(kind, raw, unit, m.start(), m.end())


def _values(clause: str, allow_qualitative: bool) -> list[_Value]:
    quoted = _inside_quotes(clause)
    out = []
    for m in _VALUE.finditer(clause):
        v = _make_value(m)
        if quoted[m.start()] or (v.kind in _QUALITATIVE_KINDS and not allow_qualitative):
            continue
        out.append(v)
    return out


# --------------------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Head:
    """What the words before a value say: the indicator name(s) and how they share the value."""

    name: str  # "" when the words only link back (`、`, `分别`, `其中`) to what came before; may hold a 、-list
    each: bool = False  # 分别 / 均: every listed item has its own value
    one_to_one: bool = False  # 分别: the following values go to the items in order
    attribute: str | None = None
    under_parent: bool = False  # led by 其中
    years: frozenset[int] = frozenset()  # years printed in front of the name (`2020年GDP…`)


def _strip_lead(s: str) -> str:
    return strip_leading(_LEAD, s)


def _strip_tail(s: str) -> tuple[str, set[str]]:
    """Drop verbs between name and value; report the 分别/均 words met, which decide how a list shares values."""
    met: set[str] = set()
    while True:
        m = _TAIL.search(s)
        if not m:
            return s, met
        met.add(m.group(0))
        s = s[: m.start()]


def _drop_done_verb(s: str) -> str:
    """`完成地区生产总值` → `地区生产总值`; but `完成经果林` keeps its verb, which says the figure is new work."""
    rest = s[2:]
    return rest if s.startswith("完成") and len(rest) >= 2 and _STATISTIC_HEAD.search(rest) else s


def _parse_head(head: str) -> _Head:
    s = head.lstrip("、，,")
    if s in ("和", "及", "与"):  # the join inside a list of figures (`75612元和45033元`) names nothing
        s = ""
    under_parent = s.startswith("其中")
    years = frozenset(int(y) for y in re.findall(r"(\d{4})年", s))
    s = _strip_lead(s)
    s, met = _strip_tail(s)
    s = _drop_done_verb(_strip_lead(s.replace("实现", "").replace("有望", "")))
    attribute = None
    m = _ATTRIBUTE_SUFFIX.search(s)
    if m:
        attribute, s = m.group(1), s[: m.start()]
    return _Head(s, each=bool(met & set(_EACH_WORDS)), one_to_one="分别" in met,
                 attribute=attribute, under_parent=under_parent, years=years)


def _split_items(name: str) -> list[str]:
    """`A、B` → [A, B]; `A率和B率` → [A率, B率], `…能耗和二氧化碳排放` → two (和 only splits two statistics,
    not `工业和信息化…`)."""
    if "、" in name:
        return [p for p in name.split("、") if p]
    parts = name.split("和")
    if len(parts) == 2 and all(len(p) >= 2 for p in parts) and parts[0][-1] == parts[1][-1]:
        return parts
    if len(parts) == 2 and all(len(p) >= 4 and _STATISTIC_HEAD.search(p) for p in parts):
        return parts  # `单位地区生产总值能耗和二氧化碳排放`: two statistics, each named in full
    return [name]


def _split_pair(name: str) -> list[str]:
    """The two items of a name that 分别 gives two figures: `城镇和农村居民人均可支配收入` → [城镇, 农村居民…];
    `城乡居民人均可支配收入` → [城镇居民…, 农村居民…] (城乡 is the genre's pair of 城镇 and 农村)."""
    if name.startswith("城乡"):
        return ["城镇" + name[2:], "农村" + name[2:]]
    parts = _PAIR_JOIN.split(name, maxsplit=1)
    return parts if len(parts) == 2 else [name]


def _shared_tail(a: str, last: str) -> tuple[int, str]:
    """The longest ending of `a` (2+ chars) that the last item repeats: (its position in `last`, the ending)."""
    for k in range(len(a), 1, -1):
        j = last.find(a[-k:])
        if j >= 0:
            return j, a[-k:]
    return -1, ""


def _with_suffix(item: str, last: str) -> str:
    """Give an earlier list item the head noun of the last one:
    `城乡居民基本养老保险` + `医疗保险参保率` → `城乡居民基本养老保险参保率`; `城镇` + `农村居民人均可支配收入` →
    `城镇居民人均可支配收入`."""
    j, s = _shared_tail(item, last)
    if j >= 0:
        return item + last[j + len(s):]
    if len(item) <= 3 and len(last) > len(item) + 1:
        return item + last[len(item):]
    return item


def _with_prefix(item: str, first: str) -> str:
    """Give a later list item the words it shares with the first one (`基本医疗保险…` → `城乡居民基本医疗保险…`)."""
    for k in range(len(item), 1, -1):
        j = first.find(item[:k])
        if j >= 0:
            return first[:j] + item
    j, s = _shared_tail(first, item)
    if j >= 0:
        head = first[: len(first) - len(s)]
        return head[: max(0, len(head) - j)] + item
    if len(item) <= 3 and len(first) > len(item) + 1:  # 规上工业总产值、增加值
        return first[: len(first) - len(item)] + item
    return item


def _distribute(items: list[str]) -> list[str]:
    first, last = items[0], items[-1]
    out = []
    for i, item in enumerate(items):
        if i < len(items) - 1:
            item = _with_suffix(item, last)
        if i > 0:
            item = _with_prefix(item, first)
        out.append(item)
    return out


def _higher_scope_words(doc: Document) -> tuple[str, ...]:
    """`全市` is the municipality for a district report, but the report's own scope for a city report."""
    own = f"全{doc.meta.district[-1]}" if doc.meta.district else ""
    return tuple(w for w in ("全国", "全省", "全市") if w != own)


def _valid_name(name: str, scope: Scope, higher: tuple[str, ...]) -> bool:
    if not 2 <= len(name) <= 40 or not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
        return False
    if name.startswith(_COMPARISON_START) or name.endswith("等"):
        return False
    if _NOT_A_NAME.search(name) or _FIVE_YEAR.search(name) or any(w in name for w in higher):
        return False
    if scope.tasks and _DESIGNATION.search(name):
        return False
    return True


def _growth_name(base: str, v: _Value) -> str:
    """Growth figures are `<subject>增速` so they stay apart from the level of the same subject; a price rise
    (`居民消费价格指数上涨1.5%`) is the genre's `…涨幅`."""
    if v.raw.startswith("上涨"):
        return base if base.endswith("涨幅") else base.removesuffix("指数") + "涨幅"
    if v.decrease and not _AGGREGATE.search(base):
        return base if base.endswith(_DECREASE_VERBS) else base + "下降"
    if base.endswith(("增速", "增幅", "增长率", "增长速度")):
        return base
    if base.endswith("增长"):
        return base[:-2] + "增速"
    return base + "增速"


# Aggregates whose change is reported as a growth rate: `投资下降2.1%` is 投资增速 -2.1, as a table prints it.
# A decline that is itself the indicator (能耗下降, 排放量减少, 浓度下降) keeps its own name and a positive figure.
_AGGREGATE = re.compile(r"(?:总值|总额|总量|收入|支出|投资|产值|增加值|利润|税收|零售额|进出口|出口|进口|营业收入|产量|消费)$")


def _negated(name: str, v: _Value) -> bool:
    """A decrease of an aggregate stated as a growth row: its figure is negative."""
    return v.decrease and name.endswith("增速")


def _canonical(base: str) -> str:
    """The genre's own name for GDP (`GDP增长6%` → 地区生产总值增速); `占GDP比重` keeps GDP as printed."""
    return re.sub(r"^GDP(?=$|增速$)", "地区生产总值", base)


# --------------------------------------------------------------------------------------------------------------
# Reading sentences
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Row:
    name: str
    value: _Value
    raw: str
    parent: str | None = None
    attribute: str | None = None
    name_raw: str | None = None


@dataclass
class _SentenceState:
    subjects: list[str] = field(default_factory=list)  # the indicator(s) a bare `增长5.2%` refers to
    last: dict[bool, str] = field(default_factory=dict)  # last name per growthlike-ness, for a following 其中
    parent_next: bool = False  # the previous clause was just `其中`

    def parent_for(self, v: _Value) -> str | None:
        """A 其中 child belongs to the last row of its own kind (a growth under a growth, a level under a level)."""
        return self.last.get(v.growthlike) or self.last.get(not v.growthlike)


@dataclass
class _ClauseReader:
    """Reads the value phrases of one clause in order, tying each to its name.

    A value either closes a phrase named before it (`地区生产总值突破300亿元`), continues one (`、增长8%以上`,
    the second figure of `分别…97%、95%以上`), or comes first and counts the thing after it (`新增5个停车场`).
    """

    clause: str
    scope: Scope
    higher: tuple[str, ...]
    state: _SentenceState
    rows: list[_Row] = field(default_factory=list)
    clause_parent: str | None = None  # set when the previous clause was a bare 其中

    def read(self) -> list[_Row]:
        values = _values(self.clause, allow_qualitative=self.scope.measure == "target" and not self.scope.tasks)
        if self.state.parent_next:
            self.clause_parent = self.state.parent_for(values[0]) if values else None
            self.state.parent_next = False
        pos, verb, pending, muted = 0, None, [], False
        for i, v in enumerate(values):
            if v.start < pos:
                continue
            head = self.clause[pos: v.start]
            after = self.clause[v.end: values[i + 1].start if i + 1 < len(values) else len(self.clause)]
            note = _LEADING_NOTE.match(after)
            trailer = after[note.end():] if note else after
            pos = v.end
            listed = trailer.startswith("、") or (trailer in _LIST_JOINS and i + 1 < len(values))
            if v.kind == "level" and trailer and not listed and not _CLOSER.match(trailer):
                verb, consumed = self._number_first(head, v, trailer, verb)
                pos = v.end + (note.end() if note else 0) + consumed
                continue
            verb = None
            if v.growthlike and trailer.startswith("的"):  # `6%左右的增长目标`: a restatement
                continue
            parsed = _parse_head(head)
            if not parsed.name:
                if pending:
                    self._emit(pending.pop(0), v, head)
                elif not muted and v.kind != "level" and self.state.subjects:
                    pending, muted = self._continued(parsed, v, head, values[i + 1:])
                continue
            pending, muted = self._named(parsed, v, head, values[i + 1:])
        return self.rows

    def _continued(self, parsed: _Head, v: _Value, head: str, rest: list[_Value]) -> tuple[list[str], bool]:
        """A change figure with no name of its own (`、增长8%`, `分别增长5.1%、6.9%`) belongs to the subject(s)
        named just before. Returns (names still waiting for a value, muted)."""
        subjects = self.state.subjects
        followers = self._followers(v, rest)
        if len(subjects) == 1 and not (parsed.each and followers):
            self._emit_for(subjects[0], v, head)
            return [], False
        if len(subjects) > 1 and len(subjects) == followers + 1:
            names = [_growth_name(s, v) if v.growthlike else s for s in subjects]
            self._emit(names[0], v, head)
            self.state.subjects = []
            return names[1:], False
        return [], True  # which figure belongs to which name is unknown: no guessing

    def _number_first(self, head: str, v: _Value, trailer: str, verb: str | None) -> tuple[str | None, int]:
        """`新增5个公共停车场(楼)、1050个公共停车位`: a flow verb, then number, unit and the counted thing.
        Returns the verb for a following `、N个…` and how much of the trailer the counted thing took."""
        piece = re.split(r"[、和及与]", trailer)[0]
        consumed = len(piece)
        self.state.subjects = []  # a new thing is counted: a later bare `增长N%` is not about the earlier subject
        bare = _strip_lead(head.strip("、，,"))
        if bare:
            verb = bare if _FLOW_VERB.match(bare) else None
        if verb is None or v.unit is None or v.unit in ("%", "‰"):
            return None, consumed
        obj = _OBJECT_TAIL.sub("", piece)
        name = verb + obj
        if len(obj) < 2 or _TASK_OBJECT.search(obj) or not _valid_name(name, self.scope, self.higher):
            return None, consumed
        self.rows.append(_Row(name, v, v.raw, parent=self.clause_parent, name_raw=squash(head + v.raw + piece)))
        self.state.last[False] = name
        return verb, consumed

    def _names(self, parsed: _Head, v: _Value, expect: int = 0) -> list[str] | None:
        """The indicator names a head gives this value, or None when it does not name this year's indicator.
        `expect`: how many figures a 分别 list gives (a pair may be named `城乡居民…` or `城镇和农村居民…`)."""
        if parsed.years - {self.scope.year}:
            return None
        items = _split_items(parsed.name)
        if expect == 2 and len(items) == 1:
            items = _split_pair(parsed.name)
        shared = parsed.each or parsed.attribute or v.kind != "level" or v.unit in ("%", "‰")
        names = [_canonical(n) for n in (_distribute(items) if len(items) > 1 and shared else ["、".join(items)])]
        if not all(_valid_name(n, self.scope, self.higher) for n in names):
            return None
        if v.kind in _QUALITATIVE_KINDS and not all(_STATISTIC_HEAD.search(n) for n in names):
            return None
        return names

    def _named(self, parsed: _Head, v: _Value, head: str, rest: list[_Value]) -> tuple[list[str], bool]:
        """Rows for a value with its own name. Returns (names still waiting for a value, muted)."""
        followers = self._followers(v, rest)
        names = self._names(parsed, v, followers + 1 if parsed.one_to_one else 0)
        # `城镇…52860元、农村…34120元，分别增长5.1%、6.8%`: a 、-list of named figures keeps all its subjects
        prior = self.state.subjects if head.startswith("、") and v.kind == "level" and self.rows else []
        self.state.subjects = []
        if names is None:
            return [], True
        parent = self.state.parent_for(v) if parsed.under_parent else self.clause_parent
        if parsed.one_to_one and followers:
            if len(names) != followers + 1:
                return [], True  # 分别 with as many figures as names or nothing: no guessing
            named = [_growth_name(n, v) if v.growthlike else n for n in names]  # the list is all of one kind
            self._emit(named[0], v, head, parent, parsed.attribute)
            self.state.subjects = names
            return named[1:], False
        for n in names:
            self._emit_for(n, v, head, parent, parsed.attribute)
        self.state.subjects = [*prior, *names]
        return [], False

    def _followers(self, v: _Value, rest: list[_Value]) -> int:
        """How many values follow `v` as a bare list (`97%、95%以上`, `5.2%和7.1%`)."""
        n, end = 0, v.end
        for w in rest:
            if self.clause[end: w.start] not in _LIST_JOINS:
                break
            n, end = n + 1, w.end
        return n

    def _emit_for(self, base: str, v: _Value, head: str, parent: str | None = None, attribute: str | None = None):
        """A name for a value: growth-like values make `<base>增速`; the base becomes the sentence's subject."""
        name = _growth_name(base, v) if v.growthlike else base
        self._emit(name, v, head, parent, attribute)
        self.state.subjects = [base]

    def _emit(self, name: str, v: _Value, head: str, parent: str | None = None, attribute: str | None = None):
        self.rows.append(_Row(name, v, v.raw, parent=parent, attribute=attribute, name_raw=squash(head + v.raw)))
        self.state.last[v.growthlike] = name


def _spread_qualifier(rows: list[_Row]) -> None:
    """`分别保持97%、95%以上`: a trailing 以上/左右 is read as applying to every figure of the list."""
    for a, b in zip(rows, rows[1:]):
        if b.value.start - a.value.end == 1 and a.value.kind == b.value.kind == "level":
            m = re.search(rf"{_QUAL_POST}$", b.raw)
            if m and not re.search(rf"{_QUAL_POST}$|^{_COMP_PRE}", a.raw):
                a.raw += m.group(0)


_RATIO = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:[:：∶]\d+(?:\.\d+)?)+")  # 三次产业结构5.2:35.1:59.7: a ratio, not a value


def _clean(text: str) -> str:
    text = _FOOTNOTE.sub("", squash(text))
    text = _NOTE_PAREN.sub("", text)
    text = _RATIO.sub("", text)
    return _ENUMERATOR.sub("", text).lstrip("—-")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"[。；;！？!?]", text) if s]


def _read_sentence(sentence: str, scope: Scope, higher: tuple[str, ...]) -> list[_Row]:
    if _INDICATOR_COUNT.search(sentence):
        return []
    state, rows = _SentenceState(), []
    for clause in re.split(r"[，,：:]", sentence):
        if clause.startswith("其中") and _strip_lead(clause) == "":
            state.parent_next = True
            continue
        clause_rows = _ClauseReader(clause, scope, higher, state).read()
        _spread_qualifier(clause_rows)
        rows += clause_rows
    return rows


def _printed_attribute(sentences: list[str], base: str) -> str | None:
    """An attribute printed for the indicator in a nearby sentence (`地区生产总值增长目标…是预期性、导向性指标`)."""
    aliases = (base, "GDP") if base == "地区生产总值" else (base,)
    for s in sentences:
        if any(a in s for a in aliases) and not re.search(r"\d", s):
            found = [a for a in ("约束性", "预期性") if a in s]
            if len(found) == 1:
                return found[0]
    return None


def _base_name(name: str) -> str:
    return re.sub(r"(?:增速|下降)$", "", name)


def _scope_rows(doc: Document, scope: Scope, higher: tuple[str, ...]) -> list[IndicatorValue]:
    out: list[IndicatorValue] = []
    seen: set[tuple[str, str]] = set()
    for no in scope.lines:
        text = _clean(doc.line(no))
        if not text or _NOTE_LINE.match(text):
            continue
        if scope.lead is not None:
            m = scope.lead.search(text)
            text = text[max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1:] if m else ""
        sentences = _sentences(text)
        for sentence in sentences:
            for r in _read_sentence(sentence, scope, higher):
                if (r.name, r.raw) in seen:
                    continue
                seen.add((r.name, r.raw))
                attribute = r.attribute or _printed_attribute(sentences, _base_name(r.name))
                out.append(_record(scope, r, no, attribute))
    return out


_FLIP = {"ge": "le", "le": "ge", "gt": "lt", "lt": "gt"}


def _record(scope: Scope, r: _Row, line: int, attribute: str | None) -> IndicatorValue:
    parsed = parse_value(r.raw)
    if _negated(r.name, r.value) and parsed.value_num is not None:  # 投资增速: `下降2.1%` is -2.1
        parsed = type(parsed)(-parsed.value_num, _FLIP.get(parsed.comparator, parsed.comparator))
    return IndicatorValue(
        source="prose",
        table_title=scope.title,
        period_year=scope.year,
        measure=scope.measure,
        indicator_name=r.name,
        value_raw=r.raw,
        value_num=parsed.value_num,
        comparator=parsed.comparator,
        source_line=line,
        parent_name=r.parent,
        unit=r.value.unit,
        attribute=attribute,
        name_raw=r.name_raw,
    )


def extract_prose_indicators(doc: Document) -> list[IndicatorValue]:
    """Headline results (review part) and targets (plan part) stated in running text."""
    higher = _higher_scope_words(doc)
    out: list[IndicatorValue] = []
    for scope in prose_scopes(doc):
        out += _scope_rows(doc, scope, higher)
    return out
