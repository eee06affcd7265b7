"""Reading one project list (found by `finding`): its lines, groups, labels and sentences into names and stages.

Inside a list the layouts are few and come from the genre, not from one district:

- per-stage lines            `开工重点项目：A、B…` / `竣工重点项目：…`
- category lines             `新兴产业项目：A、B`, with stages nested inside: `道路交通：新开工项目：A；竣工项目：B`
- category line on its own   `教育设施` followed by `新开工项目：A；续建项目：B`
- group sub-headings         `政府投资类项目完成38个：` or `（一）计划新开工项目（15个）` on a line of their own
- numbered items             `1.A工程；` `2.B项目。` one name a line, numbering restarting under each group
- verb-governed sentences    `新开工A、B等项目。续建C项目。加快D等项目前期工作。`
- `name：result` items        (民心工程) one per line, the stage read from the result text
- plain enumerations         `A、B、C。` whose stage (if any) comes from the list title (`2022年新建…项目`)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import groupby

from ..document import Document, heading_level, squash
from ..records import ProjectItem
from .details import is_detail_bullet
from .finding import _PROJECT_TITLE, ProjectList, glued_group
from .item_details import (
    heads_detailed_items,
    heads_stage_tagged,
    is_sized_works,
    name_after_stage_tag,
    name_before_glued_detail,
    name_of_dashed,
    name_of_detailed,
    split_glued,
)
from .names import (
    _ENDS_WITH_HEAD,
    _ITEM_NUMBER,
    CLAUSE_SEPARATORS,
    LABEL_CLOSERS,
    _has_space,
    clean_name,
    find_outside_brackets,
    glued_number,
    is_bulleted,
    is_semicolon_names,
    item_text,
    join_shared_places,
    split_label,
    split_outside_brackets,
    split_squashed_names,
    strip_item_number,
)
from .parts import Group, GroupStack, is_open_ended, printed_count
from .stages import (
    _LABEL_NUMBER,
    _LIST_VERB,
    _NESTED_STAGE_LABEL,
    _RESULT_OPENERS,
    _STAGE_LABEL,
    GroupContext,
    group_label,
    kind_heading,
    noted_stage,
    outline_level,
    parse_label,
    result_stage,
    title_stage,
    without_count,
)

# ---------------------------------------------------------------------------------------------------------
# Reading one list
# ---------------------------------------------------------------------------------------------------------


_KIND_WORDS = ("类", "板块", "领域", "方面")
_NAMES_END = re.compile(r"(?:等)?项目$|前期工作$")
_NAMES_ENDINGS = ("项目", "前期工作", "\n")
_FIGURE_OR_COMMA = re.compile(r"\d|[，,]")


def _is_result_text(rest: str, label: str = "") -> bool:
    """The text after `name：` reports or plans the work (民心工程) rather than listing project names.

    Not when the label is a kind (`交通基础设施类：建成A；续建B、C`) or the text is several `；`-clauses that each
    open with a stage verb: that is a list sorted by stage."""
    if not _RESULT_OPENERS.match(rest):
        return False  # the one way to a True below: most enumerations open with a name, and need no more tests
    if _NESTED_STAGE_LABEL.match(rest) or without_count(label).endswith(_KIND_WORDS):
        return False
    if label and parse_label(label)[0] is None and parse_label(label)[1]:
        return False  # a stage label (`竣工投产项目（3个）：年产5万吨…项目、…`) lists names, whatever the first opens with
    clauses = [c for c in split_outside_brackets(rest.rstrip("。"), "；;") if c]
    if len(clauses) > 1 and all(_LIST_VERB.match(c) for c in clauses):
        return False
    first = split_outside_brackets(rest, "。")[0]
    if first.endswith(_NAMES_ENDINGS) and _NAMES_END.search(first):  # no scan of a long line that cannot match
        return False
    if _LIST_VERB.match(first) and "、" in first and not _FIGURE_OR_COMMA.search(first):
        return False  # `建成A、B、C。`: a verb over a list of names
    return True


@dataclass
class Segment:
    """Names printed under one stage word (or none) inside a list line."""

    names: list[str]
    stage_raw: str | None


_PREPARATORY_TAIL = re.compile(r"(?:等(?:重点|重大)?)?(?:项目)?前期工作$")


def _clause_segments(text: str) -> list[Segment]:
    """Verb-governed sentences: `新开工A、B等项目。续建C项目，推进D等项目。加快E等项目前期工作。`.

    A clause that opens with a stage verb starts a new group; a clause without one continues the group
    before it (an enumeration that runs over a comma). `…前期工作` makes the clause preparatory whatever
    verb opens it.
    """
    out: list[Segment] = []
    spaced = _has_space(text)  # a list line's text comes squashed: its clauses need no squashing again
    for clause in split_outside_brackets(text, CLAUSE_SEPARATORS):
        # `1.A；2.B；3.C`: numbered items run on in one paragraph
        clause = strip_item_number(squash(clause) if spaced else clause)
        if not clause:
            continue
        stage = out[-1].stage_raw if out else None
        m = _LIST_VERB.match(clause)
        if m:
            stage, clause = m.group(0), clause[m.end():]
        pm = _PREPARATORY_TAIL.search(clause) if clause.endswith("前期工作") else None
        if pm:
            clause, stage = clause[: pm.start()], "前期工作"
        names = join_shared_places(split_squashed_names(clause))  # squashed above
        if not names:
            continue
        if m or pm or not out:
            out.append(Segment(names, stage))
        else:
            out[-1].names.extend(names)
    return out


def parse_rest(rest: str, glued: bool = False) -> list[Segment]:
    """Segments of the text after a label (or of an unlabelled line), with the stage each one prints.

    `glued`: the line opened with a stage label, so a stage label further on opens the next stage's names even
    right after a name (`…A中学加快建设：B…`: a PDF reader ran two label lines together)."""
    marks = [m for m in _NESTED_STAGE_LABEL.finditer(rest)
             if m.start() == 0 or rest[m.start() - 1] in "；;。，," or glued] \
        if "：" in rest or ":" in rest else []  # a stage label ends in a colon
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


@dataclass
class ListRead:
    """What one list gave: its items, the groups it printed (with their counts) and the lines it had."""

    items: list[ProjectItem]
    groups: list[Group]
    lines_seen: int


_KIND_ONLY = re.compile(r"^.{1,12}(?:类|板块|领域)$")


def _is_category_line(s: str, nxt: str | None) -> bool:
    """`教育设施` on a line of its own, right above a line that opens with a stage label (`新开工项目：…`) or
    above a paragraph of names separated by semicolons (`城市更新` over `A；B；C。`), or a kind on its own
    (`◆交通类`, `城市建设板块`) above more lines of the list: the category of the lines under it, not a project."""
    if nxt is None or len(s) > 16 or find_outside_brackets(s, "、，,；;。：:") >= 0:
        return False
    return bool(_NESTED_STAGE_LABEL.match(nxt) or _KIND_ONLY.match(s) or is_semicolon_names(nxt))


def _heads_stage_lines(s: str, nxt: str | None) -> bool:
    """A bulleted short line right above a stage line that names projects (`◆能源产业` over `新开工：A、B；`): the
    kind the stage lines under it sort, not a project. (Above a bare stage heading, `【续建项目】`, a bulleted line
    is the last item of the group before.)"""
    m = _NESTED_STAGE_LABEL.match(nxt) if nxt is not None else None
    return m is not None and bool(nxt[m.end():].strip("。；;，,、 ")) and not _ENDS_WITH_HEAD.search(s)


def _heads_bullets(s: str, no: int, next_no: int | None, bulleted: set[int]) -> bool:
    """A short line without a bullet right above bulleted items (`城市更新` over `◆ A`, `◆ B`), itself not after
    a bullet of the same list: the heading of the items under it, as a bold or short line in a box prints it."""
    return (next_no is not None and no not in bulleted and next_no in bulleted and len(s) <= 12
            and find_outside_brackets(s, "、，,；;。：:") < 0 and not _ENDS_WITH_HEAD.search(s))


def _heads_deeper_bullets(raw: str, next_raw: str | None, s: str) -> bool:
    """A bullet whose next item is a bullet indented deeper (`- **电子信息产业**` over `  - 新开工` over
    `    - A`): the heading of the items nested under it, as a Markdown or word-processor outline prints a
    category, not a project. A bullet at the same depth as the next one is an item of the same list."""
    return (next_raw is not None and len(s) <= 16 and is_bulleted(raw) and is_bulleted(next_raw)
            and _indent(next_raw) > _indent(raw) and find_outside_brackets(s, "、，,；;。：:") < 0
            and not _ENDS_WITH_HEAD.search(s))  # `- A产业园` over `  - 总投资…`: a project and its details


BULLET_LEVEL = 10  # a bullet's depth comes below every numbered outline level (`（1）` is 4)
SIDE_LEVEL = 50  # a category line over bare stage lines (`智能装备产业` over `新开工`): the stage lines nest under it
_WORKS_END = re.compile(r"(?:改造|建设|提升|整治|改扩建|扩建|新建|修缮|治理|搬迁|升级|工程|项目)$")


def _pure_stage(s: str | None) -> bool:
    """A bare stage line (`新开工`, `续建项目`, `（二）竣工项目（5个）`): a stage group without a category."""
    group = group_label(s) if s is not None else None
    return group is not None and group[0] is None and group[1] is not None


def _heads_stage_heading(s: str, nxt: str | None) -> bool:
    """A short line right above a bare stage line (`智能装备产业` over `新开工` over names, as a Word list prints
    nested bullets once the bullets are gone): the kind the stage groups under it sort, when it reads as a kind, not
    as a name (no head noun, no works word, no punctuation)."""
    return (len(s) <= 12 and _pure_stage(nxt) and group_label(s) is None and not _ENDS_WITH_HEAD.search(s)
            and not _WORKS_END.search(s) and find_outside_brackets(s, "、，,；;。：:") < 0)


def _level(line: str) -> int | None:
    """The outline level of a group label's line: its number's (`outline_level`), or for an unnumbered bullet its
    indentation below every numbered level, so a bullet nested deeper adds to the group above it."""
    level = outline_level(line)
    if level is None and _TEXT_BULLET_AT.match(line):
        return BULLET_LEVEL + _indent(line)
    return level


_TEXT_BULLET_AT = re.compile(r"^[ \u3000\t]*[-*+•·●○■□◆◇▪►▶➢](?:[ \u3000]|\*\*)")


_TRAILING_BRACKET_LABEL = re.compile(r"(?<=.)(?:【[^】]{1,20}】|[◆●■▪•][^◆●■▪•]{1,12}(?:类|板块|领域))$")
_LABEL_ENDINGS = ("】", "类", "板块", "领域", "\n")  # how a match of it ends (`$` may stand before a final \n)


def _trailing_label(s: str) -> re.Match | None:
    # the pattern opens with a lookbehind, so `re` would try it at every character of a long list line
    return _TRAILING_BRACKET_LABEL.search(s) if s.endswith(_LABEL_ENDINGS) else None


def _unglued(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Split off a category label that a PDF reader ran onto the end of the line before it: `…绿道【生态类】`,
    `…公园◆民生类`, or `…改扩建。医疗卫生` right above a line that opens with a stage label. Both pieces keep the
    line number."""
    out: list[tuple[int, str]] = []
    for k, (no, s) in enumerate(body):
        nxt = body[k + 1][1] if k + 1 < len(body) else None
        m = _trailing_label(s)
        cut = s.rfind("。", 0, len(s) - 1)
        if m:  # `…绿道【生态类】`, `…公园◆民生类`
            out += [(no, s[: m.start()]), (no, item_text(m.group(0)))]
        elif cut > 0 and (_is_category_line(s[cut + 1:], nxt) or glued_group(s) is not None):
            out += [(no, s[: cut + 1]), (no, s[cut + 1:])]
        else:
            out.append((no, s))
    return out


