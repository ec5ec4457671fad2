"""Retrieval and extractive answers for a handful of questions of our own."""
from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace

import pytest

from app import texts as T
from app.grounding import check_answer, markers, unsupported_numbers
from app.pipeline import QuestionError
from app.question import analyze
from app.settings import Settings


def passages(answer) -> dict[int, str]:
    return {c.n: c.text for c in answer.citations}


@pytest.mark.parametrize("question,expected", [
    ("去年全省申请了多少件专利？", ["2178"]),
    ("培训了多少知识产权人才？", ["3500"]),
    ("联合执法要和哪些部门配合？", ["公安", "海关"]),
    ("领导小组由多少个委办厅局组成？", ["28"]),
    ("哪些支柱产业要培育知识产权密集型产品？", ["石油化工", "医药"]),
    ("去年全省申請了多少件專利？", ["2178"]),  # traditional characters
    ("去年全省申请了多少件专利？　", ["2178"]),  # full-width space
])
def test_answers_quote_the_speech_with_valid_citations(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert not answer.refused
    for e in expected:
        assert e in answer.answer
    cited = passages(answer)
    assert set(markers(answer.answer)) == set(cited)
    assert all(check.supported for check in check_answer(answer.answer, cited, 0.5))
    assert not unsupported_numbers(answer.answer, cited)
    for c in answer.citations:
        text = pipeline.documents[c.doc]["text"]
        assert text[c.start:c.end] == c.text
        for a, b in c.highlights:
            assert c.start <= a < b <= c.end


@pytest.mark.parametrize("question", ["今天北京的天气怎么样？", "红烧肉怎么做？"])
def test_out_of_scope_questions_are_refused_with_related_passages(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.refused and answer.answer == T.REFUSAL_TEXT
    assert answer.citations and all(not c.highlights for c in answer.citations)


def test_follow_up_uses_the_previous_turn(pipeline):
    first = "去年全省申请了多少件专利？"
    alone = pipeline.ask("那授权了多少？")
    follow = pipeline.ask("那授权了多少？", history=[first])
    assert "1047" in follow.answer and not follow.refused
    assert follow.query != alone.query


@pytest.mark.parametrize("bad,fragment", [
    ("", "请输入"), ("   ", "请输入"), ("问" * 501, "过长"), ("\x00\x01abc", "无法识别"),
    ("？？？！！", "没有可识别"), (b"\xff\xfe", "无法识别"), (None, "请输入"),
])
def test_bad_questions_get_chinese_messages(pipeline, bad, fragment):
    with pytest.raises(QuestionError, match=fragment):
        pipeline.ask(bad)


@pytest.mark.parametrize("typed,read", [
    ("哪 些 行 业 算 咱 们 的 支 柱 产 业 ？", "哪些行业算咱们的支柱产业 ？"),
    ("专利法 第十二条", "专利法第十二条"),
    ("How many patents 专利 were granted?", "How many patents 专利 were granted?"),  # spaces by Latin words stay
    ("著作權法　規定", "著作权法规定"),  # the ideographic space too, and traditional characters
])
def test_spaces_between_chinese_characters_are_dropped(typed, read):
    from app.textnorm import normalize_question

    assert normalize_question(typed) == read
    assert normalize_question(read) == read  # idempotent


def test_a_question_typed_with_spaces_is_answered_as_without(pipeline):
    spaced = pipeline.ask("哪 些 行 业 算 咱 们 的 支 柱 产 业 ？")
    plain = pipeline.ask("哪些行业算咱们的支柱产业？")
    assert not spaced.refused and spaced.answer == plain.answer


def test_html_in_a_question_is_just_text(pipeline):
    answer = pipeline.ask("<script>alert(1)</script>去年全省申请了多少件专利？")
    assert answer.question.startswith("<script>")
    assert "<script>" not in answer.answer


def test_timings_are_reported(pipeline):
    answer = pipeline.ask("去年全省申请了多少件专利？")
    assert {"retrieve", "answer", "total"} <= set(answer.timings_ms)
    assert answer.timings_ms["total"] >= answer.timings_ms["retrieve"] >= 0


def test_answer_lines_each_end_with_a_marker(pipeline):
    answer = pipeline.ask("知识产权宣传要利用哪些媒体？")
    lines = answer.answer.split("\n")
    # The lead names the document quoted, by its own title.
    assert lines[0] == T.ANSWER_LEAD.format(sources="《领导知识产权工作会议讲话》")
    assert all(re.search(r"\[\d+\]$", line) for line in lines[1:])


def test_a_question_is_answered_from_the_index_it_started_on(tmp_path, corpus_copy):
    from app.pipeline import Pipeline
    from app.settings import Settings

    pipeline = Pipeline(Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index"))
    prep = pipeline.prepare("去年全省申请了多少件专利？")
    for f in corpus_copy.iterdir():
        f.unlink()
    (corpus_copy / "other.txt").write_text("另一份文件。要加强专利导航工作。", encoding="utf-8")
    pipeline.reload()  # e.g. an upload finished while this question was in flight
    answer = pipeline.extractive(prep)
    assert "2178" in answer.answer
    old_docs = prep.snapshot.docs
    assert all(old_docs[c.doc]["text"][c.start:c.end] == c.text for c in answer.citations)
    assert "other.txt" in pipeline.documents


def test_a_heading_with_nothing_under_it_answers_nothing(tmp_path):
    pipeline = _pipeline_on(tmp_path, "复函.txt", (
        "国务院办公厅关于有关问题办理情况的函\n\n一、关于新机场建设项目问题。（略）\n\n"
        "二、关于港口扩建项目问题。发展改革委同意港口扩建项目列入规划，并提出以下办理意见：分期建设，先建东港区。\n"))
    refused = pipeline.ask("关于新机场建设项目问题，函里是怎么说的？")
    assert refused.refused and refused.decision.reason == "heading_alone"
    from app import texts as T
    assert refused.answer == T.HEADING_ONLY and refused.citations  # the heading stays listed as related
    answered = pipeline.ask("关于港口扩建项目问题，函里是怎么说的？")
    assert not answered.refused and "分期建设" in answered.answer


def _sentences(hit: object, texts: list[str]):
    from app.answering import Candidate

    out, pos = [], 0
    for t in texts:
        out.append(Candidate(0, hit, pos, pos + len(t), t))
        pos += len(t)
    return out


@pytest.mark.parametrize("picked,expected", [
    (0, [0, 1, 2, 3]),  # the sentence that introduces a run brings the run
    (2, [1, 2, 3]),  # a clause inside a run brings the whole run
    (3, [1, 2, 3]),  # so does the clause that closes it
    (4, [4]),  # a sentence outside any run stays alone
])
def test_list_answers_quote_whole_clause_runs(picked, expected):
    from app.answering import _with_clause_runs

    hit, other = object(), object()
    cands = _sentences(hit, ["去年工作有进展。", "申请专利2178件；", "举办了专利周；", "培训3500人。", "问题仍然不少。"])
    cands += _sentences(other, ["另一段的一句；", "另一段的二句。"])
    chosen = _with_clause_runs([cands[picked]], cands, limit=8)
    assert sorted(cands.index(c) for c in chosen) == expected


def test_the_best_sentences_run_is_the_whole_list_answer():
    from app.answering import _with_clause_runs

    hit, other = object(), object()
    cands = _sentences(hit, ["去年工作有进展。", "申请专利2178件；", "举办了专利周；", "培训3500人。"])
    cands += _sentences(other, ["在取得进展的同时，差距仍然不小。"])
    best, elsewhere = cands[0], cands[4]
    alone = _with_clause_runs([best, elsewhere], cands, limit=8, alone=True)
    assert sorted(cands.index(c) for c in alone) == [0, 1, 2, 3]
    # per document (comparisons, which documents) the other sentence stays
    kept = _with_clause_runs([best, elsewhere], cands, limit=8)
    assert sorted(cands.index(c) for c in kept) == [0, 1, 2, 3, 4]


def test_a_quote_keeps_the_one_sentence_between_two_chosen_ones():
    from app.answering import _with_gaps_filled

    hit = object()
    cands = _sentences(hit, ["报告作了安排。", "我都同意。", "希望抓好落实。", "另一件事。", "再一件事。"])
    filled = _with_gaps_filled([cands[0], cands[2]], cands)
    assert sorted(cands.index(c) for c in filled) == [0, 1, 2]
    # two sentences apart is no longer one quote
    assert _with_gaps_filled([cands[0], cands[3]], cands) == [cands[0], cands[3]]


def test_a_sentence_joins_only_when_it_adds_a_question_term():
    from app.answering import _each_adds_a_term

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="专利法", address="第七十四条", chunk_id="c1"))
    best, repeat, other = _sentences(hit, ["侵犯专利权的诉讼时效为三年。",
                                           "要求支付使用费的诉讼时效为三年。",
                                           "专利权人可以请求赔偿。"])
    best.terms = {"专利权": 0.4, "诉讼时效": 0.6}
    repeat.terms = {"诉讼时效": 0.6}
    best.score, repeat.score, other.score = 2.0, 1.6, 1.5
    # the second one says the same about the same words: left out
    assert _each_adds_a_term([best, repeat], tie_ratio=0.9, adds_share=0.1) == [best]
    # scored as well as the best, yet stating only part of its words: a weaker reading, left out
    repeat.score = 1.9
    assert _each_adds_a_term([best, repeat], tie_ratio=0.9, adds_share=0.1) == [best]
    # a reading of its own (words the best does not state) the scores cannot tell apart: both stay
    repeat.terms = {"诉讼时效": 0.6, "使用费": 0.2}
    assert _each_adds_a_term([best, repeat], tie_ratio=0.9, adds_share=0.1) == [best, repeat]
    # ... and so does one that fits the asked form better (states the figure asked)
    repeat.terms, repeat.fit = {"诉讼时效": 0.6}, 1.0
    assert _each_adds_a_term([best, repeat], tie_ratio=0.9, adds_share=0.1) == [best, repeat]
    # a two-part question: the sentence with the second part's words joins
    first, second = _sentences(hit, ["发明专利申请自申请日起三年内可以请求实质审查。",
                                     "申请人无正当理由逾期不请求实质审查的，该申请即被视为撤回。"])
    first.terms = {"发明专利": 0.3, "实质审查": 0.3}
    second.terms = {"实质审查": 0.3, "逾期": 0.4}
    first.score, second.score = 2.0, 1.5
    assert _each_adds_a_term([first, second], tie_ratio=0.9, adds_share=0.1) == [first, second]
    # a word on every line of the text adds nothing: the second part's light word alone does not join
    second.terms = {"实质审查": 0.3, "申请": 0.05}
    assert _each_adds_a_term([first, second], tie_ratio=0.9, adds_share=0.1) == [first]
    # another provision's sentence that shares a word of the question does not join for that
    elsewhere = SimpleNamespace(chunk=SimpleNamespace(doc_id="专利法", address="第四十二条", chunk_id="c2"))
    (echo,) = _sentences(elsewhere, ["申请人逾期未缴纳年费的，专利权终止。"])
    echo.terms, echo.score = {"逾期": 0.4}, 1.5
    assert _each_adds_a_term([first, echo], tie_ratio=0.9, adds_share=0.1) == [first]


def test_a_best_scored_sentence_that_is_the_weaker_reading_of_a_near_tie_gives_way():
    from app.answering import _each_adds_a_term

    art36 = SimpleNamespace(chunk=SimpleNamespace(doc_id="商标法", address="第三十六条", chunk_id="c1"))
    art28 = SimpleNamespace(chunk=SimpleNamespace(doc_id="商标法", address="第二十八条", chunk_id="c2"))
    (weaker,) = _sentences(art36, ["经审查异议不成立而准予注册的商标，自初步审定公告三个月期满之日起计算。"])
    (fuller,) = _sentences(art28, ["对申请注册的商标，商标局应当自收到申请文件之日起九个月内审查完毕。"])
    weaker.terms, fuller.terms = {"审查": 0.1, "商标": 0.1}, {"审查": 0.1, "商标": 0.1, "商标局": 0.1}
    weaker.score, fuller.score, weaker.fit, fuller.fit = 1.83, 1.75, 1.0, 1.0
    # "商标局审查……的期限": the article that states the question's words and more answers it
    assert _each_adds_a_term([weaker, fuller], tie_ratio=0.92, adds_share=0.1) == [fuller]
    # ... and what its article added goes with it where it goes on from it
    (added,) = _sentences(art36, ["该期限不计入审查期限。"])
    added.terms, added.score = {"期限": 0.1}, 1.2
    assert _each_adds_a_term([weaker, fuller, added], tie_ratio=0.92, adds_share=0.1) == [fuller]
    # ... and the fuller reading stays, whatever it opens with, in the same article too
    (same,) = _sentences(art36, ["其审查由商标局自收到申请文件之日起九个月内完毕。"])
    same.terms, same.score, same.fit = {"审查": 0.1, "商标": 0.1, "商标局": 0.1}, 1.75, 1.0
    assert _each_adds_a_term([weaker, same], tie_ratio=0.92, adds_share=0.1) == [same]
    # a lead-in stays whatever it lacks: its items are the answer
    weaker.text = "据此，商标的审查办法为："
    assert _each_adds_a_term([weaker, fuller], tie_ratio=0.92, adds_share=0.1) == [weaker, fuller]


@pytest.mark.parametrize("question,anchor", [
    ("布图设计首次商业利用后，最迟多久要申请登记？", "利用"),
    ("外观设计专利权的保护期是多少年？", "保护期"),
    ("去年全省申请了多少件专利？", "申请"),
    ("专家组由谁担任组长？", None),  # a who question asks no value
    ("多少钱？", None),
])
def test_the_word_a_value_question_puts_before_its_question_word(question, anchor):
    from app.question import value_anchor

    assert value_anchor(question) == anchor


@pytest.mark.parametrize("question,intent,attribute", [
    ("集成电路布图设计专有权的保护期有多长？", "duration", "保护期"),
    ("商标局审查商标注册申请的法定期限是多久？", "duration", "法定期限"),
    ("什么是职务发明创造？", "definition", None),
    ("“功能性特征”怎么界定？", "definition", None),
    ("专利法所称的发明是指什么？", "definition", None),
    # what to do is asked as "如何" asks it; which measures is a list
    ("整改要做哪些工作？", "how", None),
    ("专利权人可以做哪些事情？", "list", None),  # what one may do is a list
    ("监督检查部门可以采取哪些措施？", "list", None),
    # 哪几 asks which ones, 几 alone how many
    ("要切实增强哪几种意识？", "list", None),
    ("领导小组有几个成员单位？", "count", "成员"),
])
def test_what_a_question_asks_for(question, intent, attribute):
    from app.question import analyze

    info = analyze(question)
    assert (info.intent, info.attribute) == (intent, attribute)


@pytest.mark.parametrize("text,question,intent,attribute,fit", [
    ("布图设计专有权的保护期为10年。", "保护期有多长？", "duration", "保护期", 1.0),
    ("自收到通知之日起3个月内提出。", "保护期有多长？", "duration", "保护期", 0.5),  # a figure, of something else
    ("国家鼓励技术创新。", "保护期是多少？", "count", "保护期", 0.0),
    # a figure in another unit than the one asked
    ("自该新药获得上市许可之日起3个月内提出。", "期限补偿最长可以补多少年？", "count", None, 0.25),
    ("补偿期限不超过五年。", "期限补偿最长可以补多少年？", "count", None, 1.0),
    # a what question's frame (以……为指导), filled or not
    ("我们一定要以科学发展观为指导，坚持总体思路。", "工作要以什么思想为指导？", "what", None, 1.0),
    ("要加强思想建设，提高指导水平。", "工作要以什么思想为指导？", "what", None, 0.0),
    # a condition asked is no frame (在什么情况下可以……)
    ("当事人在协商一致的情况下可以变更合同。", "在什么情况下可以给予强制许可？", "what", None, 0.0),
    # not a definition: what is not the term
    ("有下列情形之一的，不认定为侵权。", "所说的侵权是指什么？", "definition", None, 0.0),
    ("执行本单位的任务所完成的发明创造为职务发明创造。", "什么是职务发明创造？", "definition", None, 1.0),
    ("发明，是指对产品、方法或者其改进所提出的新的技术方案。", "专利法所称的发明是指什么？", "definition", None, 1.0),
    ("第八条 功能性特征，是指对于结构、组分、步骤进行限定的技术特征。", "功能性特征怎么界定？", "definition", None, 1.0),
    ("本条例所称计算机软件（以下简称软件），是指计算机程序及其有关文档。", "什么是计算机软件？", "definition", None, 1.0),
    # a definition, of another term
    ("本法所称的发明创造是指发明、实用新型和外观设计。", "专利法所称的发明是指什么？", "definition", None, 0.5),
    # "发明" is not the term "什么是发明创造" asks about
    ("本法所称发明，是指对产品、方法或者其改进所提出的新的技术方案。", "什么是发明创造？", "definition", None, 0.5),
    ("职务发明创造申请专利的权利属于该单位。", "什么是职务发明创造？", "definition", None, 0.0),
    # what is not the term: no definition of it
    ("为他人创作进行组织工作，或者进行其他辅助工作，均不视为创作。", "所说的创作是指什么？", "definition", None, 0.0),
    # figures written in Chinese numerals, and where a provision sits (no figure)
    ("侵犯专利权的诉讼时效为三年。", "诉讼时效多长？", "duration", "诉讼时效", 1.0),
    ("处五十万元以上五百万元以下的罚款。", "罚款是多少？", "count", None, 1.0),
    ("第十二条 依照本法第十五条规定的方式执行。", "罚款是多少？", "count", None, 0.0),
    ("20xx年我省知识产权工作取得了可喜的进展。", "申请了多少？", "count", None, 0.0),  # a year left out
    # a value right after the word the question puts before its question word, before one apart from it
    ("首次商业利用之日起2年内未提出登记申请的，不予登记。", "首次商业利用后，最迟多久要申请登记？", "duration", None, 1.0),
    ("保护期为10年，自登记申请之日或者首次投入商业利用之日起计算。", "首次商业利用后，最迟多久要申请登记？",
     "duration", None, 0.9),
    # a span within which to act is asked: "满四年" states another kind of span
    ("发明专利申请自申请日起三年内，可以请求实质审查。", "要在申请日起几年内请求实质审查？", "duration", None, 1.0),
    ("自发明专利申请日起满四年授予专利权的，给予期限补偿。", "要在申请日起几年内请求实质审查？", "duration", None, 0.9),
    ("事故发生后二十四小时内报告。", "事故发生后多长时间内报告？", "duration", None, 1.0),
    # ... and never raises the fit of a figure that is not of the thing asked
    ("连续工作满四年的，可以休假。", "事故报告的期限是多长时间内？", "duration", "报告", 0.5),
    # an enumeration's lead-in answers a which-ones question
    ("第二十五条 对下列各项，不授予专利权：", "哪些情形不授予专利权？", "list", None, 1.0),
    # one separator and no enumeration beside the asked words
    ("对违反法律的发明创造，不授予专利权。", "哪些情形不授予专利权？", "list", None, 0.125),
    ("死亡原因为心肌梗死等。", "李某是因为什么死亡的？", "why", None, 1.0),
    ("因特网服务提供者应当保存记录。", "为什么要保存记录？", "why", None, 0.0),  # 因特网 gives no cause
    # who: the holder of the role asked, then any person named with a title
    ("成立了以刘广润院士为组长的专家组。", "专家组由谁担任组长？", "who", "组长", 1.0),
    ("朱晓力同志作了工作报告。", "报告是谁作的？", "who", "报告", 1.0),
    ("国土资源部两次组成专家组进行了调查。", "专家组由谁担任组长？", "who", "组长", 0.0),
    ("省知识产权局的洪宗宪同志作了通报。", "专家组由谁担任组长？", "who", "组长", 0.5),
    # ... or the parties a legal text says may or shall act, not the ones an act names
    ("专利权人、利害关系人可以请求作出评价报告。", "谁可以请求作出评价报告？", "who", None, 0.5),
    ("有多个请求人请求作出评价报告的，仅作出一份评价报告。", "谁可以请求作出评价报告？", "who", None, 0.0),
    ("全省受益人口达三十万人，覆盖十个县。", "谁可以请求作出评价报告？", "who", None, 0.0),  # a count of people
    # which provision: the sentence that cites one
    ("其行为违反《中华人民共和国城乡规划法》第三十八条规定。", "拍卖行为违反了哪条法律规定？", "what", None, 1.0),
    ("一审法院判决确认拍卖行为违法。", "拍卖行为违反了哪条法律规定？", "what", None, 0.0),
])
def test_a_sentence_fits_what_is_asked(text, question, intent, attribute, fit):
    from app.answering import _intent_fit
    from app.question import QuestionInfo

    assert _intent_fit(text, QuestionInfo(question, intent, (), (), False, attribute)) == fit


@pytest.mark.parametrize("question,sentence,another", [
    ("这次会议是在哪天召开的？", "元月19日省政府召开了领导小组第一次会议。", True),
    ("本次大会有多少人参加？", "上次大会有300人参加。", True),
    ("这次会议是在哪天召开的？", "今天我们召开全省知识产权工作会议。", False),
    ("这次会议是在哪天召开的？", "这次会议是继第一次会议之后召开的。", False),  # names this one too
    ("领导小组第一次会议是哪天召开的？", "元月19日省政府召开了领导小组第一次会议。", False),  # no 这次 asked
    # the occasion named elsewhere in the question: this speech's meeting
    ("这次报告是在什么会议上作的？", "元月19日省政府召开了领导小组第一次会议。", True),
    ("这次报告是在什么会议上作的？", "今天我们召开全省知识产权工作会议。", False),
])
def test_a_sentence_about_another_occasion_does_not_answer_for_this_one(question, sentence, another):
    from app.answering import names_another_occasion

    assert names_another_occasion(question, sentence) is another


@pytest.mark.parametrize("question,sentence,another", [
    ("宁某某的六套安置房总建筑面积是多少平方米？", "赵某某家庭共有两口人，合计选房面积为94平方米。", True),
    ("撤销婚姻案中，李某隐瞒的是什么疾病？", "李某告知张某，其婚前患有梅毒。", False),
    ("张某获赔多少？", "法院判决李某赔偿张某5万元。", False),
    ("张某获赔多少？", "法院判决赔偿5万元。", False),  # names no party: may be about the one asked
    ("张某在哪家公司工作？", "于某日向某公司提出申请。", False),  # 于某日, 某公司 name no party
    ("公司应当支付多少加班费？", "张某主张加班费。", False),  # the question names no party
])
def test_a_sentence_about_other_parties_does_not_answer_for_the_party_asked(question, sentence, another):
    from app.answering import names_another_party

    assert names_another_party(question, sentence) is another


def test_the_date_of_this_meeting_is_not_another_meetings_date(pipeline):
    refused = pipeline.ask("这次会议是在哪天召开的？")
    assert refused.refused and "元月19日" not in refused.answer
    answered = pipeline.ask("领导小组第一次会议是哪天召开的？")
    assert not answered.refused and "元月19日" in answered.answer


@pytest.mark.parametrize("question,parts", [
    ("外观设计专利权的保护期是多少年？从什么时候起算？", ["外观设计专利权的保护期是多少年？", "从什么时候起算？"]),
    ("去年全省申请了多少件专利？", ["去年全省申请了多少件专利？"]),
    ("专利法第十二条", ["专利法第十二条"]),
    ("保护期多久？？", ["保护期多久？"]),  # a lone mark is no question
    # two clauses that each ask, the context before the first going with it
    ("讲话对报告是什么态度，对各市州有什么要求？", ["讲话对报告是什么态度", "对各市州有什么要求？"]),
    ("在广东，展会举办多长时间以上要设立纠纷处理机构？", ["在广东，展会举办多长时间以上要设立纠纷处理机构？"]),
    # a condition or a concession before the question asks nothing of its own
    ("判断是否构成侵权，应当考虑哪些因素？", ["判断是否构成侵权，应当考虑哪些因素？"]),
    ("不管什么单位，都要遵守哪些规定？", ["不管什么单位，都要遵守哪些规定？"]),
    ("哪怕是个人使用，也需要许可吗？", ["哪怕是个人使用，也需要许可吗？"]),
])
def test_a_compound_question_is_cut_into_its_questions(question, parts):
    from app.question import question_parts

    assert question_parts(question) == parts


def test_what_a_body_is_to_do_is_the_directive_addressed_to_it(pipeline):
    answer = pipeline.ask("各级政府要做哪些工作？")
    assert "各级政府要担负起" in answer.answer
    # not every sentence that names a government among others
    assert "各级政府领导和知识产权管理部门" not in answer.answer


def test_a_sentence_reached_twice_is_quoted_once(pipeline):
    from app.citing import Quote, compose

    snapshot = pipeline.snapshot
    chunk = snapshot.chunks[1]
    a, b = chunk.sentences[0]
    text = snapshot.docs[chunk.doc_id]["text"][a:b]
    # found by the search and again as the article a penalty cites
    answer, citations = compose([Quote(chunk, 0.9, a, b, text), Quote(chunk, 0.5, a, b, text)], snapshot)
    assert answer.count(text.strip()[:12]) == 1 and len(citations) == 1


def test_the_register_does_not_change_what_is_asked_for(pipeline):
    # "多久" reads as the documents' "期限" for the search, and the question
    # stays a how-long one
    prep = pipeline.prepare("开展专项行动要多久？")
    assert prep.info.intent == "duration"


@pytest.mark.parametrize("line,claim", [
    ("《中华人民共和国专利法实施细则》（2023年12月11日版，现行）第九十三条：", False),
    ("根据《领导知识产权工作会议讲话》：", False),
    ("一项发明专利的奖金最低不少于4000元。 [2]", True),
    ("《某市绿地管理条例》：没有找到相关规定。", False),  # a compared document said to be silent
    ("《某市绿地管理条例》：每平方米五百元。", True),
])
def test_source_headings_with_versions_state_no_fact(line, claim):
    from app.grounding import is_claim

    assert is_claim(line) is claim


@pytest.mark.parametrize("iso,text", [("2023-12-11", "2023年12月11日"), ("2010-01", "2010年1月"), ("", "")])
def test_dates_read_in_chinese(iso, text):
    from app.citing import chinese_date

    assert chinese_date(iso) == text


def test_the_words_naming_the_value_asked_weigh_little_in_a_value_question():
    from app.answering import _names_the_value

    info = analyze("商标局审查商标注册申请的法定期限是多久？")
    assert _names_the_value("法定期限", info) and _names_the_value("期限", info)
    assert not _names_the_value("商标注册", info)
    # outside a value question the same word is content like any other
    assert not _names_the_value("数额", analyze("赔偿数额怎么确定？"))


def test_a_penalty_question_gets_the_articles_further_fines_whatever_it_calls_the_penalty():
    from app.answering import _with_further_figures

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="若干规定", address="第六条", chunk_id="c1"))
    first, further = _sentences(hit, ["单位和个人恶意申请商标注册的，可以并处违法所得五倍的罚款。",
                                      "没有违法所得的，可以并处三万元以下的罚款。"])
    first.fit = further.fit = 0.0
    info = analyze("恶意申请商标注册的单位和个人怎么处罚？")
    assert _with_further_figures([first], [first, further], info, Settings()) == [first, further]
    # a question that asks no penalty does not take the next figure on that ground
    assert _with_further_figures([first], [first, further], analyze("恶意申请商标注册的要承担什么后果？"),
                                 Settings()) == [first]



