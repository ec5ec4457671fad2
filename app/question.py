"""What a question asks for: its intent and its informative terms."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .numerals import NUMERAL_CHARS
from .places import PROVINCES
from .textnorm import is_mostly_latin
from .tokenize import content_terms, is_fused, is_number, stopwords, tagged, tagged_offsets, word_bounds

_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"什么时候|啥时候|何时|哪年|哪一年|几几年|哪天|哪一天|哪个月|哪一个月|几月|几号|日期|时间是(?!怎|如何)|\bwhen\b|what date|which day", re.I)),
    # (十几年, 好几本, 几十个 tell a rough number, they ask none.)
    ("count", re.compile(r"多少|多大|(?:(?<![哪第十好这那没几])几(?![十百千万])|第几(?![条款项编章节]))[个件项次家人位名条类种批年天日月倍级岁份包周台辆张本套间座期届轮楼层]|数量|金额|数目|规模|how many|how much|number of|amount", re.I)),
    ("duration", re.compile(r"多长|多久|期限|时限|什么时间内|多少时间内|how long", re.I)),
    ("definition", re.compile(r"什么是|是指什么|指的是什么|指什么|是什么意思|什么意思|的定义|的含义|怎么定义|如何定义|(?:怎么|怎样|如何)界定|所称的?.{1,12}是|^[^，,。？?]{2,16}是什么[？?。]?$", re.I)),
    # "要做哪些工作" asks what to do, as "如何" does, not for a list of works.
    ("how", re.compile(r"(?:要|应当|应该|需要|该|得)(?:做|干)(?:哪些(?:工作|事情?)|些什么)")),
    ("list", re.compile(r"哪些|哪几|有什么|有哪|包括|包含|列举|分别|\bwhich\b|what are|\blist\b", re.I)),
    # 意义 asks why, not in "现代意义上的……".
    ("why", re.compile(r"为什么|为啥|为何|原因|意义(?!上)|目的|\bwhy\b", re.I)),
    ("how", re.compile(r"如何|怎样|怎么|咋|措施|办法|举措|途径|\bhow\b", re.I)),
    ("who", re.compile(r"谁|哪位|什么人|\bwho\b", re.I)),
    ("yesno", re.compile(r"[吗吧][？?。]?$|是否|对吗|对不对|是不是|有没有|[能要会算给可][不没][能要会算给可以]"
                         r"|^(is|are|did|does|do|was|were)\b", re.I)),
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# Question words of who / how many / when / which questions, as jieba cuts them.
_ASKS_VALUE = re.compile(r"^(?:谁|多少|多长|多久|多大|多高|几|哪天|哪一天|哪年|哪一年|何时|什么时候|哪个|哪一个|哪位|哪一位|哪家|哪所|哪座)")
# Question words that hold their own measure: they determine no word after
# them ("哪一年升格为……").
_SELF_MEASURED = re.compile(r"^(?:谁|哪一?[年天]|何时|什么时候|多久)$")
# Nouns that name the kind of value asked ("名字", "时间"), not a thing of
# the corpus's world: the thing asked about is found elsewhere then.
_GENERIC_NOUNS = frozenset("名字 名称 内容 时间 日期 数字 数量 数目 情况 东西 事情 方面 地方 部分".split())
_CLAUSE_END = re.compile(r"^[，,。；;：:？?！!]+$")
# "是什么意思" asks what a phrase means: 意思 is no word of the text asked about.
_MEANING_ASKED = re.compile(r"(?:是|指)?(?:什么|啥)意思")
# Question words with their measure, and pointing words, that the segmenter
# cuts into a word of the text or one it never uses ("哪一年" gives 一年,
# which "总结过去一年的工作" holds; 哪一条, 几笔, 这家, 那里): no terms.
# (哪家 stays: which organisation is asked is a word the text may not have.)
_MEASURES = "条款项部个位种类笔次届年天日月号名件份批期轮场本篇章节层级所座只台辆楼"
_ASKED_WORDS = re.compile(rf"哪一?[{_MEASURES}]|几几年|几月(?:几[日号])?|[好第]?几[{_MEASURES}]|[这那][家位种笔件条项次里儿样个些]")


def _without_asked_words(text: str) -> str:
    """``text`` with its question words of measure and pointing words put as
    a clause mark; only where the segmenter cuts them as words of their own
    (这条款 keeps 条款, 几年级 keeps 年级)."""
    if not _ASKED_WORDS.search(text):
        return text
    bounds = set(word_bounds(text))
    return _ASKED_WORDS.sub(lambda m: "，" if m.start() in bounds and m.end() in bounds else m.group(), text)


def _with_measures_closed(text: str) -> str:
    """``text`` with a clause mark after each measure of a number or
    question word that the segmenter fused with the characters after it
    ("12天才送到" cut 12 / 天才, "哪天起的火" cut 哪 / 天起): the measure
    belongs to the number, and the fused word is none the question says."""
    if not _MEASURE.search(text):
        return text
    bounds = set(word_bounds(text))
    # Only a word the measure starts (天才 of 45 / 天才), not one it stands in
    # (一次性, 一日游).
    return _MEASURE.sub(lambda m: m.group() + "，" if m.start() in bounds and m.end() not in bounds else m.group(),
                        text)


# A measure after a number or a question word of measure (45天, 哪天, 几次);
# not 年, 月, 号 or 个, which make words of their own with what follows
# (2023年度, 5月底, 6号线, 一个月).
_MEASURE = re.compile(rf"(?<=[\d{NUMERAL_CHARS}几哪])[天日次岁](?=[\u4e00-\u9fff])")
# A count told roughly (二十多个, 百余家): the numeral and its 多个 / 余家.
_ROUGH_COUNT = re.compile(rf"([{NUMERAL_CHARS}万亿]+)([多余][个名家项条件位次种批所])")


# A phrase the question quotes names one thing ("“四抓三支撑”"), figures
# and all: it is a term as it stands, besides the words it is cut into.
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』]{2,24})[”\"」』]")


# Words naming the kind of value a question asks for ("期限" of "期限是多长",
# "幅度" of "赔偿幅度是多少"): the answer states the value, not the word.
VALUE_WORDS = ("期限", "时限", "期间", "时间", "日期", "年限", "数额", "金额", "数量", "数目", "比例", "标准",
               "幅度", "上限", "下限", "起点", "门槛", "额度", "限额")


def names_a_kind_of_value(word: str) -> bool:
    """Whether ``word`` names a kind of value ("处理期限", "最低标准")."""
    return word.endswith(VALUE_WORDS)


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    intent: str
    terms: tuple[str, ...]  # informative terms, numbers other than years removed
    years: tuple[str, ...]
    latin: bool
    # The noun a who / how-many / when question asks the value of ("局长" in
    # "局长是谁", "标准" in "奖金标准是多少"), when there is one.
    attribute: str | None = None
    # The words naming the kind of items a which-ones question asks for
    # ("部门" in "要和哪些部门配合"): an enumeration may end in them ("公安、
    # 工商、海关等部门").
    kinds: tuple[str, ...] = ()


_QUESTION_END = re.compile(r"(?<=[？?])")
_CLAUSE = re.compile(r"(?<=[，,；;])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Question words that make a clause before the last ask a thing of its own
# (是否 and 吗 there mostly qualify a condition: "判断是否构成侵权，……"), and
# the words that open a concession, not a question ("不管什么单位，……").
_ASKING = re.compile(r"什么|啥|哪(?!怕)|多少|多久|多长|几[个件项次年天月种条期届批场轮起]|怎|如何|谁|为何")
_ASKS_YES_NO = re.compile(r"是否|吗[？?]?\s*$")
_CONCEDING = re.compile(r"^\s*(?:不管|无论|不论|哪怕|即使|即便)")
_CJK_CHAR = re.compile(r"^[\u4e00-\u9fff]$")
CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")


# The asker as subject or owner (我, 我们, 俺, 咱): not the official voice of
# a document (我省, 我们国家, 我院, 咱甘肃), not 自我; a request made to the
# one answering (告诉我, 给我说说, 帮我查) and words quoted from a text
# ("讲话里说‘我们要……’") are left out first.
_FIRST_PERSON = re.compile(rf"(?<!自)(?:我|俺|咱)(?!们?(?:[省国市区县州院局党厅委部校]|{'|'.join(PROVINCES)}))")
_REQUEST = re.compile(r"(?:请|麻烦)?(?:你|您)?(?:告诉我|(?:帮|给|教|替)我(?=说|讲|查|解释|介绍|列|分析|看|写|找|算|整理|总结))")
_QUOTED_TEXT = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")


def told_in_first_person(text: str) -> bool:
    """Does the question tell the asker's own case ("我把小说改编成了剧本,
    ……")? It is told in the asker's words, which the documents answering it
    do not use."""
    return bool(_FIRST_PERSON.search(_REQUEST.sub("", _QUOTED_TEXT.sub("", text))))


def question_parts(text: str) -> list[str]:
    """The questions of a compound question ("保护期是多少年？从什么时候起
    算？"), each with its question mark; one part for a simple question."""
    parts = [p.strip() for p in _QUESTION_END.split(text) if len(re.sub(r"\W", "", p)) >= 2]
    return [c for p in parts for c in _asking_clauses(p)] or [text]


def _asking_clauses(question: str) -> list[str]:
    """A question whose comma-separated clauses ask two things ("……是什么态
    度，对各市州有什么要求？"): each asking clause, with the clauses before it
    that ask nothing (their context), is a question of its own."""
    out, pending = [], ""
    clauses = _CLAUSE.split(question)
    for i, clause in enumerate(clauses):
        pending += clause
        last = i == len(clauses) - 1
        if (_ASKING.search(clause) or last and _ASKS_YES_NO.search(clause)) and not _CONCEDING.match(clause):
            out.append(pending)
            pending = ""
    if len(out) < 2:
        return [question]
    out[-1] += pending
    return [c.strip("，,；; ") for c in out]


# Which-ones question words, as jieba cuts them ("哪 些" spaced too), and
# the words beside them that name no item: particles, measure words.
_WHICH_ONES = re.compile(r"^(?:哪|哪些|什么|哪些方面)$|^哪几")
_NO_ITEM_WORD = frozenset("的 了 有 是 包括 包含 要 都 需要 应当 个 项 种 类 道 条 方面".split())
# Words that join the items of an enumeration, as words of their own (not
# the 及 of 及时 or 涉及).
JOINING_WORDS = frozenset("和 及 与 以及".split())
# Terms asked together and what asks for their definitions.
_SEVERAL_DEFINED = re.compile(r"([\u4e00-\u9fff“”]{2,30}(?:[、和与及][\u4e00-\u9fff“”]{2,16}?)+)"
                              r"(?:分别|各自|各)?(?:是指|指的是|指|是|的含义是|的定义是)(?:什么|啥)")
_ITEM_JOIN = re.compile(r"[、和与及]")
# Verbs that say what the items are ("算", "属于").
_BEING = frozenset("算 算是 属于 是 为 叫 称为 列为".split())


@lru_cache(maxsize=4096)
def listed_words(question: str) -> tuple[str, ...]:
    """The words a which-ones question asks the items of: the word before
    its question word and the one after ("依托哪些单位": 依托, 单位;
    "支柱产业和优势行业有哪些": 行业). An answer enumerates its items beside
    them."""
    pairs = tagged(question)
    i = _which_word(pairs)
    if i is None:
        return ()
    tokens = [t for t, _ in pairs]
    before = next((w for w in reversed(tokens[:i]) if w not in _NO_ITEM_WORD and len(w) >= 2), None)
    after = next((w for w in tokens[i + 1:] if w not in _NO_ITEM_WORD and _HAN.match(w)), None)
    return tuple(w for w in (before, after) if w)


@lru_cache(maxsize=4096)  # read for every candidate sentence of a which-ones question
def slot_phrases(question: str) -> tuple[str | None, str | None]:
    """The question's words on either side of the items a which-ones
    question asks for: an answer's enumeration stands where its question
    word stands ("纳入企业的哪些环节": 纳入企业 before the items, "纳入企业
    的研发、生产与经营全过程"; "以哪些内容为重点": 为重点 after them,
    "以典型示范、典型案例为重点"; "支柱产业和优势行业有哪些": 优势行业 after
    "……、医药等支柱产业和优势行业"). The words before: the last two before
    the question word, particles and verbs of having left out; the words
    after: the two after the kind of item named, up to the clause's end."""
    pairs = tagged(question)
    i = _which_word(pairs)
    if i is None:
        return None, None
    tokens = [t for t, _ in pairs]
    before = list(tokens[:i])
    while before and before[-1] in _NO_ITEM_WORD:
        before.pop()
    last = before[-2:]
    while last and (last[0] in _NO_ITEM_WORD or not _HAN.match(last[0])):
        last = last[1:]  # the two words must stand together as in the question
    left = "".join(last)
    following = []
    for t, tag in pairs[i + 1:]:
        if not _HAN.match(t):
            break
        following.append((t, tag))
    # The kind of item named (内容; 资料和人员) is no word beside the items.
    k = 0
    while k < len(following) and following[k][1].startswith(("n", "vn")):
        k += 2 if k + 1 < len(following) and following[k + 1][0] in JOINING_WORDS else 1
    # "哪些行业算咱们的支柱产业": the kind the items are said to be, past
    # the verb that says so and a pronoun.
    if k < len(following) and following[k][0] in _BEING:
        k += 1
        while k < len(following) and (following[k][1] == "r" or following[k][0] == "的"):
            k += 1
    after = [t for t, _ in following[k:]]
    right = "".join(after[:2])
    return (left if len(left) >= 2 else None,
            right if len(right) >= 2 and not set(after[:2]) <= _NO_ITEM_WORD else None)


def defined_terms(question: str) -> tuple[str, ...]:
    """The terms a definition question asks about together ("……中的计算机
    软件、计算机程序分别指什么": 计算机软件, 计算机程序), each answered by its
    own definition; none when it asks about one."""
    m = _SEVERAL_DEFINED.search(question)
    if m is None:
        return ()
    items = _ITEM_JOIN.split(m.group(1).replace("“", "").replace("”", ""))
    items[0] = re.split(r"[的中里]", items[0])[-1]
    return tuple(t for t in items if len(t) >= 2) if len(items) >= 2 else ()


def listed_kind(question: str) -> str | None:
    """The kind of thing a which-ones question lists: the noun right after
    its question word ("哪些情形不授予专利权": 情形), or the head of the
    phrase it opens ("列举了哪些侵犯商业秘密的行为": 行为, after 的). Not
    the word before a closing 有哪些: "合理使用情形有哪些" is answered by
    "在下列情况下使用作品" before "有下列情形之一的职务作品"."""
    pairs = tagged(question)
    i = _which_word(pairs)
    if i is None:
        return None
    following = [(t, tag) for t, tag in pairs[i + 1:] if _HAN.match(t)]
    after = [t for t, _ in following]
    if following and after[0] not in _NO_ITEM_WORD and following[0][1].startswith("n"):
        return after[0]
    if "的" in after[:8]:
        j = len(after[:8]) - 1 - after[:8][::-1].index("的")
        return after[j + 1] if j + 1 < len(after) else None
    return None


def weighty_kinds(kinds: tuple[str, ...], terms: tuple[str, ...], idf: Callable[[str], float]) -> tuple[str, ...]:
    """The kinds that weigh at least as much as the question's words do on
    average: "等工作" closes enumerations of every sort in a text where
    工作 is on every line, "等支柱产业" only the one asked."""
    if not kinds or not terms:
        return ()
    mean = sum(idf(t) for t in terms) / len(terms)
    return tuple(k for k in kinds if idf(k) >= mean)


def _which_word(pairs: list[tuple[str, str]]) -> int | None:
    """Where a which-ones question word stands among tagged tokens."""
    return next((i for i, (token, _) in enumerate(pairs) if _WHICH_ONES.match(token)), None)


# Pure and immutable: the pipeline, the scope check and follow-up handling
# analyse the same texts, so the work is done once per text.
@lru_cache(maxsize=4096)
def analyze(text: str) -> QuestionInfo:
    """Intent and terms of a normalised question. Quantities in a question
    may be wrong (a false premise), so only years count as terms: a year the
    corpus never mentions is a sign the question is about something else."""
    intent = next((name for name, rx in _INTENTS if rx.search(text)), "what")
    years = tuple(dict.fromkeys(_YEAR.findall(text)))
    # A count told roughly (二十多个, 百余家) is no term, however the
    # segmenter cuts it (二十多个 whole, or 二十 / 多个).
    rough = {part for m in _ROUGH_COUNT.finditer(text) for part in m.groups()}
    words = (t for t in content_terms(_without_asked_words(_with_measures_closed(_MEANING_ASKED.sub("", text))))
             if (not is_number(t) or t in years) and not is_fused(t) and t not in rough)
    terms = tuple(dict.fromkeys((*words, *quoted_phrases(text))))
    return QuestionInfo(text, intent, terms, years, is_mostly_latin(text), asked_attribute(text),
                        tuple(k for k in (listed_kind(text),) if k))


def suffixed_nouns(text: str, uses: Callable[[str], bool], reach: int = 3) -> list[str]:
    """Nouns the question makes with a one-character suffix, as the corpus
    writes them ("技术调查官", "专利奖", "专利代理师"): jieba cuts them into
    words and a single character ("技术/调查/官") that no term keeps, and
    the words alone are every other sentence's ("技术", "调查"). Of the
    nouns before the suffix, up to ``reach``, the longest the corpus uses
    (``uses``)."""
    pairs = tagged(text)
    stop = stopwords()
    out = []
    for i, (char, flag) in enumerate(pairs):
        if len(char) != 1 or not flag.startswith("n") or not _CJK_CHAR.match(char) or char in stop:
            continue
        parts = []
        for word, tag in reversed(pairs[max(0, i - reach):i]):
            if not CJK_WORD.match(word) or word in stop or not tag.startswith(("n", "vn")):
                break
            parts.insert(0, word)
        found = next((w for w in ("".join(parts[k:]) + char for k in range(len(parts))) if uses(w)), None)
        if found:
            out.append(found)
    return out


def quoted_phrases(text: str) -> list[str]:
    """The phrases a question quotes, as it writes them."""
    return [m.group(1).strip() for m in _QUOTED.finditer(text) if len(m.group(1).strip()) >= 2]


# "X应如何……", "X在……中应当怎么做": the one a how question asks about
# (the words before the modal, or before the circumstance 在……中).
_ASKED_SUBJECT = re.compile(r"^(?:讲话|文件|通知|意见)?(?:对|要求)?([^，,。？?、]{2,24}?)"
                            r"(?:在[^，,。？?]{1,16}(?:中|时|上)|对于?[^，,。？?]{1,16})?"
                            r"(?:应当|应该|应|要|需要|该|必须)(?:如何|怎样|怎么|咋|做些什么|做什么|干什么)")
# Where the one asked is named with a matter inside it ("企业里头……这摊子事
# 该咋抓": the duty is 企业's; "企业内部审计机构" is a body of its own).
_INSIDE = re.compile(r"(里头|里面|内部|当中)(?=[^，,。？?]*[这那])")


@lru_cache(maxsize=1024)
def asked_subject(text: str) -> str | None:
    """Who a how question asks a duty of ("各级政府" of "各级政府应如何对待
    知识产权工作？"): official texts address their directives to it ("各级政府
    要……"). None when the question names no one before its modal verb."""
    m = _ASKED_SUBJECT.search(text.strip())
    if m is None:
        return None
    subject = _INSIDE.split(m.group(1))[0]
    return subject if len(subject) >= 2 else m.group(1)


# Kinds that ask a condition ("在什么情况下", "在什么条件下").
_CONDITIONS = frozenset("情况 情形 条件 前提 场合".split())
_MODALS = frozenset("可以 能 能够 应当 应该 应 要 需要 必须 得 会".split())


@lru_cache(maxsize=1024)
def asked_frame(text: str) -> re.Pattern[str] | None:
    """The frame a what question puts its question word in, between a
    preposition and the words after it ("以什么思想为指导": 以……为指导,
    "由什么部门负责": 由……负责): the sentence that answers fills it
    ("以科学发展观为指导"). None without a preposition before the question
    word or a word after what it asks."""
    pairs = tagged(text)
    i = next((i for i, (w, _) in enumerate(pairs) if w in ("什么", "啥")), None)
    if not i or not pairs[i - 1][1].startswith("p"):
        return None
    k = i + 1
    while k < len(pairs) and pairs[k][1].startswith("n") and _HAN.match(pairs[k][0]):
        if pairs[k][0] in _CONDITIONS:
            return None  # "在什么情况下": a condition asked, no frame a sentence fills
        k += 1  # the kind asked (思想, 部门) is no word of the frame
    while k < len(pairs) and (pairs[k][1].startswith("f") or pairs[k][0] in _MODALS):
        k += 1  # a localiser or a modal (下, 可以) is no word of the frame either
    after = []
    for w, _ in pairs[k:k + 2]:
        if not _HAN.match(w):
            break
        after.append(w)
    right = "".join(after)
    if len(right) < 2 or right in stopwords():
        return None
    return re.compile(rf"{re.escape(pairs[i - 1][0])}[^，,。；;：:]{{1,20}}?{re.escape(right)}")


@lru_cache(maxsize=1024)
def asked_verb(text: str) -> str | None:
    """The verb whose object a what question asks ("培育" of "要培育什么",
    "提出" of "提出了什么"): the sentence that answers says what is done, with
    that verb. None for "是什么" and when no verb stands before the question
    word."""
    pairs = tagged(text)
    for i, (word, _) in enumerate(pairs):
        if word not in ("什么", "啥") or (i + 1 < len(pairs) and _HAN.match(pairs[i + 1][0])):
            continue  # "什么目标" asks the 目标, whatever verb the text uses
        j = i - 1
        while j >= 0 and pairs[j][0] in ("了", "过", "些", "一些"):
            j -= 1
        if j >= 0 and pairs[j][1].startswith("v") and len(pairs[j][0]) >= 2 and CJK_WORD.match(pairs[j][0]):
            return pairs[j][0]
    return None


# Words between a value question's last content word and its question word
# ("保护期是多少年", "首次商业利用后，最迟多久"): they say nothing of where
# the value stands.
_TO_VALUE = frozenset("的 是 为 有 要 需要 应 应当 应该 必须 可以 能 得 最 最迟 最长 最短 最多 最少 最高 最低 至少 "
                      "在 内 后 以后 之后 以内 之内 达到 达 一共 共 总共 大概 大约 了 都 还 就 才 ， ,".split())


# A when question's word, and the words between it and the act it dates.
_WHEN = re.compile(r"什么时候|啥时候|何时|哪一?天|哪一?年|哪一?日|哪个月|几月(?:几[日号])?|几号")
_TO_EVENT = frozenset("是 的 了 在 于 将 会 要 能 才 就 正式 开始 最终 实际 计划 预计 原计划 大概 大约 具体 到底 究竟 "
                      "起 从 自 全部 全面 都 已 已经 首次 再次 重新".split())


# Verbs that carry another's act ("进行审理"): the act is the word after them.
_LIGHT_VERBS = frozenset("进行 予以 加以 给予 实现".split())


@lru_cache(maxsize=1024)
def asked_event(text: str) -> str | None:
    """The act a when question asks the date of: the word after its
    question word ("什么时候启用", "哪一天入汛的": the tagger may call it a
    noun), else the verb before it ("会议召开是什么时候"). None when no word
    of two characters stands there."""
    m = _WHEN.search(text)
    if m is None:
        return None
    words = tagged_offsets(text)
    after = [(w, t, start == m.end()) for start, w, t in words if start >= m.end() and w not in _TO_EVENT]
    # A noun dates an act only right after the question word (哪一天入汛); past
    # other words it is where or what (从哪一年开始在全省实施).
    if after and len(after[0][0]) >= 2 and CJK_WORD.match(after[0][0]) and after[0][0] not in _LIGHT_VERBS and (
            after[0][1].startswith("v") or after[0][1].startswith("n") and after[0][2]):
        return after[0][0]
    opening = next(((w, t) for start, w, t in words if start >= m.end()), ("", ""))  # (从, 在 included)
    if after and (opening[1] == "p" or len(after[0][0]) == 1 and after[0][1] == "v" or after[0][0] in _LIGHT_VERBS):
        # Past a preposition's phrase or a causative ("哪天把押金扣下", "哪天向
        # 保险公司申请理赔", "哪一天请人安装"): the first verb of the clause.
        for w, t, _ in after:
            if _CLAUSE_END.match(w):
                break
            if t.startswith("v") and len(w) >= 2 and CJK_WORD.match(w) and w not in _LIGHT_VERBS:
                return w
    before = [(w, t) for start, w, t in words if start + len(w) <= m.start() and w not in _TO_EVENT]
    if before and len(before[-1][0]) >= 2 and before[-1][1] == "v" and CJK_WORD.match(before[-1][0]):
        return before[-1][0]
    return None


@lru_cache(maxsize=1024)
def value_anchor(text: str) -> str | None:
    """The content word a value question puts right before its question
    word ("保护期" of "保护期是多少年", "利用" of "首次商业利用后，最迟多久要
    申请登记"): a sentence that states the value asked mostly states it
    beside that word ("首次商业利用之日起2年内", "……以下的罚款"). None when no
    content word of two characters or more stands there."""
    pairs = tagged(text)
    i = next((i for i, (w, _) in enumerate(pairs) if _ASKS_VALUE.match(w) and not w.startswith(("谁", "哪"))), None)
    if not i:
        return None
    j = i - 1
    while j >= 0 and pairs[j][0] in _TO_VALUE:
        j -= 1
    word = pairs[j][0] if j >= 0 else ""
    return word if len(word) >= 2 and CJK_WORD.match(word) else None


def asked_attribute(text: str) -> str | None:
    """The noun a value question asks about, from jieba's tags: the one the
    question word determines ("多少件专利", "哪个城市"), else the subject of
    a copula ("组长是谁", whatever tag jieba gives it), else the nearest
    noun before the question word within its clause."""
    pairs = tagged(text)
    for i, (word, _) in enumerate(pairs):
        if _ASKS_VALUE.match(word):
            # "哪一年升格为……": a question word holding its own measure
            # determines no word after it.
            determined = None if _SELF_MEASURED.match(word) else _determined_noun(pairs, i)
            return determined or _copula_subject(pairs, i) or _noun_before(pairs, i)
    return None


# Single characters that make a noun of the word before them (保洁费, 补助金).
_NOUN_SUFFIXES = frozenset("费金款额率价量数")
# Localisers a place word may be fused with (镇里, 厂里).
_LOCALISERS = ("里", "内")


def _is_attribute(word: str, flag: str | None = None) -> bool:
    return (len(word) >= 2 and word not in stopwords() and word not in _GENERIC_NOUNS
            and (flag is None or flag.startswith("n") or flag == "vn" or flag == "l" and _noun_headed(word)))


def _noun_headed(phrase: str) -> bool:
    """A set phrase ending in a noun ("发明专利"), not a filler ("一般来说")."""
    return any(flag.startswith("n") for _, flag in tagged(phrase[-2:]))


def _determined_noun(pairs: list[tuple[str, str]], i: int) -> str | None:
    """"多少件专利" -> "专利": the noun right after the question word, past
    at most one classifier."""
    for k, (word, flag) in enumerate(pairs[i + 1:i + 3], start=i + 1):
        suffix = pairs[k + 1][0] if k + 1 < len(pairs) else ""
        if len(word) >= 2 and suffix in _NOUN_SUFFIXES and CJK_WORD.match(word):
            # A word and a noun suffix the tagger cut off ("保洁" / "费").
            return word + suffix
        if _is_attribute(word, flag):
            return word
        if len(word) > 1 or _CLAUSE_END.match(word):
            return None
    return None


# Words before "是" that say when or how, not whose holder is asked
# ("最初是谁修建的": 最初 is no thing).
_NO_SUBJECT = ("t", "d", "r", "m", "p", "c")


def _copula_subject(pairs: list[tuple[str, str]], i: int) -> str | None:
    """"领导小组的组长是谁" -> "组长": the word before "是", past adverbs."""
    if i < 2 or pairs[i - 1][0] != "是":
        return None
    for word, flag in reversed(pairs[:i - 1]):
        if _CLAUSE_END.match(word) or flag == "uj":
            return None
        if _is_attribute(word) and flag != "x" and not flag.startswith(_NO_SUBJECT):
            return word
    return None


def _noun_before(pairs: list[tuple[str, str]], i: int) -> str | None:
    """The nearest noun before the question word in its clause, but for a
    place (a noun before a localiser, "冰柜里"; a word fused with one, "镇里")."""
    start = next((j + 1 for j in range(i - 1, -1, -1) if _CLAUSE_END.match(pairs[j][0])), 0)
    clause = pairs[start:i]
    for j in range(len(clause) - 1, -1, -1):
        before, flag = clause[j]
        place = j + 1 < len(clause) and clause[j + 1][1] == "f" or len(before) == 2 and before.endswith(_LOCALISERS)
        if _is_attribute(before, flag) and not place:
            return before
    return None


def given_to(text: str, word: str) -> bool:
    """``word`` names whom the question's thing goes to ("赔给被咬的老太太多少
    钱", "给前夫多少钱"): the first noun after a verb or preposition ending
    in 给. The text names that party by its role in the matter."""
    pairs = tagged(text)
    at = next((k for k, (w, _) in enumerate(pairs) if w == word), None)
    for w, flag in reversed(pairs[:at] if at is not None else ()):
        if w.endswith("给") and flag[:1] in ("v", "p"):
            return True
        if _CLAUSE_END.match(w) or _is_attribute(w, flag):
            return False
    return False

