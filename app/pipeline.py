"""The one question-answering pipeline behind the CLI, the web UI and the API."""
from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Iterator

from . import texts as T
from .answering import candidates, quote, score_candidates, select
from .chunking import Chunk
from .conversation import carried_terms, is_elliptical
from .corpus import CorpusIssue
from .embeddings import SentenceEmbeddings
from .guard import asked_part
from .index_store import LoadedIndex, Progress, ensure_index
from .outline import Heading, resolve
from .question import QuestionInfo, analyze
from .retrieval import HybridRetriever, Retrieval
from .scope import asks_about_unknown, in_scope, signals
from .settings import Settings, get_settings
from .textnorm import has_binary, has_letters, normalize_question


class QuestionError(ValueError):
    """A question that cannot be asked; the message is for the user."""


@dataclass
class Citation:
    n: int
    chunk_id: str
    doc: str
    section: str
    text: str
    start: int
    end: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    mode: str
    citations: list[Citation]
    timings_ms: dict[str, float]
    id: str | int | None = None
    query: str = ""  # what was searched, after follow-up resolution

    def to_json(self) -> dict:
        return {
            "id": self.id, "question": self.question, "answer": self.answer,
            "refused": self.refused, "mode": self.mode,
            "citations": [
                {**{k: v for k, v in asdict(c).items() if k != "highlights"},
                 "score": round(c.score, 4), "highlights": [list(h) for h in c.highlights]}
                for c in self.citations
            ],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }


