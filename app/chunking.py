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
from .legal import article_refs, is_legal, legal_units, paragraph_address
from .textnorm import compare_form

# Bump when the output of this module changes, so stored indexes go stale.
CHUNKER_VERSION = "5"

_NUM = "一二三四五六七八九十百零〇"
# "一、认清形势……", "第一部分 ……"
LEVEL1_HEADING = re.compile(rf"^(?:[{_NUM}]+[、．.]|第[{_NUM}]+(?:部分|章|节)[\s、：:]?)")
# "（一）……", "(二)", "一是……", "第一，……", "1. ……"
LEVEL2_HEADING = re.compile(rf"^(?:[（(][{_NUM}\d]+[）)]|[{_NUM}]+是|第[{_NUM}]+[，,、]|\d+[、．.](?!\d))")
# Closing address of a speech ("同志们，……") after the body has started.
_CLOSING = re.compile(r"^(?:同志们|各位(?:同志|代表|领导)?)[，,！!]")
_SENT_END = re.compile(
    r"(?:[。！？；!?;…]+|\.(?=\s|$)(?<!\d\.))[”’」』）)\"']*"
)
_HEAD_TRIM = "。：:；;，,！!？? \t\u3000"
_ORDINAL = re.compile(rf"^(?:第)?([{_NUM}]+|\d+)")
_BLANK = " \t\u3000\f\v"
_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")
MAX_UNPUNCTUATED_CHARS = 150
# An article up to this long is one chunk, whatever the target size: it is
# quoted and cited as a unit.
LEGAL_ARTICLE_CHARS = 600


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
    # The article (and paragraph) the chunk belongs to: "第十二条第二款".
    address: str = ""

    @property
    def section_path(self) -> str:
        return " › ".join(self.section)

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id, "doc_id": self.doc_id, "section": self.section,
            "start": self.start, "end": self.end, "text": self.text,
            "sentences": [list(s) for s in self.sentences], "context": self.context, "address": self.address,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        return cls(d["chunk_id"], d["doc_id"], list(d["section"]), d["start"], d["end"],
                   d["text"], [tuple(s) for s in d["sentences"]], d.get("context", ""), d.get("address", ""))


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    max_chars: int = MAX_UNPUNCTUATED_CHARS) -> list[Sentence]:
    """Sentences of text[start:end], each trimmed of surrounding blanks; a
    sentence ends at 。！？；(and ASCII forms) plus closing quotes, or at the
    end of the span. Never splits inside a decimal number, never yields a
    sentence of punctuation alone (it joins the one before), and cuts a run
    without sentence-final punctuation longer than ``max_chars`` at clause
    boundaries (court records and tables often have none)."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    line_start = start
    # A line break ends a sentence too: hard-wrapped lines were joined when
    # the document was read, so a break left is a paragraph's end.
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        pos = line_start
        for m in _SENT_END.finditer(text, line_start, line_end):
            out.extend(_trimmed(text, pos, m.end()))
            pos = m.end()
        out.extend(_trimmed(text, pos, line_end))
        line_start = line_end + 1
    merged: list[Sentence] = []
    for sent in out:
        if not _WORDLIKE.search(text, sent.start, sent.end):
            if merged and not text[merged[-1].end:sent.start].count("\n"):
                merged[-1] = Sentence(merged[-1].start, sent.end)
            continue
        if sent.end - sent.start > max_chars and not _SENT_END.search(text[sent.end - 3:sent.end]):
            merged.extend(_clauses(text, sent, max_chars))
        else:
            merged.append(sent)
    return merged


def _clauses(text: str, sent: Sentence, max_chars: int) -> list[Sentence]:
    """A long unpunctuated run cut at its last clause boundary (，、,：space)
    before each ``max_chars``; at ``max_chars`` itself where there is none."""
    out, a = [], sent.start
    while sent.end - a > max_chars:
        window = text[a:a + max_chars]
        cut = max(window.rfind(c) for c in "，、,：: \t")
        b = a + (cut + 1 if cut > max_chars // 3 else max_chars)
        out.extend(_trimmed(text, a, b))
        a = b
    out.extend(_trimmed(text, a, sent.end))
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
    return len(line) <= 40 and not _SENT_END.search(line.rstrip("。")) and not LEVEL1_HEADING.match(line)


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
        if LEVEL1_HEADING.match(line):
            level1, level2, body_started, is_heading = _heading_label(text, sentences), None, True, True
        elif LEVEL2_HEADING.match(line):
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


def is_heading_sentence(sentence: str, section: list[str] | tuple[str, ...]) -> bool:
    """Whether a sentence of a chunk is a heading: the document's title, or
    a label of the chunk's own section path (a section's label is its
    heading's first sentence). A heading names a topic and says nothing
    about it."""
    if list(section) == [T.TITLE_SECTION]:
        return True
    form = compare_form(sentence)
    return any(form == compare_form(label) for label in section)


# A line of words and no punctuation: the label of what follows ("裁判结果",
# "典型意义", an attachment's title), though no numbering marks it a heading.
_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff]{2,24}$")


def is_label_line(text: str) -> bool:
    """Whether a sentence is such a label: it names, and states nothing."""
    return bool(_LABEL_LINE.match(text.strip()))


# A line that only names a document: an attachment ("附件：1.……报告。",
# "2.……专家组意见。") or a title ("关于……情况的报告。"), no clause in it.
_DOCUMENT_NAME = re.compile(r"^(?:附件[:：]?\s*)?(?:\d{1,2}[.．、]\s*|(?=关于))[^，,；;：:。！？]{4,80}"
                            r"(?:报告|通知|意见|决定|请示|批复|复函|函|纪要|方案|规定|办法|条例)。?$")


_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?]")


def names_a_document(sentence: str) -> bool:
    """Whether ``sentence`` is only the name of a document (an attachment,
    a title in the text): like a heading, it says nothing about its topic."""
    return bool(_DOCUMENT_NAME.match(sentence.strip()))


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole line with no clause mark: a
    title or a case's name ("吴某诉某网络公司合同纠纷案"), which names and
    states nothing."""
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    return before in ("", "\n") and after in ("", "\n", "\r") and not _CLAUSE_MARK.search(text[start:end])


