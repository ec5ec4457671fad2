"""Faults on disk and in the corpus: detected, repaired, never served wrong.

Every test works on its own corpus copy and index folder."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import faiss
import numpy as np
import pytest

from app import texts as T
from app.embeddings import Embedder, load_embedder
from app.corpus import corpus_fingerprint, load_corpus
from app.index_store import IndexUnusable, _sha256_file, current_dir, ensure_index, expected_identity, verify
from app.pipeline import Pipeline
from app.settings import PROJECT_ROOT, Settings

QUESTIONS = [json.loads(line)["q"] for line in
             (PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()][:3]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(Settings())


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """The real corpus indexed once; tests start from a copy of it."""
    folder = tmp_path_factory.mktemp("built") / "index"
    ensure_index(Settings(index_dir=folder), embedder)
    return folder


@pytest.fixture
def private(tmp_path: Path, corpus_copy: Path, built_index: Path) -> Settings:
    shutil.copytree(built_index, tmp_path / "index")
    return Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")


def answers(pipeline: Pipeline) -> list[tuple[str, list[str]]]:
    out = []
    for q in QUESTIONS:
        a = pipeline.ask(q)
        out.append((a.answer, [c.chunk_id for c in a.citations]))
    return out


def _other_model_vectors(folder: Path) -> None:
    """Replace the vectors by another model's (different width) and make the
    checksums agree, as a copied or hand-edited index would."""
    dense = faiss.read_index(str(folder / "dense.faiss"))
    other = faiss.IndexFlatIP(dense.d * 2)
    other.add(np.ones((dense.ntotal, dense.d * 2), dtype=np.float32))
    faiss.write_index(other, str(folder / "dense.faiss"))
    rows = np.load(folder / "sentences.npy").shape[0]
    np.save(folder / "sentences.npy", np.ones((rows, dense.d * 2), dtype=np.float16))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name in ("dense.faiss", "sentences.npy"):
        manifest["checksums"][name] = _sha256_file(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _damage(folder: Path, how: str) -> None:
    if how == "truncate-dense":
        with (folder / "dense.faiss").open("r+b") as f:
            f.truncate(f.seek(0, 2) // 2)
    elif how == "truncate-sentences":
        with (folder / "sentences.npy").open("r+b") as f:
            f.truncate(128)
    elif how == "delete-docs":
        (folder / "docs.json").unlink()
    elif how == "manifest-of-other-model":
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["model_id"] = "some-other-embedding-model"
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    else:
        _other_model_vectors(folder)


@pytest.mark.parametrize("how", ["truncate-dense", "truncate-sentences", "delete-docs", "manifest-of-other-model",
                                 "vectors-of-other-model"])
def test_damaged_index_is_detected_rebuilt_and_never_served(private, how):
    serving = Pipeline(private)  # loaded in memory, as a running worker holds it
    before = answers(serving)
    damaged = serving.index.path
    identity = expected_identity(private, serving.index.manifest["corpus_hash"])
    _damage(damaged, how)
    if how == "vectors-of-other-model":
        verify(damaged, identity)  # checksums agree: only the vector width gives it away
    else:
        with pytest.raises(IndexUnusable):
            verify(damaged, identity)
    assert answers(serving) == before  # the running worker is unaffected
    restarted = Pipeline(private)  # a new worker must not load the damaged files
    assert restarted.index.path != damaged and not damaged.exists()
    assert answers(restarted) == before
    serving.reload()
    assert serving.index.path == restarted.index.path and answers(serving) == before


_BUILDER = textwrap.dedent("""
    import json, sys, time
    from app.embeddings import load_embedder
    from app.index_store import ensure_index
    from app.settings import Settings
    settings = Settings(corpus_dir=sys.argv[1], index_dir=sys.argv[2])
    embedder = load_embedder(settings)
    mode = sys.argv[3]
    def stall(label, done, total):
        print("embedding", flush=True)
        time.sleep(120)
    if mode == "stall":
        ensure_index(settings, embedder, progress=stall, force=True)
    else:
        go = sys.argv[4]
        print("ready", flush=True)
        while not __import__("os").path.exists(go):
            time.sleep(0.01)
        index, _, rebuilt = ensure_index(settings, embedder)
        print(json.dumps({"rebuilt": rebuilt, "path": str(index.path)}), flush=True)
