import pytest

from directory.evaluation.metrics import hit_at, ndcg_at, summarise


def test_hits_count_any_relevant_service_in_the_top_k() -> None:
    assert hit_at(["a", "b", "c"], {"c": 1}, 3) == 1.0
    assert hit_at(["a", "b", "c"], {"c": 1}, 2) == 0.0


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise() -> None:
    relevant = {"a": 3, "b": 1}
    assert ndcg_at(["a", "b"], relevant, 5) == pytest.approx(1.0)
    assert 0 < ndcg_at(["b", "a"], relevant, 5) < 1
    assert ndcg_at(["x"], relevant, 5) == 0.0


def test_the_summary_counts_empty_answers_as_zero_results() -> None:
    summary = summarise([(["a"], {"a": 3}), ([], {"a": 3})])
    assert summary["hit@1"] == 0.5 and summary["zero_result_rate"] == 0.5
