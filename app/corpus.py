"""Reading a knowledge base's folder: formats, validation, fingerprints.

A document's ``text`` is what the format's parser reads (a text file
decoded as UTF-8 with or without BOM, else GB18030; .docx and .pdf
extracted and unwrapped) with line endings normalised to ``\\n``. Every
character offset in the project points into this text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import texts as T
from .parsers import PARSERS, ParseError, parse


@dataclass(frozen=True)
class Document:
    doc_id: str  # file name relative to the corpus folder
    text: str
    encoding: str
    sha256: str  # of the raw bytes

    @property
    def title(self) -> str:
        for line in self.text.split("\n"):
            if line.strip():
                return line.strip()[:60]
        return self.doc_id


@dataclass(frozen=True)
class CorpusIssue:
    doc_id: str
    message: str  # Chinese, shown to the user


class CorpusError(Exception):
    """Raised with a Chinese message when the corpus as a whole is unusable."""


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f\v")
    return controls > max(8, len(text) // 100)


def load_file(path: Path, root: Path, max_bytes: int) -> Document:
    """Load one corpus file or raise CorpusError with a Chinese message."""
    name = path.relative_to(root).as_posix()
    try:
        # A symlink may point anywhere (/etc/passwd); only files that really
        # live under the corpus folder are read.
        if not path.resolve().is_relative_to(root.resolve()):
            raise CorpusError(T.ERR_FILE_OUTSIDE.format(name=name))
        size = path.stat().st_size
        with path.open("rb") as handle:
            # Bounded read: a file growing after stat() cannot exhaust memory.
            raw = handle.read(max_bytes + 1) if size <= max_bytes else b""
        if size > max_bytes or len(raw) > max_bytes:
            size = max(size, len(raw))
            raise CorpusError(T.ERR_FILE_TOO_LARGE.format(
                name=name, size=round(size / 2**20, 1), limit=round(max_bytes / 2**20, 1)))
    except OSError as exc:
        raise CorpusError(T.ERR_FILE_UNREADABLE.format(name=name, reason=exc.strerror or exc)) from exc
    try:
        parsed = parse(path.suffix, raw, name)
    except ParseError as exc:
        raise CorpusError(str(exc)) from exc
    text, encoding = parsed.text, parsed.encoding
    if _looks_binary(text):
        raise CorpusError(T.ERR_FILE_BINARY.format(name=name))
    text = normalize_newlines(text)
    if not text.strip():
        raise CorpusError(T.ERR_FILE_EMPTY.format(name=name))
    return Document(name, text, encoding, hashlib.sha256(raw).hexdigest())


def corpus_files(corpus_dir: Path, extensions: tuple[str, ...] = tuple(PARSERS)) -> list[Path]:
    if not corpus_dir.is_dir():
        return []
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in extensions and not p.name.startswith(".")
    )


def load_corpus(corpus_dir: Path, extensions: tuple[str, ...] = tuple(PARSERS),
                max_bytes: int = 20 * 2**20) -> tuple[list[Document], list[CorpusIssue]]:
    """Every readable document, plus one issue per file that could not be used.
    A bad file never stops the others from loading."""
    docs: list[Document] = []
    issues: list[CorpusIssue] = []
    for path in corpus_files(corpus_dir, extensions):
        try:
            docs.append(load_file(path, corpus_dir, max_bytes))
        except CorpusError as exc:
            issues.append(CorpusIssue(path.relative_to(corpus_dir).as_posix(), str(exc)))
    return docs, issues


def corpus_fingerprint(docs: list[Document]) -> str:
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.doc_id):
        h.update(d.doc_id.encode("utf-8") + b"\0" + d.sha256.encode() + b"\n")
    return h.hexdigest()
