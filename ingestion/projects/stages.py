"""Stage words: the labels, headings and verbs that say what stage the projects under them are at.

The stage is what the list says happened (review lists) or is planned (plan lists); no stage word means
`planned`. Stage words are printed as labels before a colon (`新开工项目：`), as group headings
(`（一）计划新开工项目（15个）`), in the list title (`2022年新建…项目`) or as the verb of a sentence
(`续建A、B等项目`). A stage word inside a name (`…灌区续建配套工程`) is part of the name.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..scan import scanner

# A stage word inside a label such as `开工重点项目`, `新开工项目`, `社会投资类项目完成9个`.
# The compounds of 加快/推进 with 建设 are the genre's labels for works under way (`加快建设：A、B`, `推进建设：C`):
# ongoing, like 续建. They come first so that the longer label wins.
_STAGE_WORD = (r"加快建设|加快推进|推进建设|持续推进|新开工|开工|续建|在建|竣工|完工|建成|完成|投用|投产|投运|投入使用|"
               r"前期|新建|预备|储备")
_LABEL_STAGE = re.compile(_STAGE_WORD)
# A label made of stage words and nothing but filler: `开工重点项目`, `竣工项目`, `新开工`, and the compounds
# `建成投用项目`, `竣工投产项目`, `前期工作项目`, `前期推进项目` (前期 decides: 推进 qualifies the preparatory work).
# `一批` leads the labels of a 「三个一批」 list (`一批开工项目：`, `一批投产项目：`, `一批前期项目：`): a batch of the
# projects at that stage, a stage label as much as `开工项目` is. A 「四个一批」 list prints it after the stage words
# (`新开工一批：`, `完工投产一批：`, `续建推进一批：`, `前期攻坚一批：`; 攻坚 qualifies the preparatory work as 推进 does,
# and so does 谋划 in `前期谋划项目`: projects being planned out, preparatory).
_STAGE_LABEL = (rf"(?:计划|拟|年内|力争|确保|争取|预计|全面|一批)?(?:{_STAGE_WORD}){{1,2}}(?:推进|工作|实施|攻坚|谋划)?(?:重点|重大)?"
                r"(?:建设)?(?:项目|工程)?(?:一批)?")
# A count printed with a label: `新开工项目（6个）`, `产业发展类（12个）`, `续建项目15个`, `（共8项）`.
_LABEL_COUNT = re.compile(r"(?:[（(]\s*(?:共|计)?[\d一二三四五六七八九十百]+\s*[个项处][）)]|(?:共|计)?\d+[个项])$")


def without_count(text: str) -> str:
    """`text` without the count printed at its end (`_LABEL_COUNT`); the regex only runs on a text that ends
    the way a count ends (a bracket, 个 or 项)."""
    return _LABEL_COUNT.sub("", text) if text[-1:] in "）)个项\n" else text


_BRACKET_COUNT = re.compile(r"[（(]\s*(?:共|计)?[\d一二三四五六七八九十百]+\s*[个项处][）)]$")
# An outline number in front of a label inside a list: `（一）新开工项目：…`, `一、交通项目`.
_LABEL_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
# A line that is only a group label inside a list (`（一）新开工项目（20个）`, `二、交通类项目：`).
_GROUP_LABEL = re.compile(r"^.{0,14}(?:项目|工程|类)[：:]?$")
# a stage label before a colon inside a list line, with the note that may follow it (`续建项目（年内建成）：`) and its
# count (`续建项目（4个）：`, the count not part of the label)
_NESTED_STAGE_LABEL = scanner(  # searched through list lines: skips ahead
    rf"((?:{_STAGE_LABEL})(?:[（(][^（）()：:]{{0,12}}(?:{_STAGE_WORD})[^（）()：:]{{0,12}}[）)])?)"
    r"(?:[（(]\s*(?:共|计)?[\d一二三四五六七八九十百]+\s*[个项处][）)])?[：:]")
_STAGE_LABEL_RE = re.compile(_STAGE_LABEL)
# A verb that opens a sentence of a list (`新开工A、B等项目。`) and gives the stage of what follows.
_LIST_VERB = re.compile(
    r"^(?:(?:大力|加快|积极|全力|加速|持续)?推进(?:建设|实施)?|新开工|开工建设|开工|续建|完工|竣工|建成投用|建成|投用|完成|加快建设|加快)"
)
# Words that open the result text of a `name：result` item (民心工程): it reports or plans work, not names.
_RESULT_OPENERS = re.compile(
    r"^(?:完成|建成|新建|新增|开通|安装|改造|建设|对|因|目前|已|综合|总建筑|建筑面积|占地|购置|实施|提升|包括|主要|"
    r"项目总投资|计划总投资|总投资|计划投资|年度计划|投资|用地|规划|设计|全长|长约|长度|规模|年产|年处理|日处理|日供水|拟)"
)
# A stage verb in a result text, earliest one wins: `完成主体工程施工`, `目前已开工建设`.
_RESULT_STAGE = scanner(r"已?开工建设|已?开工|建成投用|竣工投用|建成|完成|竣工|完工|投用|投产|开通|续建|新建")
# Stage words a list title can carry for all its items (`2022年新建工业产业重点项目`).
_TITLE_STAGE = re.compile(r"新开工|新建|续建|在建|竣工|完工|建成|完成|投产|投用|前期|预备|储备|开工")

_PREPARATORY = re.compile(r"前期|预备|储备")
_STARTED = re.compile(r"开工|启动建设|启动")
_COMPLETED = re.compile(r"竣工|完工|建成|完成|投用|投产|投运|投入使用|开通|开园|运营")
_ONGOING = re.compile(r"续建|在建|推进|加快")
KIND_ENDS = ("项目", "工程", "类", "板块", "领域", "产业")  # what a kind of project ends with
_KIND_END = re.compile("(?:" + "|".join(KIND_ENDS) + ")$")
_COUNT_TAIL = re.compile(r"[\d一二三四五六七八九十百]*[个项]?")


@functools.lru_cache(maxsize=512)
def normalize_stage(raw: str | None, review: bool = False) -> str:
    """Map printed stage words onto the five stages; a reviewed year's `新建` reports finished work."""
    if not raw:
        return "planned"
    if _PREPARATORY.search(raw):
        return "preparatory"
    if _STARTED.search(raw):
        return "started"
    if _COMPLETED.search(raw):
        return "completed"
    if _ONGOING.search(raw):
        return "ongoing"
    if "新建" in raw:
        return "completed" if review else "started"
    return "planned"


