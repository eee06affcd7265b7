"""Project lists: every project a report names in its project lists (专栏), with the stage it is at.

Reports of this genre list projects in boxed lists (专栏N：…) between the task paragraphs. A box whose body
is table cells is an indicator table and is left to tables.py; any other box is read as a project list.
Inside a list the layouts are few and come from the genre, not from one district:

- per-stage lines            `开工重点项目：A、B…` / `竣工重点项目：…`
- category lines             `新兴产业项目：A、B`, with stages nested inside: `道路交通：新开工项目：A；竣工项目：B`
- group sub-headings         `政府投资类项目完成38个：` on a line of its own, categories below it
- verb-governed sentences    `新开工A、B等项目。续建C项目。加快D等项目前期工作。`
- `name：result` items        (民心工程) one per line, the stage read from the result text
- plain enumerations         `A、B、C。` whose stage (if any) comes from the list title (`2022年新建…项目`)

The stage is what the list says happened (review lists) or is planned (plan lists); no stage word means
`planned`. A report with no project list at all has its projects mined from its task prose instead, see
`prose_projects`. Names are copied as printed (whitespace removed): see `split_names` for the splitting rules.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .document import Document, box_caption, heading_level, is_cell_line, parse_caption, squash
from .records import ProjectItem
from .tables import Cell, Row, find_text_tables

# ---------------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------------

OPEN_BRACKETS = "（(【[《〈“‘「『"
CLOSE_BRACKETS = "）)】]》〉”’」』"
CN_DIGITS = "一二三四五六七八九十"
ITEM_SEPARATORS = "、，,；;"
CLAUSE_SEPARATORS = "，,；;。"

# A stage word inside a label such as `开工重点项目`, `新开工项目`, `社会投资类项目完成9个`.
_LABEL_STAGE = re.compile(r"新开工|开工|续建|在建|竣工|完工|建成|完成|投用|前期|新建")
# A label made of a stage word and nothing but filler: `开工重点项目`, `竣工项目`, `新开工`.
_STAGE_LABEL = (r"(?:计划|拟|年内|力争|确保)?(?:新开工|开工|续建|在建|竣工|完工|建成|完成|投用|前期|新建)(?:重点|重大)?(?:建设)?"
                r"(?:项目|工程)?")
# A count printed with a label: `新开工项目（6个）`, `产业发展类（12个）`, `续建项目15个`, `（共8项）`.
_LABEL_COUNT = re.compile(r"(?:[（(]\s*(?:共|计)?[\d一二三四五六七八九十百]+\s*[个项处][）)]|(?:共|计)?\d+[个项])$")
# An outline number in front of a label inside a list: `（一）新开工项目：…`, `一、交通项目`.
_LABEL_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
# A line that is only a group label inside a list (`（一）新开工项目（20个）`, `二、交通类项目：`).
_GROUP_LABEL = re.compile(r"^.{0,14}(?:项目|工程|类)[：:]?$")
_NESTED_STAGE_LABEL = re.compile(rf"({_STAGE_LABEL})[：:]")
# A verb that opens a sentence of a list (`新开工A、B等项目。`) and gives the stage of what follows.
_LIST_VERB = re.compile(
    r"^(?:(?:大力|加快|积极|全力|加速|持续)?推进|新开工|开工建设|开工|续建|完工|竣工|建成投用|建成|投用|完成|加快建设|加快)"
)
# Words that open the result text of a `name：result` item (民心工程): it reports or plans work, not names.
_RESULT_OPENERS = re.compile(
    r"^(?:完成|建成|新建|新增|开通|安装|改造|建设|对|因|目前|已|综合|总建筑|建筑面积|占地|购置|实施|提升|包括|主要|"
    r"项目总投资|计划总投资|总投资|计划投资|年度计划|投资|用地|规划|设计|全长|长约|长度|规模|年产|年处理|日处理|日供水|拟)"
)
# A stage verb in a result text, earliest one wins: `完成主体工程施工`, `目前已开工建设`.
_RESULT_STAGE = re.compile(r"已?开工建设|已?开工|建成投用|竣工投用|建成|完成|竣工|完工|投用|投产|开通|续建|新建")
# Stage words a list title can carry for all its items (`2022年新建工业产业重点项目`).
_TITLE_STAGE = re.compile(r"新开工|新建|续建|在建|竣工|完工|建成|完成|前期")
_YEAR = re.compile(r"(\d{4})年")
_LIST_TITLE_WORDS = re.compile(r"项目|工程|实事|民心")
_NOTE_LABELS = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)[：:]")

# Nouns a named construction project ends with (a named facility, not a programme or a zone).
_HEAD_NOUNS = (
    "污水处理厂", "产业园", "航站楼", "快速路", "快速通道", "综合体", "商业体", "示范带", "旅游区", "安置房",
    "幼儿园", "体育馆", "图书馆", "博物馆", "科技馆", "文化馆", "纪念馆", "展览馆", "中心", "医院", "学校",
    "中学", "小学", "学院", "公园", "步道", "绿道", "大桥", "桥", "隧道", "道路", "大道", "公路", "高速",
    "铁路", "轨道", "环线", "通道", "码头", "跑道", "水库", "水厂", "基地", "楼宇", "广场", "家园", "小区",
    "管网", "电站", "酒店", "场所", "平台", "项目", "工程", "园", "生产线", "连接线", "索道", "景区", "段",
)
_HEAD = "|".join(sorted(_HEAD_NOUNS, key=len, reverse=True))
_PHASE = rf"(?:[{CN_DIGITS}\d]+期|[（(][^（）()]*[）)]|项目)*"
_ENDS_WITH_HEAD = re.compile(rf"(?:{_HEAD}){_PHASE}$")


def normalize_stage(raw: str | None, review: bool = False) -> str:
    """Map printed stage words onto the five stages; a reviewed year's `新建` reports finished work."""
    if not raw:
        return "planned"
    if "前期" in raw:
        return "preparatory"
    if re.search(r"开工|启动建设|启动", raw):
        return "started"
    if re.search(r"竣工|完工|建成|完成|投用|投产|开通|开园|运营", raw):
        return "completed"
    if re.search(r"续建|在建|推进|加快", raw):
        return "ongoing"
    if "新建" in raw:
        return "completed" if review else "started"
    return "planned"


