"""Word's automatic list numbering → the label printed before a paragraph (`一、`, `（二）`, `3.`).

In a .docx a heading's `一、` is often not typed text but generated from a numbering definition (numbering.xml),
attached to the paragraph directly (`w:numPr`) or through its style. The extractors find the outline of a report
by those labels, so the reader renders them as Word prints them: counters per list and level, deeper levels
restarting when a shallower one advances, `lvlText` templates such as `（%1）` or `%1.%2`, and the number formats
of Chinese documents (一二三, 甲乙丙, ①②③, full-width digits …). Bullets are left out: they carry no outline.
"""
from __future__ import annotations

from dataclasses import dataclass

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_VAL, _PPR, _NUMPR = _w("val"), _w("pPr"), _w("numPr")
_CHILD_TAGS: dict[str, str] = {}  # local name → Clark name, built once per name instead of per call


def _child(el, tag: str):
    """`el.find(tag)` for a direct child's Clark name, without ElementPath (`docx.child`)."""
    return next(el.iterchildren(tag), None)


def _val(el, child: str) -> str | None:
    if el is None:
        return None
    tag = _CHILD_TAGS.get(child)
    if tag is None:
        tag = _CHILD_TAGS[child] = _w(child)
    found = _child(el, tag)
    return found.get(_VAL) if found is not None else None


_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting prints them)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for size, name in units:
        d, n = divmod(n, size)
        if d:
            if zero:
                out += "零"
            out += ("" if (size == 10 and d == 1 and not out) else _DIGITS[d]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _DIGITS[n]
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _pick(seq: str, n: int) -> str:
    return seq[n - 1] if 1 <= n <= len(seq) else str(n)


def format_number(n: int, fmt: str | None) -> str:
    fmt = fmt or "decimal"
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "ideographDigital", "koreanCounting"):
        return chinese_number(n)
    table = {
        "decimal": str, "decimalZero": lambda k: f"{k:02d}", "upperRoman": _roman, "lowerRoman": lambda k: _roman(k).lower(),
        "upperLetter": _letter, "lowerLetter": lambda k: _letter(k).lower(),
        "decimalFullWidth": lambda k: str(k).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "decimalFullWidth2": lambda k: str(k).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "decimalEnclosedCircle": lambda k: _pick(_CIRCLED, k), "decimalEnclosedCircleChinese": lambda k: _pick(_CIRCLED, k),
        "decimalEnclosedParen": lambda k: _pick(_PAREN, k), "decimalEnclosedFullstop": lambda k: _pick(_FULLSTOP, k),
        "ideographTraditional": lambda k: _pick(_HEAVENLY, k), "ideographZodiac": lambda k: _pick(_EARTHLY, k),
        "none": lambda k: "",
    }
    return table.get(fmt, str)(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str | None = "decimal"
    text: str | None = None
    legal: bool = False
    suffix: str = "tab"


class Numbering:
    """Labels of numbered paragraphs, computed in document order (call `label` once per paragraph, in order)."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # numId → ilvl → level definition
        self._counters: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            self._read(numbering)
        self._read_styles(document)

    def _read(self, numbering) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        for an in numbering.findall(_w("abstractNum")):
            abstract[an.get(_w("abstractNumId"))] = {int(lvl.get(_w("ilvl"), "0")): self._level(lvl)
                                                    for lvl in an.findall(_w("lvl"))}
        for num in numbering.findall(_w("num")):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.findall(_w("lvlOverride")):
                ilvl = int(override.get(_w("ilvl"), "0"))
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = _Level(int(start), levels[ilvl].fmt, levels[ilvl].text, levels[ilvl].legal,
                                          levels[ilvl].suffix)
            self._levels[num.get(_w("numId"))] = levels

    @staticmethod
    def _level(lvl) -> _Level:
        start = _val(lvl, "start")
        legal = lvl.find(_w("isLgl")) is not None
        return _Level(int(start) if start and start.lstrip("-").isdigit() else 1, _val(lvl, "numFmt"),
                      _val(lvl, "lvlText"), legal, _val(lvl, "suff") or "tab")

    def _read_styles(self, document) -> None:
        try:
            styles = document.styles.element
        except (KeyError, AttributeError):
            return
        raw: dict[str, tuple[str | None, str | None, int | None]] = {}
        for st in styles.findall(_w("style")):
            ppr = _child(st, _PPR)
            numpr = _child(ppr, _NUMPR) if ppr is not None else None
            num_id = _val(numpr, "numId") if numpr is not None else None
            ilvl = _val(numpr, "ilvl") if numpr is not None else None
            raw[st.get(_w("styleId"))] = (_val(st, "basedOn"), num_id, int(ilvl) if ilvl else None)
        for style_id in raw:
            seen, sid = set(), style_id
            while sid in raw and sid not in seen:  # inherit numbering through basedOn
                seen.add(sid)
                based_on, num_id, ilvl = raw[sid]
                if num_id is not None:
                    self._style_num[style_id] = (num_id, ilvl)
                    break
                sid = based_on

    def label(self, p) -> str:
        """The number label of paragraph `p` (with its separator), or '' for an unnumbered paragraph."""
        ppr = _child(p, _PPR)
        numpr = _child(ppr, _NUMPR) if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl_s = _val(numpr, "ilvl") if numpr is not None else None
        style = _val(ppr, "pStyle") if ppr is not None else None
        if num_id is None and style in self._style_num:
            num_id, style_lvl = self._style_num[style]
            ilvl_s = ilvl_s or (str(style_lvl) if style_lvl is not None else None)
        if num_id is None or num_id == "0" or num_id not in self._levels:
            return ""
        ilvl = int(ilvl_s) if ilvl_s and ilvl_s.isdigit() else 0
        levels = self._levels[num_id]
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet" or level.text is None:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(k: int) -> str:
            lv = levels.get(k, _Level())
            n = counters.get(k, lv.start)
            return format_number(n, "decimal" if level.legal and k < ilvl else lv.fmt)

        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                text = text.replace(f"%{k + 1}", value(k))
        return text + ("" if level.suffix == "nothing" else " ")
