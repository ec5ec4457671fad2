"""LLM mode: any OpenAI-compatible endpoint writes the answer from numbered
passages; every sentence is then checked against the passages it cites.
The answerer only reports what the model said (a refusal, the supported
sentences, or nothing usable); the pipeline decides what the user gets.
Never hangs: the HTTP stream runs in a worker thread and is abandoned at the
deadline."""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator

from . import texts as T
from .grounding import MARKER, SentenceCheck, check_answer, strip_markers
from .settings import Settings
from .textnorm import compare_form

_DONE = object()


@dataclass
class LLMReply:
    """What came of one call: ``refused``, or the supported sentences
    (``kept``; empty means fall back) and how many were dropped."""
    refused: bool = False
    kept: list[SentenceCheck] = field(default_factory=list)
    dropped: int = 0


class LLMUnavailable(Exception):
    pass


def is_refusal(text: str) -> bool:
    """The model's answer is the fixed refusal sentence and (nearly) nothing
    else; a longer text that merely contains it (an echoed prompt) is not."""
    body = compare_form(strip_markers(text))
    refusal = compare_form(T.REFUSAL_TEXT)
    return refusal in body and len(body) - len(refusal) <= 6


def build_messages(question: str, passages: dict[int, str]) -> list[tuple[str, str]]:
    """(role, content) pairs. The question only ever goes into the user turn,
    so nothing it says can replace the rules of the system turn."""
    numbered = "\n\n".join(f"[{n}] {text}" for n, text in passages.items())
    return [
        ("system", T.LLM_SYSTEM_PROMPT.format(refusal=T.REFUSAL_TEXT)),
        ("user", T.LLM_USER_PROMPT.format(passages=numbered, question=question)),
    ]


class LLMAnswerer:
    def __init__(self, settings: Settings) -> None:
        from langchain_openai import ChatOpenAI

        self.settings = settings
        self.client = ChatOpenAI(
            base_url=settings.llm_base_url, api_key=settings.llm_api_key, model=settings.llm_model,
            temperature=settings.llm_temperature, timeout=settings.llm_timeout_s, max_retries=0,
            streaming=True,
        )

    def _tokens(self, messages: list[tuple[str, str]]) -> Iterator[str]:
        """Stream content pieces; raises LLMUnavailable on error or deadline."""
        out: queue.Queue = queue.Queue()

        def pump() -> None:
            try:
                for piece in self.client.stream(messages):
                    out.put(piece.content if isinstance(piece.content, str) else "")
                out.put(_DONE)
            except Exception as exc:  # any client error means: fall back
                out.put(exc)

        threading.Thread(target=pump, daemon=True, name="llm-stream").start()
        deadline = time.monotonic() + self.settings.llm_timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LLMUnavailable("timeout")
            try:
                item = out.get(timeout=remaining)
            except queue.Empty as exc:
                raise LLMUnavailable("timeout") from exc
            if item is _DONE:
                return
            if isinstance(item, Exception):
                raise LLMUnavailable(type(item).__name__) from item
            yield item

    def stream(self, question: str, passages: dict[int, str]) -> Iterator[tuple[str, LLMReply | None]]:
        """Yield (text so far, None) while the model writes, then ("", reply)."""
        text = ""
        try:
            for piece in self._tokens(build_messages(question, passages)):
                text += piece
                yield text, None
        except LLMUnavailable:
            yield "", LLMReply()
            return
        if is_refusal(text):
            yield "", LLMReply(refused=True)
            return
        checks = check_answer(text, passages, self.settings.support_min_overlap)
        kept = [c for c in checks if c.supported]
        yield "", LLMReply(kept=kept, dropped=len(checks) - len(kept))


def renumbered(kept: list[SentenceCheck]) -> tuple[list[str], dict[int, int]]:
    """Answer lines with markers renumbered 1.. in order of first use, and
    the map old number -> new number."""
    used: dict[int, int] = {}
    for c in kept:
        for n in c.markers:
            used.setdefault(n, len(used) + 1)
    return [MARKER.sub(lambda m: f"[{used[int(m.group(1))]}]", c.text) for c in kept], used
