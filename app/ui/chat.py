"""The chat tab: a thin shell over ``pipeline.stream``.

The conversation lives in a ``gr.State`` list of ``Answer.to_json()`` dicts
("turns"); the chatbot only displays messages rendered from it. Turn ``i``
is always messages ``3i`` (question), ``3i + 1`` (answer) and ``3i + 2``
(its sources panel), which is how a 👍/👎 finds the answer it rates.
"""
from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import gradio as gr

from .. import texts as T
from ..exporting import answer_text, conversation_docx, conversation_markdown
from ..feedback import FeedbackError, FeedbackStore, rating_label
from ..pipeline import Pipeline, QuestionError
from . import render as R
from .questions import Chip, example_chips, suggested_chips

MESSAGES_PER_TURN = 3
log = logging.getLogger(__name__)


@dataclass
class ChatTab:
    """The parts that change when the served documents change."""

    description: gr.HTML
    examples: gr.Dataset


def turn_messages(turn: dict) -> list[dict]:
    return [
        {"role": "user", "content": R.user_html(turn["question"])},
        {"role": "assistant", "content": R.answer_html(turn)},
        {"role": "assistant", "content": R.sources_html(turn),
         "metadata": {"title": R.sources_title(turn), "status": "done"}},
    ]


def conversation_messages(turns: list[dict]) -> list[dict]:
    return [m for t in turns for m in turn_messages(t)]


def description_html(pipeline: Pipeline) -> str:
    titles = "、".join(f"《{d['title']}》" for d in pipeline.documents.values()) or T.UI_NO_DOCUMENTS
    return f'<p class="pqa-description">{R.esc(T.UI_DESCRIPTION.format(titles=titles))}</p>'


def _samples(chips: list[Chip]) -> list[list[str]]:
    return [[c.question] for c in chips]


def respond(pipeline: Pipeline, question: str, turns: list[dict]) -> Iterator[tuple]:
    """Stream one answer. Yields (messages, turns, question box, notice)."""
    turns = list(turns or [])
    history = [t["question"] for t in turns]
    shown = conversation_messages(turns)
    try:
        stream = pipeline.stream(question, history)
        text, answer = next(stream)  # validation happens here
        user = {"role": "user", "content": R.user_html(str(question))}
        while answer is None:
            yield [*shown, user, {"role": "assistant", "content": R.pending_html(text)}], turns, "", ""
            text, answer = next(stream)
    except QuestionError as exc:
        # Nothing else changes: the conversation stays, the question stays editable.
        yield shown, turns, gr.update(), R.notice_html(str(exc))
        return
    except Exception:  # never leave the user with a bare "Error" badge
        log.exception("answering failed")
        yield shown, turns, gr.update(), R.notice_html(T.ERR_UI_INTERNAL)
        return
    turns.append(answer.to_json())
    yield conversation_messages(turns), turns, "", ""


