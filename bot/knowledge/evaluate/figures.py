"""The figures `make eval` reports for advice questions, as one dict: each set scored by the
meaning matcher and, given a trained model, by today's intent ranking beside it."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.knowledge.choose import thresholds
from bot.knowledge.evaluate import TARGET, HeldOut, Score, score, score_meaning
from bot.knowledge.evaluate.sets import SHARED_PATH, checked_blind, question_sets


async def _parse_all(model: Path, questions: list[HeldOut]) -> list[dict[str, Any]]:
    # Imported here: loading Rasa takes seconds and is only needed with a real model.
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Rasa's debug log repeats every message's text; keep to warnings.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    return [await agent.parse_message(question.text) for question in questions]


def scores(
    model: Path | None = None, shared: Path = SHARED_PATH
) -> dict[str, dict[str, Score] | str]:
    """Each set's Score by approach ("meaning", and "intent" with a model), or why skipped."""
    found: dict[str, dict[str, Score] | str] = {}
    for name, questions in question_sets(shared).items():
        if isinstance(questions, str):
            found[name] = questions
            continue
        found[name] = {"meaning": score_meaning(questions)}
        if model is not None:
            parsed = asyncio.run(_parse_all(model, questions))
            pairs = zip((q.topic for q in questions), parsed, strict=True)
            found[name]["intent"] = score(pairs)
    return found


def figures(model: Path | None = None, shared: Path = SHARED_PATH) -> dict[str, Any]:
    """Everything as plain data for the evaluation report; shares never name a question."""
    return summary(scores(model, shared))


def summary(by_set: dict[str, dict[str, Score] | str]) -> dict[str, Any]:
    return {
        "blind_sha256": checked_blind(),
        "target_answered_right_blind": TARGET,
        "thresholds": {
            approach: asdict(thresholds(approach)) for approach in ("meaning", "intent")
        },
        "sets": {
            name: found if isinstance(found, str) else {a: s.as_dict() for a, s in found.items()}
            for name, found in by_set.items()
        },
    }
