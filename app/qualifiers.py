"""What a question names one of several of: one of a series (第六届, 首批,
第一场), a round (B轮), a class (一等座), a side (男子, 女子), a province or
country. A sentence that names another of the same kind, and not the one
asked, speaks of another thing: "第六届论坛几月几日开幕" is not answered by
the day the fifth opened, nor "一等座票价" by the second class's fare."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .coverage import PROVINCES
from .numerals import to_int

_NUMERAL = "零〇一二三四五六七八九十百千两"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("series", re.compile(rf"(?:第([{_NUMERAL}\d]+)|(首))(届|场|轮|期|批|季|次)")),
    ("round", re.compile(r"(?<![A-Za-z])([A-Ea-e])\+?轮")),
    ("class", re.compile(r"([一二三四特头])等(座|奖|舱)")),
    ("side", re.compile(r"(男|女)(子|性|篮|排|足)")),
    ("place", re.compile("|".join(PROVINCES))),
)


@dataclass(frozen=True)
class Qualifier:
    frame: str  # what it is one of: a series' counter (届), a class's noun (座), "side", "place"
    value: str  # which one, as two wordings of it share it (6 for 第六届 and 第6届)
    said: str  # as the text words it


def _read(kind: str, m: re.Match[str]) -> Qualifier:
    if kind == "series":
        return Qualifier(m.group(3), str(1 if m.group(2) else to_int(m.group(1))), m.group(0))
    if kind == "class":
        return Qualifier(m.group(2), "一" if m.group(1) == "头" else m.group(1), m.group(0))
    if kind == "round":
        return Qualifier("轮", m.group(1).upper(), m.group(0))
    if kind == "side":
        return Qualifier(kind, m.group(1), m.group(0))
    return Qualifier(kind, m.group(0), m.group(0))


def qualifiers(text: str) -> list[Qualifier]:
    """The qualifiers ``text`` names."""
    return [_read(kind, m) for kind, rx in _KINDS for m in rx.finditer(text)]


def another_named(asked: list[Qualifier], sentence: str, passage: str) -> tuple[str, str] | None:
    """What a sentence names instead of a qualifier asked, and that one
    (("第五届", "第六届") where the question asks of 第六届), or None. A sentence naming none of that
    frame is read in its ``passage`` (with its document's title): a match
    report's sentences speak of the match its first sentence names."""
    for q in asked:
        for context in (sentence, passage):
            found = [f for f in qualifiers(context) if f.frame == q.frame]
            if found:
                if all(f.value != q.value for f in found):
                    return found[0].said, q.said
                break
    return None