def _dashed_items_split(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A line of several items each set off by a dash from its description and closed by `。`
    (`A【续建】——…总投资6亿元。B【竣工】——…。`: a PDF reader ran the lines of the box together), one item a piece; the
    pieces keep the line number."""
    out: list[tuple[int, str]] = []
    for no, s in body:
        pieces = [p for p in split_outside_brackets(s, "。") if p] if "—" in s and "。" in s[:-1] else [s]
        if len(pieces) > 1 and all(name_of_dashed(p) is not None for p in pieces):
            out += [(no, p + "。") for p in pieces]
        else:
            out.append((no, s))
    return out


# A wrapped bullet's second line may be only a bracketed phrase (`（一期）`).
_BRACKET_ONLY = re.compile(r"^[（(][^（）()]{1,12}[）)]$")


def _joined_continuations(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """The list lines as items: a wrapped bullet's continuation (`- A城市更新` over `  （一期）`, a short line
    indented deeper than the bullet) and the next line of a hard-wrapped enumeration joined to the line above. The
    second line of a wrapped item is part of it, never a name of its own."""
    out: list[tuple[int, str]] = []
    prev_bullet: str | None = None  # the raw line of the bullet just above, if the line above is one
    prev_no = -1  # line of the entry `out[-1]` ends on
    pieces = [(no, piece) for no in range(start, end + 1)
              for glued in _glued_symbol_split(doc.line(no)) for piece in _glued_item_split(glued)]
    width: int | None = None  # the text column (the widest line), read only once a line could wrap
    for no, raw in pieces:
        s = item_text(raw)
        if not s or _NO_NAME.match(s):  # a page number (`5`, `—5—`) left in the flow reads as a blank line
            prev_bullet = None
            continue
        bulleted = is_bulleted(raw)
        opens_item = bulleted or heading_level(s) is not None
        if out and prev_bullet is not None and not opens_item and (
                _BRACKET_ONLY.match(s)
                or (_indent(raw) > _indent(prev_bullet) and not _ANY_LIST_MARK.search(s) and len(s) <= 12)):
            out[-1] = (out[-1][0], out[-1][1] + s)
            prev_no = no
            continue
        if out and prev_no == no - 1 and not opens_item:
            above = squash(doc.line(prev_no))
            if len(above) >= WRAPPED_MIN and width is None:  # (`_wrapped` reads no width of a shorter line)
                width = max((_display_width(squash(piece)) for _, piece in pieces), default=0)
            if _wrapped(above, s, width or 0, out[-1][1]):
                out[-1] = (out[-1][0], out[-1][1] + s)  # `…A、B港区二期码` over `头、C。`: a hard-wrapped paragraph
                prev_no = no
                continue
        out.append((no, s))
        prev_no = no
        prev_bullet = raw if bulleted else None
    return out


WRAPPED_MIN = 20  # a hard-wrapped line runs to the width of the text column: a short line ends where it ends
WRAPPED_SHARE = 0.9  # … within a character or two of the longest line of the list


def _wide_runs() -> re.Pattern:
    """Runs of the wide (`W`/`F`) characters of the Basic Multilingual Plane, the class read once from `unicodedata`
    (some 360 ranges): `re` finds the runs in C where a per-character `east_asian_width` call took most of
    `_display_width`'s time (list lines are long paragraphs)."""
    ranges, start = [], 0
    for wide, group in groupby(unicodedata.east_asian_width(ch) in "WF" for ch in map(chr, range(0x10000))):
        size = sum(1 for _ in group)
        if wide:
            ranges.append(f"\\u{start:04x}-\\u{start + size - 1:04x}")
        start += size
    return re.compile(f"[{''.join(ranges)}]+")


