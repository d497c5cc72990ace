"""Answer, ask which topic was meant, or say honestly that we don't know.

The decision is a plain function over ranked topics. They come from the meaning matcher
(bot/knowledge/meaning.py) or, for a message with no words to read, from the intent
classifier: each topic is its own intent, `question_<topic>` (e.g. `question_blue_badge`),
so that `rasa data validate` checks them like any intent and NLU knows a question as one.
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
Approach = Literal["meaning", "intent"]


@dataclass(frozen=True)
class Thresholds:
    answer_at_least: float
    clear_lead: float
    offer_at_least: float
    # How close to any topic a message must come to be answered at all (0: no such check).
    relevant_at_least: float = 0.0


@dataclass(frozen=True)
class Candidate:
    topic: str
    confidence: float


@dataclass(frozen=True)
class Choice:
    kind: Literal["answer", "clarify", "not_sure"]
    topics: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def thresholds(approach: Approach = "intent", path: Path = THRESHOLDS_PATH) -> Thresholds:
    """One approach's thresholds from choosing.yml."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))[approach]
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
    """Today's approach before the meaning matcher: the decision over the intent ranking."""
    return decide(candidates(parsed or {}, known), limits or thresholds("intent"))


def decide(ranked: list[Candidate], limits: Thresholds) -> Choice:
    """The three-way decision over topics ranked best first."""
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