# ---------------------------------------------------------------------------------------------------------
# Splitting names
# ---------------------------------------------------------------------------------------------------------


_BRACKET_CHAR = re.compile("[" + re.escape(OPEN_BRACKETS + CLOSE_BRACKETS + '"') + "]")


def _bracket_roles(text: str) -> dict[int, int]:
    """+1 for each opening and -1 for each closing bracket or quote that has a partner. An unpartnered one
    is taken as a typo, so an unclosed `(` cannot swallow the rest of a list. Widths may mix: `(一期）`."""
    roles: dict[int, int] = {}
    stack: list[int] = []
    quote = None
    for m in _BRACKET_CHAR.finditer(text):
        i, ch = m.start(), m.group()
        if ch == '"':
            if quote is None:
                quote = i
            else:
                roles[quote], roles[i], quote = 1, -1, None
        elif ch in OPEN_BRACKETS:
            stack.append(i)
        elif ch in CLOSE_BRACKETS and stack:
            roles[stack.pop()], roles[i] = 1, -1
    return roles


def _inside_spans(text: str) -> list[tuple[int, int]]:
    """(first, last) index of each outermost partnered bracket or quote pair, brackets included."""
    spans, depth, start = [], 0, 0
    for i, role in sorted(_bracket_roles(text).items()):
        if role > 0 and depth == 0:
            start = i
        depth += role
        if depth == 0:
            spans.append((start, i))
    return spans


