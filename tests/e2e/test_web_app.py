"""The web app in a real browser: ask, follow a citation, refuse, rate,
build a quiz and download it, upload a document, and HTML shown as text."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from docx import Document as Docx
from pypdf import PdfReader

from app import texts as T

QUESTION = "去年全省申请了多少件专利？"


def test_answer_streams_with_markers_and_sources(app) -> None:
    app.page.set_viewport_size({"width": 1280, "height": 1250})  # room for the screenshot below
    app.ask(QUESTION)
    answer = app.page.locator("#pqa-chatbot .pqa-answer").last
    assert "2178" in answer.inner_text()
    markers = answer.locator("a.pqa-cite")
    assert markers.count() >= 1 and markers.first.inner_text() == "[1]"
    app.page.locator("#pqa-suggestions").wait_for()  # the last step of the answer's event chain
    panel = app.page.locator("#pqa-chatbot .message.thought").last
    assert panel.inner_text().startswith("来源")
    panel.locator("button").first.click()  # unfold the sources panel
    source = app.page.locator("#pqa-chatbot .pqa-source").first
    source.wait_for()
    assert source.locator("mark").count() >= 1
    assert "2178" in source.locator("mark").first.inner_text()
    app.page.wait_for_timeout(400)  # let the panel finish unfolding
    app.page.evaluate("() => window.scrollTo(0, 0)")
    app.screenshot("chat_with_sources", full_page=False)


def test_compared_documents_stand_side_by_side_in_a_table(library_app) -> None:
    library_app.ask("河南和宁波的条例对职务发明的奖金分别怎么规定？")
    table = library_app.page.locator("#pqa-chatbot .pqa-answer table.pqa-sides").last
    table.wait_for()
    headers = table.locator("th").all_inner_texts()
    assert headers == ["《河南省专利保护条例》", "《宁波市专利管理条例》"]
    cells = table.locator("td")
    assert cells.count() == 2 and cells.nth(0).locator("a.pqa-cite").count() >= 1
    library_app.screenshot("comparison_side_by_side", full_page=False)


def test_citation_opens_viewer_scrolled_to_highlighted_sentence(app) -> None:
    app.ask(QUESTION)
    marker = app.page.locator("#pqa-chatbot .pqa-answer a.pqa-cite").first
    marker.click()
    mark = app.page.locator("#pqa-viewer mark").first
    mark.wait_for()
    assert "2178" in mark.inner_text()
    app.page.wait_for_function(
        "() => { const r = document.querySelector('#pqa-viewer mark').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }")
    assert app.page.locator("#pqa-outline li").count() >= 3
    app.screenshot("source_viewer")


def test_answer_copies_as_text_and_exports_to_word(app) -> None:
    app.ask(QUESTION)
    app.page.locator("#pqa-export").get_by_text(T.UI_COPY_EXPORT).click()
    app.page.locator("#pqa-copy").click()
    plain = app.page.locator("#pqa-plain textarea")
    app.page.wait_for_function("() => document.querySelector('#pqa-plain textarea').value.includes('2178')")
    assert plain.input_value().startswith(f"问：{QUESTION}") and f"—— {T.EXPORT_SOURCES} ——" in plain.input_value()
    app.page.locator("#pqa-export-docx").click()
    link = app.page.locator("#pqa-export-file a[download$='.docx']")
    with app.page.expect_download() as info:
        link.click()
    text = "\n".join(p.text for p in Docx(info.value.path()).paragraphs)
    assert QUESTION in text and T.EXPORT_SOURCES in text and "2178" in text


def test_out_of_scope_question_is_refused_with_related_passages(app) -> None:
    app.ask("火星基地的建设预算是多少？")
    assert T.REFUSAL_TEXT in app.page.locator("#pqa-chatbot .pqa-refusal").last.inner_text()
    assert app.page.locator("#pqa-chatbot .message.thought").last.inner_text().startswith("可能相关")


def test_rating_and_comment_are_stored_in_sqlite(app, app_root: Path) -> None:
    app.ask(QUESTION)
    # The page runs in Chinese, where Gradio labels the thumbs 赞/踩.
    app.page.locator("#pqa-chatbot button:is([aria-label='赞'], [aria-label='Like']):visible").last.click()
    app.page.locator("#pqa-notice .pqa-info").wait_for()
    app.page.locator("#pqa-comment textarea").fill("<b>很有帮助</b>")
    app.page.locator("#pqa-comment-send").click()
    app.page.get_by_text(T.UI_FEEDBACK_COMMENT_SAVED).wait_for()
    with sqlite3.connect(app_root / "data" / "feedback.sqlite3") as conn:
        rating, comment, question, answer, mode = conn.execute(
            "SELECT rating, comment, question, answer, mode FROM feedback ORDER BY id DESC LIMIT 1").fetchone()
    assert (rating, comment, question, mode) == (1, "<b>很有帮助</b>", QUESTION, "extractive")
    assert "2178" in answer
    app.page.get_by_role("tab", name=T.UI_TAB_ADMIN).click()
    app.page.locator("#pqa-feedback-refresh").click()
    cell = app.page.locator("#pqa-feedback-table td", has_text="很有帮助").first
    assert cell.inner_text() == "<b>很有帮助</b>"  # shown as text, not bold markup


def _download(app, name: str) -> bytes:
    link = app.page.locator(f"#pqa-quiz-files a[download='{T.TRAINER_QUIZ_TITLE}_{name}']")
    with app.page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def test_quiz_builds_downloads_and_runs_in_class_mode(app) -> None:
    app.page.get_by_role("tab", name=T.UI_TAB_TRAINER).click()
    app.build_quiz(5)
    first = app.page.locator("#pqa-quiz .pqa-quiz-item").first
    assert app.page.locator("#pqa-quiz .pqa-quiz-item").count() == 5
    app.page.locator("#pqa-quiz-files a[download$='.pdf']").first.wait_for()
    app.screenshot("trainer")
    prompt = first.locator("div").first.inner_text().split("]", 1)[1].strip()
    probe = prompt.replace(T.TRAINER_BLANK, "")[:8]
    docx = Docx(io.BytesIO(_download(app, f"{T.UI_TRAINER_FILE_KEY}.docx")))
    assert probe in "\n".join(p.text for p in docx.paragraphs)
    pdf = PdfReader(io.BytesIO(_download(app, f"{T.UI_TRAINER_FILE_STUDENT}.pdf")))
    pdf_text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "").replace("\n", "")
    assert probe.replace(" ", "") in pdf_text
    app.page.locator("#pqa-class-panel").get_by_text(T.UI_TRAINER_CLASS).click()
    app.page.locator("#pqa-class-reveal").click()
    app.page.locator("#pqa-class mark").wait_for()
    assert T.UI_TRAINER_PROGRESS.format(n=1, total=5) in app.page.locator("#pqa-class").inner_text()


def test_uploaded_document_becomes_answerable(app) -> None:
    doc = Docx()
    doc.add_paragraph("智慧农业试点方案")
    doc.add_paragraph("一、工作目标")
    doc.add_paragraph("到明年底，全县建成智慧农业示范基地十二个。")
    buf = io.BytesIO()
    doc.save(buf)
    app.page.get_by_role("tab", name=T.UI_TAB_ADMIN).click()
    app.page.locator("#pqa-upload-file input[type=file]").set_input_files(
        files=[{"name": "智慧农业.docx", "mimeType": "application/octet-stream", "buffer": buf.getvalue()}])
    app.page.locator("#pqa-upload").click()
    app.page.get_by_text("索引已更新").wait_for(timeout=120_000)
    assert "智慧农业.txt" in app.page.locator("#pqa-documents").inner_text()
    app.page.get_by_role("tab", name=T.UI_TAB_CHAT).click()
    app.ask("全县建成智慧农业示范基地多少个？")
    assert "十二个" in app.page.locator("#pqa-chatbot .pqa-answer").last.inner_text()
    app.page.locator("#pqa-chatbot .message.thought button").last.click()
    # Sources name the document by its own title, not its file name.
    assert "《智慧农业试点方案》" in app.page.locator("#pqa-chatbot .pqa-sources").last.inner_text()


def test_bad_upload_is_refused_with_a_message(app) -> None:
    app.page.get_by_role("tab", name=T.UI_TAB_ADMIN).click()
    app.page.locator("#pqa-upload-file input[type=file]").set_input_files(
        files=[{"name": "passwd", "mimeType": "text/plain", "buffer": b"root:x:0:0"}])
    app.page.locator("#pqa-upload").click()
    app.page.locator("#pqa-upload-status .pqa-error").wait_for()
    assert "不支持这种文件" in app.page.locator("#pqa-upload-status").inner_text()


def test_html_in_question_is_shown_as_text_and_fires_nothing(app) -> None:
    xss = "<img src=x onerror=alert(1)>"
    app.ask(xss)
    user = app.page.locator("#pqa-chatbot .pqa-user").last
    assert user.inner_text() == xss
    assert app.page.locator("#pqa-chatbot .pqa-msg img").count() == 0
    app.page.wait_for_timeout(500)
    assert app.dialogs == []


def test_phone_layout_with_large_text(phone) -> None:
    phone.page.locator("#pqa-large-toggle input").check()
    phone.page.wait_for_function("() => document.documentElement.classList.contains('pqa-large')")
    phone.ask(QUESTION)
    width = phone.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400  # nothing forces sideways scrolling on a phone
    phone.screenshot("phone_large_text")


def _regulation(body_figure: str, date: str) -> bytes:
    doc = Docx()
    for line in ("专利导航工作规定", f"{date} 施行", f"第一条 全市建成专利导航服务平台{body_figure}个。",
                 "第二条 本规定由市知识产权局负责解释。", "第三条 本规定自公布之日起施行。"):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _choose_document(app, text: str) -> None:
    box = app.page.locator("#pqa-manage-doc input")
    box.click()
    box.fill(text)
    app.page.get_by_role("option", name=text, exact=False).first.click()


def test_documents_are_replaced_by_a_new_version_and_deleted(app) -> None:
    admin = app.page.get_by_role("tab", name=T.UI_TAB_ADMIN)
    admin.click()
    app.page.locator("#pqa-upload-file input[type=file]").set_input_files(
        files=[{"name": "导航规定.docx", "mimeType": "application/octet-stream",
                "buffer": _regulation("五", "2020年1月1日")}])
    app.page.locator("#pqa-upload").click()
    app.page.get_by_text("索引已更新").wait_for(timeout=120_000)
    # A new version beside the old one: the old one is marked superseded.
    _choose_document(app, "专利导航工作规定")
    app.page.locator("#pqa-replace-file input[type=file]").set_input_files(
        files=[{"name": "导航规定2025.docx", "mimeType": "application/octet-stream",
                "buffer": _regulation("八", "2025年1月1日")}])
    app.page.locator("#pqa-replace").click()
    app.page.locator("#pqa-upload-status").get_by_text(T.UI_DOC_KEPT).wait_for(timeout=120_000)
    app.page.locator("#pqa-upload-status").get_by_text("索引已更新").wait_for(timeout=120_000)
    table = app.page.locator("#pqa-documents").inner_text()
    assert "已被修订" in table and "现行" in table
    app.page.get_by_role("tab", name=T.UI_TAB_CHAT).click()
    app.ask("全市建成专利导航服务平台多少个？")
    assert "八个" in app.page.locator("#pqa-chatbot .pqa-answer").last.inner_text()  # the current version
    # Deleting the old version leaves the new one, no longer a version of anything.
    admin.click()
    _choose_document(app, "2020-01-01")
    app.page.locator("#pqa-delete").click()
    app.page.locator("#pqa-upload-status").get_by_text(T.UI_DOC_DELETED.format(name="导航规定.txt")).wait_for(
        timeout=120_000)
    app.page.locator("#pqa-upload-status").get_by_text("索引已更新").wait_for(timeout=120_000)
    table = app.page.locator("#pqa-documents").inner_text()
    assert "导航规定.txt" not in table and "导航规定2025.txt" in table and "已被修订" not in table
    app.screenshot("admin_documents")