@pytest.mark.parametrize("texts,question,joins", [
    # a how-long question gets the article's further time limit
    (["专利管理部门处理专利侵权纠纷案件，应当在受理之日起四个月内作出处理决定。",
      "因特殊情况需要延长的，延长期限最长不得超过二个月。"],
     "专利管理部门处理专利侵权纠纷案件要在多长时间内作出决定？", True),
    # what a term means states no further figure, whatever numbers it holds
    (["同一展位的参展项目不得超过10项。", "本办法所称同一展位的两项以上参展项目，是指由同一参展商申报的项目。"],
     "同一展位的参展项目最多可以有几项？", False),
    # a value asked of something (赔偿) is not further stated by a fine
    (["情节特别严重的，人民法院可以按照实际损失的五倍以上十倍以下确定赔偿数额。",
      "专利侵权纠纷行政裁决生效后，再次侵犯同一专利权的，并处违法经营额一倍以上五倍以下的罚款。"],
     "情节特别严重的故意侵犯知识产权，赔偿倍数和赔偿上限是多少？", False),
    # ... but by the other thing asked with it (滞纳金)
    (["专利权人应当自年费期满之日起6个月内补缴，同时缴纳滞纳金。",
      "滞纳金的金额按照每超过规定的缴费时间1个月，加收当年全额年费的5%计算。"],
     "专利年费逾期未缴，补缴期限和滞纳金怎么计算？", True),
])
def test_the_articles_further_figure_joins_unless_it_says_what_a_term_means(texts, question, joins):
    from app.answering import _with_further_figures

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="条例", address="第九条", chunk_id="c1"))
    first, further = _sentences(hit, texts)
    first.fit, further.fit = 1.0, 1.0
    expected = [first, further] if joins else [first]
    assert _with_further_figures([first], [first, further], analyze(question), Settings()) == expected


