"""Questions the chat offers to click ("chips"): examples before the first
question and suggestions after each answer.

A chip is made from a section's own heading, so it never states a fact; it
names its document when another document has a heading of the same topic
(总则 or 法律责任 is in every law). It is shown only when asking it gives an
answer worth showing (``chip_answer_ok``), judged once per index: asking
costs as much as answering a question, so a list asks a bounded number.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .. import texts as T
from ..answer import Answer
from ..chunking import LEVEL1_HEADING, LEVEL2_HEADING, is_heading_sentence
from ..legal import PART_HEADING
from ..pipeline import Pipeline, QuestionError

# A chip's section: (document id, heading labels from the outermost).
Section = tuple[str, ...]


@dataclass(frozen=True)
class Chip:
    question: str
    section: Section  # the section it is made from, which must answer it
    named: bool = False  # names its document: other documents have a heading of that topic


_CLAUSE = re.compile(r"[，,；;：:]")
# Spaced-out headings ("总　则"): Chinese puts no blanks between characters.
_SPACED = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_PATH_SEP = " › "  # how a citation spells its section path (Chunk.section_path)


def heading_topic(heading: str, limit: int) -> str | None:
    """The heading without its ordinal ("一、", "（二）", "三是要", "第二章"),
    cut at a clause boundary near ``limit`` characters; None for a label that
    is not a heading by the chunker's grammar (the opening, the closing, the
    title, an article number, a preamble)."""
    legal = PART_HEADING.match(heading)
    m = legal or LEVEL1_HEADING.match(heading) or LEVEL2_HEADING.match(heading)
    if m is None:
        return None
    topic = _SPACED.sub("", heading[m.end(2) if legal else m.end():].strip())
    topic = topic.removeprefix("要").removeprefix("关于").strip("。；;，,、 \u3000")
    if len(topic) > limit:
        # Cut at the last clause boundary that keeps the topic within limit.
        cuts = [c.start() for c in _CLAUSE.finditer(topic) if 2 <= c.start() <= limit]
        topic = topic[:cuts[-1]] if cuts else topic[:limit]
    return topic if len(topic) >= 2 else None


def _heading_path(labels: list[str] | tuple[str, ...], limit: int) -> tuple[str, ...]:
    """The leading labels of a section path that are headings: an article's
    number under a chapter (第二章 … › 第七条) is no topic of its own."""
    path: list[str] = []
    for label in labels:
        if heading_topic(label, limit) is None:
            break
        path.append(label)
    return tuple(path)


def chip_answer_ok(answer: Answer, section: Section) -> bool:
    """Whether ``answer`` to the chip made from ``section`` is worth showing:
    not refused, quoting at least one sentence that is not a heading (a
    heading names a topic and says nothing about it), and citing only
    ``section`` or sections under it (an answer from elsewhere is not about
    the chip's topic)."""
    if answer.refused or not answer.citations:
        return False
    doc, path = section[0], list(section[1:])
    says_something = False
    for c in answer.citations:
        labels = c.section.split(_PATH_SEP)
        if c.doc != doc or labels[:len(path)] != path:
            return False
        says_something = says_something or any(
            not is_heading_sentence(c.text[a - c.start:b - c.start], labels) for a, b in c.highlights)
    return says_something


def _sections(pipeline: Pipeline) -> list[Section]:
    """Distinct heading sections of the current documents, in document order
    (a superseded version's question would be answered from the current one)."""
    limit = pipeline.settings.suggestion_topic_chars
    current = pipeline.snapshot.names.current
    seen: dict[Section, None] = {}
    for chunk in pipeline.index.chunks:
        path = _heading_path(chunk.section, limit)
        if path and chunk.doc_id in current:
            seen.setdefault((chunk.doc_id, *path), None)
    return list(seen)


def _chips(pipeline: Pipeline, sections: list[Section], every: list[Section]) -> list[Chip]:
    """The chip of each of ``sections`` (some of ``every`` section), in order."""
    limit = pipeline.settings.suggestion_topic_chars
    docs_of: dict[str | None, set[str]] = defaultdict(set)
    for s in every:
        docs_of[heading_topic(s[-1], limit)].add(s[0])
    chips = []
    for section in sections:
        topic = heading_topic(section[-1], limit)
        if topic is None:
            continue
        if len(docs_of[topic]) > 1:
            title = pipeline.snapshot.metas[section[0]].title
            chips.append(Chip(T.UI_DOC_SECTION_QUESTION.format(title=title, topic=topic), section, True))
        else:
            chips.append(Chip(T.UI_SECTION_QUESTION.format(topic=topic), section))
    return chips


# (index folder, question, section) -> shown; chips are re-judged only when
# the index changes.
_judged: dict[tuple[str, str, Section], bool] = {}


def _shown(pipeline: Pipeline, chip: Chip) -> bool:
    key = (str(pipeline.index.path), chip.question, chip.section)
    if key not in _judged:
        if len(_judged) > 5000:  # old index versions pile up otherwise
            _judged.clear()
        try:
            # Judged on the extractive answer whatever the mode: it stands on
            # the same retrieval and decision, and asking a model for every
            # candidate would hold the page up for minutes.
            _judged[key] = chip_answer_ok(pipeline.ask(chip.question, mode="extractive"), chip.section)
        except QuestionError:
            _judged[key] = False
    return _judged[key]


def _pick(pipeline: Pipeline, chips: list[Chip], n: int, exclude: set[str]) -> list[Chip]:
    """The first ``n`` chips worth showing among at most ``chip_candidates``
    asked (cached or not, so a list does not depend on what was asked before)."""
    seen, candidates = set(exclude), []
    for chip in chips:
        if chip.question not in seen:
            seen.add(chip.question)
            candidates.append(chip)
    out: list[Chip] = []
    for chip in candidates[:pipeline.settings.chip_candidates]:
        if _shown(pipeline, chip):
            out.append(chip)
            if len(out) == n:
                break
    return out


def _spread(items: list, n: int) -> list:
    """``items`` with ``n`` evenly spaced ones first, then the rest in order."""
    step = max(1, len(items) // n)
    return items[::step] + [x for i, x in enumerate(items) if i % step]


def example_chips(pipeline: Pipeline, n: int | None = None) -> list[Chip]:
    """Chips about sections spread evenly over the loaded documents and
    over each document."""
    n = pipeline.settings.example_questions if n is None else n
    sections = _sections(pipeline)
    if not sections or n <= 0:
        return []
    by_doc: dict[str, list[Section]] = defaultdict(list)
    for s in sections:
        by_doc[s[0]].append(s)
    columns = [_spread(by_doc[doc], n) for doc in _spread(list(by_doc), n)]
    # One section of each document before a second of any.
    order = [column[i] for i in range(max(map(len, columns))) for column in columns if i < len(column)]
    # A topic only one document has makes a better example than one every
    # document has (总则), and is more often answered from its own section.
    chips = sorted(_chips(pipeline, order, sections), key=lambda c: c.named)
    return _pick(pipeline, chips, n, set())


def suggested_chips(pipeline: Pipeline, answer: dict, asked: list[str], n: int | None = None) -> list[Chip]:
    """After an answer: the sections of the cited documents nearest the
    cited ones (after an answer) or the possibly related sections themselves
    (after a refusal)."""
    n = pipeline.settings.suggested_questions if n is None else n
    limit = pipeline.settings.suggestion_topic_chars
    sections = _sections(pipeline)
    position = {s: i for i, s in enumerate(sections)}
    cited = [(c["doc"], *_heading_path(c["section"].split(_PATH_SEP), limit)) for c in answer.get("citations") or []]
    cited = list(dict.fromkeys(s for s in cited if s in position))
    if answer.get("refused"):
        ordered = cited
    else:
        # Nearest first; at equal distance the next section before the previous one.
        near = sorted((abs(i - position[s]), position[s] - i, other) for s in cited
                      for i, other in enumerate(sections) if other[0] == s[0] and other not in cited)
        ordered = list(dict.fromkeys(other for *_, other in near))
    return _pick(pipeline, _chips(pipeline, ordered, sections), n, set(asked))

