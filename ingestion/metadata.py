"""Report metadata from the title lines.

The file name of a downloaded report says nothing reliable, so city, district, document type and years are
read from the printed title, which in this genre always names the place and the years. A title may be
wrapped over two or three lines, and web copies put a notice (通知) and page chrome before the plan's own
title: the first line group that reads as a whole title wins.

Lines of page furniture never join a title or its place: a web page's breadcrumb (`首页 > 政务公开 > …`), its
`来源：… 发布时间：…` and `打印本页 关闭窗口` lines, a bracketed notice (`（此件公开发布）`), and Markdown marks (`# `,
`**…**`, `> `) that a converter puts around the title. A title that a PDF reader ran together with the line under
it (`…计划草案的报告XX县发展和改革局`) is read up to its closing `报告`.
"""
from __future__ import annotations

import re

from .records import ReportMeta
from .vocabulary import CHROME, NOTICE, REVIEW_PART_WORDS, SESSION_DOCUMENT

_PLAN_NAME = r"(?:国民经济和社会发展|国民经济与社会发展|经济和社会发展|经济社会发展|国民经济社会发展)"
_PLACE = r"(?P<place>[\u4e00-\u9fa5]*?)"  # a place is Chinese characters only: no bracket, mark or breadcrumb
# a place printed after the year instead of before it (`关于2023年XX县国民经济…`); 全县/我区 are not places
_PLACE_AFTER_YEAR = r"(?P<place2>[\u4e00-\u9fa5]{2,15}?(?:区|县|市|旗))?"
_DRAFT = r"(?:草案)?(?:（草案）|\(草案\))?"
# a short parenthesis after the title: （草案）, （书面）, （提请大会审议）
# (a longer one asks the session to deliberate: `（提请区第十届人民代表大会第三次会议审议）`; the dateline
# `（2024年1月9日在…会议上）` printed under a title is not part of it)
_TRAILER = r"(?:[（(][^（）()]{1,8}[）)]|[（(](?:提请|供)[^（）()]*(?:审议|讨论)[^（）()]*[）)])?"
_REVIEW_AND_PLAN = re.compile(
    rf"^(?:关于)?{_PLACE}(?P<ry>\d{{4}})年度?{_PLACE_AFTER_YEAR}{_PLAN_NAME}?(?:年度)?计划执行情况"
    rf"(?:及|和|与|暨|以及)(?P<py>\d{{4}})年度?{_PLAN_NAME}?(?:年度)?计划{_DRAFT}(?:的?报告)?{_TRAILER}$"
)
_PLAN = re.compile(
    rf"^(?:关于)?{_PLACE}(?P<py>\d{{4}})年度?{_PLACE_AFTER_YEAR}{_PLAN_NAME}(?:年度)?计划{_DRAFT}(?:的报告)?{_TRAILER}$"
)
_PLACE_PARTS = re.compile(
    r"^(?:[^\d]{2,}?(?:省|自治区))?(?P<city>[^\d]{2,}?(?:市|自治州|地区|盟))?(?P<district>[^\d]+?(?:区|县|旗|市))?$"
)
_NOT_A_PLACE = re.compile(r"^(?:全|我|本|各)")
# Where a title without a place names it nearby: the session line (`在安吉县第十七届人民代表大会…`), the
# issuing office (`安吉县发展和改革局`) or the government (`XX区人民政府`).
_PLACE_NEARBY = (
    re.compile(r"在(?P<place>[\u4e00-\u9fa5]{2,20}?(?:区|县|市|旗))第[一二三四五六七八九十]+届人民代表大会"),
    re.compile(r"^(?P<place>[\u4e00-\u9fa5]{2,20}?(?:区|县|市|旗))(?:发展和改革|发展改革|发改)"),
    re.compile(r"^(?P<place>[\u4e00-\u9fa5]{2,20}?(?:区|县|市|旗))人民政府"),
)
NEARBY_LINES = 8  # lines after the title searched for the place a title leaves out
HEAD_LINES = 80  # titles sit in the first lines; a web page's chrome and a notice can push them down a little