@functools.lru_cache(maxsize=64)
def _char_class(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


def _outside_positions(text: str, chars: str):
    """Indices of `chars` outside brackets and quotes, in order (only those characters are visited: this runs
    on every list line, so it must not walk the text one character at a time)."""
    spans, k = _inside_spans(text), 0
    for m in _char_class(chars).finditer(text):
        i = m.start()
        while k < len(spans) and spans[k][1] < i:
            k += 1
        if k < len(spans) and spans[k][0] <= i:
            continue
        yield i


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split at separator characters outside brackets and quotes.

    An 、 between two single Chinese numerals (`中征一、二线`) is a numbering, not a separator.
    """
    parts, start = [], 0
    for i in _outside_positions(text, separators):
        if not _is_numbering(text, i):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _is_numbering(text: str, i: int) -> bool:
    return text[i] == "、" and 0 < i < len(text) - 1 and text[i - 1] in CN_DIGITS and text[i + 1] in CN_DIGITS


def find_outside_brackets(text: str, chars: str) -> int:
    """Index of the first of `chars` outside brackets and quotes, or -1."""
    return next(_outside_positions(text, chars), -1)


_BARE_PHASE = re.compile(rf"^[{CN_DIGITS}\d]+期$")
_CODE = re.compile(r"^[A-Za-z0-9\-－/#＃&.]+$")
_FRAGMENT = re.compile(r"^.{1,2}[线段号栋座]$")


def _merge_fragments(parts: list[str]) -> list[str]:
    """Re-join pieces that cannot be projects on their own.

    - a bare phase (`艺度创城市更新一期、二期`) belongs to the name before it;
    - plot codes sharing one head noun (`H01-2-1、H01-3地块…工程`) belong to the name after them;
    - a short sub-part such as a line name (`…马刘东西线、柏建线、刘海线电力迁改`) joins both neighbours,
      because the works named at the end apply to all of them as one job.
    """
    out: list[str] = []
    carry = ""
    i = 0
    while i < len(parts):
        p = parts[i]
        if _CODE.match(p) and i + 1 < len(parts):
            carry = carry + p + "、"
            i += 1
            continue
        p, carry = carry + p, ""
        if out and _BARE_PHASE.match(p):
            out[-1] += "、" + p
        elif out and _is_shared_fragment(out[-1], p, parts[i + 1] if i + 1 < len(parts) else ""):
            out[-1] += "、" + p + "、" + parts[i + 1]
            i += 1
        else:
            out.append(p)
        i += 1
    return out


def _is_shared_fragment(prev: str, piece: str, nxt: str) -> bool:
    """`…马刘东西线、柏建线、刘海线电力迁改`: short parts of the same kind as the name before them, where
    the next part goes on past its own kind (`刘海线` + `电力迁改`), so the works are shared by all."""
    if not (_FRAGMENT.match(piece) and nxt and prev.endswith(piece[-1])):
        return False
    k = nxt.find(piece[-1])
    return 0 < k <= 2 and k + 1 < len(nxt)


_TRAILING_COUNT = re.compile(r"等[\d一二三四五六七八九十百]+[个项处座所家条]([^\d]{1,6})$")


def clean_name(name: str) -> str:
    """Drop list punctuation and the trailing `等项目` / `等` / `等N个片区` the list adds to its last item."""
    s = name.strip("。.；;，,、：: ")
    m = _TRAILING_COUNT.search(s)
    if m and s[: m.start()].endswith(m.group(1)):
        return s[: m.start()]
    stripped = re.sub(r"(?:等(?:重点|重大|一批)?项目|等)$", "", s)
    if stripped != s:
        # `常春藤等房地产等项目`: the inner 等 names a kind, not a project
        inner = stripped.rfind("等")
        if inner > 0 and len(stripped) - inner - 1 <= 6 and not re.search(r"\d", stripped[inner:]):
            stripped = stripped[:inner]
    return stripped


def split_names(text: str) -> list[str]:
    """Project names from one enumeration: split on 、，；, keep bracketed/quoted text and 及/和/与 whole."""
    parts = [squash(p) for p in split_outside_brackets(text, ITEM_SEPARATORS)]
    parts = [p.strip("。.") for p in parts if p.strip("。.")]
    names = [clean_name(p) for p in _merge_fragments(parts)]
    return [n for n in names if n]


# ---------------------------------------------------------------------------------------------------------
# Finding the lists
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectList:
    title: str
    caption_line: int
    start: int  # first body line
    end: int  # last body line (inclusive)
    period_year: int | None
    review: bool  # True when the list reports a past year rather than plans one


_NUMERIC_CELL = re.compile(r"^[-−+≥≤<>＞＜约]*\d+(?:\.\d+)?%?(?:以上|以下|左右)?$")
_HEADER_CELL = re.compile(r"序号|指标|单位|类别|属性|目标|备注|完成情况")


def _is_table_cell(line: str) -> bool:
    """A cell of an indicator table: tab-led and short, never an enumeration."""
    s = squash(line)
    return is_cell_line(line) and len(s) <= 30 and "、" not in s and find_outside_brackets(s, "：:") < 0


def _is_indicator_table(doc: Document, caption_line: int) -> bool:
    """The caption's body is short tab-led cells with table furniture among them (a 序号/指标 header or a
    numeric cell). A list with one project per tab-led line has neither."""
    cells = []
    for no in range(caption_line + 1, min(doc.n_lines, caption_line + 24) + 1):
        line = doc.line(no)
        if not squash(line) and not is_cell_line(line):
            continue
        if not _is_table_cell(line):
            break
        cells.append(squash(line))
        if len(cells) >= 12:
            break
    return len(cells) >= 3 and any(_NUMERIC_CELL.match(c) or _HEADER_CELL.search(c) for c in cells)


def split_label(s: str) -> tuple[str | None, str]:
    """`交通：A、B` → ('交通', 'A、B'); a line without a short leading label → (None, line)."""
    i = find_outside_brackets(s, "：:")
    if i <= 0:
        return None, s
    label = s[:i]
    if len(label) > 30 or re.search(r"[、，,。；;]", label) or re.fullmatch(r"[\d.]+", label):
        return None, s
    return label, s[i + 1:]


def _is_list_sentence(sentence: str) -> bool:
    """One sentence of a list: an enumeration without commas, or clauses that each open with a stage verb
    (`续建A等项目，推进B等项目`). Task prose opens its sentences with other verbs (`实施…行动计划。`)."""
    clauses = [c for c in split_outside_brackets(sentence, "，,；;") if c]
    if len(clauses) <= 1:
        return True
    return all(_LIST_VERB.match(c) for c in clauses)


def _is_list_line(line: str) -> bool:
    """Whether a line still belongs to a project list rather than to the prose paragraph after it.

    Tab-led and labelled (`X：…`) lines always do. Any other line must read as list sentences throughout;
    a short title-like sentence (`实施院校引进行动计划。`) followed by task prose does not.
    """
    s = squash(line)
    if _NOTE_LABELS.match(s):
        return False
    if is_cell_line(line):
        return True
    label, _ = split_label(s)
    if label is not None:
        return True
    sentences = [x for x in split_outside_brackets(s, "。") if x]
    if len(sentences) > 1 and not all(_LIST_VERB.match(x) for x in sentences):
        return False
    return all(_is_list_sentence(x) for x in sentences)


_ITEM_NUMBER = re.compile(r"^(?:(\d{1,2})[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]|[●○◆◇■□▪•▶►√])")


def strip_item_number(s: str) -> str:
    """`1.A项目` / `（1）A项目` / `①A项目` / `●A项目` → `A项目`: the numbering or bullet of a list item is not
    part of it."""
    return _ITEM_NUMBER.sub("", s, count=1)


def _is_numbered_item(s: str, expected: int) -> bool:
    m = _ITEM_NUMBER.match(s)
    return bool(m and m.group(1) and int(m.group(1)) == expected and _is_list_line(strip_item_number(s)))


def group_label(s: str) -> tuple[str | None, str | None] | None:
    """(category, stage_raw) of a line that only opens a group of the list: `新开工项目（3个）`, `一、续建项目`,
    `（二）社会民生类`; None for any other line. A bare `XX项目` line is a project, not a group: a group
    label is a stage label, or a kind (…类/板块/领域/项目) that is outline-numbered, counted or ends in a colon."""
    m = _LABEL_NUMBER.match(s)
    numbered = bool(m)
    text = s[m.end():] if m else s
    colon = text.endswith(("：", ":"))
    text = text.rstrip("：:")
    counted = bool(_LABEL_COUNT.search(text))
    text = _LABEL_COUNT.sub("", text)
    if not text or len(text) > 16:
        return None
    if re.fullmatch(_STAGE_LABEL, text):
        return None, text
    if (numbered or colon or counted) and re.search(r"(?:项目|工程|类|板块|领域|产业)$", text):
        return parse_label(text)
    return None


_LIST_LABEL_WORDS = re.compile(r"项目|工程|类|板块|领域|开工|续建|竣工|完工|建成|前期|新建|储备")


def _is_labelled_item(s: str) -> bool:
    """`（一）新开工项目（6个）：A、B。` or a bare `二、交通类项目`: an outline-numbered group of the list, not the
    next heading of the report (which names a task, not a kind or stage of projects)."""
    m = _LABEL_NUMBER.match(s)
    if not m:
        return False
    rest = s[m.end():]
    label, body = split_label(rest)
    if label is not None and body.strip("。"):
        sentences = [x for x in split_outside_brackets(body, "。") if x]
        return (bool(_LIST_LABEL_WORDS.search(label)) and len(label) <= 20
                and all(_is_list_sentence(x) for x in sentences))
    return bool(_GROUP_LABEL.match(_LABEL_COUNT.sub("", rest.rstrip("：:"))))


def _caption_of(line: str) -> tuple[str, int] | None:
    return parse_caption(line) or box_caption(line)


def _body_end(doc: Document, caption_line: int) -> int:
    """Last line of a list body: it stops at the next caption or heading, or at a prose paragraph.

    Items numbered `1.` `2.` … read as level-3 headings to the outline; they stay in the body as long as
    they count on from 1 and read as list lines, so the task paragraph numbered after them ends it.
    """
    end, expected = caption_line, 1
    for no in range(caption_line + 1, doc.n_lines + 1):
        line = doc.line(no)
        if not squash(line) and not is_cell_line(line):
            continue
        if _caption_of(line) is not None:
            break
        if heading_level(line) is not None:
            first = _ITEM_NUMBER.match(squash(line)) if expected == 1 else None
            if first and first.group(1):  # the first item may carry any number (a list numbered on from elsewhere)
                expected = int(first.group(1))
            if _is_numbered_item(squash(line), expected):
                expected += 1
            elif not _is_labelled_item(squash(line)):
                break
        elif not _is_list_line(line):
            break
        end = no
    return end


def _year_of(doc: Document, title: str, line_no: int) -> int | None:
    """The year in the list title, else the year of the section it sits in, else the plan year."""
    meta = doc.meta
    known = {y for y in (meta.review_year, meta.plan_year) if y}
    m = _YEAR.search(title)
    if m and (not known or int(m.group(1)) in known):
        return int(m.group(1))
    for heading in reversed(doc.heading_chain(line_no)):
        for y in _YEAR.findall(heading.text):
            if not known or int(y) in known:
                return int(y)
    if m:
        return int(m.group(1))
    return meta.plan_year


def find_project_lists(doc: Document) -> list[ProjectList]:
    """Every 专栏 whose body is not an indicator table, with its extent, year and review/plan reading."""
    out = []
    for cap in doc.captions:
        if cap.kind != "专栏" or _is_indicator_table(doc, cap.line):
            continue
        end = _body_end(doc, cap.line)
        if end == cap.line:
            continue
        year = _year_of(doc, cap.text, cap.line)
        review = bool(doc.meta.review_year) and year == doc.meta.review_year and year != doc.meta.plan_year
        out.append(ProjectList(cap.text, cap.line, cap.line + 1, end, year, review))
    return out


# ---------------------------------------------------------------------------------------------------------
# Reading one list
# ---------------------------------------------------------------------------------------------------------


def title_stage(title: str) -> str | None:
    """A stage word printed in the list title applies to every item (`2022年新建…项目` → 新建).

    `开竣工` (started and completed) names both stages, so the lines under it must say which.
    """
    body = re.split(r"[：:]", title, maxsplit=1)[-1]
    if "开竣工" in body or ("开工" in body and "竣工" in body):
        return None
    m = _TITLE_STAGE.search(body)
    return m.group(0) if m else None


def parse_label(label: str) -> tuple[str | None, str | None]:
    """(category, stage_raw) of a label: `开工重点项目` → (None, 开工重点项目);
    `社会投资类项目完成9个` → (社会投资类项目, 完成); `新兴产业项目` → (新兴产业项目, None);
    `（一）新开工项目（6个）` → (None, 新开工项目); `产业发展类（12个）` → (产业发展类, None)."""
    label = _LABEL_NUMBER.sub("", label)
    counted = _LABEL_COUNT.sub("", label)
    if counted and (re.fullmatch(_STAGE_LABEL, counted) or _LABEL_COUNT.search(label)):
        label = counted
    if re.fullmatch(_STAGE_LABEL, label):
        return None, label
    m = _LABEL_STAGE.search(label)
    if m and m.start() > 0 and re.fullmatch(r"[\d一二三四五六七八九十百]*[个项]?", label[m.end():]):
        return label[: m.start()], m.group(0)
    return label, None


def _is_result_text(rest: str, label: str = "") -> bool:
    """The text after `name：` reports or plans the work (民心工程) rather than listing project names.

    Not when the label is a kind (`交通基础设施类：建成A；续建B、C`) or the text is several `；`-clauses that each
    open with a stage verb: that is a list sorted by stage."""
    if _NESTED_STAGE_LABEL.match(rest) or re.search(r"(?:类|板块|领域|方面)$", _LABEL_COUNT.sub("", label)):
        return False
    clauses = [c for c in split_outside_brackets(rest.rstrip("。"), "；;") if c]
    if len(clauses) > 1 and all(_LIST_VERB.match(c) for c in clauses):
        return False
    first = split_outside_brackets(rest, "。")[0]
    if re.search(r"(?:等)?项目$|前期工作$", first):
        return False
    if _LIST_VERB.match(first) and "、" in first and not re.search(r"\d|[，,]", first):
        return False  # `建成A、B、C。`: a verb over a list of names
    return bool(_RESULT_OPENERS.match(rest))


def result_stage(text: str, review: bool) -> str | None:
    """The stage verb of a result text; in a plan list `新建` only sizes a component, so it does not count."""
    for m in _RESULT_STAGE.finditer(text):
        if m.group(0) == "新建" and not review:
            continue
        return m.group(0)
    return None


@dataclass
class Segment:
    """Names printed under one stage word (or none) inside a list line."""

    names: list[str]
    stage_raw: str | None


def _clause_segments(text: str) -> list[Segment]:
    """Verb-governed sentences: `新开工A、B等项目。续建C项目，推进D等项目。加快E等项目前期工作。`.

    A clause that opens with a stage verb starts a new group; a clause without one continues the group
    before it (an enumeration that runs over a comma). `…前期工作` makes the clause preparatory whatever
    verb opens it.
    """
    out: list[Segment] = []
    for clause in split_outside_brackets(text, CLAUSE_SEPARATORS):
        clause = squash(clause)
        if not clause:
            continue
        stage = out[-1].stage_raw if out else None
        m = _LIST_VERB.match(clause)
        if m:
            stage, clause = m.group(0), clause[m.end():]
        pm = re.search(r"(?:等(?:重点|重大)?)?(?:项目)?前期工作$", clause)
        if pm:
            clause, stage = clause[: pm.start()], "前期工作"
        names = split_names(clause)
        if not names:
            continue
        if m or pm or not out:
            out.append(Segment(names, stage))
        else:
            out[-1].names.extend(names)
    return out


def parse_rest(rest: str) -> list[Segment]:
    """Segments of the text after a label (or of an unlabelled line), with the stage each one prints."""
    marks = [m for m in _NESTED_STAGE_LABEL.finditer(rest) if m.start() == 0 or rest[m.start() - 1] in "；;。，,"]
    if not marks:
        return _clause_segments(rest)
    out = []
    head = rest[: marks[0].start()]
    if squash(head):
        out.extend(_clause_segments(head))
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(rest)
        for seg in _clause_segments(rest[m.end(): stop]):
            out.append(Segment(seg.names, seg.stage_raw or m.group(1)))
    return out


def read_list(doc: Document, plist: ProjectList) -> list[ProjectItem]:
    """Items of one list, walking its lines with the group context a sub-heading line sets."""
    items: list[ProjectItem] = []
    default_stage = title_stage(plist.title)
    group_category: str | None = None
    group_stage: str | None = None

    def emit(name: str, stage_raw: str | None, category: str | None, line_no: int) -> None:
        items.append(ProjectItem(
            list_title=plist.title, period_year=plist.period_year, project_name=name,
            stage=normalize_stage(stage_raw, plist.review), source_line=line_no,
            category=category or None, stage_raw=stage_raw or None,
        ))

    for no in range(plist.start, plist.end + 1):
        s = strip_item_number(squash(doc.line(no)))
        if not s:
            continue
        group = group_label(s)
        if group is not None:
            group_category, group_stage = group
            continue
        label, rest = split_label(s)
        if label is not None and not rest.strip("。"):
            group_category, group_stage = parse_label(label)
            continue
        if label is not None and _is_result_text(rest, label):
            # a group's stage (`二、续建项目`) is what the list says; the result text only describes the work
            stage = group_stage or result_stage(rest, plist.review) or default_stage
            emit(clean_name(label), stage, group_category, no)
            continue
        category, label_stage = parse_label(label) if label is not None else (None, None)
        category = category or group_category
        base_stage = label_stage or group_stage or default_stage
        for seg in parse_rest(rest):
            for name in seg.names:
                emit(name, seg.stage_raw or base_stage, category, no)
    return items


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------


def extract_projects(doc: Document) -> list[ProjectItem]:
    """Projects of every list and project table; a report without any gets its task prose mined instead."""
    out: list[ProjectItem] = []
    for plist in find_project_lists(doc):
        items = read_list(doc, plist)
        if _reads_as_projects(plist, items):
            out.extend(items)
    out.extend(read_project_tables(doc))
    out.sort(key=lambda it: it.source_line)
    return out or prose_projects(doc)


# ---------------------------------------------------------------------------------------------------------
# Project tables: 序号 | 项目名称 | 建设内容 | 总投资 | 年度计划 (| 建设性质)
# ---------------------------------------------------------------------------------------------------------

_NAME_HEADER = re.compile(r"^(?:项目|工程|建设项目)(?:[（(]工程[）)])?名称$|^(?:项目|名称|建设项目|工程项目)$")
# Header words only a project table has (an indicator table has 指标/单位/目标 instead).
_PROJECT_COLUMN = re.compile(r"建设内容|建设规模|规模|总投资|计划投资|年度计划|年度投资|业主|建设地点|建设年限|起止年限|"
                             r"建设性质|项目性质|实施主体|责任单位|牵头单位|建设期限|开工时间|竣工时间")
_STAGE_COLUMN = re.compile(r"建设性质|项目性质|建设阶段|项目阶段|建设状态|项目状态|项目类别|^性质$|^阶段$|^状态$")
_SEQ_CELL = re.compile(r"^(?:\d{1,3}|[（(]\d{1,3}[）)]|\d{1,3}[.．、])$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|共计)")
_CELL_STAGE = re.compile(r"^(?:计划|拟)?(?:新开工|开工|新建|续建|在建|竣工|完工|建成|前期|储备)(?:项目|建设)?$")
_CATEGORY_COLUMN = re.compile(r"^(?:项目)?(?:类别|类型|分类|领域|行业|所属行业|产业类别)$")


@dataclass(frozen=True)
class _ProjectHeader:
    index: int  # row index of the header
    name: int  # column of the project name
    stage: int | None  # column of 建设性质 (新建/续建/竣工 …), if any
    category: int | None  # column of 类别/领域, if any
    seq: int | None
    width: int


def _project_header(rows: list[Row]) -> _ProjectHeader | None:
    """The header of a project table: a 项目名称 column and at least one column only project tables have."""
    for k, row in enumerate(rows[:3]):
        texts = [c.flat for c in row]
        names = [i for i, t in enumerate(texts) if _NAME_HEADER.match(t)]
        if len(names) != 1 or not any(_PROJECT_COLUMN.search(t) for t in texts):
            continue
        stage = next((i for i, t in enumerate(texts) if _STAGE_COLUMN.search(t)), None)
        category = next((i for i, t in enumerate(texts) if _CATEGORY_COLUMN.match(t)), None)
        seq = next((i for i, t in enumerate(texts) if "序号" in t), None)
        return _ProjectHeader(k, names[0], stage, category, seq, len(row))
    return None


def _aligned(row: Row, head: _ProjectHeader) -> Row:
    """The row's cells under the header's columns; a short row lost leading cells (a merged 类别) unless it
    starts with its row number."""
    if len(row) >= head.width:
        return row[: head.width]
    missing = [Cell("")] * (head.width - len(row))
    if head.seq is not None and _SEQ_CELL.match(row[0].flat):
        return [*row, *missing]
    return [*missing, *row]


def read_project_tables(doc: Document) -> list[ProjectItem]:
    """Projects listed as a table (项目名称 | 建设内容 | 总投资 | 年度计划 …).

    A project table is a project list laid out as cells: each row names one project. The stage comes from a
    建设性质 column (新建/续建/竣工), else from a group row (`一、新开工项目（20个）`), else from the title
    (`…前期工作计划`); a group row without a stage word is the category (`一、交通项目`).
    """
    out: list[ProjectItem] = []
    for table in find_text_tables(doc):
        rows = [r for r in table.rows if any(c.flat for c in r)]
        head = _project_header(rows)
        if head is None:
            continue
        title = table.title or ""
        line = table.title_line or table.first_line
        year = _year_of(doc, title, line)
        review = bool(doc.meta.review_year) and year == doc.meta.review_year and year != doc.meta.plan_year
        default_stage = title_stage(title)
        category: str | None = None
        group_stage: str | None = None
        for row in rows[head.index + 1:]:
            texts = {c.flat for c in row if c.flat}
            if len(texts) == 1 and not _SEQ_CELL.match(next(iter(texts))):
                label = next(iter(texts)).rstrip("：:")
                if _TOTAL_ROW.match(label):
                    continue
                cat, stage = parse_label(label)
                if stage:
                    group_stage, category = stage, cat
                else:
                    category = cat
                continue
            cells = _aligned(row, head)
            name = clean_name(squash(cells[head.name].text))
            if not name or _SEQ_CELL.match(name) or _TOTAL_ROW.match(name) or _NAME_HEADER.match(name):
                continue
            printed = squash(cells[head.stage].text) if head.stage is not None else ""
            if not printed:  # a 类别 column may hold the stage (新开工/续建/竣工) instead of a kind
                printed = next((c.flat for i, c in enumerate(cells) if i != head.name and _CELL_STAGE.match(c.flat)), "")
            stage_raw = (printed if normalize_stage(printed) != "planned" else None) or group_stage or default_stage
            kind = cells[head.category].flat if head.category is not None else ""
            if kind and not _CELL_STAGE.match(kind):
                category = kind
            out.append(ProjectItem(
                list_title=title, period_year=year, project_name=name,
                stage=normalize_stage(stage_raw, review), source_line=cells[head.name].line or line,
                category=category or None, stage_raw=stage_raw or None,
            ))
    return out


def _reads_as_projects(plist: ProjectList, items: list[ProjectItem]) -> bool:
    """A box titled as a project list, or whose entries mostly end in a project head noun. Other boxes
    (policy lists, target lists in prose) are not project lists even when laid out like one."""
    if _LIST_TITLE_WORDS.search(plist.title):
        return True
    headed = sum(1 for it in items if _ENDS_WITH_HEAD.search(it.project_name))
    return bool(items) and 2 * headed >= len(items)


# ---------------------------------------------------------------------------------------------------------
# Reports without a list: projects named in task prose
# ---------------------------------------------------------------------------------------------------------

# Verbs that give a stage to the names they govern, and verbs that govern projects without a stage.
_STAGE_VERBS = (
    "开工建设", "早日开工", "尽早开工", "新开工", "启动建设", "新建", "开工", "持续推进", "加快推进", "加快建设",
    "推进", "续建", "建成投用", "建成", "完成", "投用", "投产", "竣工", "完工", "加快",
)
_PLAIN_VERBS = ("推动", "支持", "打造", "实施", "争取", "力促", "助推", "实现", "做好", "抓好", "以")
_ADVERBS = r"(?:[一二三四五六七八九十]是|全力|积极|大力|继续|力争|确保|尽早|尽快|切实|扎实|着力|重点|同步|提速|初步|基本|全面|努力|加速)*"
_PROSE_VERB = re.compile(
    rf"^{_ADVERBS}(?P<verb>{'|'.join(sorted(_STAGE_VERBS + _PLAIN_VERBS, key=len, reverse=True))})"
    rf"(?P<verb2>{'|'.join(sorted(_PLAIN_VERBS + _STAGE_VERBS, key=len, reverse=True))})?"
)
# Words after the names that say what happens to them; the stage-bearing ones override the verb.
_TAIL_STAGES = ("前期工作", "在建项目", "早日开工", "尽早开工", "开工建设", "启动建设", "加快建设", "建成投用", "投产", "开园", "建成", "投用", "开工")
_WORKS_TAILS = (
    "建设", "进度", "提标改造", "升级改造", "改造", "改扩建", "扩建", "提档升级", "提质升级", "技改扩能", "见效", "为重点", "落地",
)
_TIME_ADVERB = re.compile(r"^(?:尽早|早日|尽快|年内|力争|确保|按期)")
# Names that are programmes, campaigns or generic types rather than one named project.
_GENERIC_START = re.compile(
    r"^(?:[“\"《]|国际|区域性|全国|一批|各类|各|全区|全市|重点|重大|大型|新上|在建|相关|有关|其他|更多|部分|政府投资|社会投资|招商|帮扶|前期|企业|公立|公共|"
    r"基础设施|民间|农村|城市|城乡|社区|乡村|智慧|智能|\d+(?:\.\d+)?万?[只头亩吨个家座所条户])"
)
_GENERIC_PART = re.compile(r"的|[\d一二三四五六七八九十百]+(?:大|项|个|批|条|座|所)|发展|安全|放心|试点|创建|工作|体系|机制|集群|技术改造|示范区|行动|计划")


def _is_generic(name: str) -> bool:
    """A generic type (`社区卫生服务中心`), a counted set (`七大工程`) or a programme (`…发展工程`)."""
    if _GENERIC_START.match(name) or _GENERIC_PART.search(name):
        return True
    if re.search(r"(?:项目|工程)$", name) and len(name) < 7:
        return True  # `安居工程`, `人才公寓项目`: a type of work, not a named one
    return False


def _strip_tails(obj: str) -> tuple[str, str | None]:
    """Remove the works words after the names; return the names part and any stage word found there."""
    stage = None
    changed = True
    while changed and obj:
        changed = False
        for tail in _TAIL_STAGES + _WORKS_TAILS:
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
            m = re.search(r"(?:镇|乡|街道|村|区|县)$", p)
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
    desc = re.sub(r"^(?:一批|重点|重大|在建)", "", desc)
    if "的" in desc or re.search(r"\d|[一二三四五六七八九十百千]大", desc):
        return None  # `等生态地位重要的区域…`, `等8大片区…`, `等“五大”…产业`: kinds or areas, not projects
    if not (desc == "" or desc.endswith("项目") or _ENDS_WITH_HEAD.search(desc)):
        return None
    if not ("项目" in after or tail_stage or after.endswith("建设")):
        return None
    if re.match(r"^(?:一批|各类|\d)", names_part):
        return None
    return _split_prose_names(names_part), tail_stage


def _named_facilities(obj: str) -> tuple[list[str], str | None, bool] | None:
    """`<name with a project head noun>[works]`; the text after the name may only be works or a time
    adverb (`渝邻快速通道尽早解决…`). Returns names, tail stage, and whether a works word followed."""
    core, tail_stage = _strip_tails(obj)
    had_tail = core != obj
    ends = [m.end() for m in re.finditer(rf"(?:{_HEAD}){_PHASE}", core)]
    for end in reversed(ends):
        rest = core[end:]
        if rest == "" or _TIME_ADVERB.match(rest):
            names = _split_prose_names(re.sub(r"[\d一二三四五六七八九十]+个[^、]{0,6}项目$", "", core[:end]))
            headed = [n for n in names if _ENDS_WITH_HEAD.search(n)]
            if 2 * len(headed) < len(names):
                names = headed  # mostly not facilities: keep only the ones that are
            return (names, tail_stage, had_tail) if names else None
    return None


def _clause_mentions(clause: str) -> tuple[list[str], str | None] | None:
    """Project names one clause governs by its opening verb, with the printed stage words."""
    m = _PROSE_VERB.match(clause)
    if not m:
        return None
    verb, verb2 = m.group("verb"), m.group("verb2")
    obj = clause[m.end():]
    stage_verb = next((v for v in (verb2, verb) if v in _STAGE_VERBS), None)
    if find_outside_brackets(obj, "等") > 0:
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
    names = [n for n in names if n and not _is_generic(n)]
    if not names:
        return None
    if tail_stage:
        return names, tail_stage
    if stage_verb == "加快" and obj.endswith("建设"):
        return names, "加快"
    return names, stage_verb


def _heading_title(text: str) -> str:
    """`(一)坚决打好“三大攻坚战”,确保…` → `(一)坚决打好“三大攻坚战”`: the heading up to its first comma."""
    return re.split(r"[，,。]", text, maxsplit=1)[0]


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
        if _REVIEW_PART.search(h.text) and re.search(r"执行|完成|回顾", h.text):
            review_end = next((o.line for o in tops[k + 1:] if o.level <= h.level), doc.n_lines + 1)
            continue
        if _TASK_PART.search(h.text) and not _REVIEW_PART.search(h.text):
            end = next((o.line for o in tops[k + 1:] if o.level <= h.level), doc.n_lines + 1)
            return range(h.line, end)
    return range(1, doc.n_lines + 1)


_STAGE_CLAUSE = re.compile(rf"^{_ADVERBS}(?:早日开工|尽早开工|尽快开工|开工建设|开工|建成投用|建成|投产|投用)$")


def prose_projects(doc: Document) -> list[ProjectItem]:
    """Projects named in task prose, for a report without any list (list_title `prose:<heading>`).

    A clause contributes names when it opens with a project verb and either lists names before
    `等…项目` or names a facility with a project head noun. A following clause that is only a stage
    phrase (`…，早日开工`) sets the stage of the clause before it.
    """
    out: list[ProjectItem] = []
    for no in _task_lines(doc):
        line = doc.line(no)
        if not squash(line) or is_cell_line(line):
            continue
        year = _year_of(doc, "", no)
        section = doc.section(no)
        title = "prose:" + _heading_title(section.text if section else squash(line))
        for sentence in split_outside_brackets(squash(line), "。；;！"):
            previous: list[ProjectItem] = []
            for clause in split_outside_brackets(sentence, "，,"):
                if previous and _STAGE_CLAUSE.match(clause):
                    raw = re.sub(rf"^{_ADVERBS}", "", clause)
                    for item in previous:
                        item.stage_raw, item.stage = raw, normalize_stage(raw)
                    continue
                found = _clause_mentions(clause)
                previous = []
                if not found:
                    continue
                names, raw = found
                for name in names:
                    item = ProjectItem(title, year, name, normalize_stage(raw), no, None, raw)
                    out.append(item)
                    previous.append(item)
    return out