# A note in brackets after stage words (`续建（2025年竣工）`, `续建（年内竣工）`, `续建项目（当年建成投产）`), and the words
# of a note that put the end of the works within the list's own year.
_STAGE_NOTE = re.compile(r"[（(]([^（）()]*)[）)]")
_THIS_YEAR = re.compile(r"年内|当年|本年|今年|年底|年末")


def _is_noted_stage(text: str) -> bool:
    """`续建项目（年内建成）`, `续建（2026年竣工）`: stage words with a note in brackets that says when the works end,
    a stage label as much as the words in front of it are."""
    if not text.endswith(("）", ")")):
        return False
    m = _STAGE_NOTE_END.search(text)
    return bool(m and m.start() > 0 and _LABEL_STAGE.search(m.group(1)) and _STAGE_LABEL_RE.fullmatch(text[: m.start()]))


_STAGE_NOTE_END = re.compile(r"[（(]([^（）()]*)[）)]$")


def noted_stage(raw: str | None, year: int | None, review: bool = False) -> str:
    """`normalize_stage` of stage words that may carry a note in brackets: the words in front give the stage and the
    note only says when the works end (`续建（2025年竣工）` in a 2024 list is ongoing), except that works under way
    which the note finishes within the list's own year (`续建（年内竣工）`, `续建项目（当年建成投产）`, `续建（2024年底
    竣工）` in a 2024 list) are completed: their completion is what the year's list plans or reports for them."""
    if not raw or ("（" not in raw and "(" not in raw):
        return normalize_stage(raw, review)
    stage = normalize_stage(_STAGE_NOTE.sub("", raw), review)
    if stage == "ongoing" and any(_COMPLETED.search(note) and (_THIS_YEAR.search(note) or (year and f"{year}年" in note))
                                  for note in _STAGE_NOTE.findall(raw)):
        return "completed"
    return stage


