"""Knowledge bases: several libraries side by side, each a folder of
documents with its own index, and one pipeline per base sharing one model.

``corpus/<name>/`` is a base (its title in an optional ``kb.json``:
``{"title": "...", "description": "..."}``), indexed in ``index/<name>/``.
A corpus folder that holds documents directly and no base folders is one
base itself (``POLICYQA_CORPUS_DIR`` pointed at a flat folder keeps working)."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from . import texts as T
from .corpus import CorpusIssue, corpus_files
from .embeddings import Embedder, load_embedder
from .settings import Settings

FLAT = "default"
KB_FILE = "kb.json"


class UnknownKnowledgeBase(KeyError):
    """A knowledge base name that does not exist; the message is for the user."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class KnowledgeBase:
    name: str
    title: str
    description: str
    settings: Settings  # corpus_dir and index_dir are this base's

    def to_json(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description}


def _described(folder: Path, name: str) -> tuple[str, str]:
    try:
        data = json.loads((folder / KB_FILE).read_text(encoding="utf-8"))
        return str(data.get("title") or name), str(data.get("description") or "")
    except (OSError, ValueError, AttributeError):
        return name, ""


def discover(settings: Settings) -> tuple[list[KnowledgeBase], list[CorpusIssue]]:
    """The bases under ``settings.corpus_dir``, by name, and an issue for
    each document left directly beside base folders (it belongs to none)."""
    root = settings.corpus_dir
    folders = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")) \
        if root.is_dir() else []
    folders = [d for d in folders if corpus_files(d)]
    if not folders:
        title, description = _described(root, T.KB_DEFAULT_TITLE)
        return [KnowledgeBase(FLAT, title, description, settings)], []
    bases = []
    for folder in folders:
        title, description = _described(folder, folder.name)
        bases.append(KnowledgeBase(folder.name, title, description, settings.model_copy(
            update={"corpus_dir": folder, "index_dir": settings.index_dir / folder.name})))
    stray = [CorpusIssue(p.name, T.ERR_FILE_OUTSIDE_KB.format(name=p.name))
             for p in corpus_files(root) if p.parent == root]
    return bases, stray


class Library:
    """Every knowledge base of a corpus folder, each answered by its own
    pipeline, loaded on first use; one embedding model for all."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, mmap: bool = False) -> None:
        self.settings = settings
        self.embedder = embedder or load_embedder(settings)
        self._mmap = mmap
        self._lock = threading.Lock()
        self._pipelines: dict[str, object] = {}
        bases, self.issues = discover(settings)
        self.bases: dict[str, KnowledgeBase] = {kb.name: kb for kb in bases}

    @classmethod
    def single(cls, pipeline) -> "Library":
        """A library of one base answered by an existing pipeline."""
        library = cls.__new__(cls)
        library.settings, library.embedder, library._mmap = pipeline.settings, pipeline.embedder, False
        library._lock, library.issues = threading.Lock(), []
        name = pipeline.kb or FLAT
        library.bases = {name: KnowledgeBase(name, T.KB_DEFAULT_TITLE, "", pipeline.settings)}
        library._pipelines = {name: pipeline}
        return library

    @property
    def default(self) -> str:
        return self.settings.default_kb if self.settings.default_kb in self.bases else next(iter(self.bases))

    def base(self, name: str | None = None) -> KnowledgeBase:
        name = name or self.default
        if name not in self.bases:
            raise UnknownKnowledgeBase(T.ERR_KB_UNKNOWN.format(kb=name, known="、".join(self.bases)))
        return self.bases[name]

    def pipeline(self, name: str | None = None, progress=None):
        """The pipeline of a base (the default one when ``name`` is None)."""
        from .pipeline import Pipeline

        kb = self.base(name)
        with self._lock:
            if kb.name not in self._pipelines:
                self._pipelines[kb.name] = Pipeline(kb.settings, progress=progress, mmap=self._mmap,
                                                    embedder=self.embedder, kb=kb.name)
            return self._pipelines[kb.name]

    def loaded(self) -> list:
        with self._lock:
            return list(self._pipelines.values())
