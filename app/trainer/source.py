"""The corpus as the trainer sees it: sentences in document order, each
with its document, section path and absolute offsets."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..texts import TITLE_SECTION
from .bodies import bodies
from .enumerations import enumerations
from .figures import dates, figures
from .spans import Found

# How chunking joins a section path.
SECTION_SEP = " › "


@dataclass(frozen=True)
class SourceSentence:
    doc: str
    section: str
    start: int
    end: int
    text: str


def sentences(pipeline: Any) -> list[SourceSentence]:
    """Every sentence of every indexed document once, in document order."""
    docs = pipeline.documents
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    seen: dict[tuple[str, int], SourceSentence] = {}
    for chunk in pipeline.index.chunks:
        if chunk.section == [TITLE_SECTION]:
            continue  # the title is indexed for search; it is not body text to quiz on
        text = docs[chunk.doc_id]["text"]
        for start, end in chunk.sentences:
            # With overlapping chunks a sentence appears twice; keep one.
            seen.setdefault((chunk.doc_id, start),
                            SourceSentence(chunk.doc_id, chunk.section_path, start, end, text[start:end]))
    return sorted(seen.values(), key=lambda s: (order[s.doc], s.start))


def list_sections(pipeline: Any) -> list[str]:
    """Section paths in document order, each once."""
    return list(dict.fromkeys(s.section for s in sentences(pipeline)))


def in_sections(section: str, chosen: list[str] | None) -> bool:
    """A chosen section also covers its subsections."""
    if not chosen:
        return True
    return any(section == c or section.startswith(c + SECTION_SEP) for c in chosen)


def find_all(sentence: str) -> list[Found]:
    """Figures, dates, enumerations and named bodies of one sentence, in
    order of position."""
    found = dates(sentence) + figures(sentence) + enumerations(sentence) + bodies(sentence)
    return sorted(found, key=lambda f: (f.start, f.end))
