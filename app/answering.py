"""Extractive answers: the sentences of the retrieved passages that answer
the question, each followed by the marker of its passage. Nothing is stated
that is not a sentence of a cited passage."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from .chunking import LEVEL1_HEADING, is_heading_sentence, is_label_line, names_a_document, stands_alone
from .coverage import LEAD_IN, acts_asked, asked_unit, counts_in_named_unit, dates_act, names_unit
from .legal import HEADER, article_of, is_item
from .persons import PARTY
from .qualifiers import OWN_FRAMES, another_named, qualifiers
from .question import (JOINING_WORDS, QuestionInfo, analyze, asked_frame, asked_subject, asked_verb, listed_words,
                       names_a_kind_of_value, question_parts, slot_phrases, value_anchor, weighty_kinds)
from .retrieval import Hit, Retrieval
from .rulings import asks_for_ruling, reports_positions, states_finding, states_position
from .settings import Settings
from .snapshot import IndexSnapshot
from .textnorm import compare_form
from .tokenize import tagged, word_bounds, words

# Kept apart from coverage's value tests on purpose: those err toward
# answering (a question is refused only when no sentence has a value of the
# kind), these toward precision (a sentence fits when it states a figure
# of the asked kind; "车一辆" or "倍数的" do not). Made one, they cost
# precision (cases 0.470 -> 0.464) and change no refusal.
_HAS_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿两半]+(?:个|件|人|项|家|次|名|条|亿|万|年|日|天|周|元|岁|小时|分之|级|份|包|台|辆|届)")
# "第十五条", "第三款": where a provision sits, not a figure it states; and
# "20xx年", a year left out of a published text.
_REFERENCE = re.compile(r"第[一二三四五六七八九十百千零〇\d]+[条款项章节编]|\d+[xX]+")
# "第九次", "第十二届": which one of a series, not how many of it (unless
# the question asks which one: 第几次).
_ORDINAL = re.compile(r"第[一二三四五六七八九十百千零〇\d]+[次届期批轮场]")
# A when question asking where a period starts, and the phrase that says so.
_ASKS_START = re.compile(r"起算|起计算|开始计算|起计|[从自]何时起|从什么时候(?:开始|起)")
_FROM_START = re.compile(r"自[^，,。；;]{1,24}?起")
# The fit of a sentence dating another act than the one a when question asks.
_ANOTHER_ACT = 0.4
_HAS_DATE = re.compile(r"\d+\s*[年月日]|[元正一二三四五六七八九十]+月|去年|今年|明年")
_LIST_SEP = re.compile(r"[、，,]")
_CLAUSE = re.compile(r"[，,。；;：:]")
# Clauses an enumeration does not cross (a colon may introduce one).
_SLOT_CLAUSE = re.compile(r"[，,。；;！!？?]")
# Characters before a verb that negate it (未提交).
_NEGATING = "未不没无非"
_MULTIPLE = re.compile(r"[一二三四五六七八九十两\d]+倍")
# A question about a penalty ("怎么罚款", "如何处罚"): its answer is the
# provision's fines, the graver cases' included.
_ASKS_PENALTY = re.compile(r"罚")
# A person named with a title or form of address.
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}(?:同志|院士|教授|先生|女士|主任|局长|厅长|部长|省长|市长|县长|书记|法官|律师)")
# A party a legal text names as the one who acts ("专利权人、利害关系人可以"):
# a word of a person or body right before the act's modal.
_ACTOR = re.compile(r"[\u4e00-\u9fff]{1,5}(?:人|单位|组织)(?:可以|应当|有权|不得)")
# The weight of a sentence's likeness to the question, beside its share of
# the question's words (see score_candidates).
_SEMANTIC_WEIGHT = 0.8
_SEMANTIC_WEIGHT_LATIN = 0.4
# How much a party's reported claim or defence counts where a finding is
# asked, and what a court's finding in a judgment gains.
_POSITION_FACTOR = 0.8
_FINDING_BONUS = 0.2
# A question asking which law or provision (not the content of a named one).
_ASKS_PROVISION = re.compile(r"(?:哪一?|第几)[条款部项]|什么(?:法律|法规|规定|条款)|依据.{0,4}(?:什么|哪)")
_CITES_PROVISION = re.compile(r"《[^》]{2,40}》|第[一二三四五六七八九十百千零〇\d]+条")
# Questions answered by a value: a figure, a length of time, a date.
_VALUE_INTENTS = ("count", "duration", "date")
# The weight of a word naming the kind of value asked (question.VALUE_WORDS)
# as a term of a value question: a third of a content word's.
_VALUE_WORD_WEIGHT = 0.3
# How a sentence opens that goes on with the one before it: a proviso, a
# condition, a pointer back (该期限, 前款).
_CONTINUES = re.compile(r"^(?:其|[^，。]{0,6}?(?:但|但是|如果|若|因|逾期|在此|该|此|上述|前款|期满))")
# A sentence that is nothing but an exception to the rule before it
# ("法律规定的申请期限超过六十日的除外。"), not a rule with its own proviso.
_EXCEPTION = re.compile(r"^[^，,；;。]*除外[。；;]?$")
# Words naming a length of time a provision sets.
_TIME_LIMITS = ("期限", "时限", "期间")
# How Chinese legal and official texts define a term: "X，是指……",
# "本法所称X，……", "……的，为X。", "X包括……".
_DEFINES = re.compile(r"是指|系指|所称|称为|[^，,。]{2,}的?，?为[^，,。；;]{2,16}[。；;]?$|^[^，,。]{2,16}包括")
# "……，均不视为创作。", "不认定为侵权": what is not X, no definition of it.
_NOT_AS = re.compile(r"不(?:应当?|得|能|被|再)?(?:视|认定|认|作|当作|看作)?为[^，,。；;]{2,16}[。；;]?$")
# A definition's own verb: "X，是指……".
_MEANS = re.compile(r"是指|系指")
# The term such a sentence defines, as it writes it: "本法所称X，……",
# "X，是指……", "……为X。" (asides in brackets and article labels taken out).
_DEFINED = (re.compile(r"所称的?“?([^，,。；;：:“”]{2,16}?)”?[，,]?(?:是指|系指|[，,])"),
            re.compile(r"^([^，,。；;：:“”]{2,24}?)[，,]?(?:是指|系指)"),
            re.compile(r"(?:称为|为)“?([^，,。；;：:为“”]{2,16})”?[。；;]?$"))
_ASIDE = re.compile(r"[（(][^（()）]{0,16}[）)]|^第[一二三四五六七八九十百千零〇\d]+条\s*")
# A sentence that opens by pointing back at what the one before it names.
_POINTS_BACK = re.compile(r"^[^。]{0,8}?(?:这项|该项|此项|这一|上述|这些|此类|该类|这类)")
# Words that give a cause or a purpose: a why question's answer.
_CAUSE = re.compile(r"因为|由于|原因|因此|所以|为了|目的|旨在|鉴于|以便|导致|造成")
# "这次会议", "本届大会": the occasion the text itself is about.
_THIS_OCCASION = re.compile(r"(?:这|本|此)一?[次届期轮]([\u4e00-\u9fff]{2})")
# Another occasion of the same kind: "第一次会议", "上次会议", "首届大会".
_OTHER_OCCASION = r"(?:第[一二三四五六七八九十百\d]+|[上下前首])[次届期轮]"


# Asking when a text takes effect.
_TAKES_EFFECT = re.compile(r"施行|生效")
# The fit of a value stated apart from the word the question puts before it,
# or as another kind of span than the one asked.
_VALUE_APART = 0.9
# A span within which something is to be done, asked ("几年内") and stated
# ("三年内", "二十四小时以内").
_SPANS = "年|月|日|天|周|星期|工作日|小时|分钟"
_ASKS_WITHIN = re.compile(rf"(?:几|多少|多长)个?(?:{_SPANS}|时间)(?:以内|之内|内)")
_WITHIN = re.compile(rf"[\d一二三四五六七八九十百两半]+个?半?(?:{_SPANS})半?(?:以内|之内|内)")


@dataclass
class Candidate:
    hit_rank: int
    hit: Hit
    start: int  # absolute offsets in the document
    end: int
    text: str
    score: float = 0.0
    fit: float = 0.0  # how well it has the form of an answer (see _intent_fit)
    # The question's terms the sentence states, each with its share of the
    # question's term weight (set by score_candidates).
    terms: dict[str, float] = field(default_factory=dict)
    # Whether its document is a judgment: reports pleadings and a court's
    # view of them (set by score_candidates where a finding is asked).
    in_case: bool = False


def candidates(retrieval: Retrieval, index_docs: dict[str, dict], info: QuestionInfo | None = None) -> list[Candidate]:
    """The sentences of the retrieved passages. A legal text's 题注 (when it
    was promulgated and revised) answers only a when question: its dates
    head every quote of the document anyway."""
    out = []
    for rank, hit in enumerate(retrieval.hits):
        text = index_docs[hit.chunk.doc_id]["text"]
        for a, b in hit.chunk.sentences:
            if says_something(text[a:b]):
                out.append(Candidate(rank, hit, a, b, text[a:b]))
    if info is not None:
        out = [c for c in out if not names_another_occasion(info.text, c.text)
               and not names_another_party(info.text, c.text)]
    if info is not None and info.intent != "date":
        return [c for c in out if tuple(c.hit.chunk.section[:1]) != (HEADER,)] or out
    if info is not None and (effect := _TAKES_EFFECT.search(info.text)):
        # When a text takes effect is its own article's date ("本条例自……起
        # 施行"), not the 题注's dates of adoption and revision.
        return [c for c in out if tuple(c.hit.chunk.section[:1]) != (HEADER,) or effect.group() in c.text] or out
    return out


def names_another_party(question: str, sentence: str) -> bool:
    """Whether ``sentence`` is about other parties than the ones the
    question names: a judgment names its parties 张某, 宁某某, and a
    sentence that names only others ("赵某某……选房面积为94平方米") states
    nothing of "宁某某的安置房"."""
    asked = set(PARTY.findall(question))
    named = set(PARTY.findall(sentence))
    return bool(asked) and bool(named) and not asked & named


def names_another_occasion(question: str, sentence: str) -> bool:
    """Whether ``sentence`` is about another occasion than the one the
    question points at with 这次 / 本次 / 此次 ("这次会议" is the meeting
    the text speaks at; "领导小组第一次会议", "上次会议" are others)."""
    return any(re.search(rf"{_OTHER_OCCASION}{noun}", sentence) and not re.search(rf"[这本此]次{noun}", sentence)
               for noun in _occasion_nouns(question))


@lru_cache(maxsize=1024)  # asked of every candidate sentence
def _occasion_nouns(question: str) -> tuple[str, ...]:
    """The nouns that may name the occasion a question points at with 这次:
    the one after it, or one elsewhere in the question ("这次讲话是在什么会
    议上发表的": the meeting is this one too); none without 这次."""
    m = _THIS_OCCASION.search(question)
    if m is None:
        return ()
    return tuple(re.escape(n) for n in dict.fromkeys((m.group(1), *(w for w in words(question) if len(w) == 2))))


def says_something(sentence: str) -> bool:
    """A sentence of two content characters or more: "（略）。", where a
    published text left its content out, says nothing to quote."""
    return len(compare_form(sentence)) >= 2


def answer_wording(info: QuestionInfo) -> tuple[str, ...]:
    """Words of the form the answer takes, searched with the question: a
    legal text defines a term as "X，是指……", and "什么是发明创造" alone
    finds every article that uses the term before the one that defines it
    (ip-law definitions 0.80 -> 0.90 correct)."""
    return ("是指",) if info.intent == "definition" else ()


def score_candidates(cands: list[Candidate], info: QuestionInfo, retrieval: Retrieval,
                     snapshot: IndexSnapshot) -> None:
    """Lexical coverage of the question's terms (IDF-weighted), semantic
    similarity of the sentence, the passage's rank, and the fit of the
    sentence to what is asked (a figure in the unit asked, a date, a list or
    its lead-in, the definition of the asked term, a cause)."""
    if not cands:
        return
    weights = {t: snapshot.idf(t) * (_VALUE_WORD_WEIGHT if _names_the_value(t, info) else 1.0)
               for t in info.terms}
    forms = {t: compare_form(t) for t in weights}
    total = sum(weights.values()) or 1.0
    sem = _sentence_similarities(cands, retrieval, snapshot)
    lo, hi = float(sem.min()), float(sem.max())
    # An English question's likeness to Chinese sentences tells them apart
    # less than a Chinese question's does: the dictionary words it is read
    # in weigh more (speech English precision 0.80 -> 0.87 at half the weight).
    semantic = _SEMANTIC_WEIGHT_LATIN if info.latin else _SEMANTIC_WEIGHT
    # Where a finding is asked, the documents that report parties' pleadings
    # and a court's view of them: judgments, published cases.
    cases = {d for d in {c.hit.chunk.doc_id for c in cands} if reports_positions(snapshot.docs[d]["text"])
             } if asks_for_ruling(info.text, info.intent) else set()
    for c, s in zip(cands, sem):
        form = compare_form(c.text)
        c.terms = {t: w / total for t, w in weights.items() if forms[t] in form}
        lex = sum(c.terms.values())
        sem_norm = (s - lo) / (hi - lo) if hi > lo else 1.0
        c.fit = fit = _intent_fit(c.text, info)
        c.score = lex + semantic * sem_norm + 0.3 / (1 + c.hit_rank) + 0.35 * fit
        c.in_case = c.hit.chunk.doc_id in cases
        if c.in_case and states_position(c.text):
            # A party's claim or defence, where the finding is asked.
            c.score *= _POSITION_FACTOR
        elif c.in_case and states_finding(c.text):
            c.score += _FINDING_BONUS
        heading = (is_heading_sentence(c.text, c.hit.chunk.section) or is_label_line(c.text)
                   or stands_alone(snapshot.docs[c.hit.chunk.doc_id]["text"], c.start, c.end)) \
            and not is_order(c)
        if names_a_document(c.text) or (heading and not _asks_about_place(c, weights)):
            # A title or section heading names a topic without saying
            # anything about it: an answer only to a question about the
            # document's structure (whose words are the chunk's context).
            c.score *= 0.5
    _with_antecedents(cands)


def is_order(c: Candidate) -> bool:
    """A judgment's numbered order (一、被告人某某犯……罪，判处……; 二、驳回……):
    a heading by its number, but it states what the court decided."""
    return c.in_case and bool(LEVEL1_HEADING.match(c.text)) and states_finding(c.text)


def _with_antecedents(cands: list[Candidate]) -> None:
    """A sentence that opens by pointing back ("因此，这项工作由外交部和总
    参谋部统一归口管理") speaks of what the sentence before it names: it
    states that sentence's question words too, and scores for them."""
    prev = None
    for c in cands:
        if prev is not None and prev.hit is c.hit and _POINTS_BACK.match(c.text):
            gained = sum(w for t, w in prev.terms.items() if t not in c.terms)
            if gained > 0:
                c.terms = {**prev.terms, **c.terms}
                c.score += gained
        prev = c


def _names_the_value(term: str, info: QuestionInfo) -> bool:
    """Whether ``term`` names the kind of value a value question asks for
    ("法定期限" in "法定期限是多久", "数额" in "赔偿数额是多少"): the
    answer states the value, not the word ("九个月内审查完毕"), while
    sentences that repeat the word ("法定期限届满") state none."""
    return info.intent in _VALUE_INTENTS and names_a_kind_of_value(term)


def _asks_about_place(c: Candidate, weights: dict[str, float]) -> bool:
    context = compare_form(c.hit.chunk.context)
    return bool(context) and any(compare_form(t) in context for t in weights)


def _row(c: Candidate, snapshot: IndexSnapshot) -> int:
    return snapshot.index.sentence_rows[c.hit.idx] + c.hit.chunk.sentences.index((c.start, c.end))


def sentence_vector(c: Candidate, snapshot: IndexSnapshot) -> np.ndarray:
    """The sentence's own embedding, a copy of what the index holds (the
    stored vectors live only as long as their index; a query vector made of
    one may outlive a reload)."""
    return snapshot.vectors[_row(c, snapshot)].copy()


def _sentence_similarities(cands: list[Candidate], retrieval: Retrieval,
                           snapshot: IndexSnapshot) -> np.ndarray:
    rows = [_row(c, snapshot) for c in cands]
    return snapshot.vectors[rows] @ retrieval.query_vec


def _intent_fit(text: str, info: QuestionInfo) -> float:
    """How well a sentence has the form of an answer to what is asked (0-1):
    a figure, a date, a list, a definition of the asked term, a cause."""
    intent = info.intent
    if intent in ("count", "duration"):
        # A figure of what is asked ("保护期为10年") before any figure, and
        # one in the unit asked ("多少年") before one in another ("3个月").
        figures = _REFERENCE.sub("", text)
        if "第几" not in info.text:
            figures = _ORDINAL.sub("", figures)
        if not _HAS_NUMBER.search(figures):
            return 0.0
        unit = asked_unit(info.text, info.attribute) if intent == "count" else None
        if unit is not None and not unit.search(figures):
            return 0.25
        if info.attribute is None:
            # No attribute says whose value it is: the word the question
            # puts before its question word does, where the value stands
            # beside it ("首次商业利用之日起2年内" for "首次商业利用后，最迟多久").
            # Apart from it the fit is only a little lower, so the score
            # barely moves; among near ties, though, the value beside it
            # is the one kept (_value_first, _fitting_best).
            fit = 1.0 if _value_beside(figures, value_anchor(info.text)) else _VALUE_APART
        else:
            # The word for the kind of value ("期限" of "期限是多长") is no
            # attribute a sentence must name: the value states it ("二个月内");
            # the word that says whose value it is does ("保护期限": a figure in
            # years about selling the seed is no protection period).
            named = _value_of(info.text, info.attribute) if _names_the_value(info.attribute, info) \
                else info.attribute
            # A figure in the unit the question names, beside the word it puts
            # before its question word, states it too, whatever word the
            # tagger took for the attribute ("寄出样品邮件3万件").
            anchor = value_anchor(info.text)
            fit = 1.0 if named is None or compare_form(named) in compare_form(text) \
                or (anchor is not None and names_unit(info.text) and _value_beside(figures, anchor)) else 0.5
        # "几年内" asks a time within which: "三年内" states one, "满四年"
        # (once four years have passed) states another kind of span.
        if _ASKS_WITHIN.search(info.text) and not _WITHIN.search(figures):
            return min(fit, _VALUE_APART)
        return fit
    if intent == "date":
        # "从什么时候起算" asks where a period starts: "自申请日起计算",
        # before a calendar date.
        if _ASKS_START.search(info.text):
            return 1.0 if _FROM_START.search(text) else 0.5 if _HAS_DATE.search(text) else 0.0
        if not _HAS_DATE.search(text):
            return 0.0
        # A date of another act the sentence names beside the one asked
        # ("于2021年6月8日签订合同，约定完工后……") is a worse fit.
        return _ANOTHER_ACT if dates_act(text, acts_asked(info)) is False else 1.0
    if intent == "list":
        # An enumeration's lead-in ("对下列各项，不授予专利权：") introduces
        # the items a which-ones question asks for.
        if LEAD_IN.search(text):
            return 1.0
        # An enumeration standing where the question word stands is the
        # list asked (select prefers it to one elsewhere beside the words).
        if fills_slot(text, *slot_phrases(info.text), kinds=info.kinds):
            return 1.0
        # A clause that enumerates beside the words whose items are asked
        # ("要依托省内外大专院校、科研院所和大中型企业" for "依托哪些单位")
        # is the list asked, a pair ("重点行业和支柱产业") less so; a long
        # sentence of many commas is not.
        asked = listed_words(info.text)
        joins = max((_joins(clause) for clause in _CLAUSE.split(text) if any(w in clause for w in asked)),
                    default=0)
        if joins:
            return 1.0 if joins >= 2 else 0.75
        return min(0.5, len(_LIST_SEP.findall(text)) / 8)
    if intent == "definition":
        if not _defines(text):
            return 0.0
        # The sentence that defines a term of the question, before one that
        # defines another term ("发明创造是指……" for "发明是指什么").
        return 1.0 if defines_asked_term(text, info.text) else 0.5
    if intent == "why":
        return 1.0 if _CAUSE.search(text) else 0.0
    if intent == "who":
        # The holder of the role asked ("由谁担任组长": "以……院士为组长")
        # before a sentence about the body that has one.
        if info.attribute and compare_form(info.attribute) in compare_form(text):
            return 1.0
        return 0.5 if _PERSON.search(text) or _ACTOR.search(text) else 0.0
    if intent == "what" and (frame := asked_frame(info.text)):
        # "以什么思想为指导" is answered where the text fills the frame.
        return 1.0 if frame.search(text) else 0.0
    if intent == "what" and (verb := asked_verb(info.text)):
        # "要培育什么" is answered where the text says what it 培育.
        return 1.0 if verb in text else 0.0
    if intent == "how" and (subject := asked_subject(info.text)):
        # "各级政府应如何……" is answered by the directive addressed to them
        # ("各级政府要……"), not by a sentence that names them in passing.
        return 1.0 if _directs(text, subject) else 0.0
    if _ASKS_PROVISION.search(info.text):
        # "违反了哪条法律规定" is answered by the sentence that cites it.
        return 1.0 if _CITES_PROVISION.search(text) else 0.0
    return 0.0


def _value_beside(text: str, anchor: str | None, reach: int = 12) -> bool:
    """Whether a figure of ``text`` stands within ``reach`` characters of
    ``anchor``, after it or before it ("……以下的罚款"); any figure does when
    the question puts no word there."""
    if not anchor:
        return True
    return any(_HAS_NUMBER.search(text[max(0, a - reach):a + len(anchor) + reach].replace(anchor, " "))
               for a in _find_all(text, anchor))


@lru_cache(maxsize=1024)
def _value_of(question: str, value_word: str) -> str | None:
    """The word right before a kind of value in a question, saying whose
    value it is ("保护" of "保护期限", "赔偿" of "赔偿幅度"); None when a
    particle stands there ("纠纷的期限") or the kind is one word with it
    ("法定期限")."""
    pairs = tagged(question)
    i = next((i for i, (w, _) in enumerate(pairs) if w == value_word), None)
    if not i:
        return None
    word, tag = pairs[i - 1]
    return word if len(word) >= 2 and tag.startswith(("n", "v")) else None


def fills_slot(sentence: str, left: str | None, right: str | None, reach: int = 12,
               kinds: tuple[str, ...] = ()) -> bool:
    """Whether an enumeration of ``sentence`` stands where the question's
    items stand: within ``reach`` characters after or before the words the
    question has before its question word (``left``), or before the words
    it has after them (``right``), in one clause (see question.slot_phrases);
    or whether it closes with the kind of items asked (``kinds``: "公安、
    工商、海关等部门" for "要和哪些部门配合")."""
    if not left and not right and not kinds:
        return False
    for clause in _SLOT_CLAUSE.split(sentence):
        seps = [i for i, ch in enumerate(clause) if ch == "、"]
        if not seps:
            continue
        for kind in kinds:
            if any(0 <= a - s <= reach for a in _find_all(clause, "等" + kind) for s in seps):
                return True
        for a in _find_all(clause, left):
            if a and clause[a - 1] in _NEGATING:
                continue  # "未提交考勤记录、工资支付记录" names what was not
            b = a + len(left)
            # Before the items, or naming their kind after them ("……等重点产业").
            if any(0 <= s - b <= reach or 0 <= a - s <= reach and "等" in clause[s:a] for s in seps):
                return True
        for a in _find_all(clause, right):
            if any(0 <= a - s <= reach for s in seps):
                return True
    return False


def _find_all(text: str, phrase: str | None) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(phrase), text)] if phrase else []


