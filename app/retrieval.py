"""Hybrid retrieval: dense (FAISS over e5 vectors) + lexical (BM25 over
jieba words), fused by weighted reciprocal rank."""
from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field

import bm25s
import numpy as np

from .chunking import Chunk
from .embeddings import SentenceEmbeddings
from .grounding import bigrams
from .index_store import LoadedIndex
from .outline import Heading, build_outlines
from .settings import Settings
from .tokenize import index_tokens, stopwords, words
from .typos import HomophoneIndex, corrected


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
    def __init__(self, index: LoadedIndex, embedder: SentenceEmbeddings, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.bm25 = bm25s.BM25()
        self.bm25.index(index.tokens, show_progress=False)
        self._df = Counter(t for toks in index.tokens for t in set(toks))
        self.n_docs = len(index.tokens)
        self.max_idf = self._idf(0)
        self.homophones = HomophoneIndex(self._df, settings.typo_frequency_ratio)
        # Character pairs the corpus uses (text and structural words): the
        # scope check asks which pairs of a question the corpus never uses.
        # Built here, once per loaded index, not on the first question.
        self.corpus_bigrams = frozenset().union(*(bigrams(d["text"]) for d in index.docs.values()),
                                                *(bigrams(c.context) for c in index.chunks))
        # Headings of each document, for questions about its structure.
        self.outlines: dict[str, list[Heading]] = build_outlines(
            index.chunks, {doc_id: d["text"] for doc_id, d in index.docs.items()})
        # Sentence row -> chunk index, for the sentence-level dense index.
        self.sentence_chunk = np.repeat(np.arange(len(index.chunks)), np.diff(index.sentence_rows))

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        return self._idf(self._df.get(term, 0))

    def in_vocabulary(self, term: str) -> bool:
        return term in self._df

    def without_typos(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with homophone typos of corpus words corrected, and the
        (typed, read) pairs. A typo often breaks segmentation into single
        characters ("领道小组" -> 领 / 道 / 小组), so adjacent single
        characters are candidates too."""
        toks = words(text)  # one segmentation serves words and pairs
        stop = stopwords()
        pairs = [a + b for a, b in zip(toks, toks[1:]) if len(a) == 1 and len(b) == 1]
        return corrected(text, [*(t for t in toks if len(t) > 1 and t not in stop), *pairs], self.homophones)

    def dense_search(self, qvec: np.ndarray, k: int) -> tuple[list[int], dict[int, float]]:
        """Chunks ranked by their best-matching sentence."""
        n = min(k * 4, self.index.dense.ntotal)
        scores, rows = self.index.dense.search(qvec[None, :], n)
        best: dict[int, float] = {}
        for row, score in zip(rows[0], scores[0]):
            if row >= 0:
                best.setdefault(int(self.sentence_chunk[row]), float(score))
        ids = list(best)[:k]
        return ids, {i: best[i] for i in ids}

    def bm25_search(self, tokens: list[str], k: int) -> tuple[list[int], dict[int, float]]:
        if not tokens:
            return [], {}
        scores = self.bm25.get_scores(tokens)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        ids = [int(i) for i in top if scores[i] > 0]
        return ids, {i: float(scores[i]) for i in ids}

    def cosine(self, qvec: np.ndarray, idx: int) -> float:
        """Similarity of a chunk's best sentence to the question."""
        a, b = self.index.sentence_rows[idx], self.index.sentence_rows[idx + 1]
        return float(np.max(np.asarray(self.index.sentence_vecs[a:b], dtype=np.float32) @ qvec))

    def retrieve(self, query: str, k: int | None = None, extra_terms: str = "") -> Retrieval:
        """Top-k passages for ``query``; ``extra_terms`` (context carried from
        an earlier turn) joins both the lexical and the dense query."""
        s = self.settings
        k = k or s.top_k
        full = f"{extra_terms} {query}".strip() if extra_terms else query
        t0 = time.perf_counter()
        qvec = self.embedder.embed_query_np(full)
        t1 = time.perf_counter()
        dense_ids, dense_scores = self.dense_search(qvec, s.candidate_k)
        t2 = time.perf_counter()
        tokens = index_tokens(full)
        bm25_ids, bm25_scores = self.bm25_search(tokens, s.candidate_k)
        t3 = time.perf_counter()
        fused = rrf_fuse([(dense_ids, s.dense_weight), (bm25_ids, s.bm25_weight)], s.rrf_k)
        order = sorted(fused, key=lambda i: (-fused[i], i))[:k]
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
