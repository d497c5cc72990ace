"""Answer, ask which topic was meant, or say honestly that we don't know.

Each topic is its own intent, `question_<topic>` (e.g. `question_blue_badge`), so the
intent classifier ranks topics and `rasa data validate` can check them like any intent.
The decision is a plain function over that ranking.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

THRESHOLDS_PATH = Path(__file__).with_name("choosing.yml")
QUESTION_PREFIX = "question_"


@dataclass(frozen=True)
class Thresholds:
    answer_at_least: float
    clear_lead: float
    offer_at_least: float


@dataclass(frozen=True)
class Candidate:
    topic: str
    confidence: float


@dataclass(frozen=True)
class Choice:
    kind: Literal["answer", "clarify", "not_sure"]
    topics: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def thresholds(path: Path = THRESHOLDS_PATH) -> Thresholds:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Thresholds(**{key: float(value) for key, value in raw.items()})


def intent_for(topic: str) -> str:
    """'blue_badge' -> 'question_blue_badge'."""
    return f"{QUESTION_PREFIX}{topic}"


def is_question(intent: str | None) -> bool:
    return bool(intent) and str(intent).startswith(QUESTION_PREFIX)


def candidates(parsed: Mapping[str, Any], known: Collection[str]) -> list[Candidate]:
    """Known topics from a parsed message's intent ranking, best first."""
    ranking = parsed.get("intent_ranking") or [parsed.get("intent") or {}]
    found = [
        Candidate(str(item["name"])[len(QUESTION_PREFIX) :], float(item["confidence"]))
        for item in ranking
        if isinstance(item, dict)
        and is_question(item.get("name"))
        and item.get("confidence") is not None
    ]
    # A topic the knowledge base no longer has (an old model) can't be answered.
    return sorted(
        (candidate for candidate in found if candidate.topic in known),
        key=lambda candidate: candidate.confidence,
        reverse=True,
    )


def choose(
    parsed: Mapping[str, Any] | None,
    known: Collection[str],
    limits: Thresholds | None = None,
) -> Choice:
    limits = limits or thresholds()
    ranked = candidates(parsed or {}, known)
    if not ranked:
        return Choice("not_sure")
    best = ranked[0]
    runner_up = ranked[1].confidence if len(ranked) > 1 else 0.0
    if (
        best.confidence >= limits.answer_at_least
        and best.confidence - runner_up >= limits.clear_lead
    ):
        return Choice("answer", (best.topic,))
    if runner_up >= limits.offer_at_least and best.confidence - runner_up < limits.clear_lead:
        return Choice("clarify", (best.topic, ranked[1].topic))
    return Choice("not_sure")
