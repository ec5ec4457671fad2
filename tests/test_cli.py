"""The command-line contracts: ask --json and --jsonl."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.settings import PROJECT_ROOT

CITATION_KEYS = {"n", "chunk_id", "doc", "section", "text", "start", "end", "score"}
ANSWER_KEYS = {"id", "question", "answer", "refused", "mode", "citations", "timings_ms"}


def run(args: list[str], settings, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "POLICYQA_INDEX_DIR": str(settings.index_dir),
           "POLICYQA_CORPUS_DIR": str(settings.corpus_dir)}
    return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True,
                          text=True, cwd=PROJECT_ROOT, env=env, timeout=300)


def check_schema(obj: dict) -> None:
    assert ANSWER_KEYS <= set(obj)
    assert isinstance(obj["refused"], bool) and obj["mode"] in ("extractive", "llm")
    assert {"retrieve", "answer", "total"} <= set(obj["timings_ms"])
    for c in obj["citations"]:
        assert CITATION_KEYS <= set(c)
        assert isinstance(c["start"], int) and c["end"] > c["start"]


@pytest.fixture(scope="module")
def built(settings, pipeline):
    return settings  # the session pipeline has built the index the CLI will reuse


def test_ask_json(built):
    out = run(["ask", "--json", "联合执法要和哪些部门配合？"], built)
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    check_schema(obj)
    assert obj["citations"] and "[1]" in obj["answer"]


def test_ask_jsonl_from_stdin_with_follow_up_and_bad_lines(built):
    lines = [
        {"id": "a", "q": "去年全省申请了多少件专利？"},
        {"id": "b", "q": "那授权了多少？", "after": "a"},
        {"id": "c", "q": ""},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    out = run(["ask", "--jsonl", "-"], built, stdin)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows[:3]] == ["a", "b", "c"]
    check_schema(rows[0])
    check_schema(rows[1])
    assert "1047" in rows[1]["answer"]
    assert "请输入" in rows[2]["error"] and "JSON" in rows[3]["error"]


def test_ask_for_a_person_lists_sources(built):
    out = run(["ask", "去年全省申请了多少件专利？"], built)
    assert out.returncode == 0
    assert "2178" in out.stdout and "[1]" in out.stdout and "来源" in out.stdout


def test_empty_question_exits_with_message(built):
    out = run(["ask", "--json", "  "], built)
    assert out.returncode == 2 and "请输入" in json.loads(out.stdout)["error"]
