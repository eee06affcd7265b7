"""Indicator names from the words before a value: lead and verb words dropped, lists and pairs split and their
shared words distributed, growth figures named `<subject>增速`, and names that are not this district's indicator
for this year rejected."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import CN_NUM, Document
from ..scan import scanner
from .phrases import _DECREASE_VERBS, _Value
from .scopes import Scope

# Words in front of an indicator name that set scope, time or tone, not the statistic.
_LEAD = re.compile(
    rf"^(?:其中|同时|另外|此外|以及|并且|并|且|尤其是|特别是|一年来|今年以来|全年|全区|全县|全旗|我区|我县|我旗|本区|本县|本旗|"
    rf"本年度?|今年|年内|当年|"
    rf"[“\"]?十[{CN_NUM}]五[”\"]?(?:时期|期间|以来)|(?:过去|近)五年(?:来|间)?|五年来|"
    rf"\d{{1,2}}[-—～至]\d{{1,2}}月份?|前三季度|上半年|一季度|"
    rf"\d{{4}}年(?:度|底|末)?|[{CN_NUM}]+是|建议|提出|确保|力争|争取|预计|预期|有望|推动|推进|实现|实施|全面|继续|"
    rf"进一步|努力|全力|力促|累计|共计|合计|再|稳步|大力|着力|持续|切实)"
)
# Verbs and hedges between a name and its value (`达`, `保持在`, `增速目标为`): dropped, except comparator words,
# which belong to the value phrase.
_TAIL = scanner(
    r"(?:目标为|目标是|目标在|目标|(?<![年平])均|都|分别|累计|已|将|预计|有望|预期|可|力争|计划|保持在|保持|稳定在|维持在|达到|达|为|是|"
    r"实现|完成|提高到|提高至|提升到|提升至|增加到|增加至|增至|降至|降到|下降到|下降至|升至|"
    r"同口径|按可比价格计算|按可比价计算|按可比口径|按可比价|可比价|同比)$"
)
_EACH_WORDS = ("分别", "均", "都")
_YEAR = re.compile(r"(\d{4})年")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_GDP = re.compile(r"^GDP(?=$|增速$)")
_LIST_JOINS = ("、", "", "和", "及", "与")  # between the figures of a list (`分别增长5.2%和7.1%`)
_PAIR_JOIN = re.compile(r"(?<=.{2})[和及与](?=.{2})")
_ATTRIBUTE_SUFFIX = re.compile(r"等?(约束性|预期性)指标$")
# Names that are not this district's indicator for this year.
_FIVE_YEAR = re.compile(rf"十[{CN_NUM}]五|五年|期间|年平?均(?=$|增|递增|提高|提升|下降|降低|减少)|年平均增")
# A review may sum up a five-year period (`五年来，地区生产总值年均增长7.2%`): an actual of that period, read as
# `<subject>年均增速`; in a plan part such a figure is the period's target, never this year's.
_ANNUAL_MEAN = re.compile(r"年平?均$")
_NOT_A_NAME_WORDS = r"(?<![\d.])\d+年|我们|我区|我县|我市|目标|任务|指标|计划"  # `连续5年` is a duration (`PM2.5年均浓度` a code)
_NOT_HERE: dict[tuple[str, ...], re.Pattern] = {}  # per set of higher-scope words: one search for both tests


def _not_this_districts(higher: tuple[str, ...]) -> re.Pattern:
    """A name that is no name (`_NOT_A_NAME_WORDS`) or names a higher scope (`全省…`), as one pattern."""
    pattern = _NOT_HERE.get(higher)
    if pattern is None:
        pattern = _NOT_HERE[higher] = scanner("|".join([_NOT_A_NAME_WORDS, *map(re.escape, higher)]))
    return pattern
# In task sections a number often only sizes a set of designated sites, pilots or documents, or a project list
# (`安排县级重点项目43个`, which the investment figures carry).
_DESIGNATION = re.compile(r"示范|试点|样板|典型|方案|预案|规划|清单|政策|经验|案例")
_PROJECT_PROGRAMME = re.compile(r"(?:重点|重大|新开工|开工|续建|竣工|完工|投产|建成|投用|前期)+(?:建设)?项目$")
# A task section also lists projects: an entry (`1.某某中试基地（总投资6.2亿元，…）`, `某某工程【续建】——一级公路
# 15.3公里`) sizes one project. A name cut from its subject names nothing: a share (`占GDP比重`), a conjunct
# (`和改装车`), a count for each of a list (`博士后科研工作站各1个`), a sector's `全产业营收`, a bare aggregate
# whose subject came before (`营业收入`, `投资`). A quarter's figure (`一季度开工率`) is no target of the year.
_TASK_NO_TARGET = re.compile(r"[（(][^）)]*$|【|(?:总投资|计划投资|年度投资|建筑面积)$|^(?:占|和|与|及|全产业|全行业)|各$|季度|"
                             r"上半年|^(?:投资|营业收入|营收|利税|产值|收入)$")
_COMPARISON_START = ("高于", "低于", "比", "较")
# A value without a number (`保持平稳增长`) only counts for a name that is plainly a statistic, not a sector or a
# clause fragment (`建筑业将保持平稳增长`, `需继续保持平稳增长`).
_STATISTIC_HEAD = re.compile(
    r"(?:总值|总额|总量|收入|支出|能耗|排放量?|投资|产值|增加值|利润|税收|消费|规模|率|比重|占比|指数|强度|人数|面积|产量|"
    r"价格|增速|下降|降低|减少|减排|浓度|天数|比例|保有量|投入|质量|水质|消耗)$"
)


@dataclass(frozen=True)  # shared by every mention of the same words (`_parse_head` is cached)
class _Head:
    """What the words before a value say: the indicator name(s) and how they share the value."""

    name: str  # "" when the words only link back (`、`, `分别`, `其中`) to what came before; may hold a 、-list
    each: bool = False  # 分别 / 均: every listed item has its own value
    one_to_one: bool = False  # 分别: the following values go to the items in order
    attribute: str | None = None
    under_parent: bool = False  # led by 其中
    years: frozenset[int] = frozenset()  # years printed in front of the name (`2020年GDP…`)


def _strip_lead(s: str) -> str:
    """`s` without its lead words, as often as they stack up (`其中全区实现…`). `_LEAD` is anchored and never
    matches empty, so cutting each match off is `document.strip_leading` without rebuilding the string per try."""
    m = _LEAD.match(s)
    while m and m.end():
        s = s[m.end():]
        m = _LEAD.match(s)
    return s


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


@lru_cache(maxsize=4096)
def _parse_head(head: str) -> _Head:
    """What the words before a value say (a pure function of them: the words before the genre's indicators
    recur across reports, so each is read once per process)."""
    s = head.lstrip("、，,")
    if s in ("和", "及", "与"):  # the join inside a list of figures (`75612元和45033元`) names nothing
        s = ""
    under_parent = s.startswith("其中")
    years = frozenset(int(y) for y in _YEAR.findall(s)) if "年" in s else frozenset()
    s = _strip_lead(s)
    s, met = _strip_tail(s)
    s = _drop_done_verb(_strip_lead(s.replace("实现", "").replace("有望", "")))
    attribute = None
    m = _ATTRIBUTE_SUFFIX.search(s)
    if m:
        attribute, s = m.group(1), s[: m.start()]
    return _Head(s, each=not met.isdisjoint(_EACH_WORDS), one_to_one="分别" in met,
                 attribute=attribute, under_parent=under_parent, years=years)


def _split_items(name: str) -> list[str]:
    """`A、B` → [A, B]; `A率和B率` → [A率, B率], `…能耗和二氧化碳排放` → two (和 only splits two statistics,
    not `工业和信息化…`); `A、B和C` → [A, B, C]: a printed list joins its last two items with 和."""
    if "、" in name:
        items = [p for p in name.split("、") if p]
        return items[:-1] + _split_pair_join(items[-1]) if items else items
    return _split_pair_join(name)


def _split_pair_join(name: str) -> list[str]:
    """`A和B` → [A, B] when both read as statistics of their own; else [name]."""
    parts = name.split("和")
    if len(parts) == 2 and all(len(p) >= 2 for p in parts) and parts[0][-1] == parts[1][-1]:
        return parts
    if len(parts) == 2 and all(len(p) >= 4 and _STATISTIC_HEAD.search(p) for p in parts):
        return _share_pair(*parts)  # `单位地区生产总值能耗和二氧化碳排放降低`: two statistics
    return [name]


# The genre's pair of intensity targets: `单位地区生产总值能耗和二氧化碳排放降低` is 单位地区生产总值能耗降低 and
# 单位地区生产总值二氧化碳排放降低 (both per unit of output); a total (`主要污染物排放总量减少`) shares neither.
_INTENSITY_PREFIX = re.compile(r"^单位(?:地区生产总值|GDP|规模以上工业增加值|规上工业增加值|工业增加值)")
_INTENSITY_ITEM = re.compile(r"^(?:二氧化碳|碳排放|用水|水耗|电耗|能耗|建设用地)")
_CHANGE_SUFFIX = re.compile(r"(?:降低|下降|减少)$")
# what a change word after the pair can be shared with: a consumption or an emission (`能耗和二氧化碳排放降低`), not
# a statistic with a head of its own (`空气质量优良天数和单位地区生产总值能耗降低`: the days do not fall)
_REDUCIBLE = re.compile(r"(?:能耗|排放量?|用水量?|水耗|电耗|用地|消耗量?)(?:强度)?$")


def _share_pair(a: str, b: str) -> list[str]:
    prefix = _INTENSITY_PREFIX.match(a)
    if prefix and _INTENSITY_ITEM.match(b):
        b = prefix.group(0) + b
    change = _CHANGE_SUFFIX.search(b)
    if change and not _CHANGE_SUFFIX.search(a) and (prefix or _REDUCIBLE.search(a)):
        a += change.group(0)
    return [a, b]


# The genre's words that name a group of statistics at once, for 分别 with as many figures as members.
_GROUP_WORDS = (
    ("城乡", ("城镇", "农村")),
    ("存贷款", ("存款", "贷款")),
    ("三次产业", ("第一产业", "第二产业", "第三产业")),
    ("一二三产业", ("第一产业", "第二产业", "第三产业")),
)


def _split_pair(name: str, n: int = 2) -> list[str]:
    """The items of a name that 分别 gives `n` figures: `城镇和农村居民人均可支配收入` → [城镇, 农村居民…];
    `城乡居民人均可支配收入` → [城镇居民…, 农村居民…] (城乡 is the genre's pair of 城镇 and 农村), `金融机构存贷款余额`
    → 存款余额 / 贷款余额, `三次产业增加值` → 第一/第二/第三产业增加值."""
    for word, members in _GROUP_WORDS:
        if len(members) == n and word in name:
            return [name.replace(word, m, 1) for m in members]
    parts = _PAIR_JOIN.split(name, maxsplit=1)
    return parts if n == 2 and len(parts) == 2 else [name]


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
    """`全市` is the municipality for a district report, but the report's own scope for a city report (likewise
    `全州` for a county of an autonomous prefecture, `全盟` for a banner of a league)."""
    own = f"全{doc.meta.district[-1]}" if doc.meta.district else ""
    return tuple(w for w in ("全国", "全省", "全自治区", "全市", "全州", "全盟") if w != own)


def _valid_name(name: str, scope: Scope, higher: tuple[str, ...]) -> bool:
    return _valid_for(name, scope.measure, scope.tasks, higher)


# The genre names the same indicators in every report (地区生产总值, 城镇新增就业…): a name is judged once per
# process, not at each of its mentions (bounded, as is the cache of `_parse_head`).
@lru_cache(maxsize=4096)
def _valid_for(name: str, measure: str, tasks: bool, higher: tuple[str, ...]) -> bool:
    if not 2 <= len(name) <= 40 or not _WORD_CHAR.search(name):
        return False
    if name.startswith(_COMPARISON_START) or name.endswith("等"):
        return False
    if _not_this_districts(higher).search(name):  # no name, or a higher scope's
        return False
    if _FIVE_YEAR.search(name) and not (measure == "actual" and _ANNUAL_MEAN.search(name)
                                        and not _FIVE_YEAR.search(_ANNUAL_MEAN.sub("", name))):
        return False
    if tasks and (_DESIGNATION.search(name) or _PROJECT_PROGRAMME.search(name) or _TASK_NO_TARGET.search(name)):
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
    return _GDP.sub("地区生产总值", base) if base.startswith("GDP") else base


