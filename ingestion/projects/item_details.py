"""The details a list prints after a project's name, clause by clause: `A项目（新开工），总投资52亿元，建设年限2024—2026年`.

Why: a 专栏 that lists one project a line often follows the name (and its stage tag) with its investment and its
construction period as further comma clauses, where other lists put them in brackets (`A工程（总投资9.8亿元）`) or
in table columns. Those clauses size and date the project; they are no names and no prose. A line is read as one
project with its details only when every clause after the first is such a detail, so an enumeration
(`A、B，C`) or a task sentence is never cut.
"""
from __future__ import annotations

import re

from .names import _ENDS_WITH_HEAD, split_outside_brackets, strip_item_number
from .stages import _STAGE_LABEL, parse_label, without_count

_SPAN = r"(?:19|20)\d{2}\s*年?\s*[-—–－~～至到]+\s*(?:(?:19|20)\d{2}|\d{2})\s*年?"
# `总投资52亿元`, `计划投资约3.6亿元`, `年度计划投资8000万元`; `建设年限2024—2026年`, `建设周期：2023-2025年`
_DETAIL = re.compile(
    r"^(?:项目)?(?:总投资|年度计划投资|年度投资|计划投资|计划总投资|估算投资|概算投资)[：:]?(?:约|达|超过)?[\d.,]+\s*(?:万|亿)元$"
    rf"|^(?:建设)?(?:年限|周期|期限|工期|起止年限)[：:为]?{_SPAN}$")

# the investment printed after the name with only a gap between (`A产业园　总投资12亿元`, squashed `A产业园总投资12亿元`)
_SIZE_AFTER_NAME = re.compile(
    r"[\s\u3000]*(?:总投资|年度计划投资|年度投资|计划投资|计划总投资|估算投资|概算投资)[：:]?(?:约|达|超过)?[\d.,]+\s*(?:万|亿)元$")


# A period closing an item, and right after it the number of the next item or group (`…建设年限2024—2026年2.B工程`,
# `…2026年（二）基础设施`): a PDF text layer ran the lines of a box together; the number opens the next line again.
_GLUED_AFTER_PERIOD = re.compile(
    r"(?<=年)(?=(?:\d{1,2}[.．](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)])[^\d])")
_PERIOD_END = re.compile(rf"(?:年限|周期|期限|工期){_SPAN}$")


def split_glued(text: str) -> list[str]:
    """`text` cut where an item's construction period runs into the next item's number (see above); the text
    itself when it holds no such place."""
    if "年" not in text:
        return [text]
    cuts = [m.start() for m in _GLUED_AFTER_PERIOD.finditer(text) if _PERIOD_END.search(text[:m.start()])]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b]]


# What a detail clause (`_DETAIL`) cannot do without: an investment, or the word of a construction period.
_DETAIL_WORDS = ("投资", "年限", "周期", "期限", "工期")


def is_detail(clause: str) -> bool:
    """The clause only sizes or dates the project before it (`总投资52亿元`, `建设年限2024—2026年`)."""
    return bool(_DETAIL.match(clause.strip().rstrip("。；;")))


def name_of_detailed(text: str) -> str | None:
    """`A项目（新开工），总投资52亿元，建设年限2024—2026年` → `A项目（新开工）`; None when the text has no
    detail clauses after its first, or a clause after the first that is no detail. A name closed by its bracket
    and followed by a sentence describing the works is one too (`name_of_described`)."""
    clauses = [c for c in split_outside_brackets(text, "，,") if c.strip()]
    if len(clauses) < 2 or "。" in clauses[0] or not all(is_detail(c) for c in clauses[1:]):
        return name_of_stage_led(text) or name_of_described(text)
    first = clauses[0].strip()
    sized = _SIZE_AFTER_NAME.search(first)
    if sized and sized.start() > 0:  # `A产业园　总投资12亿元，年度计划投资3亿元`: the gap was the first clause's comma
        first = first[: sized.start()].rstrip()
    return first


DESCRIBED_NAME_MAX = 40


