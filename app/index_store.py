"""The on-disk index: build, verify, load, swap. No pickle anywhere.

Layout of ``index/``::

    CURRENT            name of the live version folder (replaced atomically)
    .lock              flock'd by the one process that builds
    v-<id>/            manifest.json, dense.faiss, sentences.npy, sentence_keys.json,
                       chunks.json, docs.json

A build writes a fresh ``tmp-*`` folder, renames it into place and only then
points CURRENT at it, so a crash mid-build leaves the previous index serving.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import faiss
import numpy as np

from .chunking import CHUNKER_VERSION, Chunk, chunk_corpus
from .corpus import CorpusIssue, Document, corpus_fingerprint, load_corpus
from .embeddings import Embedder
from .metadata import METADATA_VERSION, group_versions, read_meta
from .settings import Settings
from .texts import ERR_CORPUS_EMPTY
from .tokenize import fingerprint as tokenizer_fingerprint
from .tokenize import index_tokens
from .vector_seed import load_seed

# 2: the dense index holds one vector per sentence (was: per chunk).
# 3: documents carry their metadata; sentence keys make vectors reusable.
FORMAT = 3
DATA_FILES = ("dense.faiss", "sentences.npy", "sentence_keys.json", "chunks.json", "docs.json")
Progress = Callable[[str, int, int], None]
_MMAP_FLAGS = getattr(faiss, "IO_FLAG_MMAP_IFC", faiss.IO_FLAG_MMAP) | faiss.IO_FLAG_READ_ONLY


class IndexUnusable(Exception):
    """An index that cannot be used (missing, stale, corrupt); says why."""


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    chunks: list[Chunk]
    tokens: list[list[str]]
    docs: dict[str, dict]  # doc_id -> {"title", "text", "encoding"}
    dense: faiss.Index  # one vector per sentence, rows as in sentence_vecs
    sentence_vecs: np.ndarray  # rows follow chunks' sentences in order
    sentence_rows: np.ndarray  # chunk i's sentences are rows [rows[i], rows[i+1])


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def expected_identity(settings: Settings, corpus_hash: str) -> dict:
    """What a manifest must say for the index to be current."""
    return {
        "format": FORMAT,
        "chunker_version": CHUNKER_VERSION,
        "metadata_version": METADATA_VERSION,
        "tokenizer": tokenizer_fingerprint(),
        "model_id": settings.embedding_model,
        "chunk_target_chars": settings.chunk_target_chars,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
        "corpus_hash": corpus_hash,
    }


def current_dir(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    # The pointer names a folder inside index_dir, never a path elsewhere.
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = index_dir / name
    # Nor a symlink that leads out of it.
    if not path.is_dir() or path.resolve().parent != index_dir.resolve():
        return None
    return path


def read_manifest(path: Path) -> dict:
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexUnusable(f"manifest unreadable: {exc}") from exc
    if not isinstance(manifest, dict):
        raise IndexUnusable("manifest is not an object")
    return manifest


def verify(path: Path, identity: dict) -> dict:
    """Manifest matches ``identity`` and every data file matches its checksum."""
    manifest = read_manifest(path)
    for key, value in identity.items():
        if manifest.get(key) != value:
            raise IndexUnusable(f"stale: {key} is {manifest.get(key)!r}, expected {value!r}")
    checksums = manifest.get("checksums") or {}
    for name in DATA_FILES:
        file = path / name
        if not file.is_file():
            raise IndexUnusable(f"missing {name}")
        if checksums.get(name) != _sha256_file(file):
            raise IndexUnusable(f"checksum mismatch in {name}")
    return manifest


def load(path: Path, manifest: dict, mmap: bool = False) -> LoadedIndex:
    """Load a verified version folder."""
    try:
        # MMAP_IFC maps the vectors from the file (shared by every process
        # through the page cache); plain IO_FLAG_MMAP copies them into memory.
        flags = _MMAP_FLAGS if mmap else 0
        dense = faiss.read_index(str(path / "dense.faiss"), flags)
        if hasattr(dense, "hnsw"):
            dense.hnsw.efSearch = int(manifest.get("hnsw_ef_search", 128))
        sentence_vecs = np.load(path / "sentences.npy", allow_pickle=False,
                                mmap_mode="r" if mmap else None)
        raw_chunks = json.loads((path / "chunks.json").read_text(encoding="utf-8"))
        docs = json.loads((path / "docs.json").read_text(encoding="utf-8"))
        chunks = [Chunk.from_dict(c) for c in raw_chunks]
        tokens = [c["tokens"] for c in raw_chunks]
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexUnusable(f"unreadable index data: {exc}") from exc
    counts = np.array([len(c.sentences) for c in chunks], dtype=np.int64)
    rows = np.concatenate([[0], np.cumsum(counts)])
    if dense.ntotal != rows[-1] or len(sentence_vecs) != rows[-1]:
        raise IndexUnusable("index parts disagree in size")
    return LoadedIndex(path, manifest, chunks, tokens, docs, dense, sentence_vecs, rows)


def stored_vectors(dense: faiss.Index) -> np.ndarray:
    """The float32 vectors a flat (or HNSW-flat) index holds, one row per
    sentence, as an array over the index's own memory: reading rows of it
    costs no conversion (the float16 copy took 1 µs a row to widen, most
    of a which-documents answer's time)."""
    flat = faiss.downcast_index(dense.storage) if isinstance(dense, faiss.IndexHNSW) else dense
    vectors = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).reshape(flat.ntotal, flat.d)
    vectors.flags.writeable = False  # a mapped index file is read-only memory
    return vectors


