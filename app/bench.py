"""Benchmarks: ``python -m app bench`` (figures printed, saved to
eval/bench.json and plotted to eval/bench.png).

Everything runs on private copies (a temp corpus_dir/index_dir), never on the
working corpus/ and index/. Sections: index build, cold start and peak RSS of
a serving process, warm per-stage latency over the eval questions (the
speech's, and the IP-law library's over the library) against the irreducible
parts (one embedding, one FAISS search, one BM25 query), the same
questions beside a neighbour process that keeps every core busy, scale on
synthetic corpora recombined from the corpus' own sentences, and HTTP
throughput with concurrent clients on loopback: over the speech, and over
the IP-law library, once as it is and once while a document is deleted and
another uploaded through the admin page.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import signal
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    import httpx

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
LIBRARY_QUESTIONS = PROJECT_ROOT / "eval" / "library" / "questions.jsonl"
NOTICES = PROJECT_ROOT / "eval" / "corpora" / "notices"
LIBRARY_KB = "ip-law"
STAGES = ("retrieve_embed", "retrieve_faiss", "retrieve_bm25", "retrieve_fusion", "retrieve", "answer", "total")


# --- small helpers ---------------------------------------------------------------
def percentiles(values: list[float]) -> dict[str, float]:
    import numpy as np

    if not values:
        return {"n": 0}
    a = np.asarray(values, dtype=float)
    return {"n": len(values), "p50": round(float(np.percentile(a, 50)), 3),
            "p95": round(float(np.percentile(a, 95)), 3), "p99": round(float(np.percentile(a, 99)), 3),
            "mean": round(float(a.mean()), 3)}


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def question_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def questions(path: Path = QUESTIONS) -> list[str]:
    return [row["q"] for row in question_rows(path)]


def most_asked(rows: list[dict]) -> str:
    """The document the most questions are about (by name on a tie)."""
    counts: dict[str, int] = {}
    for row in rows:
        for doc in row.get("docs") or ():
            counts[doc] = counts.get(doc, 0) + 1
    return min(counts, key=lambda doc: (-counts[doc], doc))


def private_settings(root: Path, corpus_from: Path | None = None, **overrides: object) -> Settings:
    """Settings on folders under ``root``; the corpus is copied there. No
    answer cache unless asked for: the benchmarks ask the same questions
    round after round, and would time the cache instead of the pipeline."""
    corpus = root / "corpus"
    if corpus_from is not None and not corpus.exists():
        shutil.copytree(corpus_from, corpus)
    return Settings(corpus_dir=corpus, index_dir=root / "index", **{"answer_cache_size": 0, **overrides})


def say(text: str) -> None:
    print(text, flush=True)


# --- build, cold start, warm latency ------------------------------------------------
def bench_build(settings: Settings) -> dict:
    from .embeddings import load_embedder
    from .index_store import ensure_index

    t0 = time.perf_counter()
    embedder = load_embedder(settings)
    t1 = time.perf_counter()
    index, _, _ = ensure_index(settings, embedder, force=True)
    t2 = time.perf_counter()
    texts = [c.text for c in index.chunks][:128]
    t3 = time.perf_counter()
    embedder.embed_documents_np(texts)
    rate = len(texts) / (time.perf_counter() - t3)
    return {"model_load_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3), "chunks": len(index.chunks),
            "sentences": int(index.sentence_rows[-1]), "passages_per_s": round(rate, 1)}


_COLD = """
import json, resource, sys, time
t0 = time.perf_counter()
from app.pipeline import Pipeline
from app.settings import Settings
t1 = time.perf_counter()
p = Pipeline(Settings(corpus_dir=sys.argv[1], index_dir=sys.argv[2]), mmap=True)
t2 = time.perf_counter()
p.ask("测试")
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "first_answer_s": t3 - t2}), flush=True)
for line in open(sys.argv[3], encoding="utf-8"):
    if line.strip():
        p.ask(json.loads(line)["q"])
print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
"""


def bench_cold_start(settings: Settings) -> dict:
    """A fresh process to its first answer, the index already built; then
    its peak RSS after answering every eval question."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _COLD, str(settings.corpus_dir), str(settings.index_dir),
                             str(QUESTIONS)], stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT)
    assert proc.stdout is not None
    phases = json.loads(proc.stdout.readline())
    ready = time.perf_counter() - started
    memory = json.loads(proc.stdout.readline())
    proc.wait(timeout=600)
    return {"to_first_answer_s": round(ready, 3), **{k: round(v, 3) for k, v in phases.items()},
            "peak_rss_mb": round(memory["peak_rss_mb"], 1)}


def _timed_runs(argv: list[str], runs: int) -> dict:
    """Median wall seconds and peak RSS (MB) of a command, by /usr/bin/time -v."""
    walls, rss = [], []
    for _ in range(runs):
        done = subprocess.run(["/usr/bin/time", "-v", *argv], capture_output=True, text=True, cwd=PROJECT_ROOT)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+)\.(\d+)", done.stderr)
        kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        if wall and kb:
            walls.append(int(wall.group(1) or 0) * 60 + int(wall.group(2)) + float(f"0.{wall.group(3)}"))
            rss.append(int(kb.group(1)) / 1024)
    return {"wall_s": round(statistics.median(walls), 2), "peak_rss_mb": round(statistics.median(rss), 1),
            "runs": len(walls)}


