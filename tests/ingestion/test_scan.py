"""ingestion/scan.py: a pattern led by a lookahead on its first characters finds exactly the plain pattern's
matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.prose.phrases import _RANGES, _SINGLE
from ingestion.scan import first_characters, scanner


def test_first_characters_of_alternatives_optional_words_and_lookbehinds():
    assert first_characters(r"(?<!\d)\d+项") == r"[\d]"
    assert first_characters(r"(?:同比|比上年)?增长\d") == "[同比增]"
    assert first_characters(r"a|b?c") == "[abc]"
    assert first_characters(r"[x-z]+|\s") == r"[x-z\s]"


def test_a_first_character_that_cannot_be_pinned_down_leaves_the_pattern_as_it_is():
    for pattern in (r".a", r"[^a]b", r"x*", r"(a)|\1", r"(?i)ab"):
        assert first_characters(pattern) is None
        assert scanner(pattern).pattern == pattern


def test_a_pattern_re_already_skips_ahead_for_is_not_wrapped():
    for pattern in (r"指标中|共计", r"[，,]x", r"^\d+", r"abc"):
        assert scanner(pattern).pattern == pattern
    assert scanner(r"(?<!\d)\d+项").pattern.startswith(r"(?=[\d])")


PATTERNS = [
    _SINGLE,
    _RANGES + "|" + _SINGLE,
    r"(?<!\d)\d+项[^，,。；;]{0,8}指标|指标[^，,。；;]{0,4}\d+项|指标中|共计\d+项",
    r"十[一二三]五”?(?:时期|期间|末)|(?:今后|未来)五年|五年内|到(20\d\d)年",
    r"(?<=[\u4e00-\u9fff）)])[：:](?=(?:增长|下降)?\d)",
]
COMPILED = [(re.compile(p), scanner(p)) for p in PATTERNS]
ALPHABET = list("0123456789.%-～：:，、“”十一二三五年今后未来到内期间末增长下降提高个百分点亿元以上左右约突破与上年持平完成市下达任务指标项共计中") + ["20", "2024年"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join))
def test_led_patterns_find_the_same_matches_as_the_plain_ones(text):
    for plain, led in COMPILED:
        assert led.pattern != plain.pattern
        assert [(m.span(), m.groups(), m.lastgroup) for m in led.finditer(text)] == \
            [(m.span(), m.groups(), m.lastgroup) for m in plain.finditer(text)]
        assert led.sub("", text) == plain.sub("", text)
