"""A local stand-in for an OpenAI-compatible chat endpoint: it plays only the
external service's part (streamed chat completions) and records requests."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

Reply = Callable[[dict], str]


class StandIn:
    def __init__(self, reply: Reply, delay_s: float = 0.0, raw: bytes | None = None) -> None:
        self.reply = reply
        self.delay_s = delay_s
        self.raw = raw  # when set, sent as the whole (malformed) response body
        self.requests: list[dict] = []
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                standin.requests.append({"path": self.path, "body": body,
                                         "auth": self.headers.get("Authorization")})
                time.sleep(standin.delay_s)
                self.send_response(200)
                if standin.raw is not None:
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    self.wfile.write(standin.raw)
                    return
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                text = standin.reply(body)
                for i in range(0, len(text), 8):
                    chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0,
                             "model": body.get("model", "m"),
                             "choices": [{"index": 0, "delta": {"content": text[i:i + 8]},
                                          "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                done = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> "StandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def passages_of(body: dict) -> str:
    """The user turn the client sent (holds the numbered passages)."""
    return next(m["content"] for m in body["messages"] if m["role"] == "user")
