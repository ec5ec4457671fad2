"""Pure metric functions of the scorecard: no pipeline, no I/O.

Every comparison goes through ``app.textnorm.compare_form`` (simplified,
half-width, no punctuation or whitespace) so that "1.09 亿元" and "1.09亿元"
match, and every support check goes through ``app.grounding`` so the eval
judges answers exactly as the product does.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from app.grounding import check_answer, check_sentence, markers, split_answer, strip_markers
from app.grounding import unsupported_numbers as _unsupported_numbers
from app.textnorm import compare_form


def contains_any(text: str, needles: Iterable[str]) -> bool:
    form = compare_form(text)
    return any(compare_form(n) and compare_form(n) in form for n in needles)


def first_hit_rank(passages: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first passage holding an evidence string."""
    for rank, text in enumerate(passages, start=1):
        if contains_any(text, evidence):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def missing_expected(answer: str, expect: Sequence[str]) -> list[str]:
    """Expected strings absent from the answer; citation markers are removed
    first so that "[1]" can never pass for an expected "1"."""
    form = compare_form(strip_markers(answer))
    return [e for e in expect if compare_form(e) not in form]


def invalid_markers(answer: str, citation_numbers: Iterable[int]) -> list[int]:
    known = set(citation_numbers)
    return sorted({n for n in markers(answer) if n not in known})


def citations_valid(answer: str, citation_numbers: Iterable[int]) -> bool:
    """An answer cites validly when it carries at least one marker and every
    marker points at a returned citation."""
    return bool(markers(answer)) and not invalid_markers(answer, citation_numbers)


def claim_support(answer: str, passages: dict[int, str], min_overlap: float) -> tuple[int, int, list[str]]:
    """(supported claims, claims, reasons of the unsupported ones)."""
    checks = check_answer(answer, passages, min_overlap)
    reasons = [f"{c.text[:40]}: {'; '.join(c.reasons)}" for c in checks if not c.supported]
    return sum(c.supported for c in checks), len(checks), reasons


def unsupported_numbers(answer: str, passages: dict[int, str]) -> list[str]:
    return sorted(_unsupported_numbers(answer, passages))


def useful_citations(answer: str, passages: dict[int, str], evidence: Sequence[str],
                     min_overlap: float) -> tuple[int, int]:
    """(useful, cited): a cited passage is useful when it holds evidence or
    supports, on its own, an answer sentence that cites it."""
    sentences = split_answer(answer)
    useful = 0
    for n, text in passages.items():
        if evidence and contains_any(text, evidence):
            useful += 1
            continue
        if any(n in markers(s) and check_sentence(s, {n: text}, min_overlap).supported for s in sentences):
            useful += 1
    return useful, len(passages)


def safe_div(num: float, den: float) -> float | None:
    return num / den if den else None


def refusal_counts(expected: Sequence[bool], refused: Sequence[bool]) -> dict[str, int]:
    tp = sum(e and r for e, r in zip(expected, refused))
    fp = sum((not e) and r for e, r in zip(expected, refused))
    fn = sum(e and not r for e, r in zip(expected, refused))
    tn = sum((not e) and not r for e, r in zip(expected, refused))
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn}


def refusal_metrics(expected: Sequence[bool], refused: Sequence[bool]) -> dict[str, float | None]:
    """Refusal seen as a classifier: recall = share of should-refuse items
    refused, false_refusal = share of answerable items refused."""
    c = refusal_counts(expected, refused)
    return {
        "refusal_recall": safe_div(c["tp"], c["tp"] + c["fn"]),
        "refusal_precision": safe_div(c["tp"], c["tp"] + c["fp"]),
        "false_refusal": safe_div(c["fp"], c["fp"] + c["tn"]),
    }


def percentiles(values: Sequence[float], qs: Sequence[int] = (50, 95)) -> dict[str, float | None]:
    if not values:
        return {f"p{q}": None for q in qs}
    arr = np.asarray(values, dtype=float)
    return {f"p{q}": float(np.percentile(arr, q)) for q in qs}


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


# --- what a reader sees: quoted sentences on target ------------------------------
Span = tuple[str, int, int]  # (document id, start, end)


def evidence_spans(evidence: Sequence[str | dict], docs: dict[str, str]) -> list[list[Span]]:
    """Where each evidence entry lies: a plain string anywhere in the
    corpus, ``{"doc", "text"}`` in that document. One list per entry."""
    out = []
    for e in evidence:
        text = e["text"] if isinstance(e, dict) else e
        where = [e["doc"]] if isinstance(e, dict) and e.get("doc") in docs else list(docs)
        spans = []
        for doc in where:
            i = docs[doc].find(text)
            while i >= 0:
                spans.append((doc, i, i + len(text)))
                i = docs[doc].find(text, i + 1)
        out.append(spans)
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def sentence_precision(quoted: Sequence[Span], gold: Sequence[Sequence[Span]]) -> tuple[int, int]:
    """(quoted sentences lying in the evidence, quoted sentences)."""
    flat = [g for spans in gold for g in spans]
    return sum(any(_overlaps(q, g) for g in flat) for q in quoted), len(quoted)


def evidence_recall(quoted: Sequence[Span], gold: Sequence[Sequence[Span]]) -> tuple[int, int]:
    """(evidence entries the answer quotes at least in part, evidence entries)."""
    return sum(any(_overlaps(q, g) for q in quoted for g in spans) for spans in gold), len(gold)


def documents_found(cited: Iterable[str], expected: Sequence[str]) -> tuple[int, int]:
    """(expected documents the answer cites, expected documents)."""
    got = set(cited)
    return sum(d in got for d in expected), len(expected)
