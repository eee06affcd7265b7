"""Reports without any project list: projects named in the task prose.

Only used when a report has no list or project table at all (the gold then lists names from its 重点任务 prose,
list_title `prose:<heading>`).
"""
from __future__ import annotations

import re

from ..document import Document, is_cell_line, squash
from ..records import ProjectItem
from ..scan import first_characters, scanner
from .finding import list_year
from .included import counted_stage, included_names, labelled, sizes_them
from .names import (
    _ENDS_WITH_HEAD,
    _HEAD,
    _PHASE,
    HEAD_NOUNS,
    HEAD_START,
    find_outside_brackets,
    split_names,
    split_two_levels,
)
from .stages import normalize_stage

# Verbs that give a stage to the names they govern, and verbs that govern projects without a stage.
_STAGE_VERBS = (
    "开工建设", "早日开工", "尽早开工", "新开工", "启动建设", "新建", "开工", "持续推进", "加快推进", "加快建设",
    "推进", "续建", "建成投用", "建成", "完成", "投用", "投产", "竣工", "完工", "加快",
)
_PLAIN_VERBS = ("推动", "支持", "打造", "实施", "争取", "力促", "助推", "实现", "做好", "抓好", "以")
_STAGE_VERB_SET = frozenset(_STAGE_VERBS)
_ADVERBS = r"(?:[一二三四五六七八九十]是|全力|积极|大力|继续|力争|确保|尽早|尽快|切实|扎实|着力|重点|同步|提速|初步|基本|全面|努力|加速)*"
_PROSE_VERB = re.compile(
    rf"^{_ADVERBS}(?P<verb>{'|'.join(sorted(_STAGE_VERBS + _PLAIN_VERBS, key=len, reverse=True))})"
    rf"(?P<verb2>{'|'.join(sorted(_PLAIN_VERBS + _STAGE_VERBS, key=len, reverse=True))})?"
)
# the characters a match of `_PROSE_VERB` can open with (read off the pattern, so they cannot drift from it)
_VERB_LEAD = re.compile(first_characters(_PROSE_VERB.pattern) or "")
# Words after the names that say what happens to them; the stage-bearing ones override the verb.
_TAIL_STAGES = ("前期工作", "在建项目", "早日开工", "尽早开工", "开工建设", "启动建设", "加快建设", "建成投用", "投产", "开园", "建成", "投用", "开工")
_WORKS_TAILS = (
    "建设", "进度", "提标改造", "升级改造", "改造", "改扩建", "扩建", "提档升级", "提质升级", "技改扩能", "见效", "为重点", "落地",
)
_TIME_ADVERBS = ("尽早", "早日", "尽快", "年内", "力争", "确保", "按期")
_TIME_ADVERB = re.compile(rf"^(?:{'|'.join(_TIME_ADVERBS)})")
_ANY_TIME_ADVERB = re.compile("|".join(_TIME_ADVERBS))  # `any(word in text for word in _TIME_ADVERBS)`, in one scan
# Names that are programmes, campaigns or generic types rather than one named project.
_GENERIC_START = re.compile(
    r"^(?:[“\"《]|国际|区域性|全国|一批|各类|各|全区|全市|重点|重大|大型|新上|在建|相关|有关|其他|更多|部分|政府投资|社会投资|招商|帮扶|前期|企业|公立|公共|"
    r"基础设施|民间|农村|城市|城乡|社区|乡村|智慧|智能|\d+(?:\.\d+)?万?[只头亩吨个家座所条户]|"
    r"融入|对接|参与|服务|深化|提升|完善|加强|集镇)"  # a verb, or a kind of place, opens no name
)
_GENERIC_PART = scanner(r"的|[\d一二三四五六七八九十百]+(?:大|项|个|批|条|座|所)|发展|安全|放心|试点|创建|工作|体系|机制|集群|技术改造|示范区|行动|计划")


_TYPE_OF_WORK = re.compile(r"(?:项目|工程)$")
_PLACE = re.compile(r"(?:镇|乡|街道|村|区|县)$")
_KIND_QUALIFIER = re.compile(r"^(?:一批|重点|重大|在建)")
_KIND_OR_AREA = re.compile(r"\d|[一二三四五六七八九十百千]大")
_NOT_NAMES = re.compile(r"^(?:一批|各类|\d)")
_HEADING_STOP = re.compile(r"[，,。]")
_REVIEW_WORDS = re.compile(r"执行|完成|回顾")


