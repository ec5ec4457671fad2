"""Sentences read beside the ones an answer chose, in their own document.

A chosen sentence often does not answer alone (a conclusion's premise comes
before it; a request's reply, a lead-in's items, a heading's body and a
duty's fine come after it or elsewhere in its document), and reading those
on is one job, kept apart from the pipeline that decides when to."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator, Sequence

from .answering import Candidate, continues_run, says_something, speaks_of_penalty, states_figure
from .chunking import is_heading_sentence
from .citing import Quote
from .coverage import LEAD_IN
from .legal import article_of, cites_article, is_item
from .metadata import COURT_DECISION
from .outline import named_part
from .qualifiers import OWN_FRAMES, Qualifier, instance_not_held, qualifiers
from .retrieval import Hit
from .rulings import reports_positions
from .snapshot import IndexSnapshot
from .textnorm import compare_form

# A question about what the text goes on to say after something.
# What the text is asked to go on saying: "要讲什么", "强调了什么".
SAYING = re.compile(r"(讲|谈|提出|强调|指出|要求)了?(?:些)?什么")
ASKS_WHAT_FOLLOWS = re.compile(r"(?:之后|以后|后|完)[，,]?(?:接着|接下来|紧接着|随后|然后)|接下来(?:说|讲|提|谈)")
# A question's last clause asking what came of something: the reply, the
# decision, the ruling ("有关部门给出的意见是什么", "国家批了没有", "法院怎么判的"),
# not the request itself ("请求判决支付多少").
_OUTCOME = re.compile(r"意见|答复|回复|批准|批复|批了|批没批|同意(?:了|没有|吗|与否)|结果|判决|判了|[怎如][么何]判(?![断定别])|"
                      r"采纳|回应|答应")
_REQUESTING = re.compile(r"请求|申请|要求|诉请|主张|建议")
# A sentence reporting a request: its party, then the verb (你省请求，……;
# 大连市请求在……开设……); not a condition a rule sets ("当事人申请复议的，").
_REPORTS_REQUEST = re.compile(r"^(?:[一二三四五六七八九十]+、)?[^，,。；;：:]{1,12}?(?:请求|申请|诉请|建议)"
                              r"(?![^，,。；;：:]*的[，,])")
# How a conclusion opens: its premise is the sentence before it.
_CONCLUSION = re.compile(r"^(?:只有|为此|因而|由此可见|可见|这就要求|这就决定)")

# A heading this short names a topic; a longer one ("（二十五）对……享受相应
# 税收优惠政策。") is a numbered paragraph that says something itself.
TOPIC_LABEL = 40


def penalty_hits(snapshot: IndexSnapshot, hits: list[Hit], top: int) -> list[Hit]:
    """Passages of the documents of the ``top`` hits that penalise breaking
    the articles found ("违反本法第十四条第五款规定的，……处十万元罚款"), not
    among the hits."""
    seen = {h.idx for h in hits}
    out = []
    for h in hits[:top]:
        if not h.chunk.address:
            continue
        article = article_of(h.chunk.address)
        for idx in snapshot.chunks_of(frozenset({h.chunk.doc_id})):
            chunk = snapshot.chunks[idx]
            if int(idx) not in seen and speaks_of_penalty(chunk.text) and cites_article(chunk.text, article):
                seen.add(int(idx))
                out.append(Hit(int(idx), chunk, h.score, 0.0, 0.0, None, None))
    return out


def with_cited_fine(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """A penalty question whose best sentence states a duty: the fine of the
    article that cites the duty's joins it, and a fine another article
    cites is another duty's (dropped)."""
    duty = max(chosen, key=lambda c: c.score, default=None)
    if duty is None or not duty.hit.chunk.address:
        return chosen
    article = article_of(duty.hit.chunk.address)
    fines = [c for c in cands if c.hit.chunk.doc_id == duty.hit.chunk.doc_id and speaks_of_penalty(c.text)
             and states_figure(c) and cites_article(c.text, article)]
    if not fines:
        return chosen
    found = max(fines, key=lambda c: c.score)
    # It speaks of what the article it cites says.
    fine = replace(found, terms={**duty.terms, **found.terms})
    kept = [c for c in chosen
            if not (speaks_of_penalty(c.text) and cites_article(c.text) and not cites_article(c.text, article))]
    return sorted({id(c): c for c in (*kept, fine)}.values(), key=lambda c: (c.hit.chunk.doc_id, c.start))


