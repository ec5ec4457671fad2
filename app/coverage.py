"""Refusal by coverage: does the library hold what a question asks for,
not only its topic? Pure functions over texts:

* a document or place the question names that the library does not hold
  ("江苏省专利条例", "电子商务法第四十二条");
* a how-many / when / which-place question whose value no retrieved
  sentence states: a sentence states it when it carries a value of the
  asked kind (a figure, a date as precise as asked, a place; a figure in
  the unit the question names: 多少钱 wants 元) beside the thing asked
  about, beside its very name when the question measures a named thing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .numerals import NUMERAL_CHARS, to_int
from .places import COUNTRIES, PROVINCES
from .persons import PARTY, SURNAMES
from .question import CJK_WORD, QuestionInfo, asked_event, names_a_kind_of_value, question_parts, value_anchor
from .textnorm import compare_form
from .tokenize import PROPER_TAGS, proper_names_in, register, stopwords, tagged, tagged_offsets, word_bounds, word_frequency, words

_N = NUMERAL_CHARS + "万亿"
# Endings of a document's name. 规定/办法 name a document only after a word
# that makes them one (若干规定, 管理办法); bare, they are verbs and nouns of
# every question ("怎么规定", "有什么办法"). 解释 and 决定 only in 《》. A
# 指南 (审查指南, 办事指南) is a published document of its own.
_TYPE = r"(?:法典|法|条例|细则|指南|(?:若干|管理|保护|暂行|实施|促进)(?:规定|办法))"
_DOC_NAME = re.compile(rf"《([^《》]{{2,40}})》|([\u4e00-\u9fff]{{1,16}}?法典|[\u4e00-\u9fff]{{2,16}}?{_TYPE})"
                       r"(?=第|规定|中|里|对|的|是|有|怎么|如何|要求|[，,。？?、：:\s]|$)")
# Where a piece was published ("发表在《自然》上的论文"): the journal is a
# place of what is asked about, not a document asked about.
_VENUE = re.compile(r"(?:发表|刊登|刊发|刊载|登载|登)(?:在|于)\s*$")
# A phrase with these is a clause of the question, not a document's name.
_NOT_A_NAME = re.compile(r"[的哪啥咋怎吗呢么要搞弄把让给被这在]")
# A province or country (places.py), or a city named with 市 whose
# regulation is asked about.
_PLACES = (*PROVINCES, *COUNTRIES)
_PLACE = re.compile(rf"((?:{'|'.join(_PLACES)})(?:省|市|自治区|特别行政区)?)"
                    rf"|(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,3}}市)(?=[\u4e00-\u9fff]{{0,12}}?{_TYPE})")
_AND = re.compile(r"[和与及、]")
# A name that starts with a place: a province named bare ("浙江专利条例"),
# or any place with its 省 / 市 / 区 / 县.
_PLACE_FIRST = re.compile(rf"^((?:{'|'.join(_PLACES)})(?:省|市|自治区)?|[\u4e00-\u9fff]{{2,7}}?(?:省|自治区|市|新区|区|县))(.*)$")
_RULES = re.compile(r"条例|规定|办法|法规|政策|细则|法律|规章|文件|要求|标准")
# Words that make a phrase ending in 法/规定 generic, not a document's name.
_GENERIC = frozenset("法律 法规 规定 条例 办法 文件 政策 国家 地方 具体 有关 相关 上述 以下 下列 哪些 什么 这个 那个 "
                     "这些 那些 现行 新 旧 新旧 其他 其它 一般 特别 专门 主要 基本 按照 依照 根据 本 该 此 各 哪个 哪部 "
                     "年 年版 版 修订 修订后 修改后 原 原来".split())
_COUNT = re.compile(rf"\d|[{_N}]+\s*(?:个|件|人|项|家|次|名|元|万|亿|年|月|日|天|倍|种|类|部|批|所|位|岁|小时|周|级|份|张"
                    rf"|辆|台|户|吨|米|公里|平方|工作日)|百分之|倍")
# Where a provision stands (第一百一十条, 第二款) is no value of what it
# says, nor is "20xx年", a year a published text left out.
_ADDRESS = re.compile(rf"第[{_N}\d]+[编章节条款项目]|\d+[xX]+")
# ... relative dates too ("自登记注册的次月起", "自申请日起"): a "from when"
# is answered by them.
_DATE = re.compile(rf"\d+\s*(?:[年月日天]|个月|个工作日)|[{_N}元正]+\s*月|[{_N}]+日|去年|今年|明年|上半年|下半年|年底|年初|年内"
                   r"|[次当][日月年]|日起")
# A length of time asked (not 多长 alone, which asks a length as often), and
# its value: a figure and a unit of time (三个月, 15日, 两年, 半年).
_ASKS_TIME = re.compile(r"多久|多长时间|多少时间|什么时间内|期限|时限|几年|几个月|几天|多少天|多少年")
_DURATION = re.compile(rf"[\d{_N}半]+\s*(?:个)?\s*(?:年|月|日|天|小时|周|星期|工作日|自然日|分钟|季度|学期)|半年|半个月"
                       r"|当场|当即|即时|立即|次日|当日|当天|随时")
_VALUE = {"count": _COUNT, "date": _DATE}
# A year in digits: from 1900, or from 1000 where it is no span of years (a
# history's 1063年 answers 哪一年 as 2006年 does; 已有1200年历史 does not).
_A_YEAR = (r"(?:(?<![\d.])(?:19|20)\d\d\s*年|(?<![\d.有约近逾])1[0-8]\d\d\s*年"
           r"(?!\s*(?:前|来|之久|左右|以[上来]|[多余]|的?历史)))")
_CALENDAR_DATE = re.compile(rf"{_A_YEAR}(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日")
# A when question that asks for a day, or a year, is answered by a date of
# that precision ("哪一天" is not answered by "2个月后", nor "哪一年" by "5月").
_DAY = re.compile(rf"(?<![〕\]])\d+\s*[日号]|[{_N}]+\s*[日号]")  # not a document number (国发〔2020〕1号)
_YEAR = re.compile(rf"{_A_YEAR}|[〇零一二三四五六七八九]{{4}}\s*年|去年|今年|明年|前年")
_ASKED_DATE = ((re.compile(r"哪一?天|几号|几日|哪一?日"), _DAY), (re.compile(r"哪一?年|几几年|年份"), _YEAR))
# Units a how-many question may name, by what they measure: a sentence
# states the value asked only with a figure in a unit of the same kind
# ("多少钱" is not answered by "购买果冻一盒", nor "多少户" by "2个月").
_UNITS = {
    "money": "元 块钱",
    "day": "天 日 个工作日 工作日",
    "month": "个月 月",
    "year": "年",
    "hour": "个小时 小时",
    "area": "平方米 平米 平方公里 亩 公顷",
    "length": "公里 千米 米 厘米 毫米 海里",
    "volume": "毫升 升 立方米",
    "floor": "楼 层",
    "weight": "吨 公斤 千克",
    # Counters a text uses for the same counted things ("多少起案件": 356件;
    # "多少场活动": 120次; "几期培训班": 3次).
    "cases": "起 件 宗",
    "times": "场 期 届 轮 次",
    # People are counted with any of these ("几名讲解员": 6人).
    "persons": "人 名 位 人次",
}
_UNIT_KIND = {u: kind for kind, units in _UNITS.items() for u in units.split()}
# Counted things: the measure word itself is the unit (户, 枚, 级, 部 …).
_MEASURES = "户 枚 级 部 项 家 套 台 辆 所 倍 岁 条 篇 本 张 只 座 批 页 份 字".split()
_ASKED_UNIT = re.compile(r"(?:多少|几)\s*[万亿千百]*\s*(钱|" + "|".join(sorted({*_UNIT_KIND, *_MEASURES}, key=len, reverse=True))
                         + ")")
# What an asked attribute measures, when the question names no unit: money
# (工资, 价款, 出让金, 登记费, 预算, 损失; a share of something also states
# it), area.
_MONEY_NOUN = re.compile(r"(?:[费金款资价钱薪]|价格|收入|利润|预算|损失)$")
# A person's age asked without its unit ("多大岁数", "年龄是多少"; not an age
# that only sets a condition, "年龄在80岁以上的老人能领多少补贴"): in 岁.
_AGE = re.compile(r"多大(?:岁数|年纪|年龄)|(?:岁数|年龄|年纪)(?:是|有|为)?多(?:少|大)")
_SHARE = rf"百分之[{_N}]+|\d[\d.]*\s*[%％]"
_MULTIPLE = rf"[{_N}\d]+倍"
# A share asked ("报销百分之多少", "占比多少%"): a figure in 元 is no answer.
_ASKS_SHARE = re.compile(r"百分之(?:多少|几)|(?:多少|几)\s*[%％]")
_COUNTED = re.compile(r"(?:多少|几)([\u4e00-\u9fff]{1,8})[？?。]?$")
_FIGURE = rf"(?:\d[\d,.]*|[{_N}]+)\s*[多余万亿千百]*\s*"
# Share of the question's term weight a sentence with a value must cover
# to state that value, when it does not name the asked attribute.
MIN_VALUE_COVERAGE = 0.25
# "位于哪个城市", "包括哪些省份": the places themselves are asked (not which
# places' rules say something: a question about rules is about documents).
_ASKS_PLACE = re.compile(r"哪(?:个|些|几个|座|一个)(?:城市|省份|省|地区|国家|县|市)")
_PLACE_NAME = re.compile("|".join(_PLACES))
# Words jieba may tag a place that name a kind of place, not one ("大中城市").
_PLACE_KINDS = ("城市", "地区", "省份", "国家", "地方")
# Words between an attribute and the question word that measures it.
_LINK = "是|为|有|达到|达|约|大约|总共|一共|共|能|可以|可"
# "分别是多少" asks several values at once, one per document or thing.
_SEVERAL = re.compile(r"分别|各自|各是")
# "哪三大战略", "哪两个部门": a list of so many things, stated only by an
# enumeration of them (the items between 、 和 与 及 ；) or its lead-in.
_ASKS_N_THINGS = re.compile(r"哪([两二三四五六七八九十])")
_ITEM_SEP = re.compile(r"[、；;]|(?<=[\u4e00-\u9fff）)”」》])(?<!共)[和与及](?!时|早|谐|会)(?=[\u4e00-\u9fff“「《])")
# An enumeration's lead-in: a sentence that ends in a colon ("对下列各项，……：").
LEAD_IN = re.compile(r"[：:]\s*$")
# "哪几个部门" asks for a list, whatever its 几 says.
_WHICH = re.compile(r"哪几|哪些")


def named_in(question: str) -> list[tuple[str, bool]]:
    """The documents and places a question names, each with whether it is a
    place: a document's name ("商标法和专利法" names two), and a place when
    the question asks what its rules say (a weather question about 北京 is
    simply off topic)."""
    out = []
    for m in _DOC_NAME.finditer(question):
        if m.group(1) and _VENUE.search(question[:m.start()]):
            continue
        for part in filter(None, _AND.split(m.group(1) or m.group(2))):
            name = part if m.group(1) else _trim(part)
            if m.group(2) and not _reads_as_name(name):
                continue
            if name and not _generic(name):
                out.append((name, False))
    places = _PLACE.finditer(question) if _RULES.search(question) else ()
    out += [(m.group(1) or m.group(2), True) for m in places]
    return out


def holds_name(name: str, place: bool, known: Callable[[str], bool]) -> bool:
    """Whether ``known`` holds a named place, or a document's name or a
    short form of it (see ``_held``)."""
    return known(name) if place else _held(name, known)


def _trim(name: str) -> str:
    """A phrase without the words before the name ("请问种子法" -> "种子法")."""
    stop = stopwords()
    for token, _ in tagged(name):
        if token not in stop and token not in _GENERIC and not token.isdigit():
            break
        if len(name) - len(token) < 2 or not name.startswith(token):
            break
        name = name[len(token):]
    return name


def _reads_as_name(name: str) -> bool:
    """A phrase ending in 法 names a law when 法 stands alone after its
    subject (种子/法) or ends a longer word (著作权法), not when it ends a
    common two-character word (执法, 办法, 依法)."""
    if _NOT_A_NAME.search(name):
        return False
    if name.endswith("法") and not name.endswith("法典"):
        last = tagged(name)[-1][0]
        return last == "法" or len(last) >= 3
    return True


def _generic(name: str) -> bool:
    """A name made only of generic words ("有关法律", "本法"); a one-character
    core names a law of its own ("民法典", "宪法")."""
    core = re.sub(rf"{_TYPE}$", "", name)
    content = [t for t in words(core) if t not in stopwords() and t not in _GENERIC and (len(t) > 1 or t == core)]
    return not content


def _held(name: str, known: Callable[[str], bool]) -> bool:
    """Held when the name, or a tail of it long enough to be a name of its
    own (five characters and more: "保护条例" names nothing), is one the
    library knows."""
    if known(name):
        return True
    # A held place's document named short ("洛阳市条例", "浦东新区若干规定",
    # "浙江专利条例").
    short = _PLACE_FIRST.match(name)
    if short and known(short.group(1)) and len(short.group(2)) <= 4:
        return True
    return any(known(name[i:]) for i in range(1, len(name) - 4))


@lru_cache(maxsize=4096)  # asked of every candidate sentence
def asked_unit(question: str, attribute: str | None = None) -> re.Pattern[str] | None:
    """A figure in the unit a how-many question names ("多少钱" -> 元,
    "多少天" -> 天 or 日, "几级" -> 级), else in the unit its attribute is
    measured in ("月工资是多少" -> 元 or a share, "面积是多少" -> 平方米);
    None when neither says."""
    # The unit is a word of its own: not the first character of a noun
    # ("多少人民币", "多少天然气", "多少年终奖").
    if _ASKS_SHARE.search(question) and len(question_parts(question)) == 1:
        # (Of one question: "目标是多少？完成了百分之多少？" asks a sum too.)
        return re.compile(_SHARE)
    m = _named_unit(question)
    if m is not None:
        asked = _unit_word(m)
        kind = _UNIT_KIND.get(asked)
        return _figure_in(_UNITS[kind].split() if kind else [asked])
    counted = _COUNTED.search(question)  # "赔偿多少损害赔偿金": the words the question word counts
    if any(_MONEY_NOUN.search(w) for w in (attribute, counted and counted.group(1)) if w):
        return _figure_in(_UNITS["money"].split(), share=True)
    if attribute and attribute.endswith("面积"):
        return _figure_in(_UNITS["area"].split())
    if _AGE.search(question):
        return _figure_in(["周岁", "岁"])
    return None


# A dimension asked ("大坝有多高", "航线有多长"; not 多长时间): a length
# stated as that dimension ("坝高68米", "全长12公里", "68米高"), not another
# ("桥长86米" for its height); an area, a weight or a capacity asked
# ("面积有多大", "多重", "库容有多大") in a unit of its kind.
_ASKS_DIMENSION = re.compile(r"(?<![更许诸很好最])多([高长深宽厚远])(?!时间|期|的)")  # (not 更多高校, 多高的年利率)
_DIMENSION_REACH = 4
_HALF_YEAR = re.compile(r"[上下]半年")  # (2026年上半年 is when, not how long)
_SPAN_OF_TIME = re.compile(r"期|时间|时长|年限|时效|寿命|多久|岁月|历史")  # (保护期有多长 asks a time)
# The words a length is stated beside as each dimension; a distance (远) is
# any length ("距其下班路线仅约300米").
_DIMENSION_WORDS = {"高": "高|海拔", "长": "长|里程", "深": "深", "宽": "宽", "厚": "厚"}
_ASKS_SIZE = re.compile(r"(面积|容量|库容|容积|排量)[^，。？?]{0,3}多大|(?<![更许诸很好最])多重(?=[？?吗呢。]|$)"
                        r"|(?:重量|体重)[^，。？?]{0,3}多少")
# 多高 of a sum or a rate ("赔偿标准有多高", "利率有多高") asks no length.
_ABSTRACT = re.compile(r"标准|赔偿|比例|费|价|金额|利率|率|收入|工资|罚|额|水平|待遇|要求")
_SIZE_UNITS = {"面积": _UNITS["area"].split(), "重量": [*_UNITS["weight"].split(), "克", "斤"],
               "容量": [*_UNITS["volume"].split(), *_UNITS["weight"].split(), "千瓦", "兆瓦", "瓦时", "千瓦时", "安时"]}


def _measure_asked(text: str) -> Callable[[str], bool] | None:
    """The test of a sentence stating the dimension or size a question asks
    (see _ASKS_DIMENSION), or None when it asks none."""
    if (size := _ASKS_SIZE.search(text)) is not None:
        noun = size.group(1) or "重量"
        return _figure_in(_SIZE_UNITS.get(noun, _SIZE_UNITS["容量"])).search
    dim = _ASKS_DIMENSION.search(text)
    if dim is None or (dim.group(1) == "长" and _SPAN_OF_TIME.search(text)) or _ABSTRACT.search(text):
        return None
    length = _figure_in(_UNITS["length"].split())
    if dim.group(1) == "远":
        return length.search
    near = re.compile(_DIMENSION_WORDS[dim.group(1)])

    def states(sentence: str) -> bool:
        if dim.group(1) == "长" and _DURATION.search(_HALF_YEAR.sub("", _CALENDAR_DATE.sub("", sentence))):
            return True  # (多长 alone asks a length of time as often: "历时两年")
        # (The dimension's word within a few characters before the figure,
        # "坝高68米", "高达68米", or right after its unit, "68米高".)
        return any(near.search(sentence[max(0, m.start() - _DIMENSION_REACH):m.start()]) or near.match(sentence, m.end())
                   for m in length.finditer(sentence))
    return states


@lru_cache(maxsize=1024)  # asked of every candidate sentence of a how-many question
def _named_unit(question: str) -> re.Match[str] | None:
    bounds = word_bounds(question)
    return next((m for m in _ASKED_UNIT.finditer(question) if m.end(1) in bounds), None)


def _unit_word(m: re.Match[str]) -> str:
    return "元" if m.group(1) == "钱" else m.group(1)


def names_unit(question: str) -> bool:
    """Whether a how-many question names its unit itself ("多少件", "几名"),
    not only through the attribute it asks of."""
    return _named_unit(question) is not None


def counts_in_named_unit(question: str) -> bool:
    """Whether a how-many question names a unit that counts or measures
    things ("多少期", "几名", "多少公里"), not money, which every other
    figure of a report is in ("多少钱")."""
    m = _named_unit(question)
    return m is not None and _UNIT_KIND.get(_unit_word(m)) != "money"


def amount_asked(terms: tuple[str, ...]) -> Callable[[str], bool] | None:
    """Whether a sentence states the amount a question asks of money
    ("奖金的具体最低金额", "罚款数额": a word for a kind of value beside a money
    noun): a sum in 元, a share or a multiple (违法所得二倍以上的罚款) in a
    sentence naming that money (a fine states no 经费); None when the
    question asks no amount."""
    money = [t for t in terms if _MONEY_NOUN.search(t)]
    if not money or not any(names_a_kind_of_value(t) for t in terms):
        return None
    figure = re.compile(f"{_figure_in(_UNITS['money'].split(), share=True).pattern}|{_MULTIPLE}")
    return lambda sentence: bool(figure.search(sentence)) and any(t in sentence for t in money)


def _figure_in(units: list[str], share: bool = False) -> re.Pattern[str]:
    """A figure in one of ``units``, or with ``share`` a percentage too."""
    figure = _FIGURE + "(?:" + "|".join(sorted(units, key=len, reverse=True)) + ")"
    return re.compile(f"{figure}|{_SHARE}" if share else figure)


def asked_date(question: str) -> re.Pattern[str] | None:
    """A date of the precision a when question asks for (a day, a year),
    or None when it asks for none in particular ("什么时候")."""
    return next((date for asks, date in _ASKED_DATE if asks.search(question)), None)


def value_stated(info: QuestionInfo, sentences: Iterable[str], readings: list[dict[str, float]]) -> bool:
    """For a how-many, when or which-place question: some sentence carries
    a value of that kind together with what is asked about (the asked
    attribute, or a share of the term weight of one reading of the
    question: the whole of it or one of its sentences). When a how-many
    question asks the figure of a named thing ("手术费是多少", "多少费用")
    and the text names that thing, only a figure beside its name states it:
    a figure of the same passage's other things does not. Other questions:
    True."""
    has_value = _value_test(info)
    if has_value is None or info.intent == "duration":
        # (A length of time is often stated by a sentence next to those found,
        # "……之日起一年内提出": it is judged on the quoted ones alone.)
        return True
    sentences = list(sentences)
    attribute = compare_form(info.attribute) if info.attribute else ""
    forms = [compare_form(s) for s in sentences]
    named = bool(attribute) and (_asks_figure_of(info) or _asks_date_of(info)) and any(attribute in f for f in forms)
    if _another_kind_only(info, attribute, forms):
        return False
    # A when question about a named party or place: a date of a sentence
    # that does not name it, where another sentence does, is another
    # event's ("上海……已经颁布实施" beside "去年11月29日……").
    parties = [n for n in _named_parties(info) if any(n in f for f in forms)]
    # A when question about an act the passages name (启用, 入汛): a date of
    # a sentence that does not name it is another act's (开工, 出汛).
    acts = acts_asked(info)
    event = acts if any(compare_form(a) in f for a in acts for f in forms) else ()
    for sentence, form in zip(sentences, forms):
        if not has_value(_ADDRESS.sub("", sentence)):
            continue
        names_party = any(n in form for n in parties) or _points_back(sentence, parties)
        if parties and not names_party:
            continue
        if event and (not any(compare_form(e) in form for e in event) or dates_act(sentence, event) is False):
            continue
        if attribute and (attribute in form or attribute in parties and names_party):
            return True
        if named:
            continue
        for weights in readings:
            total = sum(weights.values()) or 1.0
            if sum(w for t, w in weights.items() if compare_form(t) in form) / total >= MIN_VALUE_COVERAGE:
                return True
    return False


def states_value(info: QuestionInfo, sentence: str) -> bool | None:
    """Whether ``sentence`` carries a value of the kind ``info`` asks for
    (where a provision stands is no value); None when the question asks
    for no value of a checkable kind. A count that happened ("最终接待了多少
    游客", "增长了多少") is stated by no forecast or target ("预计接待游客150万
    人次", "力争增长5.5%")."""
    has_value = _value_test(info)
    if has_value is None:
        return None
    text = _ADDRESS.sub("", sentence)
    if not has_value(text) or dates_act(text, acts_asked(info)) is False:
        return False
    if info.intent == "count" and (counted := _counted_noun(info)) and \
            not any(_in_order(w, compare_form(text)) for w in (counted, *register().get(counted, ()))):
        # The figure of what the question counts names it ("多少只白鹤" is not
        # answered by "共记录水鸟86400只"), in its own word or an official one.
        return False
    asked = _NOT_REALIZED.sub("", info.text)
    if info.intent == "count" and _REALIZED.search(asked) and not _FORECAST.search(asked):
        stating = [c for c in _CLAUSE_SPLIT.split(text) if has_value(c)]
        # The clause with the figure of what is asked, where one names it
        # ("……将举办38项活动，预计接待游客150万人次": 接待).
        anchor = value_anchor(info.text)
        stating = [c for c in stating if anchor and anchor in c] or stating
        # A figure spanning no separator is always in some clause; none
        # when the value test reads across clauses only.
        return not stating or not all(_FORECAST.search(_NOT_FORECAST.sub("", c)) for c in stating)
    return True


def _in_order(word: str, text: str) -> bool:
    """``word``'s characters in ``text`` in order, a few apart at most (省市 in
    省区市, 高校 in 高等学校)."""
    word = compare_form(word)
    return re.search("[\u4e00-\u9fff]{0,2}".join(map(re.escape, word)), text) is not None


def _counted_noun(info: QuestionInfo) -> str | None:
    """The noun a how-many question counts ("白鹤" of "多少只白鹤"), or None."""
    a = info.attribute
    if a in _UNIT_KIND or a in _MEASURES:
        return None  # (the unit counted in, "多少人次游客": not what is counted)
    if a and re.search(rf"(?:多少|几)\s*[万亿千百]*\s*[\u4e00-\u9fff]?{re.escape(a)}", info.text):
        return a
    return None


# A count asked of what happened (not 实际施工人, a party), and a forecast
# or target verb governing a figure of its clause (争取到 obtained; 比计划,
# 完成计划, 按照计划 measure against a plan; 计划生育, 计划单列 are no plans).
_REALIZED = re.compile(r"最终|实际|了多少|了几")
_NOT_REALIZED = re.compile(r"实际施工人|实际控制人")
_FORECAST = re.compile(rf"(?:预计|计划|力争|有望|预期|争取)(?!到)[^，。；\d{_N}]{{0,12}}[\d{_N}]")
_NOT_FORECAST = re.compile(r"[比超]计划|(?:完成|按照?|依照|根据)[^，。；]{0,6}计划|比预期|计划生育|计划单列")
_CLAUSE_SPLIT = re.compile(r"[，；;。]|,(?!\d{3})")


def _asks_figure_of(info: QuestionInfo) -> bool:
    """A how-many question whose question word measures its attribute
    itself: "手术费是多少", "多少费用" (not "实际申请了多少", where the
    noun before the question word only stands near it)."""
    if info.intent != "count" or not info.attribute:
        return False
    a = re.escape(info.attribute)
    return bool(re.search(rf"{a}(?:{_LINK})?(?:多少|几)|(?:多少|几)[{_N}个件项名位元]?{a}", info.text))


def _another_kind_only(info: QuestionInfo, attribute: str, forms: list[str]) -> bool:
    """A figure asked of a compound ("建筑面积是多少") whose head the passages
    name only in other compounds ("选房面积为94平方米"): their figures are
    another kind's. Words for a kind of value (保护期限) are no such compound:
    a text states the value without them."""
    if not attribute or len(attribute) < 4 or not _asks_figure_of(info) or names_a_kind_of_value(attribute):
        return False
    return not any(attribute in f for f in forms) and any(attribute[-2:] in f for f in forms)


# A sentence pointing back at a party named before it (该省于2022年出台……).
_ANAPHOR = re.compile(r"该(?:省|市|区|县|州|国|公司|企业|院|校|局|委|单位)|我国|本(?:省|市|区|县)")
# Verbs official texts use one for another of an act dated ("自……起施行"
# answers "什么时候开始实施").
_TAKING_EFFECT = ("实施", "实行", "施行", "执行", "生效")
_EVENT_WORDS = {w: _TAKING_EFFECT for w in _TAKING_EFFECT}
# Words joining a clause to the one before it, whose subject it keeps.
_GOING_ON_JOINS = ("并", "且", "随即", "随后", "同时", "遂", "又")
# A clause naming an act to come under a condition or an agreement
# ("约定完工后付款", "届时将通车"): no date of the clause before it.
_ACT_TO_COME = re.compile(r"约定|后|届时|之后|以后|将")


def acts_asked(info: QuestionInfo) -> tuple[str, ...]:
    """The words of the act a when question dates (启用; 实施 with the words
    used for it), or none."""
    asked = asked_event(info.text) if info.intent == "date" else None
    return _EVENT_WORDS.get(asked, (asked,)) if asked else ()


def dates_act(sentence: str, acts: tuple[str, ...]) -> bool | None:
    """Whether a calendar date of ``sentence`` is the date of one of the
    ``acts``: it stands in the act's clause, or alone at the head of the
    clause before it ("2023年4月2日，新桥主体结构完工"). False where the
    sentence names the act but dates another ("于2021年5月10日签订合同，约定
    完工后……"); None where it names no act or no calendar date."""
    clauses = _CLAUSE_SPLIT.split(sentence)
    named = {i for i, c in enumerate(clauses) if any(a in c for a in acts)}
    dated = [i for i, c in enumerate(clauses) if _CALENDAR_DATE.search(c)]
    if not named or not dated:
        return None
    # A date ending its clause dates the clause after it; alone heading the
    # sentence, the whole sentence ("2023年4月2日，新桥通过验收，这是全市首座……
    # 的桥梁"); a clause going on with the subject before it ("于……建成，并
    # 正式通车") is dated as that one.
    named |= {i for j in named for i in _carried_from(clauses, j)}
    return any(i in named or i == 0 and _bare_date(clauses[i]) or i + 1 in named and _ends_dated(clauses[i])
               for i in dated)


def _carried_from(clauses: list[str], j: int) -> list[int]:
    """The clauses before clause ``j`` that it goes on from, without a subject
    of its own or a time of its own ("……建成，并正式通车"; not "……立案后，组织……",
    which comes after the act dated)."""
    out = []
    while j > 0 and not _ACT_TO_COME.search(clauses[j]) and not _ACT_TO_COME.search(clauses[j - 1]) and (
            clauses[j].lstrip().startswith(_GOING_ON_JOINS) or _opens_with_verb(clauses[j])):
        j -= 1
        out.append(j)
    return out


# What may stand beside a date in a clause of its own: the words framing it
# (自……起, 到……, 截至……) and the time of day (19时许, 上午).
_DATE_FRAME = re.compile(r"截至|以来|上旬|中旬|下旬|当天|当日|上午|下午|晚上|凌晨|中午|傍晚|早上|左右|[去今明前同当]年"
                         r"|[自从于在到至起前后底初末时分许\d\s]")


def _bare_date(clause: str) -> bool:
    """A clause of a date alone (2022年11月18日; 自2020年1月1日起)."""
    return len(_DATE_FRAME.sub("", _CALENDAR_DATE.sub("", clause))) <= 1


def _ends_dated(clause: str) -> bool:
    """A clause ending with its date ("……电（记者 某某）11月18日上午"): the
    date leads into the clause after it."""
    last = list(_CALENDAR_DATE.finditer(clause))[-1]
    return len(_DATE_FRAME.sub("", clause[last.end():])) <= 1
# A province's own organs named short ("省防汛抗旱指挥部", "省政府"): the
# province a sentence speaks of when the question names one with its 省.
_PROVINCE_ORGAN = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[经由据]))省[\u4e00-\u9fff]{0,8}?(?:委|政府|人大|政协|厅|局|指挥部|办公室|中心)")


