"""Class mode shows each item's type and what to answer, and on reveal the
answer with its citation."""
from __future__ import annotations

from app import texts as T
from app.trainer.quiz import QuizItem
from app.ui.trainer_tab import class_item_html


def _item(kind: str, options: list[str], answer: str) -> QuizItem:
    return QuizItem(kind, "全年申请专利达到了1047件。", options, answer, "全年申请专利达到了2178件。",
                    "speech.txt", "一、成绩", 10, 24, citation="《讲话》 一、成绩")


def test_true_false_asks_for_true_or_false() -> None:
    hidden = class_item_html(_item("truefalse", [], T.TRAINER_FALSE), 2, 5, revealed=False)
    assert T.TRAINER_KIND_HEADINGS["truefalse"] in hidden and T.UI_TRAINER_ASK["truefalse"] in hidden
    assert "《讲话》" not in hidden and "2178" not in hidden
    shown = class_item_html(_item("truefalse", [], T.TRAINER_FALSE), 2, 5, revealed=True)
    assert "2178" in shown and T.UI_TRAINER_CITATION + "《讲话》 一、成绩" in shown


def test_choice_asks_for_a_letter_up_to_the_last_option() -> None:
    html = class_item_html(_item("choice", ["1047", "2178", "3500"], "2178"), 1, 5, revealed=False)
    assert T.TRAINER_KIND_HEADINGS["choice"] in html
    assert T.UI_TRAINER_ASK["choice"].format(last="C") in html
