"""Every serving process follows the index on disk.

An upload re-indexes in the worker that received it, and ``python -m app
build`` in another process; either way ``index/CURRENT`` is replaced
atomically to name the new ``v-*`` folder. Each worker reads that pointer at
most once per ``index_watch_interval_s`` (a file of a few bytes) and, when it
names another folder than the one served, verifies the folder (manifest,
checksums, the model's dimension) and swaps it in as ``Pipeline.reload``
does. It never builds: the process that changed the corpus does that.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from .corpus import load_corpus
from .index_store import IndexUnusable, LoadedIndex, current_dir, expected_identity, load, read_manifest, verify
from .pipeline import Pipeline

log = logging.getLogger("policyqa.index_watch")


def load_verified(path: Path, pipeline: Pipeline, mmap: bool) -> LoadedIndex:
    """The index in ``path`` if it is whole and made with these settings and
    this model, for whatever corpus its manifest names; else IndexUnusable."""
    settings = pipeline.settings
    identity = expected_identity(settings, str(read_manifest(path).get("corpus_hash", "")))
    index = load(path, verify(path, identity), mmap)
    if index.dense.d != pipeline.embedder.dim or index.sentence_vecs.shape[1:] != (pipeline.embedder.dim,):
        raise IndexUnusable(f"vectors of another model in {path.name}")
    return index


class IndexWatcher:
    """Swaps in the version ``CURRENT`` names when it changes. ``check()``
    does one look; ``start()`` looks every ``interval_s`` in a daemon thread."""

    def __init__(self, pipeline: Pipeline, interval_s: float, mmap: bool = True) -> None:
        self.pipeline, self.interval_s, self.mmap = pipeline, interval_s, mmap
        self._refused = ""  # a version that failed verification is not re-read every second
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._checking = threading.Lock()

    def check(self) -> bool:
        """Serve the current version if it is another one; True if swapped.
        Callers at once take turns: one loads a new version, the others
        then find it served. While this process builds or loads a version
        itself (an upload's reload), the look is skipped: that reload
        serves the newest version when it is done, and a question does not
        wait for it."""
        with self._checking:
            if not self.pipeline.changing.acquire(blocking=False):
                return False
            try:
                return self._check()
            finally:
                self.pipeline.changing.release()

    def follow(self) -> None:
        """``check()``, a failure logged: the version served stays."""
        try:
            self.check()
        except Exception:  # never let a look fail its caller: the next one may succeed
            log.exception("index watch failed")

    def _check(self) -> bool:
        settings = self.pipeline.settings
        path = current_dir(settings.index_dir)
        if path is None or path.name in (self.pipeline.index.path.name, self._refused):
            return False
        try:
            index = load_verified(path, self.pipeline, self.mmap)
        except IndexUnusable as exc:
            # Pruned by a newer build meanwhile, or damaged: keep serving ours.
            log.warning("index %s not taken: %s", path.name, exc)
            self._refused = path.name
            return False
        _, issues = load_corpus(settings.corpus_dir, max_bytes=settings.max_corpus_file_bytes)
        self.pipeline.use_index(index, issues)
        log.info("now serving index %s", path.name)
        return True

    def start(self) -> None:
        """Look before each question the pipeline answers, and every
        ``interval_s`` (when above 0) in a daemon thread."""
        self.pipeline.follower = self.follow
        if self.interval_s > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="policyqa-index-watch", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.follow()
