"""Homophone typos: a word typed with the wrong pinyin-IME candidate is read
as the corpus word it sounds like, and nothing else is."""
from __future__ import annotations

from app.typos import HomophoneIndex, corrected, sound

VOCABULARY = ("同志", "成员", "战略", "实施", "大家", "专利")


def index(ratio: float = 50.0) -> HomophoneIndex:
    return HomophoneIndex(VOCABULARY, ratio)


def test_sound_is_toneless_pinyin():
    assert sound("通志") == sound("同志") == ("tong", "zhi")


def test_a_rare_spelling_of_a_corpus_word_sound_is_that_word():
    homophones = index()
    assert homophones.intended("通志") == "同志"  # rare in general Chinese
    assert homophones.intended("成圆") == "成员"  # not a word at all


def test_a_common_word_that_sounds_like_a_corpus_word_stays_itself():
    # "事实" is about as common as "实施": a different word, not a slip.
    assert index().intended("事实") is None


def test_a_whole_other_word_from_the_candidate_list_is_not_a_typo():
    # "打假" shares the sound of "大家" but none of its characters.
    assert index().intended("打假") is None


def test_corpus_words_other_scripts_and_single_characters_are_left_alone():
    homophones = index()
    assert homophones.intended("同志") is None
    assert homophones.intended("tongzhi") is None
    assert homophones.intended("通") is None


def test_the_ratio_decides_how_much_rarer_a_typo_must_be():
    assert index(ratio=10 ** 6).intended("通志") is None


def test_corrected_replaces_only_typos_longest_first():
    text = "做工作报告的是哪位通志？成圆有几个？"
    assert corrected(text, ["通志", "成圆", "报告"], index()) == (
        "做工作报告的是哪位同志？成员有几个？", [("通志", "同志"), ("成圆", "成员")])


def test_a_question_with_a_typo_is_answered_like_the_right_one(pipeline):
    typo = pipeline.ask("领道小组有几个成圆单位？")
    right = pipeline.ask("领导小组有几个成员单位？")
    assert not typo.refused
    note, *rest = typo.answer.splitlines()
    assert rest == right.answer.splitlines()
    # The reader is told how the question was read, before the answer.
    assert "“成圆”→“成员”" in note and "“领道”→“领导”" in note
    assert note.startswith("（") and note.endswith("）")
    assert typo.question == "领道小组有几个成圆单位？"  # shown as typed


def test_a_follow_up_carries_the_corrected_terms_of_a_mistyped_turn(pipeline):
    after_typo = pipeline.ask("那有几个成员单位？", history=["领道小组是什么时候成立的？"])
    after_right = pipeline.ask("那有几个成员单位？", history=["领导小组是什么时候成立的？"])
    assert after_typo.answer == after_right.answer
    assert after_typo.query == after_right.query


def test_a_cut_before_an_ordinal_is_no_typo():
    # "2025年第2号洪水" is cut 年第 / 2 / 号: no slip for 年底
    homophones = HomophoneIndex((*VOCABULARY, "年底"), 50.0)
    assert homophones.intended("年第") is None