def _is_generic(name: str) -> bool:
    """A generic type (`社区卫生服务中心`), a counted set (`七大工程`) or a programme (`…发展工程`)."""
    if _GENERIC_START.match(name) or _GENERIC_PART.search(name):
        return True
    if len(name) < 7 and _TYPE_OF_WORK.search(name):
        return True  # `安居工程`, `人才公寓项目`: a type of work, not a named one
    return False


_ALL_TAILS = _TAIL_STAGES + _WORKS_TAILS


def _strip_tails(obj: str) -> tuple[str, str | None]:
    """Remove the works words after the names; return the names part and any stage word found there."""
    stage = None
    changed = True
    while changed and obj:
        if not obj.endswith(_ALL_TAILS):
            break  # one C call for the common case: no tail at all
        changed = False
        for tail in _ALL_TAILS:
            if obj.endswith(tail):
                if tail in _TAIL_STAGES and stage is None:
                    stage = tail
                obj = obj[: -len(tail)]
                changed = True
                break
    return obj, stage


def _split_prose_names(text: str) -> list[str]:
    """Split on 、 and on 和 between two named facilities; a bare place (`洛碛镇`) takes the head of the
    last name (`统景镇污水处理厂`), so `洛碛镇、统景镇污水处理厂` gives two plants."""
    pieces: list[str] = []
    for part in split_names(text):
        left, sep, right = part.partition("和")
        if sep and _ENDS_WITH_HEAD.search(left) and right:
            pieces.extend([left, right])
        else:
            pieces.append(part)
    if len(pieces) > 1:
        last = pieces[-1]
        for i, p in enumerate(pieces[:-1]):
            m = _PLACE.search(p)
            if m and not _ENDS_WITH_HEAD.search(p) and m.group(0) in last:
                pieces[i] = p + last[last.index(m.group(0)) + len(m.group(0)):]
    return pieces


def _listed_with_deng(obj: str) -> tuple[list[str], str | None] | None:
    """`A、B等(一批)?<kind>(项目)?<works>`: the names before 等, when what follows 等 is a project kind."""
    i = find_outside_brackets(obj, "等")
    if i <= 0:
        return None
    names_part, after = obj[:i], obj[i + 1:]
    desc, tail_stage = _strip_tails(after)
    if "在建项目" in after:
        tail_stage = "在建项目"
    desc = _KIND_QUALIFIER.sub("", desc)
    if "的" in desc or _KIND_OR_AREA.search(desc):
        return None  # `等生态地位重要的区域…`, `等8大片区…`, `等“五大”…产业`: kinds or areas, not projects
    if not (desc == "" or desc.endswith("项目") or _ENDS_WITH_HEAD.search(desc)):
        return None
    if not ("项目" in after or tail_stage or after.endswith("建设")):
        return None
    if _NOT_NAMES.match(names_part):
        return None
    return _split_prose_names(names_part), tail_stage


SHARED_HEAD_MODIFIER = 4  # `供水`, `城乡供水`: a word this short beside a head noun qualifies it, names nothing


def _shares_its_head(names: list[str]) -> bool:
    """`城乡供水、供气、供热管网`: short words before one that is only such a word and a head noun; the head is
    shared (供水管网, 供气管网, 供热管网), so the enumeration lists kinds of works, not named projects."""
    m = _ENDS_WITH_HEAD.search(names[-1])
    return m is not None and len(names[-1]) - len(m.group(0)) <= SHARED_HEAD_MODIFIER \
        and all(len(n) <= SHARED_HEAD_MODIFIER for n in names[:-1])


_HEAD_NOUN = re.compile(rf"{HEAD_START}(?:{_HEAD}){_PHASE}")
# How a match of `_HEAD_NOUN` can end: its head noun, or a phase after it (`…期`, a bracket, `项目`).
_NAME_ENDINGS = (*HEAD_NOUNS, "期", "）", ")")
_COUNTED_PROJECTS = re.compile(r"[\d一二三四五六七八九十]+个[^、]{0,6}项目$")