def with_premise(chosen: list[Candidate], snapshot: IndexSnapshot) -> list[Candidate]:
    """A why question answered by a conclusion that gives no cause itself
    ("只有依靠科技进步走自主创新道路，……才能……", "为此……"): its reason is
    the sentence before it in the paragraph, the premise the text argues
    from ("我省自然条件恶劣，……将使环境不堪重负"), in the passage before
    when the conclusion opens its own. A paragraph's first sentence has none.
    (因此 and 所以 are causes the sentence score already reads.) The
    premise and its conclusion are then the answer: another sentence that
    gives no cause either ("要走自主创新之路，就必须……", what the way asks)
    is not why."""
    best = max(chosen, key=lambda c: c.score, default=None)
    if best is None or best.fit or not _CONCLUSION.match(best.text):
        return chosen
    doc = best.hit.chunk.doc_id
    before = snapshot.docs[doc]["text"][:best.start].rstrip(" \t\u3000")
    premise = None if not before or before.endswith("\n") else sentence_at(snapshot, doc, len(before) - 1)
    if premise is None or is_heading_sentence(premise.text, premise.hit.chunk.section) or any(
            c.hit.chunk.doc_id == best.hit.chunk.doc_id and c.start == premise.start for c in chosen):
        return chosen
    premise.score = best.score
    argued = [c for c in chosen if c is best or c.fit]
    return sorted([*argued, premise], key=lambda c: (c.hit.chunk.doc_id, c.start))


def within_named_parts(cands: list[Candidate], terms: tuple[str, ...],
                       snapshot: IndexSnapshot) -> list[Candidate]:
    """A value asked of the subject one part of a document is about ("60万吨
    乙烯项目的总投资" of a reply whose parts are each about a project) is
    stated in that part: a figure of the document's other parts is another
    subject's (the airport's 5亿元)."""
    parts = {doc: named_part(terms, snapshot.outlines.get(doc, []), snapshot.docs[doc]["text"])
             for doc in {c.hit.chunk.doc_id for c in cands}}
    out = [c for c in cands if parts[c.hit.chunk.doc_id] is None
           or tuple(c.hit.chunk.section[:1]) == parts[c.hit.chunk.doc_id]]
    # A part the search found no passage of is read whole: whether it states
    # such a value is the part's to say, not the search's.
    behind = max((c.hit_rank for c in cands), default=0) + 1
    for doc, part in parts.items():
        if part is None or any(c.hit.chunk.doc_id == doc for c in out):
            continue
        text = snapshot.docs[doc]["text"]
        for idx in map(int, snapshot.chunks_of(frozenset({doc}))):
            chunk = snapshot.chunks[idx]
            if tuple(chunk.section[:1]) == part:
                hit = Hit(idx, chunk, 0.0, 0.0, 0.0, None, None)
                out += [Candidate(behind, hit, a, b, text[a:b]) for a, b in chunk.sentences if says_something(text[a:b])]
    return out


def asks_outcome(question: str) -> bool:
    """Whether the question's last clause asks what came of something (a
    reply, a decision, a ruling) and not what was requested."""
    last = re.split(r"[，,；;]", question.strip().rstrip("？?。！!"))[-1]
    return bool(_OUTCOME.search(last)) and not _REQUESTING.search(last)


