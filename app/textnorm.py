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


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (digits, letters, ％) and the ideographic space
    become their half-width forms; CJK punctuation is left alone."""
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E and not _is_cjk_punct(ch):
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def _is_cjk_punct(ch: str) -> bool:
    # Chinese text uses these full-width forms as its own punctuation; keeping
    # them lets sentence splitting and display behave the same on both sides.
    return ch in "，！？；：（）［］｛｝"


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def normalize_question(text: str) -> str:
    """Traditional -> simplified, full-width digits/letters -> ASCII, NFKC-free
    whitespace collapse. Pure and idempotent."""
    text = _BINARY.sub(" ", text)
    text = to_halfwidth(text)
    text = to_simplified(text)
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


def compare_form(text: str) -> str:
    """Form used to compare answers with expectations and sources: simplified,
    half-width, without whitespace and punctuation, lower-case."""
    text = to_simplified(to_halfwidth(text)).lower()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")
