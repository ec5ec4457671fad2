"""Per-client token buckets: a burst of requests, refilled at a steady rate.

State lives in the worker process. With several workers or hosts the
effective limit is per worker; a proxy in front (nginx ``limit_req``) is the
place for one global limit.
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from typing import Callable


class RateLimiter:
    """``check(client)`` returns 0 when the request may proceed, else the
    whole seconds to wait. Memory is bounded: the least recently seen
    clients are forgotten first (a forgotten client starts with a full bucket,
    which is what an idle client would have anyway)."""

    def __init__(self, per_minute: int, burst: int, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, at)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def check(self, client: str) -> int:
        if not self.enabled:
            return 0
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                wait = 0
            else:
                self._buckets[client] = (tokens, now)
                wait = max(1, math.ceil((1.0 - tokens) / self.rate))
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return wait
