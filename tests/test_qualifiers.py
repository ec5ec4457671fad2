"""One of a series, class, side or place: a sentence about another one does not answer."""
from __future__ import annotations

import pytest

from app.qualifiers import another_named, qualifiers


@pytest.mark.parametrize("question,sentence,passage,other", [
    ("第六届博览会几月几日开幕？", "第五届博览会2024年10月12日在昆明开幕。", "", ("第五届", "第六届")),
    ("第6届博览会几月几日开幕？", "第六届博览会将于2026年举办。", "", None),  # numerals either way
    ("首批产品什么时候交付？", "第一批1000台于6月起交付。", "", None),  # 首 is the first
    ("B轮融资拿到了多少钱？", "该企业完成8亿元C轮融资。", "", ("C轮", "B轮")),
    ("一等座票价是多少钱？", "二等座票价为96元。", "", ("二等座", "一等座")),
    ("男子排球联赛的冠军是谁？", "天津队夺得总冠军。", "中国女子排球联赛总决赛", ("女子", "男子")),
    ("云南省粮食产量增长了多少？", "贵州省全年粮食产量达到1100万吨。", "", ("贵州", "云南")),
    # the sentence names none: its passage says which one; a title counts
    ("总决赛第一场比分是多少？", "上海队以3比1战胜北京队。", "总决赛第五场比赛9日晚进行。", ("第五场", "第一场")),
    ("上海专利条例规定了什么？", "市知识产权局应当加强执法。", "上海市专利保护条例 第一条", None),
    # the sentence names the one asked among others
    ("浙江参展了多少项目？", "北京、江苏、浙江等8个省市参展。", "", None),
    # another frame of a series is no other one
    ("第六届博览会有多少场活动？", "第五场活动在昆明举行。", "第六届博览会", None),
    # several asked: a sentence about one of them answers
    ("北京和上海的最低工资标准分别是多少？", "上海最低工资标准为2690元。", "", None),
    ("第五届和第六届博览会分别在哪里举办？", "第六届博览会将在曼谷举办。", "", None),
    # a country is no other province
    ("上海的专利资助标准是多少？", "本市对获得美国、日本专利授权的给予资助。", "上海市专利资助办法", None),
    # a place inside another word is none
    ("河南的专利资助标准是多少？", "黄河南岸的企业获得资助。", "", None),
    # a letter round is no ordinal round, a down payment no series
    ("首轮融资拿到了多少钱？", "公司完成A轮融资。", "", None),
    ("首期款要付多少？", "第二期工程投资3亿元。", "", None),
    # a numbered flood, a metro line, an instance of a trial
    ("第3号洪水的洪峰水位是多少？", "闽江发生第1号洪水，洪峰水位为15.3米。", "", ("第1号洪水", "第3号洪水")),
    # a decree's number is no numbered flood; a letter line no numbered line
    ("第3号洪水的洪峰水位是多少？", "根据国务院令第588号，启动应急响应。", "", None),
    ("2号线有多少座车站？", "S2号线全长30公里。", "", None),
    ("2号线有多少座车站？", "4号线共设车站21座。", "", ("4号线", "2号线")),
    ("二审法院是怎么判的？", "法院作出一审宣判，判决被告赔偿2万元。", "", ("一审", "二审")),
    ("二审法院是怎么判的？", "本院认为，该项目应由省政府统一审批。", "", None),
    # a case number is no numbered one of a series
    ("第3号洪水的洪峰水位是多少？", "（2019）浙民终字第112号民事判决。", "", None),
    # a year is the sentence's own; one it compares with is not
    ("2025年玉米总产量是多少？", "2024年，全省玉米总产量为512.3亿斤。", "", ("2024年", "2025年")),
    ("2025年玉米总产量是多少？", "总产量520.1亿斤，比2024年增加7.8亿斤。", "", None),
    ("2025年玉米总产量是多少？", "总产量与2024年相比增加7.8亿斤。", "", None),
    # two years named together are both the sentence's
    ("2024年玉米总产量是多少？", "2023年和2024年产量分别为505亿斤和512亿斤。", "", None),
    ("2025年玉米总产量是多少？", "总产量520.1亿斤。", "2024年总产量为512.3亿斤。", None),
    # dated otherwise, in a passage that speaks of the year asked elsewhere
    ("2024年销量是多少？", "2025年上半年销量达11万辆，已超过上年全年的一半。", "2024年全年销量18.9万辆。",
     ("2025年", "2024年")),
    # the passage compares with the year asked: the sentence may state its figure too
    ("2024年销量是多少？", "2025年销量为20万辆，比2024年增长5%。", "2025年销量为20万辆，比2024年增长5%。", None),
    ("二审法院是怎么判的？", "驳回上诉，维持原判。", "一审法院判决被告赔偿2万元。", None),
])
def test_a_sentence_about_another_one_of_what_is_asked_is_found(question, sentence, passage, other):
    assert another_named(qualifiers(question), sentence, passage) == other


def test_a_question_naming_no_qualifier_finds_no_other_one():
    assert another_named(qualifiers("博览会什么时候开幕？"), "第五届博览会10月12日开幕。", "") is None


