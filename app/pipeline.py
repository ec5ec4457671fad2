"""The one question-answering pipeline behind the CLI, the web UI and the API.

``prepare`` reads the question (typos, follow-ups, named documents and
articles), retrieves and decides; ``stream``/``ask`` turn the decision into
an answer. Each step's output is typed and kept on the ``Prepared`` record,
and an answer can carry the decision and a trace of what was retrieved."""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

from . import texts as T
from .answer import Answer, Decision, Side, Trace, TraceHit, refusal
from .answer_cache import AnswerCache
from .bridge import chinese_words, kind_words
from .answering import (Candidate, answer_wording, candidates, defines_asked_term, is_order, score_candidates,
                        select, select_answering, sentence_vector, speaks_of_penalty)
from .chunking import Chunk, is_heading_sentence, title_lines
from .citing import Quote, citation, compose, source_title
from .conversation import carried_terms, is_elliptical
from .coverage import LEAD_IN, amount_asked, holds_name, named_in, names_asked, names_elsewhere, persons_asked
from .corpus import CorpusIssue
from .decide import answer_note, decide, decide_quoted
from .documents_answering import (ABOUT_DOCUMENTS, alike_in_meaning, asks_the_rule_now, asks_which_documents,
                                  best_scored, on_one_subject, part_naming, point_words, read_as_point, short_names,
                                  stating_the_amount, term_share, unmentioned, what_changed, with_suffixed_nouns,
                                  without_names, wording)
from .embeddings import Embedder, load_embedder
from .grounding import overlap
from .guard import asked_part
from .legal import (ArticleRef, article_of, article_refs, is_item, item_number, paragraph_numbers, reference_to,
                    with_article_numerals)
from .metadata import COURT_DECISION, group_of
from .naming import Naming, without_version_asking
from .neighbours import (ASKS_WHAT_FOLLOWS, SAYING, TOPIC_LABEL, answer_to_request, asks_outcome, of_names_asked,
                         of_ones_asked, penalty_hits, said_next, sentence_at, with_body, with_cited_fine, with_premise,
                         with_what_follows, within_named_parts)
from .numerals import count_in_chinese, to_chinese
from .index_store import LoadedIndex, Progress, ensure_index
from .outline import Resolved, resolve
from .persons import PARTY
from .qualifiers import another_named, instance_not_held, qualifiers
from .question import QuestionInfo, analyze, defined_terms, listed_kind, weighty_kinds
from .retrieval import HybridRetriever, Retrieval
from .scope_model import load_scope_model
from .settings import Settings, get_settings
from .snapshot import IndexSnapshot
from .textnorm import compare_form, has_binary, has_letters, normalize_question, strip_markup


class QuestionError(ValueError):
    """A question that cannot be asked; the message is for the user."""


