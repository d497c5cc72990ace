"""Score how well a trained model answers questions it has never seen (the held-out set).

A question counts as answered right only when NLU picks a `question_<topic>` intent (so
the answer action runs at all) and choose() answers it straight away with the expected topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.base import load_answers
from bot.knowledge.choose import candidates, choose, is_question

HELDOUT_PATH = Path(__file__).parents[1] / "evaluation" / "heldout_questions.yml"
TARGET = 0.9


@dataclass(frozen=True)
class HeldOut:
    text: str
    topic: str


@dataclass
class Score:
    total: int = 0
    answered_right: int = 0  # answered straight away with the right topic
    clarified_with_right: int = 0  # asked which of two, and the right one was offered
    top_right: int = 0  # the classifier's best topic was right, whatever choose() did
    missed_by_topic: Counter[str] = field(default_factory=Counter)

    @property
    def share_answered_right(self) -> float:
        return self.answered_right / self.total if self.total else 0.0


def load_heldout(path: Path = HELDOUT_PATH) -> list[HeldOut]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [HeldOut(str(item["text"]), str(item["topic"])) for item in raw["questions"]]


def score(results: Iterable[tuple[str, Mapping[str, Any]]]) -> Score:
    """Score (expected topic, parsed message) pairs, as Agent.parse_message returns them."""
    known = load_answers().keys()
    tally = Score()
    for expected, parsed in results:
        tally.total += 1
        intent = (parsed.get("intent") or {}).get("name")
        asked = parsed if is_question(intent) else None
        ranked = candidates(asked or {}, known)
        if ranked and ranked[0].topic == expected:
            tally.top_right += 1
        choice = choose(asked, known)
        if choice.kind == "answer" and choice.topics == (expected,):
            tally.answered_right += 1
            continue
        if choice.kind == "clarify" and expected in choice.topics:
            tally.clarified_with_right += 1
        tally.missed_by_topic[expected] += 1
    return tally
