"""The structure grammar of legal text: 编 / 章 / 节 headings, 第X条
articles with their 款 (paragraphs) and （一） items, a header of adoption
and amendment lines before the body, a preamble, 附则 and 附件. Pure
functions over a document's text; every span is an exact offset."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import NUMERAL_CHARS, to_chinese, to_int

_N = NUMERAL_CHARS
ARTICLE = re.compile(rf"^第([{_N}\d]+)条(?:之([{_N}]+))?(?=[\s\u3000]|$)")
# An article named in a question: 第十二条, 第12条, 第十二条第二款, 第十二条之一,
# 第二十五条第一款第（四）项.
ARTICLE_REF = re.compile(rf"第\s*([{_N}\d]+)\s*条(?:之([{_N}]+))?(?:第\s*([{_N}\d]+)\s*款)?"
                         rf"(?:第\s*[（(]?([{_N}\d]+)[）)]?\s*项)?")
_ARTICLE_IN_DIGITS = re.compile(r"第\s*(\d+)\s*条")
PART_HEADING = re.compile(rf"^第([{_N}\d]+)\s*(编|章|节)(?:[\s\u3000]+\S.*)?$")
_ANNEX = re.compile(r"^附\s*(?:件|录)[\s\d一二三四五六七八九十：:]*")
_ITEM = re.compile(rf"^[（(]([{_N}\d]+)[）)]")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_DEPTH = {"编": 0, "章": 1, "节": 2}
HEADER, PREAMBLE, ANNEX_SECTION = "题注", "序言", "附件"


@dataclass
class LegalUnit:
    section: tuple[str, ...]  # ("第二章 授予专利权的条件", "第二十二条")
    address: str  # "第二十二条"; "" for headers, headings, preambles and annexes
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # line spans
    is_heading: bool = False


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a] in " \t\u3000":
            a += 1
        while b > a and text[b - 1] in " \t\u3000\r":
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def is_legal(text: str, min_articles: int = 3) -> bool:
    """Legal text numbers its provisions as articles."""
    count = 0
    for a, b in _line_spans(text):
        if ARTICLE.match(text[a:b]):
            count += 1
            if count >= min_articles:
                return True
    return False


def article_label(number: int, sub: int | None = None) -> str:
    return f"第{to_chinese(number)}条" + (f"之{to_chinese(sub)}" if sub else "")


def legal_units(text: str, has_title: bool) -> list[LegalUnit]:
    """Units in reading order. The first line is skipped when it is the
    title; lines before the first heading or article are the header
    (dated lines) and the preamble."""
    spans = _line_spans(text)
    if has_title and spans:
        spans = spans[1:]
    parts: list[str | None] = [None, None, None]  # 编, 章, 节
    units: list[LegalUnit] = []
    current: LegalUnit | None = None
    body_started = False
    in_annex = False

    def path() -> tuple[str, ...]:
        return tuple(p for p in parts if p)

    for a, b in spans:
        line = text[a:b]
        part = PART_HEADING.match(line)
        article = ARTICLE.match(line)
        if part and len(line) <= 40 and "。" not in line:
            depth = _DEPTH[part.group(2)]
            parts[depth] = re.sub(r"[\s\u3000]+", " ", line)
            for deeper in range(depth + 1, 3):
                parts[deeper] = None
            current = None
            body_started = True
            units.append(LegalUnit(path(), "", [(a, b)], is_heading=True))
            continue
        if article and not in_annex:
            number = to_int(article.group(1)) or 0
            sub = to_int(article.group(2)) if article.group(2) else None
            label = article_label(number, sub)
            current = LegalUnit((*path(), label), label, [(a, b)])
            units.append(current)
            body_started = True
            continue
        if _ANNEX.match(line) and body_started:
            in_annex = True
            current = LegalUnit((ANNEX_SECTION,), "", [(a, b)])
            units.append(current)
            continue
        if current is not None:
            current.paragraphs.append((a, b))
            continue
        # Before the body: dated header lines, then a preamble.
        kind = HEADER if _DATE_LINE.match(line) and not any(u.section == (PREAMBLE,) for u in units) else PREAMBLE
        if units and units[-1].section == (kind,):
            units[-1].paragraphs.append((a, b))
        else:
            units.append(LegalUnit((kind,), "", [(a, b)]))
    return units


def paragraph_address(article: str, index: int, paragraph_text: str, count_before: int) -> str:
    """Address of a paragraph inside an article: items （一） are not 款."""
    if index == 0 or _ITEM.match(paragraph_text):
        return article
    return f"{article}第{to_chinese(count_before + 1)}款"


def paragraph_numbers(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The 款 each sentence of an article belongs to (1 for the first), the
    sentences given in order by their offsets in ``text``: a line break
    opens the next 款, unless the line is an item （一） of the one before."""
    out: list[int] = []
    n, prev_end = 1, None
    for a, b in spans:
        if prev_end is not None and "\n" in text[prev_end:a] and not _ITEM.match(text[a:b].strip()):
            n += 1
        out.append(n)
        prev_end = b
    return out


@dataclass(frozen=True)
class ArticleRef:
    number: int
    sub: int | None = None  # 第十二条之一
    paragraph: int | None = None  # 第二款
    item: int | None = None  # 第三项

    @property
    def label(self) -> str:
        return article_label(self.number, self.sub)


def article_refs(question: str) -> list[ArticleRef]:
    """Articles a question names, numbers normalised (第12条 = 第十二条)."""
    out = []
    for m in ARTICLE_REF.finditer(question):
        number = to_int(m.group(1))
        if number:
            out.append(ArticleRef(number, to_int(m.group(2)) if m.group(2) else None,
                                  to_int(m.group(3)) if m.group(3) else None,
                                  to_int(m.group(4)) if m.group(4) else None))
    return out


def is_item(sentence: str) -> bool:
    """Whether ``sentence`` is an item of an enumeration: "（一）……"."""
    return bool(_ITEM.match(sentence.strip()))


def item_number(sentence: str) -> int | None:
    """The number of an enumeration's item ("（四）动物和植物品种" -> 4), or None."""
    m = _ITEM.match(sentence.strip())
    return to_int(m.group(1)) if m else None


def article_of(address: str) -> str:
    """The article of an address: 第十二条 of 第十二条第二款, 第十二条之一 as it is."""
    m = re.match(rf"第[{_N}\d]+条(?:之[{_N}]+)?", address)
    return m.group(0) if m else address


def cites_article(text: str, article: str = "第") -> bool:
    """Whether ``text`` cites ``article`` of its own document ("违反本法第十四
    条第五款规定的" cites 第十四条); by default, any article of it."""
    return re.search(rf"本(?:法|条例|规定|办法|细则|解释|决定){re.escape(article)}", text) is not None


def with_article_numerals(text: str) -> str:
    """``text`` with article numbers written in Chinese numerals, as
    articles are numbered (第1185条 -> 第一千一百八十五条)."""
    return _ARTICLE_IN_DIGITS.sub(lambda m: f"第{to_chinese(int(m.group(1)))}条", text)


def reference_to(question: str, name: str) -> str:
    """How ``question`` refers to ``name``: the name, and the article of it
    the question names right after it ("民法典第1185条" ->
    "民法典第一千一百八十五条"), the article's number in Chinese numerals."""
    at = question.find(name)
    m = ARTICLE_REF.match(question[at + len(name):].lstrip("》 \u3000")) if at >= 0 else None
    number = to_int(m.group(1)) if m else None
    return f"{name}第{to_chinese(number)}条" if number else name
