"""Named bodies: document titles in 《》 and organisations ("…局", "…厅",
"…领导小组") found by their suffix and a left boundary. Each goes to the
group of its kind and level, so that options of a question are alike: a
provincial 厅 beside provincial 厅, a central body beside central bodies, a
法 beside laws."""
from __future__ import annotations

import re

from .. import texts as T
from .context import tagged, words_before
from .spans import Found, Target

_TITLE = re.compile(r"《([^《》\n]{2,40})》")
# Suffixes that name an organisation, longest first.
_ORG_SUFFIX = re.compile(
    r"委员会|工作组|小组|办公室|办公厅|研究院|研究所|研究中心|检察院|法院|协会|学会|联合会|"
    r"商会|集团|公司|银行|局|厅|委")
# Characters that cannot be inside a name: function words end the walk left.
_BOUNDARY = set("的之与和及或了在由对向把被将从是为等个并而于即使让请同就都也还已")
# Word classes that lead into a name without belonging to it ("坚持省委").
_LEAD_TAGS = ("v", "a", "d", "p", "r", "c", "u", "m", "q")
# Characters that only make collective nouns ("委办厅局") when used alone.
_SUFFIX_CHARS = set("委办厅局组室院所会")
# Ordinary words that end like an organisation but name none.
_NOT_BODIES = ("布局", "格局", "大局", "全局", "结局", "开局", "当局", "出局", "邮局", "时局", "残局",
               "僵局", "骗局", "赌局", "饭局", "棋局", "小组赛", "公司化", "主委")
_MAX_NAME = 24
_MIN_HEAD = 1
# Administrative levels of general Chinese a name may open with, highest
# first; a place name ending in one of the last ("甘肃省…") takes its level.
_LEVELS = ("中华人民共和国", "中共中央", "中央", "国务院", "全国", "国家", "最高人民", "自治区", "自治州", "省", "市", "州", "县", "区",
           "乡", "镇")
# What kind of document a title names, by its last word (general Chinese).
_DOC_KINDS = re.compile(r"(法|条例|细则|规定|办法|规则|决定|决议|解释|纲要|规划|方案|意见|通知|公告|报告|计划|"
                        r"标准|指南|目录|章程|协定|公约|条约)$")


def level(name: str) -> str:
    """The administrative level a name states ("省科技厅" -> "省",
    "甘肃省知识产权局" -> "省", "中央政治局" -> "中央"), "" when none."""
    for prefix in _LEVELS:
        if name.startswith(prefix):
            return prefix
    words = tagged(name)
    if len(words) > 1 and words[0][1] == "ns":
        return next((lv for lv in _LEVELS if words[0][0].endswith(lv) and len(lv) == 1), "")
    return ""


def title_group(title: str) -> str:
    m = _DOC_KINDS.search(title)
    return f"title:{level(title)}:{m.group(1) if m else ''}"


def titles(sentence: str) -> list[Found]:
    return [Found("body", m.start(), m.end(), words_before(sentence, m.start(), "、") or T.TRAINER_BODY_TITLE,
                  (Target(m.start(1), m.end(1), title_group(m.group(1))),))
            for m in _TITLE.finditer(sentence)]


def _word_ends(text: str) -> set[int]:
    ends, pos = set(), 0
    for word, _ in tagged(text):
        pos += len(word)
        ends.add(pos)
    return ends


def _complete_name_start(sentence: str, start: int, end: int) -> int:
    """Where a name the tagger knows as a whole organisation ("商标局")
    starts, unless a place or level leads into it ("甘肃省知识产权局"):
    words before it ("不影响", "许可报") are not part of the name."""
    words = tagged(sentence[start:end])
    if len(words) < 2 or words[-1][1] != "nt":
        return start
    lead = words[:-1]
    if all(flag == "ns" or word in _LEVELS for word, flag in lead):
        return start
    return end - len(words[-1][0])


def organisations(sentence: str) -> list[Found]:
    ends = _word_ends(sentence)
    out: list[Found] = []
    for m in _ORG_SUFFIX.finditer(sentence):
        # The suffix must close a word: "厅局" in "委办厅局" closes at 局 only.
        if m.end() not in ends:
            continue
        start = m.start()
        while (start > 0 and m.end() - start < _MAX_NAME and "\u4e00" <= sentence[start - 1] <= "\u9fff"
               and sentence[start - 1] not in _BOUNDARY):
            start -= 1
        # Tag the whole name, so a word like "发改委" is never cut apart.
        for word, flag in tagged(sentence[start:m.end()])[:-1]:
            if flag not in ("vn", "an") and flag.startswith(_LEAD_TAGS):
                start += len(word)
            else:
                break
        start = _complete_name_start(sentence, start, m.end())
        name = sentence[start:m.end()]
        head = [c for c in sentence[start:m.start()] if c not in _SUFFIX_CHARS]
        if len(head) < _MIN_HEAD or name.endswith(_NOT_BODIES):
            continue
        if out and out[-1].end > start:  # "…办公厅" inside a longer name already found
            out.pop()
        out.append(Found("body", start, m.end(), words_before(sentence, start, "、") or T.TRAINER_BODY_ORG,
                         (Target(start, m.end(), f"body:{level(name)}:{m.group()}"),)))
    return out


def bodies(sentence: str) -> list[Found]:
    inside = [(f.start, f.end) for f in titles(sentence)]
    orgs = [f for f in organisations(sentence) if not any(a <= f.start < b for a, b in inside)]
    return sorted(titles(sentence) + orgs, key=lambda f: f.start)