# The masthead over a title (`vocabulary.py`): page furniture (breadcrumbs, source/date lines, print links) and a
# line wholly in brackets (`（此件公开发布）`) never join a title (a `（草案）` line may end one), nor does the
# session-document line that files the report among the session's papers.
# Markdown marks a converter leaves around a title line: `# `, `> `, `**…**`, `__…__`.
_MARKDOWN_MARKS = re.compile(r"^(?:#{1,6}|>+)\s*|^\s*[*_]{2}|[*_]{2}\s*$")


# Where a title ends when more text follows it on the same line: its `报告`, with a short trailer (`（草案）`).
_REPORT_END = re.compile(r"报告(?:[（(][^（）()]{1,8}[）)])?")


# A line that is only the issuing office (`青岚县人民政府`, `XX区发展和改革委员会`): printed over the title, not
# part of it.
_ISSUER = re.compile(r"[\u4e00-\u9fa5]{2,20}?(?:人民政府(?:办公室)?|发展和改革(?:委员会|局)|发展改革(?:委员会|局)|发改委|发改局)")




_SESSION_PREFIX = re.compile(
    r"^(?P<place>[\u4e00-\u9fa5]{2,20}?(?:省|市|区|县|旗|州|盟))?第[一二三四五六七八九十百]+届人民代表大会"
    r"[\u4e00-\u9fa5]{0,12}?(?:文件|材料|资料)"
)


def _after_session_document(text: str) -> str:
    """A line that a PDF reader ran together with the session-document line over it
    (`XX市第十三届人民代表大会第六次会议文件之四XX市2023年…报告`): the text after the session line. The title
    names the place the session line opens with, so the title starts at that place again; without one, after the
    file number."""
    m = _SESSION_PREFIX.match(text)
    if not m:
        return text
    place = m.group("place")
    if place:
        k = text.find(place, m.end())
        if k >= 0:
            return text[k:]
    return re.sub(r"^(?:之[一二三四五六七八九十]|[（(〔]?\d+[）)〕]?)", "", text[m.end():])


def title_text(line: str) -> str:
    """One line as a piece of a title: whitespace and Markdown marks removed. (`str.split` splits at the
    characters `\\s` matches, the full-width space included; the marks can only stand at either end.)"""
    text = "".join(line.split())
    if text[:1] in _MARK_ENDS or text[-1:] in "*_":
        text = _MARKDOWN_MARKS.sub("", _MARKDOWN_MARKS.sub("", text))
    return text


_MARK_ENDS = frozenset("#>*_")


def _is_furniture(text: str) -> bool:
    return bool(CHROME.search(text))


def _candidates(lines: list[str]):
    """(line_no, squashed text) for each run of 1–3 consecutive non-empty lines near the top, the longest run
    from a line first: `…2023年国民经济和社会发展计划` / `执行情况及2024年计划草案的报告` is one title, not a plan
    title followed by a stray line. Furniture lines end a run and start none; a bracketed line starts none. A
    run with text after its first `报告` is also tried cut there (a title run together with the line under it)."""
    limit = min(len(lines), HEAD_LINES)
    # each line's title text made when a run first reaches it: the caller stops at the first title that reads, on
    # one of the first lines, so the long paragraphs further down the head are never squashed
    made: list[str | None] = [None] * limit

    def texts(k: int) -> str:
        t = made[k]
        if t is None:
            t = made[k] = title_text(lines[k])
        return t

    for i in range(limit):
        text = texts(i)
        if (not text or _is_furniture(text) or NOTICE.match(text) or _ISSUER.fullmatch(text)
                or SESSION_DOCUMENT.fullmatch(text)):
            continue
        joined, runs = "", []
        for span in range(3):
            j = i + span
            if j >= limit or not texts(j) or _is_furniture(texts(j)) or SESSION_DOCUMENT.fullmatch(texts(j)):
                break
            joined += texts(j) if span else _after_session_document(texts(j))
            runs.append(joined)
        for text in reversed(runs):
            yield i + 1, text
        for text in reversed(runs):
            m = _REPORT_END.search(text)
            if m and m.end() < len(text):
                yield i + 1, text[: m.end()]