def _joins(clause: str) -> int:
    """How many joins of items a clause makes: its 、 and its joining words."""
    return clause.count("、") + sum(1 for w in words(clause) if w in JOINING_WORDS)


def defines_asked_term(sentence: str, question: str) -> bool:
    """Whether ``sentence`` defines a term ``question`` names ("本解释所称
    故意，包括……" for "所说的“故意”包括什么")."""
    if not _defines(sentence):
        return False
    term = _defined_term(sentence)
    return bool(term) and _names_word(question, term)


def _defines(text: str) -> bool:
    """Whether a sentence has the form of a definition, a negated "为X"
    (不视为创作) being none."""
    return bool(_DEFINES.search(text)) and (bool(_MEANS.search(text)) or not _NOT_AS.search(text))


def _defined_term(text: str) -> str | None:
    """The term a sentence defines, by the first pattern that finds one
    (at least two characters), or None."""
    bare = _ASIDE.sub("", text.strip())
    found = next((m.group(1) for rx in _DEFINED for m in [rx.search(bare)] if m), "")
    return found if len(compare_form(found)) >= 2 else None


def _names_word(question: str, term: str) -> bool:
    """Whether ``question`` holds ``term`` as whole words: "发明" is not
    named by "什么是发明创造"."""
    question, term = compare_form(question), compare_form(term)
    bounds = set(word_bounds(question))
    start = question.find(term)
    while start >= 0:
        if start in bounds and start + len(term) in bounds:
            return True
        start = question.find(term, start + 1)
    return False


