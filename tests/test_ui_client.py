"""The web app over loopback through ``gradio_client``: a question asked on
the ``/ask`` endpoint comes back answered with its source markers."""
from __future__ import annotations

import re

import pytest

from app.pipeline import Pipeline
from ui_support import free_port, isolated_settings


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory):
    from app.ui import build_ui

    demo = build_ui(Pipeline(isolated_settings(tmp_path_factory.mktemp("client"))))
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def test_ask_endpoint_answers_with_markers(url: str) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    messages, box, notice = client.predict("去年全省申请了多少件专利？", api_name="/ask")
    assert box == "" and notice == ""
    answer = messages[1]["content"]
    answer = answer if isinstance(answer, str) else str(answer)
    assert re.search(r">\[1\]</a>", answer)
    assert "2178" in answer
    assert messages[2]["metadata"]["title"].startswith("来源")


def test_ask_endpoint_reports_bad_input_in_chinese(url: str) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    messages, _, notice = client.predict("", api_name="/ask")
    assert messages == [] and "请输入问题" in notice
