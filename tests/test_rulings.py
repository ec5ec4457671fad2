"""A court's finding against a party's claim, for questions whether something holds."""
import pytest

from app.rulings import asks_for_ruling, reports_positions, states_finding, states_position


@pytest.mark.parametrize("question, asks", [
    ("我想让物业公司和整栋楼的业主一起赔，法院会支持吗？", True),
    ("公司就说没审批不算加班、不给钱，这说得通吗？", True),
    ("我签了字还能把加班费要回来吗？", True),
    ("二审法院认为这样做有什么问题？", True),
    # a court or an arbitration named as the topic asks no finding
    ("劳动者要追讨加班费，最晚应当在什么时间内申请仲裁？", False),
    ("宁某某安置房迟延交付案中，二审法院是按什么标准计算违约金的？", False),
    ("建筑公司加班费仲裁时效案中，张某的月工资是多少？", False),
])
def test_a_question_asks_for_a_finding_only_when_it_asks_what_holds(question, asks):
    assert asks_for_ruling(question) is asks


@pytest.mark.parametrize("sentence, position", [
    ("因无法确定实际侵权人，张某某要求某物业公司及某小区某栋楼全体业主承担损害赔偿责任。", True),
    ("某物业公司辩称：其对业主专有部分无维修义务。", True),
    ("原告吴小秦诉称：其前往营业厅缴纳收视维护费。", True),
    # the court's answer to the claim is a finding, not a claim
    ("故对张某某要求某物业公司共同承担赔偿责任的诉讼请求不予支持。", False),
    # a directive's 要求 and a law's 申请 are no party's claim
    ("省政府将按照《甘肃省知识产权战略纲要》的要求，抓好各项目标任务的落实。", False),
    ("申请人可以向国务院专利行政部门请求复审。", False),
])
def test_a_party_s_claim_is_told_apart_from_the_court_s_finding(sentence, position):
    assert states_position(sentence) is position


def test_findings_and_the_documents_that_report_claims():
    assert states_finding("某医药公司未实际履行加班审批手续，并不影响对加班事实的认定。")
    assert states_finding("人民法院认为，该规定不具有合理性。")
    assert not states_finding("涉案车辆后挡风玻璃破碎由某小区内房屋装修掉落的水泥块引起。")
    # a plaintiff's numbered claim is no finding, whatever its 判令
    assert not states_finding("2.判令二被告支付利息，以200000元为基数计算。")
    assert states_position("原告张某向本院提出诉讼请求：1.判令被告归还借款本金150000元。")
    # a judgment reports pleadings and the court's view of them; a statute neither
    assert reports_positions("某物业公司辩称：其已尽管理之责。本院认为，物业公司未按期年检。")
    assert not reports_positions("某物业公司辩称：其已尽管理之责。")
    assert not reports_positions("第四十一条 专利申请人对驳回申请的决定不服的，可以请求复审。")


def test_why_and_how_questions_ask_the_court_s_reasons():
    assert asks_for_ruling("购物平台为什么不用和卖家一起承担连带责任？", "why")
    assert asks_for_ruling("法院让欠钱的一方出这笔律师费了吗？")
    assert not asks_for_ruling("区市场监管局罚了多少钱？", "count")
