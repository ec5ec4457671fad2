"""The quality gate: floors for metrics that must not drop (``min``) and
ceilings for counts and rates that must not rise (``max``)."""
from __future__ import annotations

import json
from pathlib import Path

from . import EVAL_DIR

FLOORS_FILE = EVAL_DIR / "floors.json"


def load(name: str = "speech", path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """The floors of one question set (``speech``, ``ip-law``, a corpus name)."""
    if not path.exists():
        return {"min": {}, "max": {}}
    data = json.loads(path.read_text(encoding="utf-8")).get(name, {})
    return {"min": dict(data.get("min", {})), "max": dict(data.get("max", {}))}


def violations(overall: dict, floors: dict[str, dict[str, float]]) -> list[str]:
    out = []
    for key, floor in floors.get("min", {}).items():
        value = overall.get(key)
        if value is None or value < floor:
            out.append(f"{key} = {value} < {floor}")
    for key, ceiling in floors.get("max", {}).items():
        value = overall.get(key)
        if value is None or value > ceiling:
            out.append(f"{key} = {value} > {ceiling}")
    return out


def bound_of(key: str, floors: dict[str, dict[str, float]]) -> str | None:
    if key in floors.get("min", {}):
        return f">= {floors['min'][key]}"
    if key in floors.get("max", {}):
        return f"<= {floors['max'][key]}"
    return None


def summary_text(card: dict) -> str:
    o = card["overall"]
    keys = ("hit@1", "hit@5", "mrr", "context_precision", "correctness", "sentence_precision", "evidence_recall",
            "clean", "documents_found", "median_chars", "citation_validity", "faithfulness", "unsupported_numbers",
            "refusal_recall", "false_refusal", "refusal_precision")
    lat = card["latency_ms"]["total"]
    vals = "  ".join(f"{k}={o[k]:.3f}" if isinstance(o[k], float) else f"{k}={o[k]}" for k in keys if k in o)
    return f"{vals}\nlatency total p50={lat['p50']:.1f}ms p95={lat['p95']:.1f}ms"
