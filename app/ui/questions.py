"""Questions the chat offers to click: examples before the first question and
suggestions after each answer.

They are built only from the documents' own section headings, so they never
state a fact; and each is offered only if the pipeline judges it answerable.
"""
from __future__ import annotations

import re

from .. import texts as T
from ..chunking import _LEVEL1, _LEVEL2  # the heading grammar the chunker uses
from ..pipeline import Pipeline, QuestionError

_CLAUSE = re.compile(r"[，,；;：:]")
_SYNTHETIC = {T.OPENING_SECTION, T.CLOSING_SECTION, T.TITLE_SECTION}


def heading_topic(heading: str, limit: int) -> str | None:
    """The heading without its ordinal ("一、", "（二）", "三是要"), cut at a
    clause boundary near ``limit`` characters; None for synthetic sections."""
    if heading in _SYNTHETIC:
        return None
    for pattern in (_LEVEL1, _LEVEL2):
        m = pattern.match(heading)
        if m:
            heading = heading[m.end():]
            break
    topic = heading.strip().removeprefix("要").strip("。；;，,、 ")
    if len(topic) > limit:
        # Cut at the last clause boundary that keeps the topic within limit.
        cuts = [m.start() for m in _CLAUSE.finditer(topic) if 2 <= m.start() <= limit]
        topic = topic[:cuts[-1]] if cuts else topic[:limit]
    return topic if len(topic) >= 2 else None


def _sections(pipeline: Pipeline) -> list[tuple[str, ...]]:
    """Distinct section paths in document order."""
    seen: dict[tuple[str, ...], None] = {}
    for chunk in pipeline.index.chunks:
        seen.setdefault((chunk.doc_id, *chunk.section), None)
    return list(seen)


def _question(section: tuple[str, ...], limit: int) -> str | None:
    topic = heading_topic(section[-1], limit)
    return T.UI_SECTION_QUESTION.format(topic=topic) if topic else None


# (index folder, question) -> answerable; questions are re-judged only when
# the index changes, since judging one costs an embedding.
_judged: dict[tuple[str, str], bool] = {}


def _answerable(pipeline: Pipeline, question: str) -> bool:
    key = (str(pipeline.index.path), question)
    if key not in _judged:
        if len(_judged) > 5000:  # old index versions pile up otherwise
            _judged.clear()
        try:
            _judged[key] = pipeline.prepare(question).decision.answer
        except QuestionError:
            _judged[key] = False
    return _judged[key]


def _pick(pipeline: Pipeline, sections: list[tuple[str, ...]], n: int, exclude: set[str]) -> list[str]:
    out: list[str] = []
    for section in sections:
        q = _question(section, pipeline.settings.suggestion_topic_chars)
        if q and q not in exclude and q not in out and _answerable(pipeline, q):
            out.append(q)
            if len(out) == n:
                break
    return out


def example_questions(pipeline: Pipeline, n: int | None = None) -> list[str]:
    """Questions about sections spread evenly over the loaded documents."""
    n = pipeline.settings.example_questions if n is None else n
    sections = _sections(pipeline)
    if not sections or n <= 0:
        return []
    step = max(1, len(sections) // n)
    spread = sections[::step] + [s for i, s in enumerate(sections) if i % step]
    return _pick(pipeline, spread, n, set())


def suggested_questions(pipeline: Pipeline, answer: dict, asked: list[str], n: int | None = None) -> list[str]:
    """After an answer: the sections next to the cited ones (after an
    answer) or the possibly related sections themselves (after a refusal)."""
    n = pipeline.settings.suggested_questions if n is None else n
    sections = _sections(pipeline)
    position = {s: i for i, s in enumerate(sections)}
    cited = [(c["doc"], *c["section"].split(" › ")) for c in answer.get("citations") or []]
    cited = [s for s in cited if s in position]
    if answer.get("refused"):
        ordered = cited
    else:
        ordered = []
        for distance in (1, -1, 2, -2):
            for s in cited:
                i = position[s] + distance
                if 0 <= i < len(sections) and sections[i][0] == s[0] and sections[i] not in cited:
                    ordered.append(sections[i])
    return _pick(pipeline, list(dict.fromkeys(ordered)), n, set(asked))
