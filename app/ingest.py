"""Managing a knowledge base's documents: upload (any registered format →
one validated UTF-8 text file in the knowledge base's folder), delete, and
replace with a new version (the old one kept as a superseded version or
removed). The index follows in the background (``app/reindex.py``).

A file is accepted only if the corpus loader itself accepts it (the check
runs on a hidden temporary copy), so an upload can never break the index.
"""
from __future__ import annotations

import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import texts as T
from .corpus import CorpusError, load_file
from .parsers import PARSERS, ParseError, parse
from .settings import Settings

_UNSAFE = re.compile(r"[^\w\-.()（）【】《》]+")
MAX_NAME_CHARS = 80


class UploadError(ValueError):
    """An upload that was refused; the message is for the user."""


@dataclass(frozen=True)
class Ingested:
    doc_id: str
    path: Path
    chars: int


def safe_name(filename: str) -> tuple[str, str]:
    """(stem, extension) of an uploaded file's name: the last path component
    only, normalised, with anything but letters, digits and ``-_.()`` removed."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", str(filename or "")))[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("_", stem).strip("._- ")[:MAX_NAME_CHARS]
    return stem, f".{ext.lower()}" if ext else ""


def ingest(settings: Settings, filename: str, raw: bytes, stem_suffix: str = "") -> Ingested:
    """Validate an upload and write it into the corpus folder; raises
    UploadError with a Chinese message and writes nothing on any problem.
    ``stem_suffix`` is added to the stored name (a version kept beside another)."""
    stem, ext = safe_name(filename)
    if ext not in PARSERS:
        raise UploadError(T.ERR_UPLOAD_TYPE.format(types="、".join(PARSERS)))
    if not stem:
        raise UploadError(T.ERR_UPLOAD_NAME)
    stem += stem_suffix
    if len(raw) > settings.upload_max_bytes:
        raise UploadError(T.ERR_UPLOAD_TOO_LARGE.format(
            size=round(len(raw) / 2**20, 1), limit=round(settings.upload_max_bytes / 2**20, 1)))
    if not raw:
        raise UploadError(T.ERR_UPLOAD_EMPTY)
    corpus = settings.corpus_dir.resolve()
    target = corpus / f"{stem}{'.md' if ext == '.md' else '.txt'}"
    if target.parent != corpus:
        raise UploadError(T.ERR_UPLOAD_NAME)
    if target.exists():
        raise UploadError(T.ERR_UPLOAD_EXISTS.format(name=target.name))
    try:
        content = parse(ext, raw, target.name).text.encode("utf-8") if ext not in (".txt", ".md") else raw
    except ParseError as exc:
        raise UploadError(str(exc)) from exc
    corpus.mkdir(parents=True, exist_ok=True)
    # Hidden name: the corpus loader skips dot-files, so a concurrent
    # re-index never sees the half-checked copy.
    tmp = corpus / f".upload-{uuid.uuid4().hex}{target.suffix}"
    try:
        tmp.write_bytes(content)
        try:
            doc = load_file(tmp, corpus, settings.max_corpus_file_bytes)
        except CorpusError as exc:
            raise UploadError(str(exc).replace(tmp.name, target.name)) from exc
        tmp.write_text(doc.text, encoding="utf-8")
        if target.exists():  # appeared while we were checking
            raise UploadError(T.ERR_UPLOAD_EXISTS.format(name=target.name))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return Ingested(target.name, target, len(doc.text))


def document_path(settings: Settings, doc_id: str) -> Path:
    """The file of a document of the corpus folder; UploadError when the id
    names nothing there (or a path outside it)."""
    corpus = settings.corpus_dir.resolve()
    path = (corpus / doc_id).resolve()
    if not path.is_relative_to(corpus) or path == corpus or not path.is_file():
        raise UploadError(T.ERR_DOC_UNKNOWN.format(doc=doc_id))
    return path


def delete_document(settings: Settings, doc_id: str) -> None:
    document_path(settings, doc_id).unlink()


def replace_document(settings: Settings, doc_id: str, filename: str, raw: bytes, keep_old: bool) -> Ingested:
    """A new version of ``doc_id``. Kept, the old file stays as a superseded
    version (the version grouping tells them apart by their dates); not kept,
    it is removed once the new one is safely written."""
    old = document_path(settings, doc_id)
    stem, _ = safe_name(filename)
    clash = (settings.corpus_dir.resolve() / f"{stem}.txt").exists() or \
        (settings.corpus_dir.resolve() / f"{stem}.md").exists()
    # The new file never overwrites the old one: a clashing name gets a marker.
    saved = ingest(settings, filename, raw, stem_suffix=f"-{uuid.uuid4().hex[:6]}" if clash else "")
    if not keep_old:
        old.unlink(missing_ok=True)
    return saved
