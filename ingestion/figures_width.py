"""Full-width figures (`２０２３年`, `６．２％`, `ＧＤＰ`) read as the half-width ones every reader expects.

Why in the rendered text: a text copied from a phone article (WeChat) or typed in a full-width input mode prints
every digit, percent sign, decimal point and Latin letter full-width; the year, value and unit readers all look
for `2023年`, `6.2%`. The stored text `raw.reports.text` holds the half-width forms, so every `source_line` and
`value_raw` is found there as it is; the Chinese punctuation (`，`, `：`, `（`) is left full-width as the genre
always prints it. A decimal point (`．`) or a dash (`－`) is turned only between or after figures, where it is one:
`1．` heading a paragraph stays as printed.
"""
from __future__ import annotations

import re

_WIDE = {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_WIDE["％"] = "%"
_TABLE = str.maketrans(_WIDE)
_POINT = re.compile(r"(?<=\d)．(?=\d)")
_DASH = re.compile(r"(?<=[\d%])－(?=\d)")
MIN_WIDE_DIGITS = 4  # a text whose figures are full-width prints at least a year so
_SAMPLE = 20000  # characters looked at for them
_WIDE_DIGITS = "０１２３４５６７８９"


def halfwidth_figures(text: str) -> str:
    """`２０２４－０１－１６`, `增长６．２％` → `2024-01-16`, `增长6.2%`; a text without full-width digits is returned
    unchanged."""
    if not any(text.find(d, 0, _SAMPLE) >= 0 for d in _WIDE_DIGITS):
        return text  # no full-width digit at all (most texts): ten memchr-fast searches, no pattern tried per character
    if len(re.findall("[０-９]", text[:_SAMPLE])) < MIN_WIDE_DIGITS:
        return text
    text = text.translate(_TABLE)
    return _DASH.sub("-", _POINT.sub(".", text))
