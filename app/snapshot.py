"""What one loaded index knows about its corpus, read by retrieval, scope,
answering and typo reading alike: vocabulary and document frequencies,
character pairs, homophones, outlines, documents. Built once per index load
(a reload builds a new one), never changed after, but for caches of what it
derives from its documents on first use (their comparison forms, their
sentences in order)."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cached_property

import numpy as np

from .index_store import LoadedIndex, stored_vectors
from .legal import article_of, article_refs
from .metadata import DocMeta, read_meta
from .naming import NameIndex
from .outline import Heading, build_outlines
from .question import CJK_WORD
from .textnorm import bigrams, compare_form
from .tokenize import PROPER_TAGS, is_fused, register, stopwords, tagged, word_frequency, words
from .typos import HomophoneIndex, corrected


# How many times as often another formal reading of an everyday word must
# share passages with the question's other words to be taken over the first.
_CLEARER_READING = 3.0
# Characters before a 儿 that is a child, not the spoken suffix (女儿,
# 婴儿, 新生儿, 早产儿 ...).
_CHILD = frozenset("女 婴 幼 孤 患 胎 孙 侄 男 健 宠 托 少 生 产".split())
# A city's or county's name ends in 市 or 县, not where 市 starts a word
# of its own (产品市场, 全市民).
_CITY = r"[市县](?![场民级政面值容委长区内里属直辖])"
# Question words that count: the word after them is a unit.
_COUNTING = frozenset(("多少", "几"))
# Complements the segmenter keeps on a spoken verb (赔给, 退回, 搬走): the
# verb says what is done, the complement only to whom or where.
_COMPLEMENTS = "给回走掉到"


class IndexSnapshot:
    def __init__(self, index: LoadedIndex, typo_frequency_ratio: float) -> None:
        self.index = index
        self.chunks = index.chunks
        self.docs: dict[str, dict] = index.docs
        self.metas: dict[str, DocMeta] = {
            doc_id: DocMeta.from_json(d["meta"]) if "meta" in d else read_meta(doc_id, d["text"])
            for doc_id, d in index.docs.items()}
        self._df = Counter(t for toks in index.tokens for t in set(toks))
        self.n_passages = len(index.tokens)
        self._typo_ratio = typo_frequency_ratio
        # Character pairs the corpus uses (text and structural words): the
        # scope check asks which pairs of a question the corpus never uses.
        self.corpus_bigrams = frozenset().union(*(bigrams(d["text"]) for d in index.docs.values()),
                                                *(bigrams(c.context) for c in index.chunks))
        self.names = NameIndex(self.metas)
        # The corpus as one comparison-form text: does it name a thing at all?
        self._corpus_form = "\n".join(compare_form(d["text"]) for d in index.docs.values())
        # Chunks of each document: a question that names documents searches theirs
        # (one look-up, not a pass over every chunk of the library).
        by_doc: dict[str, list[int]] = {}
        for i, c in enumerate(index.chunks):
            by_doc.setdefault(c.doc_id, []).append(i)
        self._doc_chunks = {d: np.array(ids, dtype=np.int64) for d, ids in by_doc.items()}
        # Filled on first use (a question that reads a whole document).
        self._doc_forms: dict[str, str] = {}
        self._with_word: dict[str, list[frozenset[str]]] = {}
        self._cities: dict[str, bool] = {}
        self._doc_sentences: dict[str, tuple[list[int], list[tuple[int, int, int]]]] = {}
        # Chunks of each article, in order: an article is quoted whole.
        self.articles: dict[tuple[str, str], list[int]] = {}
        self.article_count: dict[str, int] = {}
        for i, c in enumerate(index.chunks):
            if c.address:
                label = article_of(c.address)
                self.articles.setdefault((c.doc_id, label), []).append(i)
                refs = article_refs(label)
                if refs:
                    self.article_count[c.doc_id] = max(self.article_count.get(c.doc_id, 0), refs[0].number)
        # Headings of each document, for questions about its structure.
        self.outlines: dict[str, list[Heading]] = build_outlines(
            index.chunks, {doc_id: d["text"] for doc_id, d in index.docs.items()})
        # The sentence vectors as the dense index holds them (float32, no copy).
        self.vectors = stored_vectors(index.dense)
        # Sentence row -> chunk index, for the sentence-level dense index.
        self.sentence_chunk = np.repeat(np.arange(len(index.chunks)), np.diff(index.sentence_rows))

    def in_register_of_corpus(self, text: str) -> str:
        """``text`` with everyday words the corpus never uses read as the
        words of official texts it does use (官司 -> 诉讼, 咋办 -> 处理)."""
        pairs = [(plain, tag) for word, tag in tagged(text) if (plain := self._without_erhua(word, tag))]
        said = [word for word, _ in pairs]
        out = []
        for i, word in enumerate(said):
            # The unit a question counts in ("多少钱", "几千块钱") is the amount
            # asked, not a thing of the text to read formally (资金).
            counted = i > 0 and (said[i - 1] in _COUNTING or pairs[i - 1][1] == "m")
            unknown = not self.in_vocabulary(word.lower()) and not counted
            formal = self._register_reading(word.lower()) if unknown else None
            used = [f for f in formal if self.uses(f)] if formal else []
            if used:
                out.append(self._fitting(used, [w for w in said if w != word]))
            else:
                out.append(self._with_formal_head(word, pairs[i][1], said) if unknown and not formal else word)
        return "".join(out)

    @staticmethod
    def _register_reading(word: str) -> tuple[str, ...] | None:
        """The register's formal words for ``word``, or for its verb when
        the segmenter kept a complement on it (赔给 read as 赔)."""
        formal = register().get(word)
        if formal is None and len(word) >= 2 and word[-1] in _COMPLEMENTS:
            formal = register().get(word[:-1])
        return formal

    def _with_formal_head(self, word: str, tag: str, said: list[str]) -> str:
        """A noun the segmenter keeps whole whose head is an everyday word
        (体育老师): the head read as the corpus's word for it (体育教师). Only
        where the noun is a modifier word and a head word (no word of general
        Chinese crosses between them: not 女孩子, 仲裁员) and the formal word
        does not repeat the modifier (营业执照 for 营业 + 执照)."""
        if not tag.startswith(("n", "vn")) or tag in PROPER_TAGS:
            return word
        for n in range(len(word) - 2, 1, -1):
            modifier, head = word[:-n], word[-n:].lower()
            formal = register().get(head)
            used = [f for f in formal if self.uses(f)] if formal else []
            if not used or self.in_vocabulary(head) or modifier in stopwords() or _crossed(word, len(modifier)):
                continue
            reading = self._fitting(used, [w for w in said if w != word])
            if not reading.startswith(modifier[-1]):
                return modifier + reading
        return word

    def _without_erhua(self, word: str, tag: str) -> str:
        """A spoken word's 儿 suffix dropped (事儿 -> 事, 这块 / 儿 -> 这块):
        official texts do not write it, so the word as said is one the
        corpus lacks. Not where 儿 is a child (女儿, 新生儿, 婴幼儿), in a name,
        or where the corpus uses the word as said."""
        if not word.endswith("儿") or self.in_vocabulary(word) or tag in PROPER_TAGS \
                or (len(word) > 1 and word[-2] in _CHILD):
            return word
        return word[:-1]

    def _fitting(self, formal: list[str], said: list[str]) -> str:
        """Of the formal words the corpus uses for one everyday word, the
        first (best in general usage), unless another one's passages speak
        of the question's other words many times as often (the 货 海关 holds
        is 货物, in all its passages, not 商品, in a quarter): 处罚 beside
        罚款, twice as often with 商品, is no clearer reading of 罚."""
        context = [w for w in said if len(w) >= 2 and w not in stopwords() and self.in_vocabulary(w)]
        if len(formal) < 2 or not context:
            return formal[0]

        def share(word: str) -> float | None:
            passages = self._passages_with(word)
            return sum(any(w in toks for w in context) for toks in passages) / len(passages) if passages else None

        shares = {word: share(word) for word in formal}
        first = shares[formal[0]]
        if first is None:
            return formal[0]  # used only inside longer words: nothing to compare
        best = max(formal, key=lambda word: shares[word] or 0.0)
        return best if (shares[best] or 0.0) >= _CLEARER_READING * first else formal[0]

    def _passages_with(self, word: str) -> list[frozenset[str]]:
        """The token sets of the passages that have ``word`` as a token,
        found once per word (a register's formal readings are few)."""
        if word not in self._with_word:
            self._with_word[word] = [frozenset(toks) for toks in self.index.tokens if word in toks]
        return self._with_word[word]

    def uses(self, word: str) -> bool:
        """The corpus has ``word`` as a token or inside its text."""
        return self.in_vocabulary(word) or compare_form(word) in self._corpus_form

    def names_a_city(self, word: str) -> bool:
        """The text names a city or county by ``word`` (泰州 of 泰州市; not
        产品 of 产品市场, nor 地级 of 地级市). Found once per word."""
        if word not in self._cities:
            named = 2 <= len(word) <= 3 and bool(CJK_WORD.match(word)) and not word.endswith(("级", "辖"))
            self._cities[word] = named and re.search(re.escape(compare_form(word)) + _CITY, self._corpus_form) is not None
        return self._cities[word]

    def holds(self, name: str) -> bool:
        """The library has a document of that name, or its text uses it."""
        return self.names.knows(name) or compare_form(name) in self._corpus_form

    def document_form(self, doc: str) -> str:
        """A document's text in comparison form, computed once."""
        if doc not in self._doc_forms:
            self._doc_forms[doc] = compare_form(self.docs[doc]["text"])
        return self._doc_forms[doc]

    def sentence_at(self, doc: str, offset: int, after: bool = False) -> tuple[int, int, int] | None:
        """(chunk index, start, end) of the sentence of ``doc`` that holds
        ``offset`` (``after``: the first that starts there or later)."""
        if doc not in self._doc_sentences:
            spans = sorted((a, b, int(i)) for i in self._doc_chunks.get(doc, ()) for a, b in self.chunks[i].sentences)
            self._doc_sentences[doc] = ([a for a, _, _ in spans], spans)
        starts, spans = self._doc_sentences[doc]
        if after:
            k = bisect_left(starts, offset)
        else:
            k = bisect_right(starts, offset) - 1
            if k >= 0 and not offset < spans[k][1]:
                k = -1
        if not 0 <= k < len(spans):
            return None
        a, b, i = spans[k]
        return i, a, b

    def chunks_of(self, docs: frozenset[str]) -> np.ndarray:
        """Indices of the chunks of some documents, in order."""
        parts = [self._doc_chunks[d] for d in docs if d in self._doc_chunks]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def rows_of(self, chunk_ids: np.ndarray) -> np.ndarray:
        """Sentence-vector rows of some chunks, chunk after chunk."""
        rows = np.asarray(self.index.sentence_rows, dtype=np.int64)
        ids = np.asarray(chunk_ids, dtype=np.int64)
        starts, counts = rows[ids], rows[ids + 1] - rows[ids]
        # Each chunk's rows are its start plus 0, 1, … its count - 1.
        before = np.cumsum(counts) - counts
        return np.repeat(starts - before, counts) + np.arange(int(counts.sum()), dtype=np.int64)

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.n_passages - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        return self._idf(self._df.get(term, 0))

    def in_vocabulary(self, term: str) -> bool:
        return term in self._df

    @cached_property
    def homophones(self) -> HomophoneIndex:
        # Built on the first question with a word the corpus lacks: most
        # questions never need it, and it costs pinyin for every corpus word.
        return HomophoneIndex(self._df, self._typo_ratio)

    def without_typos(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with homophone typos of corpus words corrected, and the
        (typed, read) pairs. A typo often breaks segmentation into single
        characters ("领道小组" -> 领 / 道 / 小组), so adjacent single
        characters are candidates too."""
        toks = words(text)  # one segmentation serves words and pairs
        stop = stopwords()
        pairs = [a + b for a, b in zip(toks, toks[1:]) if len(a) == 1 and len(b) == 1]
        # A word jieba fused with a function word ("案里" of "……案里") is no
        # mistyped word: "案例" is not meant.
        candidates = [t for t in (*(t for t in toks if len(t) > 1 and t not in stop), *pairs) if not is_fused(t)]
        if all(self.in_vocabulary(t) for t in candidates):
            return text, []
        return corrected(text, candidates, self.homophones)


def _crossed(word: str, at: int) -> bool:
    """A word of general Chinese other than ``word`` itself crosses its
    position ``at`` (女孩 in 女孩子 at 2, 仲裁 in 仲裁员)."""
    return any(word_frequency(word[a:b]) > 0 for a in range(0, at) for b in range(at + 1, len(word) + 1)
               if (a, b) != (0, len(word)) and b - a >= 2)