_WIDE_RUNS = _wide_runs()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # outside the class: `unicodedata` reads each one


def _display_width(text: str) -> int:
    """How wide a line prints: a Chinese character takes two columns, a Latin letter or digit one, so a wrapped
    line holding `TOPCon` or `G3` holds more characters than one of Chinese only and is no wider. (The same as
    `len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")`, counted by runs.)"""
    if text.isascii():
        return len(text)
    width = len(text) + sum(map(len, _WIDE_RUNS.findall(text)))
    if _ASTRAL.search(text):  # a character past U+FFFF (an emoji, a rare ideograph): rare, read one by one
        width += sum(1 for ch in _ASTRAL.findall(text) if unicodedata.east_asian_width(ch) in "WF")
    return width


def _wrapped(above: str, s: str, width: int, entry: str | None = None) -> bool:
    """`s` goes on with the enumeration above it, which a text copy cut at the column width: the line above lists
    several names (two or more `、`/`，`, one after a label, or a bracket left open; counted over the whole entry
    when the line above already went on from the one before it), runs the full width of the list's longest line
    and stops without a closing `。`/`；`, and `s` opens no label or group. (One name a line never runs on: a long
    name with one `、` in it is not an enumeration.)"""
    if len(above) < WRAPPED_MIN or _display_width(above) < WRAPPED_SHARE * width:
        return False  # short of the column: the cheap test first
    listed = entry if entry is not None and entry.endswith(above) else above
    seps = len(_ENUMERATION.findall(listed))
    unclosed = above.count("（") + above.count("(") > above.count("）") + above.count(")")
    listing = seps >= 2 or unclosed or (seps >= 1 and split_label(listed)[0] is not None)
    return (listing
            and not above.endswith(_CLOSERS)
            and not _trailing_label(above)  # `…绿道【生态类】`: a label glued on, not a wrap
            and split_label(s)[0] is None and group_label(s) is None and not _BRACKET_LABEL_LINE.match(s))


