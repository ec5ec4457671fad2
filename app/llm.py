"""LLM mode: any OpenAI-compatible endpoint writes the answer from numbered
passages; every sentence is then checked against the passages it cites.
Unsupported sentences are dropped; an answer with nothing left, an error or
a timeout falls back to the extractive answer with a note. Never hangs: the
HTTP stream runs in a worker thread and is abandoned at the deadline."""
from __future__ import annotations

import queue
import re
import threading
import time
from typing import TYPE_CHECKING, Iterator

from . import texts as T
from .grounding import check_answer, overlap, strip_markers
from .settings import Settings
from .textnorm import compare_form

if TYPE_CHECKING:
    from .pipeline import Answer, Pipeline, _Prepared

_MARKER = re.compile(r"\[(\d+)\]")
_DONE = object()


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

    def stream(self, prep: "_Prepared", pipeline: "Pipeline") -> Iterator[tuple[str, "Answer | None"]]:
        hits = prep.retrieval.hits
        passages = {n: h.chunk.text for n, h in enumerate(hits, start=1)}
        text = ""
        try:
            for piece in self._tokens(build_messages(prep.asked, passages)):
                text += piece
                yield text, None
        except LLMUnavailable:
            yield "", pipeline.extractive(prep, lead=T.LLM_FALLBACK_NOTE)
            return
        yield text, self.finish(text, prep, pipeline, passages)

    def finish(self, text: str, prep: "_Prepared", pipeline: "Pipeline",
               passages: dict[int, str]) -> "Answer":
        from .pipeline import Answer

        hits = prep.retrieval.hits
        if is_refusal(text):
            related = [pipeline.citation(n, h.chunk, h.score) for n, h in enumerate(hits[:3], start=1)]
            return Answer(prep.question, T.REFUSAL_TEXT, True, "llm", related, {}, query=prep.retrieval.query)
        checks = check_answer(text, passages, self.settings.support_min_overlap)
        kept = [c for c in checks if c.supported]
        if not kept:
            return pipeline.extractive(prep, lead=T.LLM_FALLBACK_NOTE)
        renumber: dict[int, int] = {}
        for c in kept:
            for n in c.markers:
                renumber.setdefault(n, len(renumber) + 1)
        citations = [pipeline.citation(new, hits[old - 1].chunk, hits[old - 1].score) for old, new in renumber.items()]
        for c in kept:
            for old in c.markers:
                _highlight(citations[renumber[old] - 1], prep.retriever.index.docs, hits[old - 1],
                           strip_markers(c.text))
        lines = [_MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]", c.text) for c in kept]
        dropped = len(checks) - len(kept)
        if dropped:
            lines.append(T.LLM_DROPPED_NOTE.format(n=dropped))
        return Answer(prep.question, "\n".join(lines), False, "llm", citations, {}, query=prep.retrieval.query)


def _highlight(citation, docs: dict[str, dict], hit, sentence: str) -> None:
    """Mark the passage sentence that best supports an answer sentence."""
    doc = docs[hit.chunk.doc_id]["text"]
    best = max(hit.chunk.sentences, key=lambda span: overlap(sentence, [doc[span[0]:span[1]]]))
    if tuple(best) not in citation.highlights:
        citation.highlights.append(tuple(best))