def _dense_index(vecs: np.ndarray, settings: Settings) -> faiss.Index:
    dim = vecs.shape[1]
    if len(vecs) > settings.ann_threshold:
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(vecs)
    return index


def sentence_key(text: str) -> str:
    """A sentence's identity for reusing its vector: its text (the model is
    part of the index identity)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def reusable_vectors(index_dir: Path, model_id: str, dim: int) -> dict[str, np.ndarray]:
    """Vectors of the live index (even a stale one) by sentence key, when it
    was built with the same model: a changed corpus re-embeds only the
    sentences it has not seen."""
    path = current_dir(index_dir)
    if path is None:
        return {}
    try:
        manifest = read_manifest(path)
        if manifest.get("model_id") != model_id or manifest.get("format") != FORMAT:
            return {}
        keys = json.loads((path / "sentence_keys.json").read_text(encoding="utf-8"))
        dense = faiss.read_index(str(path / "dense.faiss"))
        if dense.d != dim or dense.ntotal != len(keys):
            return {}
        vecs = dense.reconstruct_n(0, dense.ntotal)
    except (OSError, ValueError, RuntimeError, IndexUnusable):
        return {}
    return dict(zip(keys, vecs))


def corpus_sentences(docs: list[Document], settings: Settings) -> list[str]:
    """The distinct sentences a build of ``docs`` embeds, in order."""
    return list(dict.fromkeys(_sentences(chunk_corpus(docs, settings.chunk_target_chars,
                                                     settings.chunk_overlap_sentences), docs)))


def _sentences(chunks: list[Chunk], docs: list[Document]) -> list[str]:
    """Every chunk's sentences, in order (a sentence of two chunks twice)."""
    doc_text = {d.doc_id: d.text for d in docs}
    return [doc_text[c.doc_id][a:b] for c in chunks for a, b in c.sentences]


def _embed_missing(sentences: list[str], known: dict[str, np.ndarray], embedder: Embedder, settings: Settings,
                   progress: Progress | None) -> int:
    """Add to ``known`` the vectors of the distinct ``sentences`` it lacks
    (by key); returns how many were embedded."""
    todo = list(dict.fromkeys(t for t in sentences if sentence_key(t) not in known))
    for text, vec in zip(todo, _embed_batches(todo, embedder, settings, "sentences", progress)):
        known[sentence_key(text)] = vec
    return len(todo)


def seed_vectors(folders: list[Path], settings: Settings, embedder: Embedder,
                 progress: Progress | None = None) -> tuple[dict[str, np.ndarray], int]:
    """Vectors of every sentence of the documents in ``folders`` (for the
    shipped seed), taken from the current seed where it has them; and how
    many were embedded now. Sentences no longer in any folder drop out."""
    sentences = list(dict.fromkeys(t for folder in folders for t in corpus_sentences(
        load_corpus(folder, max_bytes=settings.max_corpus_file_bytes)[0], settings)))
    known = load_seed(settings.vector_seed_path, settings.embedding_model, embedder.dim)
    embedded = _embed_missing(sentences, known, embedder, settings, progress)
    return {k: known[k] for k in map(sentence_key, sentences)}, embedded


