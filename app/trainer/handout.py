"""Printable handouts: a quiz (optionally with its answer key) and a key-facts
sheet, laid out once as blocks and rendered to Markdown and Word."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.shared import Pt

from .. import texts as T
from ..exporting import md_escape
from .facts import Fact
from .quiz import Quiz, QuizItem


@dataclass(frozen=True)
class Block:
    style: str  # "title", "heading", "text", "question", "option", "answer", "source"
    text: str


def _question(n: int, item: QuizItem) -> list[Block]:
    prompt = item.prompt + (T.TRAINER_TF_MARK if item.kind == "truefalse" else "")
    blocks = [Block("question", f"{n}. {prompt}")]
    blocks += [Block("option", f"{T.TRAINER_OPTION_LETTERS[i]}. {o}") for i, o in enumerate(item.options)]
    return blocks


def _answer(item: QuizItem) -> str:
    if item.kind == "choice":
        return f"{T.TRAINER_OPTION_LETTERS[item.options.index(item.answer)]}. {item.answer}"
    return item.answer


def quiz_blocks(quiz: Quiz, with_answers: bool) -> list[Block]:
    """The handout: questions grouped by kind and numbered throughout, then
    (with answers) the key with every source sentence and its section."""
    blocks = [Block("title", quiz.title), Block("text", T.TRAINER_NAME_LINE),
              Block("text", T.TRAINER_INSTRUCTIONS)]
    by_kind: dict[str, list[QuizItem]] = defaultdict(list)
    for item in quiz.items:
        by_kind[item.kind].append(item)
    numbered: list[tuple[int, QuizItem]] = []
    for kind, heading in T.TRAINER_KIND_HEADINGS.items():
        if not by_kind[kind]:
            continue
        blocks.append(Block("heading", heading))
        for item in by_kind[kind]:
            numbered.append((len(numbered) + 1, item))
            blocks += _question(*numbered[-1])
    if with_answers:
        blocks.append(Block("heading", T.TRAINER_ANSWER_KEY))
        for n, item in numbered:
            line = T.TRAINER_ANSWER_LINE.format(n=n, answer=_answer(item))
            blocks.append(Block("answer", f"{line}　{item.explanation}".rstrip()))
            blocks.append(Block("source", T.TRAINER_SOURCE_LINE.format(section=item.section, source=item.source)))
    return blocks


def blocks_to_markdown(blocks: list[Block]) -> str:
    prefix = {"title": "# ", "heading": "## ", "option": "- ", "source": "> "}
    lines: list[str] = []
    for i, b in enumerate(blocks):
        # Options of one question form a single list: no blank line between.
        if lines and not (b.style == "option" and blocks[i - 1].style == "option"):
            lines.append("")
        # md_escape also keeps "1. " from starting a list that renumbers.
        text = md_escape(b.text)
        lines.append(prefix.get(b.style, "") + text)
    return "\n".join(lines) + "\n"


def quiz_to_markdown(quiz: Quiz, with_answers: bool) -> str:
    return blocks_to_markdown(quiz_blocks(quiz, with_answers))


def quiz_to_docx(quiz: Quiz, path: str | Path, with_answers: bool) -> Path:
    doc = Document()
    for b in quiz_blocks(quiz, with_answers):
        if b.style == "title":
            doc.add_heading(b.text, level=0)
        elif b.style == "heading":
            doc.add_heading(b.text, level=1)
        else:
            para = doc.add_paragraph(b.text)
            if b.style in ("option", "source"):
                para.paragraph_format.left_indent = Pt(18)
    path = Path(path)
    doc.save(str(path))
    return path


def facts_to_markdown(facts: list[Fact]) -> str:
    """The key-facts sheet: one table per document section."""
    lines = [f"# {T.TRAINER_FACTS_TITLE}", ""]
    header = "| " + " | ".join(T.TRAINER_FACTS_COLUMNS) + " |"
    several_docs = len({f.doc for f in facts}) > 1
    current = None
    for f in facts:
        if (f.doc, f.section) != current:
            current = (f.doc, f.section)
            where = f"{f.doc} › {f.section}" if several_docs else f.section
            lines += ["", f"## {md_escape(where)}", "", header, "|" + " --- |" * len(T.TRAINER_FACTS_COLUMNS)]
        kind = T.TRAINER_FACT_KINDS.get(f.kind, f.kind)
        lines.append(f"| {kind} | {md_escape(f.label)} | {md_escape(f.text)} |")
    return "\n".join(lines).strip() + "\n"