@pytest.mark.parametrize("first,further,terms,question,joins", [
    # a sentence leaving out the subject asked, going on from nothing, is of another subject
    ("发明专利权的期限为二十年，外观设计专利权的期限为十五年。", "自发明专利申请日起满四年授予发明专利权的，给予专利权期限补偿。",
     ({"外观设计": 0.6, "专利权": 0.3}, {"专利权": 0.3}), "外观设计专利权的保护期是多少年？", False),
    # "其" inside a sentence's opening words ("许可其他单位") is no pointer back
    ("一项发明专利的奖金最低不少于三千元。", "转让或者许可其他单位实施专利的，提取不低于百分之三十作为报酬支付发明人。",
     ({"奖金": 0.3, "发明": 0.1}, {"发明": 0.1}), "职务发明的奖金最低不少于多少？", False),
    # an exception to the rule is of the same subject, whatever words it uses
    ("公民认为行政行为侵犯其权益的，可以自知道之日起六十日内提出行政复议申请。", "法律规定的申请期限超过六十日的除外。",
     ({"行政复议": 0.5, "申请": 0.1}, {"申请": 0.1}), "行政复议的申请期限是多久？", True),
])
def test_a_further_figure_that_leaves_out_the_subject_asked_is_of_another_subject(first, further, terms, question,
                                                                                 joins):
    from app.answering import _with_further_figures

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="法", address="第四十二条", chunk_id="c1"))
    first, further = _sentences(hit, [first, further])
    first.fit = further.fit = 1.0
    first.terms, further.terms = terms
    expected = [first, further] if joins else [first]
    assert _with_further_figures([first], [first, further], analyze(question), Settings()) == expected


@pytest.mark.parametrize("question,both", [
    ("甲法和乙法的外国优先权期限分别是多长？", False),  # 本国 priority is another provision on the same words
    ("甲法规定的外国优先权和中国优先权的期限分别是多长？", True),  # ... unless it is asked too
    ("甲法和乙法对优先权违规行为的罚款分别是多少？", True),  # a penalty's further fines are on its point
])
def test_a_compared_documents_further_sentence_is_of_the_subject_asked(question, both):
    from app.documents_answering import on_one_subject

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="甲法", address="第二十九条", chunk_id="c1"))
    foreign, domestic = _sentences(hit, ["申请人自在外国第一次提出申请之日起十二个月内又在中国申请的，可以享有优先权。",
                                         "申请人自在中国第一次提出申请之日起十二个月内又提出申请的，可以享有优先权。"])
    foreign.score, domestic.score = 2.0, 1.9
    foreign.terms, domestic.terms = {"外国": 0.4, "优先权": 0.3}, {"优先权": 0.3}
    assert on_one_subject([foreign, domestic], question) == ([foreign, domestic] if both else [foreign])


def test_a_weaker_fit_left_out_brings_no_further_figures():
    from app.answering import select

    def hit(doc, article):
        return SimpleNamespace(chunk=SimpleNamespace(doc_id=doc, address=article, chunk_id=doc + article,
                                                     section=[article]))

    (best,) = _sentences(hit("法", "第四条"), ["补偿期限不超过五年。"])
    lead, item = _sentences(hit("细则", "第八条"), ["请求给予期限补偿的，应当符合下列要求：",
                                                   "（一）同时存在多项专利的，只能请求对其中一项给予补偿；"])
    for c, score, fit in ((best, 1.7, 1.0), (lead, 1.6, 0.25), (item, 1.3, 1.0)):
        c.score, c.fit, c.terms = score, fit, {"期限": 0.1, "补偿": 0.2}
    chosen = select([best, lead, item], analyze("期限补偿最长可以补多少年？"), Settings())
    assert chosen == [best]


def test_a_value_question_prefers_the_sentence_stating_a_value_among_near_ties():
    from app.answering import _value_first

    hit = object()
    vague, valued, far = _sentences(hit, ["申请人应当在指定期限内提交资料。", "自申请日起满十八个月，即行公布。",
                                          "逾期未缴纳的，自次年起终止。"])
    vague.fit, valued.fit, far.fit = 0.0, 1.0, 1.0
    vague.score, valued.score, far.score = 1.9, 1.8, 1.2
    assert _value_first([vague, valued, far], tie_ratio=0.85)[0] is valued
    # a value far behind does not lead: the scores do tell them apart
    valued.score = 1.5
    assert _value_first([vague, valued, far], tie_ratio=0.85)[0] is vague


@pytest.mark.parametrize("sentence, fit", [
    ("当天签收快递包裹3万件。", 1.0),  # the unit named, beside the word before the question word
    ("当天接待观众3万人次。", 0.25),  # another unit
    ("包裹由物流公司统一分拣，当天共有3万件。", 0.5),  # the figure far from that word
])
def test_a_figure_in_the_unit_named_beside_the_word_before_the_question_word_fits(sentence, fit):
    from app.answering import _intent_fit

    info = analyze("运动会共签收快递包裹多少件？")
    assert info.attribute is not None and info.attribute not in sentence  # the tagger's noun is elsewhere
    assert _intent_fit(sentence, info) == fit


def test_among_near_ties_the_value_in_the_unit_asked_leads():
    from app.answering import _value_first

    hit = object()
    vague, counted, valued = _sentences(hit, ["宣告品种权无效的决定，对已执行的判决不具有追溯力。",
                                              "两个以上的申请人分别申请的，品种权授予最先申请的人。",
                                              "品种权的保护期限，自授权之日起，其他植物为15年。"])
    vague.fit, counted.fit, valued.fit = 0.0, 0.25, 1.0  # "两个" is a figure, in no unit asked
    vague.score, counted.score, valued.score = 1.69, 1.58, 1.57
    assert _value_first([vague, counted, valued], tie_ratio=0.92)[0] is valued


@pytest.mark.parametrize("question,titles,left", [
    ("植物新品种保护条例和集成电路布图设计保护条例对年费分别怎么规定？",
     ["中华人民共和国植物新品种保护条例", "集成电路布图设计保护条例"], "对年费分别怎么规定"),
    ("山东省和洛阳市对假冒专利的罚款标准有什么不同？", ["山东省专利条例", "洛阳市专利促进与保护条例"],
     "对假冒专利的罚款标准有什么不同"),  # "专利" is shorter than a name: it stays
    ("专利法和商标法有什么不同？", ["中华人民共和国专利法", "中华人民共和国商标法"], "专利法和商标法有什么不同"),
    # only whole words go: the title's "保护" leaves the question's "保护期"
    ("集成电路布图设计的保护期是几年？", ["集成电路布图设计保护条例"], "的保护期是几年"),
    # in either order of the titles, both names go whole
    ("上海市专利保护条例和青岛市专利保护规定对答辩期限有什么区别？", ["上海市专利保护条例", "青岛市专利保护规定"],
     "对答辩期限有什么区别"),
    ("上海市专利保护条例和青岛市专利保护规定对答辩期限有什么区别？", ["青岛市专利保护规定", "上海市专利保护条例"],
     "对答辩期限有什么区别"),
    # words repeating part of the name already taken are what is asked
    ("专利代理条例所说的专利代理是什么？", ["专利代理条例"], "所说的专利代理是什么"),
    # a name written in two pieces loses both
    ("上海市设立的科学技术奖，新旧两版科学技术进步条例的表述有何不同？", ["上海市科学技术进步条例"],
     "设立的科学技术奖，新旧两版的表述有何不同"),
])
def test_the_point_compared_is_the_question_without_the_documents_names(question, titles, left):
    from app.documents_answering import without_names

    assert re.sub(r"[\s和？]", "", without_names(question, titles)).startswith(re.sub(r"[\s和？]", "", left))


@pytest.mark.parametrize("claim,supported", [
    ("去年全省申请专利2178件。[1]", True),  # words of the question around the text's figure
    ("申请专利2178件，授权1047件。[1]", True),
    ("去年全省共培训1047人次。[1]", False),  # 1047 counts granted patents, not trainees
    ("1047[1]", False),  # a bare figure counts nothing
    ("共培训3500人次，授权1047件。[1]", True),
])
def test_a_figure_must_be_stated_about_what_the_claim_says(claim, supported):
    passage = {1: "全年申请专利达到了2178件，授权专利1047件。举办培训班12期，共培训3500人次。"}
    assert all(c.supported for c in check_answer(claim, passage, 0.5)) is supported


@pytest.mark.parametrize("question,which", [
    ("员工离职前得把实验资料还给单位——哪些地方的法规有这种要求？", True),
    ("哪些城市规定了职务发明的最低奖金？", True),
    ("哪几部法规提到了展会知识产权保护？", True),
    ("我国地震重点监视防御区具体包括哪些城市？", False),  # the cities themselves are asked
    ("开通了英文版的省级政府网站分别是哪些省份？", False),
])
def test_which_places_asks_for_documents_only_with_what_they_rule(question, which):
    from app.documents_answering import asks_which_documents

    assert asks_which_documents(question) is which


def test_a_sentence_whose_content_was_left_out_is_not_quoted():
    from app.answering import says_something

    assert not says_something("（略）。")
    assert not says_something("……")
    assert says_something("我都完全同意。")


def test_a_definition_question_is_answered_by_the_definition_of_its_own_term():
    from app.answering import _defining_the_term_asked, _intent_fit
    from app.question import QuestionInfo

    info = QuestionInfo("专利法所称的发明是指什么？", "definition", ("发明",), (), False, None)
    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="专利法", address="第二条", chunk_id="c1"))
    other, own, far = _sentences(hit, ["本法所称的发明创造是指发明、实用新型和外观设计。",
                                       "发明，是指对产品、方法或者其改进所提出的新的技术方案。",
                                       "外观设计，是指对产品的形状所作出的富有美感的新设计。"])
    other.score, own.score, far.score = 2.1, 1.8, 0.9
    for c in (other, own, far):
        c.fit = _intent_fit(c.text, info)
    assert (other.fit, own.fit) == (0.5, 1.0)
    assert _defining_the_term_asked([other], [other, own, far], info, other.score) == [own]
    # another article's sentence that defines nothing says nothing more on the term
    elsewhere = SimpleNamespace(chunk=SimpleNamespace(doc_id="专利法", address="第十六条", chunk_id="c2"))
    (mention,) = _sentences(elsewhere, ["发明人有权在专利文件中写明自己是发明人。"])
    mention.score, mention.fit = 2.0, 0.0
    assert _defining_the_term_asked([other, mention], [other, mention, own, far], info, other.score) == [own]
    # the question's own term defined nowhere well enough: the best sentence stays
    own.score = 1.0
    assert _defining_the_term_asked([other], [other, own, far], info, other.score) == [other]


def test_a_definition_question_searches_for_how_texts_define():
    from app.answering import answer_wording
    from app.question import analyze

    assert answer_wording(analyze("什么是发明创造？")) == ("是指",)
    assert answer_wording(analyze("去年申请了多少件专利？")) == ()


def test_a_lead_in_brings_the_item_the_question_is_about():
    from app.answering import _with_best_item

    hit = object()
    lead, first, second, last = _sentences(hit, ["被告有下列情形的，可以认定为情节严重：",
                                                 "（一）被处罚后再次实施相同侵权行为；",
                                                 "（二）以侵害知识产权为业；",
                                                 "（三）其他可以认定为情节严重的情形。"])
    lead.terms, lead.score = {"情节严重": 0.5}, 2.0
    first.terms, first.score = {"侵权": 0.2}, 1.2
    second.terms, second.score = {}, 0.8
    last.terms, last.score = {"情节严重": 0.5}, 1.5  # repeats the lead-in: says nothing more
    assert _with_best_item([lead], [lead, first, second, last], best_score=2.0) == [lead, first]
    # no item states a word of the question the lead-in does not: the lead-in stays alone
    first.terms = {}
    assert _with_best_item([lead], [lead, first, second, last], best_score=2.0) == [lead]
    # an item far below the best sentence is not what was asked
    first.terms, first.score = {"侵权": 0.2}, 0.9
    assert _with_best_item([lead], [lead, first, second, last], best_score=2.0) == [lead]


