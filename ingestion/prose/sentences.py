"""Reading sentences: a sentence is cut into clauses and each value phrase is tied to the indicator named just
before it (or, for a count, the thing named after it), with 分别 / 均 / 其中 deciding how names share values."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..document import CN_NUM, squash
from ..scan import scanner
from .names import (
    _LIST_JOINS,
    _STATISTIC_HEAD,
    _canonical,
    _distribute,
    _growth_name,
    _Head,
    _parse_head,
    _split_items,
    _split_pair,
    _strip_lead,
    _valid_for,
    _valid_name,
    _with_suffix,
)
from .parallel import parallel_owner
from .phrases import _COMP_PRE, _QUAL_POST, _QUALITATIVE_KINDS, _Value, _values
from .scopes import _ENUMERATOR, _TARGET_LEAD, Scope

# After a level value: what may follow it and still close the phrase (`全面完成…430公里建设任务`).
_CLOSER = re.compile(r"^(?:(?:建设)?任务|大关|关口)$")
_LEADING_NOTE = re.compile(r"^[（(][^（）()]*[）)]")  # `820亿元（现价）`
# What may stand between a growth and the level it brings its subject to (`，力争达到`, `，预计突破`)
_REACH_HEAD = re.compile(r"^[，,]?(?:力争|争取|预计|确保|努力|有望)?(?:达到|达|突破|超过|实现)?$")

_NOTE_PAREN = re.compile(r"[（(](?:下同|以下简称[^）)]*|简称[^）)]*|[A-Za-z&]{2,6})[）)]")  # also （GDP）, （CPI）
_FOOTNOTE = re.compile(r"\[footnoteRef:\d+\]")
# Flow verbs that make a count a statistic when the number comes first: `新增5个公共停车场`.
_FLOW_VERB = re.compile(r"^(?:新增|新引进|引进|新培育|培育|新发展|新建|新认定|新设立|新登记|新注册|招引|建成)$")
_OBJECT_TAIL = re.compile(r"(?:落户发展|落户|落地|入驻)$")
_TASK_OBJECT = re.compile(r"(?:建设|改造|治理|整治|编制|更新|调查|评估|审核|工作|项目)$")

# A sentence that counts the plan's own indicators (`32项指标中，完成29项，完成率90.6%`).
_INDICATOR_COUNT = scanner(r"(?<!\d)\d+项[^，,。；;]{0,8}指标|指标[^，,。；;]{0,4}\d+项|指标中|共计\d+项")
_NOTE_LINE = re.compile(r"^(?:备注|注)[：:]")


@dataclass(slots=True)  # slots: this one is made per row, the two below per sentence and per clause
class _Row:
    name: str
    value: _Value
    raw: str
    parent: str | None = None
    attribute: str | None = None
    name_raw: str | None = None


@dataclass(slots=True)
class _SentenceState:
    subjects: list[str] = field(default_factory=list)  # the indicator(s) a bare `增长5.2%` refers to
    last: dict[bool, str] = field(default_factory=dict)  # last name per growthlike-ness, for a following 其中
    parent_next: bool = False  # the previous clause was just `其中`

    def parent_for(self, v: _Value) -> str | None:
        """A 其中 child belongs to the last row of its own kind (a growth under a growth, a level under a level)."""
        return self.last.get(v.growthlike) or self.last.get(not v.growthlike)


@dataclass(slots=True)
class _ClauseReader:
    """Reads the value phrases of one clause in order, tying each to its name.

    A value either closes a phrase named before it (`地区生产总值突破300亿元`), continues one (`、增长8%以上`,
    the second figure of `分别…97%、95%以上`), or comes first and counts the thing after it (`新增5个停车场`).
    """

    clause: str  # without whitespace: cut from a sentence of a line `_scope_rows` squashed (`_read_sentence` and
    # the cleaning before it only delete characters or map full-width digits to ASCII), so no name is squashed again
    scope: Scope
    higher: tuple[str, ...]
    state: _SentenceState
    rows: list[_Row] = field(default_factory=list)
    clause_parent: str | None = None  # set when the previous clause was a bare 其中

    def read(self, values: list[_Value]) -> list[_Row]:
        """`values`: the clause's value phrases (`phrases._values`)."""
        if self.state.parent_next:
            self.clause_parent = self.state.parent_for(values[0]) if values else None
            self.state.parent_next = False
        pos, verb, pending, muted = 0, None, [], False
        for i, v in enumerate(values):
            if v.start < pos:
                continue
            head = self.clause[pos: v.start]
            after = self.clause[v.end: values[i + 1].start if i + 1 < len(values) else len(self.clause)]
            note = _LEADING_NOTE.match(after) if after[:1] in "（(" else None
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
                elif not muted and v.kind not in ("level", "qtask", "qtrend") and self.state.subjects:
                    pending, muted = self._continued(parsed, v, head, values[i + 1:])
                elif not muted and v.kind == "level" and self._reaches_level(head, v):
                    self._emit(self.state.subjects[0], v, head)  # `地区生产总值增长6.5%，力争达到3050亿元`
                continue
            pending, muted = self._named(parsed, v, head, values[i + 1:])
        return self.rows

    def _reaches_level(self, head: str, v: _Value) -> bool:
        """A level with no name of its own right after the growth of one subject, introduced only by a verb of
        reaching (`地区生产总值增长6.5%，力争达到3050亿元`): the level that growth brings the same subject to. A
        share or a rate (`%`) or a level after anything but that subject's growth is no such level."""
        subjects = self.state.subjects
        if len(subjects) != 1 or v.unit in (None, "%", "‰") or not _REACH_HEAD.match(head) or not head.strip("，,"):
            return False
        growth = self.state.last.get(True)
        return growth is not None and growth != subjects[0] and growth.startswith(subjects[0]) \
            and self.state.last.get(False) != subjects[0]

    def _continued(self, parsed: _Head, v: _Value, head: str, rest: list[_Value]) -> tuple[list[str], bool]:
        """A change figure with no name of its own (`、增长8%`, `分别增长5.1%、6.9%`) belongs to the subject(s)
        named just before; an assigned task without a name (`，完成市下达的节能减排目标`) never does: it names its own
        subject, which is no statistic. Returns (names still waiting for a value, muted)."""
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
        piece = _ITEM_JOIN.split(trailer, maxsplit=1)[0]
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
        # positional, and not squashed: the clause is cut from text `_scope_rows` squashed, and nothing after that
        # adds whitespace (`_ClauseReader.clause`)
        self.rows.append(_Row(name, v, v.raw, self.clause_parent, None, head + v.raw + piece))
        self.state.last[False] = name
        return verb, consumed

    def _names(self, parsed: _Head, v: _Value, expect: int = 0) -> list[str] | None:
        """The indicator names a head gives this value, or None when it does not name this year's indicator.
        `expect`: how many figures a 分别 list gives (a pair may be named `城乡居民…` or `城镇和农村居民…`)."""
        if parsed.years - {self.scope.year}:
            return None
        shared = bool(parsed.each or parsed.attribute or v.kind != "level" or v.unit in ("%", "‰"))
        names = _names_of(parsed.name, shared, expect, v.kind in _QUALITATIVE_KINDS, self.scope.measure,
                          self.scope.tasks, self.higher)
        return list(names) if names is not None else None

    def _named(self, parsed: _Head, v: _Value, head: str, rest: list[_Value]) -> tuple[list[str], bool]:
        """Rows for a value with its own name. Returns (names still waiting for a value, muted)."""
        followers = self._followers(v, rest)
        if parsed.name in _RELATIONAL and self.state.subjects:  # `税收收入15.6亿元，占比73.2%`
            parsed = replace(parsed, name=self.state.subjects[-1] + parsed.name)
        elif parsed.name in _MEASURES and head.startswith("、") and self.state.subjects:
            # `粮食播种面积稳定在42万亩以上、产量不低于15.5万吨`: the measure after 、 is of the same subject (粮食产量)
            stem = _MEASURE_END.sub("", self.state.subjects[-1])
            if stem and stem != self.state.subjects[-1]:
                parsed = replace(parsed, name=stem + parsed.name)
        elif head.startswith("、") and self.state.subjects and v.kind in ("level", "growth") \
                and (owned := parallel_owner(parsed.name, self.state.subjects[-1])) is not None:
            parsed = replace(parsed, name=owned)  # `金融机构各项存款余额…、各项贷款余额…`: the same owner's
        names = self._names(parsed, v, followers + 1 if parsed.one_to_one else 0)
        # `城镇…52860元、农村…34120元，分别增长5.1%、6.8%`: a 、-list of named figures keeps all its subjects
        prior = self.state.subjects if head.startswith("、") and v.kind == "level" and self.rows else []
        self.state.subjects = []
        if names is None:
            return [], True
        parent = self.state.parent_for(v) if parsed.under_parent else self.clause_parent
        if parent:  # `其中城镇、农村居民分别增长…` under 居民人均可支配收入: 城镇居民人均可支配收入
            base = _GROWTH_SUFFIX.sub("", parent)
            names = [_with_suffix(n, base) for n in names]
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
        if self.scope.tasks and v.kind == "level" and v.unit is None:  # a bare count in task prose (`入库70`)
            return
        self.rows.append(_Row(name, v, v.raw, parent, attribute, head + v.raw))  # (as in `_number_first`)
        self.state.last[v.growthlike] = name


