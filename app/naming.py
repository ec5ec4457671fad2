"""Which documents a question names: by title or a tail of it (专利法,
商标法实施条例, 惩罚性赔偿的解释), by place (浙江, 浦东), and which version (a
year: "2023年修订的实施细则"; "修订前后" asks for all). Everything comes
from the documents' own titles and metadata, for any library."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .legal import ARTICLE_REF
from .metadata import DocMeta, group_of, place_names, title_names
from .question import question_parts
from .tokenize import content_terms
from .textnorm import bigrams, compare_form

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# A year that names a version ("2010年版", "2023年修订后").
_VERSION_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:版|修订|修正|修改|施行|颁布|公布|的版本)")
# A question about what changed between versions wants every version: by a
# word only versions have (修订前后, 旧版), or, of one document, by any word
# of change (有什么不同 between two documents compares them).
_VERSIONS_ONLY = re.compile(r"修订前后|修改前后|新旧|旧版|老版|原来的版本|以前的版本|之前的版本")
_VERSIONS = re.compile(rf"{_VERSIONS_ONLY.pattern}|前后有什么|有什么变化|有何变化|变化|改动|区别|不同")
# How many documents one name may point at and still name them: more is a
# topic word ("保护条例"), not a name.
MAX_GROUPS = 3
# How legal Chinese shortens the issuing courts in the names of judicial
# interpretations ("两高……的解释", "最高法……的规定").
_ABBREVIATIONS = (("两高", "最高人民法院最高人民检察院"), ("最高法", "最高人民法院"), ("最高检", "最高人民检察院"),
                  ("司法解释", "解释"))
# The number of a document in a series: "……的解释（二）".
_SERIES = re.compile(r"[（(]([一二三四五六七八九十])[)）]")
# Share of the character pairs of a name written loosely that a title must
# hold to be the document meant ("侵犯专利权纠纷司法解释（二）").
MIN_LOOSE_MATCH = 0.6


@dataclass(frozen=True)
class Naming:
    docs: frozenset[str]  # the documents named (current versions unless a year or a version question says else)
    groups: tuple[str, ...]  # the version groups named, in order of mention
    versions: bool  # asks about versions (all versions of the named groups kept)
    # Two things or more named apart (河南 and 宁波): each answers for itself.
    # One name several documents share (上海) only narrows the search.
    apart: bool = False


class NameIndex:
    """Names of a library's documents, built once per index."""

    def __init__(self, metas: dict[str, DocMeta]) -> None:
        self.metas = metas
        self.groups: dict[str, list[DocMeta]] = {}
        for m in metas.values():
            self.groups.setdefault(group_of(m), []).append(m)
        for members in self.groups.values():
            members.sort(key=lambda m: (m.date, m.doc_id))
        self.names: dict[str, set[str]] = {}
        for key, members in self.groups.items():
            for m in members:
                for name in (*title_names(m), *place_names(m)):
                    form = compare_form(name)
                    if len(form) >= 2:
                        self.names.setdefault(form, set()).add(key)
        self.current = frozenset(members[-1].doc_id for members in self.groups.values())

    def knows(self, name: str) -> bool:
        """``name`` is one of the library's document names, whole."""
        return compare_form(name) in self.names

    def resolve(self, question: str) -> Naming | None:
        """The documents ``question`` names, or None when it names none."""
        q = compare_form(question)
        found = [(i, i + len(name), groups) for name, groups in self.names.items()
                 if len(groups) <= MAX_GROUPS for i in _occurrences(q, name)]
        # A name inside a longer one found at the same place is part of it
        # (专利法 in 专利法实施细则).
        mentions = [m for m in found if not any(o is not m and o[0] <= m[0] and m[1] <= o[1]
                                                 and o[1] - o[0] > m[1] - m[0] for o in found)]
        if not mentions:
            return self._loosely_named(question) or self._named_by_versions(question)
        mentions.sort()
        named: list[set[str]] = []
        for _, _, groups in mentions:
            # Two names of one document narrow it down (上海 + 专利保护条例);
            # names of different documents add up (河南 and 宁波).
            for i, have in enumerate(named):
                if have & groups:
                    named[i] = have & groups
                    break
            else:
                named.append(set(groups))
        order = list(dict.fromkeys(g for have in named for g in sorted(have)))
        years = set(_YEAR.findall(question))
        # Two versions named by their years ("2010年版……？2023年版……？") are
        # both asked about, whether or not the question asks what changed;
        # years that are no version's ("2010年到2023年之间提交的") are not.
        version_years = set(_VERSION_YEAR.findall(question))
        dated = {g: [m for m in self.groups[g] if m.date and m.date[:4] in version_years] for g in order}
        # "有什么不同" between two named documents compares them, not the
        # versions of one of them; a version word says so (修订前后, 新旧).
        changed = _VERSIONS.search(question) if len(named) == 1 else _VERSIONS_ONLY.search(question)
        versions = any(len(self.groups[g]) > 1 for g in order) and (
            bool(changed) or any(len(d) > 1 for d in dated.values()))
        docs = set()
        for g in order:
            members = self.groups[g]
            if len(dated[g]) > 1:
                docs |= {m.doc_id for m in dated[g]}
            elif versions:
                docs |= {m.doc_id for m in members}
            else:
                docs.add(_version_of(members, years).doc_id)
        return Naming(frozenset(docs), tuple(order), versions, apart=len(named) >= 2)

    def _loosely_named(self, question: str) -> Naming | None:
        """The document whose article a question asks for by a name written
        loosely ("两高侵犯知识产权刑事案件解释（三）第七条", "2009年最高法关于审理
        侵犯专利权纠纷案件的解释第十八条"): the one title that holds most of the
        name's character pairs, at least ``MIN_LOOSE_MATCH`` of them, and the
        same number in a series; None when no title, or more than one, does."""
        ref = ARTICLE_REF.search(question)
        if ref is None:
            return None
        name = question[:ref.start()]
        for short, full in _ABBREVIATIONS:
            name = name.replace(short, full)
        series = _SERIES.search(name)
        pairs = bigrams(_YEAR.sub("", _SERIES.sub("", name)))
        if len(pairs) < 4:
            return None
        scored = sorted(((len(pairs & bigrams(key)) / len(pairs), key) for key in self.groups
                         if _series_of(key) == (series.group(1) if series else None)), reverse=True)
        if not scored or scored[0][0] < MIN_LOOSE_MATCH or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        key = scored[0][1]
        return Naming(frozenset({_version_of(self.groups[key], set(_YEAR.findall(question))).doc_id}), (key,), False)

    def _named_by_versions(self, question: str) -> Naming | None:
        """A question about what changed between versions named by their years
        alone ("2023年修订后与2010年版相比有什么变化"): the one document that has
        a version of every year named, all its versions; None when none or
        several do."""
        years = set(_VERSION_YEAR.findall(question))
        if len(years) < 2 or not _VERSIONS.search(question):
            return None
        fitting = [key for key, members in self.groups.items() if years <= {m.date[:4] for m in members}]
        if len(fitting) != 1:
            return None
        return Naming(frozenset(m.doc_id for m in self.groups[fitting[0]]), (fitting[0],), True)


