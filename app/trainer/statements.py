"""Whether a sentence is a whole claim a learner can judge true or false."""
from __future__ import annotations

import re

from .context import tagged

_CLAIM_END = "。！？!?"
_PAIRS = ("“”", "《》", "（）", "()", "‘’", "「」")


def unbalanced(text: str) -> tuple[bool, bool]:
    """(an opening mark lacks its close, a closing mark lacks its opening)."""
    opens = closes = False
    for left, right in _PAIRS:
        depth = low = 0
        for ch in text:
            depth += (ch == left) - (ch == right)
            low = min(low, depth)
        opens, closes = opens or depth > low, closes or low < 0
    return opens, closes


def judgeable(statement: str, min_chars: int, max_chars: int) -> bool:
    """A whole sentence (it ends with 。！？, so no clause cut out of a
    longer one), of a readable length, that says something (a verb), does
    not lean on what came before (no opening conjunction or particle) and
    closes every quote and bracket it opens."""
    text = statement.strip()
    if not (min_chars <= len(text) <= max_chars) or not text.endswith(tuple(_CLAIM_END)):
        return False
    words = [(w, f) for w, f in tagged(text) if re.search(r"[\u4e00-\u9fff\w]", w)]
    if not words or words[0][1].startswith(("c", "u")):
        return False
    if not any(f.startswith("v") for _, f in words):
        return False
    return unbalanced(text) == (False, False)
