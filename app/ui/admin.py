"""The admin tab: the knowledge base's documents (title, kind, date,
status), upload, delete and replace with a new version (re-indexed in the
background while the chat keeps answering), and the feedback. All of it
asks for ``settings.admin_password`` when one is set, and is locked without
one when the server listens beyond loopback (``app/access.py``)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Iterator

import gradio as gr

from .. import texts as T
from ..access import admin_locked, admin_refusal
from ..feedback import FeedbackStore, rating_label
from ..ingest import UploadError, delete_document, ingest, replace_document
from ..parsers import PARSERS
from ..reindex import Reindexer
from ..pipeline import Pipeline
from . import render as R

POLL_SECONDS = 0.4
ANSWER_PREVIEW_CHARS = 120


def documents_html(pipeline: Pipeline) -> str:
    """The documents served, with what each says of itself."""
    metas = pipeline.snapshot.metas
    head = "".join(f"<th>{R.esc(h)}</th>" for h in T.UI_DOCUMENT_COLUMNS)
    rows = "".join(
        f"<tr><td>{R.esc(m.title)}</td><td>{R.esc(m.kind)}</td><td>{R.esc(m.date)}</td>"
        f"<td>{R.esc(m.status)}</td><td class=\"pqa-doc\">{R.esc(doc_id)}</td></tr>"
        for doc_id, m in sorted(metas.items(), key=lambda kv: (kv[1].title, kv[1].date)))
    issues = "".join(f"<li>{R.esc(i.message)}</li>" for i in pipeline.corpus_issues)
    return (f"<h3>{R.esc(T.UI_DOCUMENTS)}</h3><table class=\"pqa-table\"><thead><tr>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            + (f'<ul class="pqa-notice pqa-error">{issues}</ul>' if issues else ""))


def document_choices(pipeline: Pipeline) -> list[tuple[str, str]]:
    metas = pipeline.snapshot.metas
    return [(T.UI_DOCUMENT_CHOICE.format(title=m.title, date=m.date or "—", status=m.status or T.UI_NO_STATUS), doc_id)
            for doc_id, m in sorted(metas.items(), key=lambda kv: (kv[1].title, kv[1].date))]


def feedback_html(store: FeedbackStore, limit: int = 200) -> str:
    rows = store.rows(limit)
    if not rows:
        return R.notice_html(T.FEEDBACK_NONE, "info")
    head = "".join(f"<th>{R.esc(h)}</th>" for h in T.UI_ADMIN_COLUMNS)
    body = "".join(
        f"<tr><td>{r.id}</td><td>{R.esc(r.created_at)}</td><td>{R.esc(rating_label(r.rating))}</td>"
        f"<td>{R.esc(r.question)}</td><td>{R.esc(r.comment)}</td>"
        f"<td>{R.lines_html(r.answer[:ANSWER_PREVIEW_CHARS])}</td></tr>" for r in rows)
    return f'<table class="pqa-table" id="pqa-feedback-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def feedback_view(pipeline: Pipeline, store: FeedbackStore, password: str | None) -> str:
    """The feedback table, or why it is not shown."""
    refusal = admin_refusal(pipeline.settings, password)
    return R.notice_html(refusal) if refusal else feedback_html(store)


def upload_and_reindex(pipeline: Pipeline, reindexer: Reindexer, file: str | None,
                       password: str | None) -> Iterator[tuple[str, str]]:
    """Yields (status, documents) while the upload is checked, saved and indexed."""
    problem = _cannot_start(pipeline, password, file, T.ERR_UPLOAD_NO_FILE)
    if problem:
        yield R.notice_html(problem), gr.update()
        return
    path = Path(file)
    try:
        saved = ingest(pipeline.settings, path.name, _read_upload(path, pipeline.settings.upload_max_bytes))
    except UploadError as exc:
        yield R.notice_html(str(exc)), gr.update()
        return
    yield from reindexed(pipeline, reindexer, T.UI_UPLOAD_SAVED.format(name=saved.doc_id, chars=saved.chars))


def _cannot_start(pipeline: Pipeline, password: str | None, chosen: str | None, none_chosen: str) -> str | None:
    """Why a change of the documents cannot start: no admin access, or
    nothing chosen to change (``none_chosen`` says what)."""
    return admin_refusal(pipeline.settings, password) or (None if chosen else none_chosen)


def _read_upload(path: Path, limit: int) -> bytes:
    """An uploaded file's bytes, refused before reading when too large."""
    size = path.stat().st_size
    if size > limit:
        raise UploadError(T.ERR_UPLOAD_TOO_LARGE.format(size=round(size / 2**20, 1), limit=round(limit / 2**20, 1)))
    return path.read_bytes()


def change_and_reindex(pipeline: Pipeline, reindexer: Reindexer, doc_id: str | None, file: str | None,
                       keep_old: bool, password: str | None) -> Iterator[tuple[str, str]]:
    """Delete ``doc_id`` (no file) or replace it with ``file``, then re-index."""
    problem = _cannot_start(pipeline, password, doc_id, T.ERR_DOC_NONE_CHOSEN)
    if problem:
        yield R.notice_html(problem), gr.update()
        return
    try:
        if file:
            path = Path(file)
            saved = replace_document(pipeline.settings, doc_id, path.name,
                                     _read_upload(path, pipeline.settings.upload_max_bytes), keep_old)
            done = T.UI_DOC_REPLACED.format(old=doc_id, name=saved.doc_id,
                                            kept=T.UI_DOC_KEPT if keep_old else T.UI_DOC_REMOVED)
        else:
            delete_document(pipeline.settings, doc_id)
            done = T.UI_DOC_DELETED.format(name=doc_id)
    except UploadError as exc:
        yield R.notice_html(str(exc)), gr.update()
        return
    yield from reindexed(pipeline, reindexer, done)