def select_answering(cands: list[Candidate], info: QuestionInfo, retrieval: Retrieval, snapshot: IndexSnapshot,
                     settings: Settings) -> list[Candidate]:
    """The sentences that answer each question of ``info`` (a compound
    question asks two things: each is answered by its own sentences), the
    candidates left scored for the whole question."""
    parts = [_weighed(analyze(p), snapshot) for p in question_parts(info.text)]
    if len(parts) == 1:
        score_candidates(cands, info, retrieval, snapshot)
        return select(cands, info, settings)
    chosen: list[Candidate] = []
    for i, part in enumerate(parts):
        if i and not part.terms:
            # A later part with no words of its own ("需要多久？", "从什么时候
            # 起算？") asks its own question of what the part before it asks
            # about: it is read with that part's words.
            part = replace(part, terms=parts[i - 1].terms, attribute=part.attribute or parts[i - 1].attribute)
            parts[i] = part
        score_candidates(cands, part, retrieval, snapshot)
        chosen += [c for c in select(cands, part, settings) if c not in chosen]
    score_candidates(cands, info, retrieval, snapshot)  # what follows reads the whole question's scores
    # The parts' answers read as one quote where a single sentence links them.
    chosen += [c for c in _with_gaps_filled(chosen, cands) if c not in chosen]
    return sorted(chosen, key=lambda c: (c.hit.chunk.doc_id, c.start))


