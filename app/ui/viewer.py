"""The source viewer tab: a whole document laid out by its sections, with an
outline to browse, and — when opened from a citation — the cited passage
shaded and its sentences marked."""
from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from .. import texts as T
from ..pipeline import Pipeline
from . import render as R

VIEWER_TAB_ID = "viewer"
# Runs after the document is rendered: bring the cited paragraph into view.
SCROLL_JS = """() => { setTimeout(() => {
  const el = document.querySelector('#pqa-viewer mark') || document.getElementById('pqa-cited');
  if (el) el.scrollIntoView({block: 'center'});
}, 50); }"""


@dataclass
class ViewerTab:
    doc: gr.Dropdown
    outline: gr.HTML
    body: gr.HTML


def doc_choices(pipeline: Pipeline) -> list[tuple[str, str]]:
    return [(d["title"] or doc_id, doc_id) for doc_id, d in pipeline.documents.items()]


def view(pipeline: Pipeline, doc_id: str | None, focus: R.CiteRef | None = None) -> tuple[str, str]:
    """(outline, body) HTML for one document; the first one if unknown."""
    docs = pipeline.documents
    if doc_id not in docs:
        if not docs:
            return "", R.notice_html(T.UI_NO_DOCUMENTS)
        doc_id, focus = next(iter(docs)), None
    return R.document_html(doc_id, docs[doc_id], focus)


def open_citation(pipeline: Pipeline, key: object) -> tuple[dict, str, str, str | None]:
    """(dropdown update, outline, body, error) for a citation link's key."""
    ref = R.parse_cite_key(key)
    docs = pipeline.documents
    if ref is None or ref.doc not in docs or ref.end > len(docs[ref.doc]["text"]):
        return gr.update(), gr.update(), gr.update(), T.UI_BAD_CITATION
    outline, body = view(pipeline, ref.doc, ref)
    return gr.update(value=ref.doc, choices=doc_choices(pipeline)), outline, body, None


def build_viewer(pipeline: Pipeline) -> ViewerTab:
    choices = doc_choices(pipeline)
    first = choices[0][1] if choices else None
    outline_html, body_html = view(pipeline, first)
    gr.HTML(f'<p class="pqa-hint">{R.esc(T.UI_VIEWER_HINT)}</p>')
    doc = gr.Dropdown(label=T.UI_VIEWER_DOC, choices=choices, value=first, elem_id="pqa-viewer-doc")
    with gr.Row():
        with gr.Column(scale=1, min_width=200, elem_classes="pqa-outline-col"):
            gr.HTML(f"<h3>{R.esc(T.UI_VIEWER_OUTLINE)}</h3>")
            outline = gr.HTML(outline_html, elem_id="pqa-outline")
        with gr.Column(scale=3):
            body = gr.HTML(body_html, elem_id="pqa-viewer")
    doc.input(lambda d: view(pipeline, d), doc, [outline, body], api_visibility="private")
    return ViewerTab(doc, outline, body)