def _named_facilities(obj: str) -> tuple[list[str], str | None, bool] | None:
    """`<name with a project head noun>[works]`; the text after the name may only be works or a time
    adverb (`渝邻快速通道尽早解决…`). Returns names, tail stage, and whether a works word followed."""
    core, tail_stage = _strip_tails(obj)
    if not core.endswith(_NAME_ENDINGS) and not _ANY_TIME_ADVERB.search(core):
        return None  # no head noun (or its phase) can end the core, and no time adverb can follow one
    had_tail = core != obj
    ends = [m.end() for m in _HEAD_NOUN.finditer(core)]
    for end in reversed(ends):
        rest = core[end:]
        if rest == "" or _TIME_ADVERB.match(rest):
            names = _split_prose_names(_COUNTED_PROJECTS.sub("", core[:end]))
            headed = [n for n in names if _ENDS_WITH_HEAD.search(n)]
            if len(names) > 1 and headed == names[-1:] and _shares_its_head(names):
                return None  # `城乡供水、供气、供热管网`: kinds of works sharing the last one's head, no named project
            if 2 * len(headed) < len(names):
                names = headed  # mostly not facilities: keep only the ones that are
            return (names, tail_stage, had_tail) if names else None
    return None


_LABELLED = re.compile(r"[：:]")  # `项目：A` is a list label read as prose, never a name


def _opening_verb(clause: str) -> re.Match | None:
    return _PROSE_VERB.match(clause) if _VERB_LEAD.match(clause) else None  # most clauses: one class test


def _clause_mentions(clause: str, m: re.Match | None = None) -> tuple[list[str], str | None] | None:
    """Project names one clause governs by its opening verb (`m`: `_opening_verb(clause)`, when the caller has
    it), with the printed stage words."""
    if m is None:
        m = _opening_verb(clause)
    if not m:
        return None
    verb, verb2 = m.group("verb"), m.group("verb2")
    obj = clause[m.end():]
    # the second verb's stage first (`加快推进`), else the first's
    stage_verb = verb2 if verb2 is not None and verb2 in _STAGE_VERB_SET else verb if verb in _STAGE_VERB_SET else None
    if "等" in obj and find_outside_brackets(obj, "等") > 0:
        listed = _listed_with_deng(obj)
        if not listed:
            return None  # an enumeration of kinds or areas (`一批城市干道、断头路等`), not of projects
        names, tail_stage = listed
    else:
        found = _named_facilities(obj)
        if not found:
            return None
        names, tail_stage, had_tail = found
        if stage_verb is None and not (had_tail or tail_stage):
            return None  # `推动X` with no works named: support for something, not a project
    names = [n for n in names if n and not _is_generic(n) and not _LABELLED.search(n)]
    if not names:
        return None
    if tail_stage:
        return names, tail_stage
    if stage_verb == "加快" and obj.endswith("建设"):
        return names, "加快"
    return names, stage_verb


def _heading_title(text: str) -> str:
    """`(一)坚决打好“三大攻坚战”,确保…` → `(一)坚决打好“三大攻坚战”`: the heading up to its first comma."""
    return _HEADING_STOP.split(text, maxsplit=1)[0]


_TASK_PART = re.compile(r"任务|措施|重点工作|工作安排|举措")
_REVIEW_PART = re.compile(r"情况|回顾|成效|成绩")


def _task_lines(doc: Document) -> range:
    """Lines of the task part (重点任务 / 主要措施 / 重点工作) of the plan; the whole report when no such part.

    A top heading (一、…, or 第一部分 …) that reviews the past year (`二、重点工作推进情况`) is not the task part,
    nor is anything inside the review part.
    """
    tops = [h for h in doc.headings if h.level <= 1]
    review_end = 0
    for k, h in enumerate(tops):
        if h.line < review_end:
            continue
        if _REVIEW_PART.search(h.text) and _REVIEW_WORDS.search(h.text):
            review_end = next((o.line for o in tops[k + 1:] if o.level <= h.level), doc.n_lines + 1)
            continue
        if _TASK_PART.search(h.text) and not _REVIEW_PART.search(h.text):
            end = next((o.line for o in tops[k + 1:] if o.level <= h.level), doc.n_lines + 1)
            return range(h.line, end)
    return range(1, doc.n_lines + 1)


