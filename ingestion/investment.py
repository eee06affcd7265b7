"""Key-project investment aggregates: the counts and money a report states about its project programme.

Besides naming projects in lists (projects.py), reports of the genre sum their key-project programme up in
one or two prose paragraphs, under a heading such as 重点项目安排 / 投资项目安排 / 重大项目安排 (plan part)
or 重点项目完成情况 (review part):

    2022年全区拟实施建设项目231个，总投资1872.2亿元，年度计划投资209亿元，其中市级投资项目49个、计划投资31.9亿元；…
    按行业分：产业项目有38个，计划投资27.2亿元，占13%；…
    2021年安排“四重”项目27个，…，竣工8个、在建17个，…，完成投资16.66亿元，计划投资完成率105%。
    分领域看，重大民生工程完成投资5.51亿元，完成年度计划109%，…

Each stated figure becomes one `InvestmentFigure`. The rules come from the genre's vocabulary, not from a
district:

- **Where.** Paragraphs whose section heading names 项目 or 投资 (the innermost heading, or any heading below
  the top level: a top-level `二、…主要指标和项目安排` alone does not pull in its target prose). The year is
  the one printed at the head of the sentence, else the year of the part: the review year under the review
  heading (执行情况/完成情况), the plan year elsewhere.
- **Project sets.** A count `<label>N个` / `N个<label>` whose label ends in 项目/工程 opens a set; the money and
  rates that follow (`总投资…`, `年度计划投资…`, `完成投资…`, `投资完成率…`) belong to it until the next set.
  scope = the label without its lead words (全区, 2022年, 拟实施, 计划安排 …).
- **Splits.** After 其中 / 按投资主体分 the sets are parts of the set before (scope = own label, parent_scope =
  the set split). After 按行业分 / 分领域看 / 以下领域, or for a label naming a 板块/领域, they are kinds of it
  (kind = own label, scope = the set split). A split in a new sentence splits the paragraph's first set.
- **Enumerations.** `其中建设项目185个、前期项目73个，总投资2085亿元`: money after a 、-joined run of sets
  belongs to the set they split, not to the last part.
- **Stages.** A count of a stage word alone (`竣工8个`, `新开工68个项目`, `处于前期工作阶段2个`) is a
  project_count of the sentence's set (全部 when the sentence names none) with `stage` set. 前期项目 is a set of
  its own (preparatory projects are planned as a separate list), its count carries stage = preparatory.
- **Left out.** Sets whose label lists examples (`…等项目28个`): named examples, not an aggregate. Sets with
  neither key-project words (重点/重大/投资项目/建设项目/前期项目) nor any money figure (`签约项目107个`).
  Ratios other than completion rates and shares of an investment figure (`推进顺利率`). `N大项目`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, Heading, heading_level, parse_caption, squash
from .projects import normalize_stage
from .prose import _inside_quotes
from .records import InvestmentFigure
from .scan import scanner
from .vocabulary import REVIEW_PART_WORDS

MEASURES = (
    "project_count",
    "total_investment",
    "annual_planned_investment",
    "completed_investment",
    "investment_completion_rate",
    "investment_share",
)
WHOLE = "全部"  # scope of a figure whose sentence names no project set

# --------------------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------------------

_SECTION_TOPIC = re.compile(r"项目|投资")
_REVIEW_PART = re.compile(REVIEW_PART_WORDS)

# A number that is a value: not part of a code (F02C, 5G), an ordinal (第6) or a longer number.
_NUM = r"(?<![\dA-Za-z.．第])\d+(?:\.\d+)?"
_CMP = r"(?:约|近|超过|超|逾|突破|达到|达|为|高于|不低于|不少于)?"
_MONEY_WORDS = r"总投资|年度计划投资|计划投资|年度投资|年度预计实现投资|预计实现投资|预计投资|完成年度投资|累计完成投资|完成投资"
_FIGURE = scanner(
    rf"(?P<money>(?P<mword>{_MONEY_WORDS})(?P<mval>{_CMP}(?P<mnum>{_NUM})(?P<munit>万亿元|亿元|万元|元)))"
    rf"|(?P<rate>(?P<rword>计划投资完成率|投资完成率|完成年度计划的?)(?P<rval>{_CMP}(?P<rnum>{_NUM})[%％]))"
    rf"|(?P<share>(?P<sword>占比|占)(?P<sval>{_CMP}(?P<snum>{_NUM})[%％]))"
    rf"|(?P<count>(?P<cnum>{_NUM})(?P<cunit>个|项))"
)
_TO_YI = {"万亿元": 1e4, "亿元": 1.0, "万元": 1e-4, "元": 1e-8}

_SEPARATORS = "，,；;：:、（()）"
_NOTE = re.compile(r"[（(][^（）()\d]*[）)]")  # `区政府投资项目（含建桥公司、…）123个`: a note, not a clause
# The label after a count: `29个市级重点项目`, `68个项目`; it ends at the first project noun.
_LABEL_AFTER = re.compile(rf"^[^\d{_SEPARATORS}。]{{0,20}}?(?:项目|工程)")
_SET_NOUN = re.compile(r"(?:项目|工程)$")
_GENERIC_SET = ("", "项目", "工程")
_KEY_SET = re.compile(r"重点|重大|投资项目|建设项目|前期项目")
_KIND_NOUN = re.compile(r"^(.+?(?:板块|领域))")

# Words in front of a label that set time, place or the act of planning, not the set.
_LEAD = re.compile(
    r"^(?:\d{4}年度?|全区|全县|全市|全旗|全年|今年|本年度?|年内|当年|同时|另外|此外|其中|共计|共|合计|总计|累计|将|"
    r"拟实施|拟安排|计划安排|同步安排|统筹实施|组织实施|实施|计划|安排|推进|启动|新储备|储备)"
)
_TRAIL = re.compile(r"(?:共计|共|有|合计|总数|数量|达到|达|为|计)$")

# Progress words: a count under one of them splits a set by stage. 前期 is not among them (see module doc).
_PROGRESS = r"新开工|开工建设|开工|续建|在建|竣工投用|竣工|完工|建成投用|建成|投用"
_STAGE_HEAD = re.compile(rf"^(?:{_PROGRESS})")
_STAGE_TAIL = scanner(rf"(?:已|正在|均)?(?:{_PROGRESS})$")
_STAGE_MARK = re.compile(r"^(?:已|正在|均)")
_ANY_STAGE = re.compile(rf"{_PROGRESS}|前期")

_SCOPE_SPLIT = re.compile(r"其中|按投资主体分|按主体分|分主体|按投资来源分|按资金来源分")
# `部分行业` / `部分领域` are not splits
_KIND_SPLIT = scanner(r"按行业分|(?<!部)分行业|按领域分|(?<!部)分领域看?|按类别分|(?<!部)分类别|按板块分|分板块|以下领域|以下板块|以下行业")
_SENTENCE_STOP = re.compile(r"[。！？!?]")
_YEAR = re.compile(r"(\d{4})年")
_DIGIT = re.compile(r"\d")


# --------------------------------------------------------------------------------------------------------------
# Where: sections about projects or investment, and the year of their part
# --------------------------------------------------------------------------------------------------------------


def heading_title(h: Heading) -> str:
    """The heading up to its first full stop: some layouts print the whole paragraph on the heading line."""
    return h.text.split("。", 1)[0]


def _is_project_section(chain: list[Heading]) -> bool:
    if not chain:
        return False
    return bool(_SECTION_TOPIC.search(heading_title(chain[-1]))) or any(
        _SECTION_TOPIC.search(heading_title(h)) for h in chain if h.level >= 2)


def part_year(doc: Document, chain: list[Heading]) -> int | None:
    """Review year under the review part's top heading, plan year under any other; a plan-only report has
    only its plan year. Text before any top-level heading of a review report has no part year."""
    meta = doc.meta
    if meta.review_year is None:
        return meta.plan_year
    top = chain[0] if chain and chain[0].level == 1 else None
    if top is None:
        return None
    title = heading_title(top)
    if _REVIEW_PART.search(title) or (str(meta.review_year) in title and str(meta.plan_year) not in title):
        return meta.review_year
    return meta.plan_year


# --------------------------------------------------------------------------------------------------------------
# Reading one paragraph
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Set:
    """A project set the paragraph talks about, and the figures stated for it."""

    scope: str
    kind: str | None = None
    parent_scope: str | None = None
    parent: _Set | None = None
    listed: bool = False  # the label lists examples (`A、B等项目`)
    key: bool = False  # key-project words, or the implicit whole

    def split_target(self) -> _Set:
        """The set a split hangs on: a kind is split further as the set it is a kind of."""
        return self.parent if self.kind is not None and self.parent is not None else self


@dataclass
class _Figure:
    owner: _Set
    measure: str
    measure_raw: str | None
    value_raw: str
    value_num: float
    unit: str
    year: int | None
    stage: str | None = None


@dataclass
class _State:
    """Reading position inside one sentence."""

    current: _Set | None = None
    mode: str | None = None  # scope | kind: how the sets after a split marker relate to `parent`
    parent: _Set | None = None
    last: _Figure | None = None
    enumeration: bool = False  # the last two sets were joined by 、 (parts listed one after another)
    last_was_set_count: bool = False


def _strip_lead(s: str) -> str:
    """`strip_leading(_LEAD, s)`: `_LEAD` is anchored and never matches empty, so each match is cut off the front."""
    m = _LEAD.match(s)
    while m:
        s = s[m.end():]
        m = _LEAD.match(s)
    return s


# The genre words its project sets alike (`全年竣工投用项目`, `市级重点项目`): a label as printed is read once per process.
@lru_cache(maxsize=4096)
def _parse_label(text: str) -> tuple[str, str | None]:
    """(set label, progress word) of the words in front of a figure: `全年竣工投用项目` → (项目, 竣工投用),
    `全区“十四五”规划布局的重大项目已开工建设` → (“十四五”规划布局的重大项目, 开工建设)."""
    s = _TRAIL.sub("", _strip_lead(text))
    stage = None
    m = _STAGE_TAIL.search(s)
    if m:
        stage, s = _STAGE_MARK.sub("", m.group(0)), s[: m.start()]
    else:
        m = _STAGE_HEAD.match(s)
        if m:
            stage, s = m.group(0), s[m.end():]
    return _TRAIL.sub("", _strip_lead(s)), stage


_SEPARATOR = re.compile("[" + re.escape(_SEPARATORS) + "]")


def _last_clause(pre: str) -> tuple[str, str | None]:
    """Text after the last separator, and that separator (None when the figure follows the previous one)."""
    # the first separator of the text backwards: one C scan that stops at the last separator, where an `rfind` per
    # separator scanned the whole text for each one it lacks
    m = _SEPARATOR.search(pre[::-1])
    if m:
        i = len(pre) - 1 - m.start()
        return pre[i + 1:], pre[i]
    return pre, None


def _split_marker(pre: str, st: _State, top: _Set | None) -> str:
    """Apply the last split marker in `pre` (其中 / 按行业分 …) and return the text after it."""
    # every alternative of the two split patterns holds one of these words: a clause without them splits nothing
    if "其中" not in pre and "分" not in pre and "以下" not in pre:
        return pre  # most clauses: no marker, no regex
    found = None
    for pat, mode in ((_SCOPE_SPLIT, "scope"), (_KIND_SPLIT, "kind")):
        for m in pat.finditer(pre):
            if found is None or m.start() > found[0].start():
                found = (m, mode)
    if found is None:
        return pre
    m, mode = found
    st.mode = mode
    st.parent = st.current.split_target() if st.current is not None and st.current.scope != WHOLE else top
    st.enumeration = st.last_was_set_count = False
    return pre[m.end():].lstrip(_SEPARATORS)


def _new_set(label: str, st: _State) -> _Set:
    """A set named in the text, placed under the split in force (if any)."""
    listed = "等" in label
    kind = _KIND_NOUN.match(label)
    if (st.mode == "kind" or kind) and st.parent is not None:
        return _Set(st.parent.scope, kind.group(1) if kind else label, st.parent.parent_scope, st.parent,
                    listed=listed, key=st.parent.key)
    if st.mode == "scope" and st.parent is not None:
        return _Set(label, None, st.parent.scope, st.parent, listed=listed, key=bool(_KEY_SET.search(label)))
    return _Set(label, listed=listed, key=bool(_KEY_SET.search(label)))


def _sentence_year(sentence: str, end: int, default: int | None) -> int | None:
    """The first year printed before the sentence's first figure (not inside a quoted name), else `default`."""
    quoted = None  # made for the first year found, and only when the sentence quotes something
    for m in _YEAR.finditer(sentence[:end]):
        if quoted is None:
            quoted = _inside_quotes(sentence) if "“" in sentence or "《" in sentence else ()
        if not (quoted and quoted[m.start()]) and 1990 <= int(m.group(1)) <= 2100:
            return int(m.group(1))
    return default


