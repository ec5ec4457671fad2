"""Follow-up questions: an elliptical turn ("那授权了多少？") borrows the
informative terms of the turn it follows."""
from __future__ import annotations

import re

from .question import QuestionInfo

_CONTINUATION = re.compile(r"^(?:那么?|那个|还有|另外|其中|其他|其它|它|这些?|此外|再|又|and\b|what about|how about)", re.I)


def is_elliptical(info: QuestionInfo, known_terms: int) -> bool:
    """A turn leans on context when it opens with a continuation word, or
    names fewer than two terms the corpus knows."""
    return bool(_CONTINUATION.search(info.text)) or known_terms < 2


def carried_terms(previous: QuestionInfo, current: QuestionInfo) -> tuple[str, ...]:
    """Terms of the previous turn that the current one does not repeat."""
    return tuple(t for t in previous.terms if t not in current.terms)
