"""A stand-alone question asked again on the same index version is answered
from the cache; a follow-up, a trace, another version or a disabled cache
compute it afresh."""
from __future__ import annotations

from app import texts as T

QUESTION = "去年全省申请了多少件专利？"


def test_the_same_question_again_is_answered_from_the_cache(make_pipeline):
    pipeline = make_pipeline()
    first = pipeline.ask(QUESTION, qid="a")
    again = pipeline.ask(QUESTION, qid="b")
    assert "cached" not in first.timings_ms and again.timings_ms["cached"] == 1.0
    assert (again.answer, again.citations, again.id) == (first.answer, first.citations, "b")
    assert first.id == "a"  # the first caller's answer is not changed by the second
    # what a caller does with its answer does not reach the next one
    again.answer = "改过的文字"
    assert pipeline.ask(QUESTION).answer == first.answer


def test_follow_ups_traces_and_a_disabled_cache_compute_afresh(make_pipeline):
    pipeline = make_pipeline()
    pipeline.ask(QUESTION)
    assert "cached" not in pipeline.ask(QUESTION, history=["甘肃省知识产权工作怎么样？"]).timings_ms
    assert "cached" not in pipeline.ask(QUESTION, trace=True).timings_ms
    off = make_pipeline(answer_cache_size=0)
    off.ask(QUESTION)
    assert "cached" not in off.ask(QUESTION).timings_ms


def test_llm_answers_are_not_kept(make_pipeline):
    # the endpoint is down: the answer is the extractive fallback, which must
    # not stand in for the model's answer once the endpoint is back
    pipeline = make_pipeline(mode="llm", llm_base_url="http://127.0.0.1:9/v1", llm_timeout_s=1)
    first = pipeline.ask(QUESTION)
    assert first.answer.startswith(T.LLM_FALLBACK_NOTE)
    assert "cached" not in pipeline.ask(QUESTION).timings_ms


def test_a_new_index_version_is_never_answered_from_the_old_one(make_pipeline):
    pipeline = make_pipeline()
    pipeline.ask(QUESTION)
    pipeline.use_index(pipeline.index, pipeline.corpus_issues)  # what a reload or the watcher does
    assert "cached" not in pipeline.ask(QUESTION).timings_ms


def test_the_cache_keeps_the_most_recent_answers(make_pipeline):
    pipeline = make_pipeline(answer_cache_size=2)
    questions = [QUESTION, "授权专利多少件？", "培训了多少知识产权人才？"]
    for q in questions:
        pipeline.ask(q)
    assert "cached" not in pipeline.ask(questions[0]).timings_ms  # the oldest went
    assert pipeline.ask(questions[2]).timings_ms.get("cached") == 1.0
