"""What a document says about itself: its title, kind, issuing body, 文号,
dates, place and version. Read from its own text (the title line, the lines
recording adoption, amendment and entry into force, a 公文's 落款) and from
a date in its file name; pure functions, no list of any library's names.

Documents with the same title are versions of one another: the newest is
现行, the others 已被修订 and point at it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .numerals import NUMERAL_CHARS, to_int
from .tokenize import word_bounds

# Bump when what is read changes, so stored indexes (which keep it) go stale.
METADATA_VERSION = "2"
_NUM = NUMERAL_CHARS
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A date written out in numerals, as a 落款 is ("二〇二五年六月三日").
# How far from the end a 落款 date may stand (a judgment's: judges above,
# the clerk and a certifying line below).
_CLOSING_LINES = 8
_WRITTEN_DATE = re.compile(r"([〇○OＯ零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日")
_FILE_DATE = re.compile(r"[(（](\d{4})-(\d{2})-(\d{2})[)）]")
# What a dated line records; the first keyword found names the event.
_EVENTS = (("修正", "修正"), ("修订", "修订"), ("修改", "修正"), ("施行", "施行"), ("公布", "公布"),
           ("发布", "发布"), ("印发", "发布"), ("批准", "批准"), ("通过", "通过"))
# Where the body starts: a chapter, an article, a numbered point, a preamble sentence.
_BODY = re.compile(rf"^\s*(?:第[{_NUM}\d]+[编章节条]|[{_NUM}]+、|[（(][{_NUM}]+[）)])")
_SENTENCE_END = re.compile(r"[。！？；;!?]")
_PLACE = re.compile(r"^(?:中华人民共和国)?([\u4e00-\u9fff]{2,7}?(?:省|自治区|特别行政区|市))"
                    r"([\u4e00-\u9fff]{2,4}?(?:新区|区|县))?(?=[\u4e00-\u9fff]{2})")
_PLACE_SUFFIX = re.compile(r"(?:省|自治区|特别行政区|市|新区|区|县)$")
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}令第\d+号|[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_ISSUER = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:省|市|自治区))?(?:第[一二三四五六七八九十]{1,4}届)?"
                     r"(全国人民代表大会常务委员会|人民代表大会常务委员会|全国人民代表大会|国务院"
                     r"|最高人民法院|最高人民检察院|人民政府(?:办公厅)?)")
# Kinds, by the naming conventions of Chinese official documents.
_GONGWEN = re.compile(r"(?:通知|意见|决定|公告|通告|通报|批复|函|纪要|报告)$")
_SPEECH = re.compile(r"讲话|致辞|发言|报告会")
_TYPE_WORDS = ("实施细则", "实施条例", "条例", "规定", "办法", "细则", "解释", "法", "决定", "意见", "通知")
_VERSION_MARK = re.compile(r"[(（][^()（）]*\d{4}[^()（）]*[)）]\s*$")
# A court's decision opens with the court on one line and the paper's kind on
# the next ("某某市某某区人民法院" / "民 事 判 决 书"); its case number (案号)
# follows.
COURT_DECISION = "裁判文书"
# Kinds whose documents are amended and reissued under one title.
_VERSIONED_KINDS = frozenset({"法律", "行政法规", "地方性法规", "地方政府规章", "部门规章", "司法解释", "通知/意见"})
_COURT = re.compile(r"[\u4e00-\u9fff]{2,30}(?:法院|法庭)")
_COURT_PAPER = re.compile(r"[\u4e00-\u9fff]{0,8}(?:判决书|裁定书|调解书|决定书)")
_CASE_NUMBER = re.compile(r"[（(]\d{4}[）)][\u4e00-\u9fff\d]{2,20}?号")


@dataclass(frozen=True)
class DocMeta:
    doc_id: str
    title: str
    kind: str
    issuer: str = ""
    number: str = ""  # 文号 or 令 number
    dates: tuple[tuple[str, str], ...] = ()  # (event, ISO date) in reading order
    date: str = ""  # the latest date: the version's
    place: tuple[str, ...] = ()  # 上海市, 浦东新区
    status: str = ""  # 现行 / 已被修订, for documents that have versions
    current: str = ""  # doc_id of the current version of a superseded one
    versions: tuple[str, ...] = field(default=())  # doc ids of the group, oldest first

    def to_json(self) -> dict:
        return {"doc_id": self.doc_id, "title": self.title, "kind": self.kind, "issuer": self.issuer,
                "number": self.number, "dates": [list(d) for d in self.dates], "date": self.date,
                "place": list(self.place), "status": self.status, "current": self.current,
                "versions": list(self.versions)}

    @classmethod
    def from_json(cls, d: dict) -> "DocMeta":
        return cls(d["doc_id"], d["title"], d["kind"], d.get("issuer", ""), d.get("number", ""),
                   tuple(tuple(x) for x in d.get("dates", ())), d.get("date", ""), tuple(d.get("place", ())),
                   d.get("status", ""), d.get("current", ""), tuple(d.get("versions", ())))


def _iso(m: re.Match) -> str:
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def read_title(doc_id: str, text: str) -> str:
    """The first line when it reads as a title (short, no sentence end, not a
    date line); else the file name without its extension and date mark."""
    lines = _lines(text)
    court = _court_heading(lines)
    if court:
        return "".join(court)
    if lines:
        first = lines[0].lstrip("#").strip().strip("*").strip()
        if 2 <= len(first) <= 60 and not _SENTENCE_END.search(first.rstrip("。")) and not _DATE.search(first) \
                and not _BODY.match(first):
            return first.rstrip("。")
    stem = doc_id.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _FILE_DATE.sub("", stem).strip() or stem


def _court_heading(lines: list[str]) -> tuple[str, str] | None:
    """(court, kind of paper) of a court's decision, read from its first two
    lines; None for any other document."""
    if len(lines) < 2:
        return None
    court, paper = (re.sub(r"\s+", "", line.lstrip("#").strip("*")) for line in lines[:2])
    return (court, paper) if _COURT.fullmatch(court) and _COURT_PAPER.fullmatch(paper) else None


# Zeros as 落款 lines write them (二○二四, 二O二四).
_ZERO_FORMS = str.maketrans("○OＯ", "〇〇〇")


def _written_iso(m: re.Match) -> str:
    year = "".join(str(to_int(c)) for c in m.group(1).translate(_ZERO_FORMS))
    return f"{year}-{to_int(m.group(2)):02d}-{to_int(m.group(3)):02d}"


def read_dates(doc_id: str, text: str, header: bool = True) -> tuple[tuple[str, str], ...]:
    """(event, date) of the header lines before the body (unless not
    ``header``: a judgment's opening lines date its parties' births and
    arrests, not the paper), of a dated 落款 among the last lines (a
    judgment's is followed by its clerk's), and of a date in the file name."""
    lines = _lines(text)
    out: list[tuple[str, str]] = []
    for line in lines[1:40] if header else ():
        if _BODY.match(line) or (len(line) > 120 and not _DATE.match(line)):
            break
        for m in _DATE.finditer(line):
            event = next((name for key, name in _EVENTS if key in line[m.end():m.end() + 80]), "")
            out.append((event, _iso(m)))
    for line in lines[-_CLOSING_LINES:]:
        line = re.sub(r"\s+", "", line)
        if m := _DATE.fullmatch(line):
            out.append(("落款", _iso(m)))
        elif m := _WRITTEN_DATE.fullmatch(line):
            out.append(("落款", _written_iso(m)))
    m = _FILE_DATE.search(doc_id)
    if m:
        out.append(("版本", _iso(m)))
    return tuple(dict.fromkeys(out))


def read_kind(title: str, header: str) -> str:
    place = _PLACE.match(title)
    if title.startswith(("最高人民法院", "最高人民检察院")):
        return "司法解释"
    if _SPEECH.search(title):
        return "讲话"
    if _GONGWEN.search(title):
        return "通知/意见"
    if place and (title.endswith("条例") or (re.search(r"(?:规定|办法)$", title) and "人民代表大会" in header)):
        return "地方性法规"  # a local 条例 is always a people's congress's
    if place and re.search(r"(?:规定|办法)$", title):
        return "地方政府规章"
    if title.endswith("法") or re.search(r"法[(（]", title):
        return "法律"
    if re.search(r"(?:条例|实施细则|规定)$", title) and ("国务院" in header or "国务院" in title
                                                   or title.startswith("中华人民共和国") or not place):
        return "行政法规"
    if re.search(r"(?:办法|规定|规则|细则)$", title):
        return "部门规章"
    return "其他"


def read_meta(doc_id: str, text: str) -> DocMeta:
    title = read_title(doc_id, text)
    lines = _lines(text)
    court = _court_heading(lines)
    if court:
        # Its parties' lines are no header of dates, its cited laws' enacting
        # bodies no issuer: the court issues it, its 案号 numbers it.
        dates = read_dates(doc_id, text, header=False)
        number = _CASE_NUMBER.search("\n".join(lines[2:5]))
        place_m = _PLACE.match(title)
        return DocMeta(doc_id, title, COURT_DECISION, court[0], number.group(0) if number else "", dates,
                       max((d for _, d in dates), default=""),
                       tuple(p for p in (place_m.groups() if place_m else ()) if p))
    header_lines = []
    for line in lines[1:40]:
        if _BODY.match(line):
            break
        header_lines.append(line)
    header = "\n".join(header_lines)
    dates = read_dates(doc_id, text)
    issuer_m = _ISSUER.search(header) or _ISSUER.search("\n".join(lines[-4:]))
    number_m = _NUMBER.search(header) or _NUMBER.search("\n".join(lines[:3]))
    place_m = _PLACE.match(title)
    place = tuple(p for p in (place_m.groups() if place_m else ()) if p)
    issuer = ""
    if issuer_m:
        where, body = issuer_m.groups()
        issuer = f"{where or ''}{body}" if body.startswith(("人民代表大会", "人民政府")) or body == "国务院" \
            or body.startswith("全国") or body.startswith("最高") else body
    return DocMeta(doc_id, title, read_kind(title, header), issuer,
                   number_m.group(0) if number_m else "", dates, max((d for _, d in dates), default=""), place)


def version_key(title: str) -> str:
    """Titles of versions of one document compare equal."""
    return re.sub(r"\s+", "", _VERSION_MARK.sub("", title))


def group_of(meta: DocMeta) -> str:
    """The key of a document's version group: its title's, for a dated
    document of a kind that is amended and reissued under one title (a
    law, a regulation, a notice). Any other document is one of a kind, even
    under a title another shares: two judgments of one court (told apart
    by their 案号), two news items or encyclopedia passages with one
    headline, undated documents none of which can be the newer."""
    key = version_key(meta.title)
    return key if meta.kind in _VERSIONED_KINDS and meta.date else f"{key}（{meta.number or meta.doc_id}）"


def group_versions(metas: list[DocMeta]) -> list[DocMeta]:
    """Mark versions: in each group of two or more documents with one title,
    the newest is 现行 and the others 已被修订, pointing at it."""
    groups: dict[str, list[DocMeta]] = {}
    for m in metas:
        groups.setdefault(group_of(m), []).append(m)
    out = {}
    for members in groups.values():
        if len(members) < 2:
            out.update({m.doc_id: m for m in members})
            continue
        ordered = sorted(members, key=lambda m: (m.date, m.doc_id))
        ids = tuple(m.doc_id for m in ordered)
        newest = ordered[-1]
        for m in ordered:
            current = m is newest
            out[m.doc_id] = replace(m, status="现行" if current else "已被修订",
                                    current="" if current else newest.doc_id, versions=ids)
    return [out[m.doc_id] for m in metas]


def place_names(meta: DocMeta) -> tuple[str, ...]:
    """How people name a document's place: 上海市 and 上海, 浦东新区 and 浦东."""
    names = []
    for p in meta.place:
        names.append(p)
        short = _PLACE_SUFFIX.sub("", p)
        if len(short) >= 2:
            names.append(short)
    return tuple(names)


def title_names(meta: DocMeta) -> tuple[str, ...]:
    """How people name a document by its title: the title, and every tail of
    it of at least three characters that ends with the title's type word
    and starts a word of it (专利法 of 中华人民共和国专利法, 惩罚性赔偿的解释,
    商标法实施条例; not 权保护条例 of 知识产权保护条例, which would name it in
    "信息网络传播权保护条例")."""
    title = version_key(meta.title)
    # A court's decision is named by its court too ("北塘区人民法院判的").
    names = {title, meta.issuer} if meta.kind == COURT_DECISION else {title}
    if not any(title.endswith(t) for t in _TYPE_WORDS):
        return tuple(names)
    for i in word_bounds(title)[1:-1]:
        tail = title[i:]
        if len(tail) >= 3 and not tail.startswith(("的", "关于", "和", "与", "及")):
            names.add(tail)
    return tuple(sorted(names, key=len, reverse=True))
