"""A serving process follows index/CURRENT: a version built by another
process is verified and served after one look; a damaged one is not."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.index_store import current_dir
from app.index_watch import IndexWatcher
from app.pipeline import Pipeline
from app.settings import Settings

NEW_DOC = "公告.txt"
NEW_TEXT = "城市更新公告\n一、目标\n今年完成老旧小区改造三十个。\n"
NEW_QUESTION = "今年完成老旧小区改造多少个？"


def _from_new_doc(answer) -> bool:
    return not answer.refused and "三十个" in answer.answer and {c.doc for c in answer.citations} == {NEW_DOC}


@pytest.fixture
def two(tmp_path: Path, corpus_copy: Path) -> tuple[Pipeline, Pipeline, IndexWatcher]:
    """A builder (another process, in effect) and a follower on one index."""
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    builder = Pipeline(settings)
    follower = Pipeline(settings, mmap=True)
    return builder, follower, IndexWatcher(follower, interval_s=0)


def test_a_version_built_elsewhere_is_served_after_one_look(two):
    builder, follower, watcher = two
    assert not watcher.check()  # nothing new
    before = follower.index.path
    assert not _from_new_doc(follower.ask(NEW_QUESTION))
    (follower.settings.corpus_dir / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
    assert builder.reload()
    assert follower.index.path == before  # nothing moves until it looks
    assert watcher.check()
    assert follower.index.path == builder.index.path == current_dir(follower.settings.index_dir)
    assert _from_new_doc(follower.ask(NEW_QUESTION))
    assert NEW_DOC in follower.documents and not watcher.check()


def test_a_damaged_version_is_not_served(two):
    builder, follower, watcher = two
    served = follower.index.path
    (follower.settings.corpus_dir / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
    builder.reload()
    with (builder.index.path / "chunks.json").open("a", encoding="utf-8") as f:
        f.write(" ")
    assert not watcher.check()
    assert follower.index.path == served and not follower.ask("去年全省申请了多少件专利？").refused
    builder.reload(force=True)  # a sound version replaces it
    assert watcher.check() and _from_new_doc(follower.ask(NEW_QUESTION))


@pytest.mark.slow
def test_every_worker_serves_a_build_made_by_another_process(settings, pipeline, tmp_path, corpus_copy):
    """Two workers; ``python -m app build`` in a third process after a new
    document lands in the corpus. Asked over and over, each worker answers
    as before until it serves the new version, then from the new document:
    nothing else, and no error, in between."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    import httpx

    from app.bench import start_server, stop_server
    from app.settings import PROJECT_ROOT

    index_dir = tmp_path / "index"
    shutil.copytree(settings.index_dir, index_dir, ignore=shutil.ignore_patterns(".lock"))  # current: no rebuild
    private = settings.model_copy(update={"corpus_dir": corpus_copy, "index_dir": index_dir})
    proc, base = start_server(private, workers=2, timeout_s=300, log=tmp_path / "serve.log")
    seen: list[tuple[int, str, str]] = []  # (worker pid, index version, answer)

    def ask() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:  # a new connection: either worker
            r = http.post("/api/ask", json={"q": NEW_QUESTION})
            assert r.status_code == 200, r.text
            data = r.json()
            # After the answer: a worker that answered from the new version serves it still.
            health = http.get("/api/health").json()
            new = {c["doc"] for c in data["citations"]} == {NEW_DOC} and "三十个" in data["answer"]
            seen.append((health["pid"], health["index_version"], "new" if new else data["answer"]))

    try:
        while len({pid for pid, _, _ in seen}) < 2:
            ask()
        old = {answer for _, _, answer in seen}
        assert "new" not in old and len(old) == 1
        (corpus_copy / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
        env = {**os.environ, "POLICYQA_CORPUS_DIR": str(corpus_copy), "POLICYQA_INDEX_DIR": str(index_dir)}
        built = subprocess.run([sys.executable, "-m", "app", "build"], cwd=PROJECT_ROOT, env=env,
                               capture_output=True, text=True, timeout=300)
        assert built.returncode == 0 and "已重建" in built.stdout, built.stderr
        done, deadline = time.monotonic(), time.monotonic() + 120
        mark = len(seen)
        while {pid for pid, _, answer in seen[mark:] if answer == "new"} != {pid for pid, _, _ in seen}:
            assert time.monotonic() < deadline, seen[mark:]
            ask()
        print(f"\nboth workers answer from the new document {time.monotonic() - done:.1f} s after the build")
    finally:
        stop_server(proc)
    assert {answer for _, _, answer in seen} == old | {"new"}
    new_version = current_dir(index_dir).name
    assert all(version == new_version for _, version, answer in seen if answer == "new")


def test_a_look_while_this_process_rebuilds_leaves_the_swap_to_the_rebuild(two):
    builder, follower, watcher = two
    served = follower.index.path
    (follower.settings.corpus_dir / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
    builder.reload()
    with follower.changing:  # the follower is itself building or loading a version
        assert not watcher.check()
        assert follower.index.path == served
    assert watcher.check() and follower.index.path == builder.index.path


def test_a_started_watcher_looks_before_each_question_whatever_shell_asks(two):
    builder, follower, watcher = two
    watcher.start()  # interval 0: no thread, only the look before each question
    (follower.settings.corpus_dir / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
    assert builder.reload()
    # the web UI and the CLI call stream/ask directly, as the API does
    assert _from_new_doc(follower.ask(NEW_QUESTION))
    assert follower.index.path == builder.index.path
