"""Figures (numbers with a unit, in digits or Chinese numerals: "2178件",
"二十年", "五万元") and calendar dates written with digits."""
from __future__ import annotations

import re

from .labels import date_label, figure_label
from .numerals import CN_NUMERAL, script, value
from .spans import Found, Target

# Measure words and units of Chinese statistics and legal periods, longest
# first so that "平方公里" wins over "公里" and "人次" over "人".
_UNITS = sorted(
    "个百分点 百分点 平方公里 平方米 公里 千米 公顷 亩 吨 米 美元 元 人次 人 件 个月 个工作日 工作日 个 项 家 次 "
    "所 座 台 套 辆 户 名 位 篇 种 类 批 场 期 条 张 本 册 份 倍 岁 天 日 小时 周 年 % ％ ‰".split(),
    key=len, reverse=True)
# Units that count things named right after them ("28个委办厅局").
CLASSIFIERS = set("个项家所座台套辆户名位篇种类批场期条张本册份")
_UNIT = r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")(?![A-Za-z])"
_APPROX = r"(?P<approx1>[余多]?)(?P<mult>[万亿]*)(?P<approx2>[余多]?)"
_DIGIT_FIGURE = re.compile(r"(?<![\dA-Za-z.])(?<!第)(?P<num>\d+(?:[.,]\d+)*)(?P<approx1>[余多]?)"
                           r"(?P<mult>[十百千万亿]*)(?P<approx2>[余多]?)" + _UNIT)
# A Chinese numeral is a figure only when a unit follows it directly
# ("二十年"), never in an ordinal ("第三条") or a word ("一方面", "三级").
_CHINESE_FIGURE = re.compile(r"(?P<num>" + CN_NUMERAL + r")" + _APPROX + _UNIT)
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
        out.append(Found("date", m.start(), m.end(), date_label(sentence, m.start(), m.end()),
                         (Target(m.start(), m.end(), "date:" + _date_shape(m)),)))
    return out


def _chinese_figures(sentence: str) -> list[re.Match]:
    """Chinese-numeral figures that are not ordinals or articles."""
    out = []
    for m in _CHINESE_FIGURE.finditer(sentence):
        if m.start() > 0 and sentence[m.start() - 1] == "第":
            continue
        # A lone "一" before a classifier is an article ("一个", "一种"), not a figure.
        if m["unit"] in CLASSIFIERS and m["num"] in ("一", "两") and not m["mult"]:
            continue
        if value(m["num"]) is None:
            continue
        out.append(m)
    return out


def figures(sentence: str) -> list[Found]:
    taken = [(f.start, f.end) for f in dates(sentence)]
    matches = sorted([*_DIGIT_FIGURE.finditer(sentence), *_chinese_figures(sentence)], key=lambda m: m.start())
    out: list[Found] = []
    for m in matches:
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        # Only the number is blanked or swapped; approximators, multiplier
        # and unit stay in the text, so every peer of the group reads naturally.
        group = f"figure:{script(m['num'])}:{m['mult']}{m['unit']}"
        target = Target(m.start("num"), m.end("num"), group)
        label = figure_label(sentence, m.start(), m.end(), counted=m["unit"] in CLASSIFIERS)
        out.append(Found("figure", m.start(), m.end(), label, (target,)))
    return out
