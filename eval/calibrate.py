"""Refusal calibration on a held-out discipline: split the question set in
two halves (hash of the id, stratified by ``refuse``), fit the scope model
of ``app/scope.py`` on one half, report on the other; when the fit handles
more held-out items as expected, write it to the scope model file the app
reads (``Settings.scope_model_path``)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dataclasses import replace

from app.pipeline import Pipeline, QuestionError
from app.scope import answer_probability
from app.scope_model import FIELDS, ScopeModel, load_scope_model, save_scope_model
from app.settings import Settings

from . import scoring as sc
from .report import table
from .runner import histories

L2 = 1.0  # ridge on the standardised weights (not the bias): stable with correlated signals


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    """Deterministic halves: within each ``refuse`` class, items sorted by
    the SHA-256 of their id alternate between the halves."""
    fit, held = [], []
    for label in (False, True):
        group = sorted((it for it in items if bool(it.get("refuse")) == label),
                       key=lambda it: hashlib.sha256(str(it["id"]).encode()).hexdigest())
        fit += group[0::2]
        held += group[1::2]
    return fit, held


@dataclass
class Signals:
    """The scope model's inputs of one question, as the decision recorded them."""
    values: tuple[float, ...]
    latin: bool
    first_person: bool = False

    @property
    def dense(self) -> float:
        return self.values[FIELDS.index("dense")]

    def vector(self) -> tuple[float, ...]:
        return self.values


@dataclass
class Example:
    id: str
    kind: str
    sig: Signals | None
    in_scope: bool
    # The pipeline's own verdict when it decides without the scope model
    # (True = refused): a rejected input, a question made only of override
    # text or about a thing the corpus never names; an outline answer (False).
    decided: bool | None = None


# Decisions taken before the scope model is consulted, and their verdict (refused?).
_DECIDED = {"no_question": True, "unknown_attribute": True, "missing_article": True, "absent_document": True,
            "value_not_stated": True, "value_not_quoted": True, "heading_alone": True, "another_one": True,
            "outline": False, "article": False}


def collect(pipeline: Pipeline, items: list[dict]) -> list[Example]:
    """Each item's decision, read from the answer the pipeline gives."""
    hist = histories(items)
    out = []
    for it in items:
        sig, decided = None, None
        try:
            decision = pipeline.ask(it["q"], hist[it["id"]] or None).decision
            if decision.signals:
                sig = Signals(tuple(decision.signals[f] for f in FIELDS), bool(decision.signals.get("latin")),
                              bool(decision.signals.get("first_person")))
            decided = _DECIDED.get(decision.reason)
            if decided and decision.answer:  # answered with a note (a claim about another one): the model's call
                decided = None
        except QuestionError:
            decided = True
        out.append(Example(str(it["id"]), it.get("kind", "?"), sig, not it.get("refuse"), decided))
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, iters: int = 100,
                 offset: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Class-balanced, ridge-penalised logistic regression by Newton steps
    (the problem is tiny and convex). Features are standardised for the fit,
    so the ridge treats them alike; returns (weights, bias) on raw features.
    ``offset``: a fixed term of each example's logit, not fitted."""
    n, d = x.shape
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd = np.where(sd > 1e-12, sd, 1.0)
    xb = np.hstack([(x - mu) / sd, np.ones((n, 1))])
    pos = max(1, int(y.sum()))
    neg = max(1, n - pos)
    sw = np.where(y > 0, n / (2 * pos), n / (2 * neg))
    penalty = np.diag([l2] * d + [0.0])
    theta = np.zeros(d + 1)
    fixed = np.zeros(n) if offset is None else offset
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(xb @ theta + fixed, -50, 50)))
        grad = xb.T @ (sw * (p - y)) + penalty @ theta
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + penalty + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    w = theta[:d] / sd
    return w, float(theta[d] - w @ mu)


def fitted_model(examples: list[Example], current: ScopeModel) -> ScopeModel:
    """The scope model fitted on ``examples``: the main model on CJK
    questions, the latin-script branch as a 1-D model on dense similarity,
    then the threshold that handles the most of them as expected."""
    judged = [e for e in examples if e.decided is None]
    main = [e for e in judged if not e.sig.latin]
    latin = [e for e in judged if e.sig.latin]
    # The first-person shift is the model's, not the fit's: fitted around it.
    shift = np.array([current.first_person_shift if e.sig.first_person else 0.0 for e in main])
    w, b = fit_logistic(np.array([e.sig.vector() for e in main]), np.array([float(e.in_scope) for e in main]),
                        offset=shift)
    model = replace(current, weights=tuple(round(float(v), 3) for v in w), bias=round(b, 3))
    if latin:
        model = replace(model, latin_dense=round(latin_threshold(latin), 4))
    return replace(model, threshold=best_threshold(examples, model))