# The genre names its indicators alike in every report: a name as printed is split and judged once per process.
@lru_cache(maxsize=4096)
def _names_of(name: str, shared: bool, expect: int, qualitative: bool, measure: str, tasks: bool,
              higher: tuple[str, ...]) -> tuple[str, ...] | None:
    """`_ClauseReader._names` for a printed name: `shared`, the value is every listed item's (分别/均, an attribute,
    a change or a rate); `qualitative`, a value without a number, which only a plain statistic takes."""
    if name.startswith(("全市", "我市", "本市")) and "全市" not in higher:  # a city's own scope, like 全区
        name = name[2:]
    items = _split_items(name)
    if expect in (2, 3) and len(items) == 1:
        items = _split_pair(name, expect)
    names = tuple(_canonical(n) for n in (_distribute(items) if len(items) > 1 and shared else ["、".join(items)]))
    if not all(_valid_for(n, measure, tasks, higher) for n in names):
        return None
    if qualitative and not all(_STATISTIC_HEAD.search(n) for n in names):
        return None
    return names


def _spread_qualifier(rows: list[_Row]) -> None:
    """`分别保持97%、95%以上`: a trailing 以上/左右 is read as applying to every figure of the list."""
    if len(rows) < 2:  # most clauses give one row
        return
    for a, b in zip(rows, rows[1:]):
        if b.value.start - a.value.end == 1 and a.value.kind == b.value.kind == "level":
            m = _TRAILING_QUALIFIER.search(b.raw)
            if m and not _OWN_QUALIFIER.search(a.raw):
                a.raw += m.group(0)


