"""Quizzes from the corpus: fill-in-the-blank, multiple choice and
true/false items, each with its answer, source sentence and citation."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import texts as T
from .context import clause_end, clause_start
from .distractors import Candidate, candidates, groups, peers, pick_options, similar_length
from .obligations import GROUP as MODAL_GROUP
from .source import find_all, in_sections, sentences, strip_ordinal
from .statements import judgeable, unbalanced

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
    citation: str = ""
    # The group of the element asked about ("figure:digits:件", "body:省:厅", ...).
    element: str = ""
    # For a false statement: the element as in the text, and what replaced it.
    original: str = ""
    replacement: str = ""

    def to_json(self) -> dict:
        out = {"type": self.kind, "stem": self.prompt, "options": self.options, "answer": self.answer,
               "citation": self.citation, "source": self.source, "element": self.element}
        if self.replacement:
            out["changed"] = {"from": self.original, "to": self.replacement}
        return out


@dataclass
class Quiz:
    items: list[QuizItem]
    seed: int
    sections: list[str] | None
    title: str
    docs: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"title": self.title, "seed": self.seed, "sections": self.sections,
                "items": [i.to_json() for i in self.items]}


def window(sentence: str, start: int, end: int, min_chars: int) -> tuple[int, int]:
    """Whole clauses around [start, end), widened (left first) until the
    span has at least ``min_chars`` characters or covers the sentence, and
    never cutting a quotation or a bracket in half."""
    a, b = clause_start(sentence, start), clause_end(sentence, end)
    while a > 0 or b < len(sentence):
        opens, closes = unbalanced(sentence[a:b])
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
    return text if text.endswith(tuple(_END_PUNCT)) else text.rstrip(_END_PUNCT + _TRIM) + "。"


@dataclass
class _Limits:
    min_chars: int
    max_statement: int
    n_options: int


def _body(cand: Candidate) -> tuple[str, int, int]:
    """The sentence without its opening ordinal, and the target's offsets in it."""
    text = strip_ordinal(cand.sentence.text)
    shift = len(cand.sentence.text) - len(text)
    return text, cand.target.start - shift, cand.target.end - shift


def _item(kind: str, cand: Candidate, prompt: str, options: list[str], answer: str, **extra: str) -> QuizItem:
    s = cand.sentence
    return QuizItem(kind, prompt, options, answer, s.text, s.doc, s.section, s.start, s.end,
                    citation=s.citation, element=cand.group or cand.kind, **extra)


def make_item(kind: str, cand: Candidate, wrong: list[str], rng: random.Random, limits: _Limits,
              usage: Counter, key: str = "") -> QuizItem | None:
    """One item of the given kind, or None when the candidate cannot make it:
    a choice needs distractors of the answer's kind and length; a
    true/false item needs a whole sentence to judge and a peer to swap in.
    ``key`` asks a true/false item for 对 or 错."""
    text, start, end = _body(cand)
    if start < 0:
        return None
    if kind == "blank":
        if cand.group == MODAL_GROUP:
            return None
        return _item(kind, cand, _render(text, start, end, T.TRAINER_BLANK, limits.min_chars), [], cand.value)
    if kind == "choice":
        if cand.group in (None, MODAL_GROUP):
            return None
        chosen = pick_options(cand.value, wrong, limits.n_options - 1, rng, usage)
        if chosen is None:
            return None
        usage.update(chosen)
        options = [cand.value, *chosen]
        rng.shuffle(options)
        return _item(kind, cand, _render(text, start, end, T.TRAINER_BLANK, limits.min_chars), options, cand.value)
    if not wrong or not judgeable(text, limits.min_chars, limits.max_statement):
        return None
    if key == T.TRAINER_TRUE:
        return _item(kind, cand, text, [], T.TRAINER_TRUE)
    near = [w for w in wrong if similar_length(cand.value, w)] or wrong
    for swapped in sorted(near, key=lambda w: (usage[w], abs(len(w) - len(cand.value)), rng.random())):
        statement = text[:start] + swapped + text[end:]
        if not _reads_as(statement, start, start + len(swapped), cand.group):
            continue
        usage[swapped] += 1
        return _item(kind, cand, statement, [], T.TRAINER_FALSE,
                     explanation=T.TRAINER_FALSE_NOTE.format(right=cand.value, wrong=swapped),
                     original=cand.value, replacement=swapped)
    return None


def _reads_as(statement: str, start: int, end: int, group: str | None) -> bool:
    """The swapped-in value is read back as one element of the same group,
    so the false statement differs from the text in that element alone."""
    return any(t.group == group and t.start <= start and end <= t.end
               for f in find_all(statement) for t in f.targets)


def _next_key(items: list[QuizItem], rng: random.Random) -> str:
    """对 or 错, whichever keeps the true/false keys balanced."""
    keys = Counter(i.answer for i in items if i.kind == "truefalse")
    if keys[T.TRAINER_TRUE] != keys[T.TRAINER_FALSE]:
        return T.TRAINER_TRUE if keys[T.TRAINER_TRUE] < keys[T.TRAINER_FALSE] else T.TRAINER_FALSE
    return rng.choice((T.TRAINER_TRUE, T.TRAINER_FALSE))


def build_quiz(pipeline: Any, sections: list[str] | None, n: int, seed: int) -> Quiz:
    """Up to ``n`` items from the chosen sections (all when None or empty),
    taking the three kinds in turn; the same seed gives the same quiz. Each
    source sentence, answer and stem is used once, so items never give each
    other away; when fewer items are possible, fewer are returned."""
    settings = pipeline.settings
    limits = _Limits(settings.trainer_min_prompt_chars, settings.trainer_statement_max_chars,
                     settings.trainer_choice_options)
    rng = random.Random(seed)
    everything = candidates(sentences(pipeline))
    pool = groups(everything)
    queue = [c for c in everything if in_sections(c.sentence.place, sections)]
    rng.shuffle(queue)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    items: list[QuizItem] = []
    used: set[object] = set()
    usage: Counter = Counter()
    wrong: dict[int, list[str]] = {}
    exhausted: set[str] = set()
    while len(items) < n and len(exhausted) < len(kinds):
        kind = kinds[len(items) % len(kinds)]
        order = [kind, *(k for k in kinds if k != kind)]
        item = None
        for k in (k for k in order if k not in exhausted):
            key = _next_key(items, rng) if k == "truefalse" else ""
            for cand in queue:
                where = (cand.sentence.doc, cand.sentence.start)
                if where in used or cand.value in used:
                    continue
                if id(cand) not in wrong:
                    wrong[id(cand)] = peers(cand, pool)
                item = make_item(k, cand, wrong[id(cand)], rng, limits, usage, key)
                if item is not None and item.prompt not in used:
                    used.update((where, cand.value, item.prompt))
                    queue.remove(cand)
                    break
                item = None
            if item is not None:
                items.append(item)
                break
            exhausted.add(k)
        if item is None:
            break
    docs = list(dict.fromkeys(i.doc for i in items))
    return Quiz(items, seed, list(sections) if sections else None, _title(pipeline, docs), docs)


def _title(pipeline: Any, docs: list[str]) -> str:
    if len(docs) == 1:
        return T.TRAINER_QUIZ_TITLE_DOC.format(title=pipeline.documents[docs[0]]["title"])
    return T.TRAINER_QUIZ_TITLE