def validate_question(raw: object, max_chars: int) -> str:
    """Normalised question text, or QuestionError with a Chinese message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise QuestionError(T.ERR_BINARY_QUESTION) from exc
    if not isinstance(raw, str) or not raw.strip():
        raise QuestionError(T.ERR_EMPTY_QUESTION)
    if len(raw) > max_chars:
        raise QuestionError(T.ERR_QUESTION_TOO_LONG.format(n=len(raw), limit=max_chars))
    if has_binary(raw):
        raise QuestionError(T.ERR_BINARY_QUESTION)
    text = normalize_question(raw)
    if not has_letters(text):
        raise QuestionError(T.ERR_NO_TEXT_QUESTION)
    return text


@dataclass
class Prepared:
    """A question read, searched and decided, not yet answered."""
    question: str  # as typed, normalised
    # The index a question started on answers it, even if a reload swaps in
    # a new one meanwhile (chunk numbers differ between indexes).
    retriever: HybridRetriever
    info: QuestionInfo
    retrieval: Retrieval
    decision: Decision
    started: float
    retrieve_ms: float
    asked: str = ""  # the question without instruction-override sentences
    # What is searched: ``asked`` without the names of the documents it names.
    point: str = ""
    carried: tuple[str, ...] = ()  # terms borrowed from the previous turn
    # The documents the question names (None: it names none, all are searched).
    naming: Naming | None = None
    # Chunks of the named article(s), quoted whole, when the question asks for one.
    article_chunks: list[int] = field(default_factory=list)
    # Set when the question asks about the outline of the document.
    outline: Resolved = field(default_factory=lambda: Resolved([]))
    # Typed words read as the corpus words they are typos of: (typed, read).
    readings: list[tuple[str, str]] = field(default_factory=list)
    # Documents and places named that no title of the library names, though
    # its text does ("种子法" cited by a regulation): their own text is not here.
    mentioned: tuple[tuple[str, bool], ...] = ()  # (name, is a place)

    @property
    def snapshot(self) -> IndexSnapshot:
        return self.retriever.snapshot


class Pipeline:
    """Loads the index once (the embedder is shared, passed in or the
    process-wide one); answers many questions, thread-safe for readers.
    ``reload()`` swaps in a rebuilt index atomically."""

    def __init__(self, settings: Settings | None = None, progress: Progress | None = None,
                 mmap: bool = False, embedder: Embedder | None = None, kb: str = "") -> None:
        self.settings = settings or get_settings()
        self.kb = kb  # the knowledge base's name, recorded on answers
        self.embedder = embedder or load_embedder(self.settings)
        self._mmap = mmap
        self._lock = threading.Lock()
        # Held while a version is built or loaded to be served: a watcher
        # that finds it held leaves the swap to its holder, so an older
        # version loaded meanwhile never replaces the newer one.
        self.changing = threading.Lock()
        # Set by an index watcher (``index_watch``): looks whether another
        # process or worker changed the index since the last look.
        self.follower: Callable[[], None] | None = None
        self.corpus_issues: list[CorpusIssue] = []
        self.answers = AnswerCache(self.settings.answer_cache_size)
        self.reload(progress=progress)
        self._llm = None

    # --- index ---------------------------------------------------------------
    def reload(self, progress: Progress | None = None, force: bool = False) -> bool:
        with self.changing:
            index, issues, rebuilt = ensure_index(self.settings, self.embedder, progress, force, self._mmap)
            self.use_index(index, issues)
        return rebuilt

    def follow_index(self) -> None:
        """Catch up with the index on disk, when a watcher follows it: asked
        after a change of the documents was reported done (by this worker
        or another), a question or a document list reads the change."""
        if self.follower is not None:
            self.follower()

    def use_index(self, index: LoadedIndex, issues: list[CorpusIssue]) -> None:
        """Answer from ``index`` from now on; questions under way finish on the old one."""
        snapshot = IndexSnapshot(index, self.settings.typo_frequency_ratio)
        retriever = HybridRetriever(snapshot, self.embedder, self.settings)
        with self._lock:
            # One assignment: a reader sees the old retriever or the new one, never a mix.
            self.retriever, self.corpus_issues = retriever, issues
        self.answers.clear()  # answers of the old version are never asked for again

    @property
    def snapshot(self) -> IndexSnapshot:
        return self.retriever.snapshot

    @property
    def index(self) -> LoadedIndex:
        return self.retriever.index

    @property
    def documents(self) -> dict[str, dict]:
        return self.index.docs

    # --- answering -----------------------------------------------------------
    def prepare(self, question: object, history: list[str] | None = None) -> Prepared:
        started = time.perf_counter()
        typed = validate_question(question, self.settings.max_question_chars)
        retriever = self.retriever
        snapshot = retriever.snapshot
        # Markup says nothing about what is asked, and sentences that try to
        # change the rules are neither searched nor answered.
        asked, readings = snapshot.without_typos(asked_part(strip_markup(typed)))
        # Everyday words read as the words the documents use (官司 -> 诉讼).
        plain, asked = asked, snapshot.in_register_of_corpus(asked)
        # What is asked for is read before the register rewrites the
        # question's own words ("赔多少" -> "赔偿数额" keeps a how-many question).
        info = replace(analyze(asked or typed), intent=analyze(plain or typed).intent)
        carried: tuple[str, ...] = ()
        previous = None
        if history:
            known = sum(1 for t in info.terms if snapshot.in_vocabulary(t))
            previous = _last_valid(history, self.settings.max_question_chars)
            if previous is not None and is_elliptical(info, known):
                carried = carried_terms(analyze(snapshot.without_typos(previous)[0]), info)
        naming = snapshot.names.resolve(asked)
        if naming is None and carried and previous is not None:
            naming = snapshot.names.resolve(previous)  # "那第十三条呢？" after a named document
        # A named document restricts the search; otherwise every current
        # version is searched (a superseded one only when named).
        scope = naming.docs if naming else (snapshot.names.current if len(snapshot.names.current) < len(snapshot.metas)
                                            else None)
        if naming is not None:
            # Inside the named documents their names say nothing (each
            # purpose article repeats them): the rest of the question is
            # what is searched and what sentences must state.
            point = without_names(asked, [snapshot.metas[d].title for d in naming.docs])
            if naming.versions and (about := without_version_asking(point)) != point:
                # The part asking what changed says which versions, not what
                # of them is asked: the rest asks that, and how.
                point = about
                info = analyze(point)
            elif point != asked:
                info = replace(analyze(point), intent=info.intent)
        else:
            point = asked
        if info.latin:
            # An English question searches and is scored by the Chinese
            # words it asks about; it is still judged as English (scope).
            info = replace(info, terms=chinese_words(asked or typed, snapshot.uses),
                           kinds=kind_words(asked or typed, snapshot.uses))
        else:
            info = replace(info, terms=with_suffixed_nouns(info.terms, point, snapshot))
        info = replace(info, kinds=weighty_kinds(info.kinds, info.terms, snapshot.idf))
        retrieval = retriever.retrieve(point or typed, extra_terms=(*carried, *answer_wording(info), *info.terms)
                                       if info.latin else (*carried, *answer_wording(info)), docs=scope)
        # A duty is stated in one article and its penalty in a later one that
        # cites it: a penalty question reads those too.
        if speaks_of_penalty(asked):
            retrieval = replace(retrieval, hits=[*retrieval.hits, *penalty_hits(
                snapshot, retrieval.hits, self.settings.penalty_cited_passages)])
        # Named documents and places the library does not hold at all, and
        # those only its text mentions (no title names them).
        named = [(n, place) for n, place in named_in(asked) if not holds_name(n, place, snapshot.names.knows)]
        absent = tuple((n, place) for n, place in named if not holds_name(n, place, snapshot.holds))
        mentioned = tuple((reference_to(asked, n), place) for n, place in named if (n, place) not in absent)
        articles, missing = _named_articles(asked, naming, snapshot) if not absent else ([], "")
        outline = Resolved([])
        if retrieval.hits and not carried and not articles and not missing:
            outline = resolve(asked, snapshot.outlines.get(retrieval.hits[0].chunk.doc_id, []))
        # "哪些地方的法规有这种要求" asks which documents say it: its words
        # are about the library, not what the documents must state.
        judged = replace(analyze(ABOUT_DOCUMENTS.sub("", asked)), intent=info.intent) \
            if ABOUT_DOCUMENTS.search(asked) else info
        # A party the passages found name (卢某; a person a judgment names) is
        # who the question is about, however it words the rest: as with a
        # named document, only the coverage checks refuse it. (A word the
        # tagger only calls a name is no party.)
        party = any(compare_form(n) in compare_form(h.chunk.text)
                    and (PARTY.fullmatch(n) or snapshot.metas[h.chunk.doc_id].kind == COURT_DECISION)
                    for n in persons_asked(asked) for h in retrieval.hits[:self.settings.party_passages])
        decision = decide(asked, judged, retrieval, snapshot, load_scope_model(self.settings.scope_model_path),
                          carried, bool(outline.headings), named=naming is not None or party, absent=absent,
                          article=bool(articles), missing_article=missing,
                          unmentioned=unmentioned(snapshot, naming, point, info.terms))
        return Prepared(typed, retriever, info, retrieval, decision, started,
                        (time.perf_counter() - started) * 1e3, asked, point, carried, naming, articles, outline,
                        readings, mentioned)

    def ask(self, question: object, history: list[str] | None = None, qid: str | int | None = None,
            mode: str | None = None, trace: bool = False) -> Answer:
        answer = None
        for _, answer in self.stream(question, history, qid, mode, trace):
            pass
        assert answer is not None
        return answer

    def stream(self, question: object, history: list[str] | None = None, qid: str | int | None = None,
               mode: str | None = None, trace: bool = False) -> Iterator[tuple[str, Answer | None]]:
        """Yield (text so far, None) while answering, then (text, Answer)."""
        self.follow_index()
        started = time.perf_counter()
        mode = mode or self.settings.mode
        # Only a stand-alone extractive answer is kept and served again on the
        # same index version (an LLM answer may be a fallback after a passing
        # failure; a follow-up depends on its history).
        cacheable = not history and not trace and mode == "extractive" and isinstance(question, str)
        if cacheable:
            cached = self.answers.get((self.retriever.index.path.name, question), qid,
                                      (time.perf_counter() - started) * 1e3)
            if cached is not None:
                yield cached.answer, cached
                return
        prep = self.prepare(question, history)
        t0 = time.perf_counter()
        if not prep.decision.answer:
            answer = self.refusal(prep, mode, prep.decision)
        elif prep.article_chunks:
            # A named article is quoted whole, in either mode.
            answer = self.article_answer(prep, mode)
        elif prep.outline.headings:
            # Headings are quoted as they stand, in either mode.
            answer = self.outline_answer(prep, mode)
        elif (docs := self.documents_asked(prep)) is not None:
            # Several documents on one point, or which documents say it:
            # each document answers for itself, in either mode.
            answer = self.documents_answer(prep, mode, docs)
        elif mode == "llm":
            answer = None
            for partial, answer in self._llm_answer(prep):
                if answer is None:
                    yield partial, None
        else:
            answer = self.extractive(prep)
        if not answer.refused and (note := answer_note(answer.decision or prep.decision)):
            answer.answer = f"{note}\n{answer.answer}"
        if prep.readings and not answer.refused:
            # Say how the question was read: an answer to a question the
            # user did not mean to ask must be recognisable as such.
            answer.answer = f"{typo_note(prep.readings)}\n{answer.answer}"
        answer.id = qid
        answer.kb = self.kb
        if answer.decision is None:
            answer.decision = prep.decision
        if trace:
            answer.trace = trace_of(prep)
        answer.timings_ms = {"retrieve": prep.retrieve_ms,
                             "answer": (time.perf_counter() - t0) * 1e3,
                             "total": (time.perf_counter() - prep.started) * 1e3,
                             **{f"retrieve_{k}": v for k, v in prep.retrieval.timings_ms.items()}}
        if cacheable:
            self.answers.put((prep.retriever.index.path.name, question), replace(answer))
        yield answer.answer, answer

    def extractive(self, prep: Prepared, lead: str | None = None) -> Answer:
        cands = of_names_asked(candidates(prep.retrieval, prep.snapshot.docs, prep.info),
                               names_asked(prep.asked), prep.snapshot)
        asked_ones = qualifiers(prep.asked)
        if asked_ones and prep.info.intent != "yesno":
            # (A claim about another one is answered by what the text says
            # of the one it names, with a note: decide_quoted.)
            cands = of_ones_asked(cands, asked_ones, prep.snapshot)
        if prep.info.intent in ("count", "duration", "date"):
            cands = within_named_parts(cands, prep.info.terms, prep.snapshot)
        chosen = select_answering(cands, prep.info, prep.retrieval, prep.snapshot, self.settings)
        if prep.info.intent == "definition" and not any(c.fit == 1.0 for c in chosen):
            chosen = self._defining_sentence(prep) or (
                self._defined_where_cited(prep) if prep.naming is not None else []) or chosen
        if prep.info.intent == "definition":
            # Terms asked together are each answered by their own definition.
            for term in defined_terms(prep.point or prep.asked):
                if not any(defines_asked_term(c.text, term) for c in chosen):
                    chosen += self._defining_sentence(prep, term)
        if prep.info.intent == "why":
            chosen = with_premise(chosen, prep.snapshot)
        if ASKS_WHAT_FOLLOWS.search(prep.asked):
            chosen = said_next(chosen, prep.snapshot, SAYING.findall(prep.asked)[-1:])
        if asks_outcome(prep.asked):
            chosen = answer_to_request(chosen, prep.snapshot, self.settings.max_answer_sentences)
        if speaks_of_penalty(prep.asked):
            chosen = with_cited_fine(chosen, cands)
        if prep.info.intent not in ("count", "duration", "date"):
            chosen = with_what_follows(chosen, prep.snapshot, self.settings.max_list_sentences,
                                       runs=prep.info.intent == "list")
        best = max(chosen, key=lambda c: c.score, default=None)
        body: list[Quote] = []
        headings = best is not None and prep.info.intent in _ASKS_ABOUT and all(
            is_heading_sentence(c.text, c.hit.chunk.section) and not is_order(c) for c in chosen)
        if headings:
            # A heading names a topic and says nothing about it: what the
            # text says about it is the body under it.
            body = with_body(prep.snapshot, best.hit.idx, best.start, best.end, best.hit.score,
                             self.settings.max_answer_sentences)
        label_alone = headings and not body and all(len(c.text) <= TOPIC_LABEL for c in chosen)
        # A name the library only mentions is answered where a quoted
        # passage names it, or where its document holds that text under its
        # own title line: named in passing elsewhere in the document (a
        # closing article "……制定专利审查指南"), the quote says nothing of it.
        quoted_docs = {c.hit.chunk.doc_id for c in chosen}
        quoting = [with_article_numerals(t) for t in (*(c.hit.chunk.text for c in chosen),
                                                       *(line for d in quoted_docs
                                                         for line in title_lines(prep.snapshot.docs[d]["text"])))
                   ] if prep.mentioned else []
        # A year asked about is looked for in the quoted documents' texts and dates.
        dated = [t for d in quoted_docs for t in (prep.snapshot.docs[d]["text"], prep.snapshot.metas[d].date or "")
                 ] if prep.info.years else None
        # What a quote states of the question besides the names it mentions.
        names = [compare_form(n) for n, _ in prep.mentioned]
        beyond = [sum(w for t, w in c.terms.items() if not any(compare_form(t) in n for n in names))
                  for c in chosen] if names else None
        # What each quote names instead of the one of a series, class or
        # place the question asks of (第五届 for 第六届).
        titles = {c.hit.chunk.doc_id: prep.snapshot.metas[c.hit.chunk.doc_id].title for c in chosen}
        others = [another_named(asked_ones, c.text, f"{titles[c.hit.chunk.doc_id]} {c.hit.chunk.text}",
                                titles[c.hit.chunk.doc_id]) for c in chosen] if asked_ones else None
        # A later instance asked of judgments that never reached it.
        unheld = [instance_not_held(asked_ones, prep.snapshot.docs[d]["text"]) for d in quoted_docs]
        unreached = unheld[0] if unheld and all(unheld) else None
        elsewhere = names_elsewhere(prep.asked, [prep.snapshot.document_form(d) for d in quoted_docs],
                                     prep.snapshot.uses, prep.snapshot.names_a_city)
        decision = decide_quoted(prep.decision, prep.info, [c.text for c in chosen], prep.mentioned, quoting,
                                 heading_alone=label_alone, about=[sum(c.terms.values()) for c in chosen],
                                 min_about=self.settings.value_subject_share, dated=dated, beyond_names=beyond,
                                 others=others, names_elsewhere=tuple(elsewhere), unreached=unreached)
        if not decision.answer:
            return self.refusal(prep, "extractive", decision)
        quotes = body or [Quote(c.hit.chunk, c.hit.score, c.start, c.end, c.text) for c in chosen]
        if best is not None:
            if prep.info.intent == "list":
                # A list in legal text is an article's lead-in and its items
                # （一）……（五）: the enumeration of the chosen sentence whose
                # article has one, a chosen lead-in before the best-scored
                # others (an item may be one of another list that shares the
                # question's words: "（七）出租权……计算机软件的……" for what a
                # software copyright holder is entitled to). When the best
                # sentence defines the term asked ("本解释所称故意，包括……"),
                # it is the list, with its enumeration if it has one: another
                # article's list about the term is not what the term includes.
                defining = defines_asked_term(best.text, prep.info.text)
                kind, near = listed_kind(prep.info.text), self.settings.sentence_keep_ratio * best.score
                # A lead-in that lists the kind asked heads the list though
                # the sentence cap left it out of the chosen ones; a lead-in
                # a rule brought in, scoring under the chosen ones, does not.
                heads = [c for c in cands if c not in chosen and LEAD_IN.search(c.text) and lists_kind(c.text, kind)
                         and c.score >= near]
                listing = [best] if defining else sorted([*chosen, *heads], key=lambda c: (
                    not (LEAD_IN.search(c.text) and c.score >= near), not lists_kind(c.text, kind), -c.score))
                own = [Quote(best.hit.chunk, best.hit.score, best.start, best.end, best.text)] if defining else quotes
                quotes = next(filter(None, (_enumerating_article(prep.snapshot, c.hit.chunk, c.text)
                                            for c in listing)), own)
            quotes += self._earlier_wording(prep, best)
        text, citations = compose(quotes, prep.snapshot, lead)
        return Answer(prep.question, text, False, "extractive", citations, query=prep.retrieval.query,
                      decision=decision)

    def _defining_sentence(self, prep: Prepared, term: str | None = None) -> list[Candidate]:
        """The sentence of the searched documents that defines the term
        asked ("本条例所称植物新品种，是指……"), found by its wording when the
        passages retrieved hold none: the terms the law defines by the same
        words ("新颖性，是指申请品种权的植物新品种……") crowd it out of them.
        The retrieved documents are read first, then the rest in order.
        ``term``: the one term to find the definition of (of several asked
        together); by default the question's own terms, the longest first."""
        snapshot = prep.snapshot
        searched = prep.naming.docs if prep.naming else snapshot.names.current
        ranked = list(dict.fromkeys(h.chunk.doc_id for h in prep.retrieval.hits if h.chunk.doc_id in searched))
        docs = ranked + sorted(d for d in searched if d not in ranked)
        terms = [term] if term else sorted({t for t in prep.info.terms if len(t) >= 2}, key=len, reverse=True)
        if not terms:
            return []
        wording = re.compile(_DEFINING.format(term="(" + "|".join(map(re.escape, terms)) + ")"))
        best: tuple[int, Candidate] | None = None
        for doc in docs:
            for m in wording.finditer(snapshot.docs[doc]["text"]):
                length = len(m.group(1) or m.group(2))
                if best is not None and length <= best[0]:
                    continue
                found = sentence_at(snapshot, doc, m.start())
                if found is not None and defines_asked_term(found.text, term or prep.info.text):
                    best = length, found
        if best is None:
            return []
        best[1].fit, best[1].score = 1.0, max((h.score for h in prep.retrieval.hits), default=0.0)
        return [best[1]]

    def _defined_where_cited(self, prep: Prepared) -> list[Candidate]:
        """A term of a named law is often defined by another document that
        cites it ("专利法第十一条、第六十九条所称的许诺销售，是指……" in a
        judicial interpretation): when the named documents define nothing
        asked, the library's sentence that defines the term and names one
        of them, if any."""
        snapshot = prep.snapshot
        names = {n for d in prep.naming.docs for n in short_names(snapshot.metas[d].title)}
        scope = snapshot.names.current if len(snapshot.names.current) < len(snapshot.metas) else None
        found = prep.retriever.retrieve(prep.point, k=self.settings.cited_definition_passages,
                                        extra_terms=(*answer_wording(prep.info), *names), docs=scope,
                                        qvec=prep.retrieval.query_vec)
        cands = candidates(found, snapshot.docs, prep.info)
        score_candidates(cands, prep.info, found, snapshot)
        forms = [compare_form(n) for n in names]
        defining = [c for c in cands if c.fit == 1.0 and any(f in compare_form(c.text) for f in forms)]
        return sorted(defining, key=lambda c: -c.score)[:1]

    def _earlier_wording(self, prep: Prepared, best: Candidate) -> list[Quote]:
        """When the best sentence comes from the current version of a
        document and an older version in the library words that provision
        otherwise (a different figure, a changed duty): the older version's
        sentence, quoted under its own dated heading. Nothing when the older
        versions say the same, the question named a version itself or it asks
        what the rule is now."""
        snapshot = prep.snapshot
        meta = snapshot.metas.get(best.hit.chunk.doc_id)
        if meta is None or len(meta.versions) < 2 or meta.current or (prep.naming and prep.naming.versions) \
                or asks_the_rule_now(prep.asked):
            return []
        out = []
        for old in meta.versions:
            if old == meta.doc_id:
                continue
            # The sentence's own stored vector searches: no embedding per question.
            found = prep.retriever.retrieve(best.text, k=1, docs=frozenset({old}),
                                            qvec=sentence_vector(best, snapshot))
            if not found.hits:
                continue
            hit = found.hits[0]
            text = snapshot.docs[old]["text"]
            a, b = max(hit.chunk.sentences, key=lambda s: overlap(best.text, [text[s[0]:s[1]]]))
            said = text[a:b]
            # Renumbered articles say the same: their labels are not wording.
            if (overlap(best.text, [said]) >= self.settings.same_provision_overlap
                    and wording(said) != wording(best.text)):
                out.append(Quote(hit.chunk, hit.score, a, b, said))
        return out

    def documents_asked(self, prep: Prepared) -> list[str] | None:
        """The documents that answer for themselves: two or more named ones
        (the versions of one, for a question about what changed), or, for a
        which-documents question, every current document with a passage
        among the first ``which_documents_passages``; None otherwise."""
        snapshot = prep.snapshot
        if prep.naming is not None:
            if prep.naming.versions and len(prep.naming.docs) >= 2:
                # What changed between versions: each version answers for
                # itself, the older first, under its own dated heading.
                return sorted(prep.naming.docs, key=lambda d: (snapshot.metas[d].date, d))
            if len(prep.naming.groups) >= 2 and prep.naming.apart:
                rank = {g: i for i, g in enumerate(prep.naming.groups)}
                return sorted(prep.naming.docs, key=lambda d: rank.get(group_of(snapshot.metas[d]), 0))
            return None
        if not asks_which_documents(prep.asked) or len(snapshot.metas) < 2:
            return None
        scope = snapshot.names.current if len(snapshot.names.current) < len(snapshot.metas) else None
        wide = prep.retriever.retrieve(prep.asked, k=self.settings.which_documents_passages,
                                       extra_terms=prep.carried, docs=scope, qvec=prep.retrieval.query_vec)
        return list(dict.fromkeys(h.chunk.doc_id for h in wide.hits)) or None

    def documents_answer(self, prep: Prepared, mode: str, docs: list[str]) -> Answer:
        """Each document's best sentences on the question, grouped under
        it; a named document that says nothing on it is said to be silent,
        and a which-documents question counts the documents that answer."""
        snapshot, exhaustive = prep.snapshot, prep.naming is None
        versions = not exhaustive and prep.naming.versions
        # Which documents: one line each; a comparison: each side's provision.
        per_document = (self.settings.which_documents_sentences if exhaustive
                        else self.settings.max_sentences_per_version if versions
                        else self.settings.max_sentences_per_document)
        per_doc = []
        # "哪些法规规定了具体罚款数额": a document answers with the amount.
        amount = amount_asked(prep.info.terms)
        years = {doc: (snapshot.metas[doc].date or "")[:4] for doc in docs} if versions else {}
        for doc in docs:
            # The point asked, searched as the whole question was: without
            # the compared documents' names (see prepare); of a version, the
            # part of the question that names its year, when each part names
            # one ("2010年版……由哪些人组成？2023年版……向谁提出？").
            point = part_naming(prep.point, years[doc], set(years.values())) if versions else None
            info = read_as_point(point, snapshot) if point else prep.info
            found = prep.retriever.retrieve(point or prep.point, k=self.settings.passages_per_document,
                                            extra_terms=prep.carried, docs=frozenset({doc}),
                                            qvec=None if point else prep.retrieval.query_vec)
            # A document's title names it; it says nothing on the point asked.
            cands = [c for c in candidates(found, snapshot.docs, info)
                     if c.hit.chunk.section != [T.TITLE_SECTION]]
            score_candidates(cands, info, found, snapshot)
            chosen = select(cands, info, self.settings, focus=False)
            chosen = best_scored(chosen, per_document) if versions else chosen[:per_document]
            if not exhaustive:
                chosen = on_one_subject(chosen, info.text)
            if amount is not None and chosen:
                # A document that states no such amount is silent on it (a
                # which-documents answer does not list it); one that does is
                # quoted for the sentences that state it.
                stating = [c for c in chosen if amount(c.text)]
                chosen = stating if stating and not exhaustive else stating_the_amount(cands, chosen, amount)
            per_doc.append((doc, chosen, max((c.score for c in chosen), default=0.0)))
        best = max((score for _, _, score in per_doc), default=0.0)
        kept = [(d, c) for d, c, score in per_doc if c and score >= self.settings.document_keep_ratio * best]
        if kept:
            # Documents that state it use the question's words as the most
            # telling one does; another rule on the same topic shares its
            # topic, not its point (a sentence-vector likeness to the best
            # document's sentence, tried in place of this, kept more of
            # those: ip-law which-documents precision 0.41 -> 0.52, documents
            # found 0.918 -> 0.925). A compared document whose sentence does
            # not is silent on the point (ip-law precision 0.787 -> 0.795).
            # Of a which-documents answer's documents, those whose sentence
            # is much less like the question itself go too (alike_in_meaning).
            whole = point_words(prep.info.terms)
            most_terms = max(term_share(c, whole) for _, c in kept)
            kept = [(d, c) for d, c in kept
                    if term_share(c, whole) >= self.settings.which_documents_term_share * most_terms]
            if exhaustive:
                kept = alike_in_meaning(kept, snapshot, prep.retrieval.query_vec,
                                        self.settings.which_documents_similarity_margin)
        if exhaustive and not kept:
            # Passages on the topic, none stating the amount asked.
            return self.refusal(prep, mode, replace(prep.decision, answer=False, reason="value_not_quoted",
                                                    message=T.VALUE_NOT_GIVEN))
        silent = [d for d, c, score in per_doc if not exhaustive and (d, c) not in kept]
        if not exhaustive and prep.naming.versions:
            kept = what_changed(kept)
        quotes = [Quote(c.hit.chunk, c.hit.score, c.start, c.end, c.text) for _, chosen in kept for c in chosen]
        blocks: dict[str, list[str]] = {}
        text, citations = compose(quotes, snapshot, lead="" if quotes else None, blocks=blocks)
        lines = [text.lstrip("\n")] if quotes else []
        if exhaustive:
            lines.insert(0, T.WHICH_DOCS_COUNT.format(n=count_in_chinese(len(kept))))
        lines += [T.DOCUMENT_SILENT.format(title=snapshot.metas[d].title) for d in silent]
        # The documents compared, side by side in the order asked (a web table).
        sides = [] if exhaustive else [Side(source_title(snapshot, d), tuple(blocks.get(d, ())), d not in blocks)
                                       for d in docs]
        return Answer(prep.question, "\n".join(lines), False, mode, citations, query=prep.retrieval.query,
                      sides=sides)

    def article_answer(self, prep: Prepared, mode: str) -> Answer:
        """The articles named, quoted whole; a 款 named ("第二十二条第二款")
        is quoted alone, with its items, and an item named ("第二十五条第一款
        第（四）项") alone, each under its own address."""
        snapshot = prep.snapshot
        quotes = []
        for i in prep.article_chunks:
            chunk = snapshot.chunks[i]
            text = snapshot.docs[chunk.doc_id]["text"]
            quotes += [Quote(chunk, 1.0, a, b, text[a:b]) for a, b in chunk.sentences]
        asked = {ref.label: ref for ref in article_refs(prep.asked) if ref.paragraph or ref.item}
        if asked:
            quotes = _parts_asked(quotes, asked, snapshot)
        text, citations = compose(quotes, snapshot)
        return Answer(prep.question, text, False, mode, citations, query=prep.retrieval.query)

    def outline_answer(self, prep: Prepared, mode: str) -> Answer:
        snapshot = prep.snapshot
        quotes = []
        for h in prep.outline.headings:
            chunk = snapshot.chunks[h.chunk_index]
            quotes.append(Quote(chunk, 1.0, h.start, h.end, snapshot.docs[chunk.doc_id]["text"][h.start:h.end]))
        text, citations = compose(quotes, snapshot)
        if prep.outline.count:
            line = T.OUTLINE_COUNT if len(quotes) == prep.outline.count else T.OUTLINE_COUNT_ONE
            lines = text.lstrip("\n").split("\n")
            # After the line naming the source, before the headings quoted
            # (first when each article quoted is headed by its own address).
            after_lead = 1 if lines[0].startswith(T.ANSWER_LEAD.split("{", 1)[0]) else 0
            lines.insert(after_lead, line.format(n=count_in_chinese(prep.outline.count), measure=prep.outline.measure))
            text = "\n".join(lines)
        return Answer(prep.question, text, False, mode, citations, query=prep.retrieval.query)

    def refusal(self, prep: Prepared, mode: str, decision: Decision) -> Answer:
        related = [citation(prep.snapshot, n, h.chunk, h.score) for n, h in enumerate(prep.retrieval.hits[:3], start=1)]
        return refusal(prep.question, mode, related, decision, prep.retrieval.query)

    def _llm_answer(self, prep: Prepared) -> Iterator[tuple[str, Answer | None]]:
        """The model writes, the pipeline decides: a refusal, the extractive
        answer as a fallback, or the model's checked sentences with citations."""
        from .llm import LLMAnswerer, renumbered

        if self._llm is None:
            self._llm = LLMAnswerer(self.settings)
        hits = prep.retrieval.hits
        passages = {n: h.chunk.text for n, h in enumerate(hits, start=1)}
        reply = None
        for partial, reply in self._llm.stream(prep.asked, passages):
            if reply is None:
                yield partial, None
        assert reply is not None
        if reply.refused:
            yield "", self.refusal(prep, "llm", Decision(False, "model_refused", prep.decision.probability,
                                                          prep.decision.signals))
            return
        if not reply.kept:
            yield "", self.extractive(prep, lead=T.LLM_FALLBACK_NOTE)
            return
        lines, used = renumbered(reply.kept)
        citations = [citation(prep.snapshot, new, hits[old - 1].chunk, hits[old - 1].score)
                     for old, new in used.items()]
        for check in reply.kept:
            for old in check.markers:
                hit = hits[old - 1]
                span = _best_sentence(prep.snapshot.docs[hit.chunk.doc_id]["text"], hit.chunk, check.text)
                cite = citations[used[old] - 1]
                if span not in cite.highlights:
                    cite.highlights.append(span)
        if reply.dropped:
            lines.append(T.LLM_DROPPED_NOTE.format(n=reply.dropped))
        yield "", Answer(prep.question, "\n".join(lines), False, "llm", citations, query=prep.retrieval.query)


