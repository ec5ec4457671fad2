"""What a court decided, as against what a party asked or argued.

A judgment tells both: the parties' claims and defences (某公司辩称……,
张某某要求……承担赔偿责任) and the court's finding (……不予支持, 法院认为……
无效). A question whether something holds (能要回来吗, 法院会支持吗, 有效
还是无效, 这说得通吗) is answered by the finding; a claim quoted for it
answers the opposite of what the court said as often as not."""
from __future__ import annotations

import re

# Asking whether something holds, or what a court made of it (not naming a
# court or an arbitration as the topic: "仲裁时效是多久").
_ASKS_RULING = re.compile(
    r"支持吗|会支持|能不能|能否|可以吗|可不可以|算不算|合法吗|违法吗|有效吗|无效吗|有效还是无效|说得通|"
    r"[能可][^，,。？?]{0,12}吗[？?]?\s*$|有没有权|有权[^，,。？?]{0,8}吗|怎么看|"
    r"(?:法院|二审|一审|仲裁委)[^，,。？?]{0,6}(?:认为|认定|怎么|如何)|为什么[^，,。？?]{0,6}(?:认定|认可|支持|驳回|无效|有效)|"
    r"怎么判|如何判|判了?什么|有什么问题|法院[^，,。？?]{0,20}(?:吗|没有|了没)[？?]?\s*$|判[^，,。？?]{0,10}吗[？?]?\s*$")
# A why or how question about a case asks the court's reasons.
_REASONS_ASKED = ("why", "how")
# A pleading reported in the parties' own words, and the claims a plaintiff
# lists ("原告……提出诉讼请求：1.判令被告……", "2.判令二被告支付利息……").
_PLEADED = re.compile(r"(?:诉|辩|上诉|答辩)称|诉讼请求[：:]|^\s*\d+[.．、]\s*(?:判令|请求|要求)")
# A court's words for its finding.
_RULING = re.compile(
    r"法院|本院|仲裁委|判决|判令|裁定|裁决|驳回|(?:不予|予以|应予|依法|应当)支持|不予|认定|不影响|应属|属于?无效|"
    r"无效|有效|于法无据|缺乏(?:事实|法律)|违反|有权|无权|应当承担|应承担|不承担|负有")
# A party to a case as published judgments name it: by role, or by a name
# the publication made anonymous (张某某, 某物业公司).
_PARTY = (r"(?:原告|被告|上诉人|被上诉人|申请人|被申请人|第三人|[\u4e00-\u9fff]某某?|"
          r"某[\u4e00-\u9fff]{1,10}?(?:公司|局|办|政府|中心|医院|学校|银行|广场|店|馆))")
# A party's claim or defence reported: what it asked or argued.
_POSITION = re.compile(rf"{_PARTY}[^，,。；;：:]{{0,10}}?(?:诉称|辩称|上诉称|答辩称|主张|请求|要求|认为|提出|起诉|申请)")


# A court's finding stated in a judgment's own words.
_FINDING = re.compile(r"(?:不予|予以|应予|依法|应当)支持|驳回|判决|判令|裁定|(?:法院|本院|二审|一审)[^，,。]{0,8}认为|应属|"
                      r"不影响|于法无据|缺乏(?:事实|法律)")


# Where a judgment states its view of the pleadings.
_COURT_VIEW = re.compile(r"(?:法院|本院|二审|一审|再审)[^，,。]{0,8}认为|判决如下|裁定如下|判决[：:]|(?:不予|予以|应予)支持|"
                         r"驳回[^，,。]{0,10}诉讼请求")


def states_finding(sentence: str) -> bool:
    """Whether a sentence states what a court found or decided (a claim's
    判令 is the plaintiff's)."""
    return bool(_FINDING.search(sentence)) and not _PLEADED.search(sentence)


def reports_positions(text: str) -> bool:
    """Whether a document reports parties' pleadings and a court's view of
    them: a judgment or a published case (a statute's 申请人……请求 is none)."""
    return bool(_PLEADED.search(text)) and bool(_COURT_VIEW.search(text))


def asks_for_ruling(question: str, intent: str = "") -> bool:
    """Whether a question asks what holds in law or what a court found, or
    (``intent`` why or how) its reasons."""
    return intent in _REASONS_ASKED or bool(_ASKS_RULING.search(question))


def states_position(sentence: str) -> bool:
    """Whether a sentence only reports what a party claimed or argued: its
    pleading reported (……辩称：……不应承担赔偿责任), or its request or view
    in a sentence that says nothing of what the court made of it."""
    return bool(_PLEADED.search(sentence)) or bool(_POSITION.search(sentence)) and not _RULING.search(sentence)
