"""The byte-level and memchr-fast shortcuts of decoding (`formats/text.py`, `figures_width.py`) decide exactly as the
character patterns they stand in for."""
import random

from ingestion.figures_width import MIN_WIDE_DIGITS, halfwidth_figures
from ingestion.formats.text import _CONTROL, _utf8_has_no_control, decode_bytes, newlines

_PIECES = ["地区生产总值增长6%。", "\t", "\n", "\r\n", "·", "°", "²", "\u3000", "ＧＤＰ", "２０２３年", "，", "\x85", "\x9f",
           "\x01", "\x7f", "\x1b", "\u00c2\u0080", "abc", "é"]


def test_a_text_is_free_of_control_characters_exactly_when_its_utf8_bytes_say_so():
    rng = random.Random(7)
    seen = {True: 0, False: 0}
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        clean = _CONTROL.search(text) is None
        assert _utf8_has_no_control(text.encode("utf-8")) is clean, repr(text)
        seen[clean] += 1
    assert seen[True] > 100 and seen[False] > 100


def test_a_utf8_report_full_of_control_characters_is_still_rejected_as_binary_and_a_clean_one_read():
    import pytest

    from ingestion.errors import ReportError

    with pytest.raises(ReportError):
        decode_bytes(("正文\x01\x02\x03\x04" * 50).encode("utf-8"))
    assert decode_bytes("正文·第一行\r\n第二行°".encode()) == ("正文·第一行\r\n第二行°", "utf-8")


def test_full_width_figures_are_turned_exactly_when_the_text_prints_enough_of_them():
    for n in range(0, MIN_WIDE_DIGITS + 2):
        text = "全区地区生产总值增长" + "１" * n + "％，" + "其余为文字。" * 3
        out = halfwidth_figures(text)
        assert (out != text) is (n >= MIN_WIDE_DIGITS), n
    assert halfwidth_figures("增长２０２３．６％") == "增长2023.6%"
    far = "文" * 20000 + "２０２３年"  # beyond the sample looked at
    assert halfwidth_figures(far) is far


def test_line_ends_are_normalised_and_a_text_without_cr_is_returned_as_it_is():
    text = "第一行\n第二行"
    assert newlines(text) is text
    assert newlines("甲\r\n乙\r丙\n") == "甲\n乙\n丙\n"
