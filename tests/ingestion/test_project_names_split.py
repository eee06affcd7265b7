"""Splitting a prose line into sentences and clauses in one pass (`projects/names.split_two_levels`) must give what
splitting each sentence again gives, whatever brackets and quotes it holds, partnered or not."""
from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.projects.names import split_outside_brackets, split_two_levels

STOPS, COMMAS = "。；;！", "，,"
ALPHABET = "甲乙丙项目一二、" + STOPS + COMMAS + "（）()【】“”《》\""


def _nested(text: str) -> list[list[str]]:
    return [split_outside_brackets(sentence, COMMAS) for sentence in split_outside_brackets(text, STOPS)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_one_pass_is_the_nested_split(text):
    assert split_two_levels(text, STOPS, COMMAS) == _nested(text)


def test_a_bracket_spanning_a_comma_keeps_its_clause_whole():
    text = "推进甲（一期，二期）工程，建成乙中心。开工丙项目；“丁，戊”改造"
    assert split_two_levels(text, STOPS, COMMAS) == [["推进甲（一期，二期）工程", "建成乙中心"], ["开工丙项目"],
                                                     ["“丁，戊”改造"]]


def test_an_unpartnered_bracket_is_read_per_sentence():
    text = "甲（乙，丙。丁）戊，己"
    assert split_two_levels(text, STOPS, COMMAS) == _nested(text)