class _ParagraphReader:
    """Reads the figures of one paragraph in order, keeping track of the set each one is stated for."""

    def __init__(self, year: int | None):
        self.year = year
        self.figures: list[_Figure] = []
        self.top: _Set | None = None  # the paragraph's first set: what a split in a later sentence splits

    def read(self, text: str) -> list[_Figure]:
        for sentence in _SENTENCE_STOP.split(_NOTE.sub("", squash(text))):
            self._sentence(sentence)
        # a set counts when it is not a list of examples and is a key-project set or has money stated for it
        with_amounts = {id(f.owner) for f in self.figures if f.measure != "project_count"}
        return [f for f in self.figures if not f.owner.listed and (f.owner.key or id(f.owner) in with_amounts)]

    def _sentence(self, sentence: str) -> None:
        if not _DIGIT.search(sentence):  # every figure holds a number
            return
        if "“" in sentence or "《" in sentence:  # what `_inside_quotes` looks for: most sentences quote nothing
            quoted = _inside_quotes(sentence)
            matches = [m for m in _FIGURE.finditer(sentence) if not quoted[m.start()]]
        else:
            matches = list(_FIGURE.finditer(sentence))
        if not matches:
            return
        self.year = _sentence_year(sentence, matches[0].start(), self.year)
        st = _State()
        last_end = 0
        for m in matches:
            if m.start() < last_end:
                continue  # inside a label already read
            pre = _split_marker(sentence[last_end:m.start()], st, self.top)
            clause, sep = _last_clause(pre)
            last_end = m.end()
            if m.group("count"):
                after = _LABEL_AFTER.match(sentence[m.end():])
                last_end += len(after.group(0)) if after else 0
                fig = self._count(m, clause, sep, after.group(0) if after else None, st)
            else:
                fig = self._amount(m, clause, st)
            if fig is not None:
                self.figures.append(fig)
                st.last = fig

    def _open(self, label: str, st: _State) -> _Set:
        new = _new_set(label, st)
        st.current = new
        if self.top is None and new.parent is None:
            self.top = new
        return new

    def _count(self, m: re.Match, clause: str, sep: str | None, label_after: str | None, st: _State) -> _Figure | None:
        """`市级投资项目49个` / `29个市级重点项目` open a set; `竣工8个` counts part of the current one."""
        if label_after:
            qualifier, stage = _parse_label(clause)
            label = (qualifier if len(qualifier) <= 16 else "") + label_after
        else:
            label, stage = _parse_label(clause)
        value = (m.group("count"), float(m.group("cnum")), m.group("cunit"))
        if label in _GENERIC_SET or not _SET_NOUN.search(label) and not _KIND_NOUN.match(label):
            st.last_was_set_count = False
            inner = _ANY_STAGE.search(label)
            stage = stage or (inner.group(0) if inner else None)
            if stage is None:
                return None  # `有27个推进顺利`, `其余15个…`: not a set, not a stage
            if st.current is None:
                st.current = _Set(WHOLE, key=True)
            return _Figure(st.current, "project_count", None, *value, self.year, normalize_stage(stage))
        st.enumeration = st.last_was_set_count and sep == "、"
        st.last_was_set_count = True
        new = self._open(label, st)
        stage = stage or ("前期" if "前期" in label else None)
        return _Figure(new, "project_count", None, *value, self.year, normalize_stage(stage) if stage else None)

    def _amount(self, m: re.Match, clause: str, st: _State) -> _Figure | None:
        """Money, a completion rate or a share: stated for the set named right before it, else the current set
        (after an enumeration of parts: the set they split)."""
        label, _ = _parse_label(clause)
        if label:
            if st.mode != "kind" and not _SET_NOUN.search(label) and not _KIND_NOUN.match(label):
                st.current = None  # money of something that is not a project set (`新增产能…`)
                st.last_was_set_count = st.enumeration = False
                return None
            self._open(label, st)  # `重大民生工程完成投资5.51亿元`
        elif st.enumeration:
            st.current = st.parent if st.mode else None
        st.enumeration = st.last_was_set_count = False
        owner = st.current
        if owner is None:
            return None
        if m.group("money"):
            word = m.group("mword")
            measure = ("total_investment" if word == "总投资" else
                       "completed_investment" if "完成" in word else "annual_planned_investment")
            return _Figure(owner, measure, word, m.group("mval"), float(m.group("mnum")), m.group("munit"), self.year)
        if m.group("rate"):
            return _Figure(owner, "investment_completion_rate", m.group("rword"), m.group("rval"),
                           float(m.group("rnum")), "%", self.year)
        # a share only means something right after an investment figure of the same set
        if st.last is None or st.last.owner is not owner or st.last.unit not in _TO_YI:
            return None
        return _Figure(owner, "investment_share", m.group("sword"), m.group("sval"), float(m.group("snum")), "%", self.year)