def _best_sentence(doc_text: str, chunk: Chunk, sentence: str) -> tuple[int, int]:
    """The passage sentence that best supports an answer sentence."""
    from .grounding import overlap, strip_markers

    body = strip_markers(sentence)
    return tuple(max(chunk.sentences, key=lambda s: overlap(body, [doc_text[s[0]:s[1]]])))


# What a lead-in announces: the words after 下列 / 以下 / 如下.
_ANNOUNCED = re.compile(r"(?:下列|以下|如下)([^，,。；;：:]*)")
# How a legal text defines a term: "本法所称X，是指……", "X，是指……".
_DEFINING = r"所称的?“?{term}”?[，,]?(?:是指|系指|，)|{term}”?[，,]?(?:是指|系指)"


# What the text says about a topic, how or why: never answered by a heading
# alone. A heading may itself be the item, figure or date a list, count or
# date question asks for ("（二）……免征增值税。" is a numbered provision).
_ASKS_ABOUT = ("what", "how", "why")


def lists_kind(lead_in: str, kind: str | None) -> bool:
    """Whether a lead-in announces items of ``kind`` ("经营者不得实施下列侵
    犯商业秘密的行为：" lists 行为; "……提供以下证据之一的，……：" lists 证据)."""
    m = _ANNOUNCED.search(lead_in)
    return bool(kind and m and kind in m.group(1))


