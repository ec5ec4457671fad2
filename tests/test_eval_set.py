"""Consistency checks for the evaluation question sets in eval/*.jsonl.

Stdlib + pytest only; deliberately does not import the ``app`` package.

Every question file must:
  * parse line by line as JSON objects with exactly the fields
    id, q, kind, evidence, expect, refuse (+ optional after);
  * have unique ids, prefixed by kind (f, l, p, pa, fu, en, fp, oos, inj);
  * only use the allowed kinds;
  * point ``after`` at an earlier, answerable item;
  * quote evidence and expect strings verbatim from the corpus
    (all .txt/.md files of the test session's copy of tests/corpus/, UTF-8,
    BOM stripped, \\n line endings);
  * give answerable items 1-3 evidence strings (6-60 chars) and >=1 expect
    string, and give refusals none of either.
questions.jsonl must also meet the per-kind minimum counts.
"""

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ["POLICYQA_CORPUS_DIR"])  # the session's copy (tests/isolation.py)
EVAL_DIR = ROOT / "eval"

REQUIRED_FIELDS = {"id", "q", "kind", "evidence", "expect", "refuse"}
OPTIONAL_FIELDS = {"after"}

KIND_PREFIX = {
    "fact": "f",
    "list": "l",
    "policy": "p",
    "paraphrase": "pa",
    "followup": "fu",
    "english": "en",
    "false_premise": "fp",
    "out_of_scope": "oos",
    "injection": "inj",
}

MAIN_MINIMUMS = {
    "fact": 30,
    "list": 20,
    "policy": 25,
    "paraphrase": 20,
    "followup": 10,
    "english": 10,
    "false_premise": 8,
    "out_of_scope": 35,
    "injection": 8,
}
MAIN_MIN_TOTAL = 170

TRAINER_KINDS = {"fact", "list", "policy"}
TRAINER_MIN_TOTAL = 25

EVIDENCE_MIN_LEN, EVIDENCE_MAX_LEN = 6, 60
EVIDENCE_MAX_ITEMS = 3
# A list question's evidence is every item it asks for ("六项重点工作分别是什么").
LIST_EVIDENCE_MAX_ITEMS = 8