def name_of_described(text: str) -> str | None:
    """`A公路改建工程（续建）。建设里程32公里，总投资8.6亿元，年度计划投资2.5亿元。` → `A公路改建工程（续建）`: an item
    whose first sentence is the name with its bracketed tag and whose next sentence says what is built, sized by
    its investment (a detail clause among its clauses); None for any other text (a task sentence names no bracket
    before its period, a description without an investment is prose)."""
    if "）。" not in text and ")。" not in text:
        return None
    sentences = [x for x in split_outside_brackets(text, "。") if x.strip()]
    first = sentences[0].strip() if sentences else ""
    if len(sentences) < 2 or len(first) > DESCRIBED_NAME_MAX or not first.endswith(("）", ")")) \
            or any(p in first for p in "，,；;：:"):
        return None
    clauses = [c for x in sentences[1:] for c in split_outside_brackets(x, "，,；;") if c.strip()]
    return first if any(is_detail(c) for c in clauses) else None


_STAGE_PHRASE = re.compile(_STAGE_LABEL)
_CLAUSE_PUNCT = re.compile("[，,；;：:、]")  # what a bare name has none of (one class search, not a test per mark)


def name_of_stage_led(text: str) -> str | None:
    """`A产业园一期。续建项目，总投资9.4亿元，…。` → `A产业园一期（续建项目）`: an item whose first sentence is the bare name
    and whose description opens with its stage words as a clause of their own (`续建项目`, `新开工项目`, `计划建成投用`,
    `加快推进前期工作`), then sizes the works with its investment; the stage is given as the tag the readers know
    after a name. None for any other text (a task sentence names no stage clause right after its first period)."""
    cut = text.find("。")
    if cut < 0:
        return None
    head = text[:cut].strip()  # the first sentence holds it whole (its period is this one or one after a bracket)
    if head and (len(head) > DESCRIBED_NAME_MAX or _CLAUSE_PUNCT.search(head)):
        return None  # a task sentence, told before splitting a whole paragraph (most lines a prose reader asks about)
    if not any(w in text for w in _DETAIL_WORDS):  # no clause of it can size or date the works
        return None
    sentences = [x for x in split_outside_brackets(text, "。") if x.strip()]
    if len(sentences) < 2:
        return None
    first = sentences[0].strip()
    if len(first) > DESCRIBED_NAME_MAX or _CLAUSE_PUNCT.search(first):
        return None
    # the clauses of the description, cut one sentence at a time as they are asked for: the first is the stage
    # clause or the text is none of these (a lead sentence over a task paragraph), told before the rest is cut
    clauses = (c for x in sentences[1:] for c in map(str.strip, split_outside_brackets(x, "，,；;")) if c)
    stage = next(clauses, None)
    if stage is None or not _STAGE_PHRASE.fullmatch(stage) or not any(is_detail(c) for c in clauses):
        return None  # (no clause after the stage clause: no detail)
    return f"{first}（{stage}）"


_KIND_LINE = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[^，,。；;：:、]{1,16}$")


def heads_detailed_items(s: str, following: str) -> bool:
    """`（二）城乡建设` right above `A（续建），总投资…，建设年限…`: a short outline-numbered kind heading over items
    with their details, the category of the items under it (also where a PDF ran the two into one line)."""
    return bool(_KIND_LINE.match(s)) and (name_of_detailed(following) is not None or heads_dashed_items(s, following))


def heads_dashed_items(s: str, following: str) -> bool:
    """`（一）先进制造业` right above `A项目【续建】——…，总投资12亿元…` (`name_of_dashed`; of items a PDF ran together into
    one line, the first is enough)."""
    return bool(_KIND_LINE.match(s)) and name_of_dashed(following.split("。", 1)[0]) is not None


# where a detail opens right after the name with nothing between (`A工程总投资38.6亿元，…`, `B铁路估算总投资120亿元`):
# a page that set the name and its investment as two columns (spans, cells) lost the gap between them
_GLUED_DETAIL = re.compile(r"(?:计划|估算|概算|预计)?总投资[：:]?(?:约|达|超过)?[\d.,]+\s*(?:万|亿)元")