def test_quotes_about_another_one_do_not_answer_but_correct_a_claim():
    from app.answer import Decision
    from app.decide import answer_note, decide_quoted
    from app.question import analyze

    answered = Decision(True, "answered", 0.9)
    quoted = ["第五届博览会2024年10月12日在昆明开幕。"]
    refused = decide_quoted(answered, analyze("第六届博览会几月几日开幕？"), quoted, others=[("第五届", "第六届")])
    assert refused.reason == "another_one" and "第五届" in refused.message and "第六届" in refused.message
    # a value only the other one's sentence states is none
    both = [*quoted, "第六届博览会将于2026年在曼谷举办。"]
    assert decide_quoted(answered, analyze("第六届博览会几月几日开幕？"), both,
                         others=[("第五届", "第六届"), None]).reason == "value_not_quoted"
    # a claim put to the check is answered by what the text says instead, said to be another one's
    claim = analyze("是第六届博览会在昆明开幕的吧？")
    noted = decide_quoted(answered, claim, quoted, others=[("第五届", "第六届")])
    assert noted.answer and noted.reason == "another_one" and answer_note(noted).startswith("（资料中只有关于第五届")


def test_a_claim_about_another_one_is_answered_after_a_note_saying_whose_the_quote_is(pipeline):
    answer = pipeline.ask("胡锦涛是在中央政治局第八次集体学习时讲的知识产权战略吗？")
    assert not answer.refused and answer.decision.reason == "another_one"
    assert answer.answer.startswith("（资料中只有关于第九次的内容，没有关于第八次的。）")


@pytest.mark.parametrize("question,sentence,passage,other", [
    # a numbered flat or building: a judgment names the neighbours' too
    ("1202室的房子是哪天过户的？", "2020年3月8日，905室完成了过户登记。", "", ("905室", "1202室")),
    ("3栋的电梯是什么时候装好的？", "5号楼的电梯于今年6月投入使用。", "", ("5号楼", "3栋")),
    ("1202室的房子是哪天过户的？", "该房屋于2020年3月8日完成了过户登记。", "涉案房屋为1202室", None),
    ("3幢的电梯是什么时候装好的？", "5栋的电梯于今年6月投入使用。", "", ("5栋", "3幢")),
    # the year compared with (去年为……) is not the sentence's own
    ("今年全县种了多少亩油菜？", "全县种植油菜12.6万亩，去年为11.5万亩。", "", None),
    # a year told relative to the text's, in the sentence itself
    ("去年全县一共种了多少亩油菜？", "今年全县种植油菜12.6万亩。", "", ("今年", "去年")),
    # compared with last year, the sentence still states this year's figure
    ("去年全县一共种了多少亩油菜？", "今年全县种植油菜12.6万亩，比去年增加1.1万亩。", "", ("今年", "去年")),
    ("今年全县一共种了多少亩油菜？", "全县种植油菜12.6万亩。", "去年全县种植油菜11.5万亩。", None),
])
def test_another_flat_building_or_relative_year_is_another_one(question, sentence, passage, other):
    assert another_named(qualifiers(question), sentence, passage) == other


def test_a_later_instance_asked_of_a_first_instance_judgment_is_not_held():
    from app.qualifiers import instance_not_held

    first = "某区人民法院民事判决书……如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于某市中级人民法院。"
    report = "宣判后，被告提出上诉。某市中级人民法院作出终审判决：驳回上诉，维持原判。"
    assert instance_not_held(qualifiers("被告上诉后，二审是怎么判的？"), first) == ("一审", "二审")
    assert instance_not_held(qualifiers("被告上诉后，二审是怎么判的？"), report) is None
    assert instance_not_held(qualifiers("一审是怎么判的？"), first) is None
    assert instance_not_held(qualifiers("再审是怎么判的？"), report) == ("二审", "再审")


def test_a_later_instance_the_judgment_never_reached_is_refused_even_when_asked_yes_or_no():
    from app.answer import Decision
    from app.decide import decide_quoted
    from app.question import analyze

    decision = decide_quoted(Decision(True, "answered"), analyze("被告上诉后，二审有没有改判？"),
                             ["如不服本判决，可以在判决书送达之日起十五日内上诉。"], unreached=("一审", "二审"))
    assert not decision.answer and "二审" in decision.message


def test_a_sentence_about_this_one_is_read_in_its_documents_title():
    asked = qualifiers("第一批援建项目的总投资是多少？")
    sentence = "此次开工的项目总投资约12亿元。"
    passage = "第二批援建项目集中开工 第一批援建项目已于去年竣工。此次开工的项目总投资约12亿元。"
    # the passage recalls the first batch; "此次" is the one the title reports
    assert another_named(asked, sentence, passage) is None
    assert another_named(asked, sentence, passage, "第二批援建项目集中开工") == ("第二批", "第一批")
    # a sentence not about "this" one is read in its passage still
    assert another_named(asked, "项目总投资约12亿元。", passage, "第二批援建项目集中开工") is None
    # a title naming none of the kind leaves the passage to say which one
    asked = qualifiers("第五届论坛为期几天？")
    assert another_named(asked, "此次论坛为期3天。", "第六届论坛在京开幕。此次论坛为期3天。", "论坛在京开幕") \
        == ("第六届", "第五届")
    # 本期限 is no "this one"
    assert another_named(asked, "本期限自公布之日起计算。", "第五届论坛的规则", "第六届论坛规则") is None
