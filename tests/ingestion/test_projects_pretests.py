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


def _plain_is_project_item(text: str) -> bool:
    """`prose._is_project_item` without its pre-tests (what it was before them)."""
    from ingestion.projects import item_details
    from ingestion.prose import _DASH_OR_TAG_END
    from ingestion.prose.sentences import _drop_item_number

    item = _drop_item_number(text)
    if any(d in text for d in _DASH_OR_TAG_END) and item_details.name_of_dashed(item) is not None:
        return True
    if "投资" in text and item_details.is_described_item(item):
        return True
    return text.find("。", 0, len(text) - 1) >= 0 and item_details.name_of_stage_led(item) is not None


def _report_lines():
    from pathlib import Path

    from ingestion.document import squash
    from ingestion.prose.sentences import _clean_squashed

    root = Path(__file__).resolve().parents[1] / "fixtures"
    for path in sorted(root.rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
                text = _clean_squashed(squash(line))
                if text:
                    yield text


def test_project_item_pretests_turn_down_only_lines_no_reading_takes(monkeypatch):
    """A line naming no investment and no construction period is no project item (every reading needs one), and
    `name_of_dashed` looks for a tag glued to its works only where a tag's bracket stands right before a works verb."""
    from ingestion.projects import item_details
    from ingestion.prose import _is_project_item

    made = ["A产业园【续建】——新建厂房，总投资6.1亿元。", "A基地〔续建〕新增生产线8条，总投资12亿元。",
            "A产业园一期。续建项目，总投资9.4亿元，建设厂房12万平方米。", "B工程。新开工项目，建设年限2024—2026年。",
            "A工程：治理河道12公里，建设生态护岸，总投资2.5亿元。", "【拟开工】A项目。建设厂房12栋，总投资35000万元。"]
    lines = [*made, *_report_lines()]
    dashed = [item_details.name_of_dashed(text) for text in lines]
    taken = 0
    for text in lines:
        assert _is_project_item(text) == _plain_is_project_item(text), text
        taken += _is_project_item(text)
    assert taken >= len(made) and len(lines) > 1000
    monkeypatch.setattr(item_details, "_TAG_CLOSE_THEN_WORKS", re.compile(""))  # no pre-test: the plain reading
    assert [item_details.name_of_dashed(text) for text in lines] == dashed
    assert dashed[1] == "A基地（续建）"