def _fitting_instead(chosen: list[Candidate], ranked: list[Candidate], best: Candidate,
                     unfit: Callable[[Candidate], bool], limit: int) -> list[Candidate]:
    """The best-ranked sentence of full fit, scored not far below the best,
    in place of the ``unfit`` chosen ones; ``chosen`` when there is none."""
    fitting = next((c for c in ranked if c.fit == 1.0), None)
    if fitting is None or fitting.score < 0.5 * best.score:
        return chosen
    return [fitting, *(c for c in chosen if not unfit(c))][:limit]


def _weighed(part: QuestionInfo, snapshot: IndexSnapshot) -> QuestionInfo:
    """A part of a compound question with only the kinds that weigh, as the
    whole question's are (question.weighty_kinds)."""
    return replace(part, kinds=weighty_kinds(part.kinds, part.terms, snapshot.idf))


def select(cands: list[Candidate], info: QuestionInfo, settings: Settings, focus: bool = True) -> list[Candidate]:
    """The best sentence, the ones close to it, and for a "how many" or
    "which ones" question the best sentence that carries the figure or list.
    ``focus``: one answer to one question (sentences that repeat are left
    out, a provision's further figures are added); off for the per-document
    sentences of comparisons and which-documents answers."""
    if not cands:
        return []
    ranked = sorted(cands, key=lambda c: -c.score)
    if info.intent in _VALUE_INTENTS:
        ranked = _value_first(ranked, settings.sentence_tie_ratio)
    slotted = _filling_the_slot(ranked, info, settings.sentence_keep_ratio, settings.sentence_tie_ratio) \
        if focus and info.intent == "list" else []
    if slotted:
        ranked = [*slotted, *(c for c in ranked if c not in slotted)]
    best = ranked[0]
    chosen = [c for c in ranked if c.score >= settings.sentence_keep_ratio * best.score]
    chosen = chosen[: settings.max_answer_sentences]
    if slotted:
        # Other enumerations beside the question's words (fit 1.0) are
        # other lists.
        chosen = [c for c in chosen if c in slotted or c.fit < 1.0]
    if focus and info.intent not in settings.every_sentence_intents:
        chosen = _each_adds_a_term(chosen, settings.sentence_tie_ratio, settings.sentence_adds_share)
    # A value, a list or a person asked and none stated by the sentences
    # chosen: the best sentence that states one joins them.
    if info.intent in ("count", "duration", "date", "list", "who") and not any(c.fit for c in chosen):
        fitting = next((c for c in ranked if c.fit > 0), None)
        if fitting is not None and fitting.score >= 0.5 * best.score:
            chosen = [fitting, *chosen][: settings.max_answer_sentences]
    if info.intent == "count" and not any(c.fit >= 0.5 for c in chosen) and counts_in_named_unit(info.text):
        # Figures in other units only, where the question names the unit of
        # the things it counts ("举办多少场"): the best sentence with a figure
        # in that unit beside its words answers instead.
        chosen = _fitting_instead(chosen, ranked, best, lambda c: c.fit > 0, settings.max_answer_sentences)
    if info.intent == "date" and any(c.fit == _ANOTHER_ACT for c in chosen) and not any(c.fit == 1.0 for c in chosen):
        # Dates of another act only: the best sentence dating the act asked answers instead.
        chosen = _fitting_instead(chosen, ranked, best, lambda c: c.fit == _ANOTHER_ACT,
                                  settings.max_answer_sentences)
    if info.intent == "definition":
        chosen = _defining_the_term_asked(chosen, ranked, info, best.score)
    first = list(chosen)
    if info.intent in _VALUE_INTENTS:
        # Each compared document's answer too: its sentences that state a
        # value (the best-scored one stays).
        chosen = _stating_the_value(chosen, best)
    if info.intent == "list":
        chosen = _with_clause_runs(chosen, cands, settings.max_list_sentences, alone=focus)
    elif focus:
        chosen = _with_best_item(chosen, cands, best.score)
    if focus:
        # Before further figures are read on: a weaker fit's are not wanted.
        chosen = _fitting_best(chosen, best, settings.fit_tie_ratio, first)
    if focus and (info.intent in ("count", "duration", "date") or speaks_of_penalty(info.text)):
        chosen = _with_further_figures(chosen, cands, info, settings)
    if focus:
        chosen = _without_answered_headings(chosen)
    if focus and info.intent != "yesno":
        chosen = _the_one_asked(chosen, ranked, info, best.score)
    if focus:
        chosen = _findings_for_claims(chosen, ranked, best.score)
    seen: set[tuple[str, int]] = set()
    unique = []
    for c in _with_gaps_filled(chosen, cands):  # overlapping passages can hold the same sentence
        key = (c.hit.chunk.doc_id, c.start)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return sorted(unique, key=lambda c: (c.hit.chunk.doc_id, c.start))


