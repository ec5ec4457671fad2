"""The chat handlers over a real pipeline (isolated copy): streaming,
follow-ups, bad input (the chips it offers: test_chips.py)."""
from __future__ import annotations

import pytest

from app import texts as T
from app.pipeline import Pipeline
from app.ui.chat import MESSAGES_PER_TURN, conversation_messages, description_html, respond
from app.ui.viewer import open_citation
from ui_support import isolated_settings

QUESTION = "去年全省申请了多少件专利？"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(isolated_settings(tmp_path_factory.mktemp("chat")))


def _run(pipeline: Pipeline, question: object, turns: list[dict]) -> list[tuple]:
    return list(respond(pipeline, question, turns))


def test_answer_is_streamed_then_stored_as_a_turn(pipeline: Pipeline) -> None:
    steps = _run(pipeline, QUESTION, [])
    messages, turns, box, notice = steps[-1]
    assert box == "" and notice == ""
    assert len(turns) == 1 and len(messages) == MESSAGES_PER_TURN
    turn = turns[0]
    assert turn == pipeline.ask(QUESTION).to_json() | {"timings_ms": turn["timings_ms"]}
    assert "[1]</a>" in messages[1]["content"] and "pqa-cite" in messages[1]["content"]
    assert messages[2]["metadata"]["title"].startswith("来源")
    assert "<mark>" in messages[2]["content"]


def test_follow_up_passes_previous_questions_as_history(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    original = pipeline.stream

    def spy(question, history=None, *args, **kwargs):
        seen.append(list(history or []))
        return original(question, history, *args, **kwargs)

    monkeypatch.setattr(pipeline, "stream", spy)
    _, turns, _, _ = _run(pipeline, QUESTION, [])[-1]
    _, turns, _, _ = _run(pipeline, "授权了多少件？", turns)[-1]
    assert seen == [[], [QUESTION]]
    assert len(turns) == 2


@pytest.mark.parametrize("bad, message", [
    ("", T.ERR_EMPTY_QUESTION),
    ("   ", T.ERR_EMPTY_QUESTION),
    ("问" * 501, "问题过长"),
    ("\x00\x01\x02", T.ERR_BINARY_QUESTION),
])
def test_bad_question_shows_a_message_and_changes_nothing(pipeline: Pipeline, bad: str, message: str) -> None:
    _, before, _, _ = _run(pipeline, QUESTION, [])[-1]
    [(messages, turns, box, notice)] = _run(pipeline, bad, before)
    assert turns == before and messages == conversation_messages(before)
    assert message in notice and "pqa-error" in notice
    assert box != ""  # a gr.update() that leaves the typed text in place


def test_refusal_shows_fixed_sentence_and_possibly_related_passages(pipeline: Pipeline) -> None:
    messages, turns, _, _ = _run(pipeline, "火星上的首都是哪里？", [])[-1]
    assert turns[0]["refused"]
    assert T.REFUSAL_TEXT in messages[1]["content"]
    assert messages[2]["metadata"]["title"].startswith("可能相关")


def test_html_in_question_is_shown_as_text(pipeline: Pipeline) -> None:
    messages, _, _, _ = _run(pipeline, "<img src=x onerror=alert(1)>", [])[-1]
    assert "<img" not in messages[0]["content"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in messages[0]["content"]


def test_description_names_the_loaded_documents(pipeline: Pipeline) -> None:
    html = description_html(pipeline)
    for d in pipeline.documents.values():
        assert d["title"] in html


def test_citation_key_opens_the_viewer_on_the_cited_sentence(pipeline: Pipeline) -> None:
    from app.ui.render import cite_key

    citation = pipeline.ask(QUESTION).to_json()["citations"][0]
    doc, outline, body, error = open_citation(pipeline, cite_key(citation))
    assert error is None and doc["value"] == citation["doc"]
    a, b = citation["highlights"][0]
    sentence = pipeline.documents[citation["doc"]]["text"][a:b]
    assert f"<mark>{sentence}</mark>" in body
    assert 'id="pqa-cited"' in body
    for bad in ("nope", cite_key({**citation, "doc": "missing.txt"}), cite_key({**citation, "end": 10**9})):
        assert open_citation(pipeline, bad)[3] == T.UI_BAD_CITATION


def test_unexpected_failure_shows_a_message_and_keeps_the_conversation(pipeline: Pipeline,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, before, _, _ = _run(pipeline, QUESTION, [])[-1]

    def broken(*args, **kwargs):
        raise RuntimeError("index vanished")
        yield  # pragma: no cover  (makes this a generator like the real one)

    monkeypatch.setattr(pipeline, "stream", broken)
    [(messages, turns, _, notice)] = _run(pipeline, "授权了多少件？", before)
    assert turns == before and messages == conversation_messages(before)
    assert T.ERR_UI_INTERNAL in notice
