from pathlib import Path

from directory.bench import report
from directory.evaluation.evaluate import format_set, run
from tests.directory_factories import service, write_json

SAMPLE = [
    service("lunch", "Heeley Lunch Club", "A hot meal with company.", terms=("need-lunch-club",)),
    service("money", "Money Advice Drop-in", "Benefits checks and help with energy bills."),
    service("general", "First Contact", "Ask about anything.", terms=("need-general",)),
]
QUERIES = [
    {"query": "luch club", "postcode": None, "at": None, "relevant": {"lunch": 3}},
    {
        "query": "benefits",
        "postcode": "S8",
        "at": "2026-06-06T10:00:00+01:00",
        "relevant": {"money": 3},
    },
]


def test_evaluation_scores_our_search_and_the_keyword_baseline_on_the_same_queries(
    tmp_path: Path,
) -> None:
    result = run(QUERIES, write_json(tmp_path / "sample.json", SAMPLE))
    assert result["search"]["hit@1"] == 1.0
    assert result["baseline"]["hit@1"] == 0.5  # "luch" is not a word the baseline knows
    assert result["misses"] == []
    assert "keyword" in "\n".join(format_set("queries", result))


def test_the_benchmark_reports_a_row_per_directory_size() -> None:
    lines = report([200], import_size=0).splitlines()
    assert len(lines) == 2 and lines[1].split()[0] == "200"
