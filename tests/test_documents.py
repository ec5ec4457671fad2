"""Documents, not files: formats, structure, metadata, versions, knowledge
bases, named documents and articles, incremental builds. Run on the IP-law
library the project ships (corpus/ip-law) and on files made here."""
from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from app import texts as T
from app.chunking import chunk_document, split_sentences
from app.corpus import Document, load_corpus
from app.legal import article_refs
from app.metadata import group_versions, read_meta, title_names
from app.numerals import to_chinese, to_int
from app.parsers import ParseError, parse, unwrap
from app.settings import PROJECT_ROOT, Settings

LIBRARY = PROJECT_ROOT / "corpus" / "ip-law"
PATENT_LAW = "中华人民共和国专利法(2020-10-17).txt"
RULES_2010 = "中华人民共和国专利法实施细则(2010-01-09).txt"
RULES_2023 = "中华人民共和国专利法实施细则(2023-12-11).txt"
TRADEMARK_LAW = "中华人民共和国商标法(2019-04-23).txt"
_ARTICLE_LINE = re.compile(r"(?m)^第[一二三四五六七八九十百零〇]+条")


@pytest.fixture(scope="module")
def library_docs() -> list[Document]:
    docs, issues = load_corpus(LIBRARY)
    assert not issues and len(docs) == 36
    return docs


def test_every_library_document_round_trips_and_no_chunk_holds_two_articles(library_docs) -> None:
    for doc in library_docs:
        chunks = chunk_document(doc)
        assert chunks, doc.doc_id
        for c in chunks:
            assert doc.text[c.start:c.end] == c.text
            assert all(doc.text[a:b].strip() for a, b in c.sentences)
            assert len(_ARTICLE_LINE.findall(c.text)) <= 1, (doc.doc_id, c.text[:40])
            if c.address:
                # The address names the article the chunk's text belongs to.
                assert c.section[-1] == re.match(r"第[^条]+条", c.address).group(0)


def test_article_addresses_and_chapter_paths() -> None:
    doc = Document(PATENT_LAW, (LIBRARY / PATENT_LAW).read_text(encoding="utf-8"), "utf-8", "")
    chunks = {c.address: c for c in chunk_document(doc) if c.address}
    art = chunks["第二十二条"]
    assert art.section[0].startswith("第二章") and art.text.startswith("第二十二条")
    assert "第22条" in art.context  # found by either numbering, quoted as written


def test_numerals_and_article_references() -> None:
    for n in (1, 10, 12, 20, 22, 101, 110, 119):
        assert to_int(to_chinese(n)) == n
    from app.numerals import count_in_chinese

    # a count reads 两 (两部文件), an article's number 二 (第二条)
    assert (count_in_chinese(2), count_in_chinese(12), count_in_chinese(73)) == ("两", "十二", "七十三")
    assert [r.label for r in article_refs("《著作权法》第22条和第一百零一条之一")] == ["第二十二条", "第一百零一条之一"]
    ref = article_refs("专利法第十二条第二款")[0]
    assert (ref.number, ref.paragraph) == (12, 2)
    ref = article_refs("专利法第二十五条第一款第（四）项")[0]
    assert (ref.number, ref.paragraph, ref.item) == (25, 1, 4)


def test_titles_dates_kinds_and_versions_of_the_library(library_docs) -> None:
    metas = {m.doc_id: m for m in group_versions([read_meta(d.doc_id, d.text) for d in library_docs])}
    law = metas[PATENT_LAW]
    assert law.title == "中华人民共和国专利法" and law.kind == "法律"
    assert law.issuer == "全国人民代表大会常务委员会" and law.date == "2020-10-17"
    assert ("修正", "2020-10-17") in law.dates
    old, new = metas[RULES_2010], metas[RULES_2023]
    assert old.title == new.title and old.kind == new.kind == "行政法规"
    assert (old.status, old.current, new.status) == ("已被修订", RULES_2023, "现行")
    sh = [m for m in metas.values() if m.title == "上海市科学技术进步条例"]
    assert sorted(m.status for m in sh) == ["已被修订", "现行"]
    assert max(sh, key=lambda m: m.date).doc_id.endswith("(2024-05-10).txt")
    assert metas["浙江省专利条例(2015-09-25).txt"].kind == "地方性法规"
    assert metas["浙江省专利条例(2015-09-25).txt"].place == ("浙江省",)
    assert metas["最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释(2021-03-02).txt"].kind == "司法解释"
    assert metas["计算机软件保护条例(2013-01-30).txt"].number == "中华人民共和国国务院令第339号"


