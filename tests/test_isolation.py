"""The suite runs on private copies of the project folders: whatever the app
has done to the live corpus/, index/ and data/ (an upload, a rebuild,
feedback) changes nothing the tests see, and the tests change none of it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.settings import PROJECT_ROOT, Settings
from isolation import LIVE_FOLDERS, TEST_CORPUS, changes, snapshot


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve() == folder.resolve() or folder.resolve() in path.resolve().parents


def test_default_folders_are_private_copies_here_and_in_subprocesses():
    s = Settings()
    folders = [s.corpus_dir, s.index_dir, s.data_dir]
    assert not [f for f in folders for live in LIVE_FOLDERS if _inside(f, live)]
    assert sorted(p.name for p in s.corpus_dir.iterdir()) == sorted(p.name for p in TEST_CORPUS.iterdir())
    script = "from app.settings import Settings; s = Settings(); print(s.corpus_dir, s.index_dir, s.data_dir)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT,
                         timeout=120)
    assert out.stdout.split() == [str(f) for f in folders]


def test_a_change_to_a_watched_folder_is_caught(tmp_path):
    """The check the session runs at its end on the live folders."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "speech.txt").write_text("讲话原文。", encoding="utf-8")
    before = snapshot((folder,))
    assert changes(before, snapshot((folder,))) == []
    (folder / "passwd.txt").write_text("上传的文件。", encoding="utf-8")
    assert str(folder / "passwd.txt") in changes(before, snapshot((folder,)))
    again = snapshot((folder,))
    (folder / "speech.txt").write_text("改过的讲话原文。", encoding="utf-8")
    assert changes(again, snapshot((folder,))) == [str(folder / "speech.txt")]