def bench_cold_ask(runs: int = 5) -> dict:
    """``python -m app ask`` from a fresh process (the project's own index
    built) against the bare imports of its numeric core, measured alike."""
    if not Path("/usr/bin/time").exists():
        return {"skipped": "/usr/bin/time is missing (Debian package: time)"}
    baseline = _timed_runs([sys.executable, "-c", "import numpy, faiss, jieba"], runs)
    ask = _timed_runs([sys.executable, "-m", "app", "ask", "去年全省申请了多少件专利？"], runs)
    return {"baseline_imports": baseline, "cold_ask": ask,
            "ratio": round(ask["wall_s"] / baseline["wall_s"], 1) if baseline["wall_s"] else None}


def bench_library_build(work: Path, extra: Path) -> dict:
    """Build throughput on the IP-law library (its real, distinct sentences;
    every vector embedded afresh), then adding one more real document:
    only its own sentences are embedded."""
    from .embeddings import load_embedder
    from .index_store import ensure_index

    # No shipped vectors: the build and the added document are embedded.
    settings = private_settings(work / "library", corpus_from=PROJECT_ROOT / "corpus" / "ip-law",
                                vector_seed_path=None)
    embedder = load_embedder(settings)
    t0 = time.perf_counter()
    index, _, _ = ensure_index(settings, embedder, force=True)
    full_s = time.perf_counter() - t0
    embedded = index.manifest["n_embedded"]
    shutil.copy(extra, settings.corpus_dir / extra.name)
    t1 = time.perf_counter()
    grown, _, _ = ensure_index(settings, embedder)
    add_s = time.perf_counter() - t1
    return {"documents": len(index.docs), "sentences": index.manifest["n_sentences"], "embedded": embedded,
            "build_s": round(full_s, 1), "sentences_per_s": round(embedded / full_s, 1),
            "added_document_chars": len(extra.read_text(encoding="utf-8")),
            "added_embedded": grown.manifest["n_embedded"], "add_s": round(add_s, 2)}


def bench_warm(settings: Settings, qs: list[str], rounds: int) -> dict:
    """Per-stage latency of the whole pipeline (extractive), and the same
    question through only the irreducible parts right before it, so that
    noise from a shared machine hits both sides alike."""
    import numpy as np

    from .pipeline import Pipeline, QuestionError
    from .tokenize import index_tokens

    pipeline = Pipeline(settings, mmap=True)
    r = pipeline.retriever
    for q in qs[:20]:
        _ask(pipeline, q, QuestionError)
    stages: dict[str, list[float]] = {s: [] for s in STAGES}
    parts: dict[str, list[float]] = {"embed": [], "faiss": [], "bm25": []}
    ratios: list[float] = []
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            vec = pipeline.embedder.embed_query_np(q)
            t1 = time.perf_counter()
            pipeline.index.dense.search(vec[None, :], settings.candidate_k)
            t2 = time.perf_counter()
            tokens = index_tokens(q)
            if tokens:
                r.bm25.get_scores(tokens)
            t3 = time.perf_counter()
            answer = _ask(pipeline, q, QuestionError)
            if answer is None:
                continue
            for name, dt in zip(parts, (t1 - t0, t2 - t1, t3 - t2)):
                parts[name].append(dt * 1e3)
            for s in STAGES:
                stages[s].append(answer.timings_ms.get(s, 0.0))
            ratios.append(answer.timings_ms["total"] / ((t3 - t0) * 1e3))
    stages["retrieve_other"] = list(np.subtract(stages["retrieve"], np.sum(
        [stages[k] for k in ("retrieve_embed", "retrieve_faiss", "retrieve_bm25", "retrieve_fusion")], axis=0)))
    floor = [e + f + b for e, f, b in zip(parts["embed"], parts["faiss"], parts["bm25"])]
    stage_stats = {k: percentiles(v) for k, v in stages.items()}
    floor_stats = percentiles(floor)
    return {"questions": len(qs), "rounds": rounds, "stages_ms": stage_stats,
            "irreducible_ms": {k: percentiles(v) for k, v in parts.items()}, "irreducible_sum_ms": floor_stats,
            "pipeline_over_irreducible": {"p50": round(stage_stats["total"]["p50"] / floor_stats["p50"], 2),
                                          "p95": round(stage_stats["total"]["p95"] / floor_stats["p95"], 2),
                                          "median_per_question": round(float(np.median(ratios)), 2)}}


def _say_warm(w: dict) -> dict:
    for stage, st in w["stages_ms"].items():
        say(f"  {stage:16s} p50 {st['p50']:8.2f}  p95 {st['p95']:8.2f}  p99 {st['p99']:8.2f} ms")
    say(f"  不可再省部分 {w['irreducible_ms']}")
    say(f"  全流程 / 不可再省部分之和: {w['pipeline_over_irreducible']}")
    return w


