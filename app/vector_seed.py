"""Sentence vectors shipped with the project, so that the documents it
ships are indexed in seconds on a fresh machine.

The bundled engine embeds about 20 sentences a second on this kind of
machine: the IP-law library alone (4,571 distinct sentences) would take
four minutes on first start, and every test session would pay it again.
The seed is a content-addressed store (sentence key -> vector) of the
shipped corpora; a build takes from it the vectors of sentences it holds
and embeds the rest, so a changed or uploaded document costs only its own
new sentences. A seed of another model, or a damaged one, is ignored.
Written by ``python -m app seed``; read-only otherwise.
"""
from __future__ import annotations

import logging
import os
import uuid
import zipfile
from pathlib import Path

import numpy as np

from . import texts as T

log = logging.getLogger("policyqa.vector_seed")

KEY_BYTES = 20  # the hex digits of ``index_store.sentence_key``


def load_seed(path: Path | None, model_id: str, dim: int) -> dict[str, np.ndarray]:
    """The seed's vectors by sentence key, if ``path`` holds a seed of this
    model and dimension; else nothing (a build then embeds everything)."""
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_id"]) != model_id:
                return {}
            keys, vectors = data["keys"], data["vectors"]
        if vectors.ndim != 2 or vectors.shape[1] != dim or len(keys) != len(vectors):
            raise ValueError(f"shape {vectors.shape} for {len(keys)} keys, dimension {dim}")
        if keys.dtype != np.dtype(f"S{KEY_BYTES}"):
            raise ValueError(f"keys of type {keys.dtype}")
        names = [k.decode("ascii") for k in keys]
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:  # UnicodeDecodeError too
        log.warning(T.SEED_IGNORED.format(path=path, error=exc))
        return {}
    return dict(zip(names, vectors.astype(np.float32)))


def write_seed(path: Path, model_id: str, vectors: dict[str, np.ndarray]) -> None:
    """Store ``vectors`` (sentence key -> vector), keys sorted so that the
    same vectors always make the same file. Half precision: a cosine moves
    by about 1e-3, and the file by half."""
    if not vectors:
        raise ValueError("no vectors to write")
    keys = sorted(vectors)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex}.tmp.npz")  # two writers never share one
    try:
        with tmp.open("wb") as out:
            np.savez_compressed(out, model_id=np.array(model_id),
                                keys=np.array([k.encode("ascii") for k in keys], dtype=f"S{KEY_BYTES}"),
                                vectors=np.stack([vectors[k] for k in keys]).astype(np.float16))
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)  # the old seed stays whole until the new one is
    finally:
        tmp.unlink(missing_ok=True)