def name_before_glued_detail(text: str) -> str | None:
    """`A工程总投资38.6亿元，年度计划投资6.0亿元` → `A工程`: the name before an investment run onto it, when
    everything from the investment on is details; None for any other text."""
    m = _GLUED_DETAIL.search(text)
    if m is None or m.start() < 2 or text[m.start() - 1] in "，,、；;：:（(":
        return None
    head, tail = text[:m.start()].strip(), text[m.start():]
    clauses = [c for c in split_outside_brackets(tail, "，,") if c.strip()]
    if len(head) < 2 or head.count("（") != head.count("）") or not all(is_detail(c) for c in clauses[1:]) \
            or not _GLUED_DETAIL.fullmatch(clauses[0].strip().rstrip("。；;")):
        return None
    return head


# `A工程〔新开工〕——…` / `A工程——总投资…〔续建〕`: a name set off by a dash from its description, its stage tagged in
# any bracket after the name or at the end of the line; the description holds the investment
_DASH = re.compile(r"——|――|－－|—|--")
_DESCRIBES_COST = re.compile(r"(?:项目|估算|概算|计划)?(?:总投资|计划投资|投资)[：:]?(?:约|达|超过)?[\d.,]+\s*(?:万|亿)元")
_TAG = rf"[（(【〔\[［]\s*({_STAGE_LABEL})\s*[）)】〕\]］]"
_HEAD_TAG = re.compile(rf"^(.+?){_TAG}$")
_END_TAG = re.compile(rf"{_TAG}[。；;]?$")
_NAME_PUNCT = re.compile(r"[，,。；;：:、]")
DASHED_NAME_MAX = 40
# what opens a clause of works (`治理河道12.6公里`, `建设生态护岸、滨河绿道`): a works verb, not a name
_WORKS = r"(?:新建|改建|扩建|建设|治理|改造|铺设|新增|购置|实施|提升|整治|修建|加固|安装|打造|配套|开展)"
_WORKS_VERB = re.compile(rf"^{_WORKS}")
# a name's end: a project's head noun (`A项目`, `B综合楼`) or the works it names (`C管网改造`, `D中学迁建`)
_NAMES_WORKS = re.compile(rf"{_ENDS_WITH_HEAD.pattern}|(?:{_WORKS[3:-1]}|迁建|改扩建)$")
# `A基地〔续建〕新增生产线8条，…`: the name, its stage tag, and the works run on with nothing between
_TAG_THEN_WORKS = re.compile(rf"^(.{{2,}}?){_TAG}(?={_WORKS})")
# what `_TAG_THEN_WORKS` cannot match without, a tag's closing bracket right before a works verb: searched first (a
# class-led scan in C), as the lazy name in front is otherwise extended one character at a time through the text
_TAG_CLOSE_THEN_WORKS = re.compile(rf"[）)】〕\]］]{_WORKS}")


def name_of_dashed(text: str) -> str | None:
    """`A项目〔新开工〕——年产5万吨…，总投资28亿元，…。` or `A项目——总投资18.5亿元，当年计划投资6亿元〔新开工〕` →
    `A项目（新开工）` (the stage tag as the readers know it after a name), `A项目` without a tag; None unless the text
    is a short name, a dash, and a description that gives the investment, the item tagged with its stage, the
    description opening with the investment, or the name ending in a project's head noun (`A项目——建设…，总投资…。`
    under a stage line). The stage tag right after the name may stand for the dash itself when the works follow it
    with no gap (`A基地〔续建〕新增生产线8条，总投资12亿元。`)."""
    m = _DASH.search(text)
    if m is None or m.start() < 2:
        glued = _TAG_THEN_WORKS.match(text) if _TAG_CLOSE_THEN_WORKS.search(text) else None
        if glued is None or _NAME_PUNCT.search(glued.group(1)) or len(glued.group(1)) > DASHED_NAME_MAX \
                or not _DESCRIBES_COST.search(text[glued.end():]):
            return None
        return f"{glued.group(1)}（{glued.group(2)}）"
    head, tail = text[:m.start()].strip(), text[m.end():].lstrip("—―－-")
    if len(head) > DASHED_NAME_MAX or _NAME_PUNCT.search(head) or head.count("（") != head.count("）") \
            or not _DESCRIBES_COST.search(tail):
        return None
    tagged, end = _HEAD_TAG.match(head), _END_TAG.search(tail)
    if not (tagged or end or _DESCRIBES_COST.match(tail) or (_NAMES_WORKS.search(head) and _WORKS_VERB.match(tail))):
        return None  # a lead-in to a sentence (`坚持项目为王——全年安排…，总投资…`): no stage tag, no cost first
    if tagged:
        return f"{tagged.group(1)}（{tagged.group(2)}）"
    return f"{head}（{end.group(1)}）" if end else head