def bench_neighbour(settings: Settings, qs: list[str]) -> dict:
    """Every question alone and beside a neighbour that keeps every core busy
    (one spinning process per core), in one warm process: what other jobs on
    a shared machine cost an answer. Rounds run quiet, neighbour, neighbour,
    quiet (the neighbour paused and resumed), so that a change in whatever
    else the machine runs weighs on both sides alike."""
    from .native_threads import cores
    from .pipeline import Pipeline, QuestionError

    pipeline = Pipeline(settings, mmap=True)
    for q in qs[:20]:
        _ask(pipeline, q, QuestionError)
    totals: dict[str, list[float]] = {"quiet": [], "neighbour": []}
    answers: dict[str, list[str]] = {"quiet": [], "neighbour": []}
    with cpu_neighbour(seconds=1800) as pids:
        for run in ("quiet", "neighbour", "neighbour", "quiet"):
            for pid in pids:
                os.kill(pid, signal.SIGCONT if run == "neighbour" else signal.SIGSTOP)
            time.sleep(1)  # the neighbour at full speed (or gone) first
            for q in qs:
                answer = _ask(pipeline, q, QuestionError)
                if answer is not None:
                    totals[run].append(answer.timings_ms["total"])
                    answers[run].append(answer.answer)
    quiet, busy = percentiles(totals["quiet"]), percentiles(totals["neighbour"])
    return {"questions": len(qs), "neighbour_processes": cores(), "threads": os.environ.get("OMP_NUM_THREADS"),
            "wait_policy": os.environ.get("OMP_WAIT_POLICY"), "quiet_ms": quiet, "neighbour_ms": busy,
            "neighbour_over_quiet": {k: round(busy[k] / quiet[k], 2) for k in ("p50", "p95")},
            "answers_identical": answers["quiet"] == answers["neighbour"]}


def _ask(pipeline, q: str, error: type[Exception]):
    try:
        return pipeline.ask(q)
    except error:
        return None


# --- scale ---------------------------------------------------------------------------
class ReusingEmbedder:
    """The real model, but each distinct text is embedded once. Synthetic
    corpora recombine the corpus' own sentences, and the index embeds
    sentences, so every vector is the real one while 100k passages stay
    affordable on 2 cores."""

    def __init__(self, real) -> None:
        self.real = real
        self.dim = real.dim
        self.cache: dict[str, object] = {}

    def embed_documents_np(self, texts: list[str]):
        import numpy as np

        missing = sorted(set(texts) - self.cache.keys())
        for text, vec in zip(missing, self.real.embed_documents_np(missing)):
            self.cache[text] = vec
        return np.stack([self.cache[t] for t in texts]).astype(np.float32)


