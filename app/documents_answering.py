"""The text logic of which-documents and comparison answers.

Which documents a question asks about, the point it asks of them without
their names, and which of each document's sentences answer it, apart from
the pipeline that searches each document for them."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

import numpy as np

from .answering import Candidate, joined_words, of_something_else, sentence_vector, speaks_of_penalty
from .coverage import things_not_in
from .legal import ARTICLE
from .naming import Naming
from .question import QuestionInfo, analyze, question_parts, suffixed_nouns
from .snapshot import IndexSnapshot
from .textnorm import compare_form
from .tokenize import word_bounds, words

# The state's name that opens a national law's title, left out when cited.
_STATE = "中华人民共和国"

_WHICH = r"哪(?:些|几部|几个|几份|个)"
_PLACES = r"地方|省|市|城市|地区"
_KINDS = r"法规|法律|文件|规定|条例|司法解释|规章"
_WHICH_DOCUMENTS = re.compile(rf"{_WHICH}(?:{_PLACES}|{_KINDS}|法)")
_WHICH_KIND = re.compile(rf"{_WHICH}(?:{_KINDS}|法)")
# A which-places question asks which documents only when it asks what they
# rule ("哪些地方规定了……"); "包括哪些城市" asks for the places themselves.
_RULING = re.compile(r"规定|要求|法规|条例|明确|立法|办法|作出|作了")
# A word of a which-documents question about the documents, not the point
# they rule on ("文件", "明确规定", "地方").
_DOCUMENT_WORD = re.compile(rf"(?:{_RULING.pattern}|{_KINDS}|{_PLACES})+")
# The part of a which-documents question that names documents: a kind of
# document is named ("哪个城市" alone asks for a place).
ABOUT_DOCUMENTS = re.compile(rf"{_WHICH}(?:{_PLACES})?的?(?:{_KINDS})(?:里|中)?(?:有|作了|作出了)?"
                             r"(?:这种|这样的?|这类|类似的?|相关的?)?(?:要求|规定)?")


def unmentioned(snapshot: IndexSnapshot, naming: Naming | None, point: str,
                terms: tuple[str, ...]) -> tuple[str, str] | None:
    """The one document a question names and the things asked of it that it
    never mentions, quoted for the refusal; None when it mentions them all."""
    if naming is None or len(naming.docs) != 1:
        return None
    doc = next(iter(naming.docs))
    things = things_not_in(point, terms, snapshot.document_form(doc), snapshot.uses)
    return (snapshot.metas[doc].title, "、".join(f"“{t}”" for t in things)) if things else None


def with_suffixed_nouns(terms: tuple[str, ...], point: str, snapshot: IndexSnapshot) -> tuple[str, ...]:
    """A question's terms and the nouns it forms with a suffix that the corpus
    uses whole (see question.suffixed_nouns)."""
    return tuple(dict.fromkeys((*terms, *suffixed_nouns(point, snapshot.uses))))


def read_as_point(point: str, snapshot: IndexSnapshot) -> QuestionInfo:
    """A part of a question read as the question a search is for, as
    ``prepare`` reads a whole one."""
    info = analyze(point)
    return replace(info, terms=with_suffixed_nouns(info.terms, point, snapshot))


def part_naming(point: str, year: str, years: set[str]) -> str | None:
    """The one part of a question that names ``year`` and no other of the
    compared ``years``, when every part names one; None otherwise."""
    parts = question_parts(point)
    named = [[y for y in years if y and y in p] for p in parts]
    if len(parts) < 2 or any(len(n) != 1 for n in named):
        return None
    mine = [p for p, n in zip(parts, named) if n == [year]]
    return mine[0] if len(mine) == 1 else None


# Words asking what the rule is now ("按现在的规定"): such a question asks no
# older version's wording. Whole words: 体现在 and 出现在 ask nothing of the kind.
_NOW = frozenset("现在 现行 目前 当前 如今 最新".split())


def asks_the_rule_now(question: str) -> bool:
    """Whether ``question`` asks what the rule is now ("按现在的规定",
    "现行细则"), as whole words."""
    return bool(_NOW & set(words(question)))


def asks_which_documents(question: str) -> bool:
    """Whether ``question`` asks which documents (or which places' rules)
    say something, rather than what the documents say."""
    if _WHICH_KIND.search(question):
        return True
    return bool(_WHICH_DOCUMENTS.search(question) and _RULING.search(question))


def short_names(title: str) -> set[str]:
    """How other documents cite a title: whole, or a national law without
    its "中华人民共和国" ("专利法")."""
    return {title, title.removeprefix(_STATE)} - {""}


def term_share(chosen: list[Candidate], whole: frozenset[str]) -> float:
    """The largest share of the question's words (IDF-weighted) that one of
    ``chosen`` states, of its ``whole`` words only: "技术" and "调查" stated
    apart are not the "技术调查官" asked about."""
    return max(sum(w for t, w in c.terms.items() if t in whole) for c in chosen)


def alike_in_meaning(kept: list[tuple[str, list[Candidate]]], snapshot: IndexSnapshot, qvec: np.ndarray,
                     margin: float) -> list[tuple[str, list[Candidate]]]:
    """The documents whose sentence is within ``margin`` (cosine) of the one
    most like the question: the documents that state the point say it alike
    (政府采购应当优先采购具有自主专利技术的产品, in four regulations), while a
    rule that shares its words on another matter (政府投资项目、政府采购……
    提交未侵犯他人知识产权的书面承诺) reads further from it."""
    likeness = {doc: max(float(sentence_vector(c, snapshot) @ qvec) for c in chosen) for doc, chosen in kept}
    top = max(likeness.values(), default=0.0)
    return [(doc, chosen) for doc, chosen in kept if likeness[doc] >= top - margin]


def whole_terms(terms: tuple[str, ...]) -> frozenset[str]:
    """The terms no other term contains ("技术调查官", not its "技术")."""
    return frozenset(t for t in terms if not any(t != o and t in o for o in terms))


def point_words(terms: tuple[str, ...]) -> frozenset[str]:
    """The whole words of a which-documents question that say what the
    documents rule on, not that they rule ("明确规定", "法律法规" and
    their parts go)."""
    return frozenset(t for t in whole_terms(terms) if not _DOCUMENT_WORD.fullmatch(t))


def without_names(question: str, titles: list[str], shortest: int = 3) -> str:
    """``question`` without the stretches it shares with the titles (at
    least ``shortest`` characters: "专利法", "洛阳市", "若干规定"), longest
    first, each made of whole words ("集成电路布图设计保护期" keeps its
    "保护期"); the question itself when too little would be left. The
    longest stretch of any title goes first, so the result does not depend
    on the titles' order ("上海市专利保护条例和青岛市专利保护规定" loses
    both names whole, not one name and the other's "专利保护")."""
    rest, removed = question, []
    # Words repeating part of a name already removed are what the question
    # asks about ("专利代理条例所说的专利代理是什么"); a name written in two
    # pieces ("上海市……科学技术进步条例") loses both.
    while spans := [s for title in titles if (s := _common_words(rest, title, shortest, removed))]:
        start, end = max(spans, key=lambda s: (s[1] - s[0], -s[0]))
        removed.append(rest[start:end])
        rest = f"{rest[:start]} {rest[end:]}"
    return rest if set(analyze(rest).terms) - _COMPARING else question


# Words that ask for a comparison (or a rule) and name no point of it.
_COMPARING = frozenset("不同 区别 差异 变化 异同 一致 相同 差别 规定 分别".split())


def _common_words(text: str, title: str, shortest: int, removed: list[str]) -> tuple[int, int] | None:
    """The longest stretch of whole words of ``text`` found in ``title``,
    if it has at least ``shortest`` characters and is no part of a stretch
    already ``removed``."""
    bounds = word_bounds(text)
    best: tuple[int, int] | None = None
    for n, i in enumerate(bounds):
        for j in bounds[n + 1:]:
            if text[i:j] not in title:
                break
            if (j - i >= shortest and (best is None or j - i > best[1] - best[0])
                    and not any(text[i:j] in r for r in removed)):
                best = (i, j)
    return best


def wording(sentence: str) -> str:
    return compare_form(ARTICLE.sub("", sentence.strip()))


def best_scored(chosen: list[Candidate], k: int) -> list[Candidate]:
    """The ``k`` best-scored of a version's sentences chosen, in reading
    order. Versions are read for one provision's wording; a cap in plain
    reading order fell on whatever the text states first (the fee list of
    第九十三条 before the 登记费 of 第九十七条 asked). Comparisons keep the
    reading order: there the first sentences after the best are mostly the
    same provision's figures (tried: ip-law precision 0.839 -> 0.808)."""
    kept = set(map(id, sorted(chosen, key=lambda c: -c.score)[:k]))
    return [c for c in chosen if id(c) in kept]


def what_changed(kept: list[tuple[str, list[Candidate]]]) -> list[tuple[str, list[Candidate]]]:
    """Each version's sentences on the point without those another version
    words the same (articles' numbers aside): what changed is what differs.
    A version all of whose sentences another words the same keeps them."""
    wordings = {d: {wording(c.text) for c in chosen} for d, chosen in kept}
    out = []
    for d, chosen in kept:
        others = set().union(*(w for o, w in wordings.items() if o != d))
        changed = [c for c in chosen if wording(c.text) not in others]
        out.append((d, changed or chosen))
    return out


def stating_the_amount(cands: list[Candidate], chosen: list[Candidate],
                       states: Callable[[str], bool]) -> list[Candidate]:
    """A document's sentence that states the amount asked (``states``, see
    coverage.amount_asked), the best of its passages' that scores half its
    best chosen one at least (as a value question's fitting sentence joins
    in ``select``); none when it states no amount: a rule on the topic that
    sets no figure does not answer which documents set one."""
    top = max(c.score for c in chosen)
    stating = max((c for c in cands if states(c.text)), key=lambda c: c.score, default=None)
    return [stating] if stating is not None and stating.score >= 0.5 * top else []


def on_one_subject(chosen: list[Candidate], question: str) -> list[Candidate]:
    """A compared document's or a version's sentences beside its best one:
    those that state the heaviest question word the best one states, go on
    from it, make an exception to it, or name a thing asked with it
    (answering.of_something_else). Another sentence of the same article on
    the same words is another provision (本国优先权 beside the 外国优先权
    asked). A penalty question's further fines are on its point whatever
    words they use."""
    if len(chosen) < 2 or speaks_of_penalty(question):
        return chosen
    best = max(chosen, key=lambda c: c.score)
    joined = joined_words(question)
    return [c for c in chosen if c is best or not of_something_else(c, best, set(), joined)]
