"""ingestion/scan.py `needed`: the words and classes every match of a pattern holds, so a text without any of them
can be skipped without running the pattern (prose's value gate)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.prose.phrases import (
    _QUALITATIVE_KINDS,
    _RANGE_PHRASES,
    _REVIEW_QUALITATIVE,
    _SINGLE_PHRASES,
    _TARGET_QUALITATIVE,
    _VALUE_OR_RANGE,
    value_gate,
)
from ingestion.scan import needed


def test_needed_words_of_a_sequence_an_alternation_and_a_repeat():
    assert needed(r"(?:增长|下降)\d+%") == "下降|增长"  # the words are more telling than the digit or the %
    assert needed(r"与上年(?:基本)?持平|同比(?:基本)?持平") == "持平"  # shared by both alternatives
    assert needed(r"(?<!\d)\d+项|\d+个") == r"[\d]"  # one class covers every alternative
    assert needed(r"(?:ab)+c?") == "ab"


def test_a_pattern_that_needs_nothing_pinnable_has_no_gate():
    for pattern in (r"x?", r".+", r"[^a]", r"a|.", r"(?i)ab", r"\d*"):
        assert needed(pattern) is None


PATTERNS = [r"(?<![\d.])\d+(?:\.\d+)?[万亿]?元", r"(?:提高|降低)\d+个百分点|与上年持平|完成[^，]{0,4}下达任务"]
ALPHABET = list("0123456789.%-～：:，、“”十五年增长下降提高降低个百分点亿万元以上左右约突破与上年同比基本持平保持稳定稳中有升"
                "完成市省国家下达的任务目标指标达到要求标准经济GDP地区生产总值快于略高于同步平稳较快") + ["20", "2024年"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join))
def test_every_text_holding_a_match_has_a_hit(text):
    for pattern in PATTERNS:
        if re.search(pattern, text):
            assert re.search(needed(pattern), text)
    for qualitative in (_TARGET_QUALITATIVE, _REVIEW_QUALITATIVE, frozenset()):
        gate = value_gate(qualitative)
        kinds = {m.lastgroup for m in _VALUE_OR_RANGE.finditer(text)}
        read = {k for k in kinds if k not in _QUALITATIVE_KINDS or k in qualitative}
        if read:
            assert gate.search(text), (qualitative, read)


def test_the_value_gate_of_each_scope_kind():
    tasks, review, target = value_gate(frozenset()), value_gate(_REVIEW_QUALITATIVE), value_gate(_TARGET_QUALITATIVE)
    for gate in (tasks, review, target):  # a digit always passes: a name's colon is only dropped before one
        assert gate.search("地区生产总值增长6%")
        assert gate.search("与上年持平")
    assert not tasks.search("加快推进产业转型升级，完成市下达的目标任务")  # a task section reads no qualitative phrase
    assert review.search("能耗降低完成市下达任务") and not review.search("居民收入与经济同步增长")
    assert target.search("居民收入与经济同步增长") and target.search("保持稳定")
    assert set(_RANGE_PHRASES) | set(_SINGLE_PHRASES) >= set(_QUALITATIVE_KINDS)
