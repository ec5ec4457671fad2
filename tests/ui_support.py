"""Helpers for the web-app tests: an isolated copy of the corpus, index and
data folders, so uploads and feedback never touch the working ones."""
from __future__ import annotations

import shutil
import socket
from pathlib import Path

from app.settings import PROJECT_ROOT, Settings


def isolated_settings(root: Path, **overrides: object) -> Settings:
    """Settings over ``root``/corpus, /index, /data. The working index is
    copied when present so the copy needs no rebuild if it is current."""
    shutil.copytree(PROJECT_ROOT / "corpus" / "speech", root / "corpus")
    source_index = PROJECT_ROOT / "index"
    if source_index.is_dir():
        shutil.copytree(source_index, root / "index", ignore=shutil.ignore_patterns(".lock", "tmp-*"))
    return Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data", **overrides)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
