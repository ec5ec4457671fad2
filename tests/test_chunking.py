"""Structure detection and chunk offsets on the real speech and on small
hand-made documents."""
from __future__ import annotations

import re

import pytest

from app.chunking import chunk_document, detect_structure, split_sentences
from app.corpus import Document, load_corpus
from app.settings import Settings
from app.texts import CLOSING_SECTION, OPENING_SECTION

CORPUS = Settings().corpus_dir  # the session's copy of the test corpus


def doc(text: str, name: str = "t.txt") -> Document:
    return Document(name, text, "utf-8", "0")


@pytest.fixture(scope="module")
def speech() -> Document:
    docs, issues = load_corpus(CORPUS)
    assert not issues
    return docs[0]


def test_split_sentences_keeps_decimals_and_closing_quotes():
    text = "签约金额达1.09亿元;成功举办了“活动。”下一句！Last one. End"
    parts = [text[s.start:s.end] for s in split_sentences(text)]
    assert parts == ["签约金额达1.09亿元;", "成功举办了“活动。”", "下一句！", "Last one.", "End"]


def test_structure_of_the_speech(speech: Document):
    title, paragraphs = detect_structure(speech)
    assert title and "讲话" in title
    sections = [p.section for p in paragraphs]
    assert sections[0] == (OPENING_SECTION,)
    level1 = sorted({s[0] for s in sections if s[0] not in (OPENING_SECTION, CLOSING_SECTION)})
    assert [x[:2] for x in level1] == ["一、", "二、"]
    points = [s[1] for s in sections if len(s) == 2]
    assert [p[:2] for p in dict.fromkeys(points)] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert sections[-1] == (CLOSING_SECTION,)


@pytest.mark.parametrize("target,overlap", [(60, 0), (200, 0), (200, 1), (400, 0)])
def test_chunk_offsets_round_trip(speech: Document, target: int, overlap: int):
    chunks = chunk_document(speech, target, overlap)
    assert chunks
    for c in chunks:
        assert speech.text[c.start:c.end] == c.text
        for a, b in c.sentences:
            assert c.start <= a < b <= c.end
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_every_sentence_is_in_some_chunk(speech: Document):
    title, paragraphs = detect_structure(speech)
    covered = {s for c in chunk_document(speech, 200, 0) for s in c.sentences}
    for p in paragraphs:
        for s in p.sentences:
            assert (s.start, s.end) in covered


def test_no_chunk_crosses_a_heading(speech: Document):
    heading = re.compile(r"\n(?:[一二三四五六七八九十]+、|[一二三四五六七八九十]+是)")
    for c in chunk_document(speech, 400, 1):
        assert not heading.search(c.text), c.text[:40]
        assert len({tuple(c.section)}) == 1


def test_chunk_ids_are_stable(speech: Document):
    a = [c.chunk_id for c in chunk_document(speech)]
    b = [c.chunk_id for c in chunk_document(speech)]
    assert a == b


def test_generic_numbering_styles():
    text = ("关于做好某项工作的通知\n各单位：\n第一部分 总体要求\n（一）指导思想。坚持问题导向。\n"
            "（二）基本原则。依法依规。\n第二部分 重点任务\n1. 完善制度。建立台账。\n同志们，大家辛苦了。")
    title, paragraphs = detect_structure(doc(text))
    assert title == "关于做好某项工作的通知"
    paths = [p.section for p in paragraphs]
    assert ("第一部分 总体要求", "（一）指导思想") in paths
    assert ("第二部分 重点任务", "1. 完善制度") in paths
    assert paths[-1] == (CLOSING_SECTION,)


def test_long_sentence_is_never_split():
    sentence = "这是一个很长的句子" * 40 + "。"
    chunks = chunk_document(doc("标题\n" + sentence + "短句。"), target_chars=50)
    assert any(c.text.startswith(sentence) for c in chunks)


def test_fullwidth_spaces_and_crlf_do_not_break_offsets(tmp_path):
    raw = "标题\r\n\u3000\u3000一、总体要求。\r\n\u3000\u3000要加强领导。要落实责任。\r\n"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    docs, _ = load_corpus(tmp_path)
    chunks = chunk_document(docs[0], 200)
    assert all(docs[0].text[c.start:c.end] == c.text for c in chunks)
    assert all(not c.text.startswith("\u3000") for c in chunks)


def test_structural_context_names_parts_and_points(speech: Document):
    chunks = chunk_document(speech)
    title = chunks[0]
    assert title.section == ["标题"] and speech.text[title.start:title.end] == title.text
    for c in chunks:
        if len(c.section) == 2 and c.section[1].startswith("三是"):
            assert "第二部分" in c.context and "第三点" in c.context
        assert c.context not in c.text  # context is indexed, never part of the quoted text


@pytest.mark.parametrize("sentence,name", [
    ("2.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见。", True),  # an attachment
    ("附件：1.国土资源部关于巴东县马鬃山村地质险情调研情况的报告。", True),
    ("关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告", True),  # a title in the text
    ("同意你省意见。", False),  # a reply's decision names no document
    ("建议你省按照专家组意见，做好长期监测工作。", False),  # a clause: it says something
    ("第二条 本条例所称专利代理，是指专利代理机构接受委托办理专利事务的行为。", False),
])
def test_a_line_that_only_names_a_document_is_told_apart(sentence, name):
    from app.chunking import names_a_document

    assert names_a_document(sentence) is name


def test_title_lines_are_the_lines_that_stand_alone():
    from app.chunking import title_lines

    text = ("国务院办公厅关于印发两个规定的通知\n各省、自治区、直辖市人民政府：\n现将两个规定印发给你们，请认真贯彻执行。\n"
            "\n  进一步支持文化企业发展的规定  \n一、财政税收\n（一）……\n第一百四十八条 国务院专利行政部门制定专利审查指南。")
    assert title_lines(text) == ["国务院办公厅关于印发两个规定的通知", "进一步支持文化企业发展的规定", "一、财政税收", "（一）……"]
