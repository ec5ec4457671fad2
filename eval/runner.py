"""Run the pipeline once over a question file, in-process, and score each
item; then aggregate overall and per kind."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from app.bench import question_rows
from app.embeddings import Embedder
from app.pipeline import Pipeline, QuestionError
from app.settings import Settings

from . import scoring as sc

# Kinds in report order; unknown kinds of another question file follow.
KIND_ORDER = ("fact", "list", "policy", "paraphrase", "followup", "english",
              "false_premise", "out_of_scope", "injection")


# One reader of question files for the eval and the benchmarks.
load_items = question_rows


def settings_for(corpus: Path | None = None, index_dir: Path | None = None, kb: str | None = None,
                 **overrides) -> Settings:
    """Settings for an eval run: a knowledge base of the project's corpus
    (its own index), or another folder of documents, which never shares the
    project's index folder: it gets one under the temp dir, keyed by path."""
    base = Settings(**overrides)
    if kb is not None:
        from app.kb import Library

        chosen = Library(base).base(kb).settings
        return chosen if index_dir is None else chosen.model_copy(update={"index_dir": index_dir})
    if corpus is None or corpus.resolve() == base.corpus_dir.resolve():
        return base if index_dir is None else base.model_copy(update={"index_dir": index_dir})
    if index_dir is None:
        key = hashlib.sha256(str(corpus.resolve()).encode()).hexdigest()[:12]
        index_dir = Path(tempfile.gettempdir()) / f"policyqa-eval-{key}"
    return base.model_copy(update={"corpus_dir": corpus, "index_dir": index_dir})


@dataclass
class ItemResult:
    id: str
    kind: str
    q: str
    refuse: bool
    evidence: list[str] = field(default_factory=list)
    refused: bool = False
    error: str | None = None
    answer: str = ""
    query: str = ""
    citations: dict[int, str] = field(default_factory=dict)
    retrieved: list[str] = field(default_factory=list)  # chunk ids, best first
    hit_rank: int | None = None
    missing: list[str] = field(default_factory=list)
    bad_markers: list[int] = field(default_factory=list)
    cites_ok: bool = True
    claims: int = 0
    supported: int = 0
    unsupported: list[str] = field(default_factory=list)
    numbers_unsupported: list[str] = field(default_factory=list)
    useful_cited: int = 0
    cited: int = 0
    on_target: int = 0  # quoted sentences lying in the evidence
    quoted: int = 0
    evidence_hit: int = 0  # evidence entries the answer quotes
    evidence_total: int = 0
    docs_found: int = 0  # expected documents cited (multi-document items)
    docs_expected: int = 0
    chars: int = 0  # answer length without markers and source headings
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return not self.refused and self.error is None

    @property
    def clean(self) -> bool:
        """Correct, and every quoted sentence on target (when evidence says what is)."""
        return self.correct and (self.refuse or not self.quoted or self.on_target == self.quoted)

    @property
    def correct(self) -> bool:
        """Handled as the item expects: refused, or answered with every
        expected string."""
        if self.refuse:
            return self.refused
        return self.answered and not self.missing

    def failures(self) -> list[str]:
        out = []
        if self.error:
            out.append(f"error: {self.error}")
        if self.refuse and not self.refused:
            out.append("answered instead of refusing")
        if not self.refuse and self.refused:
            out.append("false refusal")
        if self.evidence and self.hit_rank is None:
            out.append("evidence not retrieved")
        if not self.refuse and self.answered and self.missing:
            out.append(f"missing {self.missing}")
        if self.answered and not self.cites_ok:
            out.append(f"invalid citation markers {self.bad_markers or '(none)'}")
        if self.answered and self.unsupported:
            out.append(f"unsupported: {self.unsupported}")
        if self.numbers_unsupported:
            out.append(f"unsupported numbers {self.numbers_unsupported}")
        return out

    def to_json(self) -> dict:
        d = asdict(self)
        d["correct"] = self.correct
        d["clean"] = self.clean
        d["failures"] = self.failures()
        return d


def histories(items: list[dict]) -> dict[str, list[str]]:
    """Each item's conversation so far: the chain of ``after`` questions,
    oldest first (the same history the CLI builds for ``--jsonl``)."""
    by_id = {it["id"]: it for it in items}
    out: dict[str, list[str]] = {}
    for it in items:
        chain, prev = [], it.get("after")
        while prev in by_id and len(chain) < len(by_id):
            chain.append(by_id[prev]["q"])
            prev = by_id[prev].get("after")
        out[it["id"]] = chain[::-1]
    return out