def test_a_notice_is_dated_by_its_closing_line() -> None:
    text = "关于做好专利导航工作的通知\n各市州知识产权局：\n一、工作目标\n建成导航平台。\n省知识产权局\n2024年3月5日\n"
    meta = read_meta("导航.txt", text)
    assert meta.title == "关于做好专利导航工作的通知" and meta.kind == "通知/意见"
    assert meta.date == "2024-03-05"


def _judgment(paper: str, number: str, party: str, closing: str) -> str:
    return (f"河西省柳川市北塘区人民法院\n{paper}\n\n{number}\n\n"
            f"原告{party}，男，1979年4月2日出生，住柳川市北塘区。\n被告某物业公司，住所地柳川市北塘区。\n\n"
            "本院于2025年1月6日立案后，依法适用简易程序公开开庭进行了审理。\n"
            "本院认为，被告应当依约履行维修义务。\n判决如下：\n被告于本判决生效之日起十日内赔偿原告损失3200元。\n\n"
            f"审判员　林某\n\n{closing}\n\n书记员　郑某\n")


def test_a_judgment_is_titled_numbered_and_dated_as_a_court_issues_it() -> None:
    meta = read_meta("judgment.txt", _judgment("民 事 判 决 书", "（2025）河0302民初118号", "周某", "二〇二五年三月十九日"))
    assert meta.title == "河西省柳川市北塘区人民法院民事判决书" and meta.kind == "裁判文书"
    assert meta.issuer == "河西省柳川市北塘区人民法院" and meta.number == "（2025）河0302民初118号"
    # Dated by its closing line in numerals, not by a party's birth or the filing.
    assert meta.date == "2025-03-19" and meta.dates == (("落款", "2025-03-19"),)
    assert read_meta("j.txt", _judgment("民事判决书", "（2025）河0302民初9号", "周某", "二○二五年四月一日")).date == "2025-04-01"
    assert "河西省柳川市北塘区人民法院" in title_names(meta)  # named by its court, as people do


def test_judgments_of_one_court_are_never_versions_of_one_another() -> None:
    metas = group_versions([read_meta("a.txt", _judgment("民事判决书", "（2025）河0302民初118号", "周某", "二〇二五年三月十九日")),
                            read_meta("b.txt", _judgment("民事判决书", "（2025）河0302民初907号", "钱某", "二〇二五年六月二日"))])
    assert [(m.status, m.current, m.versions) for m in metas] == [("", "", ())] * 2


def test_only_dated_documents_of_a_reissued_kind_are_versions() -> None:
    # Two passages under one headline, and two undated rules: none is newer.
    news = "春季植树活动在城郊举行\n本报讯 3月12日，500余名志愿者参加了植树活动。\n"
    rules = "某市绿地管理办法\n第一条 为了加强绿地管理，制定本办法。\n"
    dated = "某市绿地管理办法\n（{}年3月1日某市人民政府发布）\n第一条 为了加强绿地管理，制定本办法。\n"
    for texts in ((news, news.replace("500", "800")), (rules, rules)):
        metas = group_versions([read_meta(f"{i}.txt", t) for i, t in enumerate(texts)])
        assert [m.status for m in metas] == ["", ""], metas
    metas = group_versions([read_meta(f"{y}.txt", dated.format(y)) for y in (2012, 2020)])
    assert [m.status for m in metas] == ["已被修订", "现行"]


def test_hard_wrapped_lines_are_joined_but_structure_is_kept() -> None:
    wrapped = ("第一条 为了规范专利管理，根据有关法律，结合本市\n实际，制定本条例。\n"
               "第二条 申请人应当在15个工作日\n内作出答复：\n（一）书面答复；\n（二）口头答复。\n")
    text = unwrap(wrapped)
    assert "结合本市实际，制定本条例。" in text and "15个工作日内作出答复：" in text
    assert "\n（一）书面答复；\n（二）口头答复。" in text and "\n第二条" in text


