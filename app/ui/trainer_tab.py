"""The trainer tab: key-facts sheet, quiz builder with handout downloads,
and class mode (one question at a time). ``app.trainer`` does the work and
is imported only when a trainer action runs."""
from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from .. import texts as T
from ..pipeline import Pipeline
from . import render as R

MAX_QUESTIONS = 50


def _sections(pipeline: Pipeline) -> list[str]:
    try:
        from ..trainer import list_sections
    except ImportError:
        return []
    return list_sections(pipeline)


def handout_files(quiz, folder: Path) -> tuple[list[str], str]:
    """Word, PDF and Markdown handouts, each without and with answers.
    Returns (paths, notice); a missing CJK font only drops the PDFs."""
    from ..trainer import FontMissing, quiz_to_docx, quiz_to_markdown, quiz_to_pdf

    files, notice = [], ""
    for with_answers, suffix in ((False, T.UI_TRAINER_FILE_STUDENT), (True, T.UI_TRAINER_FILE_KEY)):
        stem = f"{T.TRAINER_QUIZ_TITLE}_{suffix}"
        md = folder / f"{stem}.md"
        md.write_text(quiz_to_markdown(quiz, with_answers=with_answers), encoding="utf-8")
        files += [str(quiz_to_docx(quiz, folder / f"{stem}.docx", with_answers=with_answers)), str(md)]
        try:
            files.append(str(quiz_to_pdf(quiz, folder / f"{stem}.pdf", with_answers=with_answers)))
        except FontMissing as exc:
            notice = str(exc)
    return files, notice


def class_item_html(item, n: int, total: int, revealed: bool) -> str:
    """Class mode: the item's type and what to answer (对/错, A–D, the
    blank) above the question; once revealed, the answer and its citation."""
    letters = T.TRAINER_OPTION_LETTERS
    ask = T.UI_TRAINER_ASK[item.kind].format(last=letters[max(len(item.options), 1) - 1])
    kind = T.TRAINER_KIND_HEADINGS[item.kind]
    head = (f'<div class="pqa-class-kind"><span class="pqa-class-type">{R.esc(kind)}</span>'
            f'<span class="pqa-class-ask">{R.esc(ask)}</span></div>')
    cited = (f'<div class="pqa-class-citation">{R.esc(T.UI_TRAINER_CITATION)}{R.esc(item.citation)}</div>'
             if revealed and item.citation else "")
    return head + R.class_item_html(item, n, total, revealed) + cited


def build_trainer(pipeline: Pipeline) -> gr.CheckboxGroup:
    """Returns the section picker, which must refresh when the corpus changes."""
    kinds_quiz = T.TRAINER_KIND_HEADINGS
    notice = gr.HTML("", elem_id="pqa-trainer-notice")
    quiz_state = gr.State(None)
    position = gr.State(0)

    with gr.Accordion(T.UI_TRAINER_FACTS, open=False, elem_id="pqa-facts-panel"):
        facts_button = gr.Button(T.UI_TRAINER_FACTS_BUTTON, elem_id="pqa-facts-build")
        facts_view = gr.HTML("", elem_id="pqa-facts")
        facts_file = gr.File(label=T.UI_TRAINER_FACTS_DOWNLOAD, elem_id="pqa-facts-file")

    with gr.Accordion(T.UI_TRAINER_QUIZ, open=True, elem_id="pqa-quiz-panel"):
        sections = gr.CheckboxGroup(label=T.UI_TRAINER_SECTIONS, choices=_sections(pipeline),
                                    elem_id="pqa-quiz-sections")
        with gr.Row():
            count = gr.Number(label=T.UI_TRAINER_COUNT, value=10, minimum=1, maximum=MAX_QUESTIONS,
                              precision=0, elem_id="pqa-quiz-count")
            seed = gr.Number(label=T.UI_TRAINER_SEED, value=1, precision=0, minimum=0,
                             maximum=2**31 - 1, elem_id="pqa-quiz-seed")
            build = gr.Button(T.UI_TRAINER_BUILD, variant="primary", elem_id="pqa-quiz-build")
        quiz_view = gr.HTML("", elem_id="pqa-quiz")
        files = gr.File(label=T.UI_TRAINER_FILES, file_count="multiple", elem_id="pqa-quiz-files")

    with gr.Accordion(T.UI_TRAINER_CLASS, open=False, elem_id="pqa-class-panel"):
        stage = gr.HTML(R.notice_html(T.UI_TRAINER_CLASS_HINT, "info"), elem_id="pqa-class")
        with gr.Row():
            prev = gr.Button(T.UI_TRAINER_PREV, elem_id="pqa-class-prev")
            reveal = gr.Button(T.UI_TRAINER_REVEAL, variant="primary", elem_id="pqa-class-reveal")
            nxt = gr.Button(T.UI_TRAINER_NEXT, elem_id="pqa-class-next")

    def make_facts() -> tuple:
        try:
            from ..trainer import facts_to_markdown, key_facts
        except ImportError as exc:
            return "", None, R.notice_html(T.UI_TRAINER_UNAVAILABLE.format(error=exc))
        facts = key_facts(pipeline)
        path = Path(tempfile.mkdtemp(prefix="policyqa-facts-")) / f"{T.TRAINER_FACTS_TITLE}.md"
        path.write_text(facts_to_markdown(facts), encoding="utf-8")
        return R.facts_html(facts, T.TRAINER_FACT_KINDS), str(path), ""

    facts_button.click(make_facts, None, [facts_view, facts_file, notice], api_visibility="private")

    def make_quiz(chosen: list[str], n: float | None, s: float | None) -> tuple:
        try:
            from ..trainer import build_quiz
        except ImportError as exc:
            return None, 0, "", None, R.notice_html(T.UI_TRAINER_UNAVAILABLE.format(error=exc)), gr.update()
        n = int(min(max(n or 1, 1), MAX_QUESTIONS))
        quiz = build_quiz(pipeline, list(chosen) or None, n, int(s or 0))
        if not quiz.items:
            return None, 0, R.quiz_html([], kinds_quiz), None, "", R.notice_html(T.UI_TRAINER_CLASS_HINT, "info")
        paths, problem = handout_files(quiz, Path(tempfile.mkdtemp(prefix="policyqa-quiz-")))
        return (quiz, 0, R.quiz_html(quiz.items, kinds_quiz), paths, R.notice_html(problem),
                class_item_html(quiz.items[0], 1, len(quiz.items), False))

    build.click(make_quiz, [sections, count, seed], [quiz_state, position, quiz_view, files, notice, stage],
                api_visibility="private")

    def show(quiz, i: int, step: int, revealed: bool) -> tuple:
        if quiz is None or not quiz.items:
            return 0, R.notice_html(T.UI_TRAINER_CLASS_HINT, "info")
        i = min(max(i + step, 0), len(quiz.items) - 1)
        return i, class_item_html(quiz.items[i], i + 1, len(quiz.items), revealed)

    prev.click(lambda q, i: show(q, i, -1, False), [quiz_state, position], [position, stage], api_visibility="private")
    nxt.click(lambda q, i: show(q, i, 1, False), [quiz_state, position], [position, stage], api_visibility="private")
    reveal.click(lambda q, i: show(q, i, 0, True), [quiz_state, position], [position, stage], api_visibility="private")
    return sections


def refreshed_sections(pipeline: Pipeline) -> dict:
    return gr.update(choices=_sections(pipeline), value=[])
