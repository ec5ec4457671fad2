"""Phrases a quiz can ask about, and their peers: other phrases of the same
group (same unit and magnitude, same kind and level of body, same category)
from elsewhere in the corpus that cannot be mistaken for the right answer."""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..textnorm import numbers
from ..textnorm import compare_form
from .numerals import value
from .source import SourceSentence, find_all
from .spans import Target

# A wrong figure stays within this factor of the right one, so it reads as
# plausible: 2178件 may become 1047件, never 3件.
_MAGNITUDE = 10.0


@dataclass(frozen=True)
class Candidate:
    sentence: SourceSentence
    target: Target
    kind: str  # of the finding: "figure", "date", "list", "body", "obligation"
    # Every phrase the extractors found in the same sentence.
    siblings: tuple[str, ...]

    @property
    def value(self) -> str:
        return self.sentence.text[self.target.start:self.target.end]

    @property
    def group(self) -> str | None:
        return self.target.group


def candidates(sents: list[SourceSentence]) -> list[Candidate]:
    """Each phrase of each sentence, once per group it belongs to (a
    "…局" in a list of departments is both a list item and a body)."""
    out: list[Candidate] = []
    for s in sents:
        found = [(t, f.kind) for f in find_all(s.text) for t in f.targets]
        unique = sorted(dict(found).items(), key=lambda tk: (tk[0].start, tk[0].end, tk[0].group or ""))
        siblings = tuple(s.text[t.start:t.end] for t, _ in unique)
        out.extend(Candidate(s, t, kind, siblings) for t, kind in unique)
    return out


def groups(cands: list[Candidate]) -> dict[str, list[str]]:
    """group -> its phrases in corpus order, keeping only the first of any
    confusable spellings so that no two options look alike."""
    pool: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        if c.group and not any(confusable(c.group, c.value, v) for v in pool[c.group]):
            pool[c.group].append(c.value)
    return dict(pool)


def _is_figure(group: str) -> bool:
    return group.startswith("figure:")


def _key(group: str, text: str) -> str:
    if _is_figure(group):
        v = value(text)
        return str(v) if v is not None else text
    return compare_form(text)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def confusable(group: str, a: str, b: str) -> bool:
    """True when b could pass for a, or reads as part of it: one spelled
    inside the other ("2" / "12", "版权" / "版权局", "…知识产权纲要" /
    "…知识产权战略纲要"), or the same number written otherwise."""
    if a in b or b in a:
        return True
    ka, kb = _key(group, a), _key(group, b)
    if _is_figure(group):
        return ka == kb
    short, long = sorted((ka, kb), key=len)
    return _is_subsequence(short, long)


def _comparable(group: str, right: str, other: str) -> bool:
    """A figure of the same order of magnitude; any other peer of the group."""
    if not _is_figure(group):
        return True
    a, b = value(right), value(other)
    return a is not None and b is not None and a > 0 and b > 0 and 1 / _MAGNITUDE <= b / a <= _MAGNITUDE


def peers(cand: Candidate, pool: dict[str, list[str]]) -> list[str]:
    """Peers of the candidate's group that are wrong for sure and read as
    plausible: not the answer, not in its sentence, not confusable with
    anything there, and (figures) of the same order of magnitude."""
    group = cand.group
    if not group:
        return []
    sentence = compare_form(cand.sentence.text)
    sentence_numbers = numbers(cand.sentence.text)
    out = []
    for other in pool.get(group, []):
        if any(confusable(group, other, s) for s in (cand.value, *cand.siblings)):
            continue
        if compare_form(other) in sentence or (_is_figure(group) and _key(group, other) in sentence_numbers):
            continue
        if _comparable(group, cand.value, other):
            out.append(other)
    return out


def similar_length(answer: str, other: str) -> bool:
    return abs(len(answer) - len(other)) <= max(2, len(answer) // 2)


def pick_options(answer: str, wrong: list[str], k: int, rng: random.Random, usage: Counter) -> list[str] | None:
    """``k`` distractors of a length close to the answer's, the least used
    so far first, chosen so that the answer is the longest option no more
    often than chance (1 in k + 1); None when the group cannot supply them."""
    near = [w for w in wrong if similar_length(answer, w)]
    if len(near) < k:
        return None
    rng.shuffle(near)
    near.sort(key=lambda w: usage[w])
    longer = [w for w in near if len(w) >= len(answer)]
    answer_longest = rng.random() < 1 / (k + 1)
    if answer_longest or not longer:
        chosen = near[:k]
    else:
        first = longer[0]
        chosen = [first, *[w for w in near if w != first][:k - 1]]
    if not answer_longest and all(len(w) < len(answer) for w in chosen):
        return None
    return chosen
