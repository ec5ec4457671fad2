"""Ratings of answers (👍/👎 plus an optional comment) in SQLite.

One connection per call keeps the store safe to use from the web server's
worker threads; the schema is versioned with ``PRAGMA user_version`` so
opening an older database upgrades it in place, and opening a current one
changes nothing.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import texts as T
from .settings import Settings

MAX_COMMENT_CHARS = 2000

# Migration i brings the schema from version i to i + 1. Only ever append.
MIGRATIONS: tuple[str, ...] = (
    """CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
        comment TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        refused INTEGER NOT NULL,
        mode TEXT NOT NULL,
        sources TEXT NOT NULL
    )""",
    "CREATE INDEX feedback_created_at ON feedback (created_at)",
    # 3: the knowledge base the rated answer came from.
    "ALTER TABLE feedback ADD COLUMN kb TEXT NOT NULL DEFAULT ''",
)


class FeedbackError(ValueError):
    """Feedback that cannot be stored; the message is for the user."""


@dataclass
class FeedbackRow:
    id: int
    created_at: str
    rating: int
    comment: str
    question: str
    answer: str
    refused: bool
    mode: str
    sources: list[dict]
    kb: str = ""

    def sources_text(self) -> str:
        return "\n".join(f"[{s.get('n')}] {s.get('doc')} · {s.get('section')}：{s.get('text')}" for s in self.sources)


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_settings(cls, settings: Settings) -> "FeedbackStore":
        return cls(settings.data_dir / "feedback.sqlite3")

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        migrate(conn)
        return conn

    def add(self, answer: dict, rating: int, comment: str = "") -> int:
        """Store a rating of an answer (``Answer.to_json()``); returns its id."""
        if rating not in (-1, 1):
            raise ValueError("rating must be -1 or 1")
        comment = _checked_comment(comment)
        sources = [{k: c.get(k) for k in ("n", "doc", "section", "text", "start", "end", "highlights")}
                   for c in answer.get("citations") or []]
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, rating, comment, question, answer, refused, mode, sources, kb)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (datetime.now().astimezone().isoformat(timespec="seconds"), rating, comment,
                 str(answer.get("question", "")), str(answer.get("answer", "")),
                 int(bool(answer.get("refused"))), str(answer.get("mode", "")),
                 json.dumps(sources, ensure_ascii=False), str(answer.get("kb") or "")))
            return int(cur.lastrowid)

    def set_comment(self, row_id: int, comment: str) -> None:
        comment = _checked_comment(comment)
        with closing(self._connect()) as conn, conn:
            if conn.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment, row_id)).rowcount == 0:
                raise FeedbackError(T.ERR_FEEDBACK_UNKNOWN)

    def rows(self, limit: int | None = None) -> list[FeedbackRow]:
        """Newest first."""
        sql = ("SELECT id, created_at, rating, comment, question, answer, refused, mode, sources, kb"
               " FROM feedback ORDER BY id DESC")
        params: tuple = ()
        if limit is not None:
            sql, params = sql + " LIMIT ?", (max(0, limit),)
        with closing(self._connect()) as conn:
            return [FeedbackRow(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], json.loads(r[8]), r[9])
                    for r in conn.execute(sql, params)]

    def write_csv(self, stream: TextIO) -> int:
        """All rows as CSV with Chinese headers; returns how many."""
        rows = self.rows()
        writer = csv.writer(stream)
        writer.writerow(T.FEEDBACK_CSV_HEADER)
        for r in rows:
            writer.writerow([_cell(v) for v in (
                r.id, r.created_at, rating_label(r.rating), r.comment, r.question, r.answer,
                "是" if r.refused else "否", r.mode, r.sources_text(), r.kb)])
        return len(rows)


def rating_label(rating: int) -> str:
    return T.FEEDBACK_UP if rating > 0 else T.FEEDBACK_DOWN


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this database has not seen yet."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(MIGRATIONS):
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        # Re-read under the write lock: another process may have migrated.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for i in range(version, len(MIGRATIONS)):
            conn.execute(MIGRATIONS[i])
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def _checked_comment(comment: object) -> str:
    text = "" if comment is None else str(comment).strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise FeedbackError(T.ERR_FEEDBACK_TOO_LONG.format(n=len(text), limit=MAX_COMMENT_CHARS))
    return text


def _cell(value: object) -> object:
    # Spreadsheets run cells that start with these as formulas.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
