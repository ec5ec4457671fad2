"""Pure HTML rendering for the web UI.

Every piece of text that came from a user, a document or the database is
escaped here before it reaches the browser; the only markup on the page is
the markup these functions write. Chat messages are wrapped in one ``<div>``
without blank lines so the chatbot's Markdown renderer leaves them alone.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from .. import texts as T
from ..answer import source_label
from ..grounding import MARKER
from ..chunking import detect_structure
from ..corpus import Document

CITE_PREFIX = "#cite="
_KEY = re.compile(r"^([A-Za-z0-9%._~-]+):(\d+)-(\d+):((?:\d+-\d+)(?:,\d+-\d+)*)?$")
_MAX_HIGHLIGHTS = 50


def esc(text: object) -> str:
    """HTML-escape any value; ``$`` too, so no LaTeX renderer picks it up."""
    return html.escape(str(text), quote=True).replace("$", "&#36;")


def lines_html(text: str) -> str:
    return "<br>".join(esc(line) for line in text.split("\n"))


@dataclass(frozen=True)
class CiteRef:
    """What a citation link points at: a passage of a document and the
    sentences to highlight in it (absolute offsets)."""

    doc: str
    start: int
    end: int
    highlights: tuple[tuple[int, int], ...]


def cite_key(citation: dict) -> str:
    spans = ",".join(f"{a}-{b}" for a, b in citation.get("highlights") or [])
    return f"{quote(citation['doc'], safe='')}:{citation['start']}-{citation['end']}:{spans}"


def parse_cite_key(key: object) -> CiteRef | None:
    """The reference in a citation link, or None if the key is malformed."""
    if not isinstance(key, str) or len(key) > 2000:
        return None
    m = _KEY.match(key.strip())
    if not m:
        return None
    start, end = int(m.group(2)), int(m.group(3))
    spans = tuple(tuple(int(x) for x in part.split("-")) for part in (m.group(4) or "").split(",") if part)
    if end < start or len(spans) > _MAX_HIGHLIGHTS or any(b < a for a, b in spans):
        return None
    return CiteRef(unquote(m.group(1)), start, end, spans)  # type: ignore[arg-type]


def marked(text: str, base: int, marks: list[tuple[int, int]] | tuple[tuple[int, int], ...],
           passage: tuple[int, int] | None = None) -> str:
    """``text`` (which starts at absolute offset ``base``) escaped, with the
    absolute ranges in ``marks`` wrapped in ``<mark>`` and the ``passage``
    range shaded; newlines become <br>."""
    def local(a: int, b: int) -> tuple[int, int] | None:
        a, b = max(a - base, 0), min(b - base, len(text))
        return (a, b) if a < b else None

    ranges = [r for r in (local(a, b) for a, b in marks) if r]
    shaded = local(*passage) if passage else None
    cuts = {0, len(text), *(x for r in ranges for x in r), *(shaded or ())}
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        piece = lines_html(text[a:b])
        if any(x <= a and b <= y for x, y in ranges):
            piece = f"<mark>{piece}</mark>"
        if shaded and shaded[0] <= a and b <= shaded[1]:
            piece = f'<span class="pqa-in-passage">{piece}</span>'
        out.append(piece)
    return "".join(out)


def message_html(body: str, cls: str) -> str:
    return f'<div class="pqa-msg {cls}">{body}</div>'


def user_html(question: str) -> str:
    return message_html(lines_html(question), "pqa-user")


def answer_html(answer: dict) -> str:
    """The answer text; each marker ``[n]`` links to its source. Compared
    documents stand side by side: a table with a column for each."""
    keys = {c["n"]: cite_key(c) for c in answer.get("citations") or []}

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in keys or answer.get("refused"):
            return m.group(0)
        return f'<a class="pqa-cite" href="{CITE_PREFIX}{esc(keys[n])}" title="{esc(T.UI_OPEN_SOURCE)}">[{n}]</a>'

    def lines(text_lines: list[str]) -> str:
        return "<br>".join(MARKER.sub(link, esc(line)) for line in text_lines)

    sides = answer.get("sides") or []
    if sides and not answer.get("refused"):
        head = "".join(f"<th>{esc(side['document'])}</th>" for side in sides)
        cells = "".join(f"<td>{esc(T.UI_SIDE_SILENT) if side['silent'] else lines(side['lines'])}</td>"
                        for side in sides)
        body = (f'<table class="pqa-table pqa-sides"><thead><tr>{head}</tr></thead>'
                f"<tbody><tr>{cells}</tr></tbody></table>")
    else:
        body = lines(answer["answer"].split("\n"))
    return message_html(body, "pqa-refusal" if answer.get("refused") else "pqa-answer")


def pending_html(text: str) -> str:
    return message_html(lines_html(text) if text else esc(T.UI_THINKING), "pqa-answer pqa-pending")


def sources_title(answer: dict) -> str:
    n = len(answer.get("citations") or [])
    template = T.UI_RELATED_PANEL if answer.get("refused") else T.UI_SOURCES_PANEL
    return template.format(n=n)


def sources_html(answer: dict) -> str:
    """One block per citation: number, document and section (a link to the
    viewer), the passage with its cited sentences marked."""
    blocks = []
    for c in answer.get("citations") or []:
        head = (f'<a class="pqa-cite" href="{CITE_PREFIX}{esc(cite_key(c))}" title="{esc(T.UI_OPEN_SOURCE)}">'
                f'[{c["n"]}] {esc(c.get("address") or c["section"])}</a>')
        # The document by its title, with its date and status (现行 / 已被修订).
        where = f'<span class="pqa-doc">{esc(source_label({**c, "section": "", "address": ""}))}</span>'
        passage = marked(c["text"], c["start"], [tuple(h) for h in c.get("highlights") or []])
        blocks.append(f'<div class="pqa-source">{head} {where}<div class="pqa-passage">{passage}</div></div>')
    return message_html("".join(blocks) or esc(T.UI_NO_SOURCES), "pqa-sources")


def notice_html(text: str, kind: str = "error") -> str:
    return f'<div class="pqa-notice pqa-{kind}" role="status">{lines_html(text)}</div>' if text else ""


# --- the source viewer ---------------------------------------------------------
def section_anchor(i: int) -> str:
    return f"pqa-sec-{i}"


def document_html(doc_id: str, doc: dict, focus: CiteRef | None = None) -> tuple[str, str]:
    """(outline, body) of a whole document laid out by its sections. With
    ``focus`` the cited passage is shaded, its sentences marked, and the
    paragraph that holds its start gets id ``pqa-cited`` to scroll to."""
    text = doc["text"]
    title, paragraphs = detect_structure(Document(doc_id, text, doc.get("encoding", "utf-8"), ""))
    outline, body = [], [f'<h2 class="pqa-doc-title">{esc(title or doc.get("title") or doc_id)}</h2>']
    marks = list(focus.highlights) if focus else []
    section: tuple[str, ...] | None = None
    cited_placed = False
    for p in paragraphs:
        if p.section != section:
            # A new section: an outline entry, and a synthetic label when the
            # section name is not itself a line of the text (opening, closing).
            k = len(outline)
            depth = len(p.section)
            outline.append(f'<li class="pqa-depth-{depth}"><a href="#{section_anchor(k)}">'
                           f'{esc(p.section[-1])}</a></li>')
            named_in_text = text[p.start:p.end].startswith(p.section[-1])
            label = "" if named_in_text else esc(p.section[-1])
            body.append(f'<div class="pqa-anchor" id="{section_anchor(k)}">'
                        + (f'<div class="pqa-section-label">{label}</div>' if label else "") + "</div>")
            section = p.section
        in_focus = focus is not None and p.start < focus.end and focus.start < p.end
        attrs = ""
        if in_focus and not cited_placed:
            attrs, cited_placed = ' id="pqa-cited"', True
        tag = f"h{min(2 + len(p.section), 5)}" if p.is_heading else "p"
        inner = marked(text[p.start:p.end], p.start, marks, (focus.start, focus.end) if focus else None)
        body.append(f'<{tag} class="pqa-para"{attrs} data-start="{p.start}">{inner}</{tag}>')
    return (f'<ol class="pqa-outline">{"".join(outline)}</ol>',
            f'<div class="pqa-document">{"".join(body)}</div>')



# --- trainer views (facts and quiz items duck-typed: doc, section, start, end) --
def source_link(item, label: str) -> str:
    """A citation link to the source sentence of a fact or quiz item."""
    key = cite_key({"doc": item.doc, "start": item.start, "end": item.end,
                    "highlights": [(item.start, item.end)]})
    return f'<a class="pqa-cite" href="{CITE_PREFIX}{esc(key)}" title="{esc(T.UI_OPEN_SOURCE)}">{esc(label)}</a>'


def facts_html(facts: list, kind_labels: dict[str, str]) -> str:
    """The key-facts sheet: one row per fact, the fact phrase marked in its
    sentence, the section linking to the source viewer."""
    if not facts:
        return notice_html(T.UI_TRAINER_NO_FACTS, "info")
    head = "".join(f"<th>{esc(h)}</th>" for h in T.UI_TRAINER_FACT_COLUMNS)
    rows = []
    for f in facts:
        at = f.sentence.find(f.text)
        sentence = marked(f.sentence, 0, [(at, at + len(f.text))] if at >= 0 else [])
        rows.append(f"<tr><td>{esc(kind_labels.get(f.kind, f.kind))}</td><td>{esc(f.label)}</td>"
                    f"<td>{sentence}</td><td>{source_link(f, f.section)}</td></tr>")
    return f'<table class="pqa-table pqa-facts"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _options_html(item) -> str:
    letters = T.TRAINER_OPTION_LETTERS
    if not item.options:
        return ""
    lis = "".join(f"<li>{esc(letters[i] if i < len(letters) else i + 1)}. {esc(o)}</li>"
                  for i, o in enumerate(item.options))
    return f'<ul class="pqa-quiz-options">{lis}</ul>'


def answer_block_html(item) -> str:
    """The answer of a quiz item and its source sentence, highlighted."""
    note = f"<div>{esc(item.explanation)}</div>" if getattr(item, "explanation", "") else ""
    return (f'<div class="pqa-class-answer"><strong>{esc(T.UI_TRAINER_ANSWER)}</strong>{esc(item.answer)}{note}'
            f'<div class="pqa-passage"><mark>{esc(item.source)}</mark></div>'
            f'<div>{source_link(item, item.section)}</div></div>')


def quiz_html(items: list, kind_labels: dict[str, str]) -> str:
    if not items:
        return notice_html(T.UI_TRAINER_NO_ITEMS, "info")
    out = []
    for n, item in enumerate(items, start=1):
        out.append(f'<div class="pqa-quiz-item"><div><strong>{n}.</strong> '
                   f'<span class="pqa-doc">[{esc(kind_labels.get(item.kind, item.kind))}]</span> '
                   f"{esc(item.prompt)}</div>{_options_html(item)}"
                   f'<details><summary>{esc(T.UI_TRAINER_SHOW_ANSWER)}</summary>{answer_block_html(item)}</details></div>')
    return "".join(out)


def class_item_html(item, n: int, total: int, revealed: bool) -> str:
    """Class mode: one question, large, and its answer once revealed."""
    head = f'<div class="pqa-doc">{esc(T.UI_TRAINER_PROGRESS.format(n=n, total=total))}</div>'
    body = f'<div class="pqa-class-question">{esc(item.prompt)}</div>{_options_html(item)}'
    return head + body + (answer_block_html(item) if revealed else "")


def kb_picker_html(links: list[tuple[str, str, str]], current: str) -> str:
    """Links to every knowledge base's page; the current one marked."""
    items = []
    for title, path, name in links:
        if name == current:
            items.append(f'<span class="pqa-kb pqa-kb-current" aria-current="page">{esc(title)}</span>')
        else:
            items.append(f'<a class="pqa-kb" href="{esc(path)}" data-kb="{esc(name)}">{esc(title)}</a>')
    return f'<nav class="pqa-kb-picker"><span class="pqa-kb-label">{esc(T.UI_KB_PICKER)}</span>{"".join(items)}</nav>'
