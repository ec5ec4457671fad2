"""The test session's own project folders.

Tests never read or write the live ``corpus/``, ``index/`` or ``data/``: an
upload into ``corpus/`` (or a rebuilt ``index/``) must not change what the
suite sees, and the suite must not change what the app serves. At start the
session copies ``tests/corpus/`` (the shipped documents the tests and the
eval set are written against) into a temporary folder and points the
``POLICYQA_*_DIR`` defaults there, for this process and every subprocess;
at the end it checks the live folders are as they were.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from app.settings import PROJECT_ROOT

TEST_CORPUS = Path(__file__).resolve().parent / "corpus"
LIVE_FOLDERS = tuple(PROJECT_ROOT / name for name in ("corpus", "index", "data"))
FOLDER_SETTINGS = {"corpus": "POLICYQA_CORPUS_DIR", "index": "POLICYQA_INDEX_DIR", "data": "POLICYQA_DATA_DIR"}

Snapshot = dict[str, tuple[int, int]]


def use_private_folders(root: Path) -> None:
    """Copy the test corpus under ``root`` and make its folders the defaults."""
    shutil.copytree(TEST_CORPUS, root / "corpus")
    for name, variable in FOLDER_SETTINGS.items():
        os.environ[variable] = str(root / name)


def snapshot(folders: tuple[Path, ...] = LIVE_FOLDERS) -> Snapshot:
    """Every file and folder under ``folders`` with its size and mtime."""
    seen: Snapshot = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder, *folder.rglob("*")]:
            stat = path.lstat()
            seen[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return seen


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Paths added, removed or modified between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
