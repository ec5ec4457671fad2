"""Structure-aware chunking of Chinese speeches and policy documents.

Pure functions over a document's text. Every sentence and chunk carries exact
offsets, so ``doc.text[chunk.start:chunk.end] == chunk.text`` always holds.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import texts as T
from .corpus import Document

# Bump when the output of this module changes, so stored indexes go stale.
CHUNKER_VERSION = "4"

_NUM = "一二三四五六七八九十百零〇"
# "一、认清形势……", "第一部分 ……"
_LEVEL1 = re.compile(rf"^(?:[{_NUM}]+[、．.]|第[{_NUM}]+(?:部分|章|节)[\s、：:]?)")
# "（一）……", "(二)", "一是……", "第一，……", "1. ……"
_LEVEL2 = re.compile(rf"^(?:[（(][{_NUM}\d]+[）)]|[{_NUM}]+是|第[{_NUM}]+[，,、]|\d+[、．.](?!\d))")
# Closing address of a speech ("同志们，……") after the body has started.
_CLOSING = re.compile(r"^(?:同志们|各位(?:同志|代表|领导)?)[，,！!]")
_SENT_END = re.compile(
    r"(?:[。！？；!?;…]+|\.(?=\s|$)(?<!\d\.))[”’」』）)\"']*"
)
_HEAD_TRIM = "。：:；;，,！!？? \t\u3000"
_ORDINAL = re.compile(rf"^(?:第)?([{_NUM}]+|\d+)")
_BLANK = " \t\u3000\f\v"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass
class Paragraph:
    start: int
    end: int
    section: tuple[str, ...]
    sentences: list[Sentence]
    is_heading: bool = False


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    section: list[str]
    start: int
    end: int
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # Words about where the chunk stands ("第二部分", its section's label):
    # indexed for lexical search so structural questions find it, never quoted.
    context: str = ""

    @property
    def section_path(self) -> str:
        return " › ".join(self.section)

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id, "doc_id": self.doc_id, "section": self.section,
            "start": self.start, "end": self.end, "text": self.text,
            "sentences": [list(s) for s in self.sentences], "context": self.context,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        return cls(d["chunk_id"], d["doc_id"], list(d["section"]), d["start"], d["end"],
                   d["text"], [tuple(s) for s in d["sentences"]], d.get("context", ""))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], each trimmed of surrounding blanks; a
    sentence ends at 。！？；(and ASCII forms) plus closing quotes, or at the
    end of the span. Never splits inside a decimal number."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        out.extend(_trimmed(text, pos, m.end()))
        pos = m.end()
    out.extend(_trimmed(text, pos, end))
    return out


def _trimmed(text: str, a: int, b: int) -> list[Sentence]:
    while a < b and (text[a] in _BLANK or text[a] == "\n"):
        a += 1
    while b > a and (text[b - 1] in _BLANK or text[b - 1] == "\n"):
        b -= 1
    return [Sentence(a, b)] if b > a else []


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of blanks."""
    spans, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        trimmed = _trimmed(text, a, b)
        if trimmed:
            spans.append((trimmed[0].start, trimmed[0].end))
    return spans


def _heading_label(text: str, sentences: list[Sentence]) -> str:
    first = sentences[0]
    return text[first.start:first.end].strip(_HEAD_TRIM)


def _is_title(line: str) -> bool:
    return len(line) <= 40 and not _SENT_END.search(line.rstrip("。")) and not _LEVEL1.match(line)


