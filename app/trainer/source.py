"""The corpus as the trainer sees it: sentences in document order, each
with its document, section path, citation and absolute offsets, and the
sections a trainer can choose from (documents and their titled parts)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..texts import TITLE_SECTION
from .bodies import bodies
from .enumerations import enumerations
from .figures import dates, figures
from .obligations import obligations
from .spans import Found

# How chunking joins a section path.
SECTION_SEP = " › "
_NUMERAL = "零〇一二两三四五六七八九十百千\\d"
# The ordinal that opens a numbered unit of general Chinese documents:
# "第十二条", "（一）", "一、", "1."; a unit cited by itself is "第…条/款/项".
ORDINAL = re.compile(rf"^\s*(?:第[{_NUMERAL}]+[条款项章节编部分]|[（(][{_NUMERAL}]+[）)]|[{_NUMERAL}]+[、．.])[\s\u3000]*")
_UNIT_LINE = re.compile(rf"^[ \t\u3000]*(第[{_NUMERAL}]+[条款项])", re.M)


@dataclass(frozen=True)
class SourceSentence:
    doc: str
    section: str
    start: int
    end: int
    text: str
    # Where a trainer picks it: the section path, under the document title
    # when the corpus has several documents.
    place: str = ""
    citation: str = ""


def _units(text: str) -> tuple[list[int], list[str]]:
    """Starts and labels of the numbered units ("第十二条") opening a line."""
    found = [(m.start(1), m.group(1)) for m in _UNIT_LINE.finditer(text)]
    return [s for s, _ in found], [u for _, u in found]


def citation(title: str, section: list[str], unit: str) -> str:
    """"《title》 section path › unit", without repeating a unit the
    section path already names."""
    parts = [p for p in section if p != TITLE_SECTION]
    if unit and not any(p.startswith(unit) for p in parts):
        parts.append(unit)
    return f"《{title}》" + (" " + SECTION_SEP.join(parts) if parts else "")


def sentences(pipeline: Any) -> list[SourceSentence]:
    """Every sentence of every indexed document once, in document order;
    each cited by its document, section path and the numbered unit
    ("第十二条") it sits in, when a line of the same section opens one."""
    docs = pipeline.documents
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    several = len(docs) > 1
    chunks = [c for c in pipeline.index.chunks if c.section != [TITLE_SECTION]]
    section_at = {(c.doc_id, a): c.section_path for c in chunks for a, _ in c.sentences}
    units = {doc_id: _units(d["text"]) for doc_id, d in docs.items()}
    seen: dict[tuple[str, int], SourceSentence] = {}
    for chunk in chunks:
        doc = docs[chunk.doc_id]
        title = doc.get("title") or chunk.doc_id
        place = f"{title}{SECTION_SEP}{chunk.section_path}" if several else chunk.section_path
        starts, labels = units[chunk.doc_id]
        for start, end in chunk.sentences:
            i = bisect.bisect_right(starts, start) - 1
            same_section = i >= 0 and section_at.get((chunk.doc_id, starts[i])) == chunk.section_path
            unit = labels[i] if same_section else ""
            # With overlapping chunks a sentence appears twice; keep one.
            seen.setdefault((chunk.doc_id, start), SourceSentence(
                chunk.doc_id, chunk.section_path, start, end, doc["text"][start:end], place,
                citation(title, chunk.section, unit)))
    return sorted(seen.values(), key=lambda s: (order[s.doc], s.start))


def titled(label: str) -> bool:
    """A section label with words beyond its ordinal ("第二章 专利管理", not
    "第十二条"): a part a trainer picks, not a numbered unit."""
    return len(re.findall(r"[\u4e00-\u9fff]", ORDINAL.sub("", label))) >= 2


def list_sections(pipeline: Any) -> list[str]:
    """Choices in document order, each once: the documents (when there are
    several) and every titled section path under them."""
    out: dict[str, None] = {}
    for s in sentences(pipeline):
        parts = s.place.split(SECTION_SEP)
        for depth in range(1, len(parts) + 1):
            if titled(parts[depth - 1]):
                out.setdefault(SECTION_SEP.join(parts[:depth]))
            else:
                break
    return list(out)


def in_sections(place: str, chosen: list[str] | None) -> bool:
    """A chosen section also covers its subsections."""
    if not chosen:
        return True
    return any(place == c or place.startswith(c + SECTION_SEP) for c in chosen)


def strip_ordinal(text: str) -> str:
    """A sentence without the ordinal that opens it ("第十二条 任何…" ->
    "任何…"): the citation names the unit."""
    return ORDINAL.sub("", text, count=1)


@lru_cache(maxsize=8192)
def find_all(sentence: str) -> tuple[Found, ...]:
    """Figures, dates, enumerations, named bodies and obligations of one
    sentence, in order of position."""
    found = dates(sentence) + figures(sentence) + enumerations(sentence) + bodies(sentence) + obligations(sentence)
    return tuple(sorted(found, key=lambda f: (f.start, f.end)))
