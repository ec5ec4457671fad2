"""The key-facts sheet: one row per fact (a figure, a date, an
enumeration), labelled by the noun phrase the value belongs to
("申请专利" -> "2178件"), in document and section order."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..textnorm import compare_form
from .labels import meaningful
from .source import find_all, sentences

# What a fact sheet lists; bodies and obligations are what quizzes ask about.
FACT_KINDS = ("figure", "date", "list")


@dataclass(frozen=True)
class Fact:
    kind: str  # "figure", "date", "list"
    label: str  # the noun phrase the value belongs to
    text: str  # the fact phrase exactly as in the source
    sentence: str
    doc: str
    section: str
    start: int  # absolute offsets of the sentence in the document text
    end: int
    citation: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "label": self.label, "value": self.text, "citation": self.citation,
                "section": self.section, "sentence": self.sentence}


def key_facts(pipeline: Any) -> list[Fact]:
    """Every fact once, in document order: a value whose label names
    something (dates may be labelled by their event), the first mention of
    a (label, value) pair, and never two rows with the same sentence and label."""
    facts: list[Fact] = []
    seen: set[tuple[str, ...]] = set()
    for s in sentences(pipeline):
        for f in find_all(s.text):
            if f.kind not in FACT_KINDS or not f.label:
                continue
            if f.kind != "date" and not meaningful(f.label.strip("…")):
                continue
            phrase = s.text[f.start:f.end]
            keys = {("value", compare_form(f.label), compare_form(phrase)), ("sentence", s.text, f.label)}
            if keys & seen:
                continue
            seen |= keys
            facts.append(Fact(f.kind, f.label, phrase, s.text, s.doc, s.section, s.start, s.end, s.citation))
    return facts
