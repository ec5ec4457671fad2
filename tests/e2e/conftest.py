"""Browser tests: the app runs in a subprocess over a temporary copy of the
corpus, index and data folders; Debian's Chromium drives it through
Playwright. Without a browser the tests skip locally and fail under CI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from app.settings import PROJECT_ROOT
from ui_support import free_port, isolated_settings

CHROMIUM = Path(os.environ.get("POLICYQA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = PROJECT_ROOT / "test-output" / "screenshots"
START_TIMEOUT_S = 180


@pytest.fixture(scope="session")
def app_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("e2e")
    isolated_settings(root)
    return root


@pytest.fixture(scope="session")
def app_url(app_root: Path) -> Iterator[str]:
    yield from _served(app_root)


@pytest.fixture(scope="session")
def library_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app of its own over a copy of the IP-law library the project ships."""
    root = tmp_path_factory.mktemp("e2e-library")
    shutil.copytree(PROJECT_ROOT / "corpus" / "ip-law", root / "corpus")
    yield from _served(root)


def _served(app_root: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "POLICYQA_CORPUS_DIR": str(app_root / "corpus"),
           "POLICYQA_INDEX_DIR": str(app_root / "index"), "POLICYQA_DATA_DIR": str(app_root / "data")}
    log_path = app_root / "server.log"
    log = log_path.open("w")
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("serve_app.py")), str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app exited early:\n{log_path.read_text()}")
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("app did not start in time")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A fresh browser page on the app, recording any dialog that fires."""

    def __init__(self, browser, url: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport, accept_downloads=True, locale="zh-CN")
        self.context.set_default_timeout(30_000)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.outside: list[str] = []  # requests that left the machine
        self.page.on("dialog", self._on_dialog)
        self.page.on("request", self._on_request)
        self.page.goto(url)
        self.page.locator("#pqa-question textarea").wait_for()

    def _on_request(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def ask(self, question: str) -> None:
        """Ask and wait until the answer for it is on screen."""
        rows = self.page.locator("#pqa-chatbot .message.thought")
        before = rows.count()
        self.page.locator("#pqa-question textarea").fill(question)
        self.page.locator("#pqa-send").click()
        self.page.wait_for_function(
            "n => document.querySelectorAll('#pqa-chatbot .message.thought').length > n", arg=before)

    def build_quiz(self, count: int, attempts: int = 4) -> None:
        """Type the number of questions, build, and wait until the quiz on
        screen has that many. On a loaded machine the page's first refresh
        (examples, documents, sections) can land just after the typing and
        show the trainer's fields again with their defaults: then type and
        build again."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        field = self.page.locator("#pqa-quiz-count input")
        shown = "n => document.querySelectorAll('#pqa-quiz .pqa-quiz-item').length === n"
        for _ in range(attempts):
            field.fill(str(count))
            field.press("Tab")
            self.page.locator("#pqa-quiz-build").click()
            try:
                self.page.wait_for_function(shown, arg=count, timeout=20000)
                return
            except PlaywrightTimeout:
                continue
        raise AssertionError(f"the quiz never showed {count} questions")

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """Full-page shots resize the viewport, which folds open chat panels
        again; use ``full_page=False`` to keep them open."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


def _session(browser, url: str, viewport: dict) -> Iterator[Page]:
    page = Page(browser, url, viewport)
    yield page
    page.context.close()
    # The app must work offline: nothing (fonts, analytics, CDNs) is fetched from outside.
    assert page.outside == []


@pytest.fixture
def app(browser, app_url: str) -> Iterator[Page]:
    yield from _session(browser, app_url, {"width": 1280, "height": 900})


@pytest.fixture
def library_app(browser, library_url: str) -> Iterator[Page]:
    """The page of the IP-law knowledge base."""
    yield from _session(browser, library_url, {"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, app_url: str) -> Iterator[Page]:
    yield from _session(browser, app_url, {"width": 390, "height": 844})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here drives a real browser: ``-m "not browser"`` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