_RATIO = scanner(r"(?<![\d.])\d+(?:\.\d+)?(?:[:：∶]\d+(?:\.\d+)?)+")  # 三次产业结构5.2:35.1:59.7: a ratio, not a value
# what `_RATIO` cannot match without, a colon between two digits: led by the colon, so `re` skips to one (`_RATIO`
# is tried at every digit of the text)
_RATIO_HINT = re.compile(r"[:：∶](?<=\d[:：∶])\d")


# What leads a list item or a `——` line: bullets (`- `, `•`, `◆`, Markdown `*`) and item numbers (`（1）`, `①`).
_ITEM_MARK = re.compile(r"^(?:[—–\-*+•●◆◇■□▪▶►·▲△★☆➢➤]+|[（(]\d{1,2}[）)]|[①-⑳])")


_THOUSANDS = scanner(r"(?<=\d),(?=\d{3}(?!\d))")  # `1,234亿元`: a separator inside a number, not a clause break


# Full-width digits (`１８６．２亿元，增长６．１％`) read as the ASCII ones the value patterns and parse_value expect.
_FULL_WIDTH_DIGIT = re.compile(r"[０-９]")
_TO_ASCII = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _clean(text: str) -> str:
    return _clean_squashed(squash(text))


def _clean_squashed(text: str) -> str:
    """`_clean` of a text already squashed (no whitespace)."""
    if "[footnoteRef:" in text:  # what `_FOOTNOTE` cannot match without
        text = _FOOTNOTE.sub("", text)
    if _FULL_WIDTH_DIGIT.search(text):
        text = text.translate(_TO_ASCII)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if "**" in text:  # Markdown bold
        text = text.replace("**", "")
    if "（" in text or "(" in text:  # a note in brackets: most lines have none
        text = _NOTE_PAREN.sub("", text)
    if (":" in text or "：" in text or "∶" in text) and _RATIO_HINT.search(text):  # a ratio has one between digits
        text = _RATIO.sub("", text)
    return _ITEM_MARK.sub("", _ENUMERATOR.sub("", text))


