"""Project names as a list prints them: splitting an enumeration into names and cleaning each name.

Names are copied as printed (whitespace removed). An enumeration is split on 、，； outside brackets and
quotes; bracketed or quoted text and 及/和/与 stay whole; pieces that cannot stand alone (a bare phase, plot
codes sharing a head noun, short line names sharing works) are joined back; the trailing `等项目` / `等` the
list adds to its last item is dropped.
"""
from __future__ import annotations

import functools
import re

from ..document import squash
from .stages import _LABEL_COUNT, _STAGE_LABEL

OPEN_BRACKETS = "（(【[《〈“‘「『"
CLOSE_BRACKETS = "）)】]》〉”’」』"
CN_DIGITS = "一二三四五六七八九十"
ITEM_SEPARATORS = "、，,；;"
CLAUSE_SEPARATORS = "，,；;。"


# Nouns a named construction project ends with (a named facility, not a programme or a zone).
_HEAD_NOUNS = (
    "污水处理厂", "产业园", "航站楼", "快速路", "快速通道", "综合体", "商业体", "示范带", "旅游区", "安置房",
    "幼儿园", "体育馆", "图书馆", "博物馆", "科技馆", "文化馆", "纪念馆", "展览馆", "中心", "医院", "学校",
    "中学", "小学", "学院", "公园", "步道", "绿道", "大桥", "桥", "隧道", "道路", "大道", "公路", "高速",
    "铁路", "轨道", "环线", "通道", "码头", "跑道", "水库", "水厂", "基地", "楼宇", "广场", "家园", "小区",
    "管网", "电站", "酒店", "场所", "平台", "项目", "工程", "园", "生产线", "连接线", "索道", "景区", "段",
    "院", "站", "厂", "楼", "馆", "库",  # 幸福院, 变电站, 水厂, 医技楼, 文化馆, 冷库: facilities as 医院 is
)
HEAD_NOUNS = _HEAD_NOUNS
_HEAD = "|".join(sorted(_HEAD_NOUNS, key=len, reverse=True))
_PHASE = rf"(?:[{CN_DIGITS}\d]+期|[（(][^（）()]*[）)]|项目)*"
# led by a lookahead on the nouns' first characters: `re` then tries the 60 alternatives only where one can start
HEAD_START = "(?=[" + re.escape("".join(sorted({n[0] for n in _HEAD_NOUNS}))) + "])"
_ENDS_WITH_HEAD = re.compile(rf"{HEAD_START}(?:{_HEAD}){_PHASE}$")



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


