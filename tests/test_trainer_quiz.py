"""Quizzes over the speech plus a synthetic second document."""
from __future__ import annotations

import re
import shutil

import pytest

from app import texts as T
from app.settings import Settings
from app.textnorm import compare_form
from app.trainer import Quiz, build_quiz, list_sections
from app.trainer.source import SECTION_SEP as SEP

SPEECH = "gansu_ip_conference_speech.txt"
SYNTHETIC_NAME = "synthetic_report.txt"
# Four 件 figures in different sentences make figure choice items possible.
SYNTHETIC = """某市科技创新工作报告
一、主要成绩
全年受理专利申请5120件，同比增长12%。
全市新增发明专利授权860件。
技术合同登记2300件，成交额达4.5亿元。
全年查处侵权假冒案件96件。
3月15日，市政府召开了科技创新大会。
市科技局、市财政局、市市场监管局等部门联合出台了《某市科技创新促进办法》。
二、下一步工作
要加强与税务、海关、公安等部门的协作。
引导电子信息、生物医药、新材料、装备制造等产业加快发展。
9月1日起施行《某市专利资助管理办法》。
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory):
    from app.pipeline import Pipeline

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(Settings().corpus_dir / SPEECH, corpus / SPEECH)
    (corpus / SYNTHETIC_NAME).write_text(SYNTHETIC, encoding="utf-8")
    return Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index")))


@pytest.fixture(scope="module")
def quiz(pipeline) -> Quiz:
    return build_quiz(pipeline, None, 60, seed=11)


def _fits(prompt: str, option: str, source: str) -> bool:
    return prompt.replace(T.TRAINER_BLANK, option).rstrip("。") in source


def _is_figure(answer: str) -> bool:
    return re.fullmatch(r"[\d.,]+", answer) is not None


def test_all_kinds_and_sources(pipeline, quiz: Quiz) -> None:
    assert {i.kind for i in quiz.items} == {"blank", "choice", "truefalse"}
    for item in quiz.items:
        text = pipeline.documents[item.doc]["text"]
        assert text[item.start:item.end] == item.source
        assert any(c.endswith(item.section) for c in list_sections(pipeline))
        assert item.citation.startswith(f"《{pipeline.documents[item.doc]['title']}》")


def test_blank_answer_restores_the_source(quiz: Quiz) -> None:
    for item in quiz.items:
        if item.kind in ("blank", "choice"):
            assert item.prompt.count(T.TRAINER_BLANK) == 1
            restored = item.prompt.replace(T.TRAINER_BLANK, item.answer).rstrip("。")
            assert restored in item.source


def test_choice_has_exactly_one_option_matching_the_source(quiz: Quiz) -> None:
    choices = [i for i in quiz.items if i.kind == "choice"]
    assert choices
    for item in choices:
        assert len(item.options) == 4 and len(set(item.options)) == 4
        assert [o for o in item.options if _fits(item.prompt, o, item.source)] == [item.answer]


def test_distractors_come_from_the_corpus_and_share_the_kind(pipeline, quiz: Quiz) -> None:
    corpus = "".join(d["text"] for d in pipeline.documents.values())
    for item in (i for i in quiz.items if i.kind == "choice"):
        for option in item.options:
            assert option in corpus
            assert compare_form(option) not in compare_form(item.source) or option == item.answer
        if _is_figure(item.answer):
            # A figure: every option is a number, and the unit stays in the prompt.
            assert all(_is_figure(o) for o in item.options)


def test_figure_choice_on_the_synthetic_document(quiz: Quiz) -> None:
    figure_choices = [i for i in quiz.items if i.kind == "choice" and i.doc == SYNTHETIC_NAME
                      and _is_figure(i.answer)]
    assert figure_choices, "four 件 figures allow a figure choice item"
    for item in figure_choices:
        assert item.prompt.split(T.TRAINER_BLANK)[1].startswith("件")


def test_false_statements_really_differ(quiz: Quiz) -> None:
    tf = [i for i in quiz.items if i.kind == "truefalse"]
    assert {i.answer for i in tf} <= {T.TRAINER_TRUE, T.TRAINER_FALSE}
    false = [i for i in tf if i.answer == T.TRAINER_FALSE]
    assert false
    for item in tf:
        statement = item.prompt.rstrip("。")
        if item.answer == T.TRAINER_TRUE:
            assert statement in item.source
        else:
            assert statement not in item.source
            assert item.explanation


def test_same_seed_same_quiz_other_seed_differs(pipeline, quiz: Quiz) -> None:
    again = build_quiz(pipeline, None, 60, seed=11)
    assert again.items == quiz.items
    other = build_quiz(pipeline, None, 60, seed=12)
    assert [i.prompt for i in other.items] != [i.prompt for i in quiz.items]


def test_no_duplicates_and_fewer_items_when_fewer_possible(pipeline, quiz: Quiz) -> None:
    many = build_quiz(pipeline, None, 10_000, seed=1)
    sources = [(i.doc, i.start) for i in many.items]
    assert len(sources) == len(set(sources)) < 10_000
    assert len(build_quiz(pipeline, None, 5, seed=1).items) == 5


def test_sections_filter_includes_subsections(pipeline) -> None:
    sections = list_sections(pipeline)
    parent = next(s for s in sections if s.count(SEP) == 1 and any(t.startswith(s + SEP) for t in sections))
    q = build_quiz(pipeline, [parent], 20, seed=3)
    assert q.items and q.sections == [parent]
    for item in q.items:
        place = f"{pipeline.documents[item.doc]['title']}{SEP}{item.section}"
        assert place == parent or place.startswith(parent + SEP)
    synthetic = pipeline.documents[SYNTHETIC_NAME]["title"]
    assert synthetic in sections
    q2 = build_quiz(pipeline, [synthetic], 20, seed=3)
    assert q2.items and {i.doc for i in q2.items} == {SYNTHETIC_NAME}
    assert q2.title == T.TRAINER_QUIZ_TITLE_DOC.format(title=synthetic)