def test_nouns_made_with_a_one_character_suffix_are_terms_as_the_corpus_writes_them():
    from app.question import suffixed_nouns

    corpus = "人民法院可以指派技术调查官参与证据保全。省人民政府设立专利奖。专利代理师对其签名办理的业务负责。"
    uses = corpus.__contains__
    assert suffixed_nouns("哪些文件提到了技术调查官？", uses) == ["技术调查官"]
    assert suffixed_nouns("哪些地方的法规规定由政府设立专利奖？", uses) == ["专利奖"]
    assert suffixed_nouns("专利代理师资格考试考哪几个科目？", uses) == ["专利代理师"]
    # not what the corpus writes, or no noun before the character: nothing
    assert suffixed_nouns("技术调查员是谁？", uses) == []
    assert suffixed_nouns("他被罚了多少钱？", uses) == []


def test_which_documents_count_only_the_whole_words_asked():
    from app.documents_answering import whole_terms

    assert whole_terms(("文件", "技术", "调查", "技术调查官")) == {"文件", "技术调查官"}
    assert whole_terms(("政府", "设立", "专利", "专利奖")) == {"政府", "设立", "专利奖"}
    from app.documents_answering import point_words

    # the words saying that documents rule go, and the parts of those words with them
    terms = ("专利权", "评价", "报告", "法律", "律法", "法规", "法律法规", "司法解释", "明确规定", "规定")
    assert point_words(terms) == {"专利权", "评价", "报告"}


def test_an_enumeration_is_its_lead_in_and_its_items_not_the_paragraphs_around_it():
    from app.pipeline import enumerations

    article = ["第十四条 驰名商标应当根据当事人的请求进行认定。", "认定驰名商标应当考虑下列因素：",
               "（一）相关公众的知晓程度；", "（二）使用的持续时间；", "（三）其他因素。",
               "在商标争议处理过程中，商标评审委员会可以作出认定。",
               "有下列情形之一的，不予认定：", "(一)已过期的；", "(二)已撤销的。"]
    assert enumerations(article) == [(1, 5), (6, 9)]
    # items without a lead-in are still an enumeration; one item alone is not
    assert enumerations(["（一）甲；", "（二）乙。"]) == [(0, 2)]
    assert enumerations(["下列情形：", "（一）甲。", "其他规定。"]) == []


def test_a_near_tie_that_fits_the_asked_form_less_is_left_out():
    from app.answering import _fitting_best

    hit = object()
    best, tie, other_unit, below = _sentences(hit, ["保全期限一次不得超过六个月。", "期限届满前可以续行保全。",
                                                    "裁定书送达三日内执行。", "协助执行通知书载明期限。"])
    for c, score, fit in ((best, 2.0, 1.0), (tie, 1.9, 0.0), (other_unit, 1.7, 0.25), (below, 1.2, 0.0)):
        c.score, c.fit = score, fit
    # the near ties that fit less go; a sentence further down stays
    first = [best, tie, other_unit, below]
    assert _fitting_best(first, best, 0.8, first) == [best, below]
    # ... and so does a near tie a later rule brought in (an item of a run)
    assert _fitting_best([best, tie], best, 0.8, [best]) == [best, tie]
    # the best-scored sentence stays even when a near tie fits better
    assert _fitting_best([tie, best], tie, 0.8, [tie, best]) == [tie, best]


@pytest.mark.parametrize("question,words", [
    ("培养人才要依托哪些单位？", ("依托", "单位")),
    ("讲话点名的支柱产业和优势行业有哪些？", ("行业",)),
    ("哪 些 行 业 算 支 柱 产 业 ？", ("行业",)),
    ("专利法的立法目的是什么？", ("目的",)),
    ("去年申请了多少件专利？", ()),
])
def test_the_words_whose_items_a_which_ones_question_asks(question, words):
    from app.question import listed_words

    assert listed_words(question) == words


def test_a_list_is_the_clause_that_enumerates_beside_the_asked_words():
    from app.answering import _intent_fit

    info = analyze("培养人才要依托哪些单位？")
    assert _intent_fit("要依托省内外大专院校、科研院所和大中型企业，通过各种途径培养人才。", info) == 1.0
    # many commas, and an enumeration of something else, are no such list
    assert _intent_fit("力争在资源创造、利用、传播、转化、人才培养等方面实现突破。", info) < 1.0
    # a pair beside them is less of a list than three items
    assert _intent_fit("要依托高校和企业培养人才。", info) == 0.75


@pytest.mark.parametrize("question,slots", [
    ("水利资金要投向农村的哪些设施？", ("投向农村", None)),
    ("检查组以哪些单位为对象？", ("检查组以", "对象")),
    ("全市的重点产业有哪些？", ("重点产业", None)),
    ("哪些企业算我们的龙头企业？", (None, "龙头企业")),  # past the verb saying what they are
    ("整改要做哪些工作？", (None, None)),  # 要 做: no two words that stand together
    ("明年计划招多少人？", (None, None)),
])
def test_the_words_beside_the_items_a_which_ones_question_asks(question, slots):
    from app.question import slot_phrases

    assert slot_phrases(question) == slots


def test_an_enumeration_fills_the_slot_where_the_question_word_stands():
    from app.answering import fills_slot

    # after the words before the question word, before the words after it
    assert fills_slot("资金主要投向农村的道路、水渠和学校。", "投向农村", None)
    assert fills_slot("检查以餐馆、商场、车站为对象。", None, "对象")
    # an enumeration before the kind it names ("……等重点产业")
    assert fills_slot("要扶持纺织、食品、装备制造等重点产业。", "重点产业", None)
    # an enumeration of something else in another clause, or a negated verb
    assert not fills_slot("重点产业要加快发展，道路、水渠都要修好。", "重点产业", None)
    assert not fills_slot("道路、水渠和学校都要为重点产业服务。", "重点产业", None)
    assert not fills_slot("公司未提交考勤记录、工资记录。", "提交", None)
    # an enumeration closed by the kind of items asked ("哪些部门": ……等部门)
    assert fills_slot("要加强与公安、工商、海关等部门的配合。", None, None, kinds=("部门",))
    assert not fills_slot("要加强与公安、工商、海关的配合，各部门要尽责。", None, None, kinds=("部门",))


def test_a_kind_asked_counts_when_it_weighs_as_much_as_the_question_words():
    from app.question import weighty_kinds

    idf = {"支柱产业": 2.5, "提到": 1.0, "工作": 0.2, "加强": 0.8, "管理": 0.9}.get
    # "等支柱产业" closes the list asked; "等工作" closes lists of every sort
    assert weighty_kinds(("支柱产业",), ("提到", "支柱产业"), idf) == ("支柱产业",)
    assert weighty_kinds(("工作",), ("加强", "管理", "工作"), idf) == ()
    assert analyze("讲话提到了哪些支柱产业？").kinds == ("支柱产业",)
    assert analyze("有哪些？").kinds == ()


def test_an_enumeration_closed_by_the_kind_asked_fits_an_english_which_question():
    from app.answering import _intent_fit

    # the dictionary reads "Which pillar industries" as 支柱 / 产业: an
    # English question has no Chinese slot, only the kind it names
    info = replace(analyze("Which pillar industries does the speech name?"), terms=("支柱", "产业"),
                   kinds=("支柱",))
    listing = "要在纺织、食品、装备制造等支柱产业和优势行业大力培育自主品牌。"
    assert _intent_fit(listing, info) == 1.0
    assert _intent_fit(listing, replace(info, kinds=())) < 1.0


def test_another_passages_lower_scored_list_in_the_slot_is_another_list():
    from app.answering import Candidate, _filling_the_slot

    info = analyze("去年强调要实施哪几个战略？")
    here, there = SimpleNamespace(chunk=SimpleNamespace(chunk_id="a")), SimpleNamespace(chunk=SimpleNamespace(chunk_id="b"))
    asked = Candidate(0, here, 0, 1, "去年强调要大力实施科教兴省战略、人才强省战略、品牌战略。", 2.0, 1.0)
    same = Candidate(0, here, 1, 2, "要实施标准化战略、质量强省战略。", 1.6, 1.0)
    other = Candidate(2, there, 0, 1, "要围绕全面实施国家、省科技规划战略。", 1.6, 1.0)
    assert _filling_the_slot([asked, same, other], info, 0.75, 0.92) == [asked, same]
    # one that scores as well is a reading the scores cannot separate
    other.score = 1.9
    assert _filling_the_slot([asked, other, same], info, 0.75, 0.92) == [asked, other, same]


def test_which_aspects_is_the_question_word_not_a_term():
    assert "哪些方面" not in analyze("知识产权工作哪些方面还有待加强？").terms


def test_a_preambles_lead_in_announces_the_text_not_its_first_article(tmp_path):
    pipeline = _pipeline_on(tmp_path, "解释.txt", (
        "关于办理侵犯商业标识刑事案件的解释\n\n"
        "为依法惩治侵犯商业标识犯罪，现就办理侵犯商业标识刑事案件适用法律的问题解释如下：\n"
        "第一条 具有下列情形之一的，可以认定为相同的商业标识：\n（一）改变标识字体的；\n（二）改变标识颜色的。\n"
        "第二条 具有下列情形之一的，可以酌情从轻处罚：\n（一）认罪认罚的；\n（二）取得权利人谅解的。\n"
        "第三条 本解释自发布之日起施行。\n"))
    answer = pipeline.ask("办理侵犯商业标识刑事案件时，哪些情形可以酌情从轻处罚？")
    assert "认罪认罚" in answer.answer and "改变标识字体" not in answer.answer, answer.answer


def test_a_which_ones_answer_is_the_enumeration_in_the_slot_not_another_on_the_same_words(tmp_path):
    pipeline = _pipeline_on(tmp_path, "讲话.txt", (
        "关于县域经济的讲话\n\n"
        "一、发展产业。要把县域经济放在重要位置，工业、农业和服务业都要为重点产业转型升级提供支撑。"
        "要重点扶持纺织、食品加工、装备制造等重点产业，形成一批骨干企业。"
        "二、保障措施。各级财政要安排专项资金，保证各项任务落实。\n"))
    answer = pipeline.ask("县里要扶持的重点产业有哪些？")
    assert not answer.refused
    assert "纺织、食品加工、装备制造" in answer.answer
    assert "提供支撑" not in answer.answer


def _pipeline_over(tmp_path, files: dict[str, str]):
    """A pipeline over documents of its own (file name -> text), embedded afresh."""
    from app.pipeline import Pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", vector_seed_path=None))


def _pipeline_on(tmp_path, name: str, text: str):
    """A pipeline over one document of its own, embedded afresh."""
    return _pipeline_over(tmp_path, {name: text})


def test_the_answer_to_a_related_case_says_it_quotes_the_nearest_provisions(tmp_path, monkeypatch):
    from app.scope_model import ScopeModel

    pipeline = _pipeline_on(tmp_path, "条例.txt", "某市著作权保护办法\n\n第三条 作品刊登后，其他报刊可以转载，但应当向著作权人支付报酬。\n")
    model = ScopeModel((0.0,) * 6, -0.5, 0.4, 0.7, 40.0, first_person_shift=1.0)  # only the shift answers
    monkeypatch.setattr("app.pipeline.load_scope_model", lambda path: model)
    told = pipeline.ask("我的文章被别家报刊转载了，能要报酬吗？")
    assert told.decision.reason == "related" and told.answer.startswith(T.RELATED_NOTE)
    assert pipeline.ask("报刊转载作品要支付报酬吗？").refused


# One city's green-space regulation; its article 9 ends with the fine clause.
_GREEN_LAW = ("{city}绿地管理条例\n\n第一条 为了加强{city}绿地管理，制定本条例。\n"
              "第二条 本条例适用于本市行政区域内绿地的规划、建设和管理。\n"
              "第九条 擅自占用公共绿地的，由绿化管理部门责令限期退还{fine}。"
              "擅自占用公共绿地拒不退还的，由绿化管理部门依法强制退还。\n")


def _green_laws(tmp_path, fines: dict[str, str]):
    """A pipeline over one green-space regulation per city (city -> fine clause)."""
    return _pipeline_over(tmp_path, {f"{city}绿地管理条例.txt": _GREEN_LAW.format(city=city, fine=fine)
                                     for city, fine in fines.items()})


def _asked_of(tmp_path, name: str, text: str, question: str):
    """The answer to ``question`` over one document of its own."""
    return _pipeline_on(tmp_path, name, text).ask(question)


def test_the_trace_of_an_article_lookup_leads_with_the_article(tmp_path):
    subjects = ["城市规划", "道路养护", "河道保洁", "路灯维修", "公园开放", "树木移植", "广告设置", "摊点管理",
                "绿地认养", "噪声控制", "垃圾分类", "停车收费"]
    articles = "".join(f"第{n}条 {subject}的具体办法由市人民政府另行规定。\n"
                       for n, subject in zip("一二三四五六七八九十", subjects))
    pipeline = _pipeline_on(tmp_path, "条例.txt", f"甲市市容管理条例\n\n{articles}")
    answer = pipeline.ask("甲市市容管理条例第9条是怎么规定的？", trace=True)
    assert "绿地认养" in answer.answer, answer.answer
    assert "绿地认养" in answer.trace.hits[0].text  # what the answer was found from comes first


