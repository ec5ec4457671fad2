"""Helpers for the web-app tests: an isolated copy of the corpus, index and
data folders, so uploads and feedback never touch the session's ones."""
from __future__ import annotations

import shutil
import socket
from pathlib import Path

from app.settings import Settings


def isolated_settings(root: Path, **overrides: object) -> Settings:
    """Settings over ``root``/corpus, /index, /data, copied from the session's
    folders. Its index is copied when present so the copy needs no rebuild."""
    session = Settings()
    shutil.copytree(session.corpus_dir, root / "corpus")
    source_index = session.index_dir
    if source_index.is_dir():
        shutil.copytree(source_index, root / "index", ignore=shutil.ignore_patterns(".lock", "tmp-*"))
    return Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data", **overrides)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
