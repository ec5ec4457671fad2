"""Quality gate: one extractive run of the scorecard over each question set
must stay at or above its floors in eval/floors.json: the speech (on the
session's pipeline), the IP-law library (on the session's library) and the
corpora of other kinds (each on an index of its own)."""
from __future__ import annotations

import pytest

from eval import EVAL_DIR, floors
from eval.runner import load_items, run, scorecard


def _card(pipeline, questions) -> dict:
    results = run(pipeline, load_items(questions), "extractive")
    return scorecard(results, pipeline.settings, "extractive")


@pytest.fixture(scope="module")
def card(pipeline) -> dict:
    """One run over the shared test pipeline (its own index, see conftest)."""
    return _card(pipeline, EVAL_DIR / "questions.jsonl")


def test_floors_file_covers_the_gated_metrics():
    for name in ("speech", "ip-law", "ip-law-lay", "cases", "notices"):
        f = floors.load(name)
        for key in ("correctness", "faithfulness", "refusal_recall", "sentence_precision"):
            assert key in f["min"], (name, key)
        for key in ("unsupported_numbers", "false_refusal"):
            assert key in f["max"], (name, key)


def test_scorecard_meets_the_floors(card):
    problems = floors.violations(card["overall"], floors.load("speech"))
    assert not problems, "below eval/floors.json: " + "; ".join(problems)


def test_every_kind_is_scored(card):
    assert set(card["per_kind"]) >= {"fact", "list", "policy", "paraphrase", "followup", "english",
                                      "false_premise", "out_of_scope", "injection"}


def test_library_scorecard_meets_its_floors(library):
    card = _card(library.pipeline("ip-law"), EVAL_DIR / "library" / "questions.jsonl")
    problems = floors.violations(card["overall"], floors.load("ip-law"))
    assert not problems, "ip-law below eval/floors.json: " + "; ".join(problems)


def test_laypeoples_library_questions_meet_their_floors(library):
    card = _card(library.pipeline("ip-law"), EVAL_DIR / "library" / "lay" / "questions.jsonl")
    problems = floors.violations(card["overall"], floors.load("ip-law-lay"))
    assert not problems, "ip-law-lay below eval/floors.json: " + "; ".join(problems)


@pytest.mark.parametrize("name", ["cases", "notices"])
def test_corpora_of_other_kinds_meet_their_floors(name, tmp_path):
    from app.pipeline import Pipeline
    from app.settings import Settings

    folder = EVAL_DIR / "corpora" / name
    pipeline = Pipeline(Settings(corpus_dir=folder / "docs", index_dir=tmp_path / "index"))
    card = _card(pipeline, folder / "questions.jsonl")
    problems = floors.violations(card["overall"], floors.load(name))
    assert not problems, f"{name} below eval/floors.json: " + "; ".join(problems)