@functools.lru_cache(maxsize=2048)
def group_label(s: str) -> tuple[str | None, str | None] | None:
    """(category, stage_raw) of a line that only opens a group of the list: `新开工项目（3个）`, `一、续建项目`,
    `（二）社会民生类`; None for any other line. A bare `XX项目` line is a project, not a group: a group
    label is a stage label, or a kind (…类/板块/领域/项目) that is outline-numbered, counted or ends in a colon."""
    m = _LABEL_NUMBER.match(s)
    numbered = bool(m)
    text = s[m.end():] if m else s
    colon = text.endswith(("：", ":"))
    text = text.rstrip("：:")
    stopped = text.endswith("。")  # `1.新开工项目（68个）。`: a group label closed like a sentence
    if stopped:
        text = text[:-1]
    # a count (`_LABEL_COUNT`, `_BRACKET_COUNT`) ends in one of these (`$` may stand before a final \n): a line
    # that ends otherwise, as most list lines do, has none, and its three regexes (each tried at every character
    # of a long line) are skipped
    ends_like_count = text[-1:] in "）)个项\n"
    counted = ends_like_count and bool(_LABEL_COUNT.search(text))
    bracket_count = ends_like_count and bool(_BRACKET_COUNT.search(text))
    if ends_like_count:
        text = _LABEL_COUNT.sub("", text)
    if not text or len(text) > 16:
        return None
    if _STAGE_LABEL_RE.fullmatch(text) or _is_noted_stage(text):
        return None, text
    if stopped and not counted:
        return None  # `（二）XX项目。` is a project named in a sentence, not a group
    if (numbered or colon or counted) and _KIND_END.search(text):
        return parse_label(text)
    if (numbered and counted or bracket_count) and not re.search(r"[，,。；;、：:]", text):
        return text, None  # `（一）交通基础设施（5项）`: a sub-heading counting the names under it
    return None


# A numbered heading that only names a kind of project (`2.基础设施项目`, `（二）社会民生项目（8个）`): short, no
# enumeration, no detail. `（二）` headings need a described item under them (below); `1.` ones any deeper item.
_KIND_HEADING = re.compile(r"^(\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]+[）)])([^，,。；;、：:（）()]{2,16})$")
# What a kind heading heads: an item numbered one level deeper (`（1）A项目：总投资…`) or a stage line (`新开工：A、B`).
_DEEPER_ITEM = re.compile(r"^[（(]\d{1,2}[）)]|^[①-⑳]")
_DESCRIBED_ITEM = re.compile(r"^\d{1,2}[.．、](?!\d)[^：:，,。；;]{2,30}[：:](?:项目|计划|估算|预计)?总投资")
_STAGE_LINE = re.compile(rf"^(?:{_STAGE_LABEL})[：:]")


def kind_heading(line: str, following: str | None) -> str | None:
    """The category a numbered kind heading gives the items under it, else None.

    `1.先进制造业项目` on a line of its own over `（1）A项目：总投资…` items or over stage lines (`新开工：A、B；续建：C`)
    sorts the projects of a list by kind: a category, never a project; so does `（一）先进制造业项目` over
    `1.A项目：总投资…`. A numbered project of a one-name-a-line list (`1.A工程` over `2.B项目`) is followed by its next
    item, so it stays a project; a task heading (`（三）重点项目`) is followed by its prose; a stage word makes the line
    a stage group (`1.新开工项目`), which `group_label` reads."""
    lead = line.lstrip()[:1]  # the squashed line's first character, read before squashing a long line
    if not (lead.isdecimal() or lead in "（("):
        return None  # `_KIND_HEADING` opens with a number: no regex (and no squashing) for the other lines
    s = "".join(line.split())  # the characters `\s` matches
    m = _KIND_HEADING.match(without_count(s))
    if not m or following is None or not _KIND_END.search(m.group(2)) or parse_label(m.group(2))[1]:
        return None
    nxt = "".join(following.split())
    deeper = _DEEPER_ITEM.match(nxt) if m.group(1)[0].isdigit() else _DESCRIBED_ITEM.match(nxt)
    return m.group(2) if deeper or _STAGE_LINE.match(nxt) else None


