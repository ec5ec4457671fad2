"""What a question names one of several of: one of a series (第六届, 首批,
第一场), a financing round (B轮), a class (一等座), a side (男子, 女子), a
province or a country. A sentence that names others of the same kind, and
not the one asked, speaks of another thing: "第六届论坛几月几日开幕" is not
answered by the day the fifth opened, nor "一等座票价" by the second class's
fare."""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Sequence
from functools import lru_cache

from .numerals import NUMERAL_CHARS, to_int
from .places import COUNTRIES, PROVINCES
from .tokenize import word_bounds

# (A case number's 字第38号 numbers a judgment, not one of a series asked.)
_SERIES = re.compile(rf"(?:(?<!字)第([{NUMERAL_CHARS}\d]+)|(首))(届|场|轮|期(?!款)|批|季|次)")
# A numbered one is one of the kind named after it (第2号洪水, 第3号台风; a
# decree's 第588号 is none of them).
_NUMBERED = re.compile(rf"(?<!字)第([{NUMERAL_CHARS}\d]+)号([\u4e00-\u9fff]{{0,2}})")
# A numbered line or route (6号线; not S2号线's letter).
_LINE = re.compile(rf"(?<![A-Za-z])([{NUMERAL_CHARS}\d]+)号线")
# An instance of a trial (一审, 二审, 再审), not 统一审批, 逐一审查, 不再审查.
_INSTANCE = re.compile(r"(?<![统逐唯单不])([一二]|再)审(?![查批核计阅视])")
# A year a sentence states its figures of, not one it compares them with
# ("比2024年增加", "较2024年", "与2023年相比"; "2023年和2024年" are both).
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*年(?!代)")
_COMPARED = re.compile(r"(?:比|较|同比|相比|对比|超过|高于|低于)\s*$")
_COMPARED_WITH = (re.compile(r"(?:与|和|同|跟)\s*$"), re.compile(r"(?:同期)?(?:相比|比较)"))
# The kinds a sentence names for itself, never read in its passage: a
# passage names the years of all it compares ("今年……比上年增加", "2024年为
# ……"), a judgment's reasoning every instance the case went through.
OWN_FRAMES = ("year", "relative year", "审")
_ROUND = re.compile(r"(?<![A-Za-z])([A-Ea-e])\+?轮")
# A numbered room or building (603室, 3栋, 5号楼): a judgment about one flat
# names its neighbours' too.
_UNIT = re.compile(r"(?<![\d.])(\d{1,4})(室|栋|幢|号楼)")
# A year told relative to the text's own (去年, 今年): a sentence of this
# year's figures is no answer about last year's (the year compared with,
# 去年同期 or 去年为……, is not the sentence's own).
_RELATIVE_YEAR = re.compile(r"(去年|今年|明年|前年)(?!同期|以来|为|是)")
_CLASS = re.compile(r"([一二三四特头])等(座|奖|舱)")
_SIDE = re.compile(r"(?<![子妇少])(男|女)(子|性|篮|排|足)")
_PROVINCE = re.compile("|".join(PROVINCES))
_COUNTRY = re.compile("|".join(COUNTRIES))
# A place is a word of its own (河南, not the 河南 of 黄河南岸) or names
# its kind (云南省).
_PLACE_KIND = re.compile(r"省|市|自治区|特别行政区")


@dataclass(frozen=True)
class Qualifier:
    frame: str  # what it is one of: a series' counter (届), a class's noun (座), "side", "province" …
    value: str  # which one, as two wordings of it share it (12 for 第十二届 and 第12届)
    said: str  # as the text words it


