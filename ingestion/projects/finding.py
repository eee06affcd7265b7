"""Where a report's project lists are and how far each runs.

Boxed lists (专栏N：…), attachment lists (附件 + a title line naming projects) and unboxed lists (stage headings
with numbered lines, numbered paragraphs of one kind of project, stage-label paragraphs under a heading). A body
ends at the next caption, at a heading that is not one of its items or groups, or at a line that reads as prose.
A box whose body is table cells is a table and is left to `project_tables`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, box_caption, heading_level, is_cell_line, parse_caption, squash
from ..scan import scanner
from . import item_details
from .details import is_detail_bullet
from .item_details import (
    heads_dashed_items,
    name_after_stage_tag,
    name_of_dashed,
    name_of_described,
    name_of_detailed,
    split_glued,
)
from .names import (
    _ENDS_WITH_HEAD,
    _ITEM_NUMBER,
    LABEL_BRACKETS,
    LABEL_CLOSERS,
    find_outside_brackets,
    glued_number,
    is_bulleted,
    is_semicolon_names,
    is_symbol_bulleted,
    item_text,
    spaced_number,
    split_label,
    split_outside_brackets,
    stage_lead,
    strip_item_number,
)
from .parts import is_open_ended, printed_count
from .stages import (
    _GROUP_LABEL,
    _LABEL_NUMBER,
    _LIST_VERB,
    _NESTED_STAGE_LABEL,
    _STAGE_WORD,
    could_head_kinds,
    group_label,
    kind_heading,
    parse_label,
    without_count,
)
from .text_index import line_text

_YEAR = re.compile(r"(\d{4})年")
_PIPE_ROW = re.compile(r"^\|.*\|$")
_NOTE_LABELS = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)[：:]")


@dataclass(frozen=True)
class ProjectList:
    title: str
    caption_line: int  # line of the caption / title line the list is known by
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




def _is_list_sentence(sentence: str) -> bool:
    """One sentence of a list: an enumeration without commas, or clauses that each open with a stage verb
    (`续建A等项目，推进B等项目`). Task prose opens its sentences with other verbs (`实施…行动计划。`)."""
    clauses = [c for c in split_outside_brackets(sentence, "，,；;") if c]
    if len(clauses) <= 1 or name_of_detailed(sentence) is not None:
        return True  # one name, or one name with its investment and years (`A项目，总投资52亿元，建设年限…`)
    if name_of_dashed(sentence) is not None:
        return True  # one name set off by a dash from its description (`A项目〔新开工〕——…，总投资28亿元…`)
    if all(_ITEM_NUMBER.match(c) for c in clauses[1:]):
        return True  # `1.A工程；2.B项目；3.C中心。`: numbered items run on in one paragraph
    if "，" not in sentence and "," not in sentence and 2 * sum(1 for c in clauses if _ENDS_WITH_HEAD.search(c)) \
            >= len(clauses):
        return True  # `A中心；B产业园；C工程`: names separated by semicolons, most ending in a facility's noun
    return all(_LIST_VERB.match(c) for c in clauses)


def _stage_pieces(s: str) -> list[str]:
    """`s` cut before each stage label that follows a sentence end (`…。续建项目：…`)."""
    cuts = [m.start() for m in _NESTED_STAGE_LABEL.finditer(s) if m.start() > 0 and s[m.start() - 1] in "。；;"] \
        if "：" in s or ":" in s else []  # a stage label ends in a colon
    if not cuts:
        return [s]
    bounds = [0, *cuts, len(s)]
    return [s[a:b] for a, b in zip(bounds, bounds[1:]) if s[a:b]]


_LEAD_IN = re.compile(r"(?:看|而言|来说)$")
# a kind line (`城乡建设类`, `文旅板块`) after the full stop that closes a list line: the two lines run together
_GLUED_KIND = re.compile(r"。[^，,。；;、：:（）()]{1,12}(?:类|板块|领域)$")
_KIND_LINE_ENDS = ("类", "板块", "领域")


def _is_list_line(line: str, s: str | None = None) -> bool:
    """Whether a line still belongs to a project list rather than to the prose paragraph after it (`s`: the line
    squashed, when the caller has it).

    Tab-led and labelled (`X：…`) lines always do. Any other line must read as list sentences throughout;
    a short title-like sentence (`实施院校引进行动计划。`) followed by task prose does not.
    """
    if s is None:
        s = squash(line)
    if _NOTE_LABELS.match(s) or _PIPE_ROW.match(s):
        return False  # a note, or a row of a Markdown table (a table is never a list)
    if is_cell_line(line):
        return True
    label, rest = split_label(s)
    if label is not None:
        # a label leads list items (a category, a stage, a project and its details), but a lead-in to sentences
        # (`从具体安排看：…`, `总体而言：…`) only when what follows reads as a list, not as the paragraph's tasks
        return not _LEAD_IN.search(label) or _is_list_line(rest)
    glued = _GLUED_KIND.search(s) if s.endswith(_KIND_LINE_ENDS) else None
    if glued and glued.start() > 0:  # `…年度投资0.3亿元）。城乡建设类`: a PDF reader ran the next kind line onto the item
        return _is_list_line(s[: glued.start() + 1])
    pieces = _stage_pieces(s)
    if len(pieces) > 1:  # `A、B。续建项目：C、D。`: stage paragraphs run together into one line
        return all(_is_list_line(p) for p in pieces)
    if "。" in s[:-1] and item_details.name_of_stage_led(s) is not None:
        return True  # `A产业园一期。续建项目，总投资9.4亿元，…。`: one item, its stage words opening its description
    sentences = [x for x in split_outside_brackets(s, "。") if x]
    if len(sentences) > 1 and not all(_LIST_VERB.match(x) for x in sentences):
        # `A工程（续建）。建设…，总投资8.6亿元。`: one item described; `A【续建】——…。B【竣工】——…。` run together
        return (name_of_described(s) is not None or all(name_of_dashed(x) is not None for x in sentences)
                or name_after_stage_tag(s) is not None  # `（2）【拟开工】A项目。建设…，总投资…。`
                or name_of_dashed(strip_item_number(s)) is not None)  # `1.A工程——建设…。总投资…。（新开工）`
    return all(_is_list_sentence(x) for x in sentences)



def _is_numbered_item(s: str, expected: int) -> bool:
    m = _ITEM_NUMBER.match(s)
    return bool(m and m.group(1) and int(m.group(1)) == expected and _is_list_line(strip_item_number(s)))



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
    return bool(_GROUP_LABEL.match(without_count(rest.rstrip("：:")))) or group_label(s) is not None


def _heads_bullets(doc: Document, no: int) -> bool:
    """`（一）交通基础设施` right above `◆ A`: a short outline-numbered kind heading the bullets of a box, not the
    next heading of the report (a task heading is followed by its paragraph, not by bullets)."""
    s = squash(doc.line(no))
    m = _LABEL_NUMBER.match(s)
    if not m or len(s) - m.end() > 16 or _SENTENCE_PUNCT.search(s[m.end():]):
        return False
    nxt = _next_text_line(doc, no)
    return nxt is not None and is_symbol_bulleted(doc.line(nxt))


def _heads_numbered_items(doc: Document, no: int) -> bool:
    """`（一）先进制造业` right above `1.A项目（新开工），总投资…`: a short outline-numbered kind heading over items
    numbered from 1 inside a box, not the next heading of the report (a task heading is followed by its paragraph,
    which reads as prose, not as a list item)."""
    s = squash(doc.line(no))
    m = _LABEL_NUMBER.match(s)
    if not m or len(s) - m.end() > 16 or _SENTENCE_PUNCT.search(s[m.end():]):
        return False
    nxt = _next_text_line(doc, no)
    if nxt is None:
        return False
    following = squash(doc.line(nxt))
    if _is_numbered_item(following, 1) or _glued_items(following, 1) is not None:
        return True
    m = _ITEM_NUMBER.match(following)  # items numbered on across the kinds (`二、产业发展` over `4.B园（新开工）。…`)
    return bool(m and m.group(1)) and name_of_described(strip_item_number(following)) is not None


def _heads_stage_lines(doc: Document, no: int) -> bool:
    """`（一）交通物流` right above `新开工：A、B。`: a short outline-numbered kind heading over the stage-label lines of
    a 专栏, not the next heading of the report (a task heading is followed by its paragraph, not by a stage label)."""
    s = squash(doc.line(no))
    m = _LABEL_NUMBER.match(s)
    if not m or len(s) - m.end() > 16 or _SENTENCE_PUNCT.search(s[m.end():]):
        return False
    nxt = _next_text_line(doc, no)
    return nxt is not None and _NESTED_STAGE_LABEL.match(squash(doc.line(nxt))) is not None


def _heads_semicolon_names(doc: Document, no: int) -> bool:
    """`（二）文化体育` right above `A；B；C。`: a short outline-numbered kind heading over a paragraph of names in a
    专栏, not the next heading of the report (a task heading is followed by its paragraph, which reads as prose)."""
    s = squash(doc.line(no))
    m = _LABEL_NUMBER.match(s)
    if not m or len(s) - m.end() > NAMES_HEADING_MAX or _SENTENCE_PUNCT.search(s[m.end():]):
        return False
    nxt = _next_text_line(doc, no)
    return nxt is not None and is_semicolon_names(squash(doc.line(nxt)))


def _heads_described_items(doc: Document, no: int) -> bool:
    """`（一）先进制造业` right above `A项目【续建】——…，总投资12亿元…`: a short outline-numbered kind heading over
    items set off by a dash from their details in a box (`item_details.heads_dashed_items`), not the next heading of
    the report (its paragraph is no such item)."""
    nxt = _next_text_line(doc, no)
    return nxt is not None and heads_dashed_items(squash(doc.line(no)), squash(doc.line(nxt)))


NAMES_HEADING_MAX = 16  # a kind or stage heading over names is short (`城市更新`, `新开工项目（6个）`)
_KIND_HEADING_MAX = 16  # the outline-numbered kind heading over bullets, items or stage lines (`（一）交通基础设施`)


def _heads_box_group(doc: Document, no: int, s: str) -> bool:
    """`_heads_bullets or _heads_numbered_items or _heads_stage_lines or _heads_semicolon_names or
    _heads_described_items` (`s`: line `no` squashed), with the line squashed, its outline number matched and the
    next text line found and squashed once for all five instead of once each."""
    nxt = _next_text_line(doc, no)
    if nxt is None:
        return False  # each of the five looks at the line below
    raw_next = doc.line(nxt)
    following = squash(raw_next)
    m = _LABEL_NUMBER.match(s)
    if m and not _SENTENCE_PUNCT.search(s[m.end():]):
        size = len(s) - m.end()
        if size <= _KIND_HEADING_MAX:
            if is_symbol_bulleted(raw_next) or _NESTED_STAGE_LABEL.match(following) is not None:
                return True  # `_heads_bullets`, `_heads_stage_lines`
            if _is_numbered_item(following, 1) or _glued_items(following, 1) is not None:
                return True  # `_heads_numbered_items`
            n = _ITEM_NUMBER.match(following)
            if n and n.group(1) and name_of_described(strip_item_number(following)) is not None:
                return True
        if size <= NAMES_HEADING_MAX and is_semicolon_names(following):
            return True  # `_heads_semicolon_names`
    return heads_dashed_items(s, following)  # `_heads_described_items`


def _heads_names(s: str) -> bool:
    """A list line that may head a paragraph of names under it: a group opener (`新开工项目（3个）`, `交通类：`) or a
    short line without punctuation (`城市更新`, `（二）文化体育`)."""
    return (len(s) <= NAMES_HEADING_MAX and not _SENTENCE_PUNCT.search(s)) or _opens_group(item_text(s))


def _glued_heading(s: str) -> str | None:
    """`A；B；C。卫生健康`: the kind or stage heading line (`_heads_names`) a PDF reader ran onto the end of the
    paragraph of names above it, else None."""
    cut = s.rfind("。", 0, len(s) - 1)
    if cut <= 0:
        return None
    tail = s[cut + 1:]
    return tail if _heads_names(tail) and is_semicolon_names(s[: cut + 1]) else None


def _glued_items(s: str, expected: int) -> int | None:
    """The item number expected after a line holding several items (and group headings) run together at their
    construction periods (`item_details.split_glued`), each numbered on from the one before or opening a group; None
    when the line is no such run."""
    pieces = split_glued(s)
    if len(pieces) < 2:
        return None
    for piece in pieces:
        m = _ITEM_NUMBER.match(piece)
        if m and m.group(1) and int(m.group(1)) == expected and name_of_detailed(strip_item_number(piece)):
            expected += 1
        elif _LABEL_NUMBER.match(piece) and len(piece) <= 20 and not _SENTENCE_PUNCT.search(piece):
            expected = 1
        else:
            return None
    return expected


def glued_group(s: str) -> str | None:
    """`2.A工程：…，总投资2.3亿元。续建项目（2个）`: the group line (`stages.group_label`) a PDF reader ran onto the end of
    the item above it, else None; the numbering starts again under it."""
    cut = s.rfind("。", 0, len(s) - 1)
    tail = s[cut + 1:] if cut > 0 else ""
    return tail if tail and len(tail) <= NAMES_HEADING_MAX and group_label(tail) is not None else None


def _caption_of(line: str) -> tuple[str, int] | None:
    return parse_caption(line) or box_caption(line)


def _opens_group(s: str) -> bool:
    """A line that only opens a group of the list (`计划新开工项目（15个）`, `交通类：`): numbering restarts under it."""
    if group_label(s) is not None:
        return True
    label, rest = split_label(s)
    return label is not None and not rest.strip("。")


def _body_end(doc: Document, caption_line: int, boxed: bool = False) -> int:
    """Last line of a list body: it stops at the next caption or heading, or at a prose paragraph.

    Items numbered `1.` `2.` … read as level-3 headings to the outline; they stay in the body as long as
    they count on from 1 and read as list lines, so the task paragraph numbered after them ends it. Under each
    group label (`（二）续建项目（18个）`) the numbering may start again. A paragraph of names separated by semicolons
    (`A；B；C。`) stays in the body under a kind or stage heading line (`城市更新`, `新开工项目（6个）`), whatever
    its names end with.
    """
    end, expected = caption_line, 1
    above: str | None = None  # the last list line, for a bullet of details under it
    names_head = False  # the body line just above heads a paragraph of names
    for no in range(caption_line + 1, doc.n_lines + 1):
        line = doc.line(no)
        s = squash(line)
        if not s and not is_cell_line(line):
            continue
        if _caption_of(line) is not None:
            break
        headed, names_head = names_head, False
        if is_detail_bullet(line, above):  # `  - 总投资21亿元，建设…。` under `- A产业园`: the item's details
            end = no
            continue
        above = line
        spaced = spaced_number(line) if s[:1].isdecimal() else None  # (it opens with a digit)
        if spaced is not None and spaced[0] == expected and _is_list_line(spaced[1]):
            expected += 1  # `2. 318国道…`: squashed, it would read as the number 2.318
            end = no
            continue
        digits = glued_number(s, expected) if spaced is None and s[:1].isdecimal() else None
        if digits is not None and _is_list_line(digits):
            expected += 1  # `2.100兆瓦风电项目——…` as item 2: not the number 2.100
            end = no
            continue
        if heading_level(line) is not None:
            glued = _glued_items(s, expected) if "年" in s else None
            if glued is not None:  # `1.A（新开工），…建设年限…年2.B（续建），…年（二）C类`: a box's lines run together
                expected, end = glued, no
                continue
            first = _ITEM_NUMBER.match(s) if expected == 1 else None
            if first and first.group(1):  # the first item may carry any number (a list numbered on from elsewhere)
                expected = int(first.group(1))
            if _is_numbered_item(s, expected):
                expected = 1 if glued_group(s) is not None else expected + 1  # `…总投资2.3亿元。续建项目（2个）`
            elif _is_labelled_item(s) or (boxed and _heads_box_group(doc, no, s)):
                expected = 1
            else:
                break
        elif not _is_list_line(line, s) and not (headed and (is_semicolon_names(s) or _glued_heading(s))):
            break
        elif _opens_group(item_text(line)):
            expected = 1
        end = no
        names_head = _heads_names(s) or (headed and _glued_heading(s) is not None)
    return end


def list_year(doc: Document, title: str, line_no: int) -> int | None:
    """The year in the list title, else the year of the section it sits in, else the plan year."""
    meta = doc.meta
    known = {y for y in (meta.review_year, meta.plan_year) if y}
    m = _YEAR.search(title)
    if m and (not known or int(m.group(1)) in known):
        return int(m.group(1))
    for heading in reversed(doc.heading_chain(line_no)):
        # (`_YEAR` needs a 年: most headings, whole paragraphs some of them, are not searched for digits)
        for y in _YEAR.findall(heading.text) if "年" in heading.text else ():
            if not known or int(y) in known:
                return int(y)
    if m:
        return int(m.group(1))
    return meta.plan_year


# Words of a title that announce a list of projects (`2022年重点项目安排`, `重大项目清单`, `10件民心工程`).
_PROJECT_TITLE = re.compile(r"项目|工程|实事|民心")
_CAPTION_LEAD = re.compile(r"^(?:专栏|附件|附表)[\d一二三四五六七八九十]*[：:.、]?")
TITLE_MAX = 40  # a list's title line is short; a longer line is a sentence of the text
_SENTENCE_PUNCT = re.compile(r"[，,。；;！？、：:]")  # a title is no sentence, enumeration or label


def _is_title_line(line: str) -> bool:
    s = squash(line)
    return 0 < len(s) <= TITLE_MAX and not is_cell_line(line) and not _SENTENCE_PUNCT.search(s)


def _next_text_line(doc: Document, no: int) -> int | None:
    for k in range(no + 1, min(doc.n_lines, no + 3) + 1):
        if squash(doc.line(k)):
            return k
    return None


def _make_list(doc: Document, title: str, title_line: int, end: int, start: int | None = None) -> ProjectList:
    year = list_year(doc, title, title_line)
    review = bool(doc.meta.review_year) and year == doc.meta.review_year and year != doc.meta.plan_year
    return ProjectList(title, title_line, start if start is not None else title_line + 1, end, year, review)


def _attachment_title(doc: Document, cap) -> tuple[str, int]:
    """(title, line) of an attachment or box: the caption's own words (`附件1：2022年重点项目表`), or, for a bare
    `附件` / `附件2` / `专栏3`, the title line printed under it (`2022年重点项目安排`)."""
    if _CAPTION_LEAD.sub("", cap.text):
        return cap.text, cap.line
    nxt = _next_text_line(doc, cap.line)
    if nxt is not None and _is_title_line(doc.line(nxt)) and heading_level(doc.line(nxt)) is None:
        return squash(doc.line(nxt)), nxt
    return cap.text, cap.line


# A title that is the name of a project list: it ends in its project words (`…重点项目`, `…项目安排`,
# `…民心工程完成情况`), unlike a table about projects (`重点项目投资完成情况`).
_LIST_TITLE_END = re.compile(r"(?:项目|工程|实事)[^，。：:]{0,4}$")


def names_project_list(title: str) -> bool:
    return bool(_LIST_TITLE_END.search(title))


def caption_title(doc: Document, cap) -> tuple[str, int]:
    """(title, line) a caption is known by: its own text, or for a bare `附件`/`专栏` the title line under it."""
    return _attachment_title(doc, cap) if cap.kind in ("专栏", "附件", "附表") else (cap.text, cap.line)


def find_project_lists(doc: Document) -> list[ProjectList]:
    """Every 专栏 whose body is not a table, every attachment titled as a project list, and every run of
    project groups printed under a heading without a box (`（一）计划新开工项目（15个）` + `1.…；`), with its
    extent, year and review/plan reading."""
    out: list[ProjectList] = []
    for cap in doc.captions:
        if cap.kind == "专栏":
            title, line = _attachment_title(doc, cap)  # a bare `专栏3` over its title line, like an attachment
        elif cap.kind in ("附件", "附表"):
            title, line = _attachment_title(doc, cap)
            if not _PROJECT_TITLE.search(title):
                continue
        else:
            continue
        if _is_indicator_table(doc, line):
            continue
        end = _body_end(doc, line, boxed=True)
        if end > line:
            out.append(_make_list(doc, title, line, end))
    taken = [(p.caption_line, p.end) for p in out]
    out.extend(_headed_lists(doc, taken))
    out.sort(key=lambda p: p.caption_line)
    return out


# What an opener of an unboxed list always has: a stage word, a count or a label colon.
_OPENER_HINT = scanner(rf"{_STAGE_WORD}|[\d一二三四五六七八九十百]+[个项]|[：:]|等")
OPENER_LABEL_MAX = 40  # an opener is a short heading, or its label and colon come within its first characters
_PROJECT_KIND = re.compile(r"(?:项目|工程)$")
_HEADING_STOP = re.compile(r"[，,。；;]")


def _label_in_reach(s: str) -> bool:
    """Short, or its label colon within the first characters: a task paragraph numbered like a heading (long,
    without a leading label) opens no list."""
    return len(s) <= OPENER_LABEL_MAX or "：" in s[:OPENER_LABEL_MAX] or ":" in s[:OPENER_LABEL_MAX] \
        or stage_lead(strip_item_number(_LABEL_NUMBER.sub("", s))) is not None


def _opens_headed_list(s: str) -> bool:
    """A heading that opens an unboxed project list: a stage group (`（一）计划新开工项目（15个）`, `1.续建项目：`)
    or a numbered paragraph of one kind of project (`1.先进制造业项目（126个）：A、B、C等。`)."""
    if not _label_in_reach(s):
        return False  # a task paragraph numbered like a heading: its label would sit at the start
    text = strip_item_number(_LABEL_NUMBER.sub("", s))
    group = group_label(text)
    if group is not None and group[1]:
        return True
    label, rest = split_label(text)
    if label is None:
        return False
    if parse_label(label)[1] and rest.strip("。") and _is_list_line(rest):
        return True
    kind = without_count(label)
    return (bool(_PROJECT_KIND.search(kind)) and "、" in rest and len(kind) <= 20
            and _is_list_line(rest) and bool(printed_count(label) or is_open_ended(rest)))


_LABEL_LIST_REACH = 24  # a stage-label paragraph's label (`新开工项目：`) names 项目 within its first characters


def _opens_label_list(line: str) -> bool:
    """A paragraph (not a heading) that opens an unboxed list with a stage label: `新开工项目：A、B、C。`."""
    if is_cell_line(line) or "项目" not in line[:_LABEL_LIST_REACH] or (
            "：" not in line and ":" not in line and line.lstrip()[:1] not in LABEL_BRACKETS):
        return False  # the label ends in a colon, or stands in brackets (`【新开工项目】A、B。`, as `names.item_text` reads)
    label, rest = split_label(item_text(line))
    if label is None or parse_label(label)[1] is None or "、" not in rest:
        return False
    return _is_list_line(rest)


# the last character of a line `could_head_kinds` takes: a kind word's (`KIND_ENDS`), or a count's (`without_count`)
_KIND_LAST = "目程类块域业）)个项"


def _opens_kind_groups(doc: Document, no: int) -> bool:
    """`1.先进制造业项目` over `（1）A项目：总投资…` or over `新开工：B、C；续建：D`: the first kind of a list sorted by
    kind of project, printed without a box."""
    line = doc.line(no)
    lead = line.lstrip()[:1]  # `squash(line)[:1]`, read before squashing a heading that may be a whole paragraph
    last = line[-1:] if not line[-1:].isspace() else line.rstrip()[-1:]  # and `squash(line)[-1:]`
    if not (lead.isdecimal() or lead in "（(") or last not in _KIND_LAST or not could_head_kinds(squash(line)):
        return False  # most headings: the line below need not be looked up
    nxt = _next_text_line(doc, no)
    return nxt is not None and kind_heading(doc.line(no), doc.line(nxt)) is not None


def _list_openers(doc: Document) -> list[int]:
    """Lines that open an unboxed project list: project headings, and stage-label paragraphs."""
    lines = {h.line for h in doc.headings
             if ("项目" in h.text or "工程" in h.text)  # the words of a project heading
             and _label_in_reach(h.text) and _OPENER_HINT.search(h.text) and _opens_headed_list(h.text)}
    lines.update(h.line for h in doc.headings if _opens_kind_groups(doc, h.line))
    heading_lines = {h.line for h in doc.headings}
    # a stage-label paragraph names 项目 in its first characters: only those lines are tried (found in the joined
    # text, not by a step per line)
    lines.update(no for no in line_text(doc).lines_with("项目", within=_LABEL_LIST_REACH)
                 if no not in heading_lines and (_opens_label_list(doc.line(no)) or _heads_stage_items(doc, no)))
    return sorted(lines)


STAGE_LINE_MAX = 20


def _heads_stage_items(doc: Document, no: int) -> bool:
    """A line that is only a stage group (`新开工项目（8个）`, `【新开工项目】`, no outline number, no punctuation) right
    above a bulleted or numbered item (`①A工程`): the first group of a list printed without a box or headings."""
    line = doc.line(no)
    if _SENTENCE_PUNCT.search(line) or is_cell_line(line):  # (squashing removes no punctuation)
        return False
    s = squash(line)
    if len(s) > STAGE_LINE_MAX:
        return False
    if s[:1] in LABEL_BRACKETS and s[-1:] in LABEL_CLOSERS:
        s = s[1:-1]  # `【新开工项目】`: the group in brackets
    group = group_label(s)
    if group is None or not group[1]:
        return False
    nxt = _next_text_line(doc, no)
    return nxt is not None and is_bulleted(doc.line(nxt)) and group_label(squash(doc.line(nxt))) is None


def _headed_lists(doc: Document, taken: list[tuple[int, int]]) -> list[ProjectList]:
    """Project lists printed as headings, numbered lines or stage-label paragraphs, outside any box or
    attachment. The title is the project title line right above (`2022年重点项目安排`), else the heading of the
    section the list sits in (`（三）重点项目安排`)."""
    out: list[ProjectList] = []
    for first in _list_openers(doc):
        if any(a <= first <= b for a, b in taken):
            continue
        above = first - 1
        while above > 0 and not squash(doc.line(above)):
            above -= 1
        if above > 0 and _is_title_line(doc.line(above)) and _PROJECT_TITLE.search(doc.line(above)):
            title, title_line = squash(doc.line(above)), above
        else:
            section = doc.section(above) if above > 0 else None
            # the heading up to its first stop: `（四）坚持项目为王。全年安排…` → `（四）坚持项目为王`
            heading = _HEADING_STOP.split(section.text, maxsplit=1)[0] if section else squash(doc.line(first))
            title, title_line = heading, first - 1
        end = _body_end(doc, first - 1)
        if end < first:
            continue
        out.append(_make_list(doc, title, title_line, end, start=first))
        taken.append((first, end))
    return out
