"""Pure rendering helpers: everything from users, documents or the database
reaches the page escaped; citations and highlights point at the right text."""
from __future__ import annotations

import pytest

from app import texts as T
from app.ui import render as R

XSS = "<img src=x onerror=alert(1)>"


def _answer(**kw) -> dict:
    text = "abcdefghij全年申请专利达到了2178件。后文"
    citation = {"n": 1, "chunk_id": "c1", "doc": "政策 文件.txt", "section": "一、总体要求 › 一是要",
                "text": text, "start": 100, "end": 100 + len(text),
                "score": 0.1, "highlights": [[110, 110 + len("全年申请专利达到了2178件。")]]}
    base = {"question": "去年申请了多少？", "answer": "根据讲话原文：\n全年申请专利达到了2178件。 [1]",
            "refused": False, "mode": "extractive", "citations": [citation]}
    return {**base, **kw}


def test_esc_escapes_html_quotes_and_dollar() -> None:
    assert R.esc(XSS) == "&lt;img src=x onerror=alert(1)&gt;"
    assert R.esc('"a" & $x$') == "&quot;a&quot; &amp; &#36;x&#36;"


def test_user_question_is_shown_as_text() -> None:
    html = R.user_html(XSS + "\n第二行")
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;<br>第二行" in html


def test_marked_uses_absolute_offsets() -> None:
    html = R.marked("0123456789", 100, [(102, 104), (108, 120)])
    assert html == "01<mark>23</mark>4567<mark>89</mark>"


def test_marked_escapes_inside_and_outside_marks() -> None:
    text = "a<b>c<script>"
    assert R.marked(text, 0, [(1, 4)]) == "a<mark>&lt;b&gt;</mark>c&lt;script&gt;"


def test_marked_shades_passage_and_ignores_out_of_range_marks() -> None:
    html = R.marked("abcdef", 10, [(0, 5), (12, 13)], passage=(11, 14))
    assert html == 'a<span class="pqa-in-passage">b</span><span class="pqa-in-passage"><mark>c</mark></span>' \
                   '<span class="pqa-in-passage">d</span>ef'


def test_answer_markers_link_to_their_source() -> None:
    answer = _answer()
    html = R.answer_html(answer)
    key = R.cite_key(answer["citations"][0])
    assert f'href="{R.CITE_PREFIX}{key}"' in html
    assert ">[1]</a>" in html
    assert "全年申请专利达到了2178件。" in html


def test_compared_documents_stand_side_by_side_in_a_table() -> None:
    sides = [{"document": "《甲市条例》", "lines": ["第九条：", "并处五百元罚款。 [1]"], "silent": False},
             {"document": "《乙市条例》" + XSS, "lines": [], "silent": True}]
    html = R.answer_html(_answer(answer="……", sides=sides))
    assert '<table class="pqa-table pqa-sides">' in html
    assert "<th>《甲市条例》</th>" in html and "<img" not in html  # titles are escaped
    assert "第九条：<br>并处五百元罚款。" in html and ">[1]</a>" in html
    assert f"<td>{T.UI_SIDE_SILENT}</td>" in html
    # without sides, or refused, the text as written
    assert "<table" not in R.answer_html(_answer())


def test_unknown_marker_and_refusal_are_not_links() -> None:
    html = R.answer_html(_answer(answer="某句 [7]"))
    assert "pqa-cite" not in html and "[7]" in html
    refusal = _answer(answer=T.REFUSAL_TEXT, refused=True)
    assert "pqa-cite" not in R.answer_html(refusal)
    assert "pqa-refusal" in R.answer_html(refusal)


def test_sources_show_section_and_marked_sentences() -> None:
    html = R.sources_html(_answer())
    assert "一、总体要求 › 一是要" in html
    assert "<mark>全年申请专利达到了2178件。</mark>" in html
    assert R.sources_title(_answer()) == T.UI_SOURCES_PANEL.format(n=1)
    assert R.sources_title(_answer(refused=True)) == T.UI_RELATED_PANEL.format(n=1)


def test_document_text_with_html_is_escaped_everywhere() -> None:
    answer = _answer()
    answer["citations"][0]["text"] = XSS
    answer["citations"][0]["section"] = XSS
    answer["answer"] = XSS + " [1]"
    for html in (R.answer_html(answer), R.sources_html(answer)):
        assert "<img" not in html
        assert "&lt;img" in html


