"""The one place a question is judged answerable or not. Every cause of a
refusal is a reason of the returned ``Decision``; the eval's calibration
reads the same decision instead of repeating the logic. ``decide`` judges
from what the search found; ``decide_quoted`` judges once more from the
sentences chosen to answer."""
from __future__ import annotations

from dataclasses import replace

from . import texts as T
from .answer import Decision, Reason
from .coverage import states_value, value_stated
from .numerals import year_spellings
from .question import QuestionInfo
from .retrieval import Retrieval
from .scope import ScopeSignals, answer_probability, asks_about_unknown, readings_of, signals
from .scope_model import FIELDS, ScopeModel
from .snapshot import IndexSnapshot
from .textnorm import cjk_count, compare_form


def decide(asked: str, info: QuestionInfo, retrieval: Retrieval, snapshot: IndexSnapshot, model: ScopeModel,
           carried: tuple[str, ...] = (), outline: bool = False, named: bool = False,
           absent: tuple[tuple[str, bool], ...] = (), article: bool = False,
           missing_article: str = "", unmentioned: tuple[str, str] | None = None) -> Decision:
    """Answer or refuse ``asked`` (the question without instruction
    overrides) from what ``retrieval`` found. A question that names
    documents the library holds is about them: only the coverage checks
    (an absent document, an unstated value) refuse it, not the topic model.
    ``absent``: documents or places named that the library does not hold,
    each with whether it is a place;
    ``article`` / ``missing_article``: a named article found, or why not;
    ``unmentioned``: the one named document's title and the things asked
    of it that it never mentions (see ``coverage.things_not_in``)."""
    if not asked:
        return Decision(False, "no_question")
    if missing_article:
        return Decision(False, "missing_article", message=missing_article)
    if article:
        return Decision(True, "article")
    if outline:
        return Decision(True, "outline")
    sig = signals(info, retrieval, snapshot, model, carried)
    values = {**dict(zip(FIELDS, sig.vector())), "latin": float(sig.latin), "first_person": float(sig.first_person)}
    if asks_about_unknown(info, snapshot):
        return Decision(False, "unknown_attribute", None, values)
    if absent:
        return Decision(False, "absent_document", None, values, absent_message(absent))
    if unmentioned:
        title, things = unmentioned
        return Decision(False, "not_in_document", None, values, T.NOT_IN_DOCUMENT.format(title=title, things=things))
    if info.latin and not info.terms and not named and not cjk_count(asked):
        # An English question is read through the dictionary: when none of
        # its words is a word of the documents, they do not speak of what it
        # asks, however like their sentences its vector reads.
        return Decision(False, "out_of_scope", None, values)
    sentences = [snapshot.docs[h.chunk.doc_id]["text"][a:b] for h in retrieval.hits for a, b in h.chunk.sentences]
    readings = [{t: snapshot.idf(t) for t in terms} for terms in readings_of(info.text)]
    if not value_stated(info, sentences, readings):
        # Judged before the topic: the documents may not touch it at all.
        return Decision(False, "value_not_stated", None, values)
    ok, reason, p = scope_verdict(sig, model, named)
    return Decision(ok, reason, p, values)


def scope_verdict(sig: ScopeSignals, model: ScopeModel, named: bool = False) -> tuple[bool, Reason, float]:
    """The scope model's verdict: answer, why, and its probability. A
    question naming documents the library holds is answered. A case told in
    the asker's words that the passages' words alone would not have answered
    is answered as the provisions nearest it ("related")."""
    p = answer_probability(sig, model)
    if not (p >= model.threshold or named):
        return False, "out_of_scope", p
    near = sig.first_person and not named and answer_probability(replace(sig, first_person=False), model) < model.threshold
    return True, "related" if near else "answered", p


def absent_message(names: tuple[tuple[str, bool], ...]) -> str:
    """Why a question naming documents or places the library lacks is
    refused, in the words each calls for: a document has no text here, a
    place has no document about it."""
    docs = "、".join(f"“{n}”" for n, place in names if not place)
    places = "、".join(f"“{n}”" for n, place in names if place)
    if docs and places:
        return T.ABSENT_NAMES_AND_PLACES.format(names=docs, places=places)
    return T.ABSENT_PLACES.format(places=places) if places else T.ABSENT_NAMES.format(names=docs)


