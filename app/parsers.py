"""One registry of document formats: file extension -> text. The corpus
loader and the upload panel both read through it, so a .docx dropped into
a knowledge-base folder and one uploaded in the web app become the same text.

Text extracted from .docx and .pdf is hard-wrapped at the page's line width;
``unwrap`` joins such lines back into paragraphs before anything splits
sentences, so the stored text (which every offset points into) never has a
line break inside a sentence."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Callable

from . import texts as T


class ParseError(ValueError):
    """A document that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class Parsed:
    text: str
    encoding: str  # of a text file; the format's name otherwise


_NUM = "一二三四五六七八九十百千零〇两"
# A line that opens a unit of structure never continues the line before it.
_STARTS_UNIT = re.compile(
    rf"^\s*(?:第[{_NUM}\d]+[编章节条款]|[{_NUM}]+[、．.]|[（(][{_NUM}\d]+[）)]|\d+[、．.)）](?!\d)|附[件则]"
    r"|[-•·●■◆]\s)")
# A line that ends a sentence, a heading-like colon, or a table row.
_ENDS_UNIT = re.compile(r"[。！？；：!?;:…”」』）)]\s*$|\t")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines: a line break is kept only where the line
    ends a sentence (or a colon-introduced lead), where the next line opens
    a structural unit (第X条, 一、, （一）, 1.), or at a blank line. Chinese
    lines join without a space; Latin words keep one."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and not _ENDS_UNIT.search(out[-1]) \
                and not _STARTS_UNIT.match(line) and len(out[-1].strip()) > 12:
            prev = out[-1].rstrip()
            nxt = line.strip()
            glue = " " if prev[-1:].isascii() and prev[-1:].isalnum() and nxt[:1].isascii() else ""
            out[-1] = prev + glue + nxt
        else:
            out.append(line)
    return "\n".join(out)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 with or without BOM, else GB18030, the two
    encodings Chinese offices use; raises UnicodeDecodeError, or ValueError
    for binary content."""
    if b"\x00" in raw:
        raise ValueError("binary")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "gb18030"


def _plain(raw: bytes, name: str) -> Parsed:
    try:
        text, encoding = decode_bytes(raw)
    except UnicodeDecodeError as exc:  # a ValueError too: must come first
        raise ParseError(T.ERR_FILE_ENCODING.format(name=name)) from exc
    except ValueError as exc:
        raise ParseError(T.ERR_FILE_BINARY.format(name=name)) from exc
    return Parsed(text, encoding)


def _docx(raw: bytes, name: str) -> Parsed:
    from docx import Document as Docx

    try:
        doc = Docx(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise ParseError(T.ERR_UPLOAD_BROKEN.format(kind="DOCX", name=name)) from exc
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        # A table row reads as one line, its cells separated by tabs.
        lines += ["\t".join(cell.text.strip() for cell in row.cells) for row in table.rows]
    text = unwrap("\n".join(lines))
    if not text.strip():
        raise ParseError(T.ERR_UPLOAD_NO_TEXT.format(name=name))
    return Parsed(text, "docx")


def _pdf(raw: bytes, name: str) -> Parsed:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(T.ERR_UPLOAD_PDF_ENCRYPTED.format(name=name))
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ParseError(T.ERR_UPLOAD_BROKEN.format(kind="PDF", name=name)) from exc
    text = unwrap("\n".join(pages))
    if not text.strip():
        # No text layer: a scan. OCR would need a model this install does not ship.
        raise ParseError(T.ERR_UPLOAD_PDF_NO_TEXT.format(name=name))
    return Parsed(text, "pdf")


PARSERS: dict[str, Callable[[bytes, str], Parsed]] = {
    ".txt": _plain,
    ".md": _plain,
    ".docx": _docx,
    ".pdf": _pdf,
}


def parse(extension: str, raw: bytes, name: str) -> Parsed:
    """The text of a document in one of the registered formats."""
    parser = PARSERS.get(extension.lower())
    if parser is None:
        raise ParseError(T.ERR_UPLOAD_TYPE.format(types="、".join(PARSERS)))
    return parser(raw, name)
