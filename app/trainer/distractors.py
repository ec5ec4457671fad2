"""Phrases a quiz can ask about, and their distractors: other phrases of
the same group (same unit, same category) from elsewhere in the corpus that
cannot be mistaken for the right answer."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..textnorm import numbers
from ..textnorm import compare_form
from .source import SourceSentence, find_all
from .spans import Target


@dataclass(frozen=True)
class Candidate:
    sentence: SourceSentence
    target: Target
    # Every phrase the extractors found in the same sentence.
    siblings: tuple[str, ...]

    @property
    def value(self) -> str:
        return self.sentence.text[self.target.start:self.target.end]


def candidates(sents: list[SourceSentence]) -> list[Candidate]:
    """Each phrase of each sentence, once per group it belongs to (a
    "…局" in a list of departments is both a list item and a body)."""
    out: list[Candidate] = []
    for s in sents:
        targets = sorted({t for f in find_all(s.text) for t in f.targets},
                         key=lambda t: (t.start, t.end, t.group or ""))
        siblings = tuple(s.text[t.start:t.end] for t in targets)
        out.extend(Candidate(s, t, siblings) for t in targets)
    return out


def groups(cands: list[Candidate]) -> dict[str, list[str]]:
    """group -> its phrases in corpus order, keeping only the first of any
    confusable spellings so that no two options look alike."""
    pool: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        group = c.target.group
        if group and not any(confusable(group, c.value, v) for v in pool[group]):
            pool[group].append(c.value)
    return dict(pool)


def _key(group: str, value: str) -> str:
    if group.startswith("figure:"):
        found = numbers(value)
        return next(iter(found)) if found else value
    return compare_form(value)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def confusable(group: str, a: str, b: str) -> bool:
    """True when b could pass for a: the same number, or one name spelled
    inside the other ("版权" / "版权局", "…知识产权纲要" / "…知识产权战略纲要")."""
    ka, kb = _key(group, a), _key(group, b)
    if group.startswith("figure:"):
        return ka == kb
    short, long = sorted((ka, kb), key=len)
    return _is_subsequence(short, long)


def distractors(cand: Candidate, pool: dict[str, list[str]]) -> list[str]:
    """Peers of the candidate's group that are wrong for sure: not the
    answer, not found in its sentence, not confusable with anything there."""
    group = cand.target.group
    if not group:
        return []
    sentence = compare_form(cand.sentence.text)
    sentence_numbers = numbers(cand.sentence.text)
    out = []
    for value in pool.get(group, []):
        if any(confusable(group, value, s) for s in (cand.value, *cand.siblings)):
            continue
        if compare_form(value) in sentence or (group.startswith("figure:") and _key(group, value) in sentence_numbers):
            continue
        out.append(value)
    return out
