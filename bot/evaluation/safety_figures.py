"""Risk on messages written the way people write: both opinions together, the lexicon alone
and the classifier alone, on the frozen blind set, the shared examples and (rated by models
that never saw each message) the development data the thresholds were chosen on."""

from __future__ import annotations

from typing import Any

from bot.evaluation.frozen import load_blind, load_jsonl
from bot.safety import measure
from bot.safety.calibrate import out_of_fold
from bot.safety.decide import running_limits
from bot.safety.meaning import (
    Chances,
    Labelled,
    ModelSettings,
    default_reader,
    features_of_set,
    training_set,
)
from bot.safety.risk_settings import settings
from bot.safety.screen import screen
from bot.settings import PROJECT_ROOT, shared_examples_dir
from encoder import shared_encoder

EVALUATION_DIR = PROJECT_ROOT / "bot" / "safety" / "evaluation"
BLIND = EVALUATION_DIR / "messages.blind.jsonl"


def compare(labels: list[str], texts: list[str], chances: list[Chances]) -> dict[str, Any]:
    """measure.compare at the thresholds the assistant runs with."""
    lexicon = [screen(text) for text in texts]
    questions = settings()["check_questions"]
    return measure.compare(labels, lexicon, chances, running_limits(), questions)


def _rated_by_reader(rows: list[dict[str, Any]]) -> dict[str, Any]:
    texts = [row["text"] for row in rows]
    # Our own labelled texts: their vectors may be kept on disk like any fixed set.
    found = default_reader().chances_of_rows(texts, features_of_set(shared_encoder(), texts))
    return compare([row["level"] for row in rows], texts, found)


def safety_figures() -> dict[str, Any]:
    blind, blind_hash = load_blind(BLIND)
    result: dict[str, Any] = {"blind": _rated_by_reader(blind), "blind_sha256": blind_hash}
    shared = shared_examples_dir() / "messages.jsonl"
    if shared.exists():
        result["shared"] = _rated_by_reader(load_jsonl(shared))
    else:
        result["shared"] = f"skipped: no {shared}"
    items: list[Labelled] = training_set()
    dev = out_of_fold(items, ModelSettings.from_settings(settings()))
    result["dev"] = compare([i.level for i in items], [i.text for i in items], dev)
    return result
