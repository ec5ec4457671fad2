"""What the pipeline hands back: the answer, its citations, the answer-or-
refuse decision and (on request) a trace of what was retrieved. Plain data,
shared by the extractive and LLM answerers, the UI, the API, the CLI and the
eval, so none of them needs the pipeline itself."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from . import texts as T

# Why a question was answered or refused; one value per cause.
Reason = Literal[
    "answered",            # in scope: answered from retrieved passages
    "related",             # a case told in the first person, answered by the provisions nearest it
    "outline",             # a question about the document's outline, answered from headings
    "article",             # a named article of a named document, quoted whole
    "no_question",         # nothing left to ask once instruction overrides were set aside
    "unknown_attribute",   # asks the value of a thing the documents never name
    "missing_article",     # names an article the named document does not have
    "absent_document",     # names a document or place the library does not hold
    "not_in_document",     # asks a named document about a thing it never mentions
    "value_not_stated",    # asks how many / when, and no retrieved sentence states it
    "value_not_quoted",    # the sentences that answer best state no value of the kind asked
    "heading_alone",       # what answers best is a heading with no text under it
    "year_not_stated",     # no quoted document mentions the year the question asks about
    "another_one",         # the quotes speak of another of the series, class or place asked (第五届 for 第六届)
    "out_of_scope",        # the scope model judged the passages not to answer it
    "model_refused",       # LLM mode: the model said the passages do not answer it
]


@dataclass(frozen=True)
class Decision:
    """Answer or refuse, and why. ``probability`` and ``signals`` are the
    scope model's when it was consulted."""
    answer: bool
    reason: Reason
    probability: float | None = None
    signals: dict[str, float] = field(default_factory=dict)
    message: str = ""  # a refusal's own words, when they are not the fixed sentence

    def to_json(self) -> dict:
        return {"answer": self.answer, "reason": self.reason,
                "probability": None if self.probability is None else round(self.probability, 4),
                "signals": {k: round(v, 4) for k, v in self.signals.items()}}


@dataclass
class Citation:
    n: int
    chunk_id: str
    doc: str  # document id (its file name in the knowledge base)
    section: str
    text: str
    start: int
    end: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)
    doc_title: str = ""
    doc_date: str = ""  # ISO date of the document's latest version mark (公布/修订/施行)
    doc_status: str = ""  # 现行 / 已被修订 / "" when the document has no versions
    address: str = ""  # 第十二条第二款, when the passage is part of an article

    @property
    def label(self) -> str:
        return source_label(asdict(self))


@dataclass(frozen=True)
class TraceHit:
    chunk_id: str
    doc: str
    text: str
    score: float
    dense: float
    bm25: float


@dataclass(frozen=True)
class Trace:
    """What was searched and found, for the eval and for debugging."""
    query: str
    carried_terms: tuple[str, ...]
    documents: tuple[str, ...]  # documents the question named (search restricted to them)
    hits: tuple[TraceHit, ...]

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Side:
    """One document's part of a comparison: its title (with its version),
    its quoted lines (article headings and sentences with their markers, as
    in the answer text), or nothing when it is silent on the point."""
    document: str
    lines: tuple[str, ...] = ()
    silent: bool = False


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    mode: str
    citations: list[Citation]
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: str | int | None = None
    query: str = ""  # what was searched, after follow-up resolution
    decision: Decision | None = None
    trace: Trace | None = None
    kb: str = ""
    # A comparison's or a versions answer's documents, side by side.
    sides: list[Side] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {
            "id": self.id, "question": self.question, "answer": self.answer,
            "refused": self.refused, "mode": self.mode,
            "citations": [
                {**{k: v for k, v in asdict(c).items() if k != "highlights"},
                 "score": round(c.score, 4), "highlights": [list(h) for h in c.highlights]}
                for c in self.citations
            ],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
        if self.kb:
            out["kb"] = self.kb
        if self.decision is not None:
            out["decision"] = self.decision.to_json()
        if self.trace is not None:
            out["trace"] = self.trace.to_json()
        if self.sides:
            out["sides"] = [asdict(side) for side in self.sides]
        return out


def source_label(c: dict) -> str:
    """How a reader names a cited source (a citation as JSON):
    《title》第十二条（2020-10-17，现行）, or 《title》 · its section."""
    title = f"《{c['doc_title']}》" if c.get("doc_title") else c["doc"]
    if c.get("address"):
        label = f"{title}{c['address']}"
    else:
        label = f"{title} · {c['section']}" if c.get("section") else title
    extras = [x for x in (c.get("doc_date"), c.get("doc_status")) if x]
    return label + (f"（{'，'.join(extras)}）" if extras else "")


def refusal(question: str, mode: str, related: list[Citation], decision: Decision, query: str = "") -> Answer:
    """The one way a refusal is made: the decision's own words or the fixed
    sentence, with the nearest passages listed as possibly related."""
    return Answer(question, decision.message or T.REFUSAL_TEXT, True, mode, related, query=query,
                  decision=decision)
