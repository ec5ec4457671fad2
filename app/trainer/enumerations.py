"""Enumerations: three or more items separated by 、, with what they
enumerate ("公安、工商、版权、海关等部门" -> items and the category 部门)."""
from __future__ import annotations

import re
from statistics import median

from .context import CLAUSE_BREAK, clause_start, noun_after, tagged
from .labels import meaningful, noun_phrase_before
from .spans import Found, Target

_MIN_ITEMS = 3
_MAX_ITEM = 15
# Words that join the last two items ("保护和管理").
_JOINERS = ("以及", "或者", "和", "及", "与", "或")
_ETC = re.compile(r"等等|等")
# Characters that end an item run: quotes and brackets open a new phrase.
_ITEM_STOP = "“”\"'「」『』"
# Word classes that lead into an enumeration rather than belong to it.
_LEAD_TAGS = ("p", "u", "c", "r", "d", "x", "m")


def _segments(sentence: str) -> list[tuple[int, int]]:
    spans, a = [], 0
    for i, ch in enumerate(sentence):
        if ch in CLAUSE_BREAK:
            spans.append((a, i))
            a = i + 1
    spans.append((a, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


def _token_bounds(text: str) -> list[int]:
    bounds, pos = [0], 0
    for word, _ in tagged(text):
        pos += len(word)
        bounds.append(pos)
    return bounds


def _closest(lengths: list[int], typical: float) -> int:
    return min(lengths, key=lambda n: (abs(n - typical), n))


def _trim_first(sentence: str, a: int, b: int, typical: float) -> int:
    """Start of the first item: what follows the last verb, particle or
    preposition before the first 、 ("要加强与公安" -> "公安"); if that is
    still far longer than the others, the word-aligned tail closest in length to the others."""
    text = sentence[a:b]
    cut = max((text.rfind(c) for c in _ITEM_STOP), default=-1)
    if cut >= 0:
        text, a = text[cut + 1:], a + cut + 1
    words = tagged(text)
    pos = start = 0
    for word, flag in words[:-1]:
        pos += len(word)
        if flag in ("v", "a") or flag.startswith(_LEAD_TAGS):
            start = pos
    if len(text) - start <= min(_MAX_ITEM, 2 * typical + 1):
        return a + start
    tails = [len(text) - i for i in _token_bounds(text)[:-1]]
    return b - _closest([n for n in tails if n <= _MAX_ITEM] or [min(tails)], typical)


def _trim_last(sentence: str, a: int, b: int, typical: float) -> tuple[list[tuple[int, int]], str, int]:
    """Items in the text after the last 、 (one, or two around a joiner),
    the category named after 等, and the end of the enumeration."""
    text = sentence[a:b]
    stops = [text.find(c) for c in _ITEM_STOP + "的" if text.find(c) > 0]
    etc = _ETC.search(text, 1)
    category, end = "", None
    if etc and (not stops or etc.start() < min(stops)):
        category = noun_after(text, etc.end())
        end = a + etc.end() + len(category) if category else a + etc.start()
        text = text[:etc.start()]
    elif stops:
        text = text[:min(stops)]
    items: list[tuple[int, int]] = []
    pos = 0
    for word, flag in tagged(text):
        if word in _JOINERS and pos > 0 and not items:
            items.append((a, a + pos))
            rest = a + pos + len(word)
            items.append((rest, a + len(text)))
            break
        pos += len(word)
    if not items:
        items = [(a, a + len(text))]
    s, e = items[-1]
    if not category:
        heads = [n for n in _token_bounds(sentence[s:e])[1:] if n <= _MAX_ITEM]
        e = s + _closest(heads, typical) if heads else e
        items[-1] = (s, e)
    return items, category, end if end is not None else items[-1][1]


def _common_suffix(words: list[str]) -> str:
    suffix = words[0]
    for w in words[1:]:
        while suffix and not w.endswith(suffix):
            suffix = suffix[1:]
    # A category needs two characters, and must not be a whole item.
    return suffix if len(suffix) >= 2 and all(len(w) > len(suffix) for w in words) else ""


def _runs(sentence: str, a: int, b: int) -> list[list[tuple[int, int]]]:
    """Raw 、-separated pieces of a segment, broken where a piece is a clause
    rather than an item: far longer than the others, or holding a quote."""
    pieces, pos = [], a
    for i in range(a, b):
        if sentence[i] == "、":
            pieces.append((pos, i))
            pos = i + 1
    pieces.append((pos, b))
    inner = [e - s for s, e in pieces[1:-1]]
    limit = min(_MAX_ITEM, 2 * median(inner) + 2)
    runs: list[list[tuple[int, int]]] = [[pieces[0]]]
    for s, e in pieces[1:-1]:
        runs[-1].append((s, e))
        if e - s > limit or any(c in _ITEM_STOP for c in sentence[s:e]):
            runs.append([(s, e)])
    runs[-1].append(pieces[-1])
    return [r for r in runs if len(r) >= _MIN_ITEMS]


def enumerations(sentence: str) -> list[Found]:
    out: list[Found] = []
    for a, b in _segments(sentence):
        if sentence.count("、", a, b) < _MIN_ITEMS - 1:
            continue
        for run in _runs(sentence, a, b):
            found = _enumeration(sentence, run)
            if found:
                out.append(found)
    return out


def _enumeration(sentence: str, run: list[tuple[int, int]]) -> Found | None:
    middle = run[1:-1]
    typical = median([e - s for s, e in middle])
    first = (_trim_first(sentence, *run[0], typical), run[0][1])
    last, category, end = _trim_last(sentence, *run[-1], typical)
    items = [first, *middle, *last]
    texts = [sentence[s:e] for s, e in items]
    if any(not t or len(t) > _MAX_ITEM or not re.search(r"[\u4e00-\u9fff\w]", t) for t in texts):
        return None
    if len(set(texts)) != len(texts):
        return None
    category = category or _common_suffix(texts)
    # What the items are: their category, else the noun phrase they follow
    # ("提高…的创造、运用、保护和管理能力" has none that means anything).
    before = noun_phrase_before(sentence[clause_start(sentence, first[0]):first[0]])
    label = category or (before if meaningful(before) else "")
    group = "term:" + category if category else None
    return Found("list", first[0], end, label, tuple(Target(s, e, group) for s, e in items))