def could_head_kinds(line: str) -> bool:
    """A cheap test `kind_heading` is None for: the line (whitespace removed), without its count, opens with no
    number or does not end in a kind word (what `_KIND_HEADING` and `_KIND_END` need of it)."""
    return (line[:1].isdecimal() or line[:1] in "（(") and without_count(line).endswith(KIND_ENDS)


def title_stage(title: str) -> str | None:
    """A stage word printed in the list title applies to every item (`2022年新建…项目` → 新建).

    `开竣工` (started and completed) names both stages, so the lines under it must say which.
    """
    body = re.split(r"[：:]", title, maxsplit=1)[-1]
    if "开竣工" in body or ("开工" in body and "竣工" in body):
        return None
    m = _TITLE_STAGE.search(body)
    return m.group(0) if m else None


@functools.lru_cache(maxsize=2048)
def parse_label(label: str) -> tuple[str | None, str | None]:
    """(category, stage_raw) of a label: `开工重点项目` → (None, 开工重点项目);
    `社会投资类项目完成9个` → (社会投资类项目, 完成); `新兴产业项目` → (新兴产业项目, None);
    `（一）新开工项目（6个）` → (None, 新开工项目); `产业发展类（12个）` → (产业发展类, None)."""
    label = _LABEL_NUMBER.sub("", label)
    counted = without_count(label)
    if counted and (_STAGE_LABEL_RE.fullmatch(counted) or counted != label):  # (a count was cut off)
        label = counted
    if _STAGE_LABEL_RE.fullmatch(label) or _is_noted_stage(label):
        return None, label
    m = _LABEL_STAGE.search(label)
    if m and m.start() > 0 and _COUNT_TAIL.fullmatch(label[m.end():]):
        return label[: m.start()], m.group(0)
    return label, None


def result_stage(text: str, review: bool) -> str | None:
    """The stage verb of a result text; in a plan list `新建` only sizes a component, so it does not count."""
    for m in _RESULT_STAGE.finditer(text):
        if m.group(0) == "新建" and not review:
            continue
        return m.group(0)
    return None



_OUTLINE_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]|^[①-⑳]")),
)


def outline_level(line: str) -> int | None:
    """How deep a group label's number puts it: `一、` 1, `（一）` 2, `1.` 3, `（1）`/`①` 4; None unnumbered."""
    s = line.strip().replace("\u3000", "")
    return next((level for level, pat in _OUTLINE_LEVELS if pat.match(s)), None)


@dataclass
class GroupContext:
    """The category and stage the group labels above a line give it.

    A group nested under another (a deeper outline number: `一、产业项目` then `（一）新开工项目`) adds its
    stage or category to the enclosing one; a group at the same depth, or unnumbered, replaces both.
    """

    category: str | None = None
    stage: str | None = None
    level: int | None = None  # outline level of the group that set the context

    def enter(self, category: str | None, stage: str | None, level: int | None) -> None:
        nested = level is not None and self.level is not None and level > self.level
        if nested and category is None and stage is not None and self.category is not None:
            self.stage = stage  # a stage group inside a category group keeps the category
            return
        if nested and stage is None and category is not None and self.stage is not None:
            self.category = category  # a category group inside a stage group keeps the stage
            return
        self.category, self.stage, self.level = category, stage, level
