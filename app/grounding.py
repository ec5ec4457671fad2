"""Deterministic checks that an answer sentence is supported by the passages
it cites: markers valid, every number and quoted term present, enough
character-bigram overlap. Used on LLM answers and by the eval scorer."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import texts as T
from .textnorm import bigrams, compare_form, numbers, without_numbers

# The one pattern of a citation marker "[n]" (answers, UI, exports).
MARKER = re.compile(r"\[(\d+)\]")
_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,40})[”\"」』》]")
# A sentence ends as the chunker ends it: punctuation, then any closing quotes.
_ANSWER_SENT = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)\"']*|\n|$)(?:\s*(?:\[\d+\])+)?")


@dataclass
class SentenceCheck:
    text: str
    markers: list[int]
    supported: bool
    reasons: list[str]
    overlap: float


def markers(text: str) -> list[int]:
    return [int(m) for m in MARKER.findall(text)]


def strip_markers(text: str) -> str:
    return MARKER.sub("", text).strip()


def quoted_terms(text: str) -> list[str]:
    return [m.strip() for m in _QUOTED.findall(text) if m.strip()]


def overlap(sentence: str, sources: list[str]) -> float:
    grams = bigrams(sentence)
    if not grams:
        return 1.0
    pool = set().union(*(bigrams(s) for s in sources)) if sources else set()
    return len(grams & pool) / len(grams)


def split_answer(text: str) -> list[str]:
    """Answer sentences, each keeping the markers that follow it. A line
    wrapped in parentheses (a note to the reader) stays one piece even when
    it holds a full stop, so that it is recognised as framing."""
    parts: list[str] = []
    for line in text.splitlines():
        body = line.strip()
        if body.startswith(("（", "(")) and body.endswith(("）", ")")) and not markers(body):
            parts.append(body)
        else:
            parts += [m.group(0).strip() for m in _ANSWER_SENT.finditer(line)]
    return [p for p in parts if strip_markers(p)]


# A source heading of an answer: 《title》 or 《title》第十二条, then a colon;
# a title may carry its version in parentheses.
_SOURCE_HEADING = re.compile(r"^(?:根据)?《[^《》]+》(?:（[^（）]{1,30}）)?(?:、《[^《》]+》(?:（[^（）]{1,30}）)?)*"
                             r"(?:第[^：:，。]{1,16})?[：:]$")

# The line saying a compared document has nothing on the point.
_SILENT = re.compile("^" + re.escape(T.DOCUMENT_SILENT).replace(re.escape("{title}"), "[^《》]+") + "$")


def is_claim(sentence: str) -> bool:
    """Framing lines (a lead or heading naming the source, notes in
    parentheses, a compared document said to be silent) state no fact a
    passage must support."""
    body = strip_markers(sentence)
    if not markers(sentence) and (_SOURCE_HEADING.match(body) or _SILENT.match(body)):
        return False
    if markers(sentence) or numbers(body):
        return True
    return not (body.endswith(("：", ":")) or (body.startswith(("（", "(")) and body.endswith(("）", ")"))))


def check_sentence(sentence: str, passages: dict[int, str], min_overlap: float) -> SentenceCheck:
    """``passages`` maps marker number -> passage text."""
    cited = markers(sentence)
    body = strip_markers(sentence)
    reasons: list[str] = []
    if not cited:
        reasons.append("no citation marker")
    bad = [n for n in cited if n not in passages]
    if bad:
        reasons.append(f"marker points at no passage: {bad}")
    sources = [passages[n] for n in cited if n in passages]
    source_numbers = set().union(*(numbers(s) for s in sources)) if sources else set()
    missing_numbers = sorted(numbers(body) - source_numbers)
    if missing_numbers:
        reasons.append(f"numbers not in cited passages: {missing_numbers}")
    misplaced = _figures_from_elsewhere(body, sources, min_overlap)
    if misplaced:
        reasons.append(f"figures not stated about what the sentence says: {misplaced}")
    joined = compare_form("".join(sources))
    missing_terms = [q for q in quoted_terms(body) if compare_form(q) not in joined]
    if missing_terms:
        reasons.append(f"quoted terms not in cited passages: {missing_terms}")
    ov = overlap(body, sources)
    if ov < min_overlap:
        reasons.append(f"overlap {ov:.2f} below {min_overlap}")
    return SentenceCheck(sentence, cited, not reasons, reasons, ov)


_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
_CLAUSE_WORDS = 4  # a clause with fewer characters is judged by its characters
_SOURCE_SENTENCE = re.compile(r"[^。！？；!?;\n]+")


def _figures_from_elsewhere(body: str, sources: list[str], min_overlap: float) -> list[str]:
    """Figures of the claim that no cited sentence states about what the
    claim's clause says: a figure must come from the sentence that counts
    the thing the clause counts ("授权专利1047件" does not state how many
    were trained), and a bare figure counts nothing."""
    sentences = [m.group(0) for s in sources for m in _SOURCE_SENTENCE.finditer(s)]
    misplaced = []
    for clause in (m.group(0) for m in _CLAUSE.finditer(body)):
        words = compare_form(without_numbers(clause))
        for n in sorted(numbers(clause)):
            stating = [compare_form(without_numbers(t)) for t in sentences if n in numbers(t)]
            if stating and not any(_said_in(words, t, min_overlap) for t in stating):
                misplaced.append(n)  # a figure in no cited sentence is reported as such
    return misplaced


def _said_in(words: str, sentence: str, min_overlap: float) -> bool:
    """Whether a clause's words (its figures taken out) come from
    ``sentence``: half the claim threshold of their character pairs, as a
    figure's clause is short and may echo the question ("去年全省"); every
    character of a clause too short for pairs ("授权件")."""
    if len(words) < _CLAUSE_WORDS:
        return bool(words) and all(ch in sentence for ch in words)
    pairs = {words[i:i + 2] for i in range(len(words) - 1)}
    return sum(p in sentence for p in pairs) / len(pairs) >= min_overlap / 2


def check_answer(text: str, passages: dict[int, str], min_overlap: float) -> list[SentenceCheck]:
    return [check_sentence(s, passages, min_overlap) for s in split_answer(text) if is_claim(s)]


def unsupported_numbers(text: str, passages: dict[int, str]) -> set[str]:
    """Numbers of the answer found in none of the passages it cites."""
    found: set[str] = set()
    for s in (s for s in split_answer(text) if is_claim(s)):
        sources = [passages[n] for n in markers(s) if n in passages]
        pool = set().union(*(numbers(p) for p in sources)) if sources else set()
        found |= numbers(strip_markers(s)) - pool
    return found