_COUNT_ENDINGS = ("个", "）", ")")  # how a clause `counted_stage` reads ends


def _passes_over(clause: str, verb: re.Match | None) -> bool:
    """A clause (with no counted stage before it, `verb` its `_opening_verb`) the loop of `prose_projects` passes
    over at once: no colon (`labelled`), no count at its end (`counted_stage`) and no opening verb (`_clause_mentions`;
    a `_STAGE_CLAUSE` opens with one too, its adverbs and stage words being `_PROSE_VERB`'s). It names nothing and
    only ends the run of items a stage clause after it could set."""
    return verb is None and not clause.endswith(_COUNT_ENDINGS) and "：" not in clause and ":" not in clause


_LEADING_ADVERBS = re.compile(rf"^{_ADVERBS}")
_STAGE_CLAUSE = re.compile(rf"^{_ADVERBS}(?:早日开工|尽早开工|尽快开工|开工建设|开工|建成投用|建成|投产|投用)$")


def prose_projects(doc: Document) -> list[ProjectItem]:
    """Projects named in task prose, for a report without any list (list_title `prose:<heading>`).

    A clause contributes names when it opens with a project verb and either lists names before
    `等…项目` or names a facility with a project head noun. A following clause that is only a stage
    phrase (`…，早日开工`) sets the stage of the clause before it.
    """
    out: list[ProjectItem] = []
    years: dict[int, int | None] = {}  # the year of each section (`list_year` reads it off the heading chain)
    titles: dict[int, str] = {}  # and its title
    for no in _task_lines(doc):
        line = doc.line(no)
        flat = squash(line)
        if not flat or is_cell_line(line):
            continue
        section = doc.section(no)
        key = section.line if section else 0
        if key not in years:
            years[key] = list_year(doc, "", no)  # the same for every line of the section: its chain is the same
            if section:
                titles[key] = "prose:" + _heading_title(section.text)
        year = years[key]
        title = titles[key] if section else "prose:" + _heading_title(flat)
        for clauses in split_two_levels(flat, "。；;！", "，,"):  # the sentences, and the clauses of each
            previous: list[ProjectItem] = []
            counted: str | None = None  # the stage a clause before counted (`新开工项目24个`), for `主要包括A、B等`
            for clause in clauses:
                # `_opening_verb` and `_passes_over`, written out: this runs on every clause of the task part
                verb = _PROSE_VERB.match(clause) if _VERB_LEAD.match(clause) else None
                if counted is None and verb is None and not clause.endswith(_COUNT_ENDINGS) and "：" not in clause \
                        and ":" not in clause:
                    previous = []  # most clauses: no label, no count, no verb
                    continue
                pair = labelled(clause) if "：" in clause or ":" in clause else None  # `续建项目30个：A、B等`
                if pair is not None:
                    counted, listed = pair
                else:
                    listed = included_names(clause) if counted else None
                if listed:
                    previous = []
                    for name in _split_prose_names(listed):
                        if name and not _is_generic(name):
                            item = ProjectItem(title, year, name, normalize_stage(counted), no, None, counted)
                            out.append(item)
                            previous.append(item)
                    counted = None
                    continue
                if counted and sizes_them(clause):
                    continue  # `新开工项目24个，总投资86亿元，主要包括…`: the names still follow
                counted = counted_stage(clause)
                if counted:
                    continue
                if previous and verb is not None and _STAGE_CLAUSE.match(clause):
                    raw = _LEADING_ADVERBS.sub("", clause)
                    for item in previous:
                        item.stage_raw, item.stage = raw, normalize_stage(raw)
                    continue
                found = _clause_mentions(clause, verb) if verb is not None else None
                previous = []
                if not found:
                    continue
                names, raw = found
                for name in names:
                    item = ProjectItem(title, year, name, normalize_stage(raw), no, None, raw)
                    out.append(item)
                    previous.append(item)
    return out
