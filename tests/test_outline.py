"""Structural questions answered from a document's headings: the pure
resolver on a hand-made document, and the pipeline on the speech."""
from __future__ import annotations

import pytest

from app.chunking import chunk_document
from app.corpus import Document
from app.numerals import to_int as ordinal_value
from app.outline import build_outlines, resolve

NOTICE = """关于做好社区服务工作的通知

各街道：
现将有关事项通知如下。
一、提高认识，明确目标
社区服务关系群众切身利益。各街道要高度重视。
二、完善措施，抓好落实
（一）加强队伍建设
要配齐社区工作人员，定期开展培训。
（二）健全服务网络
要建立街道、社区两级服务网络。
（三）强化经费保障
服务经费列入年度预算。
三、加强督查
区政府将开展专项督查。
"""


@pytest.fixture(scope="module")
def outline():
    d = Document("notice.txt", NOTICE, "utf-8", "0")
    chunks = chunk_document(d, target_chars=60)
    outlines = build_outlines(chunks, {d.doc_id: d.text})
    return NOTICE, outlines[d.doc_id]


def labels(text: str, headings) -> list[str]:
    return [text[h.start:h.end] for h in headings]


@pytest.mark.parametrize("token,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),
                                         ("7", 7), ("两", 2), ("是", None), ("", None)])
def test_ordinal_value(token, value):
    assert ordinal_value(token) == value


def test_outline_has_parts_and_points_in_order(outline):
    text, headings = outline
    assert labels(text, headings) == ["一、提高认识，明确目标", "二、完善措施，抓好落实", "（一）加强队伍建设",
                                      "（二）健全服务网络", "（三）强化经费保障", "三、加强督查"]
    assert [h.depth for h in headings] == [0, 0, 1, 1, 1, 0]


@pytest.mark.parametrize("question,expected", [
    ("第二部分的标题是什么？", ["二、完善措施，抓好落实"]),
    ("通知第三部分的题目叫什么", ["三、加强督查"]),
    ("第二部分部署了哪几项工作？", ["（一）加强队伍建设", "（二）健全服务网络", "（三）强化经费保障"]),
    ("第二部分一共有几项措施？", ["（一）加强队伍建设", "（二）健全服务网络", "（三）强化经费保障"]),
    ("最后一项是什么？", ["（三）强化经费保障"]),
    ("第二部分第二项的标题是什么？", ["（二）健全服务网络"]),
    ("通知分为几个部分？", ["一、提高认识，明确目标", "二、完善措施，抓好落实", "三、加强督查"]),
    # a part named by quoted words of its heading
    ("“完善措施”这部分部署了哪几项工作？", ["（一）加强队伍建设", "（二）健全服务网络", "（三）强化经费保障"]),
])
def test_structural_questions_resolve_to_headings(outline, question, expected):
    text, headings = outline
    assert labels(text, resolve(question, headings).headings) == expected


@pytest.mark.parametrize("question,expected,count", [
    ("第二部分一共有几项措施？", ["（一）加强队伍建设", "（二）健全服务网络", "（三）强化经费保障"], (3, "项")),
    ("第二部分部署了哪几项工作？", ["（一）加强队伍建设", "（二）健全服务网络", "（三）强化经费保障"], None),
    # Both how many and which one: that one, and the count of its siblings.
    ("第二部分一共有几项措施？最后一项是什么？", ["（三）强化经费保障"], (3, "项")),
    ("通知一共分为几个部分？", ["一、提高认识，明确目标", "二、完善措施，抓好落实", "三、加强督查"], (3, "个部分")),
])
def test_a_count_asked_is_stated(outline, question, expected, count):
    text, headings = outline
    resolved = resolve(question, headings)
    assert labels(text, resolved.headings) == expected
    assert ((resolved.count, resolved.measure) if resolved.count else None) == count


@pytest.mark.parametrize("question", [
    "社区服务经费从哪里来？",  # a topic, not a place in the outline
    "第五部分的标题是什么？",  # no such part
    "《民法典》第六十五条规定的是什么？",  # an article of another text
    "第一部分讲了什么？",  # content of a part without points: retrieval answers
    "第二部分第一项要做哪些事？",  # content of a point: retrieval answers
    "“加强”这部分有哪几项？",  # quoted words of several parts' headings name none
])
def test_other_questions_are_left_to_retrieval(outline, question):
    assert resolve(question, outline[1]).headings == []


def test_pipeline_answers_structure_from_headings(pipeline):
    answer = pipeline.ask("讲话第二部分的标题是什么？")
    assert not answer.refused
    (cite,) = answer.citations
    (a, b), = cite.highlights
    heading = pipeline.index.docs[cite.doc]["text"][a:b]
    assert heading.startswith("二、") and heading.rstrip("。") in answer.answer
    assert answer.answer.endswith("[1]")


def test_pipeline_lists_the_points_of_a_part(pipeline):
    answer = pipeline.ask("讲话第二部分部署了哪几项重点工作？")
    lines = answer.answer.splitlines()[1:]
    assert len(lines) == len(answer.citations) >= 2
    assert all(line.endswith(f"[{n}]") for n, line in enumerate(lines, start=1))


def test_pipeline_states_the_count_and_quotes_the_point_asked(pipeline):
    answer = pipeline.ask("讲话第二部分一共部署了几项重点工作？最后一项是什么？")
    lead, count, *quoted = answer.answer.splitlines()
    assert lead.startswith("根据《") and count == "共六项，所问的是："
    (cite,) = answer.citations
    assert quoted[-1].startswith("六是") and quoted[-1].endswith("[1]")


LAW = """某市绿地管理条例

第一章 总则
第一条 为了加强绿地管理，制定本条例。
第二条 本条例适用于本市行政区域。
第二章 管理
第三条 绿化管理部门负责绿地的日常管理。
第四条 任何单位不得擅自占用公共绿地。
第五条 擅自占用公共绿地的，责令限期退还。
"""

FLAT_LAW = """某市绿地管理规定

第一条 为了加强绿地管理，制定本规定。
第二条 任何单位不得擅自占用公共绿地。
第三条 本规定自公布之日起施行。
"""


def _outline_of(text: str, name: str):
    d = Document(name, text, "utf-8", "0")
    return build_outlines(chunk_document(d, target_chars=60), {d.doc_id: text})[d.doc_id]


def test_the_parts_of_a_law_are_its_chapters_and_its_articles_are_no_parts():
    law = _outline_of(LAW, "条例.txt")
    assert labels(LAW, resolve("条例分为几个部分？", law).headings) == ["第一章 总则", "第二章 管理"]
    chapter = resolve("第二章一共有几条？最后一条是什么？", law)
    assert labels(LAW, chapter.headings) == ["第五条 擅自占用公共绿地的，责令限期退还。"]
    assert (chapter.count, chapter.measure) == (3, "条")
    # a law without chapters has no parts to count
    assert resolve("规定分为几个部分？", _outline_of(FLAT_LAW, "规定.txt")).headings == []


@pytest.mark.parametrize("terms,part", [
    (("督查", "费用"), "三、加强督查"),  # only the third part speaks of 督查
    (("提高认识", "督查"), None),  # two parts named: the question is about neither alone
    (("服务",), None),  # the whole text speaks of 服务: no part's word
    (("预算",), None),  # in a body, no heading: names no part
])
def test_a_part_is_named_by_a_word_its_heading_alone_holds_and_the_rest_never_uses(outline, terms, part):
    from app.outline import named_part

    text, headings = outline
    found = named_part(terms, headings, text)
    assert (found[-1] if found else None) == part
