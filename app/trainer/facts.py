"""The key-facts sheet: figures, dates, enumerations and named bodies of the
corpus, each with the sentence it comes from."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..textnorm import compare_form
from .source import sentences, find_all


@dataclass(frozen=True)
class Fact:
    kind: str  # "figure", "date", "list", "body"
    label: str  # short description from the sentence context
    text: str  # the fact phrase exactly as in the source
    sentence: str
    doc: str
    section: str
    start: int  # absolute offsets of the sentence in the document text
    end: int


def key_facts(pipeline: Any) -> list[Fact]:
    """Every fact once (the first mention wins), in document order."""
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for s in sentences(pipeline):
        for f in find_all(s.text):
            phrase = s.text[f.start:f.end]
            key = (f.kind, compare_form(phrase))
            if key in seen:
                continue
            seen.add(key)
            facts.append(Fact(f.kind, f.label, phrase, s.text, s.doc, s.section, s.start, s.end))
    return facts