def _points_back(sentence: str, parties: list[str]) -> bool:
    """The sentence points back at a party named before it (该省, 该委), or
    names a province's own organ short where a province is asked of."""
    return bool(_ANAPHOR.search(sentence)) or (any(n.endswith("省") for n in parties)
                                               and bool(_PROVINCE_ORGAN.search(sentence)))


def _named_parties(info: QuestionInfo) -> list[str]:
    """The proper names a when question asks the date of an act of."""
    if info.intent != "date":
        return []
    return [compare_form(n) for n in proper_names_in(info.text) if len(n) >= 2]


def _asks_date_of(info: QuestionInfo) -> bool:
    """A when question about what a named party did ("日本政府承诺在哪一年……"):
    a date of the passage's other events is not its date."""
    return info.intent == "date" and bool(info.attribute) and info.attribute in proper_names_in(info.text)


def _value_test(info: QuestionInfo) -> Callable[[str], bool] | None:
    """What a sentence must carry to state the value ``info`` asks for, or
    None when the question asks for no value of a checkable kind."""
    if info.latin:
        return None
    if (many := _ASKS_N_THINGS.search(info.text)) is not None:
        return _enumerates(to_int(many.group(1)) or 2)
    if _asks_place(info.text) and not _RULES.search(info.text):
        return names_place
    if (person := _asked_person(info.text)) is not None:
        own = persons_named(info.text)
        return lambda sentence: names_person(sentence, person, own)
    if (body := _asked_body(info.text)) is not None:
        return lambda sentence: names_organisation(sentence, body)
    if (thing := _asked_name_of(info.text)) is not None:
        own = proper_names_in(info.text)
        return lambda sentence: names_one(sentence, thing, own)
    if info.intent in ("count", "duration", "what") and (measure := _measure_asked(info.text)) is not None:
        return measure
    if _ASKS_NUMBER.search(info.text):
        return _PHONE.search
    if _asks_clock(info.text):
        return _CLOCK.search
    if _ASKS_POST.search(info.text):
        return _names_post
    if _ASKS_TRADE.search(info.text) and (persons_named(info.text) or names_asked(info.text) or "职业" in info.text):
        # (Of a person named: "商标局工作人员不得从事什么工作" asks an activity.)
        own = frozenset(words(info.text))
        return lambda sentence: _names_trade(sentence, own)
    if _asks_rate(info.text):
        return _RATE.search
    if _ASKS_MODEL.search(info.text):
        return _MODEL.search
    if _ASKS_BRAND.search(info.text):
        return _BRAND.search
    if (org := _ASKS_ORGANISATION.search(info.text)) is not None:
        # (哪几家 asks the kind the question names: "那3家快递企业分别是哪几家".)
        kind = org.group(1) or next((k for k in _ORGANISATIONS if (info.attribute or "").endswith(k)), "单位")
        return lambda sentence: names_organisation(sentence, kind)
    if _SEVERAL.search(info.text):
        # Several things' values: each in the unit the question names
        # ("分别是多少钱"), whatever each thing is called.
        unit = asked_unit(info.text) if info.intent == "count" else None
        return unit.search if unit is not None else None
    pattern = _DURATION if info.intent == "duration" and _ASKS_TIME.search(info.text) else _VALUE.get(info.intent)
    if pattern is None or _WHICH.search(info.text):
        return None
    if info.intent == "count":
        # A date ("到2022年", "5月1日") is when, never how many.
        test = (asked_unit(info.text, info.attribute) or pattern).search
        return lambda sentence: bool(test(_CALENDAR_DATE.sub("", sentence)))
    return (asked_date(info.text) or pattern).search


