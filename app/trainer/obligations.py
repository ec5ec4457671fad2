"""Obligations: the modal verb that makes a clause a duty, a permission or
a prohibition ("应当", "可以", "不得", "必须"). Swapping one for another
turns a rule into a different, equally plausible rule."""
from __future__ import annotations

import re

from .context import tagged
from .labels import noun_phrase_before
from .spans import Found, Target

# Modal verbs of general Chinese that state what must, may or must not be done.
MODALS = ("应当", "可以", "不得", "必须")
_MODAL = re.compile("|".join(MODALS))
GROUP = "modal"


def obligations(sentence: str) -> list[Found]:
    """Each modal verb that jieba reads as a word of its own ("可以说" is
    a phrase, not a permission), labelled by who it binds."""
    ends, pos = set(), 0
    starts = set()
    for word, _ in tagged(sentence):
        starts.add(pos)
        pos += len(word)
        ends.add(pos)
    out = []
    for m in _MODAL.finditer(sentence):
        if m.start() not in starts or m.end() not in ends or sentence[m.end():m.end() + 1] in ("说", "是"):
            continue
        label = noun_phrase_before(sentence[:m.start()].split("，")[-1])
        out.append(Found("obligation", m.start(), m.end(), label, (Target(m.start(), m.end(), GROUP),)))
    return out
