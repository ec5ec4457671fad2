"""The library part of ``python -m app bench``: which answers count as citing
a deleted (or a new) document, the CPU time of a server and its workers,
and, on a small library, a load run during which the admin page deletes one
document and uploads another."""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.bench import Answered, citing, cpu_seconds, most_asked


def test_citing_splits_answers_by_when_their_question_was_sent() -> None:
    answered = [Answered(9.0, 1.0, frozenset({"a.txt", "b.txt"})), Answered(9.8, 1.0, frozenset({"a.txt"})),
                Answered(10.0, 1.0, frozenset({"b.txt"})), Answered(11.5, 1.0, frozenset({"a.txt"})),
                Answered(12.0, 1.0, frozenset())]
    assert citing(answered, "a.txt", since=10.0) == {"before": 2, "after": 1, "first_s": -1.0, "last_s": 1.5}
    # A question sent at the very moment counts as sent after it.
    assert citing(answered, "b.txt", since=10.0) == {"before": 1, "after": 1, "first_s": -1.0, "last_s": 0.0}
    assert citing(answered, "c.txt", since=10.0) == {"before": 0, "after": 0, "first_s": None, "last_s": None}


def test_most_asked_is_the_document_most_questions_name() -> None:
    rows = [{"docs": ["b.txt"]}, {"docs": ["a.txt", "b.txt"]}, {"docs": []}, {"refuse": True},
            {"docs": ["a.txt"]}, {"docs": ["c.txt"]}]
    assert most_asked(rows) == "a.txt"  # a and b tie at 2: by name
    assert most_asked(rows + [{"docs": ["b.txt"]}]) == "b.txt"


@pytest.mark.slow
def test_a_document_deleted_and_one_uploaded_mid_run(settings, tmp_path: Path) -> None:
    """Two workers over a library of two bases; while four clients ask, the
    admin page deletes a document of one base and uploads a notice. No
    error, no answer to a question sent after the deletion returned cites
    the deleted document, answers cite the new one, and both workers serve
    the change, though neither looks for a new index once a second."""
    from app.bench import (NOTICES, build_indexes, load_with_change, private_settings, question_rows,
                           start_server, stop_server)

    rows = question_rows(NOTICES / "questions.jsonl")
    asked = {doc for row in rows for doc in row.get("docs") or ()}
    # The shortest notices that questions ask about keep the build short.
    shortest = sorted((p for p in (NOTICES / "docs").glob("*.txt") if p.name in asked), key=lambda p: p.stat().st_size)
    kept, upload = shortest[:3], shortest[3]
    (tmp_path / "corpus" / "notices").mkdir(parents=True)
    shutil.copytree(settings.corpus_dir, tmp_path / "corpus" / "speech")
    for doc in kept:
        shutil.copy(doc, tmp_path / "corpus" / "notices" / doc.name)
    qs = [r["q"] for r in rows if {doc.name for doc in shortest[:4]} & set(r.get("docs") or ())]
    # No look at the index once a second: the worker that did not make a
    # change follows it before each question only.
    private = private_settings(tmp_path, data_dir=tmp_path / "data", index_watch_interval_s=0)
    build_indexes(private)
    # Served without the shipped vectors: the upload is embedded by a worker.
    proc, base = start_server(private.model_copy(update={"vector_seed_path": None}), workers=2, timeout_s=300,
                              log=tmp_path / "serve.log",
                              env={"GRADIO_TEMP_DIR": str(tmp_path / "gradio")})
    try:
        # A thread of its own: an earlier test of the session (the browser
        # tests' driver) may leave an event loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            run = pool.submit(asyncio.run, load_with_change(base, "notices", qs, clients=4, seconds=20, workers=2,
                                                            delete=kept[0].name, upload=upload)).result()
    finally:
        stop_server(proc)
    log = (tmp_path / "serve.log").read_text()
    assert run["change_within_run"] and run["errors"] == {} and run["answers"] > 0, log
    assert run["deleted"]["cited"]["after"] == 0, run["deleted"]
    assert run["uploaded"]["doc"] == upload.name and run["uploaded"]["cited"]["after"] > 0, run["uploaded"]
    assert len(run["workers_serving"]) == 2, run["workers_serving"]
    assert all(not w["deleted_served"] and w["uploaded_served"] for w in run["workers_serving"].values())


def test_cpu_seconds_counts_the_children_of_a_process() -> None:
    before = cpu_seconds(os.getpid())
    # A child that spins until it has used a second of CPU, however busy the machine.
    child = subprocess.Popen([sys.executable, "-c", "import time\nwhile time.process_time() < 1.0: pass"])
    try:
        used = 0.0
        while child.poll() is None and used <= 0.1:
            time.sleep(0.05)
            used = cpu_seconds(os.getpid()) - before
        assert used > 0.1  # the spinning child, while it lives
    finally:
        child.wait()


def test_a_partial_run_keeps_the_other_parts_and_when_they_ran(tmp_path: Path) -> None:
    from app import bench

    out, png = tmp_path / "bench.json", tmp_path / "bench.png"
    kept = json.loads((Path(bench.PROJECT_ROOT) / "eval" / "bench.json").read_text(encoding="utf-8"))["warm"]
    out.write_text(json.dumps({"warm": kept, "runs": {"warm": {"at": "2026-11-01T10:00:00", "load_avg_at_start": 0.5,
                                                                "load_avg_at_end": 0.7}}}), encoding="utf-8")
    assert bench.main(["--only", "build", "--out", str(out), "--chart", str(png), "--scales", ""]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["warm"] == kept and results["build"]["sentences"] > 0 and png.is_file()
    # the kept part keeps its own stamp; the part run gets a new one
    assert results["runs"]["warm"]["at"] == "2026-11-01T10:00:00"
    assert set(results["runs"]["build"]) == {"at", "load_avg_at_start", "load_avg_at_end"}
    assert "load_avg_at_start" not in results["machine"]
