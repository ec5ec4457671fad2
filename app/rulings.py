"""What a court decided, as against what a party asked or argued.

A judgment tells both: the parties' claims and defences (某公司辩称……,
张某某要求……承担赔偿责任) and the court's finding (……不予支持, 法院认为……
无效). A question whether something holds (能要回来吗, 法院会支持吗, 有效
还是无效, 这说得通吗) is answered by the finding; a claim quoted for it
answers the opposite of what the court said as often as not."""
from __future__ import annotations

import re
from functools import lru_cache

from .numerals import NUMERAL_CHARS

# Asking whether something holds, or what a court made of it (not naming a
# court or an arbitration as the topic: "仲裁时效是多久").
_ASKS_RULING = re.compile(
    r"支持吗|会支持|能不能|能否|可以吗|可不可以|算不算|合法吗|违法吗|有效吗|无效吗|有效还是无效|说得通|"
    r"[能可][^，,。？?]{0,12}吗[？?]?\s*$|有没有权|有权[^，,。？?]{0,8}吗|怎么看|"
    r"(?:法院|二审|一审|仲裁委)[^，,。？?]{0,6}(?:认为|认定|怎么|如何)|为什么[^，,。？?]{0,6}(?:认定|认可|支持|驳回|无效|有效)|"
    r"怎么判|如何判|判了?什么|有什么问题|法院[^，,。？?]{0,20}(?:吗|没有|了没)[？?]?\s*$|判[^，,。？?]{0,10}吗[？?]?\s*$|"
    # what the court ordered ("法院最后判……付多少", "法院让谁赔")
    r"(?:法院|本院)[^，,。？?]{0,6}(?:判|让|酌定)")
# A why or how question about a case asks the court's reasons.
_REASONS_ASKED = ("why", "how")
# A pleading reported in the parties' own words, the grounds a plaintiff
# gives (事实和理由：……, ……故诉至法院), a prosecution's charge or a defence's
# plea (检察院指控, 辩护人提出) and the claims it lists ("原告……提出
# 诉讼请求：1.判令被告……", "（二）判令二被告支付利息……").
_PLEADED = re.compile(rf"(?:诉|辩|上诉|答辩)称|诉讼请求[：:]|事实(?:和|与)理由[：:]|诉至(?:法院|本院)|(?:检察院|公诉机关)指控|辩护人提出|^\s*(?:\d+[.．、]|[（(]?[{NUMERAL_CHARS}]+[）)、])\s*(?:判令|请求|要求)",
                      re.MULTILINE)
# Words only a court uses of what it makes of the pleadings: its view, its
# decision, its acceptance or rejection of a claim.
# (A party asks for a dismissal, 请求驳回, and appeals against 一审判决.)
_COURT = (r"(?:法院|本院|仲裁委)[^，,。]{0,8}(?:认为|判决|裁定|改判)|(?:一审|二审|再审)(?:法院)?认为|二审改判|判决如下|"
          r"裁定如下|^判决|遂判决|(?:不予|予以|应予|依法)(?:支持|采信|采纳)|(?<!请求)(?<!要求)驳回|于法无据|"
          r"缺乏(?:事实|法律)(?:根据|依据)")
_COURT_SPEAKS = re.compile(_COURT)
# Further words of a finding, which a party may use too ("……不能认定为真实
# 意思表示", "……不影响……的认定").
# A court's order (……于本判决生效之日起十日内支付……) too: a claim asks for one
# in its own words (判令被告支付……).
# A criminal judgment's sentence (被告人某某犯盗窃罪，判处有期徒刑……) too.
_FINDING = re.compile(rf"{_COURT}|不影响|应属|不能认定|应当认定|应认定|本判决(?:生效|发生法律效力)之日起"
                      r"|犯[\u4e00-\u9fff]{1,15}罪[，,]?(?:判处|免予)")
# A party as published judgments name it: by role (a criminal case's
# prosecution and defence too), or by a name the publication made anonymous
# (张某某, 某公司, 某物业公司; not 对某些).
_PARTY = (r"(?:原告|被告人?|上诉人|被上诉人|申请人|被申请人|第三人|公诉机关|(?:人民)?检察院|辩护人|[\u4e00-\u9fff]某+(?!些)|"
          r"某[\u4e00-\u9fff]{0,10}?(?:公司|局|办|政府|中心|医院|学校|银行|店|馆))")
# A party's claim or defence reported: what it asked or argued.
# (A prosecution charges and proposes a sentence, a defence pleads: 指控, 建议判处, 辩护.)
_POSITION = re.compile(rf"{_PARTY}[^，,。；;：:]{{0,10}}?(?:诉称|辩称|上诉称|答辩称|主张|请求|要求|认为|提出|起诉|申请|不服"
                       r"|指控|建议|辩护)")


def states_finding(sentence: str) -> bool:
    """Whether a sentence states what a court found or decided: the court
    speaks (……被告辩称……，本院不予采信), or a finding's words stand in no
    pleading (a claim's 判令 is the plaintiff's)."""
    return bool(_COURT_SPEAKS.search(sentence)) or bool(_FINDING.search(sentence)) and not states_position(sentence)


@lru_cache(maxsize=512)  # a document's whole text, asked of every why or how question
def reports_positions(text: str) -> bool:
    """Whether a document reports parties' pleadings and a court's view of
    them: a judgment or a published case (a statute's 申请人……请求 is none)."""
    return bool(_PLEADED.search(text)) and bool(_COURT_SPEAKS.search(text))


def asks_for_ruling(question: str, intent: str = "") -> bool:
    """Whether a question asks what holds in law or what a court found, or
    (``intent`` why or how) its reasons."""
    return intent in _REASONS_ASKED or bool(_ASKS_RULING.search(question))


def states_position(sentence: str) -> bool:
    """Whether a sentence only reports what a party claimed or argued: its
    pleading reported (……辩称：……不应承担赔偿责任), or its request or view
    in a sentence that says nothing of what the court made of it."""
    if _COURT_SPEAKS.search(sentence):
        return False
    return bool(_PLEADED.search(sentence) or _POSITION.search(sentence))
