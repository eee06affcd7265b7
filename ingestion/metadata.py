"""Report metadata from the title lines.

The file name of a downloaded report says nothing reliable, so city, district, document type and years are
read from the printed title, which in this genre always names the place and the years. A title may be
wrapped over two or three lines, and web copies put a notice (通知) and page chrome before the plan's own
title: the first line group that reads as a whole title wins.
"""
from __future__ import annotations

import re

from .records import ReportMeta

_PLAN_NAME = r"(?:国民经济和社会发展|国民经济与社会发展|经济和社会发展|经济社会发展|国民经济社会发展)"
_PLACE = r"(?P<place>[^\d，。,；;：:]*?)"
_REVIEW_AND_PLAN = re.compile(
    rf"^(?:关于)?{_PLACE}(?P<ry>\d{{4}})年{_PLAN_NAME}?计划执行情况(?:及|和|与|暨)(?P<py>\d{{4}})年{_PLAN_NAME}?计划(?:草案)?(?:（草案）|\(草案\))?的?报告$"
)
_PLAN = re.compile(rf"^(?:关于)?{_PLACE}(?P<py>\d{{4}})年(?:度)?{_PLAN_NAME}计划(?:（草案）|\(草案\)|草案)?$")
_PLACE_PARTS = re.compile(r"^(?:[^\d]{2,}?省)?(?P<city>[^\d]{2,}?市)?(?P<district>[^\d]+?(?:区|县|旗|市))?$")
HEAD_LINES = 80  # titles sit in the first lines; a web page's chrome and a notice can push them down a little


def _candidates(lines: list[str]):
    """(line_no, squashed text) for each run of 1–3 consecutive non-empty lines near the top."""
    limit = min(len(lines), HEAD_LINES)
    for i in range(limit):
        if not lines[i].strip():
            continue
        joined = ""
        for span in range(3):
            j = i + span
            if j >= limit or not lines[j].strip():
                break
            joined += re.sub(r"\s+", "", lines[j].replace("\u3000", ""))
            yield i + 1, joined


def split_place(place: str) -> tuple[str | None, str | None]:
    """`重庆市大渡口区` → (重庆市, 大渡口区); `渝北区` → (None, 渝北区)."""
    m = _PLACE_PARTS.match(place)
    if not m:
        return None, place or None
    city, district = m.group("city"), m.group("district")
    if city and not district:
        return city, city
    return city, district


def _city_near(lines: list[str], district: str) -> str | None:
    """A title that names only the district still has its city printed nearby (e.g. 重庆市渝北区人民政府)."""
    head = "".join(lines[:HEAD_LINES])
    for width in (2, 3, 4):
        m = re.search(rf"([\u4e00-\u9fa5]{{{width}}}市){re.escape(district)}", head)
        if m:
            return m.group(1)
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
        city, district = split_place(m.group("place"))
        if district and not city:
            city = _city_near(lines, district)
        review_year = int(m.group("ry")) if doc_type == "review_and_plan" else None
        return ReportMeta(
            city=city,
            district=district,
            doc_type=doc_type,
            review_year=review_year,
            plan_year=int(m.group("py")),
            title=text,
            title_line=line_no,
        )
    return ReportMeta(None, None, None, None, None, None, None)


def is_plan_report(meta: ReportMeta) -> bool:
    """A document whose title does not read as a plan report is not of this genre."""
    return meta.doc_type is not None and meta.plan_year is not None
