"""Does the corpus answer this question? A small logistic model over
retrieval signals, because raw similarity alone does not separate in-scope
from out-of-scope questions (near neighbours score as high as answers)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .question import QuestionInfo, analyze, given_to, listed_kind, names_a_kind_of_value, told_in_first_person
from .retrieval import Retrieval
from .scope_model import FIELDS, ScopeModel
from .snapshot import IndexSnapshot
from .textnorm import compare_form
from .tokenize import names_in, proper_names_in, register, tagged, topic_words, word_frequency


@dataclass(frozen=True)
class ScopeSignals:
    coverage: float  # IDF-weighted share of the question's terms found in the best passage
    dense: float  # best cosine similarity of a passage
    agreement: float  # 1 when dense and lexical rankings agree on a top passage
    unknown: float  # IDF-weighted share of terms the corpus never uses
    # The same two measures over character bigrams of the terms: robust to
    # word-order variants (申请专利/专利申请) and to a typo in one character.
    char_coverage: float
    char_unknown: float
    latin: bool
    first_person: bool = False  # told in the first person (question.told_in_first_person)

    def vector(self) -> tuple[float, ...]:
        """The model's inputs, in the order of the scope model's weights."""
        return tuple(float(getattr(self, f)) for f in FIELDS)


def signals(info: QuestionInfo, retrieval: Retrieval, snapshot: IndexSnapshot, model: ScopeModel,
            carried: tuple[str, ...] = (), top: int = 3) -> ScopeSignals:
    """Signals of the best-supported reading of the question: the whole of
    it, or one of its sentences (an instruction or a remark often comes
    before or after the sentence that asks). A follow-up is judged with the
    terms ``carried`` from the turn before, as it was searched."""
    hits = retrieval.hits[:top]
    extra = carried
    dense = max((h.dense for h in retrieval.hits), default=0.0)
    agree = 0.0
    if hits:
        top_d = [h.idx for h in retrieval.hits if h.dense_rank is not None and h.dense_rank < 3]
        top_b = [h.idx for h in retrieval.hits if h.bm25_rank is not None and h.bm25_rank < 3]
        agree = 1.0 if set(top_d) & set(top_b) else 0.0
    named = names_in(info.text)
    # A claim put to the check ("自然条件优越、资源充足，是这样吗") may be
    # false in what it says of its subject: like its figures, its
    # describing words the corpus never uses are no topic it must use.
    claimed = frozenset(w for w in _describing(info.text) if not snapshot.uses(w)) \
        if info.intent == "yesno" else frozenset()
    tags = dict(tagged(info.text))
    everyday = _everyday(info, model, tags)
    readings = [_lexical(tuple(t for t in dict.fromkeys((*extra, *terms))
                               if not _coined(t, named, snapshot) and t not in claimed
                               and not _spoken(t, snapshot, tags)),
                         hits, snapshot, everyday) for terms in readings_of(info.text)]
    coverage, unknown, char_cov, char_unknown = max(readings)
    return ScopeSignals(coverage, dense, agree, unknown, char_cov, char_unknown, info.latin,
                        told_in_first_person(info.text))


def _everyday(info: QuestionInfo, model: ScopeModel, tags: dict[str, str]) -> dict[str, float]:
    """The question's everyday words, each with its weight in ``unknown``:
    words general Chinese uses often (``model.everyday_frequency``), but not
    names, not what is asked (the kind after 什么, the attribute: "叫什么名字"
    asks a name the text may lack), and not verbs or numerals, which say what
    is asked of the thing ("担任什么职务", "哪一家法院")."""
    asked = proper_names_in(info.text) | {listed_kind(info.text), info.attribute} - {None}
    return {t: model.everyday_weight for t in info.terms
            if t not in asked and word_frequency(t) >= model.everyday_frequency
            and not (tags.get(t, "").startswith(("v", "m")) and tags.get(t) != "vn")}


def _describing(text: str) -> frozenset[str]:
    """The adjectives of a text, as the tagger reads them."""
    return frozenset(w for w, tag in tagged(text) if tag.startswith("a"))


def _coined(term: str, named: frozenset[str], snapshot: IndexSnapshot) -> bool:
    """A cut of spoken phrasing, not a word: neither general Chinese
    (jieba's dictionary) nor the corpus knows it, and the tagger does not
    read it as a name or noun ("得装" of "脑子里得装着", "事该" of "这摊子
    事该咋抓"). Counted as a word the corpus lacks, it made colloquial
    questions look out of scope; a name the corpus lacks ("刘广润",
    "玉门市") still counts."""
    return (not term.isascii() and word_frequency(term) == 0 and not snapshot.in_vocabulary(term)
            and term not in named)


def _spoken(term: str, snapshot: IndexSnapshot, tags: dict[str, str]) -> bool:
    """An everyday word of manner (the register's, not a noun) the corpus
    does not use, nor any of its formal readings (松劲 where no text says 放松
    or 松懈): a way of speaking, not a topic the documents lack. A noun of the
    register (户口, 车祸) is a thing, and counts, as does a topic's everyday
    name (交警, 造谣: tokenize.topic_words)."""
    return not snapshot.in_vocabulary(term) and term in register() and term not in topic_words() \
        and not tags.get(term, "").startswith("n")


def _lexical(terms: tuple[str, ...], hits: list, snapshot: IndexSnapshot,
             everyday: dict[str, float]) -> tuple[float, float, float, float]:
    """(coverage, unknown, bigram coverage, unknown bigrams) of ``terms``. A
    word the corpus lacks weighs in ``unknown`` as its IDF, an everyday one
    a share of it (``everyday``): people ask in ordinary words (名气, 销量,
    团队) that no law uses, while another topic shows in its own words and
    names (红烧肉, 兰州, GDP)."""
    weights = {t: snapshot.idf(t) for t in terms}
    total = sum(weights.values())
    coverage = 0.0
    for hit in hits:
        got = sum(w for t, w in weights.items() if _found(t, hit))
        coverage = max(coverage, got / total if total else 0.0)
    unknown = sum(w * everyday.get(t, 1.0) for t, w in weights.items() if not snapshot.in_vocabulary(t)
                  and not any(_found(t, h) for h in hits)) / total if total else 0.0
    grams = set().union(*(_bigrams(t) for t in terms)) if terms else set()
    char_cov = max((len(grams & _bigrams(_searchable(h))) / len(grams) for h in hits), default=0.0) if grams else 0.0
    char_unknown = len(grams - snapshot.corpus_bigrams) / len(grams) if grams else 0.0
    return coverage, unknown, char_cov, char_unknown


_SENTENCE = re.compile(r"[^。！？!?；;：:\n]+")


def readings_of(text: str, min_terms: int = 2) -> list[tuple[str, ...]]:
    """Term sets to judge a question by: the whole question, and each of
    its sentences that names at least ``min_terms`` terms."""
    out = [analyze(text).terms]
    parts = [p for p in _SENTENCE.findall(text) if p.strip()]
    if len(parts) > 1:
        out += [t for t in (analyze(p).terms for p in parts) if len(t) >= min_terms]
    return out


def _bigrams(text: str) -> set[str]:
    form = compare_form(text)
    return {form[i:i + 2] for i in range(len(form) - 1)}


def _searchable(hit) -> str:
    """A passage as lexical search sees it: its text plus the structural
    words ("第二部分", "标题") that locate it, so that a question about the
    document's structure is not taken for one about something else."""
    return f"{hit.chunk.text} {hit.chunk.context}"


def _found(term: str, hit) -> bool:
    return compare_form(term) in compare_form(_searchable(hit))


# General words for a person by standing, which a text replaces by a post.
_PERSON_KINDS = frozenset("官员 领导 干部 负责人 工作人员 人员 同志 专家".split())
# General words for a body, which a text replaces by the body's name.
_BODY_KINDS = frozenset("机构 部门 单位 机关 组织".split())


def asks_about_unknown(info: QuestionInfo, snapshot: IndexSnapshot) -> bool:
    """A who / how-many / when question about something the corpus never
    names ("局长是谁", "奖金标准是多少") is not answered by it, however
    close the rest of the question comes to a passage: none of the
    attribute's character pairs occurs anywhere in the corpus."""
    attribute = info.attribute
    if attribute and names_a_kind_of_value(attribute):
        # "赔偿上限是多少": the kind of value asked, not a thing of the corpus.
        return False
    if attribute and word_frequency(attribute) == 0 and not snapshot.in_vocabulary(attribute) \
            and attribute not in proper_names_in(info.text):
        # A cut of spoken phrasing ("能罚" of "最高能罚多少钱"), no word of
        # general Chinese, of the corpus or a name: it names no thing.
        return False
    if (attribute in _PERSON_KINDS and re.search(rf"哪一?位{attribute}", info.text)) or attribute in _BODY_KINDS:
        # "哪位官员", "哪家机构": a general word for the person or body asked,
        # whom the text names by a post and a name ("局长沈某") or by its own
        # name, not a word it must use.
        return False
    if attribute and given_to(info.text, attribute):
        # "赔给老太太多少钱": whom a sum goes to, whom the text names by a part
        # in the matter (原告), is not what is asked.
        return False
    grams = _bigrams(attribute) if attribute else set()
    return bool(grams) and not grams & snapshot.corpus_bigrams


def answer_probability(sig: ScopeSignals, model: ScopeModel) -> float:
    """Probability that the retrieved passages answer the question."""
    if sig.latin:
        # Lexical signals say nothing across languages: dense similarity only.
        z = model.latin_slope * (sig.dense - model.latin_dense)
    else:
        z = model.bias + sum(w * x for w, x in zip(model.weights, sig.vector())) \
            + (model.first_person_shift if sig.first_person else 0.0)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