def _docx(lines: list[str], rows: list[tuple[str, str]]) -> bytes:
    from docx import Document as Docx

    doc = Docx()
    for line in lines:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(rows), cols=2)
    for row, (a, b) in zip(table.rows, rows):
        row.cells[0].text, row.cells[1].text = a, b
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    from app.trainer.pdf import FontMissing, find_font

    try:
        font, _ = find_font(Settings().trainer_font_paths)
    except FontMissing:
        pytest.skip("no CJK font to write a PDF with")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", "", str(font))
    pdf.set_font("cjk", size=12)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_docx_paragraphs_tables_and_wrapped_lines() -> None:
    parsed = parse(".docx", _docx(["青岛市专利奖励办法", "第一条 发明专利的奖金最低不少于三千元，一项实", "用新型专利的奖金最低不少于一千元。"],
                                  [("项目", "金额"), ("发明", "三千元")]), "奖励.docx")
    assert "一项实用新型专利的奖金最低不少于一千元。" in parsed.text
    assert "发明\t三千元" in parsed.text
    chunks = chunk_document(Document("奖励.txt", parsed.text, "docx", ""))
    assert all(parsed.text[c.start:c.end] == c.text for c in chunks)


def test_pdf_hard_wrapped_text_keeps_its_sentences() -> None:
    parsed = parse(".pdf", _pdf(["专利维权援助办法", "援助中心应当在15个工作日", "内作出是否给予援助的决定。"]), "援助.pdf")
    flat = parsed.text.replace(" ", "")
    assert "15个工作日内作出是否给予援助的决定。" in flat
    sentences = [parsed.text[s.start:s.end] for s in split_sentences(parsed.text)]
    assert not any(s.strip("。 ") == "" for s in sentences)


def test_a_scanned_pdf_is_refused_naming_the_file() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100)
    with pytest.raises(ParseError, match="扫描件.pdf.*没有可选取的文字"):
        parse(".pdf", bytes(pdf.output()), "扫描件.pdf")


def test_unpunctuated_text_is_cut_at_clauses_and_punctuation_never_stands_alone() -> None:
    text = "原告某公司诉称" + "，被告拖欠货款未付" * 30 + "\n——\n……"
    sentences = [text[s.start:s.end] for s in split_sentences(text)]
    assert all(len(s) <= 150 for s in sentences)
    assert all(re.search(r"[\w\u4e00-\u9fff]", s) for s in sentences)


# --- knowledge bases, named documents, articles, incremental builds -------------
def test_knowledge_bases_are_found_and_kept_apart(library) -> None:
    assert set(library.bases) == {"ip-law", "speech"} and library.default == "speech"
    law_docs = set(library.pipeline("ip-law").documents)
    speech = library.pipeline("speech").ask("专利法第十二条是怎么规定的？")
    assert not {c.doc for c in speech.citations} & law_docs
    law = library.pipeline("ip-law").ask("去年全省申请了多少件专利？")
    assert law.kb == "ip-law" and all(c.doc in law_docs for c in law.citations)


def test_a_named_article_is_quoted_whole_from_the_named_document(library) -> None:
    answer = library.pipeline("ip-law").ask("专利法第12条是怎么规定的？")
    assert answer.decision.reason == "article" and not answer.refused
    assert {c.doc for c in answer.citations} == {PATENT_LAW}
    assert answer.answer.startswith("《中华人民共和国专利法》第十二条：")
    assert "被许可人无权允许合同规定以外的任何单位或者个人实施该专利" in answer.answer
    assert answer.citations[0].address == "第十二条" and answer.citations[0].doc_title == "中华人民共和国专利法"


def test_a_named_paragraph_or_item_is_quoted_alone_under_its_address(library) -> None:
    answer = library.pipeline("ip-law").ask("专利法第二十二条第三款规定了什么？")
    assert answer.decision.reason == "article"
    assert answer.answer.startswith("《中华人民共和国专利法》第二十二条第三款：")
    assert "创造性，是指" in answer.answer and "新颖性，是指" not in answer.answer
    # an article with fewer 款 than asked is quoted whole
    whole = library.pipeline("ip-law").ask("专利法第十二条第九款规定了什么？")
    assert whole.answer.startswith("《中华人民共和国专利法》第十二条：")
    # an item named, with or without its 款 and brackets, is quoted alone
    for asked, address in (("专利法第二十五条第一款第（三）项规定了什么？", "第二十五条第一款第三项"),
                           ("专利法第二十五条第3项规定了什么？", "第二十五条第三项")):
        item = library.pipeline("ip-law").ask(asked)
        assert item.answer.startswith(f"《中华人民共和国专利法》{address}：")
        assert "疾病的诊断和治疗方法" in item.answer and "科学发现" not in item.answer


