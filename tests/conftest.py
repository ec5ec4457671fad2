"""Shared fixtures. The whole session runs on private copies of the project
folders (see ``isolation.py``): a pipeline over the test corpus with the
session's own index, shared by the tests that only read."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from isolation import changes, snapshot, use_private_folders

_session: dict = {}


def pytest_configure(config: pytest.Config) -> None:
    _session["root"] = Path(tempfile.mkdtemp(prefix="policyqa-tests-"))
    _session["live"] = snapshot()
    use_private_folders(_session["root"])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    changed = changes(_session["live"], snapshot())
    if changed:
        print("\nFAILED: the tests changed the live project folders:\n  " + "\n  ".join(changed[:20]))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_session["root"], ignore_errors=True)


@pytest.fixture(scope="session")
def settings():
    """The session defaults: the private corpus, index and data folders."""
    from app.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings):
    from app.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture
def make_pipeline(settings):
    """A pipeline on the same (already built) index with some settings changed."""
    from app.pipeline import Pipeline

    def make(**overrides: object):
        return Pipeline(settings.model_copy(update=overrides))

    return make


@pytest.fixture
def corpus_copy(tmp_path: Path, settings) -> Path:
    """A writable copy of the corpus for tests that add or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(settings.corpus_dir, target)
    return target


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory):
    """Two knowledge bases side by side, built once a session: the IP-law
    library the project ships (a copy) and the speech."""
    from app.kb import Library
    from app.settings import PROJECT_ROOT, Settings

    root = tmp_path_factory.mktemp("library")
    shutil.copytree(PROJECT_ROOT / "corpus" / "ip-law", root / "corpus" / "ip-law")
    shutil.copytree(Settings().corpus_dir, root / "corpus" / "speech")
    return Library(Settings(corpus_dir=root / "corpus", index_dir=root / "index", default_kb="speech"))
