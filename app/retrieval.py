"""Hybrid retrieval: dense (FAISS over e5 vectors) + lexical (BM25 over
jieba words), fused by weighted reciprocal rank."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import bm25s
import numpy as np

from .chunking import Chunk
from .embeddings import Embedder
from .settings import Settings
from .snapshot import IndexSnapshot
from .tokenize import index_tokens


@dataclass
class Hit:
    idx: int
    chunk: Chunk
    score: float  # fused
    dense: float  # cosine similarity to the question
    bm25: float
    dense_rank: int | None
    bm25_rank: int | None


@dataclass
class Retrieval:
    query: str
    query_vec: np.ndarray
    query_tokens: list[str]
    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)


def rrf_fuse(rankings: list[tuple[list[int], float]], k: int) -> dict[int, float]:
    """Weighted reciprocal-rank fusion of several ranked id lists."""
    fused: dict[int, float] = {}
    for ids, weight in rankings:
        for rank, i in enumerate(ids):
            fused[i] = fused.get(i, 0.0) + weight / (k + rank + 1)
    return fused


class HybridRetriever:
    """Dense and lexical search over one loaded index; what the index knows
    about its corpus is the snapshot's."""

    def __init__(self, snapshot: IndexSnapshot, embedder: Embedder, settings: Settings) -> None:
        self.snapshot = snapshot
        self.index = snapshot.index
        self.embedder = embedder
        self.settings = settings
        self.bm25 = bm25s.BM25()
        self.bm25.index(self.index.tokens, show_progress=False)

    def dense_search(self, qvec: np.ndarray, k: int,
                     allowed: np.ndarray | None = None) -> tuple[list[int], dict[int, float]]:
        """Chunks ranked by their best-matching sentence; ``allowed`` (chunk
        indices) restricts the search to some documents."""
        if allowed is not None:
            rows = self.snapshot.rows_of(allowed)
            scores = self.snapshot.vectors[rows] @ qvec
            order = np.argsort(-scores, kind="stable")[: k * 4]
            pairs = zip(rows[order], scores[order])
        else:
            n = min(k * 4, self.index.dense.ntotal)
            found, ids = self.index.dense.search(qvec[None, :], n)
            pairs = zip(ids[0], found[0])
        best: dict[int, float] = {}
        for row, score in pairs:
            if row >= 0:
                best.setdefault(int(self.snapshot.sentence_chunk[row]), float(score))
        ids = list(best)[:k]
        return ids, {i: best[i] for i in ids}

    def bm25_search(self, tokens: list[str], k: int,
                    allowed: np.ndarray | None = None) -> tuple[list[int], dict[int, float]]:
        if not tokens:
            return [], {}
        scores = self.bm25.get_scores(tokens)
        if allowed is not None:
            kept = np.zeros_like(scores)
            kept[allowed] = scores[allowed]
            scores = kept
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        ids = [int(i) for i in top if scores[i] > 0]
        return ids, {i: float(scores[i]) for i in ids}

    def cosine(self, qvec: np.ndarray, idx: int) -> float:
        """Similarity of a chunk's best sentence to the question."""
        a, b = self.index.sentence_rows[idx], self.index.sentence_rows[idx + 1]
        return float(np.max(self.snapshot.vectors[a:b] @ qvec))

    def retrieve(self, query: str, k: int | None = None, extra_terms: tuple[str, ...] = (),
                 docs: frozenset[str] | None = None, qvec: np.ndarray | None = None) -> Retrieval:
        """Top-k passages for ``query``. ``extra_terms`` (carried from an
        earlier turn, or words of the form the answer takes) join both the
        lexical and the dense query; ``docs``
        restricts the search to those documents; ``qvec``, the query's vector
        when it is already known (one question searched document by document)."""
        s = self.settings
        k = k or s.top_k
        full = " ".join((*extra_terms, query)).strip()
        allowed = self.snapshot.chunks_of(docs) if docs else None
        t0 = time.perf_counter()
        qvec = self.embedder.embed_query_np(full) if qvec is None else qvec
        t1 = time.perf_counter()
        dense_ids, dense_scores = self.dense_search(qvec, s.candidate_k, allowed)
        t2 = time.perf_counter()
        tokens = index_tokens(full)
        bm25_ids, bm25_scores = self.bm25_search(tokens, s.candidate_k, allowed)
        t3 = time.perf_counter()
        fused = rrf_fuse([(dense_ids, s.dense_weight), (bm25_ids, s.bm25_weight)], s.rrf_k)
        order = sorted(fused, key=lambda i: (-fused[i], i))[:k]
        if s.read_dense_best and dense_ids and dense_ids[0] not in order and len(order) == k:
            order = [*order, dense_ids[0]]
        dense_rank = {i: r for r, i in enumerate(dense_ids)}
        bm25_rank = {i: r for r, i in enumerate(bm25_ids)}
        hits = [
            Hit(i, self.index.chunks[i], fused[i],
                dense_scores[i] if i in dense_scores else self.cosine(qvec, i),
                bm25_scores.get(i, 0.0), dense_rank.get(i), bm25_rank.get(i))
            for i in order
        ]
        t4 = time.perf_counter()
        timings = {"embed": (t1 - t0) * 1e3, "faiss": (t2 - t1) * 1e3,
                   "bm25": (t3 - t2) * 1e3, "fusion": (t4 - t3) * 1e3}
        return Retrieval(full, qvec, tokens, hits, timings)