def test_the_paragraphs_of_an_article_are_its_lines_items_included() -> None:
    from app.legal import paragraph_numbers

    text = "第五条 第一款的话。\n第二款的话。又一句。\n（一）一项；\n（二）二项。\n第三款的话。"
    spans, start = [], 0
    for sentence in ("第五条 第一款的话。", "第二款的话。", "又一句。", "（一）一项；", "（二）二项。", "第三款的话。"):
        start = text.index(sentence, start)
        spans.append((start, start + len(sentence)))
    assert paragraph_numbers(text, spans) == [1, 2, 2, 2, 2, 3]


def test_a_comparison_hands_the_web_page_its_documents_side_by_side(library) -> None:
    answer = library.pipeline("ip-law").ask("河南和宁波的条例对职务发明的奖金分别怎么规定？")
    sides = answer.to_json()["sides"]
    assert [s["document"] for s in sides] == ["《河南省专利保护条例》", "《宁波市专利管理条例》"]
    assert all(s["lines"][0].startswith("第") and s["lines"][0].endswith("条：") for s in sides)
    # one document asked about answers as text alone
    assert "sides" not in library.pipeline("ip-law").ask("河南的条例对职务发明的奖金怎么规定？").to_json()


def test_which_documents_set_an_amount_none_of_them_states_is_refused_in_words(library) -> None:
    # the library's fines are no agency's fees: no document is left to list
    answer = library.pipeline("ip-law").ask("哪些文件规定了商标代理机构收费的具体金额？")
    assert answer.refused and answer.answer == T.VALUE_NOT_GIVEN


def test_an_article_the_document_does_not_have_is_refused_in_words(library) -> None:
    answer = library.pipeline("ip-law").ask("商标法第八十条是怎么规定的？")
    assert answer.refused and answer.answer == "《中华人民共和国商标法》共七十三条，没有第八十条。"
    assert answer.citations  # the nearest passages stay listed


def test_current_version_by_default_and_the_year_picks_a_version(library) -> None:
    pipeline = library.pipeline("ip-law")
    current = pipeline.ask("实施细则第十二条是怎么规定的？")
    assert {c.doc for c in current.citations} == {RULES_2023} and current.citations[0].doc_status == "现行"
    old = pipeline.ask("2010年的实施细则第十二条是怎么规定的？")
    assert {c.doc for c in old.citations} == {RULES_2010} and old.citations[0].doc_status == "已被修订"
    both = pipeline.snapshot.names.resolve("实施细则修订前后有什么变化")
    assert both.docs == {RULES_2010, RULES_2023}
    # "有什么不同" between two named documents compares them, not one's versions
    apart = pipeline.snapshot.names.resolve("洛阳市条例和现行专利法实施细则规定的职务发明奖金最低标准有什么不同？")
    assert RULES_2023 in apart.docs and RULES_2010 not in apart.docs and not apart.versions
    # two versions named by their years are both asked about, each in its own part
    asked = pipeline.snapshot.names.resolve("2010年版实施细则规定专利复审委员会由哪些人组成？2023年版复审请求向谁提出？")
    assert asked.docs == {RULES_2010, RULES_2023} and asked.versions
    answer = pipeline.ask("2010年版实施细则规定专利复审委员会由哪些人组成？2023年版复审请求向谁提出？")
    assert "技术专家和法律专家" in answer.answer, answer.answer


def test_years_of_versions_alone_name_the_one_document_that_has_them(library) -> None:
    names = library.pipeline("ip-law").snapshot.names
    asked = names.resolve("谁可以请求作出专利权评价报告？2023年修订后与2010年版相比有什么变化？")
    assert asked.docs == {RULES_2010, RULES_2023} and asked.versions
    # a year that names no version, or no change asked, names nothing
    assert names.resolve("2023年和2010年的专利申请量有什么变化？") is None
    assert names.resolve("2010年版和2023年版里谁可以请求作出专利权评价报告？") is None


@pytest.mark.parametrize("question,about", [
    ("谁可以请求作出专利权评价报告？2023年修订后与2010年版相比有什么变化？", "谁可以请求作出专利权评价报告？"),
    ("对职务发明报酬怎么规定？和2010年版有什么不同？", "对职务发明报酬怎么规定？"),
    # one part: it asks the provision and the change at once
    ("修订前后，对研发经费占生产总值比例的要求有什么变化？", "修订前后，对研发经费占生产总值比例的要求有什么变化？"),
    ("修订前后有什么变化？", "修订前后有什么变化？"),
    # words are read whole: 合同 is no 同 of "与……相同"
    ("合同怎么订？合同条款有什么变化？", "合同怎么订？合同条款有什么变化？"),
])
def test_the_part_asking_only_what_changed_is_left_to_the_versions(question, about) -> None:
    from app.naming import without_version_asking

    assert without_version_asking(question) == about


