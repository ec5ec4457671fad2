"""HTTP service: the JSON API and the web UI in one FastAPI app.

The API is a thin shell over ``Pipeline.ask`` of the knowledge base asked
(``kb``; the default one when absent): it checks access, rate and size,
turns every failure into a 4xx/5xx JSON ``{"error": <Chinese text>}``, and
returns ``Answer.to_json()`` unchanged. The web UI of the default base is
mounted at ``/``, every other base's at ``/kb/<name>/``.

Scaling: every worker process builds its own ``Library(mmap=True)``; the
FAISS index and sentence vectors are mapped read-only from the same files,
so the page cache holds one copy for all workers, the build lock in
``index_store`` makes sure at most one of them (re)builds the index, and
each follows ``index/CURRENT`` to serve a version built by another
(``index_watch``): once a second, and before each question and document
list, in the API and the web UI alike.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import socket
import sys
from typing import TYPE_CHECKING, Annotated, Any, Callable

import anyio
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, SecretStr, StrictInt, StrictStr, StringConstraints, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from . import native_threads
from .access import admin_locked
from . import texts as T
from .answer import Citation, Side
from .ratelimit import RateLimiter
from .settings import Settings
from .textnorm import has_binary

if TYPE_CHECKING:
    import gradio as gr

    from .kb import Library
    from .pipeline import Pipeline

log = logging.getLogger("policyqa.api")
SETTINGS_ENV = "POLICYQA_SERVE_SETTINGS_JSON"
UiBuilder = Callable[["Pipeline", list[tuple[str, str, str]]], "gr.Blocks"]


# --- wire formats (also the OpenAPI document) ----------------------------------
class AskRequest(BaseModel):
    q: StrictStr = Field(description="问题（不超过设置的字数上限）")
    history: list[StrictStr] | None = Field(default=None, description="本轮对话之前的问题，按时间顺序")
    id: Annotated[StrictStr, StringConstraints(max_length=200)] | StrictInt | None = Field(
        default=None, description="调用方自定的编号，原样返回")
    kb: Annotated[StrictStr, StringConstraints(max_length=100)] | None = Field(
        default=None, description="资料库名称（见 /api/kbs；不填则为默认资料库）")

    @field_validator("id", mode="before")
    @classmethod
    def _json_integer(cls, value: object) -> object:
        # An integer as JSON Schema means it: 1000.0 is one, true is not.
        if isinstance(value, bool):
            raise ValueError("id")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @field_validator("id")
    @classmethod
    def _echoable(cls, value: str | int | None) -> str | int | None:
        # Echoed back in UTF-8 JSON: control characters and lone surrogates
        # (legal as JSON escapes) cannot be.
        if isinstance(value, str) and has_binary(value):
            raise ValueError("id")
        return value


class AskResponse(BaseModel):
    id: str | int | None
    question: str
    answer: str
    refused: bool
    mode: str
    citations: list[Citation]  # the pipeline's dataclass: one definition of the contract
    timings_ms: dict[str, float]
    kb: str | None = None
    sides: list[Side] | None = None  # a comparison's documents, side by side


class KnowledgeBaseOut(BaseModel):
    name: str
    title: str
    description: str
    default: bool


class ErrorResponse(BaseModel):
    error: str


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    chars: int
    encoding: str
    sha256: str
    kind: str = ""
    date: str = ""
    status: str = ""
    current: str = ""


class DocumentText(DocumentOut):
    text: str


class HealthResponse(BaseModel):
    status: str
    index_loaded: bool
    index_version: str
    corpus_hash: str
    model: str
    mode: str
    dense_index: str
    documents: int
    chunks: int
    sentences: int
    corpus_issues: list[str]
    pid: int


class ApiError(HTTPException):
    """An error whose ``detail`` is the Chinese message for the client.
    (FastAPI's own class, so it passes through body parsing unwrapped.)"""


def _quoted(text: str) -> str:
    """User-supplied text inside an error message: short and encodable."""
    return text[:100].encode("utf-8", "replace").decode("utf-8")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorResponse} for code in codes}