# An item number inside a paragraph: a list of targets run into one paragraph after its announcement
# (`主要预期目标建议为：（1）地区生产总值增长6%；（2）…`, `①…`, `(1)…`, `1.…`, `一是…；二是…`). It opens a sentence or
# the clause after the announcement's colon and is never a figure.
_INLINE_ITEM = re.compile(
    rf"^(?:[（(](?:\d{{1,2}}|[{CN_NUM}]{{1,3}})[）)]|[①-⑳]|\d{{1,2}}[.．、](?!\d)|[{CN_NUM}]{{1,3}}是(?=[\u4e00-\u9fff]))")


# the characters an item number can open with (besides a digit)
_ITEM_FIRST = frozenset("（(" + CN_NUM + "".join(map(chr, range(ord("①"), ord("⑳") + 1))))


def _drop_item_number(s: str) -> str:
    """`s` without the item number that may open it (`_INLINE_ITEM`); most sentences and clauses have none."""
    return _INLINE_ITEM.sub("", s) if s[:1] in _ITEM_FIRST or s[:1].isdecimal() else s


_SENTENCE_END = re.compile(r"[。；;！？!?]")
# `地区生产总值：增长6%左右`: a colon between a name and its value joins them (a colon before a name announces it).
# An item number after the colon (`建议为：1.地区生产总值…`) opens a list, not a value.
_NAME_COLON = scanner(
    r"(?<=[\u4e00-\u9fff）)])[：:](?!\d{1,2}[.．、](?!\d))(?=(?:增长|下降|提高|降低|控制在|达到|不低于|不超过|突破|超过|约)?\d)")
_CLAUSE_END = re.compile(r"[，,：:]")
_ITEM_JOIN = re.compile(r"[、和及与]")
_TRAILING_QUALIFIER = re.compile(rf"{_QUAL_POST}$")
_OWN_QUALIFIER = re.compile(rf"{_QUAL_POST}$|^{_COMP_PRE}")

# A share named without its subject refers to the figure just before it.
_RELATIONAL = ("占比", "比重", "所占比重", "占比重")
# What is measured of one subject (粮食: its 播种面积 and its 产量; 生猪: 存栏 and 出栏): a bare measure after 、 names
# the subject of the measure before it
_MEASURES = ("产量", "总产量", "单产", "播种面积", "种植面积", "面积", "产值", "总产值", "存栏", "出栏", "存栏量", "出栏量")
_MEASURE_END = re.compile("(?:" + "|".join(sorted(_MEASURES, key=len, reverse=True)) + ")$")
_GROWTH_SUFFIX = re.compile(r"(?:增速|下降)$")

# A sentence framed by a multi-year period (`“十四五”时期…目标是：…年均增长6%`, `到2025年，…`): its figures are that
# period's, never this year's targets. (`结合“十四五”规划总体目标，建议全年GDP增长6%左右` is framed by this year.)
_PERIOD_FRAME = scanner(rf"十[{CN_NUM}]五”?(?:时期|期间|末)|(?:今后|未来)五年|五年内|到(20\d\d)年")
_FIRST_NUMBER = scanner(r"(?<![\d.])\d+(?:\.\d+)?(?!\d|\.\d|年)")  # a figure, not a year


def _framed_by_another_period(sentence: str, year: int | None) -> re.Match | None:
    if "五" not in sentence and "到20" not in sentence:  # every frame names 五 (五年, 十四五) or 到 and a year
        return None
    first = _FIRST_NUMBER.search(sentence)
    m = _PERIOD_FRAME.search(sentence, 0, first.start() if first else len(sentence))
    return m if m and not (m.group(1) and year is not None and int(m.group(1)) == year) else None


