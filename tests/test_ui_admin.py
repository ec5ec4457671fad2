"""Admin handlers: password gate, locked beyond loopback without a password,
upload with progress, feedback table."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from app import settings as S
from app import texts as T
from app.access import admin_refusal
from app.feedback import FeedbackStore
from app.reindex import Reindexer
from app.pipeline import Pipeline
from app.settings import Settings
from app.ui.admin import feedback_html, feedback_view, upload_and_reindex
from ui_support import isolated_settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(isolated_settings(tmp_path_factory.mktemp("admin"), admin_password=SecretStr("s3cret")))


def _upload(pipeline: Pipeline, path: str | None, password: str | None) -> list[tuple]:
    return list(upload_and_reindex(pipeline, Reindexer(pipeline), path, password))


def test_password_gate(pipeline: Pipeline, tmp_path: Path) -> None:
    assert admin_refusal(pipeline.settings, "s3cret") is None
    assert admin_refusal(pipeline.settings, "wrong") == admin_refusal(pipeline.settings, None) == T.ERR_ADMIN_PASSWORD
    file = tmp_path / "新文件.txt"
    file.write_text("一段新的内容。\n", encoding="utf-8")
    [(status, _)] = _upload(pipeline, str(file), "wrong")
    assert T.ERR_ADMIN_PASSWORD in status
    assert not (pipeline.settings.corpus_dir / "新文件.txt").exists()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_on_loopback_no_password_means_open(host: str) -> None:
    assert admin_refusal(Settings(host=host, admin_password=None), None) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "policyqa.example.cn"])
def test_beyond_loopback_a_password_is_required(host: str) -> None:
    assert admin_refusal(Settings(host=host, admin_password=None), None) == T.ERR_ADMIN_LOCKED
    assert admin_refusal(Settings(host=host, admin_password=SecretStr("")), "") == T.ERR_ADMIN_LOCKED
    guarded = Settings(host=host, admin_password=SecretStr("s3cret"))
    assert admin_refusal(guarded, "s3cret") is None and admin_refusal(guarded, "x") == T.ERR_ADMIN_PASSWORD


def test_beyond_loopback_without_a_password_upload_and_feedback_are_refused(tmp_path: Path) -> None:
    open_to_all = Pipeline(isolated_settings(tmp_path / "app", host="0.0.0.0"))
    file = tmp_path / "通知.txt"
    file.write_text("通知\n今年完成老旧小区改造三十个。\n", encoding="utf-8")
    [(status, _)] = _upload(open_to_all, str(file), None)
    assert T.ERR_ADMIN_LOCKED in status
    assert not (open_to_all.settings.corpus_dir / "通知.txt").exists()
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.add({"question": "专利申请多少件？", "answer": "2178件", "refused": False, "mode": "extractive",
               "citations": []}, 1, "有用")
    shown = feedback_view(open_to_all, store, None)
    assert T.ERR_ADMIN_LOCKED in shown and "专利申请多少件" not in shown
    on_loopback = open_to_all.settings.model_copy(update={"host": "127.0.0.1"})
    open_to_all.settings = on_loopback  # the same app bound to loopback: today's behaviour
    assert "专利申请多少件" in feedback_view(open_to_all, store, None)


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
