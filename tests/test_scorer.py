"""The scorer itself, on hand-made answers: it must reward what is right
and catch what is wrong, or the gate means nothing."""
from __future__ import annotations

import pytest

from eval import scoring as sc
from eval.calibrate import fit_logistic, split
from eval.floors import violations
from eval.runner import ItemResult, histories, summarize

PASSAGE = "全年申请专利达到了2178件，授权专利1047件;成功举办了活动，签约金额达1.09亿元。"
OTHER = "要加强与公安、工商、版权、海关等部门的配合。"
PASSAGES = {1: PASSAGE, 2: OTHER}
MIN_OVERLAP = 0.5


def result(answer: str, *, refuse: bool = False, refused: bool = False, expect=("2178",),
           evidence=("全年申请专利达到了2178件",), citations=PASSAGES) -> ItemResult:
    """An ItemResult scored the way runner.score_item scores one."""
    r = ItemResult("x1", "fact", "q", refuse, list(evidence), refused=refused, answer=answer,
                   citations=dict(citations))
    r.hit_rank = sc.first_hit_rank(list(citations.values()), list(evidence)) if evidence else None
    if not refused:
        r.missing = sc.missing_expected(answer, list(expect))
        r.bad_markers = sc.invalid_markers(answer, r.citations)
        r.cites_ok = sc.citations_valid(answer, r.citations)
        r.supported, r.claims, r.unsupported = sc.claim_support(answer, r.citations, MIN_OVERLAP)
        r.numbers_unsupported = sc.unsupported_numbers(answer, r.citations)
        r.useful_cited, r.cited = sc.useful_citations(answer, r.citations, list(evidence), MIN_OVERLAP)
    return r


def test_correct_grounded_answer_scores_one():
    r = result("根据讲话原文：\n全年申请专利达到了2178件，授权专利1047件。 [1]", citations={1: PASSAGE})
    s = summarize([r])
    assert s["correctness"] == 1.0
    assert s["faithfulness"] == 1.0
    assert s["citation_validity"] == 1.0
    assert s["context_precision"] == 1.0
    assert s["unsupported_numbers"] == 0
    assert r.failures() == []


def test_invented_figure_is_unsupported_and_unfaithful():
    r = result("全年申请专利达到了3178件，授权专利1047件。 [1]", citations={1: PASSAGE})
    assert r.numbers_unsupported == ["3178"]
    assert r.missing == ["2178"]
    s = summarize([r])
    assert s["faithfulness"] == 0.0
    assert s["unsupported_numbers"] == 1
    assert s["correctness"] == 0.0


def test_expected_string_must_not_be_matched_by_a_marker():
    assert sc.missing_expected("见原文。 [1]", ["1"]) == ["1"]


def test_normalisation_of_digits_units_and_punctuation():
    assert sc.missing_expected("签约金额达１.０９ 亿元！ [1]", ["1.09亿元"]) == []
    assert sc.missing_expected("簽約金額達1.09億元 [1]", ["1.09亿元"]) == []


def test_refusal_on_answerable_item_is_a_false_refusal():
    wrong = result("抱歉，无法作答。", refused=True)
    right_refusal = result("抱歉，无法作答。", refuse=True, refused=True, expect=(), evidence=())
    s = summarize([wrong, right_refusal])
    assert s["false_refusal"] == 1.0
    assert s["refusal_recall"] == 1.0
    assert s["refusal_precision"] == 0.5
    assert s["correctness"] == 0.0
    assert "false refusal" in wrong.failures()


def test_answering_an_out_of_scope_item_is_caught():
    r = result("全年申请专利达到了2178件。 [1]", refuse=True, expect=(), evidence=())
    s = summarize([r])
    assert s["refusal_recall"] == 0.0
    assert "answered instead of refusing" in r.failures()