def _the_one_asked(chosen: list[Candidate], ranked: list[Candidate], info: QuestionInfo,
                   best_score: float) -> list[Candidate]:
    """Chosen sentences that name another of the series, class or place the
    question asks of ("第二届……" for 首届) give way to the best sentence
    that names the one asked, at half the best score or more ("回顾首届联赛，
    ……"). Without one they stay: the answer then says the text speaks of
    another. A yes/no question keeps them: the other one corrects it."""
    asked = qualifiers(info.text)
    # The kinds of which a chosen sentence names another one than asked (a
    # sentence that names the year asked says nothing more of its subject
    # for that: 2025年地区生产总值 is no answer for 2025年固定资产投资).
    frames = {q.frame for c in chosen for q in asked if q.frame not in OWN_FRAMES and another_named([q], c.text, "")}
    if not frames:
        return chosen
    wanted = {(q.frame, q.value) for q in asked if q.frame in frames}
    named = next((c for c in ranked if c.score >= 0.5 * best_score and another_named(asked, c.text, "") is None
                  and wanted <= {(q.frame, q.value) for q in qualifiers(c.text)}), None)
    if named is None:
        return chosen
    # (the others read in their passage, as the answer's check reads them)
    return [named, *(c for c in chosen if c is not named and another_named(asked, c.text, c.hit.chunk.text) is None)]