def test_a_question_about_what_changed_quotes_each_version_under_its_date(library) -> None:
    answer = library.pipeline("ip-law").ask("专利法实施细则修订前后，职务发明的最低奖金标准有什么变化？")
    lines = answer.answer.splitlines()
    old = lines.index("《中华人民共和国专利法实施细则》（2010年1月9日版，已被修订）第七十七条：")
    new = lines.index("《中华人民共和国专利法实施细则》（2023年12月11日版，现行）第九十三条：")
    assert old < new  # the older version first
    assert any("3000元" in line for line in lines[old:new]) and any("4000元" in line for line in lines[new:])
    # the 题注 (promulgation and revisions) answers no such question
    assert "第一次修订" not in answer.answer
    assert {c.doc for c in answer.citations} == {RULES_2010, RULES_2023}


def test_an_older_version_that_says_otherwise_gets_one_line(library) -> None:
    pipeline = library.pipeline("ip-law")
    answer = pipeline.ask("实施细则规定的职务发明最低奖金标准是多少？")
    lines = answer.answer.splitlines()
    current = lines.index("《中华人民共和国专利法实施细则》（2023年12月11日版，现行）第九十三条：")
    older = lines.index("《中华人民共和国专利法实施细则》（2010年1月9日版，已被修订）第七十七条：")
    assert current < older and "4000元" in "".join(lines[current:older]) and "3000元" in lines[older + 1]
    # the same provision, renumbered but worded alike: no line for the older version
    same = pipeline.ask("专利法实施细则所称申请日，有优先权的指什么？")
    assert "已被修订" not in same.answer and "现行" in same.answer


def test_a_question_asking_the_rule_now_gets_no_older_wording(library) -> None:
    answer = library.pipeline("ip-law").ask("目前的实施细则规定的职务发明最低奖金标准是多少？")
    assert "4000元" in answer.answer and "已被修订" not in answer.answer, answer.answer


def test_which_documents_asked_colloquially_is_answered_document_by_document(library) -> None:
    answer = library.pipeline("ip-law").ask("员工离职前得把实验资料还给单位——哪些地方的法规有这种要求？")
    assert not answer.refused and answer.decision.reason == "answered"
    assert answer.answer.startswith("共有") and "部文件作出了规定" in answer.answer.splitlines()[0]
    cited = {c.doc_title for c in answer.citations}
    assert {"宁波市专利管理条例", "淄博市专利管理若干规定", "洛阳市专利促进与保护条例"} <= cited
    # one sentence of each document, each under its own heading
    headings = [line for line in answer.answer.splitlines() if line.startswith("《")]
    assert len(headings) == len(cited) == len(answer.citations)


def test_which_documents_leaves_out_rules_on_another_matter(library) -> None:
    # Every regulation that sets up a patent fund says it alike; a statute
    # sharing words of the question (人民政府, 设立) on another matter reads
    # further from it and is no answer.
    answer = library.pipeline("ip-law").ask("哪些地方的法规规定县级以上人民政府应当设立专利专项资金？")
    cited = {c.doc_title for c in answer.citations}
    assert {"宁波市专利管理条例", "山东省专利条例", "淄博市专利管理若干规定", "郑州市专利促进和保护条例",
            "洛阳市专利促进与保护条例", "青岛市专利保护规定"} <= cited
    assert not cited & {"中华人民共和国反不正当竞争法", "国务院关于涉外知识产权纠纷处理的规定"}, cited


def test_inside_a_named_document_its_name_is_not_searched(library) -> None:
    # every article of the regulation repeats its name, the purpose article most
    answer = library.pipeline("ip-law").ask("集成电路布图设计保护条例规定的保护期有多长？")
    assert [c.address for c in answer.citations] == ["第十二条"]
    assert "保护期为10年" in answer.answer and "第一条" not in answer.answer


def test_a_how_much_answer_gives_the_provisions_further_figures(library) -> None:
    # the fine, then the fine where the case is grave: one article, two sentences
    answer = library.pipeline("ip-law").ask("反不正当竞争法规定侵犯商业秘密的罚款数额是多少？")
    assert "处十万元以上一百万元以下的罚款" in answer.answer
    assert "情节严重的，处五十万元以上五百万元以下的罚款" in answer.answer


