"""Quality gate: one extractive run of the scorecard over
eval/questions.jsonl must stay at or above eval/floors.json."""
from __future__ import annotations

import pytest

from eval import EVAL_DIR, floors
from eval.runner import load_items, run, scorecard


@pytest.fixture(scope="module")
def card(pipeline) -> dict:
    """One run over the shared test pipeline (its own index, see conftest)."""
    results = run(pipeline, load_items(EVAL_DIR / "questions.jsonl"), "extractive")
    return scorecard(results, pipeline.settings, "extractive")


def test_floors_file_covers_the_gated_metrics():
    f = floors.load()
    for key in ("hit@5", "correctness", "faithfulness", "refusal_recall"):
        assert key in f["min"], key
    for key in ("unsupported_numbers", "false_refusal"):
        assert key in f["max"], key


def test_scorecard_meets_the_floors(card):
    problems = floors.violations(card["overall"], floors.load())
    assert not problems, "below eval/floors.json: " + "; ".join(problems)


def test_every_kind_is_scored(card):
    assert set(card["per_kind"]) >= {"fact", "list", "policy", "paraphrase", "followup", "english",
                                      "false_premise", "out_of_scope", "injection"}