def _normalise(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_corpus_text():
    files = sorted(
        p for p in CORPUS_DIR.rglob("*")
        if p.is_file() and p.suffix.lower() in (".txt", ".md")
    )
    return "\n".join(_normalise(p.read_bytes().decode("utf-8")) for p in files)


def _looks_like_question_file(path):
    """A file is checked if it is named questions*.jsonl or its first
    non-empty line is an object carrying the question-set keys."""
    if path.name.startswith("questions"):
        return True
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                return False
            return isinstance(obj, dict) and {"id", "q", "kind"} <= set(obj)
    return False


def question_files():
    if not EVAL_DIR.is_dir():
        return []
    return [p for p in sorted(EVAL_DIR.glob("*.jsonl")) if _looks_like_question_file(p)]


def load_items(path):
    """Return list of (line_no, obj). Raises AssertionError on bad lines."""
    items = []
    with path.open(encoding="utf-8-sig") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # trailing newline
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        assert line.strip(), f"{path.name}:{no}: blank line"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise AssertionError(f"{path.name}:{no}: invalid JSON: {exc}") from None
        assert isinstance(obj, dict), f"{path.name}:{no}: not a JSON object"
        items.append((no, obj))
    return items


CORPUS = load_corpus_text()
FILES = question_files()
_IDS = [p.name for p in FILES]


def test_corpus_present():
    assert CORPUS.strip(), "no .txt/.md corpus text found under corpus/"


def test_question_files_present():
    assert (EVAL_DIR / "questions.jsonl").is_file()
    assert (EVAL_DIR / "questions.jsonl") in FILES


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_lines_parse_and_schema(path):
    items = load_items(path)
    assert items, f"{path.name} is empty"
    errors = []
    for no, d in items:
        where = f"{path.name}:{no} ({d.get('id')!r})"
        keys = set(d)
        missing = REQUIRED_FIELDS - keys
        extra = keys - REQUIRED_FIELDS - OPTIONAL_FIELDS
        if missing:
            errors.append(f"{where}: missing fields {sorted(missing)}")
        if extra:
            errors.append(f"{where}: unexpected fields {sorted(extra)}")
        if missing:
            continue
        if not (isinstance(d["id"], str) and d["id"]):
            errors.append(f"{where}: id must be a non-empty string")
        if not (isinstance(d["q"], str) and d["q"].strip()):
            errors.append(f"{where}: q must be a non-empty string")
        if not isinstance(d["refuse"], bool):
            errors.append(f"{where}: refuse must be a boolean")
        for field in ("evidence", "expect"):
            v = d[field]
            if not (isinstance(v, list) and all(isinstance(s, str) and s for s in v)):
                errors.append(f"{where}: {field} must be a list of non-empty strings")
        if "after" in d and not (isinstance(d["after"], str) and d["after"]):
            errors.append(f"{where}: after must be a non-empty string")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_ids_unique_and_prefixed(path):
    errors = []
    seen = {}
    for no, d in load_items(path):
        qid, kind = d.get("id"), d.get("kind")
        if qid in seen:
            errors.append(f"{path.name}:{no}: duplicate id {qid!r} (first on line {seen[qid]})")
        else:
            seen[qid] = no
        prefix = KIND_PREFIX.get(kind)
        if prefix and isinstance(qid, str) and not re.fullmatch(re.escape(prefix) + r"\d+", qid):
            errors.append(f"{path.name}:{no}: id {qid!r} should be {prefix!r}+digits for kind {kind!r}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_kinds_allowed(path):
    bad = [
        f"{path.name}:{no}: kind {d.get('kind')!r}"
        for no, d in load_items(path)
        if d.get("kind") not in KIND_PREFIX
    ]
    assert not bad, "unknown kinds:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_after_points_to_earlier_answerable_item(path):
    errors = []
    earlier = {}
    for no, d in load_items(path):
        where = f"{path.name}:{no} ({d.get('id')!r})"
        if d.get("kind") == "followup" and "after" not in d:
            errors.append(f"{where}: followup without 'after'")
        if "after" in d:
            target = earlier.get(d["after"])
            if target is None:
                errors.append(f"{where}: after={d['after']!r} is not an earlier id")
            elif target.get("refuse") is not False:
                errors.append(f"{where}: after={d['after']!r} points to a refusal")
        earlier.setdefault(d.get("id"), d)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_evidence_and_expect_are_in_corpus(path):
    errors = []
    for no, d in load_items(path):
        where = f"{path.name}:{no} ({d.get('id')!r})"
        for s in d.get("evidence") or []:
            if s not in CORPUS:
                errors.append(f"{where}: evidence not in corpus: {s!r}")
            if not EVIDENCE_MIN_LEN <= len(s) <= EVIDENCE_MAX_LEN:
                errors.append(f"{where}: evidence length {len(s)} outside "
                              f"{EVIDENCE_MIN_LEN}-{EVIDENCE_MAX_LEN}: {s!r}")
        for s in d.get("expect") or []:
            if s not in CORPUS:
                errors.append(f"{where}: expect not in corpus: {s!r}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", FILES, ids=_IDS)
def test_answerable_have_evidence_refusals_have_none(path):
    errors = []
    for no, d in load_items(path):
        where = f"{path.name}:{no} ({d.get('id')!r})"
        ev, ex = d.get("evidence") or [], d.get("expect") or []
        if d.get("refuse") is True:
            if ev or ex:
                errors.append(f"{where}: refusal must have empty evidence and expect")
            if d.get("kind") not in ("out_of_scope", "injection"):
                errors.append(f"{where}: refusal of kind {d.get('kind')!r}")
        else:
            most = LIST_EVIDENCE_MAX_ITEMS if d.get("kind") == "list" else EVIDENCE_MAX_ITEMS
            if not 1 <= len(ev) <= most:
                errors.append(f"{where}: answerable item needs 1-{most} evidence strings")
            if not ex:
                errors.append(f"{where}: answerable item needs at least one expect string")
            if d.get("kind") == "out_of_scope":
                errors.append(f"{where}: out_of_scope item must have refuse=true")
    assert not errors, "\n".join(errors)


def test_main_set_kind_minimums():
    items = [d for _, d in load_items(EVAL_DIR / "questions.jsonl")]
    counts = Counter(d.get("kind") for d in items)
    short = {k: (counts.get(k, 0), n) for k, n in MAIN_MINIMUMS.items() if counts.get(k, 0) < n}
    assert not short, f"kinds below minimum (have, need): {short}"
    assert len(items) >= MAIN_MIN_TOTAL, f"{len(items)} questions, need >= {MAIN_MIN_TOTAL}"


def test_trainer_set():
    path = EVAL_DIR / "questions_trainer.jsonl"
    if not path.is_file():
        pytest.skip("no trainer set")
    items = [d for _, d in load_items(path)]
    assert len(items) >= TRAINER_MIN_TOTAL
    bad = sorted({d.get("kind") for d in items} - TRAINER_KINDS)
    assert not bad, f"trainer set may only use {sorted(TRAINER_KINDS)}, found {bad}"
    assert all(d.get("refuse") is False for d in items)