def split_place(place: str) -> tuple[str | None, str | None]:
    """`重庆市大渡口区` → (重庆市, 大渡口区); `渝北区` → (None, 渝北区)."""
    m = _PLACE_PARTS.match(place)
    if not m:
        return None, place or None
    city, district = m.group("city"), m.group("district")
    if city and not district:
        return city, city
    return city, district


# How a county's report names the city above it: it follows the city's targets and leadership
# (`与宜昌市目标相衔接`, `在遂宁市委、市政府的坚强领导下`, `完成宜昌市下达的任务`).
_CITY_ABOVE = re.compile(
    r"(?:与|在|按照|落实|完成|根据|对标)(?![与在按落完根对])(?P<city>[\u4e00-\u9fa5]{2,4}?(?:市|自治州|地区|盟))"
    r"(?:委|政府|人民政府|下达|目标|要求|部署|相衔接|“十四五”|十四五)"
)


def _city_near(lines: list[str], district: str) -> str | None:
    """A title that names only the district still has its city printed nearby (e.g. 重庆市渝北区人民政府), or
    the text names the city it answers to (`与宜昌市目标相衔接`): the city mentioned that way most often."""
    head = "".join(lines[:HEAD_LINES])
    # `[\u4e00-\u9fa5]{width}市<district>`, the narrowest width first, leftmost match: read off the places where
    # `市<district>` is printed (str.find), instead of compiling a pattern per district (each report names its own,
    # and a pattern with that character range costs more to compile than the whole search)
    key = "市" + district
    found = []
    at = head.find(key)
    while at >= 0:
        found.append(at)
        at = head.find(key, at + 1)
    for width in (2, 3, 4):
        for at in found:
            if at >= width and all("\u4e00" <= ch <= "\u9fa5" for ch in head[at - width: at]):
                return head[at - width: at + 1]
    return _city_above(lines, district)


def _city_above(lines: list[str], district: str) -> str | None:
    """The city the text answers to (`与宜昌市目标相衔接`, `在遂宁市委、市政府的坚强领导下`), the one named most often."""
    counts: dict[str, int] = {}
    for line in lines:
        if "市" in line:
            for m in _CITY_ABOVE.finditer(line):
                city = m.group("city")
                if city != district and not _NOT_A_PLACE.match(city):
                    counts[city] = counts.get(city, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _resolve_city(lines: list[str], city: str | None, district: str | None) -> tuple[str | None, str | None]:
    """The city of a title that names only its district or county, and of a county-level city (`浏阳市`): the
    city above it as the text names it. A city's own report names no other city above it, so it stays itself."""
    if district and not city:
        return _city_near(lines, district), district
    if district and city == district and district.endswith("市"):
        above = _city_above(lines, district)
        return (above or city), district
    return city, district


def _title_place(m: re.Match) -> str:
    """The place a title prints: before the year, else after it; `XX区人民政府关于` in front is dropped."""
    place = m.group("place") or ""
    place = place.rsplit("关于", 1)[-1]
    if not place and m.group("place2") and not _NOT_A_PLACE.match(m.group("place2")):
        place = m.group("place2")
    return "" if _NOT_A_PLACE.match(place) else place


def _place_near(lines: list[str], title_line: int) -> str | None:
    """The place named on the lines under a title that leaves it out (session line, issuing office)."""
    stop = min(len(lines), title_line + 2 + NEARBY_LINES)
    for line in lines[title_line - 1: stop]:
        s = re.sub(r"\s+", "", line.replace("\u3000", "")).lstrip("—-－(（")
        for pat in _PLACE_NEARBY:
            m = pat.search(s)
            if m and not _NOT_A_PLACE.match(m.group("place")):
                return m.group("place")
    return None


def read_metadata(doc) -> ReportMeta:
    lines = doc.lines
    for line_no, text in _candidates(lines):
        m = _REVIEW_AND_PLAN.match(text)
        doc_type = "review_and_plan"
        if not m:
            m = _PLAN.match(text)
            doc_type = "plan"
        if not m:
            continue
        # `XX县国民经济和社会发展2023年计划…` prints the plan's name before the year: it is not part of the place
        place = re.sub(f"{_PLAN_NAME}$", "", _title_place(m) or "") or _place_near(lines, line_no) or ""
        city, district = _resolve_city(lines, *split_place(place))
        plan_year = int(m.group("py"))
        review_year = int(m.group("ry")) if doc_type == "review_and_plan" else _reviewed_year(lines, plan_year)
        return ReportMeta(
            city=city,
            district=district,
            doc_type=doc_type,
            review_year=review_year,
            plan_year=plan_year,
            title=text,
            title_line=line_no,
        )
    return _loose_title(lines) or ReportMeta(None, None, None, None, None, None, None)


# A top-level section that reviews a year: `一、2023年经济社会发展回顾`, `第一部分 2023年计划执行情况`.
_REVIEW_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)(?:关于)?(?P<year>(?:19|20)\d{2})年"
    rf"[^。，；]{{0,30}}?(?:{REVIEW_PART_WORDS}|回顾|工作总结|主要工作|发展情况|运行情况|工作成效)"
)


