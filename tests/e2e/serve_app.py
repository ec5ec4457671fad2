"""Starts the web app for the browser tests: ``python tests/e2e/serve_app.py PORT``
with the POLICYQA_* environment pointing at a temporary corpus/index/data."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.settings import Settings  # noqa: E402  (sets the offline environment first)
from app.pipeline import Pipeline  # noqa: E402
from app.ui import build_ui  # noqa: E402


def main(port: int) -> None:
    demo = build_ui(Pipeline(Settings()))
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    print("READY", flush=True)
    demo.block_thread()


if __name__ == "__main__":
    main(int(sys.argv[1]))
