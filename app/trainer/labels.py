"""What a value belongs to: the noun phrase a figure or date describes
("全年申请专利达到了2178件" -> "申请专利", "28个委办厅局" -> "委办厅局",
"处五万元以下的罚款" -> "罚款"), and whether a label means anything."""
from __future__ import annotations

import re

from .context import clause_end, clause_start, tagged, words_after

# Word classes of a noun phrase's last word.
_NOUN_TAGS = ("n", "vn", "j", "l", "i", "eng", "an")
# Word classes a noun phrase may hold (its verbs: "申请专利", "签约金额").
_PHRASE_TAGS = _NOUN_TAGS + ("v", "a", "b", "s")
# Verbs of general Chinese that link a subject to its value or mark
# modality; they end a noun phrase rather than belong to it.
_LINK_VERBS = frozenset("是 为 有 达 达到 超过 共 共计 累计 合计 占 要 应 应当 须 必须 可 可以 能 能够 得 不得 "
                        "将 会 使 让 把 给 对 在 由 从 自 向 于 以 处 按 按照 依照 根据 还 已 已经 成为".split())
# Words between a value and the noun it qualifies ("以下的罚款").
_QUALIFIERS = frozenset("以下 以上 以内 之内 内 左右 以 下 上 的 之 多 余".split())
_MAX_WORDS = 5
_MAX_CHARS = 14


def _nounish(word: str, flag: str) -> bool:
    return flag.startswith(_NOUN_TAGS) and word not in _LINK_VERBS


def _ends_nominal(words: list[tuple[str, str]]) -> bool:
    """The words end with a noun, or with a verb right after a noun, which
    reads as a noun ("商标注册申请")."""
    if _nounish(*words[-1]):
        return True
    return (len(words) > 1 and words[-1][1] == "v" and words[-1][0] not in _LINK_VERBS
            and words[-2][1].startswith("n"))


def _in_phrase(word: str, flag: str) -> bool:
    return word not in _LINK_VERBS and (flag.startswith(_PHRASE_TAGS) or word == "的")


def noun_phrase_before(text: str) -> str:
    """The noun phrase that ends ``text`` once trailing verbs and particles
    are dropped ("发明专利权的期限为" -> "发明专利权的期限")."""
    words = list(tagged(text))
    while words and not _ends_nominal(words):
        words.pop()
    phrase: list[tuple[str, str]] = []
    for word, flag in reversed(words):
        if not _in_phrase(word, flag) or len(phrase) >= _MAX_WORDS \
                or sum(len(w) for w, _ in phrase) + len(word) > _MAX_CHARS:
            break
        phrase.insert(0, (word, flag))
    while phrase and (phrase[0][0] == "的" or phrase[0][1].startswith("a")):
        phrase.pop(0)
    return "".join(w for w, _ in phrase)


def noun_phrase_after(text: str) -> str:
    """The noun phrase that opens ``text`` after qualifiers ("以下的罚款" ->
    "罚款", "个委办厅局为成员单位" -> "委办厅局")."""
    phrase: list[tuple[str, str]] = []
    for word, flag in tagged(text):
        if not phrase and (word in _QUALIFIERS or flag.startswith(("q", "f", "u"))):
            continue
        if not _in_phrase(word, flag) or (flag.startswith("v") and phrase and _nounish(*phrase[-1])):
            break
        phrase.append((word, flag))
        if sum(len(w) for w, _ in phrase) >= _MAX_CHARS:
            break
    while phrase and not _nounish(*phrase[-1]):
        phrase.pop()
    return "".join(w for w, _ in phrase)


def meaningful(label: str) -> bool:
    """A label names something: two or more characters of content, a noun
    at its end, no particle, adverb or modal verb in front, and more than
    one generic verbal noun ("工作" alone says nothing)."""
    words = [(w, f) for w, f in tagged(label) if re.search(r"[\u4e00-\u9fff\w]", w)]
    if not words or sum(len(w) for w, _ in words) < 2 or not _ends_nominal(words):
        return False
    first_word, first_flag = words[0]
    if first_word in _LINK_VERBS or first_flag.startswith(("d", "p", "c", "u", "r", "m", "q", "f")):
        return False
    return not (len(words) == 1 and words[0][1] == "vn")


def date_label(sentence: str, start: int, end: int) -> str:
    """The event a date belongs to: the rest of its clause when it names
    something ("省政府召开了…"), else the noun phrase before the date
    ("本条例自…起施行" -> "本条例"); "" when neither names anything."""
    event = words_after(sentence, end).strip()
    if len(re.findall(r"[\u4e00-\u9fff]", event)) >= 2 and any(_nounish(*w) for w in tagged(event)):
        return event
    before = noun_phrase_before(sentence[clause_start(sentence, start):start])
    return before if meaningful(before) else ""


def figure_label(sentence: str, start: int, end: int, counted: bool) -> str:
    """The noun phrase a figure belongs to, from its own clause: the counted
    noun first for "28个委办厅局" (``counted``), else the phrase before the
    value, else the one after it; "" when none means anything."""
    before = noun_phrase_before(sentence[clause_start(sentence, start):start])
    after = noun_phrase_after(sentence[end:clause_end(sentence, end)])
    options = [after, before] if counted else [before, after]
    return next((o for o in options if meaningful(o)), "")
