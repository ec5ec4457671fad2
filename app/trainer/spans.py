"""What the extractors find inside one sentence. Offsets are relative to the
sentence text; callers add the sentence start for document offsets."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """A phrase a quiz may blank out or swap. ``group`` names the pool its
    distractors come from (same unit, same category); None means the phrase
    can be blanked but has no comparable peers."""
    start: int
    end: int
    group: str | None


@dataclass(frozen=True)
class Found:
    kind: str  # "figure", "date", "list", "body"
    start: int
    end: int
    label: str
    targets: tuple[Target, ...]