def build_chat(pipeline: Pipeline, store: FeedbackStore) -> ChatTab:
    turns = gr.State([])
    rated = gr.State(None)  # id of the feedback row a comment would attach to
    description = gr.HTML(description_html(pipeline))
    with gr.Row(elem_classes="pqa-toolbar"):
        large = gr.Checkbox(label=T.UI_LARGE_TEXT, value=False, elem_id="pqa-large-toggle", scale=0, min_width=220)
        new_chat = gr.Button(T.UI_NEW_CHAT, variant="secondary", size="sm", scale=0, min_width=100,
                             elem_id="pqa-new-chat")
    chatbot = gr.Chatbot(label=T.UI_CHATBOT_LABEL, elem_id="pqa-chatbot", height="62vh",
                         latex_delimiters=[], placeholder=R.esc(T.UI_CHAT_EMPTY), buttons=[],
                         feedback_options=("Like", "Dislike"), layout="panel")
    notice = gr.HTML("", elem_id="pqa-notice")
    with gr.Row(equal_height=True):
        question = gr.Textbox(label=T.UI_INPUT_LABEL, placeholder=T.UI_INPUT_PLACEHOLDER, lines=1,
                              max_lines=4, scale=6, elem_id="pqa-question", autofocus=True)
        send = gr.Button(T.UI_SEND, variant="primary", scale=1, min_width=80, elem_id="pqa-send")
    first_examples = example_chips(pipeline)
    examples = gr.Dataset(label=T.UI_EXAMPLES, components=["textbox"], elem_id="pqa-examples",
                          samples=_samples(first_examples), visible=bool(first_examples))
    suggestions = gr.Dataset(label=T.UI_SUGGESTIONS, components=["textbox"], samples=[],
                             elem_id="pqa-suggestions", visible=False)
    with gr.Row():
        comment = gr.Textbox(label=T.UI_FEEDBACK_LABEL, placeholder=T.UI_FEEDBACK_PLACEHOLDER, lines=1,
                             scale=5, elem_id="pqa-comment")
        comment_send = gr.Button(T.UI_FEEDBACK_SUBMIT, scale=1, min_width=80, elem_id="pqa-comment-send")
    with gr.Accordion(T.UI_COPY_EXPORT, open=False, elem_id="pqa-export"):
        with gr.Row():
            copy = gr.Button(T.UI_COPY_LAST, size="sm", elem_id="pqa-copy")
            export_md = gr.Button(T.UI_EXPORT_MD, size="sm", elem_id="pqa-export-md")
            export_docx = gr.Button(T.UI_EXPORT_DOCX, size="sm", elem_id="pqa-export-docx")
        plain = gr.Textbox(label=T.UI_PLAIN_TEXT, lines=6, buttons=["copy"], elem_id="pqa-plain")
        exported = gr.File(label=T.UI_EXPORT_FILE, elem_id="pqa-export-file")

    def ask(q: str, t: list[dict]) -> Iterator[tuple]:
        yield from respond(pipeline, q, t)

    def suggest(t: list[dict]) -> dict:
        if not t:
            return gr.update(visible=False)
        chips = suggested_chips(pipeline, t[-1], [x["question"] for x in t])
        return gr.update(samples=_samples(chips), visible=bool(chips))

    def pick(sample: list[str]) -> str:
        return sample[0] if sample else ""

    outputs = [chatbot, turns, question, notice]
    send.click(ask, [question, turns], outputs, api_name="ask", concurrency_limit=None).then(
        suggest, turns, suggestions, api_visibility="private")
    question.submit(ask, [question, turns], outputs, api_visibility="private", concurrency_limit=None).then(
        suggest, turns, suggestions, api_visibility="private")
    for dataset in (examples, suggestions):
        dataset.click(pick, dataset, question, api_visibility="private").then(
            ask, [question, turns], outputs, api_visibility="private", concurrency_limit=None
        ).then(suggest, turns, suggestions, api_visibility="private")

    def clear() -> tuple:
        return [], [], "", "", gr.update(visible=False), None, ""

    cleared = [chatbot, turns, question, notice, suggestions, rated, comment]
    new_chat.click(clear, None, cleared, api_visibility="private")
    # The chatbot's own bin icon must forget the conversation too, not just hide it.
    chatbot.clear(clear, None, cleared, api_visibility="private")
    large.change(None, large, None, js="(on) => { document.documentElement.classList.toggle('pqa-large', on); }")

    def on_like(t: list[dict], evt: gr.LikeData) -> tuple:
        i = evt.index if isinstance(evt.index, int) else evt.index[0]
        if i % MESSAGES_PER_TURN == 0 or not 0 <= i // MESSAGES_PER_TURN < len(t):
            return None, R.notice_html(T.UI_FEEDBACK_NOT_AN_ANSWER)
        if evt.liked not in (True, False, "Like", "Dislike"):
            return None, ""  # a rating was withdrawn; the stored one stays as history
        rating = 1 if evt.liked in (True, "Like") else -1
        row = store.add(t[i // MESSAGES_PER_TURN], rating)
        return row, R.notice_html(T.UI_FEEDBACK_THANKS.format(rating=rating_label(rating)), "info")

    chatbot.like(on_like, turns, [rated, notice], api_visibility="private")

    def save_comment(row: int | None, text: str) -> tuple:
        if row is None:
            return gr.update(), R.notice_html(T.UI_FEEDBACK_RATE_FIRST)
        try:
            store.set_comment(row, text)
        except FeedbackError as exc:
            return gr.update(), R.notice_html(str(exc))
        return "", R.notice_html(T.UI_FEEDBACK_COMMENT_SAVED, "info")

    comment_send.click(save_comment, [rated, comment], [comment, notice], api_visibility="private")

    def copy_last(t: list[dict]) -> tuple:
        if not t:
            return "", R.notice_html(T.UI_NOTHING_TO_EXPORT)
        return answer_text(t[-1]), ""

    copy.click(copy_last, turns, [plain, notice], api_visibility="private").then(
        None, plain, None, js="(text) => { if (text && navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {}); }")

    def export(kind: str, t: list[dict]) -> tuple:
        if not t:
            return None, R.notice_html(T.UI_NOTHING_TO_EXPORT)
        folder = Path(tempfile.mkdtemp(prefix="policyqa-export-"))
        if kind == "md":
            path = folder / f"{T.EXPORT_FILE_STEM}.md"
            path.write_text(conversation_markdown(t), encoding="utf-8")
        else:
            path = conversation_docx(t, folder / f"{T.EXPORT_FILE_STEM}.docx")
        return str(path), ""

    export_md.click(lambda t: export("md", t), turns, [exported, notice], api_visibility="private")
    export_docx.click(lambda t: export("docx", t), turns, [exported, notice], api_visibility="private")
    return ChatTab(description, examples)


def refreshed_header(pipeline: Pipeline) -> tuple:
    """Description and examples for the index being served now."""
    chips = example_chips(pipeline)
    return description_html(pipeline), gr.update(samples=_samples(chips), visible=bool(chips))