_REPLY_LETTER = ("国务院办公厅关于某省所提问题办理情况的函\n\n"
                 "一、关于港口扩建问题。你省请求，国家支持东港港口扩建工程。\n\n"
                 "交通部提出了以下意见：\n\n"
                 "东港港口扩建工程已列入全国港口布局规划，将根据货运需求适时启动。\n\n"
                 "二、关于机场改扩建问题。你省请求，国家支持西山机场改扩建。\n\n"
                 "民航局意见：机场改扩建须先完成可行性研究。\n\n"
                 "三、关于南湖公园改造问题。你省请求，国家支持南湖公园改造。经研究，同意将南湖公园改造列入试点。\n")


def test_a_value_asked_of_one_parts_subject_is_not_another_parts_figure(tmp_path):
    pipeline = _pipeline_on(tmp_path, "函.txt", (
        "国务院办公厅关于某省所提问题办理情况的函\n\n"
        "一、关于东港港口扩建问题。你省请求，国家支持东港港口扩建工程。\n\n"
        "交通部意见：该工程已列入全国港口布局规划，将根据货运需求适时启动。\n\n"
        "二、关于西山机场改扩建问题。你省请求，国家支持西山机场改扩建。\n\n"
        "民航局意见：该项目原估算总投资5亿元，调整后总投资约为8.5亿元。\n"))
    # the port's part states no investment: the airport's figure is not the port's
    assert pipeline.ask("东港港口扩建工程的总投资是多少亿元？").refused
    answered = pipeline.ask("西山机场改扩建项目的总投资是多少亿元？")
    assert not answered.refused and "8.5亿元" in answered.answer, answered.answer


def test_a_named_part_the_search_missed_is_read_whole(tmp_path):
    from app.answering import candidates
    from dataclasses import replace

    from app.neighbours import within_named_parts

    pipeline = _pipeline_on(tmp_path, "函.txt", _REPLY_LETTER)
    prep = pipeline.prepare("东港港口扩建工程的总投资是多少亿元？")
    # as if the search had found only the airport's part
    airport = [h for h in prep.retrieval.hits if "机场" in h.chunk.text and "港口" not in h.chunk.text]
    missed = replace(prep.retrieval, hits=airport)
    read = within_named_parts(candidates(missed, prep.snapshot.docs, prep.info), prep.info.terms, prep.snapshot)
    assert read and all("港口" in c.hit.chunk.section[0] for c in read)
    assert any("全国港口布局规划" in c.text for c in read)


def test_an_outcome_asked_of_a_request_is_answered_by_the_reply_that_follows(tmp_path):
    pipeline = _pipeline_on(tmp_path, "函.txt", _REPLY_LETTER)
    answer = pipeline.ask("某省请求国家支持东港港口扩建，有关部门给出的意见是什么？")
    assert "已列入全国港口布局规划" in answer.answer, answer.answer
    assert "你省请求" not in answer.answer and "机场" not in answer.answer, answer.answer
    # the request itself asked: the request answers
    asked = pipeline.ask("某省请求国家支持哪个港口的扩建工程？")
    assert "你省请求" in asked.answer, asked.answer
    # a reply in the request's own paragraph
    same = pipeline.ask("某省请求国家支持南湖公园改造，国家同意了吗？")
    assert "列入试点" in same.answer and "你省请求" not in same.answer, same.answer


def test_an_outcome_asked_of_a_rule_is_answered_by_the_rule_not_what_follows(tmp_path):
    # "当事人申请复议的，" is a rule's condition, not a request whose reply follows
    answer = _asked_of(tmp_path, "条例.txt", (
        "某市行政复议条例\n\n第十条 当事人申请复议的，复议机关应当自受理之日起六十日内作出复议决定。\n\n"
        "情况复杂的，经复议机关负责人批准，可以适当延长。\n"), "当事人申请复议后，多久能得到答复？")
    assert "六十日" in answer.answer, answer.answer


def test_a_later_part_without_words_of_its_own_asks_of_what_the_part_before_it_asks(tmp_path):
    # "需要多久？" asks how long the 审查 the first part asks about takes
    answer = _asked_of(tmp_path, "条例.txt", (
        "某市专利促进条例\n\n第一条 为了促进专利工作，制定本条例。\n"
        "第五条 专利资助申请由市知识产权局负责审查。\n"
        "第六条 市知识产权局应当自受理专利资助申请之日起六个月内审查完毕。\n"), "专利资助申请由谁负责审查？需要多久？")
    assert "市知识产权局负责审查" in answer.answer and "六个月" in answer.answer, answer.answer


def test_a_start_asked_of_a_period_is_where_the_text_says_it_counts_from(tmp_path):
    # "从什么时候起算" is answered by "自签订之日起计算", not by another date
    answer = _asked_of(tmp_path, "绿地条例.txt", (
        "某市城市绿地管理条例\n\n第一条 为了加强城市绿地管理，制定本条例。\n"
        "第五条 公共绿地认养协议的有效期为五年，自签订之日起计算。\n"
        "第六条 2015年10月1日以后签订的公共绿地养护合同，应当报绿化管理部门备案。\n"),
        "公共绿地认养协议的有效期是几年？从什么时候起算？")
    assert "五年" in answer.answer and "2015年" not in answer.answer, answer.answer


def test_a_value_for_another_subject_in_the_same_article_does_not_join_the_answer(tmp_path):
    pipeline = _pipeline_on(tmp_path, "绿地条例.txt", (
        "某市城市绿地管理条例\n\n"
        "第一条 为了加强城市绿地管理，制定本条例。\n"
        "第五条 公共绿地认养协议的有效期为五年，期满可以续签。"
        "公共绿地养护合同的有效期为三年，期满可以续签。\n"
        "第六条 绿化管理部门应当自受理投诉之日起三十日内作出处理决定。"
        "因特殊情况需要延长的，延长期限最长不得超过十五日。\n"))
    answer = pipeline.ask("公共绿地认养协议的有效期是几年？")
    assert "五年" in answer.answer and "三年" not in answer.answer
    # a proviso of the same time limit goes on with it
    answer = pipeline.ask("绿化管理部门受理投诉后要在多长时间内作出处理决定？")
    assert "三十日" in answer.answer and "十五日" in answer.answer


def test_the_next_item_of_an_enumeration_is_another_case_not_a_further_figure(tmp_path):
    answer = _asked_of(tmp_path, "商标解释.txt", (
        "最高人民法院关于办理假冒商标刑事案件具体应用法律若干问题的解释\n\n"
        "第一条 为了依法惩治假冒商标犯罪，根据刑法有关规定，制定本解释。\n"
        "第二条 本解释所称假冒，是指使用与他人注册商标相同的商标。\n"
        "第三条 单位实施本解释规定的行为的，依照本解释处罚。\n"
        "第四条 假冒他人注册商标，具有下列情形之一的，属于情节严重：\n"
        "（一）非法经营数额在五万元以上的；\n"
        "（二）给权利人造成直接经济损失二十万元以上的；\n"
        "（三）假冒两种以上他人注册商标，非法经营数额在三万元以上的。\n"),
        "假冒他人注册商标，给权利人造成直接经济损失多少属于情节严重？")
    assert "二十万元" in answer.answer and "三万元" not in answer.answer


def test_a_one_clause_heading_gives_way_to_the_sentence_under_it():
    from app.answering import Candidate, _without_answered_headings

    def cand(text, section):
        chunk = type("Chunk", (), {"doc_id": "d", "section": section})()
        return Candidate(0, type("Hit", (), {"chunk": chunk})(), 0, len(text), text)

    section = ["一、加强队伍建设", "二是要加强人才培养。"]
    heading = cand("二是要加强人才培养。", section)
    body = cand("要依托高校和企业培养一批专业人才。", section)
    assert _without_answered_headings([heading, body]) == [body]
    # alone, it stays (its body is read later); one of several clauses says something
    assert _without_answered_headings([heading]) == [heading]
    long = cand("二是要加强人才培养，依托高校培养专业人才。", ["二是要加强人才培养，依托高校培养专业人才。"])
    under = cand("每年培训一千人。", ["二是要加强人才培养，依托高校培养专业人才。"])
    assert _without_answered_headings([long, under]) == [long, under]


def test_a_compared_document_that_does_not_state_the_point_is_silent_on_it(tmp_path):
    pipeline = _pipeline_over(tmp_path, {
        "甲市绿地管理条例.txt": "甲市绿地管理条例\n\n第一条 为了加强绿地管理，制定本条例。\n"
        "第九条 擅自占用公共绿地的，由绿化管理部门责令限期退还，并处每平方米五百元以上一千元以下的罚款。\n",
        "乙市绿地管理条例.txt": "乙市绿地管理条例\n\n第一条 为了加强绿地管理，制定本条例。\n"
        "第七条 绿化管理部门应当定期公布公共绿地名录。\n"
        "第八条 违反本条例规定砍伐树木的，由绿化管理部门处以罚款。\n"})
    answer = pipeline.ask("甲市绿地管理条例和乙市绿地管理条例对擅自占用公共绿地的罚款分别怎么规定？")
    assert "五百元以上一千元以下" in answer.answer
    assert T.DOCUMENT_SILENT.format(title="乙市绿地管理条例") in answer.answer
    # side by side, in the order asked: each document's sentences, or silent
    sides = answer.to_json()["sides"]
    assert [(s["document"], s["silent"]) for s in sides] == [("《甲市绿地管理条例》", False),
                                                            ("《乙市绿地管理条例》", True)]
    assert any("五百元以上一千元以下" in line for line in sides[0]["lines"]) and not sides[1]["lines"]


@pytest.mark.parametrize("question,terms", [
    ("条例中的林地、湿地分别指什么？", ("林地", "湿地")),
    ("“居住证”和“暂住证”是什么？", ("居住证", "暂住证")),
    ("林地是指什么？", ()),
])
def test_the_terms_a_definition_question_asks_about_together(question, terms):
    from app.question import defined_terms

    assert defined_terms(question) == terms


def test_terms_asked_together_are_each_answered_by_their_definition(tmp_path):
    answer = _asked_of(tmp_path, "生态条例.txt", (
        "某市生态保护条例\n\n"
        "第一条 为了保护生态环境，制定本条例。\n"
        "第二条 本条例所称林地，是指县级以上人民政府规划确定的用于发展林业的土地。\n"
        "第三条 市人民政府应当加强林地保护，严格控制林地转为建设用地。\n"
        "第四条 本条例下列用语的含义：\n（一）湿地，是指常年或者季节性积水的地带和水域。\n"
        "（二）自然保护地，是指依法划定的保护区域。\n"), "某市生态保护条例中的林地、湿地分别指什么？")
    assert "用于发展林业的土地" in answer.answer and "季节性积水" in answer.answer


def test_what_the_text_goes_on_to_say_is_the_sentences_that_follow(tmp_path):
    answer = _asked_of(tmp_path, "讲话.txt", (
        "关于春耕工作的讲话\n\n同志们：\n"
        "刚才，王局长通报了去年的春耕生产情况，我完全赞成。希望各县抓好落实。\n"
        "借此机会，我再讲三点意见：\n"
        "一、抓好种子供应。要提前储备良种，保证农民用上放心种。\n"
        "二、抓好农田水利。要在春耕前完成渠道清淤。\n"), "讲话人表示赞成春耕生产情况通报之后，接着说要讲什么？")
    assert "我再讲三点意见" in answer.answer
    assert "王局长通报" not in answer.answer
    # what the speaker says next is asked as what he goes on to 讲: that sentence
    assert "希望各县抓好落实" not in answer.answer


def test_which_documents_set_an_amount_lists_those_that_state_one(tmp_path):
    from app import texts as T

    pipeline = _green_laws(tmp_path, {"甲市": "，并处每平方米五百元以上一千元以下的罚款",
                                      "乙市": "，并处违法所得二倍以上五倍以下的罚款", "丙市": "，依法予以处罚"})
    answer = pipeline.ask("哪些地方的条例规定了擅自占用公共绿地的具体罚款数额？")
    assert answer.answer.startswith(T.WHICH_DOCS_COUNT.format(n="两"))
    assert {c.doc for c in answer.citations} == {"甲市绿地管理条例.txt", "乙市绿地管理条例.txt"}


def test_what_changed_between_versions_leaves_out_what_both_word_the_same(tmp_path):
    pipeline = _pipeline_over(tmp_path, {
        f"某市绿地管理条例({date}).txt":
            f"某市绿地管理条例\n\n（{date[:4]}年{int(date[5:7])}月{int(date[8:])}日某市人民代表大会常务委员会通过）\n\n"
            "第一条 为了加强绿地管理，制定本条例。\n"
            "第九条 擅自占用公共绿地的，由绿化管理部门责令限期退还。"
            "擅自占用公共绿地拒不退还的，依法强制退还。"
            f"擅自占用公共绿地的，并处每平方米{fine}的罚款标准。\n"
        for date, fine in (("2010-03-01", "二百元"), ("2020-06-01", "五百元"))})
    answer = pipeline.ask("某市绿地管理条例修订前后，擅自占用公共绿地的罚款标准有什么变化？")
    assert "二百元" in answer.answer and "五百元" in answer.answer
    assert "拒不退还" not in answer.answer