def _enumerating_article(snapshot: IndexSnapshot, chunk: Chunk, best: str) -> list[Quote]:
    """The enumeration of the article ``chunk`` belongs to: its lead-in and
    all its items, the one that holds the ``best`` sentence when the article
    has several; nothing when the article enumerates nothing."""
    if not chunk.address:
        return []
    parts = [snapshot.chunks[i] for i in snapshot.articles.get((chunk.doc_id, article_of(chunk.address)), [])]
    text = snapshot.docs[chunk.doc_id]["text"]
    quotes = [Quote(c, 1.0, a, b, text[a:b]) for c in parts for a, b in c.sentences]
    runs = enumerations([q.text for q in quotes])
    chosen = next((r for r in runs if best in (q.text for q in quotes[r[0]:r[1]])), runs[0] if runs else None)
    return quotes[chosen[0]:chosen[1]] if chosen else []


def enumerations(sentences: list[str]) -> list[tuple[int, int]]:
    """The (start, end) spans of the enumerations among ``sentences``: two
    items "（一）……" or more in a row, with the lead-in before them when
    there is one ("对下列各项，不授予专利权："). The paragraphs around an
    enumeration are other rules of its article."""
    spans, i = [], 0
    while i < len(sentences):
        j = i
        while j < len(sentences) and is_item(sentences[j]):
            j += 1
        if j - i >= 2:
            lead = i - 1 if i > 0 and LEAD_IN.search(sentences[i - 1]) else i
            spans.append((lead, j))
        i = max(j, i + 1)
    return spans