# "……经理叫什么名字", "那位店员姓什么": a person's name is asked when the
# noun before the question word is a word for a person (a role, a kin, a
# trade): no sentence without a person's name states it, and a sentence
# naming that role states it only with a name in the role's clause ("馆长
# 邵文彬表示", not "馆长表示" with another's name in the next clause).
_ASKS_NAME = re.compile(r"([\u4e00-\u9fff]{1,6}?)[）)]?(?:的)?(?:名字)?(?:分别|各自)?(?:叫什么|叫啥|姓什么|名叫什么|姓名是什么|名字是什么"
                        r"|名称是什么|是谁)")
# Only these ask a thing's name ("那处矿山叫什么名字"); 是谁 asks a person.
_ASKS_THING_NAME = re.compile(r"(?:名字|名称)(?:是什么|叫什么)|叫什么名")
_PERSON_WORD = re.compile(r"(?:[人员师生长者手工官士主任民警客友姐哥叔姨爷奶妈爸]|导游|原告|被告|书记|经理|老板|司机|孩子"
                          r"|儿子|女儿|丈夫|妻子|母亲|父亲)$")
_CLAUSE = re.compile(r"[，,。；;：:！!？?]")


def _asked_body(text: str) -> str | None:
    """The kind of organisation whose name a question asks ("那家装修公司叫
    什么名字": 公司), or None."""
    m = _ASKS_NAME.search(text)
    if m is None:
        return None
    return next((kind for kind, ends in _ORGANISATIONS.items() if m.group(1).endswith(ends)), None)


