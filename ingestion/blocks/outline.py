"""Section numbers typed as a decimal outline (`1  2023年…执行情况`, `1.1  主要经济指标完成情况`, `2.2　主要预期目标`).

Word users often type outline numbers as text instead of using heading styles, so nothing marks those lines as
headings but their shape: a number with parts, a separator, a short title without clause marks or figures. A
report that numbers its sections so has two or more `N.M` titles (a single `1.1` line is more likely a figure or
an item). Each title becomes a `Heading` one level below its parent: `1  …` is level 1 and `1.1` under it 2; a
part the outline reads as an item heading (`1. 2023年…执行情况`, level 3) is the top when the report has no
higher heading, else its decimal sub-sections sit one level below it. `Document.headings` reads these blocks, so
every extractor sees the same outline.
"""
from __future__ import annotations

import re

from ..document import heading_level
from ..model import Block, Heading

_SEPARATOR = r"[ \t\u3000\xa0]"
DECIMAL_TITLE = re.compile(
    rf"^(?P<number>\d{{1,2}})(?P<parts>(?:[.．]\d{{1,2}}){{0,3}})(?P<dot>[、.．](?=\D|(?:19|20)\d\d年))?"
    rf"(?P<sep>{_SEPARATOR}+|(?=[\u4e00-\u9fff]|(?:19|20)\d\d年))"
    r"(?P<title>(?![万亿%％‰元个人家户倍])(?!.*\d(?:[%％‰]|[万亿]?元|[万亿]))[^，,。；;：:！？!?、]{4,40})$"
)
OUTLINE_NUMBER = re.compile(r"\d{1,2}(?:[.．]\d{1,2}){0,3}")
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.．、](?!\d)")


def decimal_title(text: str) -> tuple[int, int, str] | None:
    """(section number, depth, number as printed) of a decimal outline title: depth 0 for `1  …`, 1 for `1.1 …`."""
    m = DECIMAL_TITLE.match(text.strip())
    if not m:
        return None
    depth = len(re.findall(r"[.．]", m.group("parts")))
    if depth == 0 and (not (m.group("sep") or m.group("dot")) or heading_level(text) is not None):
        return None  # `12023年…` is no title; `1、…`, `1.…` are the document outline's own
    return int(m.group("number")), depth, m.group("number") + m.group("parts")


def apply_decimal_outline(blocks: list[Block], lines: list[str]) -> None:
    """Turn the one-line paragraphs that are decimal outline titles into headings (in place), and put the
    `1.` item headings that are the outline's parts at the outline's top when nothing is above them."""
    found: dict[int, tuple[int, int, str]] = {}
    for k, b in enumerate(blocks):
        if b.kind in ("paragraph", "list_item") and b.start == b.end:
            line = lines[b.start - 1]
            if line[:1].isdigit() or line.lstrip(" \u3000\xa0")[:1].isdigit():
                hit = decimal_title(line)
                if hit:
                    found[k] = hit
    if sum(1 for _, depth, _ in found.values() if depth) < 2:
        return
    parents = {n for n, depth, _ in found.values() if depth}
    top_level = any(isinstance(b, Heading) and b.level <= 1 for b in blocks)
    base: dict[int, int] = {}
    for b in blocks:
        if isinstance(b, Heading) and b.level == 3:
            m = _ITEM_NUMBER.match(lines[b.start - 1].strip())
            if m and int(m.group(1)) in parents:
                if not top_level:
                    b.level = 1
                base[int(m.group(1))] = b.level
    for k, (n, depth, number) in found.items():
        b = blocks[k]
        level = (base[n] if depth and n in base else 1) + depth
        blocks[k] = Heading("heading", b.text, b.start, b.end, level=level, number=number)


def is_outline_run(rows: list[list[str]]) -> bool:
    """Lines a row-table reader would take for a two-column table (`3  2024年重点工作` / `3.1  做强工业经济`)
    that are decimal outline titles: every row a section number and a title, one number with parts."""
    return (all(len(r) == 2 and OUTLINE_NUMBER.fullmatch(r[0]) for r in rows)
            and any("." in r[0] or "．" in r[0] for r in rows)
            and all(decimal_title(f"{r[0]}  {r[1]}") for r in rows))