def test_a_version_answers_with_its_best_sentences_not_its_first(tmp_path):
    # The general fee list comes first in both versions; the 登记 fees asked
    # are stated by a later article.
    fees = ("第五条 办理各项手续时，应当缴纳下列费用：\n（一）申请费；\n（二）审查费；\n（三）年费；\n"
            "（四）变更费。\n")
    pipeline = _pipeline_over(tmp_path, {
        f"某市绿地许可办法({date}).txt":
            f"某市绿地许可办法\n\n（{date[:4]}年{int(date[5:7])}月{int(date[8:])}日某市人民政府发布）\n\n"
            f"第一条 为了规范绿地许可，制定本办法。\n{fees}"
            f"第八条 申请人办理许可登记手续时，应当缴纳{due}。\n"
        for date, due in (("2010-03-01", "登记费和公告费"), ("2020-06-01", "登记费"))})
    answer = pipeline.ask("某市绿地许可办法规定，办理许可登记手续时要缴纳哪些费用？2010年版和2020年版有何不同？")
    assert "登记费和公告费" in answer.answer and "应当缴纳登记费。" in answer.answer, answer.answer


def test_an_earlier_judgment_of_the_same_court_is_searched_too(tmp_path):
    # Two judgments share their court's heading; the older one is no
    # superseded version of the newer and answers what it alone records.
    heading = "河西省柳川市北塘区人民法院\n民事判决书\n\n"
    pipeline = _pipeline_over(tmp_path, {
        "lease.txt": heading + "（2025）河0302民初118号\n\n原告周某与被告吴某房屋租赁合同纠纷一案，本院公开开庭进行了审理。\n"
                     "经审理查明，周某向吴某交纳押金4500元，租期届满后吴某未予退还。\n"
                     "判决如下：被告吴某于本判决生效之日起十日内退还原告周某押金4500元。\n\n二〇二五年三月十九日\n",
        "loan.txt": heading + "（2025）河0302民初907号\n\n原告钱某与被告孙某民间借贷纠纷一案，本院公开开庭进行了审理。\n"
                    "经审理查明，孙某向钱某借款60000元，约定三个月内归还。\n"
                    "判决如下：被告孙某于本判决生效之日起十日内归还原告钱某借款60000元。\n\n二〇二五年六月二日\n"})
    answer = pipeline.ask("周某交给吴某的押金是多少钱？")
    assert not answer.refused and "4500元" in answer.answer, answer.answer
    assert {c.doc for c in answer.citations} == {"lease.txt"}


def test_a_question_about_a_party_is_judged_by_coverage_and_quoted_from_the_partys_judgment(tmp_path, monkeypatch):
    from app.scope_model import ScopeModel

    heading = "河西省柳川市北塘区人民法院\n民事判决书\n\n"
    pipeline = _pipeline_over(tmp_path, {
        "lease.txt": heading + "（2025）河0302民初118号\n\n原告周某与被告吴某房屋租赁合同纠纷一案。\n"
                     "经审理查明，周某向吴某交纳押金4500元，租期届满后吴某未予退还。\n\n二〇二五年三月十九日\n",
        "lease2.txt": heading + "（2025）河0302民初907号\n\n原告钱某与被告孙某房屋租赁合同纠纷一案。\n"
                      "经审理查明，钱某向孙某交纳押金3000元，孙某扣留押金800元。\n\n二〇二五年六月二日\n"})
    # A topic model that refuses everything: a named party is left to coverage.
    monkeypatch.setattr("app.pipeline.load_scope_model", lambda path: ScopeModel((0.0,) * 6, -9.0, 0.5, 0.7, 40.0))
    answer = pipeline.ask("周某当初交了多少押金？")
    assert not answer.refused and "4500元" in answer.answer and {c.doc for c in answer.citations} == {"lease.txt"}
    assert pipeline.ask("当初交了多少押金？").refused
    # what the party's judgment does not state is still refused
    assert pipeline.ask("周某租的房子每月房租多少钱？").refused


def test_a_sentence_asked_is_answered_by_the_courts_order_not_the_proposal(tmp_path):
    pipeline = _pipeline_over(tmp_path, {"theft.txt": (
        "河西省柳川市北塘区人民法院\n刑事判决书\n\n（2025）河0302刑初77号\n\n"
        "北塘区人民检察院指控：2025年2月3日，被告人钱某在北塘区某小区窃得电动自行车一辆，价值3600元。\n"
        "被告人钱某自愿认罪认罚，公诉机关建议判处有期徒刑八个月至一年，并处罚金。\n"
        "辩护人提出，钱某系初犯，已退赔被害人损失，请求对其从轻处罚。\n"
        "本院认为，被告人钱某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪。\n"
        "判决如下：\n一、被告人钱某犯盗窃罪，判处有期徒刑十个月，并处罚金人民币五千元。\n"
        "（刑期从判决执行之日起计算。）\n二、责令被告人钱某退赔被害人经济损失。\n\n二〇二五年五月六日\n")})
    answer = pipeline.ask("钱某被判了什么刑罚？")
    assert "有期徒刑十个月" in answer.answer and "建议判处" not in answer.answer, answer.answer


def test_a_why_answered_by_a_conclusion_quotes_the_premise_before_it(tmp_path):
    pipeline = _pipeline_on(tmp_path, "讲话.txt", (
        "关于水利工作的讲话\n\n"
        "我县地处干旱山区，降水稀少，地下水位逐年下降，靠天吃饭的农业已经难以为继。"
        "只有大力推广节水灌溉技术，才能保障全县粮食生产的稳定。\n\n"
        "要推广节水灌溉技术，就必须加大节水灌溉设备的投入。\n\n推广工作由县水务局牵头。\n"))
    answer = pipeline.ask("为什么要大力推广节水灌溉技术？")
    assert not answer.refused and "地下水位逐年下降" in answer.answer, answer.answer
    assert answer.answer.index("地下水位") < answer.answer.index("只有大力推广")
    # A near tie that gives no cause either (what the way asks of it) is
    # not why the way is taken: the premise and its conclusion answer.
    from app.neighbours import sentence_at, with_premise

    snapshot = pipeline.snapshot
    doc = next(iter(snapshot.docs))
    text = snapshot.docs[doc]["text"]
    conclusion, demand = (sentence_at(snapshot, doc, text.find(s)) for s in ("只有大力推广", "要推广节水"))
    conclusion.score, demand.score = 1.8, 1.6
    assert [c.text[:4] for c in with_premise([conclusion, demand], snapshot)] == ["我县地处", "只有大力"]
    # no premise before a conclusion that opens its paragraph: the answer stays as chosen
    opening = sentence_at(snapshot, doc, text.find("要推广节水"))
    opening.text, opening.score = "只有" + opening.text, 2.0
    assert with_premise([opening, conclusion], snapshot) == [opening, conclusion]


def test_once_a_value_is_stated_the_sentences_that_state_none_are_left_out():
    from app.answering import _stating_the_value

    hit = object()
    lead, rule, value = _sentences(hit, ["权利人可以向交易平台提供者投诉。", "平台可以要求提供评价报告。",
                                         "平台接到投诉后，应当在三个工作日内告知被投诉人。"])
    lead.fit, rule.fit, value.fit = 0.0, 0.0, 1.0
    # the best-scored sentence says what the value is of; the rest of the article does not
    assert _stating_the_value([lead, rule, value], lead) == [lead, value]
    assert _stating_the_value([lead, rule], lead) == [lead, rule]  # no value stated: nothing to go by


def test_a_lead_in_brings_the_lines_it_announces(tmp_path):
    pipeline = _pipeline_on(tmp_path, "通知.txt", (
        "关于加班工资计算问题的通知\n\n一、加班工资的计算。\n\n"
        "用人单位安排劳动者延长工作时间的，应当支付加班工资。据此，加班工资的计算办法为：\n\n"
        "工作日加班：小时工资×150%\n\n休息日加班：小时工资×200%\n\n法定节假日加班：小时工资×300%\n\n"
        "二、本通知自发布之日起执行。\n"))
    answer = pipeline.ask("加班工资应当怎样计算？")
    assert not answer.refused, answer.answer
    for line in ("工作日加班：小时工资×150%", "休息日加班：小时工资×200%", "法定节假日加班：小时工资×300%"):
        assert line in answer.answer, answer.answer
    assert "本通知自发布之日起执行" not in answer.answer  # a heading ends what the lead-in announces


@pytest.mark.parametrize("question,kind", [
    ("反不正当竞争法列举了哪些侵犯商业秘密的行为？", "行为"),
    ("哪些情形不授予专利权？", "情形"),
    ("林某提交了哪些证据？", "证据"),
    ("著作权的合理使用情形有哪些？", None),  # the word before 有哪些 may be worded otherwise
])
def test_the_kind_of_thing_a_which_ones_question_lists(question, kind):
    from app.question import listed_kind

    assert listed_kind(question) == kind


def test_a_lead_in_announces_the_kind_it_lists():
    from app.pipeline import lists_kind

    assert lists_kind("第九条 经营者不得实施下列侵犯商业秘密的行为：", "行为")
    assert not lists_kind("权利人提供以下证据之一的，涉嫌侵权人应当证明其不存在侵犯商业秘密的行为：", "行为")
    assert not lists_kind("第九条 经营者不得实施下列侵犯商业秘密的行为：", None)


def test_a_which_ones_answer_quotes_the_list_of_the_kind_asked(library):
    answer = library.pipeline("ip-law").ask("反不正当竞争法规定了哪些侵犯商业秘密的行为？")
    assert "经营者不得实施下列侵犯商业秘密的行为" in answer.answer, answer.answer[:200]


def test_a_sentence_that_points_back_states_the_words_of_the_one_before():
    from app.answering import _with_antecedents

    hit = object()
    before, pointing, other = _sentences(hit, ["遗弃化学武器的调查工作十分重要。", "因此，这项工作由外交部统一归口管理。",
                                               "另有部门负责技术处理。"])
    before.terms, pointing.terms, other.terms = {"化学武器": 0.3, "调查": 0.1}, {"归口": 0.2}, {"部门": 0.1}
    for c in (before, pointing, other):
        c.score = 1.0
    _with_antecedents([before, pointing, other])
    assert set(pointing.terms) == {"化学武器", "调查", "归口"} and abs(pointing.score - 1.4) < 1e-9
    assert set(other.terms) == {"部门"} and other.score == 1.0  # it does not point back


def test_a_who_question_brings_the_sentence_that_names_the_one_asked():
    from app.answering import select
    from app.settings import Settings

    hit = SimpleNamespace(chunk=SimpleNamespace(doc_id="复函", address="", chunk_id="c1", section=[]))
    agreed, payer, other = _sentences(hit, ["同意以某市名义申办运动会。", "运动会申办全部经费由某省人民政府承担。",
                                            "申办工作要坚持节俭办赛的原则。"])
    for c, score, fit in ((agreed, 2.0, 0.0), (other, 1.5, 0.0), (payer, 1.6, 1.0)):
        c.score, c.fit, c.terms = score, fit, {}
    chosen = select([agreed, payer, other], analyze("申办经费由谁承担？"), Settings())
    assert payer in chosen and other not in chosen


def test_a_joining_word_inside_another_word_joins_nothing():
    from app.answering import _intent_fit

    info = analyze("培养人才要依托哪些单位？")
    assert _intent_fit("依托单位应当及时报告。", info) < 0.75  # 及时 is no 及


def test_a_snapshot_finds_the_sentence_at_an_offset(pipeline):
    snapshot = pipeline.snapshot
    chunk = next(c for c in snapshot.chunks if len(c.sentences) >= 2)
    (a, b), (c, _) = chunk.sentences[0], chunk.sentences[1]
    assert snapshot.sentence_at(chunk.doc_id, a)[1:] == (a, b)
    assert snapshot.sentence_at(chunk.doc_id, b - 1)[1:] == (a, b)
    assert snapshot.sentence_at(chunk.doc_id, b, after=True)[1] == c  # the next one
    text = snapshot.docs[chunk.doc_id]["text"]
    gap = text.find("\n")
    assert snapshot.sentence_at(chunk.doc_id, gap) is None  # between paragraphs
    assert snapshot.sentence_at(chunk.doc_id, len(text) + 10, after=True) is None


def test_a_value_must_be_of_what_the_question_says_it_is_of():
    from app.answering import _intent_fit

    info = analyze("植物新品种权的保护期限是多少年？")
    assert _intent_fit("品种权的保护期限，自授权之日起，其他植物为15年。", info) == 1.0
    # years of something else: selling the seed abroad
    assert _intent_fit("在中国境外销售品种繁殖材料未超过4年。", info) == 0.5


@pytest.mark.parametrize("formal", ["诉讼", "案件"])
def test_an_everyday_word_is_read_as_the_first_of_its_formal_words_the_corpus_uses(tmp_path, formal):
    pipeline = _pipeline_on(tmp_path, "通知.txt", (
        "关于加强商标保护工作的通知\n\n"
        f"要提高商标侵权{formal}的审理效率，缩短{formal}周期。各地法院要定期通报{formal}办理情况。\n"))
    prep = pipeline.prepare("商标侵权官司的审理效率要怎么提高？")
    assert f"商标侵权{formal}" in prep.asked
    assert prep.decision.answer


def test_a_word_fused_with_a_function_word_is_not_read_as_a_typo(tmp_path):
    pipeline = _pipeline_on(tmp_path, "案例.txt", (
        "加班费争议典型案例\n\n本案例中，张某请求判决公司支付加班费四万元。法院判决公司支付加班费一万八千元。\n"))
    asked, readings = pipeline.snapshot.without_typos("加班费案里，张某请求支付多少加班费？")
    assert readings == [] and asked == "加班费案里，张某请求支付多少加班费？"


def test_the_threshold_of_a_value_is_asked_by_its_kind_word_not_named_by_the_text(tmp_path):
    # "起点" (threshold) names the kind of value asked, as 上限 and 下限 do:
    # the text states it ("五万元以上") without the word.
    answer = _asked_of(tmp_path, "解释.txt", (
        "关于办理侵犯商业标识刑事案件的解释\n\n"
        "第一条 假冒他人商业标识，非法经营数额在五万元以上的，属于情节严重。\n"
        "第二条 本解释自公布之日起施行。\n"), "假冒商业标识情节严重的非法经营数额起点是多少？")
    assert not answer.refused and "五万元以上" in answer.answer, answer.answer