# A stage tag in brackets in front of the name (`【拟开工】A项目。建设…，总投资6.8万元。`, `〔续建〕B工程。…`), or the same
# tag as the readers see a `【】` label (`拟开工：A项目。…`, `names.item_text`)
_LEAD_TAG = re.compile(rf"^(?:[【〔\[［（(]\s*({_STAGE_LABEL})\s*[】〕\]］）)][：:]?|({_STAGE_LABEL})[：:])")
LED_NAME_MAX = 40


def name_after_stage_tag(text: str) -> tuple[str, str] | None:
    """`【拟开工】A项目。建设厂房12栋，总投资35000万元。` → (`拟开工`, `A项目`): an item that prints its stage first, in
    brackets, then its name closed by the first `。` and a description that gives the investment; None for any other
    text (a stage label over names, `续建：A、B。`, has no description after its first sentence)."""
    s = strip_item_number(text)
    m = _LEAD_TAG.match(s) if s[:1] in "【〔[［（(" or "：" in s[:14] or ":" in s[:14] else None
    if m is None:
        return None
    sentences = [x for x in split_outside_brackets(s[m.end():], "。") if x.strip()]
    if len(sentences) < 2:
        return None
    name = sentences[0].strip()
    if not 2 <= len(name) <= LED_NAME_MAX or _NAME_PUNCT.search(name) or name.count("（") != name.count("）"):
        return None
    described = "。".join(sentences[1:])
    return (m.group(1) or m.group(2), name) if _DESCRIBES_COST.search(described) else None


_KIND_LABEL_END = ("类", "板块", "领域", "方面")
SIZED_NAME_MAX = 40


def is_sized_works(label: str, rest: str) -> bool:
    """`A工程：治理河道12.6公里，建设生态护岸、滨河绿道，总投资2.5亿元。`: the label is a project's name (it ends in a
    project's head noun, no stage, kind or count) and the text after the colon describes its works, closed by
    its investment; no clause of it is a run of names (`交通工程：A公路、B大桥，总投资12亿元` lists projects)."""
    if not 2 <= len(label) <= SIZED_NAME_MAX or _NAME_PUNCT.search(label) or not _ENDS_WITH_HEAD.search(label) \
            or label.endswith(_KIND_LABEL_END) or without_count(label) != label or parse_label(label)[1]:
        return False
    clauses = [c.strip() for c in split_outside_brackets(rest.strip().rstrip("。；;"), "，,；;。") if c.strip()]
    if len(clauses) < 2 or not is_detail(clauses[-1]):
        return False
    return not any(_names_only(c) for c in clauses[:-1] if not is_detail(c))


def _names_only(clause: str) -> bool:
    """A clause of names: no figure, no works verb, every `、`-piece ending in a project's head noun."""
    if _WORKS_VERB.match(clause) or re.search(r"\d", clause):
        return False
    return all(_ENDS_WITH_HEAD.search(p) for p in split_outside_brackets(clause, "、") if p)


KIND_LINE_MAX = 16


def heads_stage_tagged(s: str, following: str) -> bool:
    """`2.交通水利` (its number dropped) right above `〔竣工〕A工程。新建…，总投资…。` (`name_after_stage_tag`): a short line
    without punctuation over items that print their stage first, the kind of the items under it, not a project."""
    return (len(s) <= KIND_LINE_MAX and not _LINE_PUNCT.search(s) and name_after_stage_tag(s) is None
            and name_after_stage_tag(following) is not None)


_LINE_PUNCT = re.compile(r"[、，,；;。：:]")


def is_described_item(text: str) -> bool:
    """A 专栏 line that names one project and describes it, closed by its investment: `【拟开工】A项目。建设…，总投资…。`
    (`name_after_stage_tag`) or `A工程：治理河道12公里，…，总投资2.5亿元。` (`is_sized_works`); its figures size the
    project, they are no targets of the task section."""
    if name_after_stage_tag(text) is not None:
        return True
    s = strip_item_number(text)
    i = s.find("：")
    return i > 0 and is_sized_works(s[:i], s[i + 1:])
