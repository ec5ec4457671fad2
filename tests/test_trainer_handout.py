"""Handouts: Markdown, Word and PDF read back with their own libraries."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from app import texts as T
from app.settings import Settings
from app.trainer import FontMissing, Quiz, build_quiz, quiz_to_docx, quiz_to_markdown, quiz_to_pdf
from app.trainer.pdf import find_font

SPEECH = "gansu_ip_conference_speech.txt"


@pytest.fixture(scope="module")
def quiz(tmp_path_factory: pytest.TempPathFactory) -> Quiz:
    from app.pipeline import Pipeline

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(Settings().corpus_dir / SPEECH, corpus / SPEECH)
    pipeline = Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index")))
    return build_quiz(pipeline, None, 9, seed=5)


def _compact(text: str) -> str:
    return "".join(text.split())


def test_markdown_questions_options_and_key(quiz: Quiz) -> None:
    plain = quiz_to_markdown(quiz, with_answers=False).replace("\\", "")
    keyed = quiz_to_markdown(quiz, with_answers=True).replace("\\", "")
    assert plain.startswith(f"# {quiz.title}")
    assert T.TRAINER_ANSWER_KEY not in plain and T.TRAINER_ANSWER_KEY in keyed
    for item in quiz.items:
        assert item.prompt in plain
        assert all(o in plain for o in item.options)
        assert item.source in keyed and item.section in keyed


def test_docx_reads_back(quiz: Quiz, tmp_path: Path) -> None:
    path = quiz_to_docx(quiz, tmp_path / "quiz.docx", with_answers=True)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert quiz.title in text and T.TRAINER_ANSWER_KEY in text
    for item in quiz.items:
        assert item.prompt in text and item.source in text


def test_pdf_embeds_a_chinese_font(quiz: Quiz, tmp_path: Path) -> None:
    path = quiz_to_pdf(quiz, tmp_path / "quiz.pdf", with_answers=True)
    reader = PdfReader(str(path))
    text = _compact("".join(page.extract_text() for page in reader.pages))
    # Chinese characters come back only when the glyphs are embedded with a
    # usable character map.
    assert _compact(quiz.title) in text
    for item in quiz.items:
        assert _compact(item.prompt) in text
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded(f) for f in fonts)


def _embedded(font) -> bool:
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    return "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_pdf_without_a_chinese_font_says_so(quiz: Quiz, tmp_path: Path) -> None:
    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"not a font")
    with pytest.raises(FontMissing) as err:
        quiz_to_pdf(quiz, tmp_path / "x.pdf", True, font_paths=(not_a_font, tmp_path / "missing.ttc"))
    assert str(err.value) == T.ERR_TRAINER_NO_FONT
    assert not (tmp_path / "x.pdf").exists()


def test_font_search_skips_fonts_without_chinese(tmp_path: Path) -> None:
    latin = next(Path("/usr/share/fonts/truetype/dejavu").glob("DejaVuSans.ttf"), None)
    if latin is None:
        pytest.skip("DejaVu fonts not installed")
    with pytest.raises(FontMissing):
        find_font((latin,))
    found, _ = find_font((latin, *Settings().trainer_font_paths))
    assert found != latin
