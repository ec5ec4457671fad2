"""Uploads into the corpus: .txt/.md/.docx/.pdf → one validated UTF-8 text
file in ``corpus/``, then a background re-index.

A file is accepted only if the corpus loader itself accepts it (the check
runs on a hidden temporary copy), so an upload can never break the index.
"""
from __future__ import annotations

import io
import os
import re
import threading
import unicodedata
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from . import texts as T
from .corpus import CorpusError, load_file
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


def extract_text(ext: str, raw: bytes) -> bytes:
    """The document's text as UTF-8 bytes (.docx, .pdf) or the raw bytes of a
    text file, which the corpus loader decodes and checks."""
    if ext in (".txt", ".md"):
        return raw
    try:
        text = _docx_text(raw) if ext == ".docx" else _pdf_text(raw)
    except UploadError:
        raise
    except Exception as exc:  # parsers raise many kinds on damaged files
        raise UploadError(T.ERR_UPLOAD_BROKEN.format(kind=ext.lstrip(".").upper())) from exc
    if not text.strip():
        raise UploadError(T.ERR_UPLOAD_PDF_NO_TEXT if ext == ".pdf" else T.ERR_UPLOAD_NO_TEXT)
    return text.encode("utf-8")


def _docx_text(raw: bytes) -> str:
    from docx import Document as Docx

    doc = Docx(io.BytesIO(raw))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def _pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted and not reader.decrypt(""):
        raise UploadError(T.ERR_UPLOAD_PDF_ENCRYPTED)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def ingest(settings: Settings, filename: str, raw: bytes) -> Ingested:
    """Validate an upload and write it into the corpus folder; raises
    UploadError with a Chinese message and writes nothing on any problem."""
    stem, ext = safe_name(filename)
    if ext not in settings.upload_extensions:
        raise UploadError(T.ERR_UPLOAD_TYPE.format(types="、".join(settings.upload_extensions)))
    if not stem:
        raise UploadError(T.ERR_UPLOAD_NAME)
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
    content = extract_text(ext, raw)
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


@dataclass
class ReindexStatus:
    running: bool = False
    stage: str = ""
    done: int = 0
    total: int = 0
    error: str = ""
    runs: int = 0  # finished runs, so a caller can tell a new result from an old one


class Reindexer:
    """Runs ``pipeline.reload()`` in one background thread at a time. The
    pipeline keeps answering from the old index until the new one is swapped in."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self._status = ReindexStatus()
        self._thread: threading.Thread | None = None

    def status(self) -> ReindexStatus:
        with self._lock:
            return replace(self._status)

    def start(self) -> bool:
        """Start a re-index unless one is running; True if started."""
        with self._lock:
            if self._status.running:
                return False
            self._status = ReindexStatus(running=True, runs=self._status.runs)
        self._thread = threading.Thread(target=self._run, name="policyqa-reindex", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _progress(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._status.stage, self._status.done, self._status.total = stage, done, total

    def _run(self) -> None:
        error = ""
        try:
            self.pipeline.reload(progress=self._progress)
        except Exception as exc:  # keep serving the old index, say why
            error = str(exc) or exc.__class__.__name__
        with self._lock:
            self._status.running = False
            self._status.error = error
            self._status.runs += 1
