"""Chinese numerals of ordinals (第十二条, 第一百零一条) to and from
integers, for looking articles up; quoted text is never rewritten."""
from __future__ import annotations

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "零〇一二三四五六七八九十百千两"


def to_int(token: str) -> int | None:
    """12 for "十二" or "12", 101 for "一百零一", 20 for "二十"; None when
    ``token`` is not a number."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    if not token or any(c not in _DIGITS and c not in _UNITS for c in token):
        return None
    total, digit = 0, None
    for c in token:
        if c in _DIGITS:
            digit = _DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
    return total + (digit or 0)


def to_chinese(n: int) -> str:
    """"十二" for 12, "一百零一" for 101, "二十" for 20 (as articles are numbered)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return "零一二三四五六七八九"[n]
    digits = "零一二三四五六七八九"
    out, zero = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            if zero:
                out.append("零")
            out.append(("" if unit == 10 and not out and q == 1 else digits[q]) + name)
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out.append("零")
        out.append(digits[n])
    return "".join(out)


def count_in_chinese(n: int) -> str:
    """A count before a measure word: "两部" for 2, as articles are not
    numbered ("第二条" but "两部文件")."""
    return "两" if n == 2 else to_chinese(n)


_DIGIT_NUMERALS = str.maketrans("0123456789", "〇一二三四五六七八九")


def year_spellings(year: str) -> tuple[str, ...]:
    """How a text may write a year: 2019, 二〇一九, 二零一九 (official
    documents date themselves in Chinese numerals)."""
    numerals = year.translate(_DIGIT_NUMERALS)
    return year, numerals, numerals.replace("〇", "零")
