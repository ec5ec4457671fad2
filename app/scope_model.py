"""The learned values of the refusal model, kept as data: ``python -m eval
--calibrate`` writes them, the app reads them."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

FIELDS = ("coverage", "dense", "agreement", "unknown", "char_coverage", "char_unknown")


@dataclass(frozen=True)
class ScopeModel:
    # Logistic model over ScopeSignals.vector(), in the order of FIELDS.
    weights: tuple[float, ...]
    bias: float
    # The cut-off on the probability that decides most fit-half items right.
    threshold: float
    # Latin-script questions are judged on dense similarity alone.
    latin_dense: float
    latin_slope: float
    # The unknown signal's definition: a word the corpus lacks that general
    # Chinese uses this often (jieba's frequency) or more is everyday speech
    # and weighs ``everyday_weight`` of an uncommon one (see scope._lexical).
    # A file without them keeps the signal it was fitted with (weight 1).
    everyday_frequency: int = 300
    everyday_weight: float = 1.0
    # Added to the logit of a question told in the first person: it narrates
    # the asker's case in everyday words ("光我点头就行了吗"), so its words
    # found in the passages understate what they cover. Calibration does not
    # fit it (its sets hold few such questions); it was chosen on the
    # laypeople's set (eval/library/lay), for a cut of 0.4. The cut went down
    # to 0.3 (paraphrases of unseen corpora were refused as off topic at
    # 0.2-0.4) and the shift by the logits' difference (1.0 -> 0.56), so a
    # first-person question keeps the cut it had. A file without it adds nothing.
    first_person_shift: float = 0.0

    def to_json(self) -> dict:
        return {"fields": list(FIELDS), **asdict(self), "weights": list(self.weights)}


@lru_cache(maxsize=8)
def load_scope_model(path: Path) -> ScopeModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("fields", FIELDS)) != FIELDS:
        raise ValueError(f"{path}: fields {data.get('fields')} are not {list(FIELDS)}")
    optional = {k: cast(data[k]) for k, cast in (("everyday_frequency", int), ("everyday_weight", float),
                                                 ("first_person_shift", float)) if k in data}
    return ScopeModel(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]),
                      float(data["latin_dense"]), float(data["latin_slope"]), **optional)


def save_scope_model(model: ScopeModel, path: Path) -> None:
    path.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    load_scope_model.cache_clear()
