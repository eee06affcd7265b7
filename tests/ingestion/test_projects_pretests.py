"""The cheap pre-tests of the project readers say no only where the regex they stand before cannot match."""
from __future__ import annotations

import re

from ingestion.projects.text_index import LineText
from ingestion.projects.view import _PICTOGRAPH_LINE, _PICTOGRAPH_UNITS, _has_units

# the class `_PICTOGRAPH_LINE` opens a line on
_PICTOGRAPH_CHAR = re.compile(_PICTOGRAPH_LINE.pattern.rsplit("]*", 1)[1])


def test_pictograph_units_find_every_character_a_pictograph_line_opens_on():
    """A superset: every character of the class is found; beyond it only what shares its high surrogates (U+1FB00–
    U+1FBFF, and a lone surrogate), which the regex then turns down."""
    every = "".join(map(chr, range(0x20000)))  # the BMP (lone surrogates included) and astral plane 1
    for start in range(0, len(every), 67):
        chunk = every[start:start + 67]
        found = _has_units(LineText([chunk]), _PICTOGRAPH_UNITS)
        shared = any(c in chunk for c in "\ud83c\ud83d\ud83e") or any("\U0001fb00" <= c <= "\U0001fbff" for c in chunk)
        assert found == bool(_PICTOGRAPH_CHAR.search(chunk)) or (found and shared), hex(start)
    for text in ("", "新开工项目（8个）", "◆ A项目 ■ B中心", "🏗️新开工", "📌2025年", "\u2580", "\u27bf", "\u27c0", "𠀀", "\u2b55"):
        assert _has_units(LineText([text]), _PICTOGRAPH_UNITS) == bool(_PICTOGRAPH_CHAR.search(text)), text
