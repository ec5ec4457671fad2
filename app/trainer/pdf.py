"""PDF handouts with an embedded Chinese font."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from .. import texts as T
from ..settings import get_settings
from .handout import Block, quiz_blocks
from .quiz import Quiz

# A font qualifies when it draws these characters.
_PROBE = "中文测验对错"
_SIZES = {"title": 18, "heading": 14}
_INDENT = {"option": 8, "source": 8}
_FAMILY = "cjk"


class FontMissing(RuntimeError):
    """No usable Chinese font; the message is for the user."""


def _has_glyphs(font: TTFont) -> bool:
    cmap = font.getBestCmap() or {}
    return all(ord(ch) in cmap for ch in _PROBE)


@lru_cache(maxsize=16)
def _usable(path: Path) -> int | None:
    """Index of the first face of the file that draws Chinese, or None."""
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            faces = TTCollection(str(path), lazy=True).fonts
        else:
            faces = [TTFont(str(path), lazy=True)]
    except Exception:  # unreadable or not a font: try the next path
        return None
    return next((i for i, f in enumerate(faces) if _has_glyphs(f)), None)


def find_font(paths: tuple[Path, ...]) -> tuple[Path, int]:
    """The first configured font file (and face) with Chinese glyphs."""
    for path in map(Path, paths):
        if path.is_file():
            face = _usable(path)
            if face is not None:
                return path, face
    raise FontMissing(T.ERR_TRAINER_NO_FONT)


def blocks_to_pdf(blocks: list[Block], path: str | Path, font_paths: tuple[Path, ...]) -> Path:
    font, face = find_font(font_paths)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font(_FAMILY, fname=str(font), collection_font_number=face)
    pdf.add_page()
    for b in blocks:
        size = _SIZES.get(b.style, 11)
        pdf.set_font(_FAMILY, size=size)
        pdf.set_x(pdf.l_margin + _INDENT.get(b.style, 0))
        if b.style in _SIZES:
            pdf.ln(2)
        # Chinese has no spaces between words: wrap at any character.
        pdf.multi_cell(0, size * 0.55, b.text, align="C" if b.style == "title" else "L",
                       wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    path = Path(path)
    pdf.output(str(path))
    return path


def quiz_to_pdf(quiz: Quiz, path: str | Path, with_answers: bool,
                font_paths: tuple[Path, ...] | None = None) -> Path:
    """``font_paths`` defaults to the ``trainer_font_paths`` setting."""
    paths = font_paths if font_paths is not None else get_settings().trainer_font_paths
    return blocks_to_pdf(quiz_blocks(quiz, with_answers), path, paths)
