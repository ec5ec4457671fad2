"""Short descriptions of a phrase from the words around it in its sentence."""
from __future__ import annotations

import re

from ..tokenize import pos_tags

# Clause delimiters inside a sentence.
CLAUSE_BREAK = "，,；;：:。！？!?（）()"
# Word classes that never end a description: particles, prepositions,
# conjunctions, adverbs, pronouns, numerals/classifiers, punctuation.
_WEAK_TAGS = ("u", "p", "c", "d", "r", "m", "q", "x", "f")
_MAX_LABEL = 16


# The project's one tagger, over the sentence as it stands (offsets hold).
tagged = pos_tags


def clause_start(sentence: str, pos: int, extra_breaks: str = "") -> int:
    i = pos
    while i > 0 and sentence[i - 1] not in CLAUSE_BREAK + extra_breaks:
        i -= 1
    return i


def clause_end(sentence: str, pos: int) -> int:
    i = pos
    while i < len(sentence) and sentence[i] not in CLAUSE_BREAK:
        i += 1
    return i


def _is_weak(word: str, flag: str) -> bool:
    return flag.startswith(_WEAK_TAGS) or not re.search(r"[\u4e00-\u9fff\w]", word)


def words_before(sentence: str, pos: int, extra_breaks: str = "") -> str:
    """The clause before ``pos`` without the verbs and particles that lead
    into the phrase ("全年申请专利达到了" -> "全年申请专利")."""
    words = list(tagged(sentence[clause_start(sentence, pos, extra_breaks):pos]))
    while words and _is_weak(*words[-1]):
        words.pop()
    # One verb leads into the phrase ("达到"); earlier ones describe it ("申请").
    if words and words[-1][1] == "v":
        words.pop()
    while words and _is_weak(*words[-1]):
        words.pop()
    # Only connectives are dropped in front: "全年" or "各级" still describe.
    while words and words[0][1].startswith(("u", "p", "c", "x")):
        words.pop(0)
    return _shorten("".join(w for w, _ in words), keep_end=True)


def noun_after(sentence: str, pos: int) -> str:
    """The noun phrase right after ``pos`` ("个省区市成立了" -> "省区市")."""
    out: list[str] = []
    for word, flag in tagged(sentence[pos:clause_end(sentence, pos)]):
        if _is_weak(word, flag) or (flag.startswith("v") and out):
            break
        out.append(word)
    return _shorten("".join(out), keep_end=False)


def words_after(sentence: str, pos: int) -> str:
    """The rest of the clause after ``pos``, or the next clause when the
    phrase ends its clause."""
    end = clause_end(sentence, pos)
    text = sentence[pos:end].strip()
    if not text and end < len(sentence):
        text = sentence[end + 1:clause_end(sentence, end + 1)].strip()
    return _shorten(text, keep_end=False)


def _shorten(text: str, keep_end: bool) -> str:
    if len(text) <= _MAX_LABEL:
        return text
    return "…" + text[-_MAX_LABEL:] if keep_end else text[:_MAX_LABEL] + "…"