def title_lines(text: str, longest: int = 60) -> list[str]:
    """The lines of ``text`` that stand alone as a title: no clause
    punctuation, not longer than ``longest`` ("进一步支持文化企业发展的规定"
    heading the regulation a notice issues)."""
    return [line.strip() for line in text.splitlines()
            if 0 < len(line.strip()) <= longest and not _CLAUSE_MARK.search(line)]


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
    """Chunks of one document, by the grammar of its kind: legal text by
    article, everything else by section."""
    if is_legal(doc.text):
        return chunk_legal_document(doc, target_chars)
    return chunk_sectioned_document(doc, target_chars, overlap_sentences)


def _title_chunk(doc: Document) -> tuple[bool, list[Chunk]]:
    lines = _lines(doc.text)
    if len(lines) > 1 and _is_title(doc.text[lines[0][0]:lines[0][1]]):
        return True, [_make_chunk(doc, (T.TITLE_SECTION,), [Sentence(*lines[0])], is_title=True)]
    return False, []


def chunk_legal_document(doc: Document, target_chars: int = 200) -> list[Chunk]:
    """One chunk per article: a chunk never holds parts of two articles. An
    article longer than ``LEGAL_ARTICLE_CHARS`` is cut at paragraph (款)
    boundaries, each part keeping the article's address and its 款."""
    has_title, chunks = _title_chunk(doc)
    for unit in legal_units(doc.text, has_title):
        pieces: list[tuple[str, list[Sentence]]] = []
        kuan = 0
        for i, (a, b) in enumerate(unit.paragraphs):
            address = paragraph_address(unit.address, i, doc.text[a:b], kuan) if unit.address else ""
            if i and address != unit.address:
                kuan += 1
            elif i == 0:
                kuan = 1
            sentences = split_sentences(doc.text, a, b)
            if not sentences:
                continue
            size = sum(s.end - s.start for _, ss in pieces for s in ss)
            whole = unit.paragraphs[-1][1] - unit.paragraphs[0][0]
            if pieces and whole > LEGAL_ARTICLE_CHARS and size + (b - a) > 2 * target_chars \
                    and address != unit.address:
                pieces.append((address, sentences))
            elif pieces:
                pieces[-1][1].extend(sentences)
            else:
                pieces.append((address or unit.address, sentences))
        for address, sentences in pieces:
            chunks.append(_make_chunk(doc, unit.section, sentences, address=address))
    return chunks


def chunk_sectioned_document(doc: Document, target_chars: int = 200, overlap_sentences: int = 0) -> list[Chunk]:
    """Group consecutive sentences of one section into chunks of about
    ``target_chars``; a chunk never crosses a section boundary, prefers to end
    at a paragraph end, and never splits a sentence."""
    title, paragraphs = detect_structure(doc)
    _, chunks = _title_chunk(doc) if title is not None else (False, [])
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
                is_title: bool = False, address: str = "") -> Chunk:
    start, end = sentences[0].start, sentences[-1].end
    text = doc.text[start:end]
    context = article_context(section, address) if address else section_context(section, is_title)
    return Chunk(chunk_id(doc.doc_id, start, end, text), doc.doc_id, list(section), start, end, text,
                 [(s.start, s.end) for s in sentences], context, address)


def article_context(section: tuple[str, ...], address: str) -> str:
    """How people refer to an article: 第十二条 and 第12条, and its chapter."""
    refs = article_refs(address)
    digits = f"第{refs[0].number}条" if refs else ""
    return " ".join(x for x in (address, digits, *section[:-1]) if x)


def chunk_corpus(docs: list[Document], target_chars: int = 200, overlap_sentences: int = 0) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d, target_chars, overlap_sentences)]