def answer_to_request(chosen: list[Candidate], snapshot: IndexSnapshot, reach: int) -> list[Candidate]:
    """An outcome asked of a request ("……，有关部门给出的意见是什么") that
    the best sentence only reports ("你省请求，国家将你省纳入……"): the
    question restates the request; what answers it is the reply that
    follows in its section ("财政部……提出了办理意见：该问题将……"), up to
    ``reach`` sentences, past a lead-in ("……提出了以下意见：") and further
    requests. The request stays when nothing follows."""
    best = max(chosen, key=lambda c: c.score, default=None)
    # A statute's article states rules, not requests and their replies; a
    # party's claim in a judgment is followed by its reasons, and the court's
    # answer to it is its finding (answering.select prefers findings).
    if best is None or best.hit.chunk.address or not _REPORTS_REQUEST.match(best.text) \
            or reports_positions(snapshot.docs[best.hit.chunk.doc_id]["text"]):
        return chosen
    section = list(best.hit.chunk.section)
    reply: list[Candidate] = []
    for nxt in _sentences_after(snapshot, best.hit.chunk.doc_id, best.end):
        # The reply lies in the request's section (its numbered paragraphs
        # "（一）由于……条件还不成熟。" included).
        if len(reply) == reach or nxt.hit.chunk.section[:len(section)] != section:
            break
        # Further requests ("同时申请增设……") are passed over, so is a label.
        if _REPORTS_REQUEST.match(nxt.text) or LEAD_IN.search(nxt.text) or not says_something(nxt.text) or (
                is_heading_sentence(nxt.text, nxt.hit.chunk.section) and len(nxt.text) <= TOPIC_LABEL):
            continue
        nxt.score = best.score
        reply.append(nxt)
    return reply or chosen


def said_next(chosen: list[Candidate], snapshot: IndexSnapshot, saying: list[str],
              reach: int = 2) -> list[Candidate]:
    """A question about what the text says after something ("表示同意之后，
    接着说要讲什么") is answered by what follows the chosen sentences: up to
    ``reach`` sentences after the last of them in the best one's document
    ("希望各市州认真抓好落实。" then "借此机会，我再讲几点意见："), to a heading;
    the one that does the ``saying`` asked (讲 of "要讲什么") alone, when one does."""
    best = max(chosen, key=lambda c: c.score, default=None)
    if best is None:
        return chosen
    doc = best.hit.chunk.doc_id
    following: list[Candidate] = []
    for nxt in _sentences_after(snapshot, doc, max(c.end for c in chosen if c.hit.chunk.doc_id == doc)):
        if len(following) == reach or is_heading_sentence(nxt.text, nxt.hit.chunk.section):
            break
        nxt.score = best.score
        following.append(nxt)
    doing = [c for c in following if any(verb in c.text for verb in saying)]
    return doing[:1] or following or chosen


def _sentences_after(snapshot: IndexSnapshot, doc: str, offset: int) -> Iterator[Candidate]:
    """The sentences of ``doc`` from ``offset`` on, in reading order."""
    while (nxt := sentence_at(snapshot, doc, offset, after=True)) is not None:
        yield nxt
        offset = nxt.end


def sentence_at(snapshot: IndexSnapshot, doc: str, offset: int, after: bool = False) -> Candidate | None:
    """The sentence of ``doc`` that holds ``offset`` (``after``: the first
    that starts there or later), as a candidate of its chunk."""
    found = snapshot.sentence_at(doc, offset, after)
    if found is None:
        return None
    idx, a, b = found
    hit = Hit(idx, snapshot.chunks[idx], 0.0, 0.0, 0.0, None, None)
    return Candidate(0, hit, a, b, snapshot.docs[doc]["text"][a:b])


def with_what_follows(chosen: list[Candidate], snapshot: IndexSnapshot, reach: int,
                      runs: bool) -> list[Candidate]:
    """What a chosen sentence announces, read on past its passage: the lines
    a lead-in introduces ("据此，日工资、小时工资的折算为：" then "日工资：月工资
    收入÷月计薪天数", up to ``reach`` sentences, to a heading), and the rest
    of a run of "；" clauses ("……存在一些问题：一是……；" then "二是……；",
    "三是……。"). A legal enumeration's numbered items are quoted by the
    list rules."""
    out = list(chosen)
    have = {(c.hit.chunk.doc_id, c.start) for c in chosen}
    for c in chosen:
        doc = c.hit.chunk.doc_id
        lead_in, run = bool(LEAD_IN.search(c.text)), runs and continues_run(c.text)
        if not (lead_in or run):
            continue
        article = article_of(c.hit.chunk.address or "")
        for taken, nxt in enumerate(_sentences_after(snapshot, doc, c.end)):
            if taken == reach or is_item(nxt.text) or is_heading_sentence(nxt.text, nxt.hit.chunk.section) \
                    or not says_something(nxt.text):  # a section's number alone on its line ("三")
                break
            if article_of(nxt.hit.chunk.address or "") != article:
                # Another article is no line of this one: a preamble's
                # "……解释如下：" announces the whole text, not its first article.
                break
            if (doc, nxt.start) not in have:
                have.add((doc, nxt.start))
                nxt.score = c.score
                out.append(nxt)
            if not lead_in and not continues_run(nxt.text):
                break  # the run's closing clause
    return sorted(out, key=lambda c: (c.hit.chunk.doc_id, c.start))