def decide_quoted(decision: Decision, info: QuestionInfo, quoted: list[str],
                  mentioned: tuple[tuple[str, bool], ...] = (),
                  quoting: list[str] | None = None, heading_alone: bool = False,
                  about: list[float] | None = None, min_about: float = 0.0,
                  dated: list[str] | None = None, beyond_names: list[float] | None = None,
                  others: list[tuple[str, str] | None] | None = None,
                  names_elsewhere: tuple[str, ...] = (), unreached: tuple[str, str] | None = None) -> Decision:
    """``decision``, judged once more from the ``quoted`` sentences, the ones
    that answer best, and the texts of the passages ``quoting`` them:

    * a question asking for a value (how many, when, which place) is refused
      when no quoted sentence states a value of that kind: a figure stated
      elsewhere in the passages is about something else ("月工资是多少"
      answered by the date the claim was filed);
    * a document or place the question names that the library only
      mentions (``mentioned``: no title names it) must be named by a quoted
      passage (``quoting``): otherwise the quotes are another document's
      provisions on the topic ("种子法对……是怎么规定的" answered from a
      regulation that never cites it there);
    * ``heading_alone``: what answers best is a heading with nothing under
      it ("五、关于大连新机场建设项目问题。（略）"), which names the topic and
      says nothing about it;
    * ``about``: the share of the question's words (IDF-weighted) each
      quoted sentence states. A value stated only by sentences sharing less
      than ``min_about`` of them is another thing's ("世界知识产权日是哪一天"
      answered by the date of a meeting);
    * ``beyond_names``: the share of the question's words each quoted sentence
      states besides the ``mentioned`` names. Quotes that state less than
      ``min_about`` of them name the document in passing ("……制定专利审查指南")
      and say nothing of what is asked of it;
    * ``dated``: the texts and dates of the quoted documents. A question
      about a year none of them mentions asks about another time than they
      speak of ("广东省2023年知识产权保护白皮书" answered by the 2022
      regulation that orders a white paper every year);
    * ``others``: what each quoted sentence names instead of the one of a
      series, class or place the question asks of (qualifiers.another_named).
      Quotes that all speak of another one do not answer ("第六届……几月几日
      开幕" by the day the fifth opened), nor does the value only they state;
      a yes / no question is answered by them (they correct its claim), with
      a note saying whose they are (``answer_note``);
    * ``names_elsewhere``: places, persons and names the question names that
      only documents other than the quoted ones mention
      (coverage.names_elsewhere): the quotes speak of another place or party;
    * ``unreached``: the instance the quoted documents are of and the later
      one asked (("一审", "二审")): what the later instance held is in none of
      them, whatever the question's form (a yes / no question too)."""
    if not decision.answer or not quoted:
        return decision
    if heading_alone:
        return replace(decision, answer=False, reason="heading_alone", message=T.HEADING_ONLY)
    named = others or [None] * len(quoted)
    if all(named):
        other, asked = ("、".join(dict.fromkeys(pair[i] for pair in named if pair)) for i in (0, 1))
        if info.intent == "yesno":
            # A claim put to the check ("是第十次集体学习吧") is answered by
            # what the text says instead, said to be another one's.
            return replace(decision, reason="another_one", message=T.ANOTHER_ONE_NOTE.format(other=other, asked=asked))
        return replace(decision, answer=False, reason="another_one", message=T.ANOTHER_ONE.format(other=other, asked=asked))
    if unreached:
        return replace(decision, answer=False, reason="another_one",
                       message=T.ANOTHER_ONE.format(other=unreached[0], asked=unreached[1]))
    if names_elsewhere:
        return replace(decision, answer=False, reason="another_one",
                       message=T.NAMES_ELSEWHERE.format(names="、".join(f"“{p}”" for p in names_elsewhere)))
    own = [s if other is None else "" for s, other in zip(quoted, named)]  # another one's value is none
    if not any(states_value(info, s) is not False for s in own if s):
        return replace(decision, answer=False, reason="value_not_quoted", message=T.VALUE_NOT_GIVEN)
    shares = [a for s, a in zip(own, about or ()) if s and states_value(info, s)]
    if shares and max(shares) < min_about:
        return replace(decision, answer=False, reason="value_not_quoted", message=T.VALUE_NOT_GIVEN)
    if info.years and dated is not None and not any(w in t for y in info.years for w in year_spellings(y) for t in dated):
        return replace(decision, answer=False, reason="year_not_stated",
                       message=T.YEAR_NOT_STATED.format(years="、".join(f"{y}年" for y in info.years)))
    forms = [compare_form(t) for t in quoting or ()]
    elsewhere = tuple((n, place) for n, place in mentioned if not any(compare_form(n) in f for f in forms))
    if elsewhere:
        return replace(decision, answer=False, reason="absent_document", message=absent_message(elsewhere))
    if mentioned and beyond_names is not None and max(beyond_names, default=0.0) < min_about:
        return replace(decision, answer=False, reason="absent_document", message=absent_message(mentioned))
    return decision


def answer_note(decision: Decision) -> str:
    """What an answer opens with, when its decision calls for a word first:
    the provisions nearest a case told in the asker's words, or quotes about
    another one than the claim checked names."""
    if decision.answer and decision.reason == "related":
        return T.RELATED_NOTE
    if decision.answer and decision.reason == "another_one":
        return decision.message
    return ""