""")


def _builder(settings: Settings, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _BUILDER, str(settings.corpus_dir), str(settings.index_dir), *args],
                            stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT)


def test_build_killed_halfway_leaves_previous_index_serving(private, embedder):
    before, _, _ = ensure_index(private, embedder)
    (private.corpus_dir / "extra.txt").write_text("新增的通知：全省设立知识产权服务站。", encoding="utf-8")
    proc = _builder(private, "stall")
    try:
        assert proc.stdout.readline().strip() == "embedding"  # mid-build, holding the lock
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert current_dir(private.index_dir) == before.path
    verify(before.path, before.manifest)  # the previous version is intact
    with (private.index_dir / ".lock").open("a") as handle:  # the dead builder's lock is gone
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(handle, fcntl.LOCK_UN)
    (private.corpus_dir / "extra.txt").unlink()
    again, _, rebuilt = ensure_index(private, embedder)
    assert not rebuilt and again.path == before.path
    rebuilt_index, _, _ = ensure_index(private, embedder, force=True)
    leftovers = [p.name for p in private.index_dir.iterdir() if p.name.startswith(("tmp-", "v-"))]
    assert leftovers == [rebuilt_index.path.name]


def test_two_builds_at_once_take_turns(private):
    shutil.rmtree(private.index_dir)
    go = private.index_dir.parent / "go"
    procs = [_builder(private, "race", str(go)) for _ in range(2)]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        go.touch()  # both enter ensure_index on an empty index folder together
        results = [json.loads(p.stdout.readline()) for p in procs]
    finally:
        for p in procs:
            p.kill()
            p.wait(timeout=30)
    assert sorted(r["rebuilt"] for r in results) == [False, True]
    assert results[0]["path"] == results[1]["path"]
    folders = [p.name for p in private.index_dir.iterdir() if p.is_dir()]
    assert folders == [Path(results[0]["path"]).name]
    docs, _ = load_corpus(private.corpus_dir)
    verify(Path(results[0]["path"]), expected_identity(private, corpus_fingerprint(docs)))


GB_TEXT = "关于兰州知识产权服务中心的通知\n兰州知识产权服务中心定于每周三下午开放咨询，地点在城关区科技大厦。\n"


def test_bad_corpus_files_are_reported_and_the_rest_works(private):
    corpus = private.corpus_dir
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (corpus / "gb.txt").write_bytes(GB_TEXT.encode("gb18030"))
    with (corpus / "huge.txt").open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing to write
    pipeline = Pipeline(private)
    issues = {i.doc_id: i.message for i in pipeline.corpus_issues}
    limit = round(private.max_corpus_file_bytes / 2**20, 1)
    assert issues == {
        "empty.txt": T.ERR_FILE_EMPTY.format(name="empty.txt"),
        "binary.txt": T.ERR_FILE_BINARY.format(name="binary.txt"),
        "huge.txt": T.ERR_FILE_TOO_LARGE.format(name="huge.txt", size=50.0, limit=limit),
    }
    assert pipeline.documents["gb.txt"]["encoding"] == "gb18030"
    assert pipeline.documents["gb.txt"]["text"] == GB_TEXT
    answer = pipeline.ask("兰州知识产权服务中心什么时候开放咨询？")
    assert answer.citations and answer.citations[0].doc == "gb.txt"
    assert not pipeline.ask(QUESTIONS[0]).refused


def test_file_removed_while_serving(private):
    extra = private.corpus_dir / "gb.txt"
    extra.write_bytes(GB_TEXT.encode("gb18030"))
    pipeline = Pipeline(private)
    question = "兰州知识产权服务中心什么时候开放咨询？"
    served = pipeline.ask(question)
    extra.unlink()
    assert pipeline.ask(question).answer == served.answer  # the loaded index still holds its text
    assert pipeline.reload() and "gb.txt" not in pipeline.documents
    assert all(c.doc != "gb.txt" for c in pipeline.ask(question).citations)
    live = pipeline.index.path
    for f in private.corpus_dir.iterdir():
        f.unlink()
    with pytest.raises(IndexUnusable, match=T.ERR_CORPUS_EMPTY):
        pipeline.reload()
    assert pipeline.index.path == live and not pipeline.ask(QUESTIONS[0]).refused


@pytest.mark.parametrize("workers", [1, 2])
def test_serving_an_empty_corpus_stops_with_the_reason(tmp_path, workers):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    script = ("import sys; from app.api import serve; from app.settings import Settings; "
              "serve(Settings(corpus_dir=sys.argv[1], index_dir=sys.argv[2]), port=1, workers=int(sys.argv[3]))")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "corpus"), str(tmp_path / "index"),
                           str(workers)], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2
    assert T.ERR_CORPUS_EMPTY in done.stderr and "Traceback" not in done.stderr
