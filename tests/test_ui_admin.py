"""Admin handlers: password gate, upload with progress, feedback table."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from app import settings as S
from app import texts as T
from app.feedback import FeedbackStore
from app.reindex import Reindexer
from app.pipeline import Pipeline
from app.ui.admin import authorized, feedback_html, upload_and_reindex
from ui_support import isolated_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(isolated_settings(tmp_path_factory.mktemp("admin"), admin_password=SecretStr("s3cret")))


def _upload(pipeline: Pipeline, path: str | None, password: str | None) -> list[tuple]:
    return list(upload_and_reindex(pipeline, Reindexer(pipeline), path, password))


def test_password_gate(pipeline: Pipeline, tmp_path: Path) -> None:
    assert authorized(pipeline, "s3cret")
    assert not authorized(pipeline, "wrong") and not authorized(pipeline, None)
    file = tmp_path / "新文件.txt"
    file.write_text("一段新的内容。\n", encoding="utf-8")
    [(status, _)] = _upload(pipeline, str(file), "wrong")
    assert T.ERR_ADMIN_PASSWORD in status
    assert not (pipeline.settings.corpus_dir / "新文件.txt").exists()


def test_no_password_configured_means_open(tmp_path: Path) -> None:
    class Fake:
        settings = S.Settings(admin_password=None)

    assert authorized(Fake(), None)  # type: ignore[arg-type]


def test_missing_and_bad_files_get_messages(pipeline: Pipeline, tmp_path: Path) -> None:
    [(status, _)] = _upload(pipeline, None, "s3cret")
    assert T.ERR_UPLOAD_NO_FILE in status
    bad = tmp_path / "脚本.exe"
    bad.write_bytes(b"MZ")
    [(status, _)] = _upload(pipeline, str(bad), "s3cret")
    assert "不支持这种文件" in status and "pqa-error" in status


def test_upload_reports_progress_and_lists_the_new_document(pipeline: Pipeline, tmp_path: Path) -> None:
    file = tmp_path / "<b>公告.txt"
    file.write_text("城市更新公告\n一、目标\n今年完成老旧小区改造三十个。\n", encoding="utf-8")
    steps = _upload(pipeline, str(file), "s3cret")
    assert "正在重建索引" in steps[0][0]
    status, docs = steps[-1]
    assert T.UI_REINDEX_DONE.format(docs=len(pipeline.documents)) in status
    assert "b_公告.txt" in docs and "<b>" not in docs
    assert not pipeline.ask("今年完成老旧小区改造多少个？").refused


def test_feedback_table_escapes_everything(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    assert T.FEEDBACK_NONE in feedback_html(store)
    store.add({"question": "<img src=x onerror=alert(1)>", "answer": "答<script>", "refused": False,
               "mode": "extractive", "citations": []}, -1, "<i>意见</i>")
    html = feedback_html(store)
    assert "<img" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and T.FEEDBACK_DOWN in html
