"""The folds both pipelines are scored on, and the scores pooled over them."""

from concurrent.futures import Future
from pathlib import Path

import yaml
from rasa.nlu.test import IntentEvaluationResult

from bot.evaluation.folds import scores, write_folds

NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - hello
    - hi there
    - good morning
    - hiya
- intent: thank
  examples: |
    - thanks
    - thank you
    - cheers
    - ta very much
- intent: rare
  examples: |
    - only once
"""


def _examples(path: Path) -> set[tuple[str, str]]:
    data = yaml.safe_load(path.read_text())
    return {
        (block["intent"], line[2:])
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    }


def test_folds_are_stratified_disjoint_and_the_same_every_run(tmp_path: Path) -> None:
    (tmp_path / "nlu.yml").write_text(NLU)
    first = write_folds(tmp_path / "nlu.yml", 2, tmp_path / "first")
    again = write_folds(tmp_path / "nlu.yml", 2, tmp_path / "again")

    assert len(first) == 2
    tests = [_examples(fold.test) for fold in first]
    assert tests == [_examples(fold.test) for fold in again]
    assert not tests[0] & tests[1]
    everything = tests[0] | tests[1]
    # An intent with fewer examples than folds cannot be stratified, so Rasa leaves it out.
    assert {intent for intent, _ in everything} == {"greet", "thank"}
    assert len(everything) == 8
    for fold, test in zip(first, tests, strict=True):
        assert {intent for intent, _ in test} == {"greet", "thank"}
        assert _examples(fold.train) == everything - test


def test_scores_pool_every_fold_and_name_the_confusions(tmp_path: Path) -> None:
    def done(*results: tuple[str, str]) -> Future:
        future: Future = Future()
        future.set_result([IntentEvaluationResult(t, p, "text", 0.9) for t, p in results])
        return future

    pooled = scores(
        [
            done(("greet", "greet"), ("thank", "greet")),
            done(("thank", "thank"), ("greet", "greet")),
        ],
        tmp_path / "report",
    )

    assert pooled["recall"] == 0.75
    assert pooled["confusions"] == [{"intent": "thank", "confused_with": "greet", "count": 1}]
    assert (tmp_path / "report" / "intent_report.json").exists()
