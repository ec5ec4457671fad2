"""Turning quoted sentences into an answer's text and citations: sentences
grouped by document and article, each group headed by where it comes from
(《浙江省专利条例》第三十条：), each sentence followed by the marker of its
passage. Two documents' provisions are never run together as one statement."""
from __future__ import annotations

from dataclasses import dataclass

from . import texts as T
from .answer import Citation
from .chunking import Chunk
from .legal import article_of
from .snapshot import IndexSnapshot


@dataclass(frozen=True)
class Quote:
    chunk: Chunk
    score: float
    start: int  # the sentence, offsets in the document
    end: int
    text: str
    # Where it sits, when narrower than its chunk's article (第二十二条第二款).
    address: str | None = None


def quote_text(text: str) -> str:
    """A source sentence as it reads inside an answer: trailing list
    punctuation dropped, a full stop added when the sentence has none (a
    line that introduces what follows keeps its colon)."""
    # ASCII brackets of the source ("劳社部发[2008]3号") are shown full-width,
    # so they can never be read as a citation marker "[n]".
    body = text.rstrip("；;，,、 ").replace("[", "［").replace("]", "］")
    return body if body.endswith(("。", "！", "？", "!", "?", "”", "」", "…", "：", ":")) else body + "。"


def citation(snapshot: IndexSnapshot, n: int, chunk: Chunk, score: float) -> Citation:
    meta = snapshot.metas.get(chunk.doc_id)
    return Citation(n, chunk.chunk_id, chunk.doc_id, chunk.section_path, chunk.text, chunk.start, chunk.end, score,
                    doc_title=meta.title if meta else "", doc_date=meta.date if meta else "",
                    doc_status=meta.status if meta else "", address=chunk.address)


def source_title(snapshot: IndexSnapshot, doc_id: str) -> str:
    """A document as an answer names it: 《title》 and its version when the
    library holds several."""
    return T.SOURCE_TITLE.format(**_source(snapshot, doc_id))


def _source(snapshot: IndexSnapshot, doc_id: str) -> dict[str, str]:
    """A document's title, and which version it is when the library holds
    several: two versions' provisions must never read as one document's."""
    meta = snapshot.metas.get(doc_id)
    if meta is None:
        return {"title": doc_id, "version": ""}
    version = T.VERSION_LABEL.format(date=chinese_date(meta.date), status=meta.status) if len(meta.versions) > 1 else ""
    return {"title": meta.title, "version": version}


def chinese_date(iso: str) -> str:
    """"2023-12-11" -> "2023年12月11日" (a year or year-month alone as far as it goes)."""
    parts = [p for p in iso.split("-") if p]
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, "年月日"))


def compose(quotes: list[Quote], snapshot: IndexSnapshot, lead: str | None = None,
            blocks: dict[str, list[str]] | None = None) -> tuple[str, list[Citation]]:
    """The answer text and its citations. Quotes keep their order within a
    document; documents follow in the order they first appear. One document
    without articles gets one lead naming it; otherwise every (document,
    article) group gets its own heading line. ``lead`` replaces the lead (a
    note such as the LLM fallback's). ``blocks``, when given, receives each
    document's lines (a comparison's sides): its articles' headings without
    the title, which heads its column, and its sentences with their markers."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    groups: dict[tuple[str, str], list[str]] = {}
    quoted: set[tuple[str, int]] = set()
    for q in quotes:
        # One sentence reached by two routes (found, and cited by a penalty
        # article) is quoted once.
        if (q.chunk.doc_id, q.start) in quoted:
            continue
        quoted.add((q.chunk.doc_id, q.start))
        cid = q.chunk.chunk_id
        if cid not in numbers:
            numbers[cid] = len(numbers) + 1
            citations.append(citation(snapshot, numbers[cid], q.chunk, q.score))
        cite = citations[numbers[cid] - 1]
        if (q.start, q.end) not in cite.highlights:
            cite.highlights.append((q.start, q.end))
        groups.setdefault((q.chunk.doc_id, q.address or article_of(q.chunk.address)), []).append(
            f"{quote_text(q.text)} [{numbers[cid]}]")
    docs = list(dict.fromkeys(doc for doc, _ in groups))
    lines: list[str] = [] if lead is None else [lead]
    if len(docs) == 1 and all(not address for _, address in groups):
        if lead is None:
            lines.append(T.ANSWER_LEAD.format(sources=source_title(snapshot, docs[0])))
        for (doc, _), body in groups.items():
            lines += body
            if blocks is not None:
                blocks.setdefault(doc, []).extend(body)
        return "\n".join(lines), citations
    for (doc, address), body in groups.items():
        heading = T.SOURCE_HEADING.format(**_source(snapshot, doc), address=address)
        lines += [heading, *body]
        if blocks is not None:
            blocks.setdefault(doc, []).extend([T.SIDE_HEADING.format(address=address), *body] if address else body)
    return "\n".join(lines), citations