@pytest.mark.parametrize("reader,question,expected", [
    # who a how question asks a duty of
    ("asked_subject", "各级政府应如何对待知识产权工作？", "各级政府"),
    ("asked_subject", "省知识产权局和各成员单位在纲要制定中应当怎么做？", "省知识产权局和各成员单位"),
    ("asked_subject", "怎样加强知识产权队伍建设？", None),  # no one named
    ("asked_subject", "加强知识产权管理要做哪些工作？", None),  # a goal, not one asked a duty of
    ("asked_subject", "企业里头知识产权这摊子事该咋抓？", "企业"),  # the one within whom a matter is
    ("asked_subject", "企业内部审计机构应当如何开展工作？", "企业内部审计机构"),  # a body of its own
    # the verb whose object a what question asks
    ("asked_verb", "在这些行业里要培育什么？", "培育"),
    ("asked_verb", "要走自主创新之路，必须注重什么？", "注重"),
    ("asked_verb", "讲话提出了什么目标？", None),  # 什么目标 asks the 目标, whatever the verb
    ("asked_verb", "这次会议的主要议程是什么？", None),
])
def test_what_a_how_or_what_question_asks_of(reader, question, expected):
    from app import question as Q

    assert getattr(Q, reader)(question) == expected


@pytest.mark.parametrize("body,question,said,not_said", [
    # a how question about someone's duty: the directive addressed to them
    ("各县区政府领导和水务部门的负责同志都要牢固树立节水优先的理念，切实加强对节水工作的领导。"
     "各县区政府要担负起本地节水工作的主体责任，把节水工作列入政府工作的重要议事日程。",
     "各县区政府应如何对待节水工作？", "主体责任", "节水优先"),
    # addressed to every kind of the one asked ("各级各类企业也要……")
    ("各企业负责同志和水务部门都要牢固树立节水优先的理念。各级各类企业也要建立节水责任制，定期研究节水工作。",
     "企业里头节水这摊子事该咋抓？", "节水责任制", "节水优先"),
    # a what question about a verb's object: where the text uses the verb
    ("特别是要完善有利于蔬菜、林果等优势产业发展的扶持政策。在优势产业中要大力培育特色品牌，带动农民增收。",
     "在蔬菜、林果等优势产业中要培育什么？", "特色品牌", "扶持政策"),
])
def test_how_and_what_questions_are_answered_by_the_sentence_that_does_what_is_asked(
        tmp_path, body, question, said, not_said):
    answer = _asked_of(tmp_path, "讲话.txt", f"在全市工作会议上的讲话\n\n{body}\n", question)
    assert said in answer.answer and not_said not in answer.answer, answer.answer


def test_a_comparison_of_amounts_quotes_the_sums_and_says_who_sets_none(tmp_path):
    pipeline = _green_laws(tmp_path, {"甲市": "，并处每平方米五百元以上一千元以下的罚款", "乙市": "，依法予以处罚"})
    answer = pipeline.ask("甲市绿地管理条例和乙市绿地管理条例对擅自占用公共绿地的罚款数额分别怎么规定？")
    assert "五百元以上一千元以下" in answer.answer and "强制退还" not in answer.answer, answer.answer
    assert T.DOCUMENT_SILENT.format(title="乙市绿地管理条例") in answer.answer


def test_a_when_question_about_a_named_party_is_not_answered_by_another_events_date(tmp_path):
    answer = _asked_of(tmp_path, "通知.txt", (
        "关于加强遗弃危险化学品清理工作的通知\n\n"
        "1998年之前，沿江遗弃的危险化学品一直无人清理。\n经多年交涉，日本政府已承诺履行清理义务。\n"),
        "日本政府承诺在哪一年之前清理完沿江遗弃的危险化学品？")
    assert answer.refused, answer.answer


def test_a_latin_everyday_word_is_read_in_the_register_whatever_its_case(tmp_path):
    pipeline = _pipeline_on(tmp_path, "条例.txt", (
        "某市软件产业促进条例\n\n第一条 软件著作权人可以向软件登记机构办理登记。\n"))
    assert "软件" in pipeline.prepare("自己写的APP要去哪里办理登记？").asked


def test_the_spoken_er_suffix_is_dropped_but_not_a_child(tmp_path):
    pipeline = _pipeline_on(tmp_path, "意见.txt", (
        "某县宣传工作意见\n\n一、宣传工作经费列入县财政预算。\n二、女儿随母亲生活的，由母亲申请补助。\n"))
    asked = pipeline.prepare("宣传这块儿的经费放哪儿了？").asked
    assert "这块的" in asked and "儿" not in asked.replace("哪儿", "")
    assert "女儿" in pipeline.prepare("女儿能申请补助吗？").asked
    assert "新生儿" in pipeline.prepare("新生儿能申请补助吗？").asked


def test_everyday_words_of_traffic_are_read_in_the_register(tmp_path):
    pipeline = _pipeline_on(tmp_path, "案例.txt", (
        "无偿搭乘案\n\n非营运机动车发生交通事故造成无偿搭乘人损害，属于该机动车一方责任的，应当减轻驾驶人的赔偿责任。\n"))
    asked = pipeline.prepare("朋友搭车回家出了车祸，司机要全赔吗？").asked
    assert all(w in asked for w in ("搭乘", "交通事故", "驾驶人")), asked


@pytest.mark.parametrize("text,question,read", [
    # words of other fields of law, read as their statutes word them
    ("某市劳动保障条例\n\n第五条 用人单位安排加班的，应当支付加班工资。\n", "公司不给加班费咋办？", "加班工资"),
    ("某市著作权保护办法\n\n第三条 著作权人可以许可他人使用其作品，并获得报酬。\n", "版权能许可给别人用吗？", "著作权"),
])
def test_everyday_words_of_other_fields_of_law_are_read_in_the_register(tmp_path, text, question, read):
    assert read in _pipeline_on(tmp_path, "条例.txt", text).prepare(question).asked


def test_a_compound_whose_head_is_an_everyday_word_is_read_with_the_documents_word(tmp_path):
    pipeline = _pipeline_on(tmp_path, "方案.txt", "某市音乐教育方案\n\n一、两年内全市计划新增招聘音乐教师800名。\n")
    assert "音乐教师" in pipeline.prepare("全市准备新招多少名音乐老师？").asked

    # a word crossing modifier and head is no such compound, though the corpus has the formal words
    other = _pipeline_on(tmp_path / "other", "办法.txt", "某市管理办法\n\n第一条 他人可以继续使用，子女应当同意。\n")
    assert [other.snapshot.in_register_of_corpus(w) for w in ("女孩子", "个别人", "紧接着")] == ["女孩子", "个别人", "紧接着"]


_TRADEMARKS = ("某市商标管理条例\n\n第九条 注册商标有效期满，需要继续使用的，应当在期满前十二个月内办理续展手续。\n"
               "第十条 市场监管部门应当开展商标法律宣传。\n")
_CUSTOMS = ("某市进出口管理条例\n\n第一条 经营者销售商品，应当明码标价。\n第二条 商品质量应当符合标准。\n"
            "第三条 海关扣留货物的，应当书面通知收货人。\n第四条 收货人提供担保的，海关应当放行货物。\n")


_FUNDS = "某县宣传工作意见\n\n一、宣传工作经费列入县财政预算。\n二、宣传工作由县委宣传部负责。\n"


@pytest.mark.parametrize("text,question,read", [
    # words of manner: "接着用" is the documents' "继续使用", "搞宣传" their "开展宣传"
    (_TRADEMARKS, "商标快到期了还想接着用，咋办？", "继续"),
    (_TRADEMARKS, "搞宣传要找哪个部门？", "开展"),
    # 货 reads as 商品 in general; goods that customs holds are the text's 货物
    (_CUSTOMS, "海关扣了我的货，能先放吗？", "货物"),
    (_CUSTOMS, "店里的货要标价吗？", "商品"),
    # 钱 is the money a text speaks of; in "多少钱" it is the amount asked
    (_FUNDS, "搞宣传的钱从哪儿出？", "经费"),
    (_FUNDS, "搞宣传要花多少钱？", "多少钱"),
    (_FUNDS, "搞宣传要花几千块钱？", "块钱"),
])
def test_everyday_words_are_read_in_the_register_as_the_question_speaks_of_them(tmp_path, text, question, read):
    assert read in _pipeline_on(tmp_path, "条例.txt", text).prepare(question).asked


def test_when_a_text_takes_effect_is_not_read_in_its_title_note():
    from app.answering import candidates
    from app.legal import HEADER

    text = "（2015年3月1日某市人民代表大会常务委员会通过　2021年6月1日修订）第三十条 本条例自2021年9月1日起施行。"
    a = text.index("第三十条")
    note = SimpleNamespace(doc_id="条例", sentences=[(0, a)], section=[HEADER])
    article = SimpleNamespace(doc_id="条例", sentences=[(a, len(text))], section=["第三十条"])
    retrieval = SimpleNamespace(hits=[SimpleNamespace(chunk=note), SimpleNamespace(chunk=article)])

    def read(question: str) -> list[str]:
        return [c.text[:4] for c in candidates(retrieval, {"条例": {"text": text}}, analyze(question))]

    assert read("某市条例从什么时候开始施行？") == ["第三十条"]
    assert read("某市条例是什么时候通过的？") == ["（201", "第三十条"]  # the note's dates answer that


def test_asking_the_rule_now_is_read_in_whole_words():
    from app.documents_answering import asks_the_rule_now

    assert asks_the_rule_now("按现在的规定，单位至少得给多少？") and asks_the_rule_now("现行实施细则怎么规定？")
    assert not asks_the_rule_now("这一原则体现在哪些条款里？")


@pytest.mark.parametrize("stated,refused", [("选房面积为94平方米", True), ("原房屋建筑面积为120平方米", False)])
def test_a_figure_of_another_compound_of_the_same_head_is_not_the_one_asked(tmp_path, stated, refused):
    answer = _asked_of(tmp_path, "案例.txt", (
        "赵某诉某区政府不履行拆迁安置补偿协议案\n\n"
        f"2015年10月，指挥部与赵某订立了拆迁安置补偿协议，载明赵某家庭{stated}。赵某的原房屋随后被拆除。\n"),
        "赵某被拆除的原房屋建筑面积是多少平方米？")
    assert answer.refused == refused, answer.answer


def test_a_label_line_between_two_sentences_is_not_quoted(tmp_path):
    answer = _asked_of(tmp_path, "案例.txt", (
        "加班费的仲裁时效应当如何认定\n\n基本案情\n\n张某于2016年入职某建筑公司。\n\n原告诉讼请求\n\n"
        "请求判决某建筑公司支付加班费46293元。\n\n裁判结果\n\n一审法院判决某建筑公司支付张某加班费18120元。\n"),
        "张某请求判决建筑公司支付多少加班费？")
    assert "46293元" in answer.answer and "裁判结果" not in answer.answer, answer.answer


@pytest.mark.parametrize("read_best", [True, False])
def test_the_passage_meaning_most_nearly_what_is_asked_is_read_whatever_its_words(tmp_path, read_best):
    from app.pipeline import Pipeline

    # Eight articles repeat the question's words (保护, 发明专利); the one that
    # answers says 期限, not 保护期.
    fields = ["农业", "工业", "医药", "化工", "电子", "机械", "能源", "交通"]
    articles = [f"第{n}条 专利权的保护范围以其权利要求的内容为准，保护{w}的发明专利应当依法进行。"
                for n, w in zip("一二三四五六七八", fields)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "办法.txt").write_text("某市发明专利保护办法\n\n" + "\n".join(articles)
                                   + "\n第九条 发明专利权的期限为二十年，自申请日起计算。\n", encoding="utf-8")
    pipeline = Pipeline(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", vector_seed_path=None,
                                 read_dense_best=read_best))
    hits = pipeline.prepare("发明专利的保护期是多少年？").retrieval.hits
    assert ("第九条" in [h.chunk.address for h in hits]) == read_best


def test_a_guide_the_document_only_names_in_passing_says_nothing_of_what_is_asked_of_it(tmp_path):
    answer = _asked_of(tmp_path, "办法.txt", (
        "某市专利促进办法\n\n第一条 为了促进专利创造和运用，制定本办法。\n第二条 市知识产权局负责本市专利促进工作。\n"
        "第三条 鼓励企业开展专利导航和专利价值评估。\n第四条 本办法的专利审查工作指南由市知识产权局制定。\n"),
        "专利审查工作指南中判断创造性的方法具体是什么？")
    assert answer.refused and answer.decision.reason == "absent_document", answer.answer


# An invented published case: the parties' claim and defence, then the finding.
_CASE = ("小区电梯故障致伤案\n\n王某某诉某物业公司、某电梯公司健康权纠纷案\n\n基本案情\n\n"
         "王某某在小区乘坐电梯时，电梯突然下坠，王某某腿部受伤。"
         "王某某要求某物业公司与某电梯公司共同赔偿医疗费等各项损失共计8万元。"
         "某物业公司辩称：电梯由某电梯公司负责维修保养，物业公司已履行管理职责，不应承担赔偿责任。\n\n"
         "裁判结果\n\n人民法院认为，某物业公司未按期安排电梯年检，对电梯下坠负有过错。"
         "故对王某某要求某物业公司承担赔偿责任的诉讼请求予以支持，判令某物业公司赔偿王某某各项损失6万元。\n\n"
         "（生效裁判审判人员：刘红、陈明、周立）。\n")


