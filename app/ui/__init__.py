"""The web UI: ``build_ui(pipeline)`` returns the Gradio app (chat, source
viewer, trainer tools, admin) of one knowledge base as a thin shell over its
pipeline; a row of links switches between the knowledge bases."""
from __future__ import annotations

from .. import settings as _settings  # noqa: F401  (sets the offline environment before gradio loads)
from .. import texts as T

import gradio as gr

from ..feedback import FeedbackStore
from ..reindex import Reindexer
from ..pipeline import Pipeline
from .admin import build_admin
from .bridge import build_bridge, event_key
from .chat import build_chat, refreshed_header
from .render import esc, kb_picker_html, notice_html
from .trainer_tab import build_trainer, refreshed_sections
from .viewer import SCROLL_JS, VIEWER_TAB_ID, build_viewer, doc_choices, open_citation, view

__all__ = ["build_ui"]


def build_ui(pipeline: Pipeline, links: list[tuple[str, str, str]] | None = None) -> gr.Blocks:
    """``links``: (title, path, name) of every knowledge base, for the picker."""
    store = FeedbackStore.for_settings(pipeline.settings)
    reindexer = Reindexer(pipeline)
    with gr.Blocks(title=T.APP_TITLE) as demo:
        bridge = build_bridge()
        gr.HTML(f'<h1 class="pqa-title">{esc(T.APP_TITLE)}</h1>')
        if links and len(links) > 1:
            gr.HTML(kb_picker_html(links, pipeline.kb), elem_id="pqa-kb-picker")
        bridge_notice = gr.HTML("", elem_id="pqa-bridge-notice")
        with gr.Tabs(elem_id="pqa-tabs") as tabs:
            with gr.Tab(T.UI_TAB_CHAT, id="chat", elem_id="pqa-tab-chat"):
                chat = build_chat(pipeline, store)
            with gr.Tab(T.UI_TAB_VIEWER, id=VIEWER_TAB_ID, elem_id="pqa-tab-viewer"):
                viewer = build_viewer(pipeline)
            with gr.Tab(T.UI_TAB_TRAINER, id="trainer", elem_id="pqa-tab-trainer"):
                sections = build_trainer(pipeline)
            with gr.Tab(T.UI_TAB_ADMIN, id="admin", elem_id="pqa-tab-admin"):
                changes = build_admin(pipeline, store, reindexer)

        def on_citation(evt: gr.EventData) -> tuple:
            doc, outline, body, error = open_citation(pipeline, event_key(evt))
            if error:
                return gr.update(), doc, outline, body, notice_html(error)
            return gr.Tabs(selected=VIEWER_TAB_ID), doc, outline, body, ""

        bridge.click(on_citation, None, [tabs, viewer.doc, viewer.outline, viewer.body, bridge_notice],
                     api_visibility="private").then(None, None, None, js=SCROLL_JS)

        def refreshed() -> tuple:
            """Everything that depends on which documents are served."""
            description, examples = refreshed_header(pipeline)
            choices = doc_choices(pipeline)
            first = choices[0][1] if choices else None
            outline, body = view(pipeline, first)
            return (description, examples, gr.update(choices=choices, value=first), outline, body,
                    refreshed_sections(pipeline))

        targets = [chat.description, chat.examples, viewer.doc, viewer.outline, viewer.body, sections]
        for change in changes:
            change.then(refreshed, None, targets, api_visibility="private")
        demo.load(refreshed, None, targets, api_visibility="private")
    return demo
