"""The HTTP API: same answers as the pipeline, Chinese JSON errors, access
control, the mounted UI, and several worker processes on one index."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app import texts as T
from app.api import create_app, default_ui
from app.kb import Library
from app.settings import PROJECT_ROOT

EVAL = [json.loads(line) for line in (PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _items(kind: str, n: int) -> list[dict]:
    return [item for item in EVAL if item["kind"] == kind][:n]


def _without_timings(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "timings_ms"}


@pytest.fixture(scope="module")
def client(pipeline) -> TestClient:
    return TestClient(create_app(Library.single(pipeline), ui=default_ui))


def _chinese_error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    message = response.json()["error"]
    assert CJK.search(message), message
    return message


@pytest.mark.parametrize("item", _items("fact", 2) + _items("out_of_scope", 1) + _items("english", 1),
                         ids=lambda item: item["id"])
def test_ask_returns_the_pipeline_json(client, pipeline, item):
    r = client.post("/api/ask", json={"q": item["q"], "id": item["id"]})
    assert r.status_code == 200
    data = r.json()
    expected = pipeline.ask(item["q"], qid=item["id"]).to_json()
    assert _without_timings(data) == _without_timings(expected)
    assert {"retrieve", "answer", "total"} <= set(data["timings_ms"])


def test_follow_up_uses_history_and_integer_ids(client, pipeline):
    follow = _items("followup", 1)[0]
    first = next(item for item in EVAL if item["id"] == follow["after"])
    r = client.post("/api/ask", json={"q": follow["q"], "history": [first["q"]], "id": 41})
    assert r.status_code == 200 and r.json()["id"] == 41
    expected = pipeline.ask(follow["q"], [first["q"]], qid=41).to_json()
    assert _without_timings(r.json()) == _without_timings(expected)


@pytest.mark.parametrize("body, status, message", [
    ({"q": ""}, 422, T.ERR_EMPTY_QUESTION),
    ({"q": "   \n\t "}, 422, T.ERR_EMPTY_QUESTION),
    ({"q": "专" * 501}, 422, T.ERR_QUESTION_TOO_LONG.format(n=501, limit=500)),
    ({"q": "专利\x00\x01申请"}, 422, T.ERR_BINARY_QUESTION),
    ({"q": "专利\ud800"}, 422, T.ERR_BINARY_QUESTION),
    ({"q": "？？！！。。"}, 422, T.ERR_NO_TEXT_QUESTION),
    ({}, 422, T.ERR_API_BAD_FIELD.format(field="q", problem=T.ERR_API_FIELD_MISSING)),
    ({"q": 5}, 422, T.ERR_API_BAD_FIELD.format(field="q", problem=T.ERR_API_FIELD_TYPE.format(expected="字符串"))),
    ({"q": "专利", "history": "上一问"}, 422,
     T.ERR_API_BAD_FIELD.format(field="history", problem=T.ERR_API_FIELD_TYPE.format(expected="数组"))),
    ({"q": "专利", "history": ["问"] * 21}, 422, T.ERR_API_TOO_MANY_HISTORY.format(n=21, limit=20)),
    ({"q": "专利", "id": "\ud800"}, 422, T.ERR_API_BAD_FIELD.format(field="id", problem=T.ERR_API_FIELD_INVALID)),
    ({"q": "专利", "id": 1.5}, 422, None),
    ({"q": "专利", "id": "0" * 201}, 422, None),
    ({"q": "专利", "id": True}, 422, None),
    ([1, 2], 422, None),
], ids=["empty", "blank", "too-long", "control-chars", "lone-surrogate", "no-text", "missing-q", "q-not-string",
        "history-not-list", "history-too-long", "id-unencodable", "id-float", "id-too-long", "id-bool",
        "top-level-array"])
def test_bad_requests_get_chinese_4xx(client, body, status, message):
    r = client.post("/api/ask", content=json.dumps(body).encode(), headers={"content-type": "application/json"})
    got = _chinese_error(r, status)
    if message is not None:
        assert got == message


@pytest.mark.parametrize("raw", [b'{"q": ', b"\xff\xfe\x00garbage", b'{"q": "a",}'])
def test_malformed_json_is_400(client, raw):
    r = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert _chinese_error(r, 400) == T.ERR_API_BAD_JSON


def test_oversized_bodies_are_refused_before_reading(client, pipeline):
    limit = pipeline.settings.max_request_bytes
    big = json.dumps({"q": "专利" * limit}).encode()
    declared = client.post("/api/ask", content=big, headers={"content-type": "application/json"})
    assert _chinese_error(declared, 413) == T.ERR_API_BODY_TOO_LARGE.format(limit=limit // 1024)
    streamed = client.post("/api/ask", content=iter([big[i:i + 4096] for i in range(0, len(big), 4096)]),
                           headers={"content-type": "application/json"})
    assert _chinese_error(streamed, 413) == T.ERR_API_BODY_TOO_LARGE.format(limit=limit // 1024)


def test_health_reports_the_index_without_secrets(client, pipeline):
    data = client.get("/api/health").json()
    m = pipeline.index.manifest
    assert data["status"] == "ok" and data["index_loaded"]
    assert data["corpus_hash"] == m["corpus_hash"] and data["model"] == m["model_id"]
    assert data["chunks"] == m["n_chunks"] and data["sentences"] == m["n_sentences"]
    assert data["documents"] == len(pipeline.documents) and data["index_version"] == pipeline.index.path.name


def test_documents_list_and_text(client, pipeline):
    listed = client.get("/api/documents").json()
    assert [d["doc_id"] for d in listed] == list(pipeline.documents)
    first = listed[0]
    full = client.get(f"/api/documents/{first['doc_id']}").json()
    assert full["text"] == pipeline.documents[first["doc_id"]]["text"] and full["chars"] == len(full["text"])
    _chinese_error(client.get("/api/documents/no-such-file.txt"), 404)


def test_unknown_paths_and_methods_answer_in_json(client):
    assert _chinese_error(client.get("/api/nothing-here"), 404).startswith("找不到")
    assert _chinese_error(client.get("/api/ask"), 405) == T.ERR_API_METHOD


def test_openapi_describes_the_contract(client):
    spec = client.get("/openapi.json").json()
    ask = spec["paths"]["/api/ask"]["post"]
    assert {"200", "422", "429"} <= set(ask["responses"])
    schema = spec["components"]["schemas"]["AskRequest"]
    assert schema["required"] == ["q"]


def test_api_key_guards_questions_not_health(pipeline):
    guarded = pipeline.settings.model_copy(update={"api_key": SecretStr("k-123")})
    c = TestClient(create_app(Library.single(pipeline), settings=guarded))
    body = {"q": _items("fact", 1)[0]["q"]}
    assert _chinese_error(c.post("/api/ask", json=body), 401) == T.ERR_API_UNAUTHORIZED
    _chinese_error(c.post("/api/ask", json=body, headers={"X-API-Key": "k-12"}), 401)
    _chinese_error(c.get("/api/documents"), 401)
    assert c.post("/api/ask", json=body, headers={"X-API-Key": "k-123"}).status_code == 200
    assert c.get("/api/health").status_code == 200


def test_ui_is_mounted_and_can_require_login(client, pipeline):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    login = pipeline.settings.model_copy(update={"ui_username": "official", "ui_password": SecretStr("pw-1")})
    c = TestClient(create_app(Library.single(pipeline), ui=default_ui, settings=login))
    assert c.get("/config").status_code == 401
    assert c.post("/login", data={"username": "official", "password": "wrong"}).status_code >= 400
    assert c.post("/login", data={"username": "official", "password": "pw-1"}).status_code == 200
    assert c.get("/config").status_code == 200


def _pids_and_answers(base: str, question: str, tries: int = 60) -> tuple[set[int], set[str]]:
    """Ask over a new connection each time (the kernel hands each to one
    worker) until two workers have answered."""
    pids, answers = set(), set()
    for _ in range(tries):
        with httpx.Client(base_url=base, timeout=60) as http:
            pids.add(http.get("/api/health").json()["pid"])
            answers.add(http.post("/api/ask", json={"q": question}).json()["answer"])
        if len(pids) == 2:
            break
    return pids, answers


def test_two_workers_serve_one_mapped_index(pipeline):
    """Real ``serve(workers=2)``: both workers answer, from the same index
    files mapped read-only, neither rebuilds it, and each runs its share of
    the cores' OpenMP threads, which sleep when idle."""
    from app.bench import start_server, stop_server
    from app.native_threads import cores

    settings = pipeline.settings
    before = sorted(p.name for p in Path(settings.index_dir).iterdir())
    proc, base = start_server(settings, workers=2, timeout_s=240)
    try:
        pids, answers = _pids_and_answers(base, _items("fact", 1)[0]["q"])
        assert len(pids) == 2 and len(answers) == 1
        dense = str(pipeline.index.path / "dense.faiss")
        for pid in pids:
            maps = Path(f"/proc/{pid}/maps").read_text()
            assert dense in maps, "worker does not map the shared index file"
            environ = set(Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"))
            assert {f"OMP_NUM_THREADS={max(1, cores() // 2)}".encode(), b"OMP_WAIT_POLICY=PASSIVE"} <= environ
    finally:
        stop_server(proc)
    assert sorted(p.name for p in Path(settings.index_dir).iterdir()) == before


@pytest.mark.slow
def test_two_workers_start_beside_a_cpu_hogging_neighbour(pipeline, tmp_path):
    """Every core busy with other work (two spinning processes per core)
    while two workers load the model: both still come up and answer. With
    uvicorn's default 5 s health check a worker still loading is killed and
    restarted, again and again, and the server never answers."""
    from app.bench import cpu_neighbour, start_server, stop_server
    from app.native_threads import cores

    bound_s = 300
    with cpu_neighbour(bound_s, processes=2 * cores()):
        started = time.monotonic()
        proc, base = start_server(pipeline.settings, workers=2, timeout_s=bound_s, log=tmp_path / "serve.log")
        try:
            pids, answers = _pids_and_answers(base, _items("fact", 1)[0]["q"])
            print(f"\ntwo workers answering beside the neighbour after {time.monotonic() - started:.1f} s")
        finally:
            stop_server(proc)
    assert len(pids) == 2 and len(answers) == 1, (tmp_path / "serve.log").read_text()


@pytest.mark.parametrize("host, password, locked", [("0.0.0.0", "", True), ("0.0.0.0", "s3cret", False),
                                                      ("127.0.0.1", "", False)])
def test_the_startup_log_says_when_admin_is_locked(tmp_path, host, password, locked):
    """Stops before binding (the corpus is empty), after the notice."""
    import os
    import subprocess
    import sys

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    script = ("import sys; from app.api import serve; from app.settings import Settings; "
              "serve(Settings(), host=sys.argv[1], port=1, workers=2)")
    env = {**os.environ, "POLICYQA_CORPUS_DIR": str(tmp_path / "corpus"), "POLICYQA_INDEX_DIR": str(tmp_path / "index"),
           "POLICYQA_ADMIN_PASSWORD": password}
    done = subprocess.run([sys.executable, "-c", script, host], capture_output=True, text=True, env=env,
                          cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2 and T.ERR_CORPUS_EMPTY in done.stderr
    assert (T.SERVE_ADMIN_LOCKED.format(host=host) in done.stderr) == locked


def test_server_connections_send_without_delay():
    """Responses leave at once: with several workers uvicorn's own socket
    would leave Nagle's algorithm on (a ~40 ms wait on every answer)."""
    import socket

    from app.api import send_without_delay

    class Transport:
        def __init__(self, sock: socket.socket) -> None:
            self.sock = sock

        def get_extra_info(self, name: str, default: object = None) -> object:
            return self.sock if name == "socket" else default

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:  # proto 0, as uvicorn binds it
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        send_without_delay(Transport(sock))
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