def test_invalid_marker_is_caught():
    r = result("全年申请专利达到了2178件。 [3]", citations={1: PASSAGE})
    assert r.bad_markers == [3]
    assert not r.cites_ok
    assert summarize([r])["citation_validity"] == 0.0
    assert not sc.citations_valid("全年申请专利达到了2178件。", {1: PASSAGE})  # no marker at all


def test_unhelpful_citation_lowers_context_precision():
    r = result("全年申请专利达到了2178件。 [1]")  # passage 2 cited but unused
    assert (r.useful_cited, r.cited) == (1, 2)


def test_hit_at_k_and_mrr_on_a_fabricated_ranking():
    ranking = ["无关段落一。", "无关段落二。", "其中，全年申请专利达到了 2178 件。", "无关段落三。"]
    rank = sc.first_hit_rank(ranking, ["全年申请专利达到了2178件"])
    assert rank == 3
    assert (sc.hit_at(rank, 1), sc.hit_at(rank, 3), sc.hit_at(rank, 5)) == (0.0, 1.0, 1.0)
    assert sc.reciprocal_rank(rank) == pytest.approx(1 / 3)
    assert sc.first_hit_rank(ranking, ["不存在的证据"]) is None
    assert sc.reciprocal_rank(None) == 0.0


def test_percentiles():
    p = sc.percentiles([1.0, 2.0, 3.0, 4.0, 100.0])
    assert p["p50"] == 3.0
    assert 4.0 < p["p95"] <= 100.0


def test_split_is_deterministic_stratified_and_disjoint():
    items = [{"id": f"q{i}", "refuse": i % 3 == 0} for i in range(30)]
    a, b = split(items)
    assert split(list(reversed(items))) == (a, b)  # order of the file does not matter
    assert {i["id"] for i in a}.isdisjoint({i["id"] for i in b})
    assert len(a) + len(b) == 30
    assert sum(i["refuse"] for i in a) == sum(i["refuse"] for i in b) == 5


def test_logistic_fit_separates_a_separable_toy_problem():
    import numpy as np

    x = np.array([[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    w, b = fit_logistic(x, y)
    z = x[:, 0] * w[0] + b
    assert w[0] > 0
    assert (z[:3] < 0).all() and (z[3:] > 0).all()


def test_logistic_fit_leaves_a_fixed_offset_out_of_the_weights():
    import numpy as np

    x = np.array([[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]] * 3)
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0] * 3)
    w0, b0 = fit_logistic(x, y)
    w1, b1 = fit_logistic(x, y, offset=np.full(len(y), 1.5))
    # the same fit, its bias lowered by the offset every example carries
    assert abs(w1[0] - w0[0]) < 1e-3 and abs((b1 + 1.5) - b0) < 1e-3


def test_follow_up_history_follows_the_chain():
    items = [{"id": "a", "q": "一"}, {"id": "b", "q": "二", "after": "a"}, {"id": "c", "q": "三", "after": "b"}]
    assert histories(items) == {"a": [], "b": ["一"], "c": ["一", "二"]}


def test_floors_and_ceilings():
    floors = {"min": {"hit@5": 0.95}, "max": {"unsupported_numbers": 0}}
    assert violations({"hit@5": 0.96, "unsupported_numbers": 0}, floors) == []
    assert len(violations({"hit@5": 0.94, "unsupported_numbers": 1}, floors)) == 2
    assert violations({"unsupported_numbers": 0}, floors)  # a missing metric fails


def test_a_note_in_parentheses_is_framing_not_an_unsupported_claim():
    answer = "（大模型暂时无法给出可靠回答，以下为原文摘录。）\n全年申请专利达到了2178件。 [1]"
    supported, claims, _ = sc.claim_support(answer, {1: PASSAGE}, MIN_OVERLAP)
    assert (supported, claims) == (1, 1)


def test_another_corpus_never_shares_the_project_index(tmp_path):
    from app.settings import Settings
    from eval.runner import settings_for

    own = settings_for(tmp_path)
    assert own.corpus_dir == tmp_path
    assert own.index_dir != Settings().index_dir
    assert settings_for().index_dir == Settings().index_dir