def validate_question(raw: object, max_chars: int) -> str:
    """Normalised question text, or QuestionError with a Chinese message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise QuestionError(T.ERR_BINARY_QUESTION) from exc
    if not isinstance(raw, str) or not raw.strip():
        raise QuestionError(T.ERR_EMPTY_QUESTION)
    if len(raw) > max_chars:
        raise QuestionError(T.ERR_QUESTION_TOO_LONG.format(n=len(raw), limit=max_chars))
    if has_binary(raw):
        raise QuestionError(T.ERR_BINARY_QUESTION)
    text = normalize_question(raw)
    if not has_letters(text):
        raise QuestionError(T.ERR_NO_TEXT_QUESTION)
    return text


@dataclass
class _Prepared:
    question: str
    # The index a question started on answers it, even if a reload swaps in
    # a new one meanwhile (chunk numbers differ between indexes).
    retriever: HybridRetriever
    info: QuestionInfo
    retrieval: Retrieval
    in_scope: bool
    started: float
    retrieve_ms: float
    asked: str = ""  # the question without instruction-override sentences
    # Set when the question asks about the outline of the document.
    headings: list[Heading] = field(default_factory=list)
    # Typed words read as the corpus words they are typos of: (typed, read).
    readings: list[tuple[str, str]] = field(default_factory=list)


class Pipeline:
    """Loads models and the index once; answers many questions, thread-safe
    for readers. ``reload()`` swaps in a rebuilt index atomically."""

    def __init__(self, settings: Settings | None = None, progress: Progress | None = None,
                 mmap: bool = False) -> None:
        self.settings = settings or get_settings()
        self.embedder = SentenceEmbeddings(self.settings)
        self._mmap = mmap
        self._lock = threading.Lock()
        self.corpus_issues: list[CorpusIssue] = []
        self.reload(progress=progress)
        self._llm = None

    # --- index ---------------------------------------------------------------
    def reload(self, progress: Progress | None = None, force: bool = False) -> bool:
        index, issues, rebuilt = ensure_index(self.settings, self.embedder, progress, force, self._mmap)
        self.use_index(index, issues)
        return rebuilt

    def use_index(self, index: LoadedIndex, issues: list[CorpusIssue]) -> None:
        """Answer from ``index`` from now on; questions under way finish on the old one."""
        retriever = HybridRetriever(index, self.embedder, self.settings)
        with self._lock:
            self.index, self.retriever, self.corpus_issues = index, retriever, issues

    @property
    def documents(self) -> dict[str, dict]:
        return self.index.docs

    # --- answering -----------------------------------------------------------
    def prepare(self, question: object, history: list[str] | None = None) -> _Prepared:
        started = time.perf_counter()
        typed = validate_question(question, self.settings.max_question_chars)
        # Sentences that try to change the rules are neither searched nor answered.
        retriever = self.retriever
        text, readings = retriever.without_typos(asked_part(typed))
        info = analyze(text or typed)
        extra = ""
        if history:
            known = sum(1 for t in info.terms if retriever.in_vocabulary(t))
            previous = _last_valid(history, self.settings.max_question_chars)
            if previous is not None and is_elliptical(info, known):
                extra = carried_terms(analyze(retriever.without_typos(previous)[0]), info)
        retrieval = retriever.retrieve(text or typed, extra_terms=extra)
        headings = []
        if retrieval.hits and not extra:
            headings = resolve(text, retriever.outlines.get(retrieval.hits[0].chunk.doc_id, []))
        ok = bool(text) and (bool(headings) or (
            not asks_about_unknown(info, retriever) and in_scope(signals(info, retrieval, retriever), self.settings)))
        return _Prepared(typed, retriever, info, retrieval, ok, started, (time.perf_counter() - started) * 1e3,
                         text, headings, readings)

    def ask(self, question: object, history: list[str] | None = None,
            qid: str | int | None = None, mode: str | None = None) -> Answer:
        answer = None
        for _, answer in self.stream(question, history, qid, mode):
            pass
        assert answer is not None
        return answer

    def stream(self, question: object, history: list[str] | None = None,
               qid: str | int | None = None, mode: str | None = None) -> Iterator[tuple[str, Answer | None]]:
        """Yield (text so far, None) while answering, then (text, Answer)."""
        prep = self.prepare(question, history)
        mode = mode or self.settings.mode
        t0 = time.perf_counter()
        if not prep.in_scope:
            answer = self._refusal(prep, mode)
        elif prep.headings:
            # Headings are quoted as they stand, in either mode.
            answer = self.outline_answer(prep, mode)
        elif mode == "llm":
            answer = None
            for partial, answer in self._llm_answerer().stream(prep, self):
                if answer is None:
                    yield partial, None
        else:
            answer = self.extractive(prep)
        if prep.readings and not answer.refused:
            # Say how the question was read: an answer to a question the
            # user did not mean to ask must be recognisable as such.
            answer.answer = f"{typo_note(prep.readings)}\n{answer.answer}"
        answer.id = qid
        answer.timings_ms = {"retrieve": prep.retrieve_ms,
                             "answer": (time.perf_counter() - t0) * 1e3,
                             "total": (time.perf_counter() - prep.started) * 1e3,
                             **{f"retrieve_{k}": v for k, v in prep.retrieval.timings_ms.items()}}
        yield answer.answer, answer

    def extractive(self, prep: _Prepared, lead: str = T.ANSWER_LEAD) -> Answer:
        cands = candidates(prep.retrieval, prep.retriever.index.docs)
        score_candidates(cands, prep.info, prep.retrieval, prep.retriever)
        chosen = select(cands, prep.info, self.settings)
        numbers: dict[str, int] = {}
        citations: list[Citation] = []
        lines = []
        for c in chosen:
            cid = c.hit.chunk.chunk_id
            if cid not in numbers:
                numbers[cid] = len(numbers) + 1
                citations.append(self.citation(numbers[cid], c.hit.chunk, c.hit.score))
            citations[numbers[cid] - 1].highlights.append((c.start, c.end))
            lines.append(f"{quote(c.text)} [{numbers[cid]}]")
        text = "\n".join([lead, *lines]) if lead else "\n".join(lines)
        return Answer(prep.question, text, False, "extractive", citations, {}, query=prep.retrieval.query)

    def outline_answer(self, prep: _Prepared, mode: str) -> Answer:
        index = prep.retriever.index
        citations: dict[int, Citation] = {}
        lines = []
        for h in prep.headings:
            if h.chunk_index not in citations:
                chunk = index.chunks[h.chunk_index]
                citations[h.chunk_index] = self.citation(len(citations) + 1, chunk, 1.0)
            cite = citations[h.chunk_index]
            cite.highlights.append((h.start, h.end))
            lines.append(f"{quote(index.docs[cite.doc]['text'][h.start:h.end])} [{cite.n}]")
        return Answer(prep.question, "\n".join([T.ANSWER_LEAD, *lines]), False, mode, list(citations.values()),
                      {}, query=prep.retrieval.query)

    def _refusal(self, prep: _Prepared, mode: str) -> Answer:
        related = [self.citation(n, h.chunk, h.score) for n, h in enumerate(prep.retrieval.hits[:3], start=1)]
        return Answer(prep.question, T.REFUSAL_TEXT, True, mode, related, {}, query=prep.retrieval.query)

    @staticmethod
    def citation(n: int, c: Chunk, score: float) -> Citation:
        return Citation(n, c.chunk_id, c.doc_id, c.section_path, c.text, c.start, c.end, score)

    def _llm_answerer(self):
        if self._llm is None:
            from .llm import LLMAnswerer

            self._llm = LLMAnswerer(self.settings)
        return self._llm


def typo_note(readings: list[tuple[str, str]]) -> str:
    pairs = "、".join(T.TYPO_READING.format(typed=t, read=r) for t, r in readings)
    return T.TYPO_NOTE.format(readings=pairs)


def _last_valid(history: list[str], max_chars: int) -> str | None:
    for previous in reversed(history):
        try:
            return validate_question(previous, max_chars)
        except QuestionError:
            continue
    return None


_default: Pipeline | None = None
_default_lock = threading.Lock()


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """The process-wide pipeline, created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Pipeline(settings)
        return _default


def ask(question: str, history: list[str] | None = None) -> Answer:
    return get_pipeline().ask(question, history)
