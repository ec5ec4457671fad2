"""Values of numbers written with digits or Chinese numerals."""
from __future__ import annotations

import re

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千"
CN_NUMERAL = f"[{CN_DIGITS}{CN_UNITS}]+"
_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}


def chinese_value(text: str) -> int | None:
    """"十五" -> 15, "二十" -> 20, "一百零五" -> 105, "三" -> 3; None when the
    characters do not form a number below ten thousand."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGIT_VALUE:
            if digit is not None and digit != 0 and _DIGIT_VALUE[ch] != 0:
                return None  # "二三" is no number
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            total += (1 if digit is None else digit) * _UNIT_VALUE[ch]
            digit = None
        else:
            return None
    return total + (digit or 0) if text else None


def value(number: str, multiplier: str = "") -> float | None:
    """The value of a number ("2,178", "1.09", "十五") times its multiplier
    characters ("万", "亿")."""
    if re.fullmatch(r"\d+(?:[.,]\d+)*", number):
        base: float | None = float(number.replace(",", ""))
    else:
        base = chinese_value(number)
    if base is None:
        return None
    for ch in multiplier:
        base *= _MULTIPLIER.get(ch, 1)
    return base


def script(number: str) -> str:
    """"digits" or "chinese": options of one item are written alike."""
    return "digits" if number[:1].isdigit() else "chinese"