def _findings_for_claims(chosen: list[Candidate], ranked: list[Candidate], best_score: float) -> list[Candidate]:
    """Where a question asks whether something holds (score_candidates
    marks a judgment's sentences then), a chosen claim or
    defence of a party ("王某某要求……赔偿") gives way to its document's
    finding, the best-scored one at half the best score or more ("……的诉讼
    请求予以支持"): what was asked for is not what holds."""
    out = list(chosen)
    for doc in {c.hit.chunk.doc_id for c in chosen if c.in_case and states_position(c.text)}:
        finding = next((c for c in ranked if c.hit.chunk.doc_id == doc and states_finding(c.text)
                        and c.score >= 0.5 * best_score), None)
        if finding is None:
            continue
        out = [c for c in out if c.hit.chunk.doc_id != doc or not states_position(c.text)]
        if finding not in out:
            out.append(finding)
    return out


def _without_answered_headings(chosen: list[Candidate]) -> list[Candidate]:
    """A chosen heading of one clause ("五是要着力完善实施知识产权战略的配套
    政策。") whose own section's sentence is chosen too: the heading names the
    topic, the sentence under it says what the text says of it; only the
    sentence is quoted. A heading alone stays (the body is fetched for it
    later), and so does one of several clauses, which says something itself
    ("二、要加强……调查取证工作，设法查找……等资料。")."""
    def heading(c: Candidate) -> bool:
        return is_heading_sentence(c.text, c.hit.chunk.section) and not _CLAUSE.search(c.text.rstrip("。．.！!？?"))

    return [c for c in chosen if not heading(c) or not any(
        d is not c and not heading(d) and d.hit.chunk.doc_id == c.hit.chunk.doc_id
        and tuple(d.hit.chunk.section) == tuple(c.hit.chunk.section) for d in chosen)]


def _fitting_best(chosen: list[Candidate], best: Candidate, ratio: float,
                  first: list[Candidate]) -> list[Candidate]:
    """Of the ``first`` chosen sentences scoring within ``ratio`` of the best,
    the ones that fit the asked form best: a near tie that fits less (a
    figure in another unit, or none; the definition of another term; no
    enumeration beside the words asked) is a sentence on the question's
    words, not an answer to it. The best-scored sentence stays, and so do the
    ones a later rule brought in (the rest of a run of clauses, an item of
    an enumeration, an article's further figures)."""
    near = [c for c in first if c.score >= ratio * best.score]
    most = max((c.fit for c in near), default=0.0)
    return [c for c in chosen if c is best or c.fit >= most or c not in near]


def _filling_the_slot(ranked: list[Candidate], info: QuestionInfo, ratio: float,
                      tie_ratio: float) -> list[Candidate]:
    """The sentences, best first, whose enumeration stands where the
    question's items stand ("纳入企业的研发、生产与经营全过程" for "纳入企业
    的哪些环节"), when the best of them scores ``ratio`` of the best
    sentence or more (it would be chosen anyway): they answer a which-ones
    question before a higher-scored enumeration of other things on the
    same words. None otherwise."""
    slots = slot_phrases(info.text)
    # A slot's list fits fully.
    slotted = [c for c in ranked if c.fit == 1.0 and fills_slot(c.text, *slots, kinds=info.kinds)]
    if not slotted or slotted[0].score < ratio * ranked[0].score:
        return []
    # A legal text's list is the enumeration a lead-in announces: one
    # scoring as near the best leaves the choice to it.
    lead_in = next((c for c in ranked if LEAD_IN.search(c.text)), None)
    if lead_in is not None and lead_in.score >= ratio * ranked[0].score:
        return []
    # Another passage's enumeration in the slot that scores clearly lower is
    # another list on the same words ("实施国家、省知识产权战略" beside the
    # three strategies asked).
    first = slotted[0]
    return [c for c in slotted if c.hit.chunk.chunk_id == first.hit.chunk.chunk_id
            or c.score >= tie_ratio * first.score]


def _value_first(ranked: list[Candidate], tie_ratio: float) -> list[Candidate]:
    """A how-many, how-long or when question is answered by a sentence that
    states a value: between two the scores cannot separate, the one that
    states it leads ("自申请日起满十八个月，即行公布" before another
    article's "在指定期限内提交……" for "发明专利申请提交后多久公布"), and of
    several that do, the one in the unit asked ("为15年" before the "两个以上"
    of another article, for "保护期限是多少年")."""
    near = [c for c in ranked if c.score >= tie_ratio * ranked[0].score]
    fitting = max(near, key=lambda c: c.fit)  # the best-scored of the best fit
    if fitting.fit == 0 or fitting is ranked[0]:
        return ranked
    return [fitting, *(c for c in ranked if c is not fitting)]


