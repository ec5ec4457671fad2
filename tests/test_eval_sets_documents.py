"""Consistency of the question sets whose evidence names its document: the
IP-law library set (eval/library/) and the corpora of other kinds
(eval/corpora/<name>/). Stdlib + pytest only: evidence is checked against
the files exactly as they are stored."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = (ROOT / "eval" / "library" / "questions.jsonl", ROOT / "corpus" / "ip-law")
CORPORA = [(p, p.parent / "docs") for p in sorted((ROOT / "eval" / "corpora").glob("*/questions.jsonl"))]
SETS = [LIBRARY, *CORPORA]
LIBRARY_MINIMUMS = {"article": 35, "fact": 35, "definition": 15, "list": 20, "which_docs": 15, "compare": 12,
                    "version": 10, "paraphrase": 25, "out_of_scope": 55}
CORPUS_KINDS = {"fact", "list", "how", "paraphrase", "unanswerable"}
REFUSING = {"out_of_scope", "unanswerable"}


def _items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8-sig").replace("\r\n", "\n") for p in folder.glob("*.txt")}


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("questions, docs", SETS, ids=lambda p: p.parent.name if p.name.endswith("l") else "")
def test_items_are_well_formed_and_grounded(questions: Path, docs: Path) -> None:
    items = _items(questions)
    texts = _texts(docs)
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for it in items:
        assert {"id", "q", "kind", "refuse", "docs", "evidence", "expect"} <= set(it), it["id"]
        assert it["refuse"] == (it["kind"] in REFUSING), it["id"]
        if it["refuse"]:
            assert not it["docs"] and not it["evidence"] and not it["expect"], it["id"]
            continue
        assert it["docs"] and it["evidence"], it["id"]
        for doc in it["docs"]:
            assert doc in texts, (it["id"], doc)
        for e in it["evidence"]:
            assert e["text"] in texts[e["doc"]], (it["id"], e["text"][:30])
        joined = _compact("".join(e["text"] for e in it["evidence"]))
        for expected in it["expect"]:
            assert _compact(expected) in joined, (it["id"], expected)
        # Every document said to answer has evidence of its own.
        assert set(it["docs"]) <= {e["doc"] for e in it["evidence"]}, it["id"]


def test_library_set_covers_the_kinds_and_the_library() -> None:
    items = _items(LIBRARY[0])
    kinds = Counter(it["kind"] for it in items)
    assert len(items) >= 220
    for kind, minimum in LIBRARY_MINIMUMS.items():
        assert kinds[kind] >= minimum, (kind, kinds[kind])
    assert len({d for it in items for d in it["docs"]}) >= 30
    # A which-documents question lists every answering document.
    assert all(len(it["docs"]) >= 2 for it in items if it["kind"] == "which_docs")


@pytest.mark.parametrize("questions, docs", CORPORA, ids=lambda p: p.parent.name if p.name.endswith("l") else "")
def test_corpora_of_other_kinds_ask_what_is_not_there(questions: Path, docs: Path) -> None:
    items = _items(questions)
    assert {it["kind"] for it in items} <= CORPUS_KINDS
    assert len(items) >= 60 and sum(it["refuse"] for it in items) >= 0.3 * len(items)
