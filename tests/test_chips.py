"""The questions the chat offers to click (chips): made from headings, and
shown only when their answer is answered, says more than a heading and
comes from the section the chip was made from. The judgement is tested on
made-up answers; then every chip the app would show, for the speech and for
the IP-law library, is asked through the real pipeline and its answer is
checked against the index itself."""
from __future__ import annotations

import pytest

from app import texts as T
from app.answer import Answer, Citation
from app.pipeline import Pipeline
from app.textnorm import compare_form
from app.ui.questions import Chip, chip_answer_ok, example_chips, heading_topic, suggested_chips

SPEECH_POINT = "三是要进一步加强知识产权队伍的自身建设"
SPEECH_POINT_SENTENCE = "三是要进一步加强知识产权队伍的自身建设。"
SPEECH_BODY = "另一方面要加强人才队伍的建设。"
LAW_CHAPTER = "第二章 知识产权的备案"


def _answer(*cited: tuple[str, str, list[str]], refused: bool = False) -> Answer:
    """An answer citing, for each (document, section path, quoted sentences),
    one passage made of those sentences."""
    citations = []
    for n, (doc, section, sentences) in enumerate(cited, start=1):
        start = 100 * n
        text = "".join(sentences)
        spans, at = [], start
        for s in sentences:
            spans.append((at, at + len(s)))
            at += len(s)
        citations.append(Citation(n, f"c{n}", doc, section, text, start, start + len(text), 0.5, highlights=spans))
    return Answer("问题", "回答", refused, "extractive", citations)


# --- the judgement, on made-up answers ------------------------------------------

@pytest.mark.parametrize("answer, section", [
    (_answer(("a.txt", f"二、部署 › {SPEECH_POINT}", [SPEECH_POINT_SENTENCE, SPEECH_BODY])),
     ("a.txt", "二、部署", SPEECH_POINT)),
    # Body sentences anywhere under the chip's section.
    (_answer(("a.txt", f"二、部署 › {SPEECH_POINT}", [SPEECH_BODY]), ("a.txt", "二、部署", [SPEECH_BODY])),
     ("a.txt", "二、部署")),
    # An article's first sentence opens with its number: it is no heading.
    (_answer(("law.txt", f"{LAW_CHAPTER} › 第七条", ["第七条 知识产权权利人可以申请备案。"])), ("law.txt", LAW_CHAPTER)),
])
def test_an_answered_body_sentence_from_the_chips_section_passes(answer: Answer, section: tuple[str, ...]) -> None:
    assert chip_answer_ok(answer, section)


@pytest.mark.parametrize("answer, section", [
    # Refused, even with related passages listed.
    (_answer(("a.txt", "二、部署", [SPEECH_BODY]), refused=True), ("a.txt", "二、部署")),
    (_answer(), ("a.txt", "二、部署")),
    # The heading alone, however it is spelt (the label drops its full stop).
    (_answer(("a.txt", f"二、部署 › {SPEECH_POINT}", [SPEECH_POINT_SENTENCE])), ("a.txt", "二、部署", SPEECH_POINT)),
    (_answer(("law.txt", LAW_CHAPTER, ["第二章　知识产权的备案"])), ("law.txt", LAW_CHAPTER)),
    (_answer(("a.txt", f"二、部署 › {SPEECH_POINT}", ["二、部署。", SPEECH_POINT_SENTENCE])), ("a.txt", "二、部署")),
    (_answer(("a.txt", T.TITLE_SECTION, ["讲话的标题"])), ("a.txt", T.TITLE_SECTION)),
    # Off target: another section, a section beside it, another document.
    (_answer(("a.txt", "一、形势", [SPEECH_BODY])), ("a.txt", "二、部署")),
    (_answer(("a.txt", f"二、部署 › {SPEECH_POINT}", [SPEECH_BODY]), ("a.txt", "一、形势", [SPEECH_BODY])),
     ("a.txt", "二、部署")),
    (_answer(("a.txt", "二、部署 › 一是要制定纲要", [SPEECH_BODY])), ("a.txt", "二、部署", SPEECH_POINT)),
    (_answer(("b.txt", "二、部署", [SPEECH_BODY])), ("a.txt", "二、部署")),
    # The parent of the chip's section is not under it.
    (_answer(("a.txt", "二、部署", [SPEECH_BODY])), ("a.txt", "二、部署", SPEECH_POINT)),
])
def test_refused_heading_only_or_off_target_answers_fail(answer: Answer, section: tuple[str, ...]) -> None:
    assert not chip_answer_ok(answer, section)