def score_item(item: dict, pipeline: Pipeline, history: list[str], mode: str | None,
               min_overlap: float) -> ItemResult:
    raw_evidence = list(item.get("evidence") or [])
    evidence = [e["text"] if isinstance(e, dict) else e for e in raw_evidence]
    r = ItemResult(str(item["id"]), item.get("kind", "?"), item["q"], bool(item.get("refuse")), evidence)
    try:
        answer = pipeline.ask(item["q"], history or None, qid=item["id"], mode=mode, trace=True)
    except QuestionError as exc:
        # The pipeline declined the input itself: that is a refusal.
        r.error, r.refused = str(exc), True
        return r
    hits = answer.trace.hits if answer.trace else ()
    r.retrieved = [h.chunk_id for h in hits]
    r.hit_rank = sc.first_hit_rank([h.text for h in hits], evidence) if evidence else None
    r.refused, r.answer, r.query, r.timings_ms = answer.refused, answer.answer, answer.query, answer.timings_ms
    r.citations = {c.n: c.text for c in answer.citations}
    if r.refused:
        return r
    r.missing = sc.missing_expected(answer.answer, item.get("expect") or [])
    r.bad_markers = sc.invalid_markers(answer.answer, r.citations)
    r.cites_ok = sc.citations_valid(answer.answer, r.citations)
    r.supported, r.claims, r.unsupported = sc.claim_support(answer.answer, r.citations, min_overlap)
    r.numbers_unsupported = sc.unsupported_numbers(answer.answer, r.citations)
    r.useful_cited, r.cited = sc.useful_citations(answer.answer, r.citations, evidence, min_overlap)
    texts = {doc: d["text"] for doc, d in pipeline.documents.items()}
    quoted = [(c.doc, a, b) for c in answer.citations for a, b in c.highlights]
    if raw_evidence:
        gold = sc.evidence_spans(raw_evidence, texts)
        r.on_target, r.quoted = sc.sentence_precision(quoted, gold)
        r.evidence_hit, r.evidence_total = sc.evidence_recall(quoted, gold)
    expected_docs = list(item.get("docs") or [])
    if len(expected_docs) > 1:
        r.docs_found, r.docs_expected = sc.documents_found((c.doc for c in answer.citations), expected_docs)
    r.chars = answer_chars(answer.answer)
    return r


def answer_chars(text: str) -> int:
    """What a reader reads: the answer without markers and source headings."""
    from app.grounding import strip_markers

    return sum(len(strip_markers(line)) for line in text.splitlines() if not line.rstrip().endswith("："))


class CachedQueries:
    """An embedder that remembers query vectors: ablation variants sharing
    the model then embed each question once. ``fresh()`` forgets them, for
    honest latencies. Passed to ``Pipeline(embedder=...)``."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.model_id = embedder.model_id
        self._memo: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_documents_np(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_documents_np(texts)

    def embed_query_np(self, text: str) -> np.ndarray:
        if text not in self._memo:
            self._memo[text] = self.inner.embed_query_np(text)
        return self._memo[text]

    def fresh(self) -> None:
        self._memo.clear()


def run(pipeline: Pipeline, items: list[dict], mode: str | None = None,
        keep_cache: bool = False) -> list[ItemResult]:
    """Score every item. With a ``CachedQueries`` embedder, ``keep_cache``
    reuses query vectors across items and runs (ablations); latencies are
    then not representative."""
    hist = histories(items)
    min_overlap = pipeline.settings.support_min_overlap
    cache = pipeline.embedder if isinstance(pipeline.embedder, CachedQueries) else None
    out = []
    for it in items:
        if cache is not None and not keep_cache:
            cache.fresh()
        out.append(score_item(it, pipeline, hist[it["id"]], mode, min_overlap))
    return out


def summarize(results: list[ItemResult]) -> dict:
    answerable = [r for r in results if not r.refuse]
    with_evidence = [r for r in answerable if r.evidence]
    answered = [r for r in results if r.answered]
    ranks = [r.hit_rank for r in with_evidence]
    claims = sum(r.claims for r in answered)
    out = {
        "n": len(results),
        "answerable": len(answerable),
        "should_refuse": len(results) - len(answerable),
        "hit@1": sc.mean(sc.hit_at(k, 1) for k in ranks),
        "hit@3": sc.mean(sc.hit_at(k, 3) for k in ranks),
        "hit@5": sc.mean(sc.hit_at(k, 5) for k in ranks),
        "mrr": sc.mean(sc.reciprocal_rank(k) for k in ranks),
        "context_precision": sc.safe_div(sum(r.useful_cited for r in answered), sum(r.cited for r in answered)),
        "correctness": sc.mean(float(r.correct) for r in answerable),
        "citation_validity": sc.mean(float(r.cites_ok) for r in answered),
        "faithfulness": sc.safe_div(sum(r.supported for r in answered), claims),
        "unsupported_numbers": sum(len(r.numbers_unsupported) for r in results),
        "handled": sc.mean(float(r.correct) for r in results),
        "sentence_precision": sc.safe_div(sum(r.on_target for r in answered), sum(r.quoted for r in answered)),
        "evidence_recall": sc.safe_div(sum(r.evidence_hit for r in answered), sum(r.evidence_total for r in answered)),
        "clean": sc.mean(float(r.clean) for r in answerable),
        "documents_found": sc.safe_div(sum(r.docs_found for r in results), sum(r.docs_expected for r in results)),
        "median_chars": float(np.median([r.chars for r in answered if not r.refuse])) if any(
            not r.refuse for r in answered) else None,
        **sc.refusal_metrics([r.refuse for r in results], [r.refused for r in results]),
    }
    return out


def latency(results: list[ItemResult]) -> dict[str, dict[str, float | None]]:
    keys = ("retrieve", "answer", "total")
    return {k: sc.percentiles([r.timings_ms[k] for r in results if k in r.timings_ms]) for k in keys}


def kinds_of(results: list[ItemResult]) -> list[str]:
    seen = list(dict.fromkeys(r.kind for r in results))
    return [k for k in KIND_ORDER if k in seen] + [k for k in seen if k not in KIND_ORDER]


def scorecard(results: list[ItemResult], settings: Settings, mode: str) -> dict:
    return {
        "mode": mode,
        "support_min_overlap": settings.support_min_overlap,
        "overall": summarize(results),
        "per_kind": {k: summarize([r for r in results if r.kind == k]) for k in kinds_of(results)},
        "latency_ms": latency(results),
    }
