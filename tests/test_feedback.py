"""The SQLite feedback store and the ``feedback`` CLI command."""
from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from app import texts as T
from app.feedback import MAX_COMMENT_CHARS, MIGRATIONS, FeedbackError, FeedbackStore

ANSWER = {"question": "去年申请了多少件专利？", "answer": "全年申请专利达到了2178件。 [1]", "refused": False,
          "mode": "extractive",
          "citations": [{"n": 1, "doc": "a.txt", "section": "一、形势", "text": "全年申请专利达到了2178件。",
                         "start": 5, "end": 20, "score": 0.3, "highlights": [[5, 20]], "chunk_id": "x"}]}


@pytest.fixture
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "nested" / "feedback.sqlite3")


def test_created_on_first_use_and_rows_keep_everything(store: FeedbackStore) -> None:
    assert not store.path.exists()
    row_id = store.add(ANSWER, 1, "  很有用 ")
    assert store.path.exists()
    [row] = store.rows()
    assert (row.id, row.rating, row.comment, row.question, row.answer, row.refused, row.mode) == (
        row_id, 1, "很有用", ANSWER["question"], ANSWER["answer"], False, "extractive")
    assert row.sources[0]["section"] == "一、形势" and row.sources[0]["highlights"] == [[5, 20]]
    assert row.created_at[:4].isdigit() and "T" in row.created_at


def test_newest_first_limit_and_comment_update(store: FeedbackStore) -> None:
    first = store.add(ANSWER, 1)
    second = store.add({**ANSWER, "refused": True, "question": "火星？"}, -1)
    store.set_comment(first, "补充说明")
    rows = store.rows()
    assert [r.id for r in rows] == [second, first]
    assert rows[1].comment == "补充说明" and rows[0].refused is True
    assert [r.id for r in store.rows(limit=1)] == [second]


def test_bad_comment_or_rating_or_row_is_refused_and_changes_nothing(store: FeedbackStore) -> None:
    row_id = store.add(ANSWER, -1)
    with pytest.raises(FeedbackError, match="意见过长"):
        store.set_comment(row_id, "长" * (MAX_COMMENT_CHARS + 1))
    with pytest.raises(FeedbackError, match=T.ERR_FEEDBACK_UNKNOWN):
        store.set_comment(row_id + 100, "x")
    with pytest.raises(ValueError):
        store.add(ANSWER, 0)
    [row] = store.rows()
    assert row.comment == "" and row.rating == -1


def test_migrations_are_idempotent_and_upgrade_old_databases(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as conn:  # a database from before the index existed
        conn.execute(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
    store = FeedbackStore(path)
    store.add(ANSWER, 1)
    store.add(ANSWER, 1)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "feedback_created_at" in names
    assert len(FeedbackStore(path).rows()) == 2


def test_csv_has_chinese_headers_and_neutralises_formulas(store: FeedbackStore) -> None:
    store.add({**ANSWER, "question": "=HYPERLINK(\"http://x\")"}, -1, "<b>意见</b>")
    out = io.StringIO()
    assert store.write_csv(out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == T.FEEDBACK_CSV_HEADER
    record = dict(zip(rows[0], rows[1]))
    assert record["问题"].startswith("'=")
    assert record["评价"] == T.FEEDBACK_DOWN and record["意见"] == "<b>意见</b>"
    assert "[1] a.txt · 一、形势" in record["来源"]


def test_cli_lists_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from app import cli
    from app.settings import get_settings

    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        assert cli.main(["feedback"]) == 0
        assert T.FEEDBACK_NONE in capsys.readouterr().out
        FeedbackStore(tmp_path / "data" / "feedback.sqlite3").add(ANSWER, 1, "好")
        assert cli.main(["feedback"]) == 0
        out = capsys.readouterr().out
        assert ANSWER["question"] in out and T.FEEDBACK_UP in out and "好" in out
        target = tmp_path / "out.csv"
        assert cli.main(["feedback", "--csv", str(target)]) == 0
        assert T.FEEDBACK_CSV_WRITTEN.format(n=1, path=target) in capsys.readouterr().out
        text = target.read_text(encoding="utf-8-sig")
        assert text.startswith(",".join(T.FEEDBACK_CSV_HEADER)) and ANSWER["question"] in text
    finally:
        get_settings.cache_clear()


def test_cli_reports_an_unwritable_csv_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture) -> None:
    from app import cli
    from app.settings import get_settings

    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        assert cli.main(["feedback", "--csv", str(tmp_path / "missing" / "x.csv")]) == 2
        assert "无法写入" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()


def test_feedback_records_the_knowledge_base(tmp_path) -> None:
    from app.feedback import FeedbackStore

    store = FeedbackStore(tmp_path / "fb.sqlite3")
    store.add({"question": "专利法第十二条？", "answer": "…… [1]", "refused": False, "mode": "extractive",
               "citations": [], "kb": "ip-law"}, 1)
    assert store.rows()[0].kb == "ip-law"
