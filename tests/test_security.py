"""Security: no pickle, no path escapes, HTML stays text, secrets stay
secret, and the rate limit answers 429."""
from __future__ import annotations

import json
import logging
import pickle
import shutil

import numpy as np
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app import texts as T
from app.api import create_app
from app.kb import Library
from app.corpus import load_corpus
from app.index_store import current_dir, ensure_index
from app.ratelimit import RateLimiter
from app.settings import PROJECT_ROOT, Settings

FIRST_QUESTION = json.loads((PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()[0])["q"]


def test_no_pickle_is_written_or_loaded(tmp_path, corpus_copy, monkeypatch):
    from app.pipeline import Pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pickle used")

    real_np_load = np.load

    def np_load(*args: object, **kwargs: object):
        if kwargs.get("allow_pickle"):
            raise AssertionError("np.load with allow_pickle=True")
        return real_np_load(*args, **kwargs)

    class NoUnpickler(pickle.Unpickler):  # still a class: libraries subclass it at import
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse()

    for name in ("load", "loads"):
        monkeypatch.setattr(pickle, name, refuse)
    monkeypatch.setattr(pickle, "Unpickler", NoUnpickler)
    monkeypatch.setattr(np, "load", np_load)
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    pipeline = Pipeline(settings, mmap=True)  # builds, verifies, loads
    assert Pipeline(settings).ask(FIRST_QUESTION).citations  # loads the built index again and answers
    assert not pipeline.reload()
    files = [p for p in (tmp_path / "index").rglob("*") if p.is_file()]
    assert files and not [p for p in files if p.suffix in {".pkl", ".pickle", ".joblib"}]
    with (current_dir(settings.index_dir) / "sentences.npy").open("rb") as f:
        assert b"'descr': '<f2'" in f.read(128)  # a plain numeric array, not an object array


@pytest.fixture(scope="module")
def embedder(settings: Settings):
    from app.embeddings import load_embedder

    return load_embedder(settings)


def test_current_pointer_cannot_leave_the_index_folder(tmp_path, corpus_copy, embedder):
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    first, _, _ = ensure_index(settings, embedder)
    outside = tmp_path / "outside" / first.path.name
    shutil.copytree(first.path, outside)
    (settings.index_dir / "v-link").symlink_to(outside)
    shutil.rmtree(first.path)
    for pointer in (f"../outside/{outside.name}", str(outside), "v-link", ".."):
        (settings.index_dir / "CURRENT").write_text(pointer, encoding="utf-8")
        assert current_dir(settings.index_dir) is None
    index, _, rebuilt = ensure_index(settings, embedder)
    assert rebuilt and index.path.parent == settings.index_dir and not index.path.is_symlink()
    assert (outside / "manifest.json").is_file()  # never touched, never pruned


def test_corpus_symlinks_out_of_the_folder_are_not_read(tmp_path, corpus_copy):
    secret = tmp_path / "outside-secret.txt"
    secret.write_text("机密内容，不得进入资料库。", encoding="utf-8")
    (corpus_copy / "passwd.txt").symlink_to(secret)
    (corpus_copy / "sub").mkdir()
    (corpus_copy / "sub" / "etc.txt").symlink_to("/etc/passwd")
    docs, issues = load_corpus(corpus_copy)
    assert all("机密" not in d.text and "root:" not in d.text for d in docs)
    assert {i.doc_id: i.message for i in issues} == {
        "passwd.txt": T.ERR_FILE_OUTSIDE.format(name="passwd.txt"),
        "sub/etc.txt": T.ERR_FILE_OUTSIDE.format(name="sub/etc.txt"),
    }


@pytest.fixture(scope="module")
def client(pipeline) -> TestClient:
    return TestClient(create_app(Library.single(pipeline)))


@pytest.mark.parametrize("name", ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                                  "....//....//etc/passwd", "..\\..\\etc\\passwd"])
def test_document_names_cannot_reach_files(client, name):
    r = client.get(f"/api/documents/{name}")
    assert r.status_code == 404 and "error" in r.json()
    assert "root:" not in r.text


def test_html_in_a_question_comes_back_as_json_text(client):
    html = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    r = client.post("/api/ask", json={"q": f"{html}{FIRST_QUESTION}", "id": "<b>id</b>"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    data = r.json()
    assert data["question"].startswith(html) and data["id"] == "<b>id</b>"
    assert "<script>" not in data["answer"]  # answers quote the corpus, not the question


SECRETS = {"llm_api_key": "sk-llm-Secret-7f3a", "api_key": "api-Secret-91c2", "ui_password": "ui-Secret-5d0e"}


def test_secrets_never_reach_logs_or_responses(pipeline, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    settings = pipeline.settings.model_copy(update={k: SecretStr(v) for k, v in SECRETS.items()}
                                            | {"ui_username": "official"})
    c = TestClient(create_app(Library.single(pipeline), settings=settings), raise_server_exceptions=False)
    key = {"X-API-Key": SECRETS["api_key"]}
    responses = [c.get("/api/health"), c.get("/openapi.json"), c.post("/api/ask", json={"q": FIRST_QUESTION}),
                 c.post("/api/ask", json={"q": FIRST_QUESTION}, headers=key), c.get("/api/documents", headers=key),
                 c.post("/api/ask", json={"q": ""}, headers=key)]

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"engine failed with {settings!r}")

    monkeypatch.setattr(pipeline, "ask", crash)
    failed = c.post("/api/ask", json={"q": FIRST_QUESTION}, headers=key)
    assert failed.status_code == 500 and failed.json() == {"error": T.ERR_API_INTERNAL}
    responses.append(failed)
    seen = caplog.text + repr(settings) + str(settings) + "".join(r.text + str(r.headers) for r in responses)
    assert "engine failed" in caplog.text  # the failure is logged ...
    for secret in SECRETS.values():
        assert secret not in seen  # ... but no secret anywhere
    health = responses[0].json()
    assert not {k for k in health if "key" in k or "password" in k or "secret" in k}


def test_rate_limit_answers_429_with_retry_after(pipeline):
    limited = pipeline.settings.model_copy(update={"rate_limit_per_minute": 6, "rate_limit_burst": 2})
    app = create_app(Library.single(pipeline), settings=limited)
    one = TestClient(app, client=("10.0.0.1", 5000))
    codes = [one.post("/api/ask", json={"q": FIRST_QUESTION}).status_code for _ in range(2)]
    blocked = one.post("/api/ask", json={"q": FIRST_QUESTION})
    assert codes == [200, 200] and blocked.status_code == 429
    assert blocked.json()["error"] == T.ERR_API_RATE_LIMITED.format(seconds=10)
    assert blocked.headers["retry-after"] == "10"
    other = TestClient(app, client=("10.0.0.2", 5000))
    assert other.post("/api/ask", json={"q": FIRST_QUESTION}).status_code == 200  # per client
    assert one.get("/api/health").status_code == 200  # health checks are never limited


def test_rate_limiter_refills_and_stays_bounded():
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, max_clients=3, clock=lambda: now[0])
    assert [limiter.check("a") for _ in range(3)] == [0, 0, 1]
    now[0] += 1.0
    assert limiter.check("a") == 0 and limiter.check("a") == 1
    for c in "bcdef":
        limiter.check(c)
    assert len(limiter._buckets) == 3
    assert RateLimiter(per_minute=0, burst=1).check("a") == 0  # 0 = off