_ENUMERATION = re.compile(r"[、，,]")
_CLOSERS = ("。", "；", ";", "！", "？", "：", ":", *LABEL_CLOSERS)
_BRACKET_LABEL_LINE = re.compile(r"^(?:【[^】]+】|〔[^〕]+〕|［[^］]+］|〖[^〗]+〗)")


# A symbol bullet with its space in the middle of a line (`交通类（2项）◆ A◆ B`): a PDF reader ran the lines of a
# box together; each bullet opens an item again.
_GLUED_SYMBOL = re.compile(r"(?<=\S)(?=[●○◆◇■□▪•▶►★☆➢➤▲△][ \u3000]+\S)")


# A numbered item after the full stop of the one before (`…生产线。（2）B项目：总投资…`): a PDF reader ran two
# paragraphs of a list together; the number opens the next item again.
_GLUED_ITEM = re.compile(r"(?<=[。；;])(?=[（(]\d{1,2}[）)])")


def _glued_symbol_split(line: str) -> list[str]:
    return _GLUED_SYMBOL.split(line) if _SYMBOL_MARK.search(line) else [line]  # the lookbehind runs everywhere


def _glued_item_split(text: str) -> list[str]:
    pieces = _GLUED_ITEM.split(text) if _GLUED_ITEM_AT.search(text) else [text]
    return [p for piece in pieces for p in split_glued(piece)] if "年" in text else pieces