def read_paragraph(text: str, year: int | None) -> list[_Figure]:
    """Every investment figure of one paragraph, each tied to the project set it is stated for; `year` is the
    year of the part the paragraph sits in (a year printed at the head of a sentence overrides it)."""
    return _ParagraphReader(year).read(text)


# --------------------------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------------------------


def value_in_yi(value_num: float, unit: str) -> float | None:
    """Money in 亿元 (万元 / 10000 …); None for counts and rates."""
    factor = _TO_YI.get(unit)
    return None if factor is None else round(value_num * factor, 8)


def _project_sections(doc: Document) -> list[tuple[int, int, str, int | None]]:
    """(first line, last line, title, part year) of each section (a heading's lines up to the next heading) that is
    about projects or investment: the only lines the paragraph reader is given. Worked out once per heading."""
    headings = doc.headings
    heading_lines = [h.line for h in headings]
    topical = {id(h): bool(_SECTION_TOPIC.search(heading_title(h))) for h in headings}  # once a heading
    out = []
    for k, first in enumerate(heading_lines):
        chain = doc.heading_chain(first)
        # `_is_project_section(chain)`, each heading's words read once
        if topical[id(chain[-1])] or any(topical[id(h)] for h in chain if h.level >= 2):
            last = heading_lines[k + 1] - 1 if k + 1 < len(heading_lines) else doc.n_lines
            out.append((first, last, heading_title(chain[-1]), part_year(doc, chain)))
    return out


