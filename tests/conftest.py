"""Shared fixtures: pipelines over the real corpus with a private index, so
tests never touch the working index/ folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.settings import PROJECT_ROOT, Settings

CORPUS = PROJECT_ROOT / "corpus" / "speech"


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def settings(index_dir: Path) -> Settings:
    return Settings(corpus_dir=CORPUS, index_dir=index_dir)


@pytest.fixture(scope="session")
def pipeline(settings: Settings):
    from app.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture
def make_pipeline(settings: Settings):
    """A pipeline on the same (already built) index with some settings changed."""
    from app.pipeline import Pipeline

    def make(**overrides: object) -> Pipeline:
        return Pipeline(settings.model_copy(update=overrides))

    return make


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the corpus for tests that add or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