def _parts_asked(quotes: list[Quote], asked: dict[str, ArticleRef], snapshot: IndexSnapshot) -> list[Quote]:
    """Of an article's quoted sentences, the 款 and the 项 asked of it
    (``asked``: by the article's label), addressed as such; an article
    without the part asked, or not asked by part, stays whole."""
    by_article: dict[tuple[str, str], list[Quote]] = {}
    for q in quotes:
        by_article.setdefault((q.chunk.doc_id, article_of(q.chunk.address)), []).append(q)
    out: list[Quote] = []
    for (doc, article), group in by_article.items():
        group = sorted(group, key=lambda q: q.start)
        ref = asked.get(article)
        kept, address = group, article
        if ref is not None and ref.paragraph:
            # Numbered over the whole article, whichever chunks hold it.
            spans = sorted({s for i in snapshot.articles.get((doc, article), []) for s in snapshot.chunks[i].sentences})
            number = dict(zip(spans, paragraph_numbers(snapshot.docs[doc]["text"], spans)))
            kept = [q for q in kept if number.get((q.start, q.end)) == ref.paragraph]
            address += f"第{to_chinese(ref.paragraph)}款"
        if ref is not None and ref.item and kept:
            kept = [q for q in kept if item_number(q.text) == ref.item]
            address += f"第{to_chinese(ref.item)}项"
        out += [replace(q, address=address) for q in kept] if kept and address != article else group
    return out


