"""Conversation export: plain text, Markdown with footnotes, Word with a
numbered source list per answer."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document as Docx

from app import texts as T
from app.exporting import answer_text, conversation_docx, conversation_markdown

TEXT = "前文。全年申请专利达到了2178件。<b>授权</b>专利1047件。"


def _answer(question: str = "去年申请了多少件专利？", refused: bool = False) -> dict:
    start = 40
    hl = (start + TEXT.index("全年"), start + TEXT.index("<b>"))
    return {"question": question, "refused": refused, "mode": "extractive",
            "answer": T.REFUSAL_TEXT if refused else "根据讲话原文：\n全年申请专利达到了2178件。 [1]\n<b>授权</b>专利1047件。 [2]",
            "citations": [{"n": 1, "doc": "a.txt", "section": "一、形势", "text": TEXT, "start": start,
                           "end": start + len(TEXT), "highlights": [] if refused else [list(hl)]},
                          {"n": 2, "doc": "a.txt", "section": "二、重点", "text": "<b>授权</b>专利1047件。",
                           "start": 200, "end": 218, "highlights": [] if refused else [[200, 218]]}]}


def test_plain_text_has_question_answer_and_numbered_sources() -> None:
    text = answer_text(_answer())
    assert text.startswith("问：去年申请了多少件专利？\n答：根据讲话原文：")
    assert f"—— {T.EXPORT_SOURCES} ——" in text
    assert "[1] a.txt · 一、形势\n    " + TEXT in text
    assert f"—— {T.EXPORT_RELATED} ——" in answer_text(_answer(refused=True))


def test_markdown_turns_markers_into_footnotes_and_escapes_html() -> None:
    md = conversation_markdown([_answer(), _answer("火星上有人吗？", refused=True)], now=datetime(2025, 1, 2, 3, 4))
    assert "2025-01-02 03:04" in md
    assert "全年申请专利达到了2178件。 [^1-1]" in md
    assert "[^1-1]: a.txt · 一、形势：“全年申请专利达到了2178件。”" in md
    assert "[^1-2]:" in md
    assert "<b>" not in md and "\\<b\\>授权\\</b\\>" in md
    assert "## 问题 2：火星上有人吗？" in md
    assert "[^2-" not in md and T.EXPORT_RELATED in md


def test_docx_has_questions_superscript_markers_and_bold_cited_sentences(tmp_path: Path) -> None:
    weird = _answer("控制字符\x07也不出错<img src=x>")
    path = conversation_docx([weird, _answer(refused=True)], tmp_path / "out" / "对话.docx")
    doc = Docx(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert any(t == "问题 1：控制字符也不出错<img src=x>" for t in texts)
    assert "全年申请专利达到了2178件。 [1]" in texts
    assert texts.count(T.EXPORT_SOURCES) == 1 and texts.count(T.EXPORT_RELATED) == 1
    assert "[1] a.txt · 一、形势" in texts and TEXT in texts
    markers = [r for p in doc.paragraphs for r in p.runs if r.text == "[1]"]
    assert markers and all(r.font.superscript for r in markers)
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "全年申请专利达到了2178件。" in bold
