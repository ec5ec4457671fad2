"""Homophone typos. Questions are typed with a pinyin input method, so a
mistyped word sounds like the intended one ("通志" for "同志", "成圆" for
"成员"). A question word the corpus never uses is read as a corpus word when
both have the same toneless pinyin, share at least half their characters,
and the typed spelling is far rarer in general Chinese than the corpus word:
a common word that merely sounds like a corpus word ("事实" / "实施") is a
different word, not a typo."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .tokenize import word_frequency

_CJK_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")


@lru_cache(maxsize=65536)
def sound(word: str) -> tuple[str, ...]:
    """Toneless pinyin of a word, one syllable a character."""
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(word))


class HomophoneIndex:
    """Corpus words by their sound, for reading typed words as corpus words."""

    def __init__(self, vocabulary: Iterable[str], min_ratio: float) -> None:
        self.min_ratio = min_ratio
        self._known = frozenset(vocabulary)
        self._by_sound: dict[tuple[str, ...], str] = {}
        for word in self._known:
            if _CJK_WORD.match(word):
                key = sound(word)
                known = self._by_sound.get(key)
                # Of several corpus words with one sound, the most common one.
                if known is None or word_frequency(word) > word_frequency(known):
                    self._by_sound[key] = word

    def intended(self, word: str) -> str | None:
        """The corpus word ``word`` is a typo of, or None."""
        if word in self._known or not _CJK_WORD.match(word) or word.endswith("第"):
            # (a word ending in 第 is a cut before an ordinal: "2025年第2号"
            # gives 年第, no slip for 年底)
            return None
        target = self._by_sound.get(sound(word))
        if target is None:
            return None
        # A typo keeps at least half of its characters: a whole word picked
        # wrongly from the input method's list ("打假" / "大家") is rarely a
        # slip, far more often another word.
        if 2 * sum(a == b for a, b in zip(word, target)) < len(word):
            return None
        return target if word_frequency(target) >= self.min_ratio * max(1, word_frequency(word)) else None


def corrected(text: str, terms: Iterable[str], homophones: HomophoneIndex) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each of ``terms`` that is a typo of a corpus word
    replaced by that word, and the (typed, read) pairs; longer terms first,
    so a compound is read whole before its parts."""
    readings = []
    for term in sorted(terms, key=len, reverse=True):
        target = homophones.intended(term)
        if target is not None and term in text:
            text = text.replace(term, target)
            readings.append((term, target))
    return text, readings