CELL_WRAP_MAX = 40  # `Document.line_blocks`: a wrapped cell line inside a run of cells is at most this long


def _wrapped_cell(lines: list[str], i: int) -> bool:
    """Line `i` (0-based, neither blank nor a cell) is the wrapped part of a cell inside a run of table cells, as
    `Document.line_blocks` reads it: short, no heading or caption, a cell or a blank line right after it, and the
    run going on above it (the nearest line above with text is a cell, or such a wrapped line itself). Asked only for
    the lines of project sections, so the blocks of the whole report need not be built."""
    while True:
        line = lines[i]
        if i + 1 >= len(lines) or not (lines[i + 1][:1] == "\t" or not lines[i + 1].strip()) \
                or len(line.strip()) > CELL_WRAP_MAX or heading_level(line) is not None or parse_caption(line) is not None:
            return False
        i -= 1
        while i >= 0 and (not lines[i] or lines[i].isspace()):
            i -= 1
        if i < 0:
            return False
        if lines[i][:1] == "\t":
            return True


def _text_lines(doc: Document, first: int, last: int):
    """The heading and paragraph lines among `first`..`last` (what `Document.line_blocks` gives as such blocks:
    not blank, not a table cell or a cell's wrapped line, not a caption)."""
    lines = doc.lines
    for no in range(first, last + 1):
        line = lines[no - 1]
        if not line or line.isspace() or line[:1] == "\t" or parse_caption(line):
            continue
        if len(line.strip()) <= CELL_WRAP_MAX and _wrapped_cell(lines, no - 1):
            continue
        yield no, line


def extract_investments(doc: Document) -> list[InvestmentFigure]:
    out: list[InvestmentFigure] = []
    for first, last, title, year in _project_sections(doc):
        for no, line in _text_lines(doc, first, last):
            for f in read_paragraph(line, year):
                out.append(InvestmentFigure(
                    section_heading=title,
                    period_year=f.year,
                    scope=f.owner.scope,
                    kind=f.owner.kind,
                    measure=f.measure,
                    value_raw=f.value_raw,
                    value_num=f.value_num,
                    unit=f.unit,
                    value_yi=value_in_yi(f.value_num, f.unit),
                    source_line=no,
                    parent_scope=f.owner.parent_scope,
                    stage=f.stage,
                    measure_raw=f.measure_raw,
                ))
    return out