def _this_years_part(sentence: str, year: int | None) -> str | None:
    """What a sentence says about this year. A sentence framed by another period (`“十四五”时期…年均增长6.5%`) may
    turn to this year within itself, as reports set the year's targets against the five-year plan (`按照“十四五”
    时期…年均增长6.5%左右的总体安排，2024年…主要预期目标是：地区生产总值增长7.5%左右`): only the frame's clauses
    are dropped, from the clause that names this year (or 今年/明年/全年) or the announcement of its targets on. None
    when the whole sentence is the other period's."""
    frame = _framed_by_another_period(sentence, year)
    if frame is None:
        return sentence
    turns = [m.end() for m in (_TARGET_LEAD.search(sentence, frame.end()), _turn(year).search(sentence, frame.end()))
             if m]
    return sentence[min(turns):] if turns else None


@lru_cache(maxsize=64)
def _turn(year: int | None) -> re.Pattern:
    """Where a clause turns to this year (`，2024年…`, `，建议全年…`): at the year's word."""
    this_year = f"(?:{year}年|今年|明年|全年)" if year is not None else "(?:今年|明年|全年)"
    return re.compile(rf"[，,][^，,：:]{{0,8}}?(?={this_year})")


def _read_sentence(sentence: str, scope: Scope, higher: tuple[str, ...], gate: re.Pattern | None) -> list[_Row]:
    """The rows of a sentence that holds a hit of `gate` (`value_gate` of the scope; the caller tests it, as most
    sentences of a task section have none: no digit, no 持平, so they are never cut up). What is done to the sentence
    below only deletes characters (a clause's item number, and a name's colon, which a digit follows), so a clause
    without a hit of the gate holds no value either."""
    if ("指标" in sentence or "共计" in sentence) and _INDICATOR_COUNT.search(sentence):  # each count names one
        return []
    if scope.measure == "target" and ("五" in sentence or "到20" in sentence):  # `_framed_by_another_period`'s test
        sentence = _this_years_part(sentence, scope.year)
        if not sentence:
            return []
    if "：" in sentence or ":" in sentence:
        sentence = _NAME_COLON.sub("", sentence)
    rows: list[_Row] = []
    state: _SentenceState | None = None  # made when a clause needs it: most sentences state no figure
    clauses = _CLAUSE_END.split(sentence)
    if len(clauses) == 1 and "下达" in sentence:
        own = _subject_task(_drop_item_number(sentence), scope)
        if own:
            return [own]
    qualitative = scope.qualitative
    for clause in clauses:
        if gate is not None and "其中" not in clause and not gate.search(clause):  # no value: as `not values` below
            if state is not None:
                state.parent_next = False
            continue
        if clause[:1] in _ITEM_FIRST or clause[:1].isdecimal():  # `_drop_item_number`'s test, inline
            clause = _INLINE_ITEM.sub("", clause)
        if clause.startswith("其中") and _strip_lead(clause) == "":
            state = state or _SentenceState()
            state.parent_next = True
            continue
        values = _values(clause, qualitative)
        if not values:  # most clauses state no figure: nothing to read, and a bare 其中 before one is spent
            if state is not None:
                state.parent_next = False
            continue
        state = state or _SentenceState()
        clause_rows = _ClauseReader(clause, scope, higher, state).read(values)
        if len(clause_rows) > 1:  # most clauses give one row: `_spread_qualifier` has nothing to spread
            _spread_qualifier(clause_rows)
        rows += clause_rows
    return rows




# An assigned task that is a whole target item names its own subject inside it (`（9）完成市下达的节能减排任务`): the
# subject is the indicator. Run into a sentence after another figure (`…以内，完成市下达的节能减排目标`) it names
# none, and a task without a subject (`完成上级下达的目标任务`) neither.
_TASK_SUBJECT = re.compile(r"下达的?(?P<subject>[\u4e00-\u9fff]{2,8}?)(?:目标|任务|指标)+$")


def _subject_task(sentence: str, scope: Scope) -> _Row | None:
    if scope.measure != "target" or "qtask" not in scope.qualitative:
        return None
    values = _values(sentence, scope.qualitative)
    if len(values) != 1 or values[0].kind != "qtask" or values[0].end != len(sentence) \
            or _strip_lead(sentence[: values[0].start]):
        return None
    m = _TASK_SUBJECT.search(values[0].raw)
    if not m or m.group("subject") in ("目标", "任务", "指标"):
        return None
    return _Row(m.group("subject"), values[0], values[0].raw, name_raw=squash(sentence))