def test_cite_key_round_trip_with_unicode_and_separators_in_name() -> None:
    citation = _answer()["citations"][0] | {"doc": "a:b c/政策%.txt"}
    ref = R.parse_cite_key(R.cite_key(citation))
    assert ref == R.CiteRef("a:b c/政策%.txt", 100, citation["end"], ((110, 125),))


@pytest.mark.parametrize("key", [None, 5, "", "x", "d:5-1:", "d:1-5:9-3", "d:1-5:a-b", "d:1-5:1-2," + "x" * 3000,
                                 '"><script>:1-2:'])
def test_malformed_cite_keys_are_rejected(key: object) -> None:
    assert R.parse_cite_key(key) is None


def test_document_view_lays_out_sections_and_marks_the_cited_sentence() -> None:
    text = "文件标题\n开场白一句。\n一、第一部分标题。\n第一段正文。被引用的句子。\n二、第二部分。\n<b>粗体</b>不渲染。\n"
    start = text.index("被引用的句子。")
    ref = R.CiteRef("d.txt", text.index("第一段正文。"), start + len("被引用的句子。"),
                    ((start, start + len("被引用的句子。")),))
    outline, body = R.document_html("d.txt", {"title": "文件标题", "text": text}, ref)
    assert '<h2 class="pqa-doc-title">文件标题</h2>' in body
    assert "一、第一部分标题" in outline and "二、第二部分" in outline and T.OPENING_SECTION in outline
    assert "<mark>被引用的句子。</mark>" in body
    assert body.count('id="pqa-cited"') == 1
    assert body.index('id="pqa-cited"') < body.index("<mark>")
    assert "<b>" not in body and "&lt;b&gt;粗体&lt;/b&gt;" in body


def test_notice_is_escaped_and_empty_stays_empty() -> None:
    assert R.notice_html("") == ""
    assert "&lt;img" in R.notice_html(XSS)


def _item(**kw):
    from types import SimpleNamespace

    base = dict(kind="choice", prompt="成立了____。", options=["<b>领导小组</b>", "省委"], answer="<b>领导小组</b>",
                source="省政府成立了<b>领导小组</b>。", doc="d.txt", section="一、形势", start=10, end=25,
                explanation="")
    return SimpleNamespace(**{**base, **kw})


def test_quiz_items_are_escaped_and_link_to_their_source() -> None:
    html = R.quiz_html([_item()], {"choice": "选择题"})
    assert "<b>" not in html and "&lt;b&gt;领导小组&lt;/b&gt;" in html
    assert "A. " in html and "B. 省委" in html and "[选择题]" in html
    key = R.cite_key({"doc": "d.txt", "start": 10, "end": 25, "highlights": [(10, 25)]})
    assert f'href="{R.CITE_PREFIX}{key}"' in html
    assert R.parse_cite_key(key) == R.CiteRef("d.txt", 10, 25, ((10, 25),))
    assert T.UI_TRAINER_NO_ITEMS in R.quiz_html([], {})


def test_class_mode_reveals_answer_and_marked_source_only_on_request() -> None:
    hidden = R.class_item_html(_item(), 2, 5, revealed=False)
    assert T.UI_TRAINER_PROGRESS.format(n=2, total=5) in hidden
    assert "成立了____。" in hidden and "<mark>" not in hidden and T.UI_TRAINER_ANSWER not in hidden
    shown = R.class_item_html(_item(), 2, 5, revealed=True)
    assert "<mark>省政府成立了&lt;b&gt;领导小组&lt;/b&gt;。</mark>" in shown and T.UI_TRAINER_ANSWER in shown


def test_facts_sheet_marks_the_fact_in_its_sentence() -> None:
    from types import SimpleNamespace

    fact = SimpleNamespace(kind="figure", label="专利申请", text="2178件", sentence="全年申请专利<达到>了2178件。",
                           doc="d.txt", section="一、形势", start=3, end=20)
    html = R.facts_html([fact], {"figure": "数据"})
    assert "<td>数据</td>" in html and "<mark>2178件</mark>" in html and "&lt;达到&gt;" in html
    assert R.CITE_PREFIX in html
    assert T.UI_TRAINER_NO_FACTS in R.facts_html([], {})