@functools.lru_cache(maxsize=4096)
def _inside_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(first, last) index of each outermost partnered bracket or quote pair, brackets included."""
    spans, depth, start = [], 0, 0
    for i, role in sorted(_bracket_roles(text).items()):
        if role > 0 and depth == 0:
            start = i
        depth += role
        if depth == 0:
            spans.append((start, i))
    return tuple(spans)


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
    # this runs on every clause of every list and prose line: the separators are one character class (`re`
    # scans for it quickly), so a text without brackets is split in one C call; only a text that holds a
    # numbering (`一、二`) needs the pattern that leaves it out
    spans = _inside_spans(text)
    separator = _numbering_separator(separators) if "、" in separators and _NUMBERING.search(text) \
        else _char_class(separators)
    if not spans:
        return separator.split(text)
    # the bracketed spans blanked out (same length, no separator in them), split in one call, and the pieces
    # cut from the text at the same places
    masked, prev = [], 0
    for a, b in spans:
        masked += (text[prev:a], "\x00" * (b - a + 1))
        prev = b + 1
    masked.append(text[prev:])
    parts, start = [], 0
    for piece in separator.split("".join(masked)):
        end = start + len(piece)
        parts.append(text[start:end])
        start = end + 1
    return parts


def split_two_levels(text: str, stops: str, commas: str) -> list[list[str]]:
    """`[split_outside_brackets(s, commas) for s in split_outside_brackets(text, stops)]`: the sentences of a text
    and the clauses of each, with the text's brackets read once.

    Why it is the same: when every bracket and quote of the text has its partner, no pair straddles a separator
    outside brackets, so each sentence holds whole pairs only, and reads its brackets as the text does. A text with
    an unpartnered bracket (a typo) is split sentence by sentence, as the nested calls do."""
    spans = _partnered_spans(text) if "、" not in stops + commas else None  # (a numbering `一、二` is no 、 stop)
    if spans is None:
        return [split_outside_brackets(sentence, commas) for sentence in split_outside_brackets(text, stops)]
    masked = text
    if spans:
        pieces, prev = [], 0
        for a, b in spans:
            pieces += (text[prev:a], "\x00" * (b - a + 1))
            prev = b + 1
        pieces.append(text[prev:])
        masked = "".join(pieces)
    out: list[list[str]] = []
    clauses: list[str] = []
    start = 0
    for m in _char_class(stops + commas).finditer(masked):
        i = m.start()
        clauses.append(text[start:i])
        start = i + 1
        if masked[i] in stops:
            out.append(clauses)
            clauses = []
    clauses.append(text[start:])
    out.append(clauses)
    return out


@functools.lru_cache(maxsize=1024)
def _partnered_spans(text: str) -> tuple[tuple[int, int], ...] | None:
    """`_inside_spans(text)` when every bracket and quote in the text has its partner, else None."""
    if len(_bracket_roles(text)) != len(_BRACKET_CHAR.findall(text)):
        return None
    return _inside_spans(text)


_NUMBERING = re.compile(f"[{CN_DIGITS}]、[{CN_DIGITS}]")


@functools.lru_cache(maxsize=64)
def _numbering_separator(separators: str) -> re.Pattern:
    """One of `separators`, but not an 、 between two single Chinese numerals (a numbering: `中征一、二线`)."""
    alternatives = []
    if separators.replace("、", ""):
        alternatives.append("[" + re.escape(separators.replace("、", "")) + "]")
    if "、" in separators:
        alternatives += [f"(?<![{CN_DIGITS}])、", f"、(?![{CN_DIGITS}])"]
    return re.compile("|".join(alternatives))


def find_outside_brackets(text: str, chars: str) -> int:
    """Index of the first of `chars` outside brackets and quotes, or -1."""
    if not _inside_spans(text):  # nothing bracketed: the first one anywhere
        m = _char_class(chars).search(text)
        return m.start() if m else -1
    return next(_outside_positions(text, chars), -1)


# A clause that opens with a task verb is a task (`加强组织领导；完善考核机制`), not a project's name.
_TASK_VERB = re.compile(r"^(?:加强|完善|强化|深化|健全|建立|落实|开展|促进|坚持|着力|优化|提高|扩大|培育|打造|支持|鼓励|"
                        r"引导|做好|抓好|推动|推进|实施|持续|全面|积极|大力|加快|力争|确保|争取|切实|扎实|严格|统筹)")
SEMICOLON_NAME_MAX = 40  # one name, with its investment in brackets (`A中心（总投资3.2亿元）`)


def is_semicolon_names(s: str | None) -> bool:
    """`A；B；C。`: two or more names separated by semicolons, no comma, colon or full stop between them and no
    clause opening with a task verb: the paragraph of names a 专栏 prints under a kind or stage heading line, the
    names without the head nouns `_ENDS_WITH_HEAD` looks for (`…片区有机更新；…迁建`)."""
    if not s or ("；" not in s and ";" not in s):
        return False
    body = s[:-1] if s.endswith("。") else s
    if find_outside_brackets(body, "，,。：:、") >= 0:
        return False
    clauses = split_outside_brackets(body.rstrip("；;"), "；;")
    return (len(clauses) >= 2 and all(0 < len(c) <= SEMICOLON_NAME_MAX for c in clauses)
            and not any(_TASK_VERB.match(c) for c in clauses))


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
        if (p[:1] < "\x80" or p[:1] in "－＃") and _CODE.match(p) and i + 1 < len(parts):  # a code opens ASCII
            carry = carry + p + "、"
            i += 1
            continue
        p, carry = carry + p, ""
        if out and p[-1:] == "期" and _BARE_PHASE.match(p):
            out[-1] += "、" + p
        # (`_FRAGMENT`, the first test of `_is_shared_fragment`, needs two or three characters)
        elif out and len(p) <= 3 and _is_shared_fragment(out[-1], p, parts[i + 1] if i + 1 < len(parts) else ""):
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


_PLACE_ENDS = ("镇", "乡", "街道", "村", "苏木", "嘎查")


def _ends_with_place(name: str) -> bool:
    """The name ends in a place word (`$` also before a final newline, as a regex's): `str.endswith`, where a
    regex `(?:镇|…)$` would be tried at every character."""
    return name.endswith(_PLACE_ENDS) or (name[-1:] == "\n" and name[:-1].endswith(_PLACE_ENDS))
_PLACE_LEAD = re.compile(r"^.{1,6}?(?:镇|乡|街道|村|苏木|嘎查)")
# a name ending in a place word (`_ends_with_place`) among names joined by \x00, each closed by one
_PLACE_BEFORE_NAME = re.compile("(?:" + "|".join(_PLACE_ENDS) + ")\n?\x00")


def join_shared_places(names: list[str]) -> list[str]:
    """`甘州区党寨镇、碱滩镇高标准农田建设项目` in a list is one printed name: a bare place (a 镇/乡/街道/村 with no
    works or facility of its own) before a name that opens with another place and names the works shares those
    works, so the list's name stays as printed instead of leaving a place on its own. (Task prose, whose names are
    not printed as a list's, gives each place the works: `projects/prose.py`.)"""
    # most lists name no place before another name: one search of the names joined (each ends in \x00) says so, and
    # a single name has no name after it
    if len(names) < 2 or not _PLACE_BEFORE_NAME.search("\x00".join(names[:-1]) + "\x00"):
        return list(names)
    out: list[str] = []
    carry = ""
    for k, name in enumerate(names):
        nxt = names[k + 1] if k + 1 < len(names) else ""
        if _ends_with_place(name) and not _ENDS_WITH_HEAD.search(name) and _PLACE_LEAD.match(nxt) \
                and _ENDS_WITH_HEAD.search(nxt):
            carry += name + "、"
            continue
        out.append(carry + name)
        carry = ""
    return out


_TRAILING_COUNT = re.compile(r"等[\d一二三四五六七八九十百]+[个项处座所家条]([^\d]{1,6})$")


_TRAILING_DENG = re.compile(r"(?:等(?:[\d一二三四五六七八九十百]+个)?(?:重点|重大|一批)?项目|等)$")


def clean_name(name: str) -> str:
    """Drop list punctuation and the trailing `等项目` / `等` / `等18个项目` / `等N个片区` the list adds to its last item."""
    s = name.strip("。.；;，,、：: ")
    if "等" not in s:
        return s  # both trailers open with 等
    m = _TRAILING_COUNT.search(s)
    if m and s[: m.start()].endswith(m.group(1)):
        return s[: m.start()]
    stripped = _TRAILING_DENG.sub("", s)
    if stripped != s:
        # `常春藤等房地产等项目`: the inner 等 names a kind, not a project
        inner = stripped.rfind("等")
        if inner > 0 and len(stripped) - inner - 1 <= 6 and not re.search(r"\d", stripped[inner:]):
            stripped = stripped[:inner]
    return stripped


def _has_space(text: str) -> bool:
    """Whether `text` holds any whitespace (one C scan: `split` finds none, the one piece is the whole text)."""
    pieces = text.split(None, 1)
    return len(pieces) != 1 or len(pieces[0]) != len(text)


def split_names(text: str) -> list[str]:
    """Project names from one enumeration: split on 、，；, keep bracketed/quoted text and 及/和/与 whole."""
    if not _has_space(text):
        return split_squashed_names(text)
    parts = [p for p in ("".join(piece.split()).strip("。.") for piece in split_outside_brackets(text, ITEM_SEPARATORS))
             if p]  # each piece squashed (`squash`, inlined) and stripped once
    names = [clean_name(p) for p in _merge_fragments(parts)]
    return [n for n in names if n]


def split_squashed_names(text: str) -> list[str]:
    """`split_names` of a text without whitespace (a list clause comes squashed): the pieces need only stripping."""
    parts = [p for p in (piece.strip("。.") for piece in split_outside_brackets(text, ITEM_SEPARATORS)) if p]
    names = [clean_name(p) for p in _merge_fragments(parts)]
    return [n for n in names if n]


_LABEL_BREAK = re.compile(r"[、，,。；;]")
_BARE_NUMBER = re.compile(r"[\d.]+")


@functools.lru_cache(maxsize=4096)
def split_label(s: str) -> tuple[str | None, str]:
    """`交通：A、B` → ('交通', 'A、B'); `新开工项目12个。A；B` → ('新开工项目12个', 'A；B'); a line without a short
    leading label → (None, line)."""
    i = find_outside_brackets(s, "：:")
    if i <= 0:
        return stage_lead(s) or (None, s)
    label = s[:i]
    totalled = _STAGE_TOTAL.match(label)
    if totalled:
        return totalled.group(1), s[i + 1:]
    if len(label) > 30 or _LABEL_BREAK.search(label) or _BARE_NUMBER.fullmatch(label):
        return stage_lead(s) or (None, s)
    return label, s[i + 1:]


# A stage label with its count and the group's total investment before the colon (`新开工项目12个，总投资50.5亿元：
# A、B`): the label is the stage and its count; the total is the group's, no project's.
_STAGE_TOTAL = re.compile(rf"^((?:{_STAGE_LABEL})[^。，,；;：:]{{0,8}})[，,]\s*(?:年度)?(?:计划)?(?:总投资|投资)约?"
                          r"[\d.]+\s*(?:万|亿)元$")


_STAGE_LEAD = re.compile(rf"^((?:{_STAGE_LABEL})[^。，,；;：:]{{0,8}})。(?=.)")
_STAGE_LABEL_ONLY = re.compile(_STAGE_LABEL)


def stage_lead(s: str) -> tuple[str, str] | None:
    """A paragraph that opens with a stage label and its count closed like a sentence, then names the projects:
    `新开工项目12个。A；B；C。` reads as `新开工项目12个：A；B；C。` does. (label, rest); None for any other line."""
    m = _STAGE_LEAD.match(s)
    if not m or not _STAGE_LABEL_ONLY.fullmatch(_LABEL_COUNT.sub("", m.group(1))):
        return None
    return m.group(1), s[m.end():]


_ITEM_LEADS = frozenset("（(●○◆◇■□▪•▶►√★☆➢➤▲△")
_ITEM_NUMBER = re.compile(r"^(?:(\d{1,2})[.．、](?:(?!\d)|(?=(?:19|20)\d\d年)|(?=\d+[.．]\d))|[（(]\d{1,2}[）)]|\d{1,2}[)）](?!\d)|[①-⑳]|[●○◆◇■□▪•▶►√★☆➢➤▲△])")
# A Markdown or plain-text bullet (`- A项目`, `* A项目`): the marker needs the space after it, so a name that
# starts with a hyphen or a code is left alone.
_TEXT_BULLET = re.compile(r"^[\s\u3000]*[-*+][ \t\u3000]+")
# A symbol bullet followed by a space (`◆ A项目`), as a text copy of a boxed list prints it.
_SYMBOL_BULLET = re.compile(r"^[\s\u3000]*[●○◆◇■□▪•▶►★☆➢➤▲△][ \t\u3000]+")
# `【交通类】A、B`: a bracketed category label in front of the names it heads.
# `【类别】`, and the same label in the genre's other square brackets (`〔续建〕`, `［新开工］`, `〖民生类〗`); a year in
# tortoise-shell brackets opens a document number (`〔2024〕12号`), never a label
LABEL_BRACKETS = "【〔［〖"
LABEL_CLOSERS = "】〕］〗"
_BRACKET_LABEL = re.compile(r"^(?:【([^】]{1,20})】|〔(?!\d+〕)([^〕]{1,20})〕|［([^］]{1,20})］|〖([^〗]{1,20})〗)[：:]?")


_ANY_SEPARATOR = re.compile(r"[、，,；;]")
# A wide gap between two names: two or more spaces, or a full-width space, between word characters.
_SPACED_APART = re.compile(r"(?<=[\u4e00-\u9fa5A-Za-z0-9])(?: {2,}|[ \u3000]*\u3000[ \u3000]*)(?=[\u4e00-\u9fa5A-Za-z0-9])")
# A bullet in the middle of a line, right before a stage label: two items run together.
_GLUED_MARK = re.compile(r"[-－●◆■▪•)）]")  # what every match of `_GLUED_BULLET` holds (found by a quick scan)
_GLUED_BULLET = re.compile(rf"(?<=[^\d])(?:[-－●◆■▪•]|\d{{1,2}}[)）])(?=(?:{_STAGE_LABEL})[：:])")


@functools.lru_cache(maxsize=4096)  # asked of each list line by the continuation joiner and by the list reader
def is_bulleted(line: str) -> bool:
    """The line opens with a bullet or an item number (`- A`, `◆ A`, `1.A`): an item of a list, never a
    category label over the items (unless it is a kind itself, `◆民生类`)."""
    if _TEXT_BULLET.match(line):
        return True
    s = squash(line)
    return bool(s) and strip_item_number(s) != s


_SYMBOLS = "●○◆◇■□▪•▶►√★☆➢➤▲△"


def is_symbol_bulleted(line: str) -> bool:
    """The line opens with a bullet mark (`- A`, `◆ A`), not an item number."""
    return bool(_TEXT_BULLET.match(line)) or squash(line)[:1] in _SYMBOLS


def strip_item_number(s: str) -> str:
    """`1.A项目` / `（1）A项目` / `①A项目` / `●A项目` → `A项目`: the numbering or bullet of a list item is not
    part of it. `1.2022年度…` and `2.1.5万吨…` are numbered names opening with a year or a decimal; `1.5万吨…`
    is a number."""
    lead = s[:1]
    if not (lead.isdecimal() or lead in _ITEM_LEADS or "①" <= lead <= "⑳"):
        return s  # what `_ITEM_NUMBER` opens with (`\d` is a decimal digit): most names, no regex
    return _ITEM_NUMBER.sub("", s, count=1)


_GLUED_DIGITS_NUMBER = re.compile(r"^(\d{1,2})[.．](?=\d)")


def glued_number(s: str, expected: int) -> str | None:
    """`2.100兆瓦风电项目` as item 2 of a numbered run (`expected`): a name that opens with digits, its item number
    run onto it with no gap, would read as the number 2.100; the name without its number, None for any other line."""
    m = _GLUED_DIGITS_NUMBER.match(s)
    return s[m.end():] if m and expected > 1 and int(m.group(1)) == expected else None


_SPACED_NUMBER = re.compile(r"^\d{1,2}[.．、][ \t\u3000]+(?=\d)")


def spaced_number(line: str) -> tuple[int, str] | None:
    """`2. 318国道改建工程` → (2, '318国道改建工程'): an item number set apart by a space from a name that opens
    with digits; None for any other line."""
    text = line.strip()
    m = _SPACED_NUMBER.match(text)
    return (int(text[:m.end()].rstrip().rstrip(".．、")), text[m.end():]) if m else None


@functools.lru_cache(maxsize=4096)
def item_text(line: str) -> str:
    """One list line as the list readers see it: whitespace removed, its bullet or number dropped, and a
    `【类别】` label turned into the `类别：` label form the readers know (a category label is never a name). A
    bullet run together with the item before it (`…停车场- 续建项目：…`, a PDF reader's joined lines) separates
    the two like a `；`; in a line without any separator, names set apart by a wide gap (two spaces or a full-width
    space) are separate names."""
    bullet = _TEXT_BULLET.match(line) or _SYMBOL_BULLET.match(line)
    if bullet:  # `- A- B`: a PDF reader ran two bulleted lines together; the same bullet again opens an item
        mark = bullet.group(0).strip()[:1]
        line = line[: bullet.end()] + re.sub(rf"(?<=\S){re.escape(mark)}[ \u3000]+(?=\S)", "；", line[bullet.end():])
    text = _TEXT_BULLET.sub("", line, count=1).strip()
    if ("  " in text or "\u3000" in text) and not _ANY_SEPARATOR.search(text):
        text = _SPACED_APART.sub("、", text)  # `A项目  B工程　C中心`: names a web or PDF copy spaced apart
    spaced = _SPACED_NUMBER.match(text)
    if spaced:  # `2. 318国道…`: squashed, the number and a name opening with digits would read as `2.318`
        text = text[spaced.end():]
    s = strip_item_number(squash(text))
    if ("：" in s or ":" in s) and _GLUED_MARK.search(s):  # a glued bullet: a mark, a stage label, its colon
        s = _GLUED_BULLET.sub("；", s)
    m = _BRACKET_LABEL.match(s) if s[:1] in LABEL_BRACKETS else None
    return f"{m[m.lastindex]}：{s[m.end():]}" if m else s  # the one bracket pair's group that matched