def detect_structure(doc: Document) -> tuple[str | None, list[Paragraph]]:
    """Title (if the first line looks like one) and the paragraphs with their
    section paths. Level 1: "一、"; level 2: "（一）", "一是", "第一，"."""
    text = doc.text
    lines = _lines(text)
    title = None
    if len(lines) > 1 and _is_title(text[lines[0][0]:lines[0][1]]):
        title = text[lines[0][0]:lines[0][1]].strip(_HEAD_TRIM)
        lines = lines[1:]
    level1: str | None = None
    level2: str | None = None
    body_started = False
    paragraphs: list[Paragraph] = []
    for a, b in lines:
        line = text[a:b]
        sentences = split_sentences(text, a, b)
        is_heading = False
        if _LEVEL1.match(line):
            level1, level2, body_started, is_heading = _heading_label(text, sentences), None, True, True
        elif _LEVEL2.match(line):
            level2, body_started = _heading_label(text, sentences), True
            is_heading = len(sentences) == 1
        elif body_started and _CLOSING.match(line):
            level1, level2 = T.CLOSING_SECTION, None
        if level1 is None and level2 is None:
            section: tuple[str, ...] = (T.OPENING_SECTION,)
        else:
            section = tuple(x for x in (level1, level2) if x)
        paragraphs.append(Paragraph(a, b, section, sentences, is_heading))
    return title, paragraphs


def section_context(section: tuple[str, ...], is_title: bool = False) -> str:
    """Ordinal aliases of a section path ("二、…" -> "第二部分", "三是…" ->
    "第三点 第三项") plus its innermost label: how people refer to parts of
    a document when they ask about its structure."""
    if is_title:
        return f"{T.TITLE_SECTION} 题目 名称"
    words = []
    for depth, label in enumerate(section):
        m = _ORDINAL.match(label)
        if m and label not in (T.OPENING_SECTION, T.CLOSING_SECTION):
            words.append(f"第{m.group(1)}部分" if depth == 0 else f"第{m.group(1)}点 第{m.group(1)}项")
    if section:
        words.append(section[-1])
    return " ".join(words)


def chunk_id(doc_id: str, start: int, end: int, text: str) -> str:
    return hashlib.sha1(f"{doc_id}|{start}|{end}|{text}".encode("utf-8")).hexdigest()[:16]


def chunk_document(doc: Document, target_chars: int = 200, overlap_sentences: int = 0) -> list[Chunk]:
    """Group consecutive sentences of one section into chunks of about
    ``target_chars``; a chunk never crosses a section boundary, prefers to end
    at a paragraph end, and never splits a sentence."""
    title, paragraphs = detect_structure(doc)
    chunks: list[Chunk] = []
    if title is not None:
        first = _lines(doc.text)[0]
        chunks.append(_make_chunk(doc, (T.TITLE_SECTION,), [Sentence(*first)], is_title=True))
    # Walk sections as runs of consecutive paragraphs with the same path.
    runs: list[tuple[tuple[str, ...], list[Paragraph]]] = []
    for p in paragraphs:
        if runs and runs[-1][0] == p.section:
            runs[-1][1].append(p)
        else:
            runs.append((p.section, [p]))
    for section, paras in runs:
        current: list[Sentence] = []
        carried = 0  # sentences in `current` that repeat the previous chunk

        def emit() -> None:
            nonlocal current, carried
            chunks.append(_make_chunk(doc, section, current))
            current = current[-overlap_sentences:] if overlap_sentences else []
            carried = len(current)

        for p in paras:
            for s in p.sentences:
                if len(current) > carried and _span(current) + (s.end - s.start) > target_chars:
                    emit()
                current.append(s)
            # A paragraph end is the preferred place to close a chunk.
            if len(current) > carried and not p.is_heading and _span(current) >= target_chars // 2:
                emit()
        if len(current) > carried:
            emit()
    return chunks


def _span(sentences: list[Sentence]) -> int:
    return sentences[-1].end - sentences[0].start


def _make_chunk(doc: Document, section: tuple[str, ...], sentences: list[Sentence],
                is_title: bool = False) -> Chunk:
    start, end = sentences[0].start, sentences[-1].end
    text = doc.text[start:end]
    return Chunk(chunk_id(doc.doc_id, start, end, text), doc.doc_id, list(section), start, end, text,
                 [(s.start, s.end) for s in sentences], section_context(section, is_title))


def chunk_corpus(docs: list[Document], target_chars: int = 200, overlap_sentences: int = 0) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d, target_chars, overlap_sentences)]
