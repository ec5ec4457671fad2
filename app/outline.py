"""Questions about a document's own structure ("第二部分的标题是什么？",
"第二部分部署了哪几项工作？", "讲话分为几个部分？") answered from the
headings the chunker found. Passage similarity cannot answer them: the
words of such a question name a place in the outline, not a topic."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import texts as T
from .chunking import Chunk
from .legal import ARTICLE
from .numerals import NUMERAL_CHARS, to_int
from .textnorm import compare_form

_NUM = NUMERAL_CHARS
# "一、" / "一是" / "（一）" / "第一，" at the start of a heading label.
_LABEL_ORDINAL = re.compile(rf"^(?:第|[（(])?([{_NUM}]+|\d+)")
# Level 1 is a part ("部分", "方面"); level 2 a point within it.
_PART = re.compile(rf"第([{_NUM}]+|\d+)(?:个|大)?(?:部分|方面|章)")
_POINT = re.compile(rf"第([{_NUM}]+|\d+)(?:个)?(?:点|项|条|个问题)")
_LAST_POINT = re.compile(r"最后一(?:点|项|条)")
# A part named by words of its heading quoted ("“突出重点”这部分").
_QUOTED_PART = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』](?:这|那)?一?(?:个)?(?:部分|方面|章)")
_WHOLE = re.compile(r"(?:分为|分成|包括|有|讲了?)(?:几|哪几|多少)个?(?:大)?(?:部分|方面)")
_ASKS_TITLE = re.compile(r"标题|题目|主题")
# Which points a part makes: a list, a count, or what it is about.
_ASKS_POINTS = re.compile(r"几[项点条个]|多少[项点条个]|哪几|哪些|分别|各是|包括|部署了?什么|主要内容|讲了?什么|讲的是什么")
# "几项" / "多少个部分": the count asked, and the measure word to state it with.
_ASKS_COUNT = re.compile(r"(?:(?<!哪)几|多少)(个?(?:大)?(?:部分|方面)|[项点条])")


@dataclass(frozen=True)
class Resolved:
    """The headings that answer a structural question, and, when it asks how
    many, the count of the headings they were chosen from and its measure word."""
    headings: list[Heading]
    count: int | None = None
    measure: str = ""


@dataclass(frozen=True)
class Heading:
    depth: int  # 0 = part ("一、"), 1 = point ("一是", "（一）")
    ordinal: int | None
    path: tuple[str, ...]
    chunk_index: int  # the chunk that holds the heading sentence
    start: int  # the heading sentence, offsets in the document
    end: int


def build_outlines(chunks: list[Chunk], texts: dict[str, str]) -> dict[str, list[Heading]]:
    """Headings of each document, in reading order: for every section path,
    the sentence that opens its first chunk, when that sentence is its label."""
    out: dict[str, list[Heading]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for i, chunk in enumerate(chunks):
        if not chunk.sentences or chunk.section[:1] in ([T.TITLE_SECTION], [T.OPENING_SECTION],
                                                        [T.CLOSING_SECTION]):
            continue
        for depth in range(len(chunk.section)):
            path = tuple(chunk.section[: depth + 1])
            if (chunk.doc_id, path) in seen:
                continue
            seen.add((chunk.doc_id, path))
            a, b = chunk.sentences[0]
            label = compare_form(path[-1])
            if not label or not compare_form(texts[chunk.doc_id][a:b]).startswith(label):
                continue
            m = _LABEL_ORDINAL.match(path[-1])
            out.setdefault(chunk.doc_id, []).append(
                Heading(depth, to_int(m.group(1)) if m else None, path, i, a, b))
    return out


def named_part(terms: tuple[str, ...], outline: list[Heading], text: str) -> tuple[str, ...] | None:
    """The part of a document (its path) that a word of the question names
    alone: its heading states the word, and the document never uses it
    outside that part ("60万吨乙烯" of "一、关于60万吨乙烯项目问题" in a reply
    whose parts are each about one project). The question is then about
    that part's subject. None when no word, or words of several parts, do
    so: a word the whole text uses (专利, 期限) names no part."""
    parts = [h for h in outline if h.depth == 0 and not ARTICLE.match(h.path[-1])]
    if len(parts) < 2:
        return None
    ends = [nxt.start for nxt in parts[1:]] + [len(text)]
    labels = [compare_form(h.path[-1]) for h in parts]
    named = set()
    for term in {t for t in terms if len(t) >= 2}:
        holders = [i for i, label in enumerate(labels) if compare_form(term) in label]
        if len(holders) != 1:
            continue
        k = holders[0]
        if all(parts[k].start <= m.start() < ends[k] for m in re.finditer(re.escape(term), text)):
            named.add(parts[k].path)
    return named.pop() if len(named) == 1 else None


def _children(outline: list[Heading], parent: Heading) -> list[Heading]:
    return [h for h in outline if h.depth == parent.depth + 1 and h.path[: parent.depth + 1] == parent.path]


def _nth(headings: list[Heading], token: str) -> Heading | None:
    n = to_int(token)
    return next((h for h in headings if h.ordinal == n), None) if n else None


def resolve(question: str, outline: list[Heading]) -> Resolved:
    """The headings that answer a structural question about one document's
    outline, in reading order; none when the question is not structural or
    the outline has no such place (ordinary retrieval answers then). A
    question asking both how many points and which one ("几项？最后一项是什么？")
    gets that one point and the count."""
    if not outline:
        return Resolved([])
    # An article is answered by the article lookup and is no part of its
    # text: a law without chapters has no parts, not 七十三 of them.
    parts = [h for h in outline if h.depth == 0 and not ARTICLE.match(h.path[-1])]
    part_m, point_m = _PART.search(question), _POINT.search(question)
    quoted = _QUOTED_PART.search(question)
    last = _LAST_POINT.search(question)
    if part_m is None and point_m is None and last is None and quoted is None:
        return _counted(question, parts, parts) if _WHOLE.search(question) else Resolved([])
    if part_m is not None:
        part = _nth(parts, part_m.group(1))
    elif quoted is not None:
        named = [h for h in parts if compare_form(quoted.group(1)) in compare_form(h.path[-1])]
        part = named[0] if len(named) == 1 else None
    else:
        # "第三点" alone names a point of the one part that has points.
        with_points = [p for p in parts if _children(outline, p)]
        part = with_points[0] if len(with_points) == 1 else None
    if part is None:
        return Resolved([])
    points = _children(outline, part)
    if point_m is not None:
        point = _nth(points, point_m.group(1))
        return Resolved([point]) if point is not None and _ASKS_TITLE.search(question) else Resolved([])
    if _ASKS_TITLE.search(question):
        return Resolved([part] if part_m is not None else [])
    if points and last is not None:
        return _counted(question, points[-1:], points)
    if points and _ASKS_POINTS.search(question):
        return _counted(question, points, points)
    return Resolved([])


def _counted(question: str, chosen: list[Heading], among: list[Heading]) -> Resolved:
    m = _ASKS_COUNT.search(question)
    return Resolved(chosen, len(among), m.group(1)) if m and chosen else Resolved(chosen)