_GLUED_ITEM_AT = re.compile(r"[。；;][（(]\d")  # where `_GLUED_ITEM` can split (it opens with a lookbehind)


_SYMBOL_MARK = re.compile(r"[●○◆◇■□▪•▶►★☆➢➤▲△]")  # the marks `_GLUED_SYMBOL` splits before


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000\t"))


_ANY_LIST_MARK = re.compile(r"[、，,；;：:。]")


# A "name" without a single letter or character: a page number or a dash.
_NO_NAME = re.compile(r"^[\d\s\-—–－·/／.．]*$")


# A project's description opens with its investment: `总投资32亿元，建设…`, `项目总投资5亿元…`.
_DESCRIPTION = re.compile(r"^(?:项目|计划|估算|预计)?总投资")


# A stage printed in brackets after a name: `枫林县城南小学（新开工）`, `枫林湖隧道（前期）`.
_STAGE_TAG = re.compile(rf"^(.+?)[（(]((?:{_STAGE_LABEL}))[）)]$")


# A description in brackets closing a name: the works and the investment (`A工程（新建床位500张，总投资11.2亿元）`).
_DESCRIBED = re.compile(r"^(.+?)[（(]([^（）()]*?(?:总投资|计划投资)约?[\d.]+\s*(?:万|亿)元[^（）()]*)[）)]$")


# A bracket closing a name whose clauses label the item's stage among its details: `A项目（建设性质：新开工；总投资1.8亿元；
# 年度投资1亿元）`, `B工程（性质：续建）`, `C中心（建设阶段：前期，总投资…）`: the name without the bracket, the stage the label gives.
_LABELLED_BRACKET = re.compile(r"^(.+?)[（(]([^（）()]*(?:性质|阶段)[：:][^（）()]*)[）)]$")
_STAGE_FIELD = re.compile(rf"^(?:建设|项目)?(?:性质|阶段)[：:]\s*({_STAGE_LABEL})$")


def _labelled_stage(name: str) -> tuple[str, str] | None:
    """(name, stage_raw) of `name（建设性质：新开工；总投资…）` (`_LABELLED_BRACKET`), when one clause of the bracket is
    the stage field and its value is stage words; None for any other name."""
    m = _LABELLED_BRACKET.match(name)
    if m is None:
        return None
    for clause in split_outside_brackets(m.group(2), "；;，,"):
        field = _STAGE_FIELD.match(clause.strip())
        if field:
            return m.group(1), field.group(1)
    return None