def _reviewed_year(lines: list[str], plan_year: int) -> int | None:
    """The year a plan-only document reviews: a plan (`XX旗2024年国民经济和社会发展计划`) may still open with a
    section reviewing last year (`一、2023年经济社会发展回顾`); the year whose execution is reviewed is then that
    year (SPEC: review_year). A plan without such a section reviews none."""
    for line in lines:
        if "年" not in line:  # the section names its year; `title_text` only removes characters: no line to squash
            continue
        m = _REVIEW_SECTION.match(title_text(line))
        if m and int(m.group("year")) == plan_year - 1:
            return plan_year - 1
    return None


_LOOSE_GENRE = re.compile(r"(国民经济|经济社会|经济和社会)")
_LOOSE_YEAR = re.compile(r"((?:19|20)\d{2})年")
_LOOSE_PLACE = re.compile(r"([\u4e00-\u9fa5]{2,15}?(?:区|县|旗|市))")
LOOSE_TITLE_MAX = 90  # a title, not a paragraph that happens to mention a plan


def _loose_title(lines: list[str]) -> ReportMeta | None:
    """Fallback for a title worded outside the patterns above (`XX县国民经济和社会发展2023年计划执行情况…`):
    a short line group near the top naming a plan (计划) of the genre with its year(s). Rejecting such a report
    would lose all its facts; the years and the place are still printed, just in another order."""
    for line_no, text in _candidates(lines):
        if len(text) > LOOSE_TITLE_MAX or "计划" not in text or not _LOOSE_GENRE.search(text):
            continue
        if not text.rstrip("）)").endswith(("报告", "计划", "草案", "安排", "（草案", "(草案")):
            continue
        years = [int(y) for y in _LOOSE_YEAR.findall(text)]
        if not years:
            continue
        review = "执行情况" in text and len(set(years)) >= 2
        head = re.sub(r"^关于", "", text[: text.find(_LOOSE_GENRE.search(text).group(1))])
        m = _LOOSE_PLACE.search(re.sub(r"\d{4}年度?", "", head))
        place = (m.group(1) if m and not _NOT_A_PLACE.match(m.group(1)) else None) or _place_near(lines, line_no) or ""
        city, district = _resolve_city(lines, *split_place(place))
        return ReportMeta(city=city, district=district, doc_type="review_and_plan" if review else "plan",
                          review_year=min(years) if review else None, plan_year=max(years),
                          title=text, title_line=line_no)
    return None


def is_plan_report(meta: ReportMeta) -> bool:
    """A document whose title does not read as a plan report is not of this genre."""
    return meta.doc_type is not None and meta.plan_year is not None
