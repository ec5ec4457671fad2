"""Answers to questions asked before, kept per index version.

An answer is a pure function of the question, the index version and the
settings: a class of fifty trainees asking the same suggested question, or
an office asking the day's question again, needs it computed once. A new
index version (an upload, a rebuild, another worker's change) has other
keys, so nothing is ever served from a version no longer current. The
pipeline keeps only stand-alone extractive answers: a follow-up depends on
its history, and an LLM answer may be a fallback after a passing failure.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from .answer import Answer

Key = tuple[str, str]  # (index version, question)


class AnswerCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self._answers: OrderedDict[Key, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key, qid: str | int | None, elapsed_ms: float) -> Answer | None:
        """A copy of the kept answer, with this request's id and its own
        timings (nothing was retrieved or chosen; "cached" marks it)."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is None:
                return None
            self._answers.move_to_end(key)
        return replace(answer, id=qid,
                       timings_ms={"retrieve": 0.0, "answer": 0.0, "total": elapsed_ms, "cached": 1.0})

    def put(self, key: Key, answer: Answer) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
