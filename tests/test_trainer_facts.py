"""Key facts: general extraction rules on a synthetic text, and the sheet
built from the speech."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.settings import Settings
from app.trainer import Fact, facts_to_markdown, key_facts, list_sections
from app.exporting import md_escape
from app.trainer.source import find_all

SPEECH = "gansu_ip_conference_speech.txt"


@pytest.fixture(scope="module")
def speech_pipeline(tmp_path_factory: pytest.TempPathFactory):
    from app.pipeline import Pipeline

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(Settings().corpus_dir / SPEECH, corpus / SPEECH)
    return Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index")))


@pytest.fixture(scope="module")
def facts(speech_pipeline) -> list[Fact]:
    return key_facts(speech_pipeline)


def _phrases(sentence: str, kind: str) -> list[str]:
    return [sentence[f.start:f.end] for f in find_all(sentence) if f.kind == kind]


def test_figures_keep_unit_multiplier_and_approximation() -> None:
    s = "去年全市受理专利申请4521件，技术合同成交额达12.6亿元，培训人员800余人，第3次会议不是数据。"
    assert _phrases(s, "figure") == ["4521件", "12.6亿元", "800余人"]


def test_figure_label_comes_from_the_words_before() -> None:
    s = "全年受理商标注册申请达到了3200件。"
    (figure,) = [f for f in find_all(s) if f.kind == "figure"]
    # The noun phrase the value belongs to: no verb leading into the value,
    # no time word in front.
    assert figure.label == "受理商标注册申请"


def test_dates_are_not_figures() -> None:
    s = "2023年5月8日，市政府印发通知；元月12日召开会议。"
    assert _phrases(s, "date") == ["2023年5月8日", "元月12日"]
    assert _phrases(s, "figure") == []


def test_enumeration_items_and_category() -> None:
    s = "要加强与税务、海关、公安、法院等部门的协作。"
    (found,) = [f for f in find_all(s) if f.kind == "list"]
    assert s[found.start:found.end] == "税务、海关、公安、法院等部门"
    assert [s[t.start:t.end] for t in found.targets] == ["税务", "海关", "公安", "法院"]
    assert found.label == "部门"
    assert {t.group for t in found.targets} == {"term:部门"}


def test_two_items_are_no_enumeration() -> None:
    assert _phrases("推动研发、转化工作。", "list") == []


def test_titles_and_organisations() -> None:
    s = "市科技局与市财政局联合印发了《某市专利资助管理办法》，布局新的产业格局。"
    assert _phrases(s, "body") == ["市科技局", "市财政局", "《某市专利资助管理办法》"]


def test_speech_facts_sit_at_their_offsets(speech_pipeline, facts: list[Fact]) -> None:
    text = speech_pipeline.documents[SPEECH]["text"]
    assert facts
    for f in facts:
        assert text[f.start:f.end] == f.sentence
        assert f.text in f.sentence
        assert f.kind in {"figure", "date", "list"}
        assert f.label


def test_speech_figure_sentence_has_a_figure_fact(speech_pipeline, facts: list[Fact]) -> None:
    # Any sentence with a digit followed by a measure word must yield a figure
    # fact whose phrase starts with that number.
    import re

    text = speech_pipeline.documents[SPEECH]["text"]
    m = re.search(r"(\d+)件", text)
    assert m, "the speech reports quantities in 件"
    figures = [f for f in facts if f.kind == "figure" and f.start <= m.start() < f.end]
    assert any(f.text.startswith(m.group(1)) for f in figures)


def test_speech_facts_are_unique_and_in_document_order(facts: list[Fact]) -> None:
    keys = [(f.label, f.text) for f in facts]
    assert len(keys) == len(set(keys))
    starts = [f.start for f in facts]
    assert starts == sorted(starts)
    assert {"figure", "date", "list"} <= {f.kind for f in facts}
    # The speech's own figures, each labelled by what it counts.
    assert ("申请专利", "2178件") in keys and ("授权专利", "1047件") in keys


def test_sections_in_order_and_unique(speech_pipeline, facts: list[Fact]) -> None:
    sections = list_sections(speech_pipeline)
    assert len(sections) == len(set(sections)) > 1
    seen = [sections.index(f.section) for f in facts]
    assert seen == sorted(seen)


def test_facts_markdown_lists_every_fact(facts: list[Fact]) -> None:
    md = facts_to_markdown(facts)
    assert md.startswith("# ")
    for f in facts:
        assert md_escape(f.text) in md  # as Markdown shows it literally
