"""Pure text normalisation: questions before retrieval, and comparisons."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")
# Characters that never belong in a typed question (C0/C1 controls except
# tab/newline, the Unicode replacement char left by bad decoding, and lone
# surrogates, which JSON "\\ud800" escapes produce and UTF-8 cannot encode).
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_WRITTEN = re.compile(r"\d+(?:[.,]\d+)*[%％]?")
# Markup a question may carry when pasted from a web page or a chat:
# script/style elements with their content, any other tag, Markdown emphasis,
# code ticks and heading or quote marks at a line start.
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
_MD_MARKS = re.compile(r"(\*\*|__|`+|~~)|^\s{0,3}(?:#{1,6}|>)\s*", re.M)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _is_cjk_punct(ch: str) -> bool:
    # Chinese text uses these full-width forms as its own punctuation; keeping
    # them lets sentence splitting and display behave the same on both sides.
    return ch in "，！？；：（）［］｛｝"


_HALFWIDTH = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)
                              if not _is_cjk_punct(chr(code))}}
_SPACE_IN_CJK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# Exactly the characters outside Unicode's letter and number categories.
_NOT_LETTER_OR_NUMBER = re.compile(r"[\W_]+")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (digits, letters, ％) and the ideographic space
    become their half-width forms; CJK punctuation is left alone."""
    return text.translate(_HALFWIDTH)


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def strip_markup(text: str) -> str:
    """A question without HTML tags (script and style with their content)
    and Markdown marks: markup says nothing about what is asked."""
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    return _MD_MARKS.sub(" ", text)


def normalize_question(text: str) -> str:
    """Traditional -> simplified, full-width digits/letters -> ASCII,
    spaces between Chinese characters dropped, other whitespace collapsed.
    Pure and idempotent."""
    text = _BINARY.sub(" ", text)
    text = to_halfwidth(text)
    text = to_simplified(text)
    # Chinese puts no space between words: "哪 些 行 业" is 哪些行业.
    text = _SPACE_IN_CJK.sub("", text)
    return _WS.sub(" ", text).strip()


def has_binary(text: str) -> bool:
    return bool(_BINARY.search(text))


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def is_mostly_latin(text: str) -> bool:
    """True for questions written (mostly) in a Latin-script language, whose
    words the Chinese lexical index cannot match."""
    latin = len(_LATIN.findall(text))
    return latin > 0 and latin >= 2 * cjk_count(text)


def has_letters(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in text)


@lru_cache(maxsize=8192)
def compare_form(text: str) -> str:
    """Form used to compare answers with expectations and sources: simplified,
    half-width, without whitespace and punctuation, lower-case. Cached: one
    question compares each of its terms with the same passages many times."""
    return _NOT_LETTER_OR_NUMBER.sub("", to_simplified(to_halfwidth(text)).lower())


def bigrams(text: str) -> set[str]:
    """Character pairs of the comparison form (a one-character text is its own pair)."""
    t = compare_form(text)
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else ({t} if t else set())


def without_numbers(text: str) -> str:
    """``text`` with its digit-written numbers (1,000, 2.5, 24%) taken out."""
    return _NUMBER_WRITTEN.sub("", text)


def numbers(text: str) -> set[str]:
    """Numbers written with digits, normalised (full-width, 1,000 -> 1000)."""
    text = to_halfwidth(text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return {n.rstrip("0").rstrip(".") if "." in n else n for n in _NUMBER.findall(text)}