def with_body(snapshot: IndexSnapshot, chunk_index: int, start: int, end: int, score: float,
              limit: int) -> list[Quote]:
    """The first sentences of the body under the heading at ``start``-``end``
    of a chunk, fewer than ``limit`` (the answer a heading stood for); nothing
    when no body follows (a title, a heading with only sub-headings). The
    heading itself is not quoted: it names the topic, which the citation's
    section shows, and says nothing of it."""
    chunk = snapshot.chunks[chunk_index]
    text = snapshot.docs[chunk.doc_id]["text"]
    # The heading's own section: the sentence is the label at that depth.
    form = compare_form(text[start:end])
    depth = next((i for i, label in enumerate(chunk.section) if compare_form(label) == form),
                 len(chunk.section) - 1)
    path = chunk.section[:depth + 1]
    body: list[Quote] = []
    for c in snapshot.chunks[chunk_index:]:  # a document's chunks are in reading order
        if c.doc_id != chunk.doc_id or c.section[:len(path)] != path or len(body) >= limit - 1:
            break
        body += [Quote(c, score, a, b, text[a:b]) for a, b in c.sentences
                 if a >= end and not is_heading_sentence(text[a:b], c.section) and says_something(text[a:b])]
    return body[:limit - 1]


def of_ones_asked(cands: list[Candidate], asked: Sequence[Qualifier], snapshot: IndexSnapshot) -> list[Candidate]:
    """Without the candidates of judgments of an instance before the one
    asked, and of documents titled for another one of a series asked (the
    第三届 festival's report, 第四届 asked), where a document titled for the
    one asked is among them: reports of two editions state the same kinds of
    figures, each of its own."""
    docs = {c.hit.chunk.doc_id for c in cands}
    # A later instance asked (二审): judgments that never reached it are
    # another instance's, where one that did is among them (a statute is none).
    judgments = {d for d in docs if snapshot.metas[d].kind == COURT_DECISION}
    earlier = {d for d in judgments if instance_not_held(asked, snapshot.docs[d]["text"])}
    if earlier and earlier != judgments:
        cands = [c for c in cands if c.hit.chunk.doc_id not in earlier]
    # A year or an instance is one a sentence names for itself: a report
    # titled for 2024 speaks of 2023's figures.
    wanted = {(q.frame, q.value) for q in asked if q.frame not in OWN_FRAMES}
    titled = {d: {(q.frame, q.value) for q in qualifiers(snapshot.metas[d].title) if q.frame not in OWN_FRAMES}
              for d in {c.hit.chunk.doc_id for c in cands}}
    if not wanted or not any(t & wanted for t in titled.values()):
        return cands
    frames = {f for f, _ in wanted}
    other = {d for d, t in titled.items() if not t & wanted and any(f in frames for f, _ in t)}
    return [c for c in cands if c.hit.chunk.doc_id not in other]


def of_names_asked(cands: list[Candidate], names: list[str], snapshot: IndexSnapshot) -> list[Candidate]:
    """Candidates from the documents that name the persons or organisations a
    question asks about (卢某, 青禾), where any do: another document's
    sentences speak of another party's case, however close their words come."""
    forms = [compare_form(n) for n in names]
    naming = {doc for doc in {c.hit.chunk.doc_id for c in cands}
              if any(f in snapshot.document_form(doc) for f in forms)}
    return [c for c in cands if c.hit.chunk.doc_id in naming] if naming else cands