def _asked_name_of(text: str) -> str | None:
    """The thing, neither a person nor an organisation of a known kind,
    whose name a question asks ("矿山" of "那处矿山叫什么名字"), or None."""
    m = _ASKS_NAME.search(text)
    if m is None or not _ASKS_THING_NAME.search(text, m.end(1)):
        return None
    word = next((w for start, w, _ in tagged_offsets(text) if start + len(w) == m.end(1)), "")
    return word if len(word) >= 2 and CJK_WORD.match(word) else None


def persons_named(text: str) -> frozenset[str]:
    """The persons a text names (王某, 邵文彬), as names_person reads them."""
    return frozenset(text[a:b] for a, b in _person_spans(text, tagged_offsets(text)))


def _asked_person(text: str) -> str | None:
    """The word for the person whose name a question asks ("经理" of "设备科
    经理叫什么名字"), or None when it asks no person's name."""
    m = _ASKS_NAME.search(text)
    if m is None or not _PERSON_WORD.search(m.group(1)):
        return None
    if m.group(0).endswith("是谁") and not names_asked(text) and not proper_names_in(text):
        # (是谁 of a role in general, 监护人是谁, asks who holds it: 父母.)
        return None
    # The word the question ends the role with, as it cuts the whole question
    # (文旅局 / 局长, not 局局长 of the phrase alone).
    word = next((w for start, w, _ in tagged_offsets(text) if start + len(w) == m.end(1)), "")
    return word if len(word) >= 2 else m.group(1)