def test_whether_a_claim_holds_is_answered_by_the_court_s_finding(tmp_path):
    pipeline = _pipeline_on(tmp_path, "电梯案.txt", _CASE)
    for question in ("我想让物业公司和电梯公司一起赔医疗费，法院会支持吗？",
                     "电梯下坠把我摔伤了，物业说电梯归电梯公司管、他们不担责，这说得通吗？",
                     "我要求物业公司赔偿医疗费，能要到吗？"):
        answer = pipeline.ask(question)
        assert not answer.refused
        assert "人民法院认为" in answer.answer or "予以支持" in answer.answer, question
        # the claim and the defence say what the parties wanted, not what holds
        assert "辩称" not in answer.answer and "共同赔偿医疗费" not in answer.answer, question
    # the case's name on a line of its own carries no judges' names
    judges = pipeline.ask("王某某诉某物业公司健康权纠纷案的审判人员是哪几位？")
    assert "刘红、陈明、周立" in judges.answer


def test_the_one_of_a_series_asked_is_quoted_before_another(tmp_path):
    report = ("第二届全市围棋联赛闭幕\n\n本报讯 11月16日，第二届全市围棋联赛总决赛在市体育馆落下帷幕，东城队夺得冠军。"
              "本届联赛共有12支队伍参赛，历时3个月。\n\n"
              "首届联赛于2024年举行，当时8支队伍参加，西城队获得冠军。"
              "组委会表示，下一届联赛将扩大规模。\n")
    pipeline = _pipeline_on(tmp_path, "围棋.txt", report)
    answer = pipeline.ask("首届全市围棋联赛的冠军是哪支队伍？")
    assert not answer.refused
    assert "西城队" in answer.answer and "东城队" not in answer.answer


def test_a_spoken_verb_with_its_complement_is_read_in_the_register(tmp_path):
    # 赔给 is cut as one word: its verb 赔 is read as the documents' 赔偿
    pipeline = _pipeline_on(tmp_path, "判决.txt", "某区人民法院民事判决书\n\n被告于本判决生效之日起十日内赔偿原告经济损失5000元。\n")
    assert "赔偿" in pipeline.prepare("被告要赔给原告多少钱？").asked


def test_court_costs_in_everyday_words_are_read_as_the_judgments_fee(tmp_path):
    pipeline = _pipeline_on(tmp_path, "判决.txt", "某区人民法院民事判决书\n\n案件受理费300元，由被告负担。\n")
    assert "受理费" in pipeline.prepare("诉讼费谁出？").asked


def test_a_figure_of_another_places_document_does_not_answer_for_the_place_asked(tmp_path):
    pipeline = _pipeline_over(tmp_path, {
        "扬州.txt": "扬州口袋公园建设提速\n本报扬州3月2日电 扬州今年新建口袋公园40个，市财政对每个口袋公园补助50万元。\n",
        "泰州.txt": "泰州推进城市绿道建设\n本报泰州3月5日电 泰州市今年新建城市绿道86公里，沿线设置驿站12处。\n",
    })
    asked = pipeline.ask("泰州对每个口袋公园补助多少钱？")
    assert asked.refused and "泰州" in asked.answer
    assert "50万元" in pipeline.ask("扬州对每个口袋公园补助多少钱？").answer


def test_a_noun_the_documents_name_a_city_by_is_a_place_and_a_market_is_none(tmp_path):
    pipeline = _pipeline_on(tmp_path, "报道.txt", "芜湖推进老旧小区改造\n芜湖市今年改造老旧小区86个，技术市场交易额增长，地级市中排名第三。\n")
    assert pipeline.snapshot.names_a_city("芜湖")
    assert not pipeline.snapshot.names_a_city("技术")
    assert not pipeline.snapshot.names_a_city("地级")


def test_a_figure_of_the_edition_asked_comes_from_the_report_titled_for_it(tmp_path):
    # Two years' reports of one fair; the body of each speaks of "本届" only.
    fifth = ("临川县第五届茶叶博览会闭幕 成交额达3200万元\n"
             "本报讯 2024年5月20日，临川县第五届茶叶博览会在县会展中心闭幕。\n"
             "据县商务局统计，本届博览会现场茶叶成交额达3200万元，参展茶企86家。\n")
    sixth = ("临川县第六届茶叶博览会闭幕 成交额突破4100万元\n"
             "本报讯 2025年5月22日，临川县第六届茶叶博览会在县会展中心闭幕。\n"
             "记者从闭幕式上获悉，本届博览会为期5天，现场茶叶成交额达4100万元，参展茶企93家。\n")
    pipeline = _pipeline_over(tmp_path, {"fair_2024.txt": fifth, "fair_2025.txt": sixth})
    answer = pipeline.ask("临川县第六届茶叶博览会的现场茶叶成交额是多少？")
    assert not answer.refused and "4100万元" in answer.answer and "3200万元" not in answer.answer
    answer = pipeline.ask("临川县第五届茶叶博览会的现场茶叶成交额是多少？")
    assert not answer.refused and "3200万元" in answer.answer and "4100万元" not in answer.answer


def test_a_count_in_the_unit_named_is_answered_by_the_sentence_stating_one(tmp_path):
    text = ("南坪镇文化站举办冬季戏曲进村活动\n"
            "本报讯 2025年12月1日，南坪镇文化站“戏曲进村”冬季巡演在镇中心广场启动，镇党委副书记何某出席。\n"
            "“戏曲进村”活动由镇文化站与县剧团合办，已连续开展五年，深受群众欢迎。\n"
            "按照安排，巡演将走遍全镇各村，冬季共演出36场，预计观众约1.2万人次。\n")
    answer = _pipeline_on(tmp_path, "opera.txt", text).ask("南坪镇“戏曲进村”冬季巡演共演出多少场？")
    assert not answer.refused and "36场" in answer.answer


def test_which_one_of_a_series_is_no_count_of_it():
    from app.answering import _intent_fit

    info = analyze("今年举办了多少期书法培训班？")
    assert _intent_fit("书法培训班第九次课已经开始。", info) == 0.0
    assert _intent_fit("今年共举办书法培训班12期。", info) > 0.5
    # unless which one is asked
    assert _intent_fit("这是张某第三次参加全运会。", analyze("这是张某第几次参加全运会？")) > 0.5


def test_what_a_court_ordered_is_not_read_after_a_partys_claim(tmp_path):
    text = ("青川市中级人民法院\n民事判决书\n（2024）青01民终77号\n"
            "上诉人（原审被告）：青川宜居房屋租赁有限公司。\n被上诉人（原审原告）：王某。\n"
            "宜居公司上诉请求：1.撤销一审判决第一项，改判宜居公司仅需返还王某押金3000元；2.本案一、二审诉讼费用由王某负担。\n"
            "事实和理由：一审法院认定墙面污损属于正常损耗错误，墙面须整体重新粉刷。\n"
            "王某辩称，一审判决认定事实清楚，请求驳回上诉。\n"
            "一审法院判决：一、宜居公司于判决生效之日起十日内返还王某押金5400元；二、驳回王某的其他诉讼请求。\n"
            "本院认为，宜居公司未能证明墙面须整体重新粉刷，其上诉请求不能成立。\n"
            "判决如下：\n驳回上诉，维持原判。\n"
            "审判长 李某\n二〇二四年九月三日\n")
    from app.neighbours import answer_to_request, sentence_at

    pipeline = _pipeline_on(tmp_path, "deposit_appeal.txt", text)
    claim = sentence_at(pipeline.snapshot, "deposit_appeal.txt", text.index("宜居公司上诉请求"))
    # a party's claim is followed by its reasons, not by the court's answer
    assert answer_to_request([claim], pipeline.snapshot, 3) == [claim]
    answer = pipeline.ask("一审法院判决宜居公司应返还王某多少押金？")
    assert not answer.refused and "5400元" in answer.answer and "事实和理由" not in answer.answer


def test_a_later_instance_asked_is_answered_from_the_judgment_that_reached_it(tmp_path):
    first = ("青川市东湖区人民法院\n民事判决书\n（2024）青0102民初501号\n"
             "原告：孙某。\n被告：青川佳美装饰工程有限公司。\n"
             "孙某向本院提出诉讼请求：判令佳美公司支付逾期完工违约金8000元。\n"
             "本院认为，佳美公司逾期完工，应当承担违约责任。\n"
             "判决如下：\n一、被告青川佳美装饰工程有限公司于本判决生效之日起十日内支付原告孙某违约金5000元。\n"
             "案件受理费800元，由被告青川佳美装饰工程有限公司负担。\n"
             "如不服本判决，可以在判决书送达之日起十五日内向本院递交上诉状，上诉于青川市中级人民法院。\n"
             "审判员 周某\n二〇二四年五月八日\n")
    second = ("青川市中级人民法院\n民事判决书\n（2024）青01民终233号\n"
              "上诉人（原审被告）：青川佳美装饰工程有限公司。\n被上诉人（原审原告）：孙某。\n"
              "上诉人佳美公司因与被上诉人孙某装饰装修合同纠纷一案，不服青川市东湖区人民法院（2024）青0102民初501号民事判决，向本院提起上诉。\n"
              "本院认为，一审判决认定事实清楚，适用法律正确。\n"
              "判决如下：\n驳回上诉，维持原判。\n"
              "二审案件受理费450元，由上诉人青川佳美装饰工程有限公司负担。\n"
              "本判决为终审判决。\n审判长 郑某\n二〇二四年八月二日\n")
    pipeline = _pipeline_over(tmp_path, {"decoration_first.txt": first, "decoration_second.txt": second})
    from app.neighbours import of_ones_asked, sentence_at
    from app.qualifiers import qualifiers

    fees = [sentence_at(pipeline.snapshot, name, text.index("案件受理费"))
            for name, text in (("decoration_first.txt", first), ("decoration_second.txt", second))]
    # the first-instance judgment never reached the appeal asked of
    assert of_ones_asked(fees, qualifiers("二审的案件受理费是多少？"), pipeline.snapshot) == fees[1:]
    assert of_ones_asked(fees, qualifiers("案件受理费是多少？"), pipeline.snapshot) == fees
    answer = pipeline.ask("装修合同纠纷二审的案件受理费是多少？")
    assert not answer.refused and "450元" in answer.answer and "800元" not in answer.answer


def test_a_year_in_a_title_does_not_choose_the_report(tmp_path):
    # Each year's report gives the year before's figures.
    later = ("2024年青川市政府工作报告\n过去一年，全市地区生产总值达到3560亿元，增长5.8%。\n")
    earlier = ("2023年青川市政府工作报告\n2022年，全市地区生产总值达到3380亿元，增长4.9%。\n")
    pipeline = _pipeline_over(tmp_path, {"report_2024.txt": later, "report_2023.txt": earlier})
    from app.neighbours import of_ones_asked, sentence_at
    from app.qualifiers import qualifiers

    cands = [sentence_at(pipeline.snapshot, "report_2024.txt", later.index("过去")),
             sentence_at(pipeline.snapshot, "report_2023.txt", earlier.index("2022年"))]
    assert of_ones_asked(cands, qualifiers("青川市2023年地区生产总值是多少？"), pipeline.snapshot) == cands


def test_a_statute_is_no_judgment_of_an_earlier_instance(tmp_path):
    statute = ("诉讼费用交纳办法\n第二十条 案件受理费由原告、有独立请求权的第三人预交。\n")
    appeal = ("青川市中级人民法院\n民事判决书\n（2024）青01民终90号\n"
              "上诉人（原审被告）：青川宏达物流有限公司。\n被上诉人（原审原告）：韩某。\n"
              "宏达公司上诉请求：撤销一审判决，改判驳回韩某的诉讼请求。\n"
              "本院认为，一审判决认定事实清楚，适用法律正确。\n判决如下：\n驳回上诉，维持原判。\n"
              "二审案件受理费300元，由上诉人青川宏达物流有限公司负担。\n审判长 吴某\n二〇二四年七月一日\n")
    from app.neighbours import of_ones_asked, sentence_at
    from app.qualifiers import qualifiers

    pipeline = _pipeline_over(tmp_path, {"fees.txt": statute, "appeal.txt": appeal})
    cands = [sentence_at(pipeline.snapshot, "fees.txt", statute.index("第二十条")),
             sentence_at(pipeline.snapshot, "appeal.txt", appeal.index("二审案件受理费"))]
    assert of_ones_asked(cands, qualifiers("二审的案件受理费由谁预交？"), pipeline.snapshot) == cands


def test_a_general_word_for_a_body_asked_is_no_thing_the_text_must_use(tmp_path):
    text = ("东川县老街修缮完工\n东川县老街修缮工程日前通过竣工验收。"
            "修缮费用经青禾资产评估有限公司评估，共计380万元。\n")
    answer = _asked_of(tmp_path, "oldstreet.txt", text, "老街修缮费用是由哪家机构评估的？")
    assert not answer.refused and "青禾资产评估有限公司" in answer.answer


def test_the_act_a_when_question_dates_is_read_past_a_preposition(tmp_path):
    from app.question import asked_event

    assert asked_event("驰途公司是哪天把押金扣下的？") == "扣下"
    assert asked_event("苏某是哪一天请人在卫生间安装淋浴房的？") == "安装"  # past a causative
    assert asked_event("法院是哪天对本案进行审理的？") == "审理"  # past a light verb
    assert asked_event("这种水稻是哪一年从日本引进的？") == "引进"  # past 从's phrase
    pipeline = _pipeline_on(tmp_path, "rental.txt", "租车纠纷\n李某于2024年3月20日归还车辆。驰途公司扣留了李某的押金3000元。"
                                                     "李某于2024年5月8日向本院提起诉讼。\n")
    assert pipeline.ask("驰途公司是哪天把李某的押金扣留的？").refused  # the act named, never dated
    assert "2024年5月8日" in pipeline.ask("李某是哪天向本院提起诉讼的？").answer