def latin_threshold(latin: list[Example]) -> float:
    """Dense cut-off for Latin-script questions that makes the fewest
    mistakes on the fit half. Too few such questions for a balanced model:
    errors are counted as they come, ties go to the lower (answering) cut."""
    values = sorted({e.sig.dense for e in latin})
    cuts = [values[0] - 1e-4] + [(a + b) / 2 for a, b in zip(values, values[1:])] + [values[-1] + 1e-4]
    errors = [sum((e.sig.dense >= c) != e.in_scope for e in latin) for c in cuts]
    return cuts[errors.index(min(errors))]


THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))


def best_threshold(examples: list[Example], model: ScopeModel) -> float:
    """Cut-off on the in-scope probability with the most right decisions
    on ``examples`` (the fit half); ties go to the one nearest 0.5."""
    def right(t: float) -> int:
        refused = predictions(examples, replace(model, threshold=t))
        return sum(r != e.in_scope for e, r in zip(examples, refused))

    return max(THRESHOLDS, key=lambda t: (right(t), -abs(t - 0.5)))


def _refused(sig: Signals, model: ScopeModel) -> bool:
    from app.scope import ScopeSignals

    return answer_probability(ScopeSignals(*sig.values, latin=sig.latin, first_person=sig.first_person),
                              model) < model.threshold


def predictions(examples: list[Example], model: ScopeModel) -> list[bool]:
    """Refused? The pipeline's own verdict where it has one, else the model's."""
    return [e.decided if e.decided is not None else _refused(e.sig, model) for e in examples]


def metrics(examples: list[Example], model: ScopeModel) -> dict:
    refused = predictions(examples, model)
    return {"n": len(examples),
            **sc.refusal_metrics([not e.in_scope for e in examples], refused)}


def calibrate(sets: list[tuple[str, Settings, list[dict]]], out: Path) -> dict:
    """Fit one scope model on half A of every set (the app has one model for
    every knowledge base), judge it on every set's half B."""
    settings = sets[0][1]
    per_set: list[tuple[str, list[Example], list[Example]]] = []
    for set_name, set_settings, items in sets:
        pipeline = Pipeline(set_settings)
        fit_items, held_items = split(items)
        per_set.append((set_name, collect(pipeline, fit_items), collect(pipeline, held_items)))
    fit_ex = [e for _, a, _ in per_set for e in a]
    held_ex = [e for _, _, b in per_set for e in b]
    current = load_scope_model(settings.scope_model_path)
    tuned = fitted_model(fit_ex, current)
    rows = []
    for name, s in (("current model", current), ("fitted on half A", tuned)):
        for set_name, a, b in per_set:
            for half, ex in (("A (fit)", a), ("B (held out)", b)):
                m = metrics(ex, s)
                rows.append([name, set_name, half, m["n"], m["refusal_recall"], m["false_refusal"],
                             m["refusal_precision"]])
    wrong = {name: [[e.id, e.kind, "false refusal" if e.in_scope else "answered"]
                    for e, r in zip(held_ex, predictions(held_ex, s)) if r == e.in_scope]
             for name, s in (("current", current), ("fitted", tuned))}
    # Both candidates are judged on half B; only a fit that handles more of
    # it as expected should replace the defaults.
    better = len(wrong["fitted"]) < len(wrong["current"])
    verdict = (f"the fit handles more held-out items as expected: written to {settings.scope_model_path.name}"
               if better else
               "the fit does not handle more held-out items as expected than the current model: kept")
    if better:
        save_scope_model(tuned, settings.scope_model_path)
    text = "\n".join([
        "## Refusal calibration",
        "",
        f"Generated by `python -m eval --calibrate` over the sets {', '.join(n for n, _, _ in sets)}. "
        "Split: within each set and each `refuse` class, items "
        "sorted by SHA-256 of their id alternate between half A (fit) and half B (held out). "
        "Model: class-balanced logistic regression (Newton steps, ridge "
        f"{L2}) on the decision's signals {FIELDS} for CJK questions; "
        "for Latin-script questions, the dense-similarity cut-off with the fewest errors on half A.",
        "",
        f"Fitted values: `{tuned.to_json()}`. The threshold is the probability cut-off that handles the "
        "most half-A items as expected (ties: nearest 0.5).",
        "",
        table(["model", "set", "half", "n", "refusal recall", "false refusal", "refusal precision"], rows),
        "",
        *(f"Held-out mistakes of the {name} model ({len(w)}): "
          + (", ".join(f"{i} ({k}, {how})" for i, k, how in w) if w else "none") + "."
          for name, w in wrong.items()),
        "",
        f"Verdict: {verdict}.",
    ])
    out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return tuned.to_json()