def _person_spans(sentence: str, words: list[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """Where ``sentence`` names persons: a personal name (the tagger's: two
    to four characters, not a place it misreads as one, 鼓楼区; or a surname
    it cut from the given name, 邵 / 文彬, or tagged a morpheme of its own) or one made anonymous
    (王某)."""
    spans = [m.span() for m in PARTY.finditer(sentence)]
    for i, (start, w, flag) in enumerate(words):
        given = words[i + 1][1] if i + 1 < len(words) else ""
        # A surname the tagger left as a morpheme of its own (zg) is one.
        given_tag = words[i + 1][2] if i + 1 < len(words) else ""
        surname = flag.startswith("nr") or flag == "zg" and w in SURNAMES and given_tag.startswith(("a", "n"))
        if surname and not w.endswith(_PLACE_SUFFIXES) and (
                2 <= len(w) <= 4 and flag != "zg" or (len(w) == 1 and 1 <= len(given) <= 2 and CJK_WORD.match(given))):
            spans.append((start, start + len(w) + (len(given) if len(w) == 1 else 0)))
    return spans


_SPACING = re.compile(r"[ \u3000]+")
# Words for people met by chance, whom a text names by their age, trade or
# home instead ("72岁的张大爷"): any person named may be the one asked.
_ANYONE = frozenset("老人 老太太 大爷 大妈 居民 市民 村民 群众 男子 女子 女士 先生 小伙 姑娘 孩子 学生 游客 患者 乘客 "
                    "顾客 网友 读者 观众 家长 老师 职工 工人 员工".split())


def names_person(sentence: str, role: str | None = None, besides: frozenset[str] = frozenset()) -> bool:
    """The sentence names a person (_person_spans) other than those
    ``besides`` (the question's own: "被告蒋某的代理人是谁" is not answered
    by 蒋某); where the sentence names ``role``, in its clause (none where it
    names the role only inside another word). A common surname and a given
    name general Chinese lacks stands for a name right after the role,
    whatever the tagger calls it (馆长邵文彬)."""
    sentence = _SPACING.sub("", sentence)  # (a judgment spaces its posts out: 审　判　长　　俞建平)
    words = tagged_offsets(sentence)
    spans = [(a, b) for a, b in _person_spans(sentence, words) if sentence[a:b] not in besides]
    if not role or (role not in sentence and role in _ANYONE):
        return bool(spans)
    if role not in sentence and role[-2:] not in sentence:
        # A post or part asked ("项目经理", "代理律师") that the sentence does
        # not name: the person it names is another's.
        return False
    # The role as a word of its own or a word's head (总经理), not inside
    # another word (交警支队 names no traffic officer); or its last two
    # characters, where the segmenter cut the role otherwise in the question
    # (局局长 of 文旅局局长); else those characters where they stand, when
    # the segmenter cut the sentence across them (传承 / 人).
    roles = [(start, start + len(w)) for start, w, _ in words if w.endswith(role)] or \
        [(start, start + len(w)) for start, w, _ in words if len(role) > 2 and w.endswith(role[-2:])] or \
        [m.span() for m in re.finditer(re.escape(role[-2:]), sentence) if len(role) > 2]
    after = {start for start, w, flag in words if _surname_and_name(w, flag) and w not in besides}
    # (A role and its holder after a colon: 委托诉讼代理人：邱某.)
    if any(e in after or sentence[e:e + 1] in "：:" and any(a == e + 1 for a, _ in spans) for _, e in roles):
        return True
    named = {_clause_of(sentence, a) for a, _ in spans}
    # A clause going on without a subject of its own ("李明……，当选最有价值
    # 球员") says the role of the subject an earlier clause names.
    return any(c in named or _carries_subject(sentence, c) and min(named, default=c) < c
               for c in {_clause_of(sentence, r) for r, _ in roles})


# Words a clause may open with and still go on with the subject before it.
_GOING_ON = frozenset("他 她 其 并 也 还 又 同时 均 都 随后 后 后来 则 即 现 已 曾 此后 最终 最后".split())


def _carries_subject(sentence: str, clause: int) -> bool:
    """Clause number ``clause`` of ``sentence`` opens with a verb (after words
    that go on from before: 她也, 并): its subject is an earlier clause's."""
    return _opens_with_verb(_CLAUSE.split(sentence)[clause])


def _opens_with_verb(clause: str) -> bool:
    """The clause's first word, past words going on from before and adverbs
    (并正式通车), is a verb."""
    first = next(((w, flag) for w, flag in tagged(clause) if w not in _GOING_ON and flag not in ("d", "ad")), ("", ""))
    return first[1].startswith("v")


def _clause_of(sentence: str, offset: int) -> int:
    """Which clause of ``sentence`` (counted by clause marks) ``offset`` is in."""
    return len(_CLAUSE.findall(sentence, 0, offset))


def _surname_and_name(word: str, flag: str) -> bool:
    """A word of a common surname and a given name that general Chinese
    does not have, whatever the tagger calls it."""
    return len(word) in (2, 3) and word[0] in SURNAMES and CJK_WORD.match(word) is not None \
        and flag.startswith("n") and word_frequency(word) == 0


# The endings of places' names (六合区, 周庄镇, 中山路): a word the tagger reads
# as a person's name that ends so is a place.
_PLACE_SUFFIXES = tuple("省市区县镇乡村街路岛州")


# A telephone number asked ("抢修电话号码是多少") is a string of digits, not a
# count; a time of day asked ("几点赶到") a clock time, not a date.
_ASKS_NUMBER = re.compile(r"(?:号码|电话(?!费)|热线|手机号)(?:是|为)?(?:多少(?!钱)|几号|什么)")
_PHONE = re.compile(r"\d{3,4}-\d{5,8}|\d{3,}(?![\d.,]|\s*(?:个|件|人|次|元|万|亿|名|台|辆|家|条|项|%|％|年|月|日|天|小时|米|吨))")
_ASKS_CLOCK = re.compile(r"几点|几时几分|什么时刻")
_POINTS = re.compile(r"几点(?:要求|建议|意见|体会|看法|措施|原因|内容|理由|共识|启示|经验|想法|做法|收获|变化|不同|区别|注意|规定)")
_CLOCK = re.compile(rf"[\d{_N}]+\s*[时点](?:\s*[\d{_N}]+\s*分)?(?![钟间])|\d{{1,2}}:\d{{2}}|[\d{_N}]+\s*[时点]许")
# A post asked ("担任什么职务") is named by a word for one (局长, 主任,
# 书记, 委员); a rate ("按什么年利率", "利率是多少") by a share, a
# multiple or the market rate it is pegged to.
_ASKS_POST = re.compile(r"(?:什么|啥|哪个|哪一个)(?:职务|职位|官职|头衔)")
_POST = ("长", "书记", "主任", "主席", "委员", "经理", "总监", "秘书", "院士", "教授", "干部", "专员", "巡视员",
         "调研员", "总裁", "董事", "监事", "负责人", "代表", "法官", "检察官", "律师", "工程师")
# A trade asked ("是做什么工作的", "什么职业") is named by a word for one.
_ASKS_TRADE = re.compile(r"(?:做|干|从事)(?:什么|啥)(?:工作|职业)|(?:什么|啥)职业")
_TRADE_ENDS = ("员", "师", "工", "警", "官", "手", "匠")
_NO_TRADES = frozenset("人员 成员 会员 对手 器官 官员 员工 职工 手工".split())  # (a person's part, no trade)
_TRADES = frozenset("农民 无业 退休 个体 职员 司机 会计 律师 记者 护士 保安 厨师 老板 店主 学生 医生 商人 渔民 牧民 "
                    "个体工商户 自由职业".split())
_QUESTION_WORD = re.compile(r"什么|多少|多高|几")
_RATE = re.compile(rf"{_SHARE}|[千万]分之[{_N}]+|{_MULTIPLE}|LPR|贷款市场报价利率")


def _asks_rate(text: str) -> bool:
    """A rate asked ("按什么年利率", "千分之几"): the question word with a word
    ending in 率 (not 率先 of "多少个村率先")."""
    if re.search(r"[千万百]分之几", text):
        return True
    return bool(_QUESTION_WORD.search(text)) and any(len(w) >= 2 and w.endswith("率") for w in words(text))


def _asks_clock(text: str) -> bool:
    """A time of day asked ("几点赶到", "几点钟"), not points counted (几点要求,
    几点意见)."""
    return bool(_ASKS_CLOCK.search(text)) and not _POINTS.search(text)


def _names_trade(sentence: str, besides: frozenset[str]) -> bool:
    """A word for a trade or a post (教师, 司机, 技术员, 局长; 无业) other than
    the question's own words."""
    return any(w not in besides and w not in _NO_TRADES and len(w) >= 2
               and (w.endswith(_TRADE_ENDS) and flag.startswith("n") or w in _TRADES)
               for w, flag in tagged(sentence)) or _names_post(sentence)


def _names_post(sentence: str) -> bool:
    """A noun for a post (局长, 主任; not 增长, 延长)."""
    return any(w.endswith(_POST) and len(w) >= 2 and flag.startswith("n") for w, flag in tagged(sentence))


# A model asked ("什么型号") is a code (K9-200, A380; not 5G) or a numbered
# name (东方红三号; not a day, 3月1号); a brand ("什么牌子") a name with 牌,
# quoted or in Latin letters, not one made anonymous (某品牌), and not 牌照
# or 牌号; which company, hospital, school … ("哪家医院") an organisation
# of that kind with a name before it.
_ASKS_MODEL = re.compile(r"(?:什么|啥|哪个|哪一?款)型号")
_MODEL = re.compile(rf"[A-Za-z]+[-\s]?\d+|\d+[A-Za-z]{{2,}}|[\u4e00-\u9fff]{{1,4}}(?<![月日])[{NUMERAL_CHARS}\d]+号(?!楼|室|院|线)")
# (The register reads 牌子 as 商标: "是什么商标的" asks a brand too.)
_ASKS_BRAND = re.compile(r"(?:什么|啥|哪个|哪一?家)(?:牌子|品牌|牌(?![照号匾坊])|商标(?=的))")
_BRAND = re.compile(r"(?:[\u4e00-\u9fff]{1,6}|[A-Za-z][A-Za-z0-9]+)(?<!某)(?<!某品)牌(?![照子])|“[^”]{1,12}”|[A-Za-z]{2,}")
# The kinds of organisation asked, each with the endings of their names.
_NAMED_KINDS = {"公司": ("公司", "集团", "厂"), "企业": ("公司", "集团", "厂", "企业"), "工厂": ("厂", "公司", "集团"),
                  "厂家": ("厂", "公司", "集团"), "医院": ("院", "医院", "卫生院", "中心"), "银行": ("银行",),
                  "学校": ("大学", "学院", "学校", "中学", "小学", "幼儿园"), "商店": ("店", "商场", "超市"),
                  "法院": ("法院",), "平台": ("平台",), "大学": ("大学", "学院"), "学院": ("学院", "大学")}
# A body of any kind (哪家施工单位, 哪家经销商, 分别是哪几家): the endings of
# all kinds above and of public bodies.
_ORGANISATIONS = {**_NAMED_KINDS, "单位": (*dict.fromkeys(e for ends in _NAMED_KINDS.values() for e in ends),
                                           "政府", "局", "委", "厅", "署", "海关", "会", "社", "所", "站", "队", "馆", "商行",
                                           "合作社", "部门", "机关", "机构", "单位")}
# A public body's word of three or more characters names the one of its place
# (省政府, 知识产权局), where general Chinese has a word for it.
_PUBLIC_ENDS = ("政府", "局", "委", "厅", "院")
# Bodies a law names by function, not by name (向海关申请, 向仲裁机构申请): which
# one a question asks is answered so.
_FUNCTION_BODIES = ("海关", "总署", "机构", "部门", "机关")
_ASKS_ORGANISATION = re.compile(rf"(?:哪家|哪一家|哪个|哪所|哪一所)[\u4e00-\u9fff]{{0,4}}?({'|'.join(_ORGANISATIONS)})"
                                r"|(哪几?家)")
# Words before an organisation's kind that say what sort it is, not which
# one (中心小学, 乡镇卫生院, 当地医院).
_SORT_WORDS = frozenset("中心 乡镇 当地 附近 县级 市级 乡级 村级 大型 小型 民营 私立 公立 一家 一所 这家 那家 该 本".split())


def names_organisation(sentence: str, kind: str) -> bool:
    """The sentence names an organisation of ``kind`` (医院, 学校) by a
    name: a word ending as such names end, longer than the ending (第二人民
    医院; not a kind general Chinese has a word for, 物业公司, 师范大学, named
    if at all by the words before it: 西北师范大学), or the ending after a noun (市 / 妇幼保健院); not after a
    verb ("送往医院"), nor one introduced as unnamed ("一家县内大型茶业企业")."""
    ends = sorted(_ORGANISATIONS[kind], key=len, reverse=True)  # 卫生院 before 院
    words = tagged_offsets(sentence)
    for i, (_, word, flag) in enumerate(words):
        end = next((e for e in ends if word.endswith(e)), None)
        if end is None or _unnamed(words, i):
            continue
        # A kind general Chinese has a word for (物业公司, 有限公司) is named,
        # if at all, by the words before it.
        own = "" if word_frequency(word) and not flag.startswith(_PROPER) else word[:-len(end)]
        if own and "某" not in own and own not in _SORT_WORDS:
            return True
        if kind == "单位" and (len(word) >= 3 and word.endswith(_PUBLIC_ENDS) or word.endswith(_FUNCTION_BODIES)):
            return True
        before, tag = (words[i - 1][1], words[i - 1][2]) if i else ("", "")
        # (A verbal noun names it within a name only: 青禾资产 / 评估 / 有限公司,
        # not 经营 / 餐饮店.)
        named_by = tag.startswith(("n", "m", "j")) or tag == "vn" and i >= 2 and words[i - 2][2].startswith("n")
        if not own and len(before) >= 2 and named_by and before not in _SORT_WORDS:
            return True
    return False


# Tags of proper names and their subtags (nrfg, nrt).
_PROPER = tuple(PROPER_TAGS)
# A noun phrase opened so is one not named ("一家县内大型茶业企业", "某公司").
_INDEFINITE = re.compile(r"^(?:[一多几][家所处个座间位名]|某[家所处个]?|有的|其中一|若干|一些)$")


def _unnamed(words: list[tuple[int, str, str]], i: int, reach: int = 5) -> bool:
    """The noun ending at word ``i`` is introduced as an unnamed one: an
    indefinite stands among the few words before it, with no verb or
    clause mark between."""
    for _, w, flag in reversed(words[max(0, i - reach):i]):
        if _INDEFINITE.match(w):
            return True
        if flag.startswith(("v", "x", "p", "u")):
            return False
    return False


_NAME_IN_MARKS = re.compile(r"“([^“”]{1,20})”|《([^《》]{1,40})》")


def names_one(sentence: str, thing: str, besides: frozenset[str] = frozenset()) -> bool:
    """The sentence names one ``thing`` by a name (a name asked of a thing,
    "那处矿山叫什么名字"): a quoted or titled name, a proper name right before
    it (青石矿山) or a word ending with it that general Chinese lacks
    (石岭矿山), not introduced as unnamed (一处矿山); a name the question
    itself gives (``besides``) names nothing new."""
    if any((a or b) not in besides for a, b in _NAME_IN_MARKS.findall(sentence)):
        return True  # (定名为“书香满城”, 《……法》)
    words = tagged_offsets(sentence)
    for i, (_, w, flag) in enumerate(words):
        if not w.endswith(thing) or _unnamed(words, i):
            continue
        own = w[:-len(thing)]
        if own and not word_frequency(w) and own not in besides:
            return True
        before, tag = (words[i - 1][1], words[i - 1][2]) if i else ("", "")
        if not own and before not in besides and (tag.startswith(_PROPER) and len(before) >= 2 or before.endswith(("”", "》"))):
            return True
    return False


def _enumerates(n: int) -> Callable[[str], bool]:
    """A sentence enumerating ``n`` things, or the lead-in of a list."""
    return lambda sentence: len(_ITEM_SEP.findall(sentence)) >= n - 1 or bool(LEAD_IN.search(sentence))


def _asks_place(text: str) -> bool:
    """"位于哪个城市", "哪个省": the place asked is a word of its own, not
    the start of another ("哪个市场监督管理部门", "哪个省级部门")."""
    bounds = word_bounds(text)
    return "位于哪" in text or any(m.end() in bounds for m in _ASKS_PLACE.finditer(text))


def names_place(sentence: str) -> bool:
    """The sentence names a place: a province of China or a country, or a
    word jieba tags a place name (兰州, 中山市)."""
    return bool(_PLACE_NAME.search(sentence)) or any(flag == "ns" and len(w) >= 2 and not w.endswith(_PLACE_KINDS)
                                                     for w, flag in tagged(sentence))


# A thing a question names by a compound noun of four characters or more
# ("注册资本", "人工智能"): two-character nouns are often a reader's word
# for what a document words otherwise (高校 for 高等院校).
MIN_THING_CHARS = 4


def things_not_in(point: str, terms: tuple[str, ...], document_form: str,
                  library_uses: Callable[[str], bool]) -> list[str]:
    """The things a question about one named document asks of it that the
    document never mentions though the library does ("商标法对商标代理机构
    的注册资本有什么要求": 商标法 never says 注册资本): the document does not
    regulate them. Nouns of the question's ``point`` (its words without the
    document's name), as the tagger reads them; words for the kind of value
    asked ("最低标准") name no thing. ``document_form``: the document's
    text in comparison form."""
    nouns = {w for w, tag in tagged(point) if tag.startswith("n")}
    return [t for t in terms if t in nouns and len(t) >= MIN_THING_CHARS and not names_a_kind_of_value(t)
            and library_uses(t) and compare_form(t) not in document_form]


# The state itself, which national texts name in full (中华人民共和国).
_THE_STATE = frozenset(("中国", "中华", "我国", "中华人民共和国"))


def names_elsewhere(question: str, quoted_documents: Iterable[str], library_uses: Callable[[str], bool],
                    library_city: Callable[[str], bool]) -> list[str]:
    """The places and names a question names (泰州, 六合区; 卢某, “老街茶庄”)
    that none of the quoted documents mentions though another
    document of the library does: the quotes speak of another place, party
    or thing, and what the question asks of the one it names is not stated
    ("泰州……每个补助多少" answered by 扬州's figure, "卢某家的房子多大" by
    another judgment's flat). A place is a word the tagger reads as one that
    ends as a place's name (六合区, 周庄镇) or that the library names a city
    or county by (``library_city``: 泰州 of 泰州市, whatever the tagger calls
    it); it is looked for without its ending (南京市 in a text that says
    南京). A name is a person's (anonymised or the tagger's) or a quoted one.
    Provinces and countries are left to the qualifiers and the
    named-document checks. ``quoted_documents``: the quoted documents'
    texts (title and all) in comparison form."""
    forms = list(quoted_documents)
    out = []
    for w, core in (*_places_named(question, library_city), *((n, n) for n in names_asked(question))):
        if w not in out and library_uses(core) and not any(compare_form(core) in f for f in forms):
            out.append(w)
    return out


def _places_named(question: str, library_city: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(place, its name without its ending) of the places ``question`` names."""
    out = []
    for w, flag in tagged(question):
        core = w[:-1] if len(w) >= 3 and w.endswith(_PLACE_SUFFIXES) else w
        if len(core) < 2 or w.startswith(_NOT_A_PLACE) or _PLACE_NAME.fullmatch(core) \
                or core in _THE_STATE or w.endswith(_PLACE_KINDS):
            continue
        if (flag == "ns" and core != w) or (flag.startswith("n") and library_city(core)):
            out.append((w, core))
    return out


_QUOTED_NAME = re.compile(r"“([^“”]{2,12})”")


def names_asked(question: str) -> list[str]:
    """The persons and quoted names ``question`` names (other proper nouns
    as the tagger reads them are as often terms: a prize, a fee)."""
    named = {*persons_asked(question), *_QUOTED_NAME.findall(question), *_organisations_named(question)}
    return sorted(named, key=question.find)


# The endings of organisations' names a question names one by (青禾食品公司).
_BODY_ENDS = ("公司", "集团", "厂", "医院", "银行", "大学", "学院", "中学", "小学", "超市", "商场", "酒店")


def _organisations_named(question: str) -> list[str]:
    """The own names of organisations a question names: a proper noun or a
    word general Chinese lacks, up to two words before an organisation's
    ending (青禾 of 青禾食品公司; not 智能 of 智能科技公司, nor 锦绣 of
    锦绣花园物业公司)."""
    words = tagged_offsets(question)
    out = []
    for i, (_, w, _) in enumerate(words):
        if not w.endswith(_BODY_ENDS):
            continue
        for _, before, flag in reversed(words[max(0, i - 2):i]):
            if not CJK_WORD.fullmatch(before) or flag.startswith(("v", "p", "u", "r", "m")):
                break
            if len(before) >= 2 and (flag in ("nz", "nt") or not word_frequency(before)) \
                    and not PARTY.search(before) and before not in _SORT_WORDS:
                out.append(before)
                break
    return out


def persons_asked(question: str) -> list[str]:
    """The persons ``question`` names, as names_asked reads them."""
    return sorted((p for p in persons_named(question) if _reads_as_person(p)), key=question.find)


def _reads_as_person(name: str) -> bool:
    """A person's name as the tagger found it that reads as one: made
    anonymous (王某), or a surname and a given name that do not start a word
    of general Chinese (not a fee or a ruling's name, which the tagger may call
    names)."""
    if PARTY.fullmatch(name):
        return True
    return name[0] in SURNAMES and len(name) in (2, 3) and (len(name) == 2 or not word_frequency(name[:2]))


# Words that start no place's name (各省市, 全市, 本县).
_NOT_A_PLACE = tuple("各全本该我外")