def write_synthetic_corpus(source: Path, target: Path, n_chunks: int, target_chars: int, seed: int = 7) -> int:
    """Documents of real sentences in random order (fixed seed), written
    until the chunker makes at least ``n_chunks`` passages. Returns that count."""
    from .chunking import chunk_document, split_sentences
    from .corpus import Document, load_corpus

    docs, _ = load_corpus(source)
    pool = [d.text[s.start:s.end] for d in docs for s in split_sentences(d.text) if s.end - s.start >= 8]
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    made, n = 0, 0
    while made < n_chunks:
        paragraphs = []
        for _ in range(min(2000, max(20, (n_chunks - made) // 2 + 10))):
            paragraphs.append("".join(rng.choice(pool) for _ in range(rng.randint(2, 5))))
        text = f"合成文档{n + 1}\n" + "\n".join(paragraphs) + "\n"
        name = f"synthetic_{n + 1:04d}.txt"
        made += len(chunk_document(Document(name, text, "utf-8", ""), target_chars))
        (target / name).write_text(text, encoding="utf-8")
        n += 1
    return made


_SCALE = """
import json, sys
from app.bench import scale_run
print(json.dumps(scale_run(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))), flush=True)
"""


def scale_run(n_chunks: int, root: str, rounds: int) -> dict:
    """Build and query one synthetic corpus (runs in its own process so that
    its peak RSS is its own)."""
    import faiss
    import numpy as np

    from .embeddings import load_embedder
    from .index_store import ensure_index
    from .pipeline import Pipeline, QuestionError

    settings = private_settings(Path(root))
    write_synthetic_corpus(PROJECT_ROOT / "corpus" / "speech", settings.corpus_dir, n_chunks, settings.chunk_target_chars)
    real = load_embedder(settings)
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building may use every core ...
    t0 = time.perf_counter()
    embedder = ReusingEmbedder(real)
    index, _, _ = ensure_index(settings, embedder, force=True)
    build_s = time.perf_counter() - t0
    del index
    t1 = time.perf_counter()
    pipeline = Pipeline(settings, mmap=True)
    load_s = time.perf_counter() - t1
    qs = questions()
    t2 = time.perf_counter()
    _ask(pipeline, qs[0], QuestionError)  # the first question also pays one-off corpus-wide caches
    first_s = time.perf_counter() - t2
    for q in qs[1:10]:
        _ask(pipeline, q, QuestionError)
    timings: dict[str, list[float]] = {k: [] for k in ("retrieve", "total", "retrieve_embed", "retrieve_faiss",
                                                       "retrieve_bm25")}
    for _ in range(rounds):
        for q in qs:
            a = _ask(pipeline, q, QuestionError)
            if a is not None:
                for k, v in timings.items():
                    v.append(a.timings_ms[k])
    # What grows with the corpus: retrieval without the (size-independent) question embedding.
    search = [r - e for r, e in zip(timings["retrieve"], timings["retrieve_embed"])]
    out = {"chunks": len(pipeline.index.chunks), "requested": n_chunks, "documents": len(pipeline.index.docs),
           "vectors": pipeline.index.dense.ntotal, "dense_index": pipeline.index.manifest["dense_index"],
           "build_s": round(build_s, 2), "load_s": round(load_s, 2), "first_question_s": round(first_s, 2),
           "distinct_texts_embedded": len(embedder.cache),
           **{f"{k}_ms": percentiles(v) for k, v in timings.items()},
           "retrieve_without_embed_ms": percentiles(search), "peak_rss_mb": peak_rss_mb()}
    dense = pipeline.index.dense
    if hasattr(dense, "hnsw"):
        vecs = dense.reconstruct_n(0, dense.ntotal)
        exact = faiss.IndexFlatIP(vecs.shape[1])
        exact.add(vecs)
        qv = np.stack([pipeline.embedder.embed_query_np(q) for q in qs])
        out["hnsw_recall"] = {}
        # k = 4 x candidate_k is what dense_search asks FAISS for (sentence rows).
        # Synthetic corpora repeat sentences, so many vectors tie: a result
        # counts when it scores at least the exact k-th score (ties included).
        for k in sorted({settings.top_k, settings.candidate_k, settings.candidate_k * 4}):
            approx, _ = dense.search(qv, k)
            truth, _ = exact.search(qv, k)
            hits = sum(int(np.sum(a >= t[-1] - 1e-5)) for a, t in zip(approx, truth))
            out["hnsw_recall"][f"recall@{k}"] = round(hits / (k * len(qs)), 4)
        for name, index in (("hnsw", dense), ("exact", exact)):
            single = []
            for v in qv:
                t = time.perf_counter()
                index.search(v[None, :], settings.candidate_k * 4)
                single.append((time.perf_counter() - t) * 1e3)
            out[f"{name}_search_ms"] = percentiles(single)
    return out


def bench_scale(scales: list[int], rounds: int, work: Path) -> list[dict]:
    results = []
    for n in scales:
        root = work / f"scale-{n}"
        say(f"  规模 {n} 段：合成语料、建索引、查询……")
        proc = subprocess.run([sys.executable, "-c", _SCALE, str(n), str(root), str(rounds)],
                              capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=3600)
        if proc.returncode != 0:
            results.append({"requested": n, "error": proc.stderr[-2000:]})
        else:
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        shutil.rmtree(root, ignore_errors=True)
        say(f"    {json.dumps(results[-1], ensure_ascii=False)[:400]}")
    return results


# --- HTTP --------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_SERVE = """
import json, os, sys
from app.api import SETTINGS_ENV, serve
from app.settings import Settings
serve(Settings(**json.loads(os.environ.pop(SETTINGS_ENV))), host="127.0.0.1", port=int(sys.argv[1]),
      workers=int(sys.argv[2]))
"""


def start_server(settings: Settings, workers: int, timeout_s: float = 300, log: Path | None = None,
                 env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """The real ``serve`` with ``settings`` in a subprocess on a free loopback
    port (output to ``log``, ``env`` added to its environment); returns once
    every worker has answered /api/health: clients that connect while one
    worker is still starting all stay with the other. Rate limiting is off:
    every client here is 127.0.0.1."""
    import httpx

    from .api import SETTINGS_ENV, settings_to_env

    port = _free_port()
    env = {**os.environ, **(env or {}),
           SETTINGS_ENV: settings_to_env(settings.model_copy(update={"rate_limit_per_minute": 0}))}
    out = log.open("w") if log else subprocess.DEVNULL
    try:
        proc = subprocess.Popen([sys.executable, "-c", _SERVE, str(port), str(workers)], cwd=PROJECT_ROOT,
                                start_new_session=True, stdout=out, stderr=subprocess.STDOUT, env=env)
    finally:
        if log:
            out.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    answered: set[int] = set()
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited during start-up")
        try:
            health = httpx.get(f"{base}/api/health", timeout=2)  # a new connection: any worker may take it
            if health.status_code == 200:
                answered.add(health.json()["pid"])
                if len(answered) >= workers:
                    return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("server not ready in time")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server and its workers (its own process group, by id)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


_SPIN = """
import sys, time
end = time.monotonic() + float(sys.argv[1])
while time.monotonic() < end:
    pass
"""


@contextmanager
def cpu_neighbour(seconds: float, processes: int | None = None) -> Iterator[list[int]]:
    """A neighbour that keeps every core busy (one spinning process per core
    by default), as other jobs on a shared machine do. Each process stops by
    itself after ``seconds``, and is stopped, by its id, on leaving the block."""
    from .native_threads import cores

    procs = [subprocess.Popen([sys.executable, "-c", _SPIN, str(seconds)]) for _ in range(processes or cores())]
    try:
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            p.kill()
            p.wait()


@dataclass(frozen=True)
class Answered:
    """One answer of a load test: when its question was sent
    (``time.monotonic()``), how long it took and the documents its
    citations name."""
    started: float
    latency_ms: float
    docs: frozenset[str]


async def load_test(base: str, qs: list[str], clients: int, seconds: float, max_requests: int,
                    kb: str | None = None, answered: list[Answered] | None = None,
                    stop: asyncio.Event | None = None) -> dict:
    """``clients`` concurrent loops posting questions (to knowledge base
    ``kb``; the default one when None) until ``seconds`` pass (or, when
    given, until ``stop`` is set) or ``max_requests`` have been sent; each
    loop waits for its answer. Every answer is appended to ``answered``
    when one is given."""
    import httpx

    latencies: list[float] = []
    computed: list[float] = []  # answers not served from the answer cache
    in_pipeline: list[float] = []  # the server's own timings_ms.total
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.monotonic() + seconds

    async def client(i: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        j = i
        while (not stop.is_set() if stop else time.monotonic() < deadline) and sent < max_requests:
            sent += 1
            body = {"q": qs[j % len(qs)], "id": j, **({"kb": kb} if kb else {})}
            started = time.monotonic()
            t0 = time.perf_counter()
            try:
                r = await http.post("/api/ask", json=body)
                if r.status_code == 200 or r.status_code == 422:  # 422: a question the API rightly refuses
                    latencies.append((time.perf_counter() - t0) * 1e3)
                    if r.status_code == 200:
                        answer = r.json()
                        in_pipeline.append(answer["timings_ms"]["total"])
                        if not answer["timings_ms"].get("cached"):
                            computed.append(latencies[-1])
                        if answered is not None:
                            answered.append(Answered(started, latencies[-1],
                                                     frozenset(c["doc"] for c in answer["citations"])))
                else:
                    errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            j += clients

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(i, http) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return {"clients": clients, "seconds": round(elapsed, 2), "answers": len(latencies),
            "answers_per_s": round(len(latencies) / elapsed, 1), "errors": errors,
            "latency_ms": percentiles(latencies), "pipeline_ms": percentiles(in_pipeline),
            # A question asked before is answered from the worker's cache:
            # how the answers computed afresh fared, on their own.
            "latency_ms_computed": percentiles(computed)}


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process and its live descendants have used."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):  # gone meanwhile
            pass
    return total


def costed(server: subprocess.Popen, run: Callable[[], dict]) -> dict:
    """``run()``'s figures with the CPU time each answer cost the server and
    this process (the clients): on a machine other jobs share, what the
    cores could answer when free, as throughput and latency cannot say."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    served = cpu_seconds(server.pid)
    result = run()
    after = resource.getrusage(resource.RUSAGE_SELF)
    answers = max(1, result["answers"])
    return {**result, "server_cpu_ms_per_answer": round((cpu_seconds(server.pid) - served) * 1e3 / answers, 1),
            "client_cpu_ms_per_answer": round((after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime)
                                              * 1e3 / answers, 1)}


def bench_http(settings: Settings, qs: list[str], clients: int, seconds: float, workers: int) -> dict:
    proc, base = start_server(settings, workers)
    try:
        # One client alone first: what HTTP adds to the pipeline's own time.
        alone = asyncio.run(load_test(base, qs, 1, min(seconds, 10), max_requests=300))
        result = costed(proc, lambda: asyncio.run(load_test(base, qs, clients, seconds, max_requests=200_000)))
    finally:
        stop_server(proc)
    overhead = round(alone["latency_ms"]["p50"] - alone["pipeline_ms"]["p50"], 2)
    return {"workers": workers, **result, "single_client": alone, "http_overhead_ms_p50": overhead}


def citing(answered: list[Answered], doc: str, since: float) -> dict:
    """How many answers cite ``doc`` among those whose question was sent
    before ``since`` and from ``since`` on, and when the first and the last
    of them were sent (seconds from ``since``, negative before it)."""
    times = sorted(a.started - since for a in answered if doc in a.docs)
    return {"before": sum(t < 0 for t in times), "after": sum(t >= 0 for t in times),
            "first_s": round(times[0], 2) if times else None, "last_s": round(times[-1], 2) if times else None}


class AdminPage:
    """The admin tab of one knowledge base's web page (mounted at ``path``),
    driven over HTTP the way the page drives it: Gradio's queue (join, then
    read the event's messages until it completes). An action returns the
    page's last status, shown once the index is rebuilt and served. Each
    action keeps to one connection, so that all its requests reach the
    worker holding its queue."""

    def __init__(self, base: str, path: str, timeout_s: float = 900) -> None:
        self.base, self.path, self.timeout_s = base, path.rstrip("/"), timeout_s

    async def delete(self, doc_id: str) -> str:
        async with self._connection() as http:
            return await self._click(http, "pqa-delete", {"pqa-manage-doc": doc_id, "pqa-admin-password": ""})

    async def upload(self, file: Path) -> str:
        import mimetypes

        async with self._connection() as http:
            sent = await http.post(f"{self.path}/gradio_api/upload", files=[(
                "files", (file.name, file.read_bytes(), mimetypes.guess_type(file.name)[0] or "text/plain"))])
            sent.raise_for_status()
            data = {"path": sent.json()[0], "orig_name": file.name, "meta": {"_type": "gradio.FileData"}}
            return await self._click(http, "pqa-upload", {"pqa-upload-file": data, "pqa-admin-password": ""})

    def _connection(self) -> httpx.AsyncClient:
        import httpx

        return httpx.AsyncClient(base_url=self.base, timeout=self.timeout_s, limits=httpx.Limits(max_connections=1))

    async def _click(self, http: httpx.AsyncClient, button: str, values: dict[str, object]) -> str:
        """Click ``button`` with the page's inputs set to ``values`` (by element id)."""
        import html
        import uuid

        config = (await http.get(f"{self.path}/config")).raise_for_status().json()
        ids = {c["props"]["elem_id"]: c["id"] for c in config["components"] if c.get("props", {}).get("elem_id")}
        names = {i: name for name, i in ids.items()}
        event = next(d for d in config["dependencies"] if [ids[button], "click"] in d["targets"])
        session = uuid.uuid4().hex
        joined = await http.post(f"{self.path}/gradio_api/queue/join", json={
            "data": [values[names[i]] for i in event["inputs"]], "fn_index": event["id"],
            "trigger_id": ids[button], "session_hash": session, "event_data": None})
        joined.raise_for_status()
        async with http.stream("GET", f"{self.path}/gradio_api/queue/data", params={"session_hash": session}) as stream:
            async for line in stream.aiter_lines():
                message = json.loads(line[5:]) if line.startswith("data:") else {}
                if message.get("msg") != "process_completed":
                    continue
                status = str(((message.get("output") or {}).get("data") or [""])[0])
                text = html.unescape(re.sub(r"<[^>]+>", " ", status)).strip()
                if not message.get("success") or "pqa-error" in status:
                    raise RuntimeError(f"{button}: {text or message}")
                return text
        raise RuntimeError(f"{button}: the event ended without completing")


async def serving_workers(base: str, kb: str, workers: int, attempts: int = 200) -> dict[int, list[str]]:
    """The documents each serving process answers ``kb`` from, by process
    id. A connection stays with the worker that accepted it, so each attempt
    is a fresh one, until every worker has answered (under load they take
    turns accepting) or the attempts run out."""
    import httpx

    seen: dict[int, list[str]] = {}
    for _ in range(attempts):
        if len(seen) >= workers:
            break
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=1)) as http:
            pid = (await http.get("/api/health")).json()["pid"]
            if pid not in seen:
                seen[pid] = [d["doc_id"] for d in (await http.get("/api/documents", params={"kb": kb})).json()]
    return seen


async def load_with_change(base: str, kb: str, qs: list[str], clients: int, seconds: float, workers: int,
                           delete: str, upload: Path) -> dict:
    """A load test on ``kb`` during which, a sixth of ``seconds`` in, the
    admin page deletes ``delete`` and then uploads ``upload``, each waiting
    until the page reports the index rebuilt; the load goes on for the
    other five sixths after that, however long the rebuilds took. No answer
    to a question sent after the deletion returned may cite the deleted
    document; answers citing the uploaded one should follow its upload."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        default = next(k["default"] for k in (await http.get("/api/kbs")).json() if k["name"] == kb)
        before = {d["doc_id"] for d in (await http.get("/api/documents", params={"kb": kb})).json()}
    page = AdminPage(base, "" if default else f"/kb/{kb}")
    answered: list[Answered] = []
    start = time.monotonic()
    stop = asyncio.Event()
    load = asyncio.create_task(load_test(base, qs, clients, seconds, 200_000, kb=kb, answered=answered, stop=stop))
    await asyncio.sleep(seconds / 6)
    delete_sent = time.monotonic()
    delete_status = await page.delete(delete)
    deleted_at = upload_sent = time.monotonic()
    upload_status = await page.upload(upload)
    uploaded_at = time.monotonic()
    # Asked while the clients still run, so that every worker is accepting.
    serving = await serving_workers(base, kb, workers)
    await asyncio.sleep(seconds * 5 / 6)
    stop.set()
    result = await load
    added = sorted({d for docs in serving.values() for d in docs} - before)
    new_doc = added[0] if len(added) == 1 else ""
    during = [a.latency_ms for a in answered if delete_sent <= a.started < uploaded_at]
    outside = [a.latency_ms for a in answered if not delete_sent <= a.started < uploaded_at]
    return {**result, "change_within_run": uploaded_at - start <= result["seconds"],
            "latency_ms_during_change": percentiles(during), "latency_ms_outside_change": percentiles(outside),
            "deleted": {"doc": delete, "sent_s": round(delete_sent - start, 2),
                        "returned_s": round(deleted_at - start, 2), "status": delete_status,
                        "cited": citing(answered, delete, deleted_at)},
            "uploaded": {"file": upload.name, "doc": new_doc, "sent_s": round(upload_sent - start, 2),
                         "returned_s": round(uploaded_at - start, 2), "status": upload_status,
                         "cited": citing(answered, new_doc, uploaded_at) if new_doc else None},
            "workers_serving": {str(pid): {"documents": len(docs), "deleted_served": delete in docs,
                                           "uploaded_served": bool(new_doc) and new_doc in docs}
                                for pid, docs in serving.items()}}


def build_indexes(settings: Settings) -> None:
    """Every knowledge base's index, built here (all cores) rather than in
    a starting server (a worker's share of them)."""
    from .embeddings import load_embedder
    from .index_store import ensure_index
    from .kb import discover

    embedder = load_embedder(settings)
    for kb in discover(settings)[0]:
        ensure_index(kb.settings, embedder)


def bench_http_library(work: Path, clients: int, seconds: float, workers: int) -> dict:
    """HTTP load on the IP-law library served beside the speech, as the
    project serves them, with the library's own questions: a single client,
    then ``clients`` at once, then ``clients`` again while the document
    most of the questions are about is deleted and the notice most of the
    notices' questions are about is uploaded (its questions join the mix)."""
    root = work / "library-http"
    settings = private_settings(root, corpus_from=PROJECT_ROOT / "corpus", data_dir=root / "data")
    build_indexes(settings)
    rows, notices = question_rows(LIBRARY_QUESTIONS), question_rows(NOTICES / "questions.jsonl")
    qs = [r["q"] for r in rows]
    deleted, added = most_asked(rows), most_asked(notices)
    mixed = qs + [r["q"] for r in notices if added in (r.get("docs") or ())]
    load_avg = os.getloadavg()[0]
    # Served without the shipped vectors: the uploaded notice is embedded
    # by the worker that takes it, as any user's document would be.
    proc, base = start_server(settings.model_copy(update={"vector_seed_path": None}), workers,
                              log=root / "serve.log", env={"GRADIO_TEMP_DIR": str(root / "gradio")})
    try:
        alone = asyncio.run(load_test(base, qs, 1, min(seconds, 10), max_requests=300, kb=LIBRARY_KB))
        steady = costed(proc, lambda: asyncio.run(load_test(base, qs, clients, seconds, max_requests=200_000,
                                                            kb=LIBRARY_KB)))
        changed = asyncio.run(load_with_change(base, LIBRARY_KB, mixed, clients, seconds, workers, deleted,
                                               NOTICES / "docs" / added))
    finally:
        stop_server(proc)
    return {"kb": LIBRARY_KB, "workers": workers, "questions": len(qs), "load_avg_at_start": load_avg,
            "load_avg_at_end": os.getloadavg()[0], "single_client": alone, "steady": steady,
            "with_change": changed}


# --- report --------------------------------------------------------------------------
def _load_line(run: dict) -> str:
    lat = run["latency_ms"]
    cost = (f"；每个回答耗 CPU：服务端 {run['server_cpu_ms_per_answer']} ms，客户端 {run['client_cpu_ms_per_answer']} ms"
            if "server_cpu_ms_per_answer" in run else "")
    fresh = run.get("latency_ms_computed") or {}
    computed = (f"；其中新算的 {fresh['n']} 个 p50 {fresh.get('p50')} / p95 {fresh.get('p95')} ms"
                if fresh.get("n") and fresh["n"] < run["answers"] else "")
    return (f"每秒 {run['answers_per_s']} 个回答（共 {run['answers']} 个），错误 {sum(run['errors'].values())} 个"
            f"{run['errors'] or ''}，耗时 p50 {lat.get('p50')} / p95 {lat.get('p95')} / p99 {lat.get('p99')} ms"
            f"{computed}{cost}")


def _relative(seconds: float | None) -> str:
    if seconds is None:
        return "——"
    return f"完成{'前' if seconds < 0 else '后'} {abs(seconds):.2f} 秒"


def _change_lines(run: dict) -> list[str]:
    deleted, uploaded = run["deleted"], run["uploaded"]
    gone, new = deleted["cited"], uploaded["cited"] or {}
    lines = [f"删除 {deleted['doc']}：第 {deleted['sent_s']} 秒发出，第 {deleted['returned_s']} 秒完成；"
             f"完成后发出的问题，回答引用它的 {gone['after']} 个（完成前 {gone['before']} 个，"
             f"最后一个发出于{_relative(gone['last_s'])}）",
             f"上传 {uploaded['file']}：第 {uploaded['sent_s']} 秒发出，第 {uploaded['returned_s']} 秒完成；"
             f"引用它的回答完成后发出 {new.get('after', 0)} 个、完成前 {new.get('before', 0)} 个"
             f"（第一个发出于{_relative(new.get('first_s'))}）"]
    lines += [f"服务进程 {pid}：{w['documents']} 份文件，已删文件{'仍在' if w['deleted_served'] else '已不在'}，"
              f"新文件{'已在' if w['uploaded_served'] else '不在'}" for pid, w in run["workers_serving"].items()]
    if not run["change_within_run"]:
        lines.append("注意：变更在负载结束之后才完成")
    return lines


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    warm = results.get("warm", {})
    if warm:
        names = [s for s in (*STAGES, "retrieve_other") if s in warm["stages_ms"]]
        p50 = [warm["stages_ms"][s]["p50"] for s in names]
        p95 = [warm["stages_ms"][s]["p95"] for s in names]
        x = range(len(names))
        axes[0].bar([i - 0.2 for i in x], p50, 0.4, label="p50")
        axes[0].bar([i + 0.2 for i in x], p95, 0.4, label="p95")
        axes[0].set_xticks(list(x), [n.replace("retrieve_", "r.") for n in names], rotation=30)
        axes[0].set_ylabel("ms")
        axes[0].set_title(f"Warm extractive, per stage (whole/irreducible p95 = "
                          f"{warm['pipeline_over_irreducible']['p95']}x)")
        axes[0].legend()
    scale = [s for s in results.get("scale", []) if "chunks" in s]
    if scale:
        n = [s["chunks"] for s in scale]
        axes[1].plot(n, [s["retrieve_ms"]["p95"] for s in scale], "o-", label="retrieve p95 (ms)")
        axes[1].plot(n, [s["retrieve_without_embed_ms"]["p95"] for s in scale], "o:",
                     label="retrieve minus query embedding p95 (ms)")
        axes[1].plot(n, [s["total_ms"]["p95"] for s in scale], "s-", label="total p95 (ms)")
        axes[1].plot(n, [s["build_s"] for s in scale], "^--", label="build (s)")
        axes[1].set_xscale("log")
        axes[1].set_yscale("log")
        axes[1].set_xlabel("chunks")
        axes[1].set_title("Scale (synthetic corpora)")
        axes[1].legend()
    library = results.get("http_library", {})
    runs = [(name, run) for name, run in (
        ("speech", results.get("http")), ("ip-law", library.get("steady")),
        ("ip-law, doc deleted + uploaded", library.get("with_change"))) if run]
    if runs:
        workers = (results.get("http") or library)["workers"]
        width = 0.8 / len(runs)
        for k, (name, run) in enumerate(runs):
            lat = run["latency_ms"]
            axes[2].bar([i + (k - (len(runs) - 1) / 2) * width for i in range(3)],
                        [lat.get("p50", 0), lat.get("p95", 0), lat.get("p99", 0)], width,
                        label=f"{name}: {run['answers_per_s']}/s, errors {sum(run['errors'].values())}")
        axes[2].set_xticks(range(3), ["p50", "p95", "p99"])
        axes[2].set_ylabel("ms")
        axes[2].set_title(f"HTTP: {runs[0][1]['clients']} clients, {workers} workers")
        axes[2].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app bench", description="性能基准（结果写入 eval/bench.json）")
    parser.add_argument("--scales", default="1000,10000,100000", help="合成语料的段落数，逗号分隔；空则跳过")
    parser.add_argument("--rounds", type=int, default=2, help="每个问题重复的轮数")
    parser.add_argument("--clients", type=int, default=50, help="并发客户端数；0 跳过 HTTP 测试")
    parser.add_argument("--seconds", type=float, default=60, help="HTTP 测试时长（秒）")
    parser.add_argument("--workers", type=int, default=2, help="HTTP 测试的服务进程数")
    parser.add_argument("--only", default="",
                        help="只运行这些部分（逗号分隔：build,cold,warm,warm-library,neighbour,scale,http,http-library,library）；"
                             "其余部分保留结果文件中原有的数字")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "eval" / "bench.json")
    parser.add_argument("--chart", type=Path, default=PROJECT_ROOT / "eval" / "bench.png")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    qs = questions()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    # A partial run replaces its own parts' figures and keeps the others'.
    results: dict = json.loads(args.out.read_text(encoding="utf-8")) if only and args.out.exists() else {}
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                          "omp_num_threads": os.environ.get("OMP_NUM_THREADS")}
    # When and under what load each part ran: a partial run stamps only its
    # own parts, so kept figures keep the conditions they were measured in.
    runs: dict = results.setdefault("runs", {})

    def wanted(part: str) -> bool:
        if only and part not in only:
            return False
        runs[part] = {"at": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_avg_at_start": os.getloadavg()[0]}
        return True

    def done(part: str) -> None:
        runs[part]["load_avg_at_end"] = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="policyqa-bench-") as tmp:
        work = Path(tmp)
        settings = private_settings(work / "real", corpus_from=PROJECT_ROOT / "corpus" / "speech")
        if wanted("build"):
            say("索引构建……")
            results["build"] = bench_build(settings)
            say(f"  {results['build']}")
            done("build")
        if wanted("library"):
            say("法规库索引构建（真实、互不重复的句子），再加入一份文件……")
            extra = max((PROJECT_ROOT / "eval" / "corpora" / "notices" / "docs").glob("*.txt"),
                        key=lambda p: len(p.read_text(encoding="utf-8")))
            results["library_build"] = bench_library_build(work, extra)
            say(f"  {results['library_build']}")
            done("library")
        if wanted("cold"):
            say("冷启动……")
            results["cold_start"] = bench_cold_start(settings)
            results["cold_ask"] = bench_cold_ask()
            say(f"  {results['cold_start']}\n  {results['cold_ask']}")
            done("cold")
        if wanted("warm"):
            say(f"热态逐题耗时（{len(qs)} 题 × {args.rounds} 轮）……")
            results["warm"] = _say_warm(bench_warm(settings, qs, args.rounds))
            done("warm")
        if wanted("warm-library"):
            lib_qs = questions(LIBRARY_QUESTIONS)
            say(f"法规库热态逐题耗时（{len(lib_qs)} 题 × {args.rounds} 轮）……")
            lib = private_settings(work / "library-warm", corpus_from=PROJECT_ROOT / "corpus" / LIBRARY_KB)
            results["warm_library"] = _say_warm(bench_warm(lib, lib_qs, args.rounds))
            done("warm-library")
        if wanted("neighbour"):
            say("同一批问题：单独运行，与占满全部 CPU 核的邻居进程同时运行（各两轮）……")
            results["neighbour"] = n = bench_neighbour(settings, qs)
            say(f"  单独 p50 {n['quiet_ms']['p50']:.1f} / p95 {n['quiet_ms']['p95']:.1f} ms；"
                f"有邻居 p50 {n['neighbour_ms']['p50']:.1f} / p95 {n['neighbour_ms']['p95']:.1f} ms；"
                f"倍数 {n['neighbour_over_quiet']}；回答一致：{n['answers_identical']}")
            done("neighbour")
        if scales and wanted("scale"):
            say("规模测试……")
            results["scale"] = bench_scale(scales, 1, work)
            done("scale")
        if args.clients > 0 and wanted("http"):
            say(f"HTTP：{args.clients} 个并发客户端，{args.seconds:.0f} 秒，{args.workers} 个服务进程……")
            results["http"] = bench_http(settings, qs, args.clients, args.seconds, args.workers)
            say(f"  {results['http']}")
            done("http")
        if args.clients > 0 and wanted("http-library"):
            say(f"法规库 HTTP：{args.clients} 个并发客户端，各 {args.seconds:.0f} 秒，{args.workers} 个服务进程"
                f"（先建两个资料库的索引）……")
            results["http_library"] = h = bench_http_library(work, args.clients, args.seconds, args.workers)
            say(f"  单个客户端：{_load_line(h['single_client'])}")
            say(f"  {args.clients} 个客户端：{_load_line(h['steady'])}")
            say(f"  同时删除一份文件、上传一份新文件：{_load_line(h['with_change'])}")
            for line in _change_lines(h["with_change"]):
                say(f"    {line}")
            done("http-library")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    chart(results, args.chart)
    say(f"结果已写入 {args.out} 和 {args.chart}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
