"""Figures (numbers with a unit) and calendar dates written with digits."""
from __future__ import annotations

import re

from .context import noun_after, words_after, words_before
from .spans import Found, Target

# Measure words and units of Chinese statistics, longest first so that
# "平方公里" wins over "公里" and "人次" over "人".
_UNITS = sorted(
    "个百分点 百分点 平方公里 平方米 公里 千米 公顷 亩 吨 米 美元 元 人次 人 件 个月 个 项 家 次 所 座 台 套 "
    "辆 户 名 位 篇 种 类 批 场 期 条 张 本 册 份 倍 岁 天 小时 周 年 % ％ ‰".split(),
    key=len, reverse=True)
# Units that count things named right after them ("28个委办厅局").
_CLASSIFIERS = set("个项家所座台套辆户名位篇种类批场期条张本册份")
_NUM = r"(?<![\dA-Za-z.])(?<!第)(?P<num>\d+(?:[.,]\d+)*)"
_FIGURE = re.compile(
    _NUM + r"(?P<approx1>[余多]?)(?P<mult>[十百千万亿]*)(?P<approx2>[余多]?)"
    r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")(?![A-Za-z])")
_MONTH = r"(?:\d{1,2}|[元正])月"
_DATE = re.compile(
    r"(?<![\dA-Za-z.])(?:(?P<y>\d{4})年(?:(?P<m>" + _MONTH + r")(?P<d>\d{1,2}[日号])?)?"
    r"|(?P<m2>" + _MONTH + r")(?P<d2>\d{1,2}[日号]))")


def _date_shape(m: re.Match) -> str:
    parts = [("年", m["y"]), ("月", m["m"] or m["m2"]), ("日", m["d"] or m["d2"])]
    return "".join(name for name, value in parts if value)


def dates(sentence: str) -> list[Found]:
    out = []
    for m in _DATE.finditer(sentence):
        label = words_after(sentence, m.end()) or words_before(sentence, m.start())
        out.append(Found("date", m.start(), m.end(), label,
                         (Target(m.start(), m.end(), "date:" + _date_shape(m)),)))
    return out


def figures(sentence: str) -> list[Found]:
    taken = [(f.start, f.end) for f in dates(sentence)]
    out = []
    for m in _FIGURE.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = m["mult"] + m["unit"]
        label = words_before(sentence, m.start())
        counted = noun_after(sentence, m.end()) if m["unit"] in _CLASSIFIERS else ""
        if counted:
            label = f"{label}…{counted}" if label else counted
        # Only the digits are blanked or swapped; approximators and the unit
        # stay in the text, so every peer of the group reads naturally.
        target = Target(m.start("num"), m.end("num"), "figure:" + unit)
        out.append(Found("figure", m.start(), m.end(), label or unit, (target,)))
    return out