def test_each_question_of_a_compound_question_is_answered(library) -> None:
    answer = library.pipeline("ip-law").ask("注册商标的有效期是几年？期满未办理续展手续的会怎样？")
    assert "有效期为十年" in answer.answer and "注销其注册商标" in answer.answer


def test_a_quote_of_one_version_says_which_it_is(library) -> None:
    answer = library.pipeline("ip-law").ask("实施细则第十二条是怎么规定的？")
    assert answer.answer.startswith("《中华人民共和国专利法实施细则》（2023年12月11日版，现行）第十二条：")
    # a document the library holds once has no version label
    assert library.pipeline("ip-law").ask("专利法第12条是怎么规定的？").answer.startswith("《中华人民共和国专利法》第十二条：")


def test_places_and_short_names_resolve_to_their_documents(library) -> None:
    names = library.pipeline("ip-law").snapshot.names
    assert names.resolve("浙江的专利条例").docs == {"浙江省专利条例(2015-09-25).txt"}
    assert names.resolve("河南省和浙江省对奖金分别怎么规定").docs == {
        "浙江省专利条例(2015-09-25).txt", "河南省专利保护条例(2005-12-02).txt"}
    assert names.resolve("商标法的规定").docs == {TRADEMARK_LAW}
    assert names.resolve("哪些情形不授予专利权？") is None
    # two places are compared; one place several documents share narrows the search
    assert names.resolve("河南省和浙江省对奖金分别怎么规定").apart
    shanghai = names.resolve("在上海，专利纠纷找谁处理？")
    assert len(shanghai.groups) >= 2 and not shanghai.apart
    # a tail of a title that starts inside one of its words names nothing:
    # 权保护条例 of 知识产权保护条例 is no name of 广东省知识产权保护条例
    assert names.resolve("信息网络传播权保护条例规定的通知删除规则是什么？") is None


@pytest.mark.parametrize("question,article_of", [
    ("两高侵犯知识产权刑事案件解释（三）第七条是什么内容？",
     "最高人民法院 最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释（三）"),
    ("2004年两高关于办理侵犯知识产权刑事案件的解释第十五条怎么规定？",
     "最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释"),
    ("侵犯专利权纠纷司法解释（二）第19条规定了什么？", "最高人民法院关于审理侵犯专利权纠纷案件应用法律若干问题的解释（二）"),
    ("2009年最高法关于审理侵犯专利权纠纷案件的解释第十八条讲什么？", "最高人民法院关于审理侵犯专利权纠纷案件应用法律若干问题的解释"),
])
def test_an_article_of_a_document_named_loosely_is_quoted_from_the_title_that_holds_the_name(
        library, question, article_of) -> None:
    answer = library.pipeline("ip-law").ask(question)
    assert answer.decision.reason == "article" and answer.answer.startswith(f"《{article_of}》第"), answer.answer[:80]


def test_a_loose_name_of_no_title_names_nothing(library) -> None:
    names = library.pipeline("ip-law").snapshot.names
    assert names.resolve("信息网络传播权保护条例第十四条是怎么规定的？") is None
    assert names.resolve("刑事案件解释（五）第七条是什么内容？") is None  # no fifth in the series


def test_documents_and_places_the_library_does_not_hold_are_refused(library) -> None:
    pipeline = library.pipeline("ip-law")
    for question in ("江苏省专利条例对职务发明人的奖励有什么规定？", "电子商务法第四十二条规定的通知删除义务是什么？"):
        answer = pipeline.ask(question)
        assert answer.refused and answer.decision.reason == "absent_document", question
    assert "没有关于“江苏省”的文件" in pipeline.ask("江苏省专利条例对职务发明人的奖励有什么规定？").answer
    assert not pipeline.ask("浙江省专利条例对职务发明人的奖励有什么规定？").refused
    # a held province's document named without its 省
    assert pipeline.ask("浙江专利条例第三十条是怎么规定的？").answer.startswith("《浙江省专利条例》第三十条：")