def _each_adds_a_term(chosen: list[Candidate], tie_ratio: float, adds_share: float) -> list[Candidate]:
    """The chosen sentences, best first, each kept only when it scores
    nearly as well as the best (two readings the scores cannot separate),
    or, in the best sentence's own provision, states terms of the question
    weighing ``adds_share`` of it that the ones kept before it do not (a
    word on every line of the text, 知识产权 in a speech on it, adds
    nothing): a second sentence that repeats
    what the first says about the same words answers nothing more (the
    statute of limitations, then the one for royalties), and another
    passage's sentence that shares a word of the question ("去年11月29日……"
    for "去年培训了多少人才") is not an answer for that."""
    kept: list[Candidate] = []
    covered: set[str] = set()
    # The best sentence's own provision speaks first: the rest of an
    # article that answers is read before another document's echo of it.
    home = _provision(chosen[0]) if chosen else None
    for c in sorted(chosen, key=lambda c: _provision(c) != home):
        # (a float's rounding must not drop one of ten equal words)
        adds = _provision(c) == home and sum(w for t, w in c.terms.items() if t not in covered) >= adds_share - 1e-9
        tie = kept and c.score >= tie_ratio * kept[0].score and not _weaker_reading(c, kept[0])
        if not kept or adds or tie:
            kept.append(c)
            covered |= set(c.terms)
    # The best-scored sentence is itself the weaker reading of a near tie
    # that states its words and more of the question's; a lead-in stays, its
    # items are the answer.
    stronger = [c for c in kept[1:] if c.score >= tie_ratio * kept[0].score and _weaker_reading(kept[0], c)]
    if stronger and not LEAD_IN.search(kept[0].text):
        # What its provision added stays where it reads on its own (an item
        # "（一）……三十万元以上的"), not where it goes on from the sentence
        # left out ("该期限不计入……"); the stronger readings stay whatever
        # they open with.
        weaker = _provision(kept[0])
        kept = [c for c in kept[1:] if c in stronger or _provision(c) != weaker or not _CONTINUES.match(c.text)]
    return kept


def _weaker_reading(c: Candidate, best: Candidate, slack: float = 0.05) -> bool:
    """Whether ``c`` is no other reading of the question than ``best`` but a
    weaker one: it states less of the question's words than ``best`` (by
    ``slack`` of their weight at least, and almost nothing besides), and fits
    the asked form no better. Its near-tie score is the passage's meaning
    and rank, not an answer ("元月19日……召开了领导小组第一次会议" beside
    "省政府成立了……领导小组" for the group's name)."""
    extra = sum(w for t, w in c.terms.items() if t not in best.terms)
    lacks = sum(w for t, w in best.terms.items() if t not in c.terms)
    return extra < slack <= lacks and c.fit <= best.fit


def _defining_the_term_asked(chosen: list[Candidate], ranked: list[Candidate], info: QuestionInfo,
                             best_score: float) -> list[Candidate]:
    """A definition question is answered by the sentence that defines the
    term it asks about, when one scores at least half the best, and not by
    one that defines another term ("发明创造是指……" for "发明是指什么")."""
    exact = next((c for c in ranked if c.fit == 1.0), None)
    if exact is None or exact.score < 0.5 * best_score:
        return chosen
    return [exact, *(c for c in chosen if c is not exact and c.fit != 0.5 and _provision(c) == _provision(exact))]


def _stating_the_value(chosen: list[Candidate], best: Candidate) -> list[Candidate]:
    """A how-many, how-long or when answer: once a chosen sentence states a
    value, a sentence that states none answers nothing, the rest of its
    article included ("……可以向交易平台提供者投诉" before "接到投诉后，应当在
    三个工作日内告知被投诉人"); the best-scored sentence stays, it says
    what the value is of."""
    if not any(c.fit for c in chosen):
        return chosen
    return [c for c in chosen if c.fit or c is best]


def _provision(c: Candidate) -> tuple[str, str]:
    """The article a sentence belongs to, or its passage in a text without articles."""
    chunk = c.hit.chunk
    return chunk.doc_id, article_of(chunk.address) if chunk.address else chunk.chunk_id


