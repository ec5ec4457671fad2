"""A court's finding against a party's claim, for questions whether something holds."""
import pytest

from app.rulings import asks_for_ruling, reports_positions, states_finding, states_position


@pytest.mark.parametrize("question, asks", [
    ("我想让商场赔我摔伤的医药费，法院会支持吗？", True),
    ("房东说押金不退是合同写好的，这说得通吗？", True),
    ("我已经签了收据，还能把多付的租金要回来吗？", True),
    ("二审法院认为这份协议有什么问题？", True),
    # what the court ordered asks the court's words, not the claim's
    ("物业公司起诉业主要钱，法院最后判业主付多少物业费？", True),
    ("超市着火的损失，法院让谁来赔？", True),
    ("员工要求的违约金，法院酌定了多少？", True),
    # a court or an arbitration named as the topic asks no finding
    ("拖欠货款的纠纷，最晚什么时候要申请仲裁？", False),
    ("借款纠纷中，二审法院按什么利率计算利息？", False),
    ("装修合同仲裁案中，李某的月收入是多少？", False),
    ("这起物业纠纷是哪个法院审理的？", False),
])
def test_a_question_asks_for_a_finding_only_when_it_asks_what_holds(question, asks):
    assert asks_for_ruling(question) is asks


@pytest.mark.parametrize("sentence, position", [
    ("因无法查明责任人，王某某要求某商场承担赔偿责任。", True),
    ("某商场辩称：其已尽到安全保障义务。", True),
    ("原告刘某诉称：其在某超市购买了过期食品。", True),
    ("某公司要求退款。", True),
    ("上诉人认为一审判决认定事实错误。", True),
    ("被告辩称，请求驳回原告的诉讼请求。", True),
    ("（二）判令被告支付违约金3000元。", True),
    # a plaintiff's grounds
    ("事实和理由：原告系某小区8号楼301室的所有权人。", True),
    ("原告多次索要无果，遂诉至法院。", True),
    # the court's answer to a claim or defence is a finding, not a claim
    ("故对王某某要求某商场承担赔偿责任的诉讼请求不予支持。", False),
    ("本院认为，被告辩称其不应承担责任，于法无据，本院不予支持。", False),
    # a directive's 要求 and a law's 申请 are no party's claim
    ("省政府将按照《甘肃省知识产权战略纲要》的要求，抓好各项目标任务的落实。", False),
    ("申请人可以向国务院专利行政部门请求复审。", False),
    ("对某些企业要求进行整改。", False),
])
def test_a_party_s_claim_is_told_apart_from_the_court_s_finding(sentence, position):
    assert states_position(sentence) is position


def test_findings_and_the_documents_that_report_claims():
    assert states_finding("某商场未在入口设置提示，并不影响对其过错的认定。")
    assert states_finding("人民法院认为，该规定不具有合理性。")
    assert states_finding("对于被告辩称已尽管理义务的意见，本院不予采信。")
    assert not states_finding("涉案车辆的车门由停车场的栏杆撞坏。")
    # a plaintiff's numbered claim is no finding, whatever its 判令
    assert not states_finding("2.判令被告支付违约金3000元。")
    assert not states_finding("原告请求判令被告赔偿损失5万元。")
    assert states_position("原告赵某向本院提出诉讼请求：1.判令被告返还定金5000元。")
    # a judgment reports pleadings and the court's view of them; a statute neither
    assert reports_positions("某商场辩称：其已尽到安全保障义务。本院认为，某商场未设提示。")
    assert not reports_positions("某商场辩称：其已尽到安全保障义务。")
    assert not reports_positions("第四十一条 专利申请人对驳回申请的决定不服的，可以请求复审。")


def test_why_and_how_questions_ask_the_court_s_reasons():
    assert asks_for_ruling("快递公司为什么不用承担赔偿责任？", "why")
    assert asks_for_ruling("法院让房东退押金了吗？")
    assert not asks_for_ruling("税务局一共罚了多少钱？", "count")


def test_a_courts_order_is_a_finding_and_the_claim_for_it_is_not():
    assert states_finding("一、被告某物业公司于本判决生效之日起十日内支付原告修理费3200元；")
    assert not states_finding("原告向本院提出诉讼请求：1.判令被告支付修理费5000元；")


def test_a_criminal_judgments_charge_and_plea_are_positions_and_its_sentence_a_finding():
    assert states_position("被告人钱某自愿认罪认罚，公诉机关建议判处有期徒刑八个月至一年。")
    assert states_position("辩护人提出，钱某系初犯，请求对其从轻处罚。")
    assert states_finding("一、被告人钱某犯盗窃罪，判处有期徒刑十个月，并处罚金人民币五千元。")
    assert reports_positions("某某区人民检察院指控：被告人钱某窃得电动车一辆。\n本院认为，被告人钱某的行为已构成盗窃罪。")
