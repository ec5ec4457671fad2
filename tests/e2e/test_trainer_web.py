"""The trainer tab in a browser: key facts, quiz, class mode and large
text, with screenshots (copied to docs/screenshots/ for the README)."""
from __future__ import annotations

from app import texts as T


def _open_trainer(app) -> None:
    app.page.get_by_role("tab", name=T.UI_TAB_TRAINER).click()


def test_facts_sheet_one_row_per_fact(app) -> None:
    _open_trainer(app)
    app.page.locator("#pqa-facts-panel").get_by_text(T.UI_TRAINER_FACTS).first.click()
    app.page.locator("#pqa-facts-build").click()
    rows = app.page.locator("#pqa-facts tbody tr")
    rows.first.wait_for()
    labels = [(r.locator("td").nth(1).inner_text(), r.locator("td").nth(2).inner_text()) for r in rows.all()]
    assert len(labels) == len(set(labels))
    assert any(label == "申请专利" for label, _ in labels)
    app.screenshot("trainer_facts")


def test_class_mode_shows_type_prompt_and_source_in_large_text(app) -> None:
    app.page.locator("#pqa-large-toggle input").check()
    _open_trainer(app)
    app.build_quiz(8)
    app.screenshot("trainer")
    tab_size = app.page.get_by_role("tab", name=T.UI_TAB_TRAINER).evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert tab_size >= 20  # tabs grow with large text, not only the chat bubbles
    app.page.locator("#pqa-class-panel").get_by_text(T.UI_TRAINER_CLASS).click()
    stage = app.page.locator("#pqa-class")
    for _ in range(8):
        kind = stage.locator(".pqa-class-type").inner_text()
        if kind == T.TRAINER_KIND_HEADINGS["truefalse"]:
            break
        app.page.locator("#pqa-class-next").click()
        app.page.wait_for_function("k => document.querySelector('#pqa-class .pqa-class-type').innerText !== k",
                                   arg=kind)
    assert stage.locator(".pqa-class-ask").inner_text() in T.UI_TRAINER_ASK.values()
    app.page.locator("#pqa-class-reveal").click()
    stage.locator(".pqa-class-citation").wait_for()
    assert stage.locator(".pqa-class-citation").inner_text().startswith(T.UI_TRAINER_CITATION + "《")
    app.screenshot("trainer_class_mode")