def test_a_law_the_library_only_cites_is_answered_only_where_cited(library) -> None:
    pipeline = library.pipeline("ip-law")
    # 民法典 is cited by a judicial interpretation, its article 1185 by none
    answer = pipeline.ask("民法典第一千一百八十五条关于故意侵害知识产权惩罚性赔偿的原文是什么？")
    assert answer.refused and answer.decision.reason == "absent_document"
    assert "民法典第一千一百八十五条" in answer.answer
    answer = pipeline.ask("种子法对侵犯植物新品种权的赔偿数额是怎么规定的？")
    assert answer.refused and answer.decision.reason == "absent_document"
    # a guide the 实施细则 names (its article 148) but the library does not hold
    answer = pipeline.ask("专利审查指南对外观设计的审查标准是怎么写的？")
    assert answer.refused and answer.decision.reason == "absent_document", answer.answer


def test_adding_a_document_embeds_only_its_own_sentences(tmp_path: Path, corpus_copy: Path) -> None:
    from app.embeddings import load_embedder
    from app.index_store import ensure_index

    # No shipped vectors: the first build embeds every sentence itself.
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index", vector_seed_path=None)
    embedder = load_embedder(settings)
    first, _, _ = ensure_index(settings, embedder)
    assert first.manifest["n_embedded"] == len(set(_sentences(first)))
    extra = corpus_copy / "新增通知.txt"
    extra.write_text("关于开展专利导航的通知\n一、各地要建立专利导航平台。\n二、年底前完成验收。\n", encoding="utf-8")
    try:
        second, _, rebuilt = ensure_index(settings, embedder)
        assert rebuilt and second.manifest["n_embedded"] == len(set(_sentences(second)) - set(_sentences(first)))
        assert 0 < second.manifest["n_embedded"] <= 3
    finally:
        extra.unlink()


def _sentences(index) -> list[str]:
    return [index.docs[c.doc_id]["text"][a:b] for c in index.chunks for a, b in c.sentences]


def test_the_service_serves_every_knowledge_base(library) -> None:
    from fastapi.testclient import TestClient

    from app.api import create_app, default_ui

    client = TestClient(create_app(library, ui=default_ui))
    kbs = {kb["name"]: kb for kb in client.get("/api/kbs").json()}
    assert set(kbs) == {"ip-law", "speech"} and kbs["speech"]["default"]
    answer = client.post("/api/ask", json={"q": "商标法第八十条是怎么规定的？", "kb": "ip-law"}).json()
    assert answer["refused"] and answer["kb"] == "ip-law" and answer["decision"]["reason"] == "missing_article"
    unknown = client.post("/api/ask", json={"q": "专利法第十二条", "kb": "不存在"})
    assert unknown.status_code == 404 and "不存在" in unknown.json()["error"]
    rows = client.get("/api/documents", params={"kb": "ip-law"}).json()
    assert {r["status"] for r in rows} >= {"现行", "已被修订"}
    page = client.get("/kb/ip-law/")
    assert page.status_code == 200 and "知识产权法规库" in page.text  # the picker names every base


def test_a_penalty_asked_how_is_answered_with_every_fine_of_the_article(library) -> None:
    answer = library.pipeline("ip-law").ask("假冒专利的，专利执法部门可以怎么罚款？")
    # the fine as a multiple, then the fine when there is no illegal income
    assert "五倍以下的罚款" in answer.answer and "二十五万元以下的罚款" in answer.answer


def test_a_deadline_asked_when_is_answered_with_the_grace_period_that_follows_it(library) -> None:
    answer = library.pipeline("ip-law").ask("按专利合作条约提出的国际申请，最晚什么时候要办理进入中国国家阶段的手续？")
    assert "30个月" in answer.answer and "32个月" in answer.answer


def test_a_term_of_a_named_law_is_defined_where_another_document_cites_it(library) -> None:
    from app.documents_answering import short_names

    assert short_names("中华人民共和国专利法") == {"中华人民共和国专利法", "专利法"}
    assert short_names("浙江省专利条例") == {"浙江省专利条例"}
    # 专利法 never defines 许诺销售; a judicial interpretation does, citing it
    answer = library.pipeline("ip-law").ask("专利法里讲的许诺销售，指的是什么意思？")
    assert not answer.refused and "所称的许诺销售，是指" in answer.answer, answer.answer[:120]


def test_a_definition_crowded_out_of_the_passages_is_found_by_its_wording(library) -> None:
    # 品种权's conditions are defined "新颖性，是指申请品种权的植物新品种……": they
    # fill the passages, and the article that defines the term itself is found
    # by its words "所称植物新品种，是指".
    answer = library.pipeline("ip-law").ask("植物新品种这个概念在条例里指的是什么？")
    assert not answer.refused and "所称植物新品种，是指" in answer.answer, answer.answer[:160]
    assert "新颖性，是指" not in answer.answer


