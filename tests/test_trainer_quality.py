"""Quality of generated materials over 100+ items on the speech and on the
IP-law library (the session's copy of corpus/ip-law, whose index the other
library tests share)."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from app import texts as T
from app.settings import PROJECT_ROOT, Settings
from app.trainer import Quiz, build_quiz, key_facts, list_sections
from app.trainer.labels import meaningful
from app.trainer.source import find_all, strip_ordinal

MIN_ITEMS = 100


def _pipeline(tmp_path_factory: pytest.TempPathFactory, files: list[Path]):
    from app.pipeline import Pipeline

    corpus = tmp_path_factory.mktemp("corpus")
    for f in files:
        shutil.copy(f, corpus / f.name)
    return Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index")))


@pytest.fixture(scope="module", params=["speech", "law"])
def corpus(request, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "speech":
        return _pipeline(tmp_path_factory, [PROJECT_ROOT / "corpus" / "speech" / "gansu_ip_conference_speech.txt"])
    return request.getfixturevalue("library").pipeline("ip-law")


@pytest.fixture(scope="module")
def quizzes(corpus) -> list[Quiz]:
    """Quizzes of up to 100 items with seeds 1, 2, … until 100 items are in hand."""
    out: list[Quiz] = []
    seed = 1
    while sum(len(q.items) for q in out) < MIN_ITEMS:
        out.append(build_quiz(corpus, None, MIN_ITEMS, seed))
        seed += 1
    return out


def _items(quizzes: list[Quiz], kind: str) -> list:
    return [i for q in quizzes for i in q.items if i.kind == kind]


def test_answer_is_rarely_the_longest_option(quizzes) -> None:
    choices = _items(quizzes, "choice")
    assert choices
    longest = [i for i in choices if all(len(i.answer) > len(o) for o in i.options if o != i.answer)]
    assert len(longest) <= 0.35 * len(choices)


def test_no_distractor_equals_contains_or_sits_inside_the_answer(quizzes) -> None:
    for item in _items(quizzes, "choice"):
        assert item.options.count(item.answer) == 1
        for option in item.options:
            if option != item.answer:
                assert option not in item.answer and item.answer not in option


def test_distractors_vary(quizzes) -> None:
    for q in quizzes:
        choices = [i for i in q.items if i.kind == "choice"]
        used = Counter(o for i in choices for o in i.options if o != i.answer)
        # No distractor in more than a quarter of a quiz's multiple-choice items.
        assert not used or used.most_common(1)[0][1] <= max(1, len(choices) // 4)


def test_true_false_keys_are_balanced(quizzes) -> None:
    tf = _items(quizzes, "truefalse")
    assert tf
    share = sum(i.answer == T.TRAINER_TRUE for i in tf) / len(tf)
    assert 0.4 <= share <= 0.6
    for q in quizzes:
        keys = Counter(i.answer for i in q.items if i.kind == "truefalse")
        assert abs(keys[T.TRAINER_TRUE] - keys[T.TRAINER_FALSE]) <= 1


def test_no_duplicate_stems(quizzes) -> None:
    for q in quizzes:
        stems = [i.prompt for i in q.items]
        assert len(stems) == len(set(stems))


def _groups_covering(sentence: str, a: int, b: int) -> set[str]:
    return {t.group for f in find_all(sentence) for t in f.targets if t.group and t.start <= a and b <= t.end}


def test_false_statements_change_one_element_of_the_same_kind(quizzes) -> None:
    false = [i for i in _items(quizzes, "truefalse") if i.answer == T.TRAINER_FALSE]
    assert false
    for item in false:
        source, statement = strip_ordinal(item.source), item.prompt
        prefix = 0
        while prefix < min(len(source), len(statement)) and source[prefix] == statement[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < min(len(source), len(statement)) - prefix
               and source[-1 - suffix] == statement[-1 - suffix]):
            suffix += 1
        # One contiguous change, inside one element of the source and one of
        # the statement, both of the same kind (same unit, same body kind and level…).
        before = _groups_covering(source, prefix, len(source) - suffix)
        after = _groups_covering(statement, prefix, len(statement) - suffix)
        assert item.element in before
        assert item.element in after, (item.source, statement)
        assert statement == source[:source.index(item.original, max(0, prefix - len(item.original)))] \
            + item.replacement + source[source.index(item.original, max(0, prefix - len(item.original)))
                                        + len(item.original):]


def test_true_statements_are_whole_source_sentences(quizzes) -> None:
    for item in _items(quizzes, "truefalse"):
        if item.answer == T.TRAINER_TRUE:
            assert item.prompt == strip_ordinal(item.source)
        assert item.prompt.endswith(("。", "！", "？"))


def test_every_item_is_cited_by_document(corpus, quizzes) -> None:
    titles = {d["title"] for d in corpus.documents.values()}
    for q in quizzes:
        for item in q.items:
            assert any(item.citation.startswith(f"《{t}》") for t in titles)


def test_facts_unique_and_labelled(corpus) -> None:
    facts = key_facts(corpus)
    assert facts
    pairs = [(f.sentence, f.label) for f in facts]
    assert len(pairs) == len(set(pairs))
    values = [(f.label, f.text) for f in facts]
    assert len(values) == len(set(values))
    for f in facts:
        content = [ch for ch in f.label if ch.isalnum()]
        assert len(content) >= 2, f.label
        if f.kind != "date":
            assert meaningful(f.label.strip("…")), f.label


def test_sections_are_documents_and_titled_parts(corpus) -> None:
    sections = list_sections(corpus)
    assert len(sections) == len(set(sections)) > 1
    if len(corpus.documents) > 1:
        titles = [d["title"] for d in corpus.documents.values()]
        assert set(titles) <= set(sections)
        q = build_quiz(corpus, [titles[0]], 10, 1)
        assert q.items and {i.doc for i in q.items} == {next(iter(corpus.documents))}
