"""The shipped sentence vectors: a build takes theirs and embeds only the
sentences they lack; a seed of another model or a damaged one is ignored;
``python -m app seed`` writes one that covers its folders."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from app.index_store import corpus_sentences, ensure_index, sentence_key
from app.corpus import load_corpus
from app.settings import PROJECT_ROOT, Settings
from app.vector_seed import load_seed, write_seed


@pytest.fixture(scope="module")
def embedder():
    from app.embeddings import load_embedder

    return load_embedder(Settings())


@pytest.fixture(scope="module")
def speech_vectors(embedder) -> dict[str, np.ndarray]:
    """Real vectors of the test corpus's sentences, in order, embedded once."""
    from isolation import TEST_CORPUS

    sentences = corpus_sentences(load_corpus(TEST_CORPUS)[0], Settings())
    return dict(zip(map(sentence_key, sentences), embedder.embed_documents_np(sentences)))


def _but_last(vectors: dict[str, np.ndarray], drop: int) -> dict[str, np.ndarray]:
    return dict(list(vectors.items())[:len(vectors) - drop])


def test_a_build_embeds_only_what_the_seed_lacks(tmp_path, corpus_copy, embedder, speech_vectors):
    seed = tmp_path / "seed.npz"
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index", vector_seed_path=seed)
    write_seed(seed, settings.embedding_model, _but_last(speech_vectors, 3))
    index, _, rebuilt = ensure_index(settings, embedder)
    assert rebuilt and index.manifest["n_embedded"] == 3
    fresh, _, _ = ensure_index(settings.model_copy(update={"index_dir": tmp_path / "fresh"}), embedder, force=True)
    assert fresh.manifest["n_embedded"] == fresh.manifest["n_sentences"] - _repeats(fresh)
    # Half precision moves a cosine by about 1e-3: the same passages are found.
    seeded, embedded = index.sentence_vecs.astype(np.float32), fresh.sentence_vecs.astype(np.float32)
    assert np.min(np.sum(seeded * embedded, axis=1)) > 0.999


def _repeats(index) -> int:
    sentences = [index.docs[c.doc_id]["text"][a:b] for c in index.chunks for a, b in c.sentences]
    return len(sentences) - len(set(sentences))


@pytest.mark.parametrize("damage", ["other_model", "other_dimension", "garbage", "bad_keys", "missing"])
def test_a_seed_that_does_not_fit_is_ignored(tmp_path, corpus_copy, embedder, speech_vectors, damage, caplog):
    seed = tmp_path / "seed.npz"
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index", vector_seed_path=seed)
    vectors = speech_vectors
    if damage == "other_model":
        write_seed(seed, "another-model", vectors)
    elif damage == "other_dimension":
        write_seed(seed, settings.embedding_model, {k: v[:100] for k, v in vectors.items()})
    elif damage == "garbage":
        seed.write_bytes(b"PK\x03\x04 not a zip at all")
    elif damage == "bad_keys":  # keys that are no sentence keys (not ASCII)
        np.savez(seed, model_id=np.array(settings.embedding_model), keys=np.array([b"\xff" * 20], dtype="S20"),
                 vectors=np.ones((1, embedder.dim), dtype=np.float16))
    with caplog.at_level("WARNING", logger="policyqa.vector_seed"):
        assert load_seed(seed, settings.embedding_model, embedder.dim) == {}
    # a damaged seed says so in Chinese: the slow first build has a reason
    damaged = damage in ("other_dimension", "garbage", "bad_keys")
    assert any("句向量文件无法读取" in r.getMessage() for r in caplog.records) is damaged
    index, _, _ = ensure_index(settings, embedder)
    assert index.manifest["n_embedded"] == index.manifest["n_sentences"] - _repeats(index)


def test_the_seed_command_covers_its_folders_and_drops_the_rest(tmp_path, corpus_copy, embedder, capsys,
                                                                monkeypatch):
    from app.cli import main

    seed = tmp_path / "seed.npz"
    settings = Settings(vector_seed_path=seed)
    write_seed(seed, settings.embedding_model, {sentence_key("一句不在任何文件里的话。"): np.ones(embedder.dim)})
    from app.settings import get_settings

    monkeypatch.setenv("POLICYQA_VECTOR_SEED_PATH", str(seed))
    get_settings.cache_clear()  # the CLI reads the settings once per process
    assert main(["seed", str(corpus_copy)]) == 0
    assert main(["seed", str(tmp_path / "no-such-folder")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["seed", str(tmp_path / "empty")]) == 2  # no documents: the seed stays as it was
    # a seed that cannot be written (its folder is a file): said in Chinese
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    monkeypatch.setenv("POLICYQA_VECTOR_SEED_PATH", str(blocked / "seed.npz"))
    get_settings.cache_clear()
    assert main(["seed", str(corpus_copy)]) == 2
    assert blocked.read_text() == "x"
    get_settings.cache_clear()
    written = load_seed(seed, settings.embedding_model, embedder.dim)
    assert set(written) == set(map(sentence_key, corpus_sentences(load_corpus(corpus_copy)[0], settings)))
    err = capsys.readouterr().err
    assert "找不到文件夹" in err and "无法写入" in err and "没有可读取的文档" in err


def test_the_shipped_seed_covers_the_shipped_documents(tmp_path, embedder):
    """Keeps ``app/resources/sentence-vectors.npz`` in step with the shipped
    documents: a change to one must come with ``python -m app seed`` (see the
    README). The documents git tracks are read, copied: never what a user
    uploaded into the live corpus folder."""
    settings = Settings()
    shipped = set(load_seed(settings.vector_seed_path, settings.embedding_model, embedder.dim))
    assert shipped
    for n, folder in enumerate(settings.seed_folders):
        listed = subprocess.run(["git", "ls-files", "-z", str(folder.relative_to(PROJECT_ROOT))], cwd=PROJECT_ROOT,
                                capture_output=True, check=True).stdout.decode().split("\0")
        copy = tmp_path / str(n)
        copy.mkdir()
        for name in filter(None, listed):
            if (PROJECT_ROOT / name).suffix in (".txt", ".md", ".docx", ".pdf"):
                shutil.copy(PROJECT_ROOT / name, copy / Path(name).name)
        keys = set(map(sentence_key, corpus_sentences(load_corpus(copy)[0], settings)))
        assert keys, f"{folder}: no shipped document found"
        assert not keys - shipped, f"{folder}: {len(keys - shipped)} sentences not in the seed"
