"""Uploads into the corpus: file types, validation messages, safe names,
and the background re-index that makes a new document answerable."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as Docx

from app import texts as T
from app.ingest import UploadError, ingest, safe_name
from app.reindex import Reindexer
from app.settings import Settings

TEXT = "新能源汽车推广办法\n一、总体要求\n到明年底，全市累计推广新能源汽车五千辆。\n"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "existing.txt").write_text("原有文件。\n", encoding="utf-8")
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index", data_dir=tmp_path / "data",
                    upload_max_bytes=50_000)


def _corpus(settings: Settings) -> set[str]:
    return {p.name for p in settings.corpus_dir.iterdir()}


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    from app.trainer.pdf import find_font

    font, face = find_font(Settings().trainer_font_paths)
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font), collection_font_number=face)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    for line in text.splitlines():
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", ("passwd", "")),
    ("..\\..\\windows\\报告.TXT", ("报告", ".txt")),
    ("/abs/path/政策 文件(2024).docx", ("政策_文件(2024)", ".docx")),
    ("....txt", ("", ".txt")),
    ("<script>.md", ("script", ".md")),
    ("", ("", "")),
])
def test_safe_name_keeps_only_the_last_component(name: str, expected: tuple[str, str]) -> None:
    assert safe_name(name) == expected


def test_utf8_text_is_written_into_the_corpus(settings: Settings) -> None:
    saved = ingest(settings, "新能源.txt", TEXT.encode("utf-8"))
    assert saved.path == settings.corpus_dir.resolve() / "新能源.txt"
    assert saved.path.read_text(encoding="utf-8") == TEXT and saved.chars == len(TEXT)
    assert _corpus(settings) == {"existing.txt", "新能源.txt"}


def test_gb18030_and_crlf_become_utf8_with_newlines(settings: Settings) -> None:
    saved = ingest(settings, "gbk.md", TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert saved.path.suffix == ".md"
    assert saved.path.read_bytes() == TEXT.encode("utf-8")


def test_traversal_names_cannot_leave_the_corpus(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="不支持这种文件"):
        ingest(settings, "../../etc/passwd", b"root:x:0:0")
    saved = ingest(settings, "../../outside.txt", TEXT.encode("utf-8"))
    assert saved.path.parent == settings.corpus_dir.resolve()
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize("name, raw, message", [
    ("a.exe", b"MZ", "不支持这种文件"),
    ("....txt", b"abc", "文件名无效"),
    ("empty.txt", b"", "文件是空的"),
    ("blank.txt", "  \n\u3000\n".encode("utf-8"), "是空的"),
    ("big.txt", "字".encode("utf-8") * 20_000, "文件过大"),
    ("bin.txt", b"\x00\x01\x02binary", "不是文本文件"),
    ("bad.txt", "文字".encode("utf-8") + b"\x81\x20" * 5, "既不是 UTF-8 也不是 GB18030|不是文本文件"),
    ("existing.txt", TEXT.encode("utf-8"), "已有同名文件 existing.txt"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX 文件可能已损坏"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF 文件可能已损坏"),
])
def test_bad_uploads_are_refused_with_a_message_and_change_nothing(settings: Settings, name: str, raw: bytes,
                                                                    message: str) -> None:
    before = {p: p.read_bytes() for p in settings.corpus_dir.iterdir()}
    with pytest.raises(UploadError, match=message):
        ingest(settings, name, raw)
    assert {p: p.read_bytes() for p in settings.corpus_dir.iterdir()} == before


def test_docx_paragraphs_and_tables_are_extracted(settings: Settings) -> None:
    doc = Docx()
    for line in TEXT.strip().split("\n"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "五千辆"
    buf = io.BytesIO()
    doc.save(buf)
    saved = ingest(settings, "办法.docx", buf.getvalue())
    assert saved.path.name == "办法.txt"
    text = saved.path.read_text(encoding="utf-8")
    assert "到明年底，全市累计推广新能源汽车五千辆。" in text and "指标\t五千辆" in text


def test_docx_without_text_is_refused(settings: Settings) -> None:
    buf = io.BytesIO()
    Docx().save(buf)
    with pytest.raises(UploadError, match="没有文字内容"):
        ingest(settings, "empty.docx", buf.getvalue())


def test_pdf_with_selectable_text_is_extracted(settings: Settings) -> None:
    saved = ingest(settings, "办法.pdf", _pdf(TEXT))
    text = saved.path.read_text(encoding="utf-8")
    assert "全市累计推广新能源汽车五千辆" in text.replace(" ", "")


def test_pdf_without_text_layer_is_refused(settings: Settings) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a "scan": drawing only, no text
    with pytest.raises(UploadError, match="没有可选取的文字"):
        ingest(settings, "scan.pdf", bytes(pdf.output()))


def test_reindex_in_background_makes_the_upload_answerable(tmp_path: Path) -> None:
    from app.pipeline import Pipeline
    from ui_support import isolated_settings

    settings = isolated_settings(tmp_path)
    pipeline = Pipeline(settings)
    old_index = pipeline.index
    ingest(settings, "新能源.txt", TEXT.encode("utf-8"))
    reindexer = Reindexer(pipeline)
    assert reindexer.start()
    assert not reindexer.start()  # one at a time
    # The old index keeps answering while the new one is built.
    assert pipeline.ask("去年全省申请了多少件专利？").citations
    reindexer.wait(timeout=300)
    status = reindexer.status()
    assert not status.running and status.error == "" and status.runs == 1 and status.total > 0
    assert pipeline.index is not old_index and "新能源.txt" in pipeline.documents
    answer = pipeline.ask("全市累计推广新能源汽车多少辆？")
    assert not answer.refused and answer.citations[0].doc == "新能源.txt"