def build_into(folder: Path, docs: list[Document], settings: Settings, embedder: Embedder,
               identity: dict, progress: Progress | None = None,
               known: dict[str, np.ndarray] | None = None) -> None:
    """Write a complete version of the index into ``folder``; sentences
    whose vectors are ``known`` (by key) are not embedded again."""
    chunks = chunk_corpus(docs, settings.chunk_target_chars, settings.chunk_overlap_sentences)
    if not chunks:
        raise IndexUnusable(ERR_CORPUS_EMPTY)
    sentences = _sentences(chunks, docs)
    keys = [sentence_key(t) for t in sentences]
    known = dict(known or {})
    # Passages are searched through their best sentence: on the eval set this
    # beats whole-passage vectors clearly (hit@1 0.62 -> 0.73 dense-only, and
    # cross-lingual questions 0.14 -> 0.64), and it is what the answer quotes.
    # Each distinct sentence is embedded once, and only if no earlier build has it.
    embedded = _embed_missing(sentences, known, embedder, settings, progress)
    sentence_vecs = (np.stack([known[k] for k in keys]).astype(np.float32) if keys
                     else np.zeros((0, embedder.dim), dtype=np.float32))
    folder.mkdir(parents=True)
    faiss.write_index(_dense_index(sentence_vecs, settings), str(folder / "dense.faiss"))
    np.save(folder / "sentences.npy", sentence_vecs.astype(np.float16), allow_pickle=False)
    _write_json(folder / "sentence_keys.json", keys)
    records = [{**c.to_dict(), "tokens": index_tokens(f"{c.context} {c.text}")} for c in chunks]
    _write_json(folder / "chunks.json", records)
    metas = group_versions([read_meta(d.doc_id, d.text) for d in docs])
    _write_json(folder / "docs.json", {
        d.doc_id: {"title": m.title, "text": d.text, "encoding": d.encoding, "meta": m.to_json()}
        for d, m in zip(docs, metas)})
    manifest = {
        **identity,
        "dim": int(sentence_vecs.shape[1]),
        "n_chunks": len(chunks),
        "n_sentences": len(sentences),
        "n_embedded": embedded,
        "dense_index": "hnsw" if len(sentences) > settings.ann_threshold else "flat",
        "hnsw_ef_search": settings.hnsw_ef_search,
        "documents": [{"doc_id": d.doc_id, "sha256": d.sha256, "chars": len(d.text)} for d in docs],
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "checksums": {name: _sha256_file(folder / name) for name in DATA_FILES},
    }
    _write_json(folder / "manifest.json", manifest)
    for name in (*DATA_FILES, "manifest.json"):
        _fsync(folder / name)


def _embed_batches(texts: list[str], embedder: Embedder, settings: Settings,
                   label: str, progress: Progress | None) -> np.ndarray:
    parts, step = [], max(1, settings.embed_batch_size * 4)
    for i in range(0, len(texts), step):
        parts.append(embedder.embed_documents_np(texts[i:i + step]))
        if progress:
            progress(label, min(i + step, len(texts)), len(texts))
    return np.concatenate(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One builder at a time across processes; others wait, then find the
    index already current."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def swap_in(index_dir: Path, built: Path) -> Path:
    """Move a finished build into place and point CURRENT at it atomically."""
    final = index_dir / f"v-{built.name.removeprefix('tmp-')}"
    os.replace(built, final)
    pointer_tmp = index_dir / f".CURRENT.{uuid.uuid4().hex}"
    pointer_tmp.write_text(final.name, encoding="utf-8")
    _fsync(pointer_tmp)
    os.replace(pointer_tmp, index_dir / "CURRENT")
    return final


def prune(index_dir: Path, keep: Path) -> None:
    """Remove older versions and leftovers of interrupted builds."""
    for entry in index_dir.iterdir():
        if entry.is_dir() and entry != keep and entry.name.startswith(("v-", "tmp-")):
            shutil.rmtree(entry, ignore_errors=True)


def ensure_index(settings: Settings, embedder: Embedder, progress: Progress | None = None,
                 force: bool = False, mmap: bool = False) -> tuple[LoadedIndex, list[CorpusIssue], bool]:
    """Return a current, verified index, building it if it is missing, stale
    or corrupt. Returns (index, corpus issues, rebuilt?)."""
    docs, issues = load_corpus(settings.corpus_dir, max_bytes=settings.max_corpus_file_bytes)
    if not docs:
        raise IndexUnusable(ERR_CORPUS_EMPTY)
    identity = expected_identity(settings, corpus_fingerprint(docs))
    index_dir = settings.index_dir
    if not force:
        found = _try_current(index_dir, identity, mmap, embedder.dim)
        if found:
            return found, issues, False
    with build_lock(index_dir):
        if not force:
            found = _try_current(index_dir, identity, mmap, embedder.dim)  # built while we waited
            if found:
                return found, issues, False
        tmp = index_dir / f"tmp-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        # A forced build embeds everything; otherwise the live version's
        # vectors, then the shipped ones, spare embedding known sentences.
        known = {} if force else {
            **load_seed(settings.vector_seed_path, settings.embedding_model, embedder.dim),
            **reusable_vectors(index_dir, settings.embedding_model, embedder.dim)}
        try:
            build_into(tmp, docs, settings, embedder, identity, progress, known)
            final = swap_in(index_dir, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        prune(index_dir, final)
        manifest = verify(final, identity)
        return load(final, manifest, mmap), issues, True


def _try_current(index_dir: Path, identity: dict, mmap: bool, dim: int) -> LoadedIndex | None:
    path = current_dir(index_dir)
    if path is None:
        return None
    try:
        index = load(path, verify(path, identity), mmap)
    except IndexUnusable:
        return None
    # A manifest can name our model yet hold another model's vectors (copied
    # or hand-edited); searching those would fail or return nonsense.
    if index.dense.d != dim or index.sentence_vecs.shape[1:] != (dim,):
        return None
    return index
