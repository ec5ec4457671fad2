"""Does the corpus answer this question? A small logistic model over
retrieval signals, because raw similarity alone does not separate in-scope
from out-of-scope questions (near neighbours score as high as answers)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .question import QuestionInfo
from .retrieval import HybridRetriever, Retrieval
from .settings import Settings
from .textnorm import compare_form


@dataclass(frozen=True)
class ScopeSignals:
    coverage: float  # IDF-weighted share of the question's terms found in the best passage
    dense: float  # best cosine similarity of a passage
    agreement: float  # 1 when dense and lexical rankings agree on a top passage
    unknown: float  # IDF-weighted share of terms the corpus never uses
    latin: bool

    def vector(self) -> tuple[float, float, float, float]:
        return (self.coverage, self.dense, self.agreement, self.unknown)


def signals(info: QuestionInfo, retrieval: Retrieval, retriever: HybridRetriever,
            top: int = 3) -> ScopeSignals:
    hits = retrieval.hits[:top]
    weights = {t: retriever.idf(t) for t in info.terms}
    total = sum(weights.values())
    coverage = 0.0
    for hit in hits:
        text = compare_form(hit.chunk.text)
        got = sum(w for t, w in weights.items() if compare_form(t) in text)
        coverage = max(coverage, got / total if total else 0.0)
    unknown = sum(w for t, w in weights.items() if not retriever.in_vocabulary(t)
                  and not _substring_in_hits(t, hits)) / total if total else 0.0
    dense = max((h.dense for h in retrieval.hits), default=0.0)
    agree = 0.0
    if hits:
        top_d = [h.idx for h in retrieval.hits if h.dense_rank is not None and h.dense_rank < 3]
        top_b = [h.idx for h in retrieval.hits if h.bm25_rank is not None and h.bm25_rank < 3]
        agree = 1.0 if set(top_d) & set(top_b) else 0.0
    return ScopeSignals(coverage, dense, agree, unknown, info.latin)


def _substring_in_hits(term: str, hits: list) -> bool:
    form = compare_form(term)
    return any(form in compare_form(h.chunk.text) for h in hits)


def in_scope_probability(sig: ScopeSignals, settings: Settings) -> float:
    if sig.latin:
        # Lexical signals say nothing across languages: dense similarity only.
        z = settings.scope_latin_slope * (sig.dense - settings.scope_latin_dense)
    else:
        z = settings.scope_bias + sum(w * x for w, x in zip(settings.scope_weights, sig.vector()))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def in_scope(sig: ScopeSignals, settings: Settings) -> bool:
    return in_scope_probability(sig, settings) >= settings.scope_threshold