@pytest.mark.parametrize("heading, limit, topic", [
    ("一、认清形势，增强做好工作的责任感", 20, "认清形势，增强做好工作的责任感"),
    ("一、认清形势，增强做好工作的责任感", 12, "认清形势"),
    ("四是要加强宣传，努力提高全社会的知识产权的意识", 12, "加强宣传"),
    ("（二）完善政策体系", 20, "完善政策体系"),
    ("第三部分 保障措施", 20, "保障措施"),
    ("一、一二三四五六七八九十一二三四五", 6, "一二三四五六"),
    ("第二章 授予专利权的条件", 20, "授予专利权的条件"),
    ("第一章 总 则", 20, "总则"),
    ("第一编 总则", 20, "总则"),
    ("第十一章 关于外观设计国际申请的特别规定", 20, "外观设计国际申请的特别规定"),
    ("第七条", 20, None),
    ("序言", 20, None),
    (T.OPENING_SECTION, 20, None),
    (T.TITLE_SECTION, 20, None),
    ("一、", 20, None),
])
def test_heading_topic_strips_ordinals_and_cuts_at_clauses(heading: str, limit: int, topic: str | None) -> None:
    assert heading_topic(heading, limit) == topic


# --- every chip the app shows, asked ---------------------------------------------

def _assert_answers_well(pipeline: Pipeline, chip: Chip) -> None:
    """Asked as a user would (the configured mode), the chip is answered
    with a sentence that is no label of any section nor a title, from the
    chip's section or one under it."""
    headings = {compare_form(label) for c in pipeline.index.chunks for label in c.section}
    headings |= {compare_form(m.title) for m in pipeline.snapshot.metas.values()}
    answer = pipeline.ask(chip.question)
    assert not answer.refused, chip
    quoted = []
    doc, path = chip.section[0], list(chip.section[1:])
    for c in answer.citations:
        assert c.doc == doc and c.section.split(" › ")[:len(path)] == path, (chip, c.section)
        text = pipeline.documents[c.doc]["text"]
        quoted += [text[a:b] for a, b in c.highlights]
    assert any(compare_form(s) not in headings for s in quoted), (chip, quoted)


def _chips_after_sample(pipeline: Pipeline, questions: list[str]) -> tuple[list[Chip], list[Chip]]:
    """The examples, and the suggestions after each example's answer and
    after each of ``questions`` (answered or refused)."""
    examples = example_chips(pipeline)
    suggestions = []
    for q in [c.question for c in examples] + questions:
        shown = suggested_chips(pipeline, pipeline.ask(q).to_json(), [q])
        assert len(shown) <= pipeline.settings.suggested_questions
        assert q not in [c.question for c in shown]
        suggestions += shown
    return examples, suggestions


def _check_every_chip(pipeline: Pipeline, questions: list[str]) -> None:
    examples, suggestions = _chips_after_sample(pipeline, questions)
    assert len(examples) == pipeline.settings.example_questions
    # Spread over a library: its examples come from several documents.
    assert len({c.section[0] for c in examples}) > 1 or len(pipeline.documents) == 1
    assert suggestions
    for chip in examples + suggestions:
        _assert_answers_well(pipeline, chip)


def test_every_chip_of_the_speech_answers_well(pipeline: Pipeline) -> None:
    _check_every_chip(pipeline, ["去年全省申请了多少件专利？", "为什么要制定知识产权战略纲要？", "火星上的首都是哪里？"])


def test_every_chip_of_the_law_library_answers_well(library) -> None:
    _check_every_chip(library.pipeline("ip-law"),
                      ["发明专利权的期限是多少年？", "商标注册申请需要提交哪些材料？", "火星上的首都是哪里？"])


def test_a_question_on_a_points_topic_is_answered_by_the_body_under_it(pipeline: Pipeline) -> None:
    # The app's own example once got the point's heading alone. The heading
    # names the topic (the citation's section shows it); the quotes are the
    # first sentences under it.
    answer = pipeline.ask(f"关于“{heading_topic(SPEECH_POINT, 24)}”，原文是怎么说的？")
    [citation, *_] = answer.citations
    text = pipeline.documents[citation.doc]["text"]
    quoted = [text[a:b] for c in answer.citations for a, b in c.highlights]
    assert SPEECH_POINT_SENTENCE not in quoted
    first = text.index(SPEECH_POINT_SENTENCE) + len(SPEECH_POINT_SENTENCE)
    assert quoted[0] == text[first:first + len(quoted[0])]
    assert 1 < len(quoted) < pipeline.settings.max_answer_sentences
    assert all(c.section.endswith(SPEECH_POINT) for c in answer.citations)
