"""A conversation (a list of ``Answer.to_json()`` dicts) as plain text,
Markdown with footnotes, or a Word document with a numbered "来源" list
after each answer (python-docx cannot write real footnotes)."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from . import texts as T
from .answer import source_label
from .grounding import MARKER

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_MD_LIST_START = re.compile(r"^(\d+)([.)])|^([-+])")
# Characters XML 1.0 cannot hold; python-docx refuses them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _sources_heading(answer: dict) -> str:
    return T.EXPORT_RELATED if answer.get("refused") else T.EXPORT_SOURCES


def _cited(c: dict) -> str:
    """The citation's passage; the cited sentences when there are any."""
    spans = c.get("highlights") or []
    if not spans:
        return c["text"]
    return "".join(c["text"][a - c["start"]:b - c["start"]] for a, b in spans)


def answer_text(answer: dict) -> str:
    """One answer with its sources, for the clipboard."""
    lines = [T.EXPORT_Q.format(question=answer["question"]), T.EXPORT_A + answer["answer"], "",
             f"—— {_sources_heading(answer)} ——"]
    for c in answer.get("citations") or []:
        lines.append(T.EXPORT_SOURCE_LINE.format(n=c["n"], source=source_label(c)))
        lines.append(f"    {c['text']}")
    return "\n".join(lines)


def md_escape(text: str) -> str:
    """Text that Markdown shows literally (HTML included)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A leading "1." or "-" would turn the line into a list item.
    return _MD_LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


def conversation_markdown(answers: list[dict], now: datetime | None = None) -> str:
    """Markdown; each marker ``[n]`` of answer ``i`` is footnote ``[^i-n]``."""
    now = now or datetime.now()
    out = [f"# {T.EXPORT_TITLE}", "", T.EXPORT_EXPORTED_AT.format(time=now.strftime("%Y-%m-%d %H:%M")), "",
           f"> {T.EXPORT_NOTE_MD}", ""]
    for i, a in enumerate(answers, start=1):
        numbers = set() if a.get("refused") else {c["n"] for c in a.get("citations") or []}
        out += [f"## {md_escape(T.EXPORT_QUESTION.format(i=i, question=a['question']))}", ""]
        for line in a["answer"].split("\n"):
            parts, pos = [], 0
            for m in MARKER.finditer(line):
                if int(m.group(1)) in numbers:
                    parts += [md_escape(line[pos:m.start()]), f"[^{i}-{m.group(1)}]"]
                    pos = m.end()
            out.append("".join(parts) + md_escape(line[pos:]) + "  ")
        out.append("")
        if a.get("refused"):
            out += [f"**{_sources_heading(a)}**", ""]
            out += [f"{c['n']}. {md_escape(_source_label(c))}：{md_escape(c['text'])}" for c in a.get("citations") or []]
        else:
            out += [f"[^{i}-{c['n']}]: {md_escape(_source_label(c))}：“{md_escape(_cited(c))}”"
                    for c in a.get("citations") or []]
        out.append("")
    return "\n".join(out)


def _source_label(c: dict) -> str:
    return source_label(c)


def conversation_docx(answers: list[dict], path: Path, now: datetime | None = None) -> Path:
    """Word document: per answer its question, the answer with superscript
    markers, then a numbered "来源" list with the cited sentences in bold."""
    from docx import Document as Docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn

    now = now or datetime.now()
    doc = Docx()
    for style in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        # East Asian text needs its own font slot or Word falls back oddly.
        doc.styles[style].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    doc.add_heading(_x(T.EXPORT_TITLE), level=1)
    doc.add_paragraph(_x(T.EXPORT_EXPORTED_AT.format(time=now.strftime("%Y-%m-%d %H:%M"))))
    doc.add_paragraph(_x(T.EXPORT_NOTE_DOCX))
    for i, a in enumerate(answers, start=1):
        doc.add_heading(_x(T.EXPORT_QUESTION.format(i=i, question=a["question"])), level=2)
        for line in a["answer"].split("\n"):
            p = doc.add_paragraph()
            pos = 0
            for m in MARKER.finditer(line):
                p.add_run(_x(line[pos:m.start()]))
                p.add_run(_x(m.group(0))).font.superscript = True
                pos = m.end()
            p.add_run(_x(line[pos:]))
        doc.add_heading(_x(_sources_heading(a)), level=3)
        for c in a.get("citations") or []:
            p = doc.add_paragraph()
            p.add_run(_x(f"[{c['n']}] {_source_label(c)}")).bold = True
            p = doc.add_paragraph()
            spans = [(x - c["start"], y - c["start"]) for x, y in c.get("highlights") or []]
            pos = 0
            for x, y in spans:
                p.add_run(_x(c["text"][pos:x]))
                run = p.add_run(_x(c["text"][x:y]))
                run.bold = True
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                pos = y
            p.add_run(_x(c["text"][pos:]))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _x(text: str) -> str:
    return _XML_INVALID.sub("", text)
