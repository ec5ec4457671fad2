"""Chinese word tokens for the lexical index and for question analysis."""
from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

from .numerals import NUMERAL_CHARS
from .textnorm import to_halfwidth

_RESOURCES = Path(__file__).resolve().parent / "resources"
_TOKEN_OK = re.compile(r"[\w\u3400-\u9fff]")
# A figure in digits, or a count told roughly in Chinese numerals (二十多个,
# 百余家): a figure in words may name what is asked (五百万元的法定赔偿, 两个确保).
_DIGITS = re.compile(rf"^(?:\d+(?:\.\d+)?|[{NUMERAL_CHARS}万亿]+[多余][个名家项条件位次种批所]?)$")
_CJK_ONLY = re.compile(r"^[\u3400-\u9fff]{2,}$")
# Whitespace between two Chinese characters ("哪 些 行 业") separates no words.
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = (_RESOURCES / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _register_file(name: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in (_RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, *formal = line.split("\t")
            out.setdefault(word.strip(), tuple(f.strip() for f in formal if f.strip()))
    return out


@lru_cache(maxsize=1)
def register() -> dict[str, tuple[str, ...]]:
    """Everyday words and the words of official texts for the same thing."""
    return {**topic_words(), **_register_file("register.txt")}


@lru_cache(maxsize=1)
def topic_words() -> dict[str, tuple[str, ...]]:
    """The register's everyday names of topics (交警, 社保, 造谣): unlike a
    manner of speaking, one the corpus has no reading of is a topic it does
    not speak of."""
    return _register_file("register_topics.txt")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identity of the index tokens: stored tokens go stale when the
    stop-words or the segmenter change."""
    import jieba

    words = "\n".join(sorted(stopwords()))
    return hashlib.sha256(f"{jieba.__version__}\n{words}".encode("utf-8")).hexdigest()[:16]


# Texts up to this long (questions, sentences, clauses) are segmented once:
# a which-documents answer reads the query and the same sentences again for
# each document it searches. Passages, segmented once when indexed, are not
# kept.
_CACHED_CHARS = 240


def words(text: str) -> list[str]:
    """All word tokens (search mode: long words plus their sub-words), lower-cased,
    punctuation and whitespace dropped; stop-words kept."""
    return list(_cached_words(text) if len(text) <= _CACHED_CHARS else _segmented(text))


@lru_cache(maxsize=16384)
def _cached_words(text: str) -> tuple[str, ...]:
    return _segmented(text)


def _segmented(text: str) -> tuple[str, ...]:
    text = _CJK_GAP.sub("", to_halfwidth(text).lower())
    return tuple(t for t in _jieba().lcut_for_search(text) if t.strip() and _TOKEN_OK.search(t))


@lru_cache(maxsize=4096)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech flag) pairs of jieba's tagger over ``text`` as
    it stands: the words join back into it, so offsets hold."""
    import jieba.posseg

    _jieba()
    return tuple((p.word, p.flag) for p in jieba.posseg.lcut(text))


_FUSED_QUESTION_WORD = re.compile(r"^(哪些)([\u4e00-\u9fff]{2,})$")


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs of a question: full-width forms and
    spaces between Chinese characters do not split words."""
    out: list[tuple[str, str]] = []
    for word, flag in pos_tags(_CJK_GAP.sub("", to_halfwidth(text))):
        # The segmenter's dictionary holds a few question words fused with
        # a noun ("哪些方面"): the question word and the noun it asks of.
        fused = _FUSED_QUESTION_WORD.match(word)
        out += [(fused.group(1), "r"), (fused.group(2), "n")] if fused else [(word, flag)]
    return out


def tagged_offsets(text: str) -> list[tuple[int, str, str]]:
    """(start, word, flag) of each word ``tagged`` cuts ``text`` into; the
    starts count in the text as ``tagged`` reads it (spaces between Chinese
    characters dropped)."""
    out, start = [], 0
    for word, flag in tagged(text):
        out.append((start, word, flag))
        start += len(word)
    return out


# Tags of names and nouns (person, place, organisation, other proper noun,
# abbreviation, idiom, set phrase, foreign word, noun).
_NAME_TAGS = ("n", "j", "l", "i", "eng")
PROPER_TAGS = frozenset(("nr", "ns", "nt", "nz"))


def names_in(text: str) -> frozenset[str]:
    """The words jieba's tagger reads as names or nouns in ``text``."""
    return frozenset(w for w, flag in tagged(text) if flag.startswith(_NAME_TAGS))


def proper_names_in(text: str) -> frozenset[str]:
    """The words jieba's tagger reads as proper names in ``text``: a
    person, a place, an organisation or another proper noun."""
    return frozenset(w for w, flag in tagged(text) if flag in PROPER_TAGS)


def word_bounds(text: str) -> list[int]:
    """Offsets in ``text`` where a word starts or ends (jieba's plain cut)."""
    return sorted({0, len(text), *(end for _, _, end in _jieba().tokenize(text))})


def word_frequency(word: str) -> int:
    """How often jieba's dictionary (general Chinese) has seen ``word``."""
    return _jieba().dt.FREQ.get(word, 0) or 0


@lru_cache(maxsize=8192)
def is_fused(token: str) -> bool:
    """Whether ``token`` is a word jieba's HMM made up of single characters
    one of which is a function word ("人要" of "权利人要在", "期是" of "异议期
    是", "能罚" of "最高能罚"): no word of general Chinese, and as a question
    term it matches nothing the question means."""
    if word_frequency(token) or not _CJK_ONLY.match(token):
        return False
    pieces = _jieba().lcut(token, HMM=False)
    return all(len(p) == 1 for p in pieces) and any(p in stopwords() for p in pieces)


def index_tokens(text: str) -> list[str]:
    """Tokens for BM25: words minus stop-words."""
    stop = stopwords()
    return [t for t in words(text) if t not in stop]


def content_terms(text: str) -> list[str]:
    """Distinct informative terms of a question, in order: no stop-words, no
    single CJK characters unless they are numbers."""
    seen: dict[str, None] = {}
    for t in index_tokens(text):
        if len(t) == 1 and not t.isdigit() and not t.isascii():
            continue
        seen.setdefault(t, None)
    return list(seen)


def is_number(token: str) -> bool:
    return bool(_DIGITS.match(token))
