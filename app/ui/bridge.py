"""The one piece of page-level JavaScript: loads the stylesheet and turns
clicks on citation links (``#cite=…`` anchors written by ``render``) into a
Python event.

It lives in a ``gr.HTML`` component rather than in ``launch(js=..., css=...)``
so the UI works the same when it is mounted into another FastAPI app.
"""
from __future__ import annotations

import json
from pathlib import Path

import gradio as gr

from .render import CITE_PREFIX

CSS = (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")

_JS = """
window.__pqaTrigger = trigger;  // re-mounts replace the target of citation clicks
if (!window.__pqaBridge) {
  window.__pqaBridge = true;
  const style = document.createElement('style');
  style.id = 'pqa-style';
  style.textContent = %(css)s;
  document.head.appendChild(style);
  document.addEventListener('click', (ev) => {
    const link = ev.target.closest ? ev.target.closest('a[href]') : null;
    if (!link) return;
    const href = link.getAttribute('href') || '';
    if (href.startsWith(%(prefix)s)) {
      ev.preventDefault();
      ev.stopPropagation();
      window.__pqaTrigger('click', {key: href.slice(%(cut)d)});
    } else if (href.startsWith('#pqa-sec-')) {
      ev.preventDefault();
      const target = document.getElementById(href.slice(1));
      if (target) target.scrollIntoView({block: 'start', behavior: 'smooth'});
    }
  }, true);
}
"""


def build_bridge() -> gr.HTML:
    js = _JS % {"css": json.dumps(CSS), "prefix": json.dumps(CITE_PREFIX), "cut": len(CITE_PREFIX)}
    return gr.HTML("", js_on_load=js, elem_id="pqa-bridge", padding=False, container=False)


def event_key(evt: gr.EventData) -> object:
    data = evt._data if isinstance(evt._data, dict) else {}
    return data.get("key")