@lru_cache(maxsize=4096)  # asked of every candidate sentence and passage of a question
def qualifiers(text: str) -> tuple[Qualifier, ...]:
    """The qualifiers ``text`` names."""
    found = [Qualifier(m.group(3), str(1 if m.group(2) else to_int(m.group(1))), m.group(0))
             for m in _SERIES.finditer(text)]
    found += [Qualifier("号" + m.group(2), str(to_int(m.group(1))), m.group(0)) for m in _NUMBERED.finditer(text)]
    found += [Qualifier("号线", str(to_int(m.group(1))), m.group(0)) for m in _LINE.finditer(text)]
    found += [Qualifier("审", m.group(1), m.group(0)) for m in _INSTANCE.finditer(text)]
    found += [Qualifier("year", m.group(1), m.group(0)) for m in _YEAR.finditer(text) if not _compared(text, m)]
    found += [Qualifier("round", m.group(1).upper(), m.group(0)) for m in _ROUND.finditer(text)]
    found += [Qualifier("室" if m.group(2) == "室" else "栋", m.group(1), m.group(0)) for m in _UNIT.finditer(text)]
    found += [Qualifier("relative year", m.group(1), m.group(0)) for m in _RELATIVE_YEAR.finditer(text)
              if not _compared(text, m)]
    found += [Qualifier(m.group(2), "一" if m.group(1) == "头" else m.group(1), m.group(0))
              for m in _CLASS.finditer(text)]
    found += [Qualifier("side", m.group(1), m.group(0)) for m in _SIDE.finditer(text)]
    places = [(frame, m) for frame, rx in (("province", _PROVINCE), ("country", _COUNTRY)) for m in rx.finditer(text)]
    if places:
        bounds = set(word_bounds(text))
        found += [Qualifier(frame, m.group(0), m.group(0)) for frame, m in places
                  if _PLACE_KIND.match(text, m.end()) or (m.start() in bounds and m.end() in bounds)]
    return tuple(found)


def _compared(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 4):m.start()]
    return bool(_COMPARED.search(before)) or bool(_COMPARED_WITH[0].search(before)
                                                and _COMPARED_WITH[1].match(text, m.end()))


_THIS_ONE = re.compile(r"(?:此|本|这)一?[次届期批轮场季](?![限间])")


def another_named(asked: Sequence[Qualifier], sentence: str, passage: str, title: str = "") -> tuple[str, str] | None:
    """What a sentence names instead of the qualifiers asked of a kind, and
    those (("第五届", "第六届") where the question asks of 第六届), or None.
    A sentence naming none of that kind is read in its ``passage`` (with its
    document's title): a match report's sentences speak of the match its
    first sentence names; one about "this" one (本届, 此次), in its
    document's ``title`` alone, where that names one of the kind."""
    frames: dict[str, list[Qualifier]] = {}
    for q in asked:
        frames.setdefault(q.frame, []).append(q)
    # A sentence about "this" one (此次开工的项目) speaks of the one its
    # document's title names, whatever earlier ones its passage recalls.
    titled = qualifiers(title) if title and _THIS_ONE.search(sentence) else ()
    named = [qualifiers(sentence), titled if any(q.frame in frames for q in titled) else qualifiers(passage)]
    for frame, ones in frames.items():
        values = {q.value for q in ones}
        for context in named[:1] if frame in OWN_FRAMES else named:
            found = [f for f in context if f.frame == frame]
            if found:
                # A sentence dated otherwise that names the year asked too,
                # if only to compare ("2025年……，比2024年增长5%"), may state
                # its figure beside the other's; the rest of its passage
                # speaking of the year asked does not make it that year's.
                mentioned = frame == "year" and any(m.group(1) in values for m in _YEAR.finditer(sentence))
                if not any(f.value in values for f in found) and not mentioned:
                    return found[0].said, "、".join(dict.fromkeys(q.said for q in ones))
                break
    return None


# What a text about a later instance names: the instance, the parties of an
# appeal, or what the appeal court held (驳回上诉, 维持原判, 改判; a case
# report tells of both instances). A first-instance judgment names only the
# right to appeal (可以……上诉).
_INSTANCE_MARKS = {"二": ("二审", "上诉人", "驳回上诉", "维持原判", "改判", "终审"),
                   "再": ("再审",)}


def instance_not_held(asked: Sequence[Qualifier], document: str) -> tuple[str, str] | None:
    """A later instance asked of (二审, 再审) that a quoted document never
    speaks of: it is a judgment of an earlier one, and what the later
    instance held is not in it. (the document's instance, the asked one),
    or None."""
    for q in asked:
        marks = _INSTANCE_MARKS.get(q.value) if q.frame == "审" else None
        if marks and not any(m in document for m in marks):
            held = "二审" if any(m in document for m in _INSTANCE_MARKS["二"]) else "一审"
            return held, q.said
    return None