def test_what_a_defined_term_includes_is_its_definition_not_another_articles_list(library) -> None:
    answer = library.pipeline("ip-law").ask("惩罚性赔偿的解释所称的故意包括哪些？")
    assert "本解释所称故意，包括" in answer.answer, answer.answer[:160]
    assert "（一）" not in answer.answer  # 第三条's list of what may be taken for intent


def test_a_list_question_quotes_the_list_a_chosen_lead_in_heads(library) -> None:
    # 著作权法's item "（七）出租权……计算机软件的……" shares the question's
    # words; the software regulation's "软件著作权人享有下列各项权利：" heads
    # the list asked.
    answer = library.pipeline("ip-law").ask("计算机软件的著作权人有哪些权利？")
    assert "软件著作权人享有下列各项权利" in answer.answer, answer.answer[:160]
    assert "著作权包括下列人身权和财产权" not in answer.answer


def test_the_word_for_the_kind_of_value_is_no_attribute_a_sentence_must_name() -> None:
    from app.answering import _intent_fit
    from app.question import analyze

    info = analyze("专利侵权纠纷的处理期限是多长？")
    assert _intent_fit("应当自受理之日起二个月内作出处理决定。", info) == 1.0


def test_cites_article_reads_a_citation_of_the_documents_own_article() -> None:
    from app.legal import cites_article

    assert cites_article("违反本法第十四条第五款规定的，处十万元罚款。", "第十四条")
    assert cites_article("违反本条例第七条规定的，责令改正。", "第七条")
    assert not cites_article("违反本法第一百一十四条规定的，处罚款。", "第十四条")
    assert not cites_article("依照商标法第十四条的规定认定。", "第十四条")  # another law's article
    assert cites_article("违反本条例第七条规定的，责令改正。") and not cites_article("依照商标法第十四条的规定。")


def test_a_penalty_asked_of_a_duty_is_found_in_the_article_that_cites_it(tmp_path) -> None:
    from app.pipeline import Pipeline
    from app.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    duties = ["在河道管理范围内倾倒垃圾、渣土", "在堤防上修建房屋", "在河道内采砂", "在河道内设置拦河渔具",
              "在河道管理范围内堆放物料", "损毁河道水文监测设施", "擅自填堵河道", "在河道内种植阻碍行洪的林木"]
    fines = ["五千元以上五万元以下", "一万元以上十万元以下", "二万元以上二十万元以下", "二千元以上二万元以下",
             "一千元以上一万元以下", "三万元以上三十万元以下", "五万元以上五十万元以下", "五百元以上五千元以下"]
    articles = [f"第{n}条 任何单位和个人不得{d}。" for n, d in zip("五六七八九十", duties)]
    articles += [f"第十{n}条 河道管理机构应当{w}。" for n, w in zip("一二三四五六七八", (
        "定期巡查河道", "编制河道整治规划", "公布河道管理范围", "建立河长制度", "组织清淤疏浚",
        "做好汛期值守", "加强堤防维护", "接受社会监督"))]
    articles += [f"第二十{n}条 违反本条例第{a}条规定的，由河道管理机构责令改正，处{f}的罚款。"
                 for n, a, f in zip("一二三四五六", "五六七八九十", fines)]
    (corpus / "条例.txt").write_text("某市河道管理条例\n\n第一条 为了加强河道管理，制定本条例。\n\n"
                                     + "\n\n".join(articles) + "\n", encoding="utf-8")
    pipeline = Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", vector_seed_path=None))
    answer = pipeline.ask("在河道管理范围内倾倒渣土会被罚多少钱？")
    assert not answer.refused and "五千元以上五万元以下" in answer.answer, answer.answer
    assert "第二十一条" in answer.answer and "第五条" in answer.answer
    assert "一万元以上十万元以下" not in answer.answer  # another duty's fine


@pytest.mark.parametrize("question", [
    "专利法里的实用新型保护期多长？",  # the law says 期限
    "著作权法对摄影师的作品保护期多长？",  # the law says 摄影作品
])
def test_a_readers_word_for_what_a_named_document_words_otherwise_is_no_unmentioned_thing(library, question):
    answer = library.pipeline("ip-law").ask(question)
    assert not answer.refused, answer.answer