def read_list(doc: Document, plist: ProjectList) -> ListRead:
    """Items of one list, walking its lines with the group context a sub-heading line sets."""
    items: list[ProjectItem] = []
    stack = GroupStack()
    default_stage = title_stage(plist.title)
    group_category: str | None = None
    group_stage: str | None = None

    title, year, review = plist.title, plist.period_year, plist.review

    def emit(name: str, stage_raw: str | None, category: str | None, line_no: int) -> None:
        if _NO_NAME.match(name):
            return  # `5`, `—5—`: a page number left in the flow, never a project
        labelled = _labelled_stage(name) if name[-1:] in "）)" else None
        if labelled:  # `A项目（建设性质：新开工；总投资…）`: the stage labelled among the details in the bracket
            name, stage_raw = labelled
        tagged = _STAGE_TAG.match(name) if not labelled and name[-1:] in "）)" else None  # the tag closes the name
        described = _DESCRIBED.match(name) if not tagged and not labelled and name[-1:] in "）)" else None
        if described:  # `A工程（新建一级公路11公里，总投资9.8亿元）`: the works and the cost, not the name
            name = described.group(1)
        if tagged:  # `A工程（续建）`: the item's own stage, printed after its name
            name, stage_raw = tagged.group(1), tagged.group(2)
        # ProjectItem(list_title, period_year, project_name, stage, source_line, category, stage_raw), positional:
        # this runs once per name
        items.append(ProjectItem(title, year, name, noted_stage(stage_raw, year, review), line_no,
                                 category or None, stage_raw or None))
        stack.count_name()

    def emit_names(names: list[str], stage_raw: str | None, category: str | None, line_no: int) -> None:
        """`emit` for each name of one segment: the stage is read once, and a name that closes with no bracket
        (no stage tag, no description) and is no page number becomes its item directly."""
        stage, raw, category = noted_stage(stage_raw, year, review), stage_raw or None, category or None
        emitted = 0
        for name in names:
            # (a name opening with a CJK ideograph is no page number: `_NO_NAME` needs digits, spaces, dashes)
            if name[-1:] in "）)" or not ("\u4e00" <= name[:1] <= "\u9fff") and _NO_NAME.match(name):
                emit(name, stage_raw, category, line_no)
                continue
            items.append(ProjectItem(title, year, name, stage, line_no, category, raw))
            emitted += 1
        stack.count_names(emitted)

    context = GroupContext()

    def open_group(label: str, line_no: int) -> None:
        stack.start(label, line_no, outline_level(doc.line(line_no)))

    body = _joined_continuations(doc, plist.start, plist.end)
    bulleted = {no for no, _ in body if is_bulleted(doc.line(no))}
    body = _dashed_items_split(_unglued(body))
    # kinds over bare stage lines only where the list opens with one: a list that opens with a stage line has its
    # names (some without a head noun) right above the next stage line
    side_kinds = len(body) > 1 and body[0][0] not in bulleted and _heads_stage_heading(body[0][1], body[1][1])
    detail_above: str | None = None  # the raw line of the last item, for a bullet of details under it
    for k, (no, s) in enumerate(body):
        if is_detail_bullet(doc.line(no), detail_above):
            continue  # `  - 总投资21亿元，建设…。` describes the project above: no names
        detail_above = doc.line(no)
        nxt = body[k + 1][1] if k + 1 < len(body) else None
        led = name_after_stage_tag(s)
        if led is not None:  # `【拟开工】A项目。建设…，总投资…。`: the item's own stage, its name, its description dropped
            emit(led[1], led[0], group_category, no)
            continue
        label, rest = split_label(s)  # read again only where `s` is cut down to a name below
        if label is None and ("—" in s or "－－" in s or "--" in s or "―" in s or "〕" in s or "】" in s or "）" in s):
            dashed = name_of_dashed(s)
            above = _ITEM_NUMBER.match(squash(doc.line(body[k - 1][0]))) if dashed and k and s[:1].isdecimal() else None
            if above and above.group(1) and (bare := glued_number(dashed, int(above.group(1)) + 1)) is not None:
                dashed = bare  # `2.100兆瓦风电项目——…` under item 1: item 2, its name opening with digits
            if dashed is not None and group_label(dashed) is None:
                # `A项目——总投资…〔新开工〕`: the name and its stage tag, the description dropped; an item, never the
                # kind of the stage line below it (`B项目——建设…，总投资…。` right above `【竣工项目】`)
                emit(dashed, group_stage or default_stage, group_category, no)
                continue
            if dashed is not None:
                s = dashed
                label, rest = split_label(s)
        if label is None and ("，" in s or "," in s):
            named = name_of_detailed(s)
            if named is not None:  # `A项目（新开工），总投资52亿元，建设年限…`: the name, its details dropped
                s = named
                label, rest = split_label(s)
        if label is None and "总投资" in s and (glued := name_before_glued_detail(s)) is not None:
            s = glued  # `A工程总投资38.6亿元，…`: two columns of a page run together, the name kept
            label, rest = split_label(s)
        group = group_label(s)
        if group is not None:
            level = _level(doc.line(no))
            if level is None and context.level == SIDE_LEVEL and group[0] is None:
                level = SIDE_LEVEL + 1  # `新开工` under `智能装备产业`: keeps the kind
            context.enter(*group, level)
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        kind = kind_heading(doc.line(no), doc.line(body[k + 1][0]) if nxt is not None else None)
        if kind is not None:  # `2.基础设施项目` over `（1）A：总投资…` or `新开工：B、C`: the items' category
            context.enter(kind, None, outline_level(doc.line(no)))
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if label is not None and not rest.strip("。"):
            context.enter(*parse_label(label), outline_level(doc.line(no)))
            group_category, group_stage = context.category, context.stage
            open_group(label, no)
            continue
        if side_kinds and label is None and no not in bulleted and _heads_stage_heading(s, nxt):
            context.enter(s, None, SIDE_LEVEL)  # `智能装备产业` over `新开工`
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if label is None and nxt is not None and _heads_deeper_bullets(doc.line(no), doc.line(body[k + 1][0]), s):
            context.enter(s, None, _level(doc.line(no)))  # `- **电子信息产业**` over deeper bullets
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if label is None and nxt is not None and heads_stage_tagged(s, nxt):
            context.enter(s, None, outline_level(doc.line(no)))  # `2.交通水利` over `〔竣工〕A工程。…，总投资…`
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if label is None and nxt is not None and heads_detailed_items(s, nxt):
            context.enter(_LABEL_NUMBER.sub("", s) or s, None, outline_level(s))  # `（二）城乡建设` over `A（续建），总投资…`
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if label is None and (no not in bulleted or _KIND_ONLY.match(s) or _heads_stage_lines(s, nxt)) and (
                _is_category_line(s, nxt) or _heads_bullets(s, no, body[k + 1][0] if nxt else None, bulleted)):
            context.enter(_LABEL_NUMBER.sub("", s) or s, None, outline_level(doc.line(no)))
            group_category, group_stage = context.category, context.stage
            open_group(s, no)
            continue
        if is_open_ended(s):
            stack.mark_open_ended()
        works = label is not None and is_sized_works(label, rest)  # `A工程：治理河道12公里，…，总投资2.5亿元。`
        if label is not None and (works or _is_result_text(rest, label)):
            # a group's stage (`二、续建项目`) is what the list says; the result text only describes the work
            # a plan list's description of a project (`A项目：总投资32亿元，建设…`) says what it is, not its stage
            described = not plist.review and (works or _DESCRIPTION.match(rest))
            stage = group_stage or (None if described else result_stage(rest, plist.review)) or default_stage
            emit(clean_name(label), stage, group_category, no)
            continue
        category, label_stage = parse_label(label) if label is not None else (None, None)
        if label is not None and (printed_count(label) or label_stage is not None):
            # `1.先进制造业项目（126个）：A、B等。`; a stage label without a count (`竣工项目：C`) is a group too: its
            # names are not the counted stage group's above it
            group = stack.start(label, no, outline_level(doc.line(no)))
            group.open_ended = is_open_ended(rest)
        category = category or group_category
        base_stage = label_stage or group_stage or default_stage
        for seg in parse_rest(rest, glued=label_stage is not None and category is None):
            emit_names(seg.names, seg.stage_raw or base_stage, category, no)
    return ListRead(items, stack.groups, len(body))


def reads_as_projects(plist: ProjectList, items: list[ProjectItem]) -> bool:
    """A box titled as a project list, or whose entries mostly end in a project head noun or stand under a stage
    label that calls them projects (`新开工项目：`, `【续建项目】`: the report's own word). Other boxes (policy lists,
    target lists in prose) are not project lists even when laid out like one."""
    if _PROJECT_TITLE.search(plist.title):
        return True
    headed = sum(1 for it in items if _ENDS_WITH_HEAD.search(it.project_name)
                 or (it.stage_raw is not None and _STAGE_NAMES_PROJECTS.search(it.stage_raw)))
    return bool(items) and 2 * headed >= len(items)


_STAGE_NAMES_PROJECTS = re.compile(r"(?:项目|工程)(?:[（(][^）)]*[）)]|\d+[个项])?$")