def reindexed(pipeline: Pipeline, reindexer: Reindexer, done: str) -> Iterator[tuple[str, str]]:
    """Yields (status, documents) while the index is rebuilt after a change."""
    if not reindexer.start():
        yield R.notice_html(f"{done}\n{T.UI_REINDEX_BUSY}", "info"), gr.update()
        return
    yield R.notice_html(f"{done}\n{T.UI_REINDEX_STARTING}", "info"), gr.update()
    while (status := reindexer.status()).running:
        if status.total:
            stage = T.UI_REINDEX_STAGE.get(status.stage, status.stage)
            progress = T.UI_REINDEX_PROGRESS.format(stage=stage, done=status.done, total=status.total)
            yield R.notice_html(f"{done}\n{progress}", "info"), gr.update()
        time.sleep(POLL_SECONDS)
    if status.error:
        yield R.notice_html(T.UI_REINDEX_FAILED.format(error=status.error)), documents_html(pipeline)
    else:
        message = T.UI_REINDEX_DONE.format(docs=len(pipeline.documents))
        yield R.notice_html(f"{done}\n{message}", "info"), documents_html(pipeline)


def build_admin(pipeline: Pipeline, store: FeedbackStore, reindexer: Reindexer) -> list:
    """Returns the events that change the documents (upload, delete,
    replace), which the caller extends to refresh the other tabs once the
    new index serves."""
    settings = pipeline.settings
    needs_password = settings.admin_password is not None
    if admin_locked(settings):
        gr.HTML(R.notice_html(T.ERR_ADMIN_LOCKED), elem_id="pqa-admin-locked")
    password = gr.Textbox(label=T.UI_ADMIN_PASSWORD, type="password", visible=needs_password,
                          elem_id="pqa-admin-password")
    gr.HTML(f"<h3>{R.esc(T.UI_UPLOAD_TITLE)}</h3><p class=\"pqa-hint\">"
            + R.esc(T.UI_UPLOAD_HINT.format(types="、".join(PARSERS),
                                           limit=round(settings.upload_max_bytes / 2**20, 1))) + "</p>")
    file = gr.File(label=T.UI_UPLOAD_FILE, type="filepath", elem_id="pqa-upload-file")
    upload = gr.Button(T.UI_UPLOAD_BUTTON, variant="primary", elem_id="pqa-upload")
    status = gr.HTML("", elem_id="pqa-upload-status")
    docs = gr.HTML(documents_html(pipeline), elem_id="pqa-documents")

    def on_upload(f: str | None, p: str | None) -> Iterator[tuple[str, str]]:
        yield from upload_and_reindex(pipeline, reindexer, f, p)

    uploaded = upload.click(on_upload, [file, password], [status, docs], api_visibility="private",
                            concurrency_limit=1)

    gr.HTML(f"<h3>{R.esc(T.UI_MANAGE_TITLE)}</h3><p class=\"pqa-hint\">{R.esc(T.UI_MANAGE_HINT)}</p>")
    chosen = gr.Dropdown(document_choices(pipeline), label=T.UI_MANAGE_DOC, elem_id="pqa-manage-doc")
    with gr.Row():
        delete = gr.Button(T.UI_DELETE_BUTTON, variant="stop", elem_id="pqa-delete")
    new_version = gr.File(label=T.UI_REPLACE_FILE, type="filepath", elem_id="pqa-replace-file")
    keep_old = gr.Checkbox(True, label=T.UI_KEEP_OLD, elem_id="pqa-keep-old")
    replace = gr.Button(T.UI_REPLACE_BUTTON, elem_id="pqa-replace")

    def on_delete(d: str | None, p: str | None) -> Iterator[tuple[str, str]]:
        yield from change_and_reindex(pipeline, reindexer, d, None, False, p)

    def on_replace(d: str | None, f: str | None, k: bool, p: str | None) -> Iterator[tuple[str, str]]:
        if not f:
            yield R.notice_html(T.ERR_UPLOAD_NO_FILE), gr.update()
            return
        yield from change_and_reindex(pipeline, reindexer, d, f, k, p)

    deleted = delete.click(on_delete, [chosen, password], [status, docs], api_visibility="private",
                           concurrency_limit=1)
    replaced = replace.click(on_replace, [chosen, new_version, keep_old, password], [status, docs],
                             api_visibility="private", concurrency_limit=1)
    for event in (uploaded, deleted, replaced):
        event.then(lambda: gr.update(choices=document_choices(pipeline), value=None), None, chosen,
                   api_visibility="private")

    gr.HTML(f"<h3>{R.esc(T.UI_ADMIN_FEEDBACK)}</h3>")
    with gr.Row():
        refresh = gr.Button(T.UI_ADMIN_REFRESH, elem_id="pqa-feedback-refresh")
        export = gr.Button(T.UI_ADMIN_CSV, elem_id="pqa-feedback-csv")
    table = gr.HTML("", elem_id="pqa-feedback")
    csv_file = gr.File(label=T.UI_ADMIN_CSV, elem_id="pqa-feedback-file")

    def show(p: str | None) -> str:
        return feedback_view(pipeline, store, p)

    def to_csv(p: str | None) -> tuple:
        refusal = admin_refusal(settings, p)
        if refusal:
            return None, R.notice_html(refusal)
        path = Path(tempfile.mkdtemp(prefix="policyqa-feedback-")) / "feedback.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            store.write_csv(f)
        return str(path), feedback_html(store)

    refresh.click(show, password, table, api_visibility="private")
    export.click(to_csv, password, [csv_file, table], api_visibility="private")
    return [uploaded, deleted, replaced]