# The words (whole terms) a question about versions asks with besides its
# years: they name no point of the provision.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_VERSION_WORD = re.compile(r"年?版本?|修订|修改|修正|相比|比较|对比|有何|变化|改动|区别|不同|差异|前后|新旧|旧版|老版")


def without_version_asking(question: str) -> str:
    """A question about versions without its parts that ask only what changed
    ("谁可以请求……？2023年修订后与2010年版相比有什么变化？" -> its first part):
    those parts name years and change, not the provision; the question itself
    when nothing else would be left."""
    parts = question_parts(question)
    kept = [p for p in parts if not _VERSIONS.search(p)
            or any(not (_VERSION_WORD.fullmatch(t) or _YEAR_DIGITS.fullmatch(t)) for t in content_terms(p))]
    return "".join(kept) if kept and len(kept) < len(parts) else question


def _series_of(title: str) -> str | None:
    m = _SERIES.search(title)
    return m.group(1) if m else None


def _version_of(members: list[DocMeta], years: set[str]) -> DocMeta:
    """The version a question's years point at: the one dated that year,
    else the oldest whose history has that year (as amended then); the
    current one when no year fits."""
    exact = [m for m in members if m.date[:4] in years]
    if exact:
        return exact[-1]
    history = [m for m in members if years & {d[:4] for _, d in m.dates}]
    return history[0] if history and len(members) > 1 else members[-1]


def _occurrences(text: str, name: str) -> list[int]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + 1)
    return out