def _named_articles(asked: str, naming: Naming | None, snapshot: IndexSnapshot) -> tuple[list[int], str]:
    """(chunks of the articles the question names in the documents it
    names, a refusal message when a named document has no such article)."""
    refs = article_refs(asked)
    if not refs or naming is None:
        return [], ""
    chunks: list[int] = []
    for doc in sorted(naming.docs, key=lambda d: naming.groups.index(group_of(snapshot.metas[d]))
                      if group_of(snapshot.metas[d]) in naming.groups else 0):
        count = snapshot.article_count.get(doc)
        if not count:
            continue
        for ref in refs:
            found = snapshot.articles.get((doc, ref.label), [])
            if not found:
                return [], T.NO_SUCH_ARTICLE.format(title=snapshot.metas[doc].title, count=count_in_chinese(count),
                                                    article=ref.label)
            chunks += found
    return chunks, ""


def trace_of(prep: Prepared) -> Trace:
    """What the answer was found from: the chunks of an article named and
    answered are looked up by its address, and lead what the search found."""
    chunks = prep.snapshot.chunks
    article = prep.article_chunks if prep.decision.answer else []
    looked_up = tuple(TraceHit(chunks[i].chunk_id, chunks[i].doc_id, chunks[i].text, 1.0, 0.0, 0.0) for i in article)
    found = tuple(TraceHit(h.chunk.chunk_id, h.chunk.doc_id, h.chunk.text, h.score, h.dense, h.bm25)
                  for h in prep.retrieval.hits if h.idx not in article)
    return Trace(prep.retrieval.query, prep.carried, tuple(sorted(prep.naming.docs)) if prep.naming else (),
                 looked_up + found)


def typo_note(readings: list[tuple[str, str]]) -> str:
    pairs = "、".join(T.TYPO_READING.format(typed=t, read=r) for t, r in readings)
    return T.TYPO_NOTE.format(readings=pairs)


def _last_valid(history: list[str], max_chars: int) -> str | None:
    for previous in reversed(history):
        try:
            return validate_question(previous, max_chars)
        except QuestionError:
            continue
    return None


_library = None
_library_lock = threading.Lock()


def get_pipeline(settings: Settings | None = None, kb: str | None = None) -> Pipeline:
    """The process-wide pipeline of a knowledge base (the default one), created on first use."""
    from .kb import Library

    global _library
    with _library_lock:
        if _library is None:
            _library = Library(settings or get_settings())
    return _library.pipeline(kb)


def ask(question: str, history: list[str] | None = None, kb: str | None = None) -> Answer:
    return get_pipeline(kb=kb).ask(question, history)
