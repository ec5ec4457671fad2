"""Quizzes from the corpus: fill-in-the-blank, multiple choice and
true/false items, each with its answer and source sentence."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from .. import texts as T
from .context import clause_end, clause_start
from .distractors import Candidate, candidates, distractors, groups
from .source import in_sections, sentences

KINDS = ("blank", "choice", "truefalse")
_END_PUNCT = "。！？!?"
_TRIM = "，,；;：:、 "


@dataclass
class QuizItem:
    kind: str  # "blank", "choice", "truefalse"
    prompt: str
    options: list[str]  # empty for "blank" and "truefalse"
    answer: str  # for "truefalse": T.TRAINER_TRUE / T.TRAINER_FALSE
    source: str  # the source sentence as in the text
    doc: str
    section: str
    start: int  # absolute offsets of the source sentence
    end: int
    # For a false statement: what the text really says.
    explanation: str = ""


@dataclass
class Quiz:
    items: list[QuizItem]
    seed: int
    sections: list[str] | None
    title: str
    docs: list[str] = field(default_factory=list)


_PAIRS = ("“”", "《》", "（）", "()", "‘’", "「」")


def _unbalanced(text: str) -> tuple[bool, bool]:
    """(an opening mark lacks its close, a closing mark lacks its opening)."""
    opens = closes = False
    for left, right in _PAIRS:
        depth = low = 0
        for ch in text:
            depth += (ch == left) - (ch == right)
            low = min(low, depth)
        opens, closes = opens or depth > low, closes or low < 0
    return opens, closes


def window(sentence: str, start: int, end: int, min_chars: int) -> tuple[int, int]:
    """Whole clauses around [start, end), widened (left first) until the
    span has at least ``min_chars`` characters or covers the sentence, and
    never cutting a quotation or a bracket in half."""
    a, b = clause_start(sentence, start), clause_end(sentence, end)
    while a > 0 or b < len(sentence):
        opens, closes = _unbalanced(sentence[a:b])
        if closes and a > 0:
            a = clause_start(sentence, a - 1)
        elif opens and b < len(sentence):
            b = clause_end(sentence, b + 1)
        elif b - a < min_chars:
            if a > 0:
                a = clause_start(sentence, a - 1)
            else:
                b = clause_end(sentence, b + 1)
        else:
            break
    return a, b


def _render(sentence: str, start: int, end: int, insert: str, min_chars: int) -> str:
    """The clauses around the phrase, with ``insert`` in its place."""
    a, b = window(sentence, start, end, min_chars)
    text = (sentence[a:start] + insert + sentence[end:b]).strip(_TRIM)
    return text if text.endswith(_END_PUNCT) else text.rstrip(_END_PUNCT + _TRIM) + "。"


def _item(kind: str, cand: Candidate, prompt: str, options: list[str], answer: str,
          explanation: str = "") -> QuizItem:
    s = cand.sentence
    return QuizItem(kind, prompt, options, answer, s.text, s.doc, s.section, s.start, s.end, explanation)


def make_item(kind: str, cand: Candidate, wrong: list[str], rng: random.Random, min_chars: int,
              n_options: int) -> QuizItem | None:
    """One item of the given kind, or None when the candidate cannot make it
    (a choice needs n_options - 1 distractors; a false statement needs one)."""
    t, text = cand.target, cand.sentence.text
    if kind == "blank":
        return _item(kind, cand, _render(text, t.start, t.end, T.TRAINER_BLANK, min_chars), [], cand.value)
    if kind == "choice":
        if len(wrong) < n_options - 1:
            return None
        options = [cand.value, *rng.sample(wrong, n_options - 1)]
        rng.shuffle(options)
        return _item(kind, cand, _render(text, t.start, t.end, T.TRAINER_BLANK, min_chars), options, cand.value)
    if wrong and rng.random() < 0.5:
        swapped = rng.choice(wrong)
        return _item(kind, cand, _render(text, t.start, t.end, swapped, min_chars), [], T.TRAINER_FALSE,
                     T.TRAINER_FALSE_NOTE.format(right=cand.value, wrong=swapped))
    return _item(kind, cand, _render(text, t.start, t.end, cand.value, min_chars), [], T.TRAINER_TRUE)


def build_quiz(pipeline: Any, sections: list[str] | None, n: int, seed: int) -> Quiz:
    """Up to ``n`` items from the chosen sections (all when None or empty),
    mixing the three kinds; the same seed gives the same quiz. Each source
    sentence and each answer is used once, so items never give each other
    away; when fewer items are possible, fewer are returned."""
    settings = pipeline.settings
    rng = random.Random(seed)
    sents = sentences(pipeline)
    everything = candidates(sents)
    pool = groups(everything)
    queue = [c for c in everything if in_sections(c.sentence.section, sections)]
    rng.shuffle(queue)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    items: list[QuizItem] = []
    used_sentences: set[tuple[str, int]] = set()
    used_answers: set[str] = set()
    wrong = {id(c): distractors(c, pool) for c in queue}
    while len(items) < n:
        added = False
        for kind in kinds:
            if len(items) >= n:
                break
            for cand in queue:
                where = (cand.sentence.doc, cand.sentence.start)
                if where in used_sentences or cand.value in used_answers:
                    continue
                item = make_item(kind, cand, wrong[id(cand)], rng,
                                 settings.trainer_min_prompt_chars, settings.trainer_choice_options)
                if item is None:
                    continue
                items.append(item)
                used_sentences.add(where)
                used_answers.add(cand.value)
                queue.remove(cand)
                added = True
                break
        if not added:
            break
    docs = list(dict.fromkeys(i.doc for i in items))
    return Quiz(items, seed, list(sections) if sections else None, _title(pipeline, docs), docs)


def _title(pipeline: Any, docs: list[str]) -> str:
    if len(docs) == 1:
        return T.TRAINER_QUIZ_TITLE_DOC.format(title=pipeline.documents[docs[0]]["title"])
    return T.TRAINER_QUIZ_TITLE
