"""Background re-indexing: one rebuild at a time, the old index serving
until the new one is swapped in."""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace


@dataclass
class ReindexStatus:
    running: bool = False
    stage: str = ""
    done: int = 0
    total: int = 0
    error: str = ""
    runs: int = 0  # finished runs, so a caller can tell a new result from an old one


class Reindexer:
    """Runs ``pipeline.reload()`` in one background thread at a time. The
    pipeline keeps answering from the old index until the new one is swapped in."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self._status = ReindexStatus()
        self._thread: threading.Thread | None = None

    def status(self) -> ReindexStatus:
        with self._lock:
            return replace(self._status)

    def start(self) -> bool:
        """Start a re-index unless one is running; True if started."""
        with self._lock:
            if self._status.running:
                return False
            self._status = ReindexStatus(running=True, runs=self._status.runs)
        self._thread = threading.Thread(target=self._run, name="policyqa-reindex", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _progress(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._status.stage, self._status.done, self._status.total = stage, done, total

    def _run(self) -> None:
        error = ""
        try:
            self.pipeline.reload(progress=self._progress)
        except Exception as exc:  # keep serving the old index, say why
            error = str(exc) or exc.__class__.__name__
        with self._lock:
            self._status.running = False
            self._status.error = error
            self._status.runs += 1