def _with_gaps_filled(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Two chosen sentences of one passage with a single sentence between
    them read as one quote: the sentence between them joins ("……作了通报。
    我都完全同意。希望各市州……" keeps its middle), so a quote never skips
    a short remark that links the two."""
    out = list(chosen)
    for c in chosen:
        same = [d for d in cands if d.hit is c.hit]
        i = same.index(c)
        if i + 2 < len(same) and same[i + 2] in chosen and same[i + 1] not in out \
                and not is_label_line(same[i + 1].text):
            out.append(same[i + 1])
    return out


def _with_further_figures(chosen: list[Candidate], cands: list[Candidate], info: QuestionInfo,
                          settings: Settings, reach: int = 2) -> list[Candidate]:
    """A provision often states a figure and then, in its next sentences,
    the figure for a graver or another case ("处十万元以上一百万元以下的罚
    款；情节严重的，处五十万元以上五百万元以下的罚款"): those sentences of
    the same article that state a figure and a term of the question join
    a how-many, how-long, when or penalty answer (the deadline, then the
    later one a grace period allows). Only in articles: elsewhere the next
    sentence with a figure is as often about something else."""
    # A penalty question's further fines are on its point, whatever words
    # it used for the penalty ("怎么处罚": "……可以并处三万元以下的罚款").
    # So is a how-long question's further time limit ("延长期限最长不得超过二个月").
    penalty = speaks_of_penalty(info.text)
    terms = [compare_form(t) for t in info.terms] + (["罚"] if penalty else []) \
        + (list(_TIME_LIMITS) if info.intent == "duration" else [])
    owners = {o for t in info.terms if names_a_kind_of_value(t) and (o := _value_of(info.text, t))}
    joined = joined_words(info.text)
    out = list(chosen)
    for c in chosen:
        if not c.hit.chunk.address or not states_figure(c):
            continue
        same = [d for d in cands if d.hit is c.hit]
        for d in same[same.index(c) + 1:same.index(c) + 1 + reach]:
            form = compare_form(d.text)
            if _provision(d) != _provision(c) or not states_figure(d) \
                    or not any(t in form for t in terms):
                break
            if not penalty and (_of_another_subject(d, c, settings) or of_something_else(d, c, owners, joined)):
                continue
            if _MEANS.search(d.text):
                # What a term of the provision means ("所称……，是指……") states
                # no further figure, whatever numbers it holds (两项以上).
                break
            if d not in out:
                out.append(d)
    return out


def of_something_else(d: Candidate, c: Candidate, owners: set[str], joined: set[str]) -> bool:
    """Whether ``d``, a later sentence of ``c``'s article, states a figure
    of something else than the value asked: it names neither the thing
    whose value is asked (``owners``: 赔偿 of "赔偿上限"; "……一倍以上五倍以下
    的罚款" is no 赔偿) nor a thing asked with it (``joined``: "补缴期限和滞纳
    金", 滞纳金), or it leaves out the heaviest question word ``c`` states
    and neither goes on from ``c`` nor makes an exception to it
    ("自发明专利申请日起满四年……期限补偿" after the term of 外观设计专利权;
    "法律规定的申请期限超过六十日的除外" is of the same term)."""
    form = compare_form(d.text)
    if any(compare_form(j) in form for j in joined):
        return False
    if owners and not any(compare_form(o) in form for o in owners):
        return True
    heavy = max(c.terms, key=c.terms.get, default=None)
    return heavy is not None and heavy not in d.terms and not _CONTINUES.match(d.text) \
        and not _EXCEPTION.search(d.text)


def joined_words(question: str) -> set[str]:
    """The content words right after a joining word or an enumeration comma
    of ``question`` ("和滞纳金", "、被请求人答辩期限"): things asked together."""
    pairs = tagged(question)
    return {w for (j, _), (w, tag) in zip(pairs, pairs[1:]) if (j in JOINING_WORDS or j == "、") and len(w) >= 2
            and tag.startswith(("n", "v", "a"))}


def _of_another_subject(d: Candidate, c: Candidate, settings: Settings) -> bool:
    """Whether ``d``, a later sentence of ``c``'s article, states the same
    kind of value for another subject: it repeats most of the question's
    words ``c`` states (``parallel_shared_share`` of their weight) but not
    one of them that tells the subject apart (``parallel_lacking_weight``),
    adds none, and neither continues ``c`` (但是……, 因特殊情况……, 该期限)
    ("专利权人要求支付使用费的诉讼时效为三年" after "侵犯专利权的诉讼时效为
    三年"; "法人……的作品，其发表权的保护期为五十年" after the one for
    自然人). The next item of an enumeration is another case ("（三）假冒两项
    以上他人专利……" after "（二）给专利权人造成直接经济损失五十万元以上的").
    A graver case of a penalty is no other subject: penalties are not asked
    of this."""
    if is_item(c.text) and is_item(d.text):
        return True
    if _CONTINUES.match(d.text) or set(d.terms) - set(c.terms):
        return False
    shared = sum(w for t, w in c.terms.items() if t in d.terms)
    lacks = any(w >= settings.parallel_lacking_weight and t not in d.terms for t, w in c.terms.items())
    return lacks and shared >= settings.parallel_shared_share * (sum(c.terms.values()) or 1.0)


def speaks_of_penalty(text: str) -> bool:
    """Whether a question asks how a breach is penalised ("会被罚多少钱"), or
    a provision sets a penalty (罚款, 处罚, 罚金)."""
    return bool(_ASKS_PENALTY.search(text))


def states_figure(c: Candidate) -> bool:
    """The sentence fits a how-many question, or states a figure at all, a
    multiple included (a fine asked with "怎么罚款" is a figure, "五倍以下的
    罚款" too, though not asked with 多少)."""
    figures = _REFERENCE.sub("", c.text)
    return bool(c.fit) or bool(_HAS_NUMBER.search(figures) or _MULTIPLE.search(figures))


def _with_clause_runs(chosen: list[Candidate], cands: list[Candidate], limit: int,
                      alone: bool = False) -> list[Candidate]:
    """A list in a policy text is often a run of clauses split by "；",
    introduced by a sentence ("取得了可喜的进展。全年申请专利……；成功举办……；").
    When a chosen sentence opens or belongs to such a run, the whole run
    answers a "which ones" question, not its first clause alone. ``alone``:
    a run of three clauses or more around the best sentence is the whole
    answer; other passages' sentences on its words are no items of it."""
    out = list(chosen)
    for c in chosen:
        same = [d for d in cands if d.hit is c.hit]
        i = same.index(c)
        start = end = i
        while start > 0 and continues_run(same[start - 1].text):
            start -= 1
        if start == i and not continues_run(c.text):
            end += 1  # the sentence may introduce a run that follows it
        while end < len(same) - 1 and continues_run(same[end].text):
            end += 1
        if end > start and any(continues_run(d.text) for d in same[start:end]):
            run = same[start:end + 1]
            if alone and c is chosen[0] and end - start >= 2:
                return [*run, *(d for d in chosen if d.hit is c.hit and d not in run)][:max(limit, len(chosen))]
            out += [d for d in run if d not in out]
    return out[:max(limit, len(chosen))]


def _with_best_item(chosen: list[Candidate], cands: list[Candidate], best_score: float,
                    share: float = 0.5) -> list[Candidate]:
    """A chosen lead-in ("被告有下列情形的，人民法院可以认定为情节严重：")
    says nothing until its items do: outside a list question, the item of
    its enumeration that states question words the lead-in does not and
    scores best joins it, when it scores ``share`` of the best sentence
    (the item the question is about; none when no item is, as when a
    definition lists what it includes)."""
    out = list(chosen)
    for c in chosen:
        if not LEAD_IN.search(c.text):
            continue
        same = [d for d in cands if d.hit is c.hit]
        items = []
        for d in same[same.index(c) + 1:]:
            if not is_item(d.text):
                break
            items.append(d)
        # What an item adds to its lead-in tells it apart: the closing
        # "（七）其他可以认定为情节严重的情形" repeats the lead-in's words.
        item = max((d for d in items if set(d.terms) - set(c.terms)),
                   key=lambda d: d.score - sum(w for t, w in d.terms.items() if t in c.terms), default=None)
        if item is not None and item not in out and item.score >= share * best_score:
            out.append(item)
    return out


def _directs(text: str, subject: str) -> bool:
    """Whether a sentence addresses a directive to ``subject``: it opens
    with it (after a connective such as "为此，") and a modal verb follows."""
    return bool(re.match(rf"^(?:[^，,。]{{1,4}}[，,])?(?:各级各类|各级|各类|广大|各)?{re.escape(subject)}[，,]?"
                         r"(?:都|也|还|均|更)?"
                         r"(?:要|应当|应该|应|必须|需要)", text.strip()))


def continues_run(text: str) -> bool:
    """Whether a sentence is a clause of a run that goes on ("……；")."""
    return text.rstrip().endswith(("；", ";"))