_FRAMEWORK_ERRORS = {400: T.ERR_API_BAD_JSON, 404: T.ERR_API_NOT_FOUND, 405: T.ERR_API_METHOD}
_TYPE_NAMES = {"string_type": "字符串", "int_type": "整数", "list_type": "数组",
               "model_attributes_type": "JSON 对象", "dict_type": "JSON 对象"}


def _validation_message(exc: RequestValidationError) -> tuple[int, str]:
    errors = exc.errors()
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return 400, T.ERR_API_BAD_JSON
    # Keep field names and list positions; drop pydantic's union-branch tags.
    loc = [str(p) for p in first.get("loc", ()) if isinstance(p, int) or p in AskRequest.model_fields]
    field = ".".join(loc) or "请求体"
    kind = str(first.get("type", ""))
    if kind == "missing":
        problem = T.ERR_API_FIELD_MISSING
    elif kind in _TYPE_NAMES:
        problem = T.ERR_API_FIELD_TYPE.format(expected=_TYPE_NAMES[kind])
    else:
        problem = T.ERR_API_FIELD_INVALID
    return 422, T.ERR_API_BAD_FIELD.format(field=field, problem=problem)


class _ApiShell:
    """ASGI wrapper for /api/*: rejects request bodies over the limit, whether
    or not they announce their length, before the application reads them
    into memory; and marks every response as not-to-be-sniffed, not cached
    (answers quote user input, which must never be rendered as HTML)."""

    HEADERS = [(b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store")]

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return

        async def marked(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        error = ApiError(413, T.ERR_API_BODY_TOO_LARGE.format(limit=self.limit // 1024))
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await JSONResponse({"error": error.detail}, status_code=413)(scope, receive, marked)
            return
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise error  # FastAPI passes HTTPExceptions from body reading through
            return message

        await self.app(scope, limited, marked)


def create_app(library: Library, ui: UiBuilder | None = None, settings: Settings | None = None) -> FastAPI:
    """The API over the knowledge bases of ``library``; with ``ui`` the web
    UI is mounted. ``settings`` (access, limits) default to the library's.
    A base whose pipeline an index watcher follows catches up with its index
    on disk before each question (in the API and the web UI alike) and each
    document list: asked after a change of its documents has been reported
    done, it is answered from the change by every worker, not up to a watch
    interval later."""
    from .kb import UnknownKnowledgeBase

    settings = settings or library.settings

    def pipeline_of(kb: str | None) -> Pipeline:
        try:
            return library.pipeline(kb)
        except UnknownKnowledgeBase as exc:
            raise ApiError(404, str(exc)) from exc

    async def current(kb: str | None) -> Pipeline:
        pipeline = pipeline_of(kb)
        await anyio.to_thread.run_sync(pipeline.follow_index)
        return pipeline

    limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    # Many threads time-slicing one core (and the GIL) make every answer slow
    # at once; a short line keeps each answer fast and the event loop free.
    in_flight = anyio.CapacityLimiter(max(1, settings.max_concurrent_asks))
    app = FastAPI(title=T.APP_TITLE, version="1", docs_url="/api/docs", redoc_url=None,
                  description="依据原文作答并给出出处的政策问答接口。")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc, ApiError):
            message = str(exc.detail)
        else:
            message = _FRAMEWORK_ERRORS.get(exc.status_code, T.ERR_API_INTERNAL).format(path=_quoted(request.url.path))
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, message = _validation_message(exc)
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled %s on %s", type(exc).__name__, request.url.path, exc_info=exc)
        return JSONResponse({"error": T.ERR_API_INTERNAL}, status_code=500)

    app.add_middleware(_ApiShell, limit=settings.max_request_bytes)

    # Both checks are async so that FastAPI runs them inline, not in threads.
    async def check_key(request: Request) -> None:
        expected = settings.api_key
        if expected is None:
            return
        given = request.headers.get("x-api-key", "")
        if not hmac.compare_digest(given.encode(), expected.get_secret_value().encode()):
            raise ApiError(401, T.ERR_API_UNAUTHORIZED)

    async def check_rate(request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        wait = limiter.check(client)
        if wait:
            raise ApiError(429, T.ERR_API_RATE_LIMITED.format(seconds=wait), headers={"Retry-After": str(wait)})

    guarded = [Depends(check_key), Depends(check_rate)]

    @app.post("/api/ask", response_model=AskResponse, dependencies=guarded,
              responses=_errors(400, 401, 404, 413, 422, 429, 500), summary="提问")
    async def ask(body: AskRequest) -> JSONResponse:
        from .pipeline import QuestionError

        history = body.history or []
        if len(history) > settings.max_history_items:
            raise ApiError(422, T.ERR_API_TOO_MANY_HISTORY.format(n=len(history), limit=settings.max_history_items))
        pipeline = pipeline_of(body.kb)
        try:
            # The pipeline catches up with its index first (follow_index).
            answer = await anyio.to_thread.run_sync(pipeline.ask, body.q, history, body.id, limiter=in_flight)
        except QuestionError as exc:
            raise ApiError(422, str(exc)) from exc
        return JSONResponse(answer.to_json())

    @app.get("/api/health", response_model=HealthResponse, responses=_errors(500), summary="服务状态")
    async def health() -> dict:
        pipeline = pipeline_of(None)
        index = pipeline.index
        m = index.manifest
        return {
            "status": "ok", "index_loaded": True, "index_version": index.path.name,
            "corpus_hash": m.get("corpus_hash", ""), "model": m.get("model_id", ""),
            "mode": settings.mode, "dense_index": m.get("dense_index", ""),
            "documents": len(index.docs), "chunks": len(index.chunks), "sentences": int(index.sentence_rows[-1]),
            "corpus_issues": [i.message for i in pipeline.corpus_issues], "pid": os.getpid(),
        }

    def document_rows(pipeline: Pipeline) -> list[dict]:
        hashes = {d["doc_id"]: d["sha256"] for d in pipeline.index.manifest.get("documents", [])}
        metas = pipeline.snapshot.metas
        return [{"doc_id": doc_id, "title": d["title"], "chars": len(d["text"]), "encoding": d["encoding"],
                 "sha256": hashes.get(doc_id, ""), "kind": metas[doc_id].kind, "date": metas[doc_id].date,
                 "status": metas[doc_id].status, "current": metas[doc_id].current}
                for doc_id, d in pipeline.documents.items()]

    @app.get("/api/kbs", response_model=list[KnowledgeBaseOut], dependencies=guarded,
             responses=_errors(401, 429, 500), summary="资料库列表")
    async def kbs() -> list[dict]:
        return [{**kb.to_json(), "default": kb.name == library.default} for kb in library.bases.values()]

    @app.get("/api/documents", response_model=list[DocumentOut], dependencies=guarded,
             responses=_errors(401, 404, 429, 500), summary="资料库中的文件")
    async def documents(kb: str | None = None) -> list[dict]:
        return document_rows(await current(kb))

    @app.get("/api/documents/{doc_id:path}", response_model=DocumentText, dependencies=guarded,
             responses=_errors(401, 404, 429, 500), summary="一个文件的全文")
    async def document(doc_id: str, kb: str | None = None) -> dict:
        # Looked up among the indexed documents only: no path is ever opened.
        pipeline = await current(kb)
        row = next((r for r in document_rows(pipeline) if r["doc_id"] == doc_id), None)
        if row is None:
            raise ApiError(404, T.ERR_API_NO_DOCUMENT.format(doc=_quoted(doc_id)))
        return {**row, "text": pipeline.documents[doc_id]["text"]}

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    async def unknown(request: Request, rest: str) -> None:
        # Keeps /api/* answering in JSON instead of falling through to the UI.
        if any(r.matches(request.scope)[0] == Match.PARTIAL for r in api_routes):
            raise ApiError(405, T.ERR_API_METHOD)
        raise ApiError(404, T.ERR_API_NOT_FOUND.format(path=_quoted(f"/api/{rest}")))

    api_routes = [r for r in app.router.routes if isinstance(r, APIRoute) and r.endpoint is not unknown]

    if ui is not None:
        import gradio as gr

        auth = None
        if settings.ui_username and settings.ui_password is not None:
            auth = (settings.ui_username, settings.ui_password.get_secret_value())
        links = [(kb.title, "/" if kb.name == library.default else f"/kb/{kb.name}/", kb.name)
                 for kb in library.bases.values()]
        # The other bases first: a mount at "/" would catch their paths.
        for kb in library.bases.values():
            if kb.name != library.default:
                app = gr.mount_gradio_app(app, ui(library.pipeline(kb.name), links), path=f"/kb/{kb.name}",
                                          auth=auth, auth_message=T.APP_TITLE)
        app = gr.mount_gradio_app(app, ui(library.pipeline(), links), path="/", auth=auth,
                                  auth_message=T.APP_TITLE)
    return app


def default_ui(pipeline: Pipeline, links: list[tuple[str, str, str]] | None = None) -> gr.Blocks:
    from .ui import build_ui

    return build_ui(pipeline, links)


# --- running -------------------------------------------------------------------
class _NoDelayHTTP(AutoHTTPProtocol):
    """uvicorn's HTTP protocol with Nagle's algorithm off. With several
    workers uvicorn binds the socket without naming TCP as its protocol, so
    asyncio leaves Nagle on for accepted connections and every response
    waits ~40 ms for the client's delayed ACK."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        send_without_delay(transport)
        super().connection_made(transport)


def send_without_delay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def settings_to_env(settings: Settings) -> str:
    data = {}
    for name, value in settings:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        data[name] = value
    return json.dumps(data, default=str)


def worker_app() -> FastAPI:
    """Factory run in each worker process (``uvicorn --factory``)."""
    raw = os.environ.get(SETTINGS_ENV)
    settings = Settings(**json.loads(raw)) if raw else Settings()
    native_threads.configure(settings)
    return serving_app(settings)


def serving_app(settings: Settings) -> FastAPI:
    """The app a serving process runs: every knowledge base's pipeline maps
    its index and follows it when another process or worker swaps in a new
    version."""
    from .index_watch import IndexWatcher
    from .kb import Library

    library = Library(settings, mmap=True)
    for name in library.bases:
        IndexWatcher(library.pipeline(name), settings.index_watch_interval_s).start()
    return create_app(library, ui=default_ui)


def serve(settings: Settings, host: str | None = None, port: int | None = None,
          workers: int | None = None) -> None:
    """Run the service. With several workers each process loads the model and
    maps the index; the first to find the index stale rebuilds it under the
    lock while the others wait."""
    import uvicorn

    from .index_store import IndexUnusable
    from .kb import Library

    workers = workers or settings.workers
    # The workers' settings say where the server listens (the admin lock
    # depends on it) and their share of the cores; they inherit the setting
    # (and with it their OpenMP environment) from this process.
    settings = settings.model_copy(update={"host": host or settings.host, "port": port or settings.port,
                                           "native_threads": native_threads.threads_for(settings, workers)})
    native_threads.configure(settings)
    if admin_locked(settings):
        print(T.SERVE_ADMIN_LOCKED.format(host=settings.host), file=sys.stderr, flush=True)
    options = {"host": settings.host, "port": settings.port,
               "proxy_headers": True, "forwarded_allow_ips": settings.forwarded_allow_ips,
               "http": _NoDelayHTTP, "log_level": "info",
               "timeout_worker_healthcheck": settings.worker_healthcheck_timeout_s}
    try:
        if workers > 1:
            # Build every index before forking, and fail here with the
            # reason rather than in every worker.
            library = Library(settings)
            for name in library.bases:
                library.pipeline(name)
            os.environ[SETTINGS_ENV] = settings_to_env(settings)
            os.environ["POLICYQA_NATIVE_THREADS"] = str(settings.native_threads)  # read at the workers' import
            uvicorn.run("app.api:worker_app", factory=True, workers=workers, **options)
        else:
            uvicorn.run(serving_app(settings), **options)
    except IndexUnusable as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise SystemExit(2) from exc

