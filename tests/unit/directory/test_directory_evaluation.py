from pathlib import Path

import numpy as np
import pytest

from directory.bench import report
from directory.evaluation.evaluate import (
    BLIND_FILE,
    BLIND_HASH_FILE,
    BlindSetChanged,
    blind_hash,
    format_set,
    run,
)
from directory.synthetic import word_vectors
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


def test_ours_is_scored_with_and_without_meaning_in_the_same_run(tmp_path: Path) -> None:
    result = run(QUERIES, write_json(tmp_path / "sample.json", SAMPLE))
    assert {"search", "lexical", "baseline", "baseline_any_word"} <= set(result)
    assert result["lexical"]["hit@1"] == 1.0


def test_the_blind_set_is_refused_unless_it_is_the_frozen_file(tmp_path: Path) -> None:
    assert blind_hash() == BLIND_HASH_FILE.read_text().split()[0]
    changed = tmp_path / "blind.jsonl"
    changed.write_bytes(BLIND_FILE.read_bytes() + b"\n")
    with pytest.raises(BlindSetChanged):
        blind_hash(changed)


def test_stand_in_vectors_for_the_benchmark_are_unit_rows_near_for_shared_words() -> None:
    rows = word_vectors(["Heeley Lunch Club 1", "Heeley Lunch Club 2", "Walkley Tai Chi Circle 3"])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert rows[0] @ rows[1] > 0.95 > rows[0] @ rows[2]
    assert not np.array_equal(rows[0], rows[1])
