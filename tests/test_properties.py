"""Property tests: whatever arrives as a question, the only failure is a
QuestionError with a Chinese message, and every answer is well formed."""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.pipeline import QuestionError, validate_question

LIMIT = 500
CJK = re.compile(r"[\u4e00-\u9fff]")
# Everything Python can hold in a str, lone surrogates included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=LIMIT + 20)
html = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea>", "&lt;b&gt;",
                        "<iframe src=javascript:alert(1)>", "{{7*7}}", "${jndi:ldap://x}"])
chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)
mixed = st.lists(st.one_of(chinese, html, any_text.map(lambda t: t[:20]),
                           st.sampled_from(["专利", "知识产权", "2178件", "甘肃", "patent", "ПАТЕНТ", "براءة", "🙂"])),
                 min_size=1, max_size=8).map("".join)
questions = st.one_of(any_text, mixed, st.binary(max_size=200), st.just("专" * 10_000), st.none(), st.integers())
FAST = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@FAST
@given(questions)
@example("\ud800专利")
@example(b"\xff\xfe\x00\x01")
@example("\u200b\u200e\u3000")
def test_validate_question_only_raises_question_error(raw):
    try:
        text = validate_question(raw, LIMIT)
    except QuestionError as exc:
        assert CJK.search(str(exc))
        return
    assert isinstance(text, str) and text.strip() == text and text
    text.encode("utf-8")  # everything that passes can go on to the engine


@SLOW
@given(mixed, st.lists(mixed, max_size=3))
@example("<script>alert(1)</script>去年申请了多少件专利？", [])
@example("那授权了多少？", ["\ud800", "去年申请了多少件专利？"])
def test_ask_answers_or_explains(pipeline, question, history):
    try:
        answer = pipeline.ask(question, history)
    except QuestionError as exc:
        assert CJK.search(str(exc))
        return
    data = json.loads(json.dumps(answer.to_json(), ensure_ascii=False))
    assert data["answer"] and isinstance(data["refused"], bool)
    for c in answer.citations:
        # Every quoted passage is the document's own text at the stated place.
        assert pipeline.documents[c.doc]["text"][c.start:c.end] == c.text
        assert all(c.start <= a < b <= c.end for a, b in c.highlights)
    assert "<script>" not in answer.answer  # the answer quotes the corpus, never the question
