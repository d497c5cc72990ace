"""Score how questions are answered: by the meaning matcher, and by today's approach before
it (a trained model's intent ranking).

A question with a topic counts as answered right only when it is answered straight away
with that topic; one that no topic answers is right only when we honestly say "not sure".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.base import load_answers
from bot.knowledge.choose import Choice, candidates, choose, is_question
from bot.knowledge.meaning import choose_by_meaning, matcher

HELDOUT_PATH = Path(__file__).parents[1] / "evaluation" / "heldout_questions.yml"
TARGET = 0.9


@dataclass(frozen=True)
class HeldOut:
    text: str
    topic: str | None  # None: no topic answers it


@dataclass
class Score:
    total: int = 0
    answered_right: int = 0  # answered straight away with the right topic
    clarified_with_right: int = 0  # asked which of two, and the right one was offered
    top_right: int = 0  # the best-ranked topic was right, whatever the decision
    no_topic: int = 0  # questions no topic answers
    not_sure_on_no_topic: int = 0  # ... where we honestly said "not sure"
    missed_by_topic: Counter[str] = field(default_factory=Counter)

    @property
    def with_topic(self) -> int:
        return self.total - self.no_topic

    @property
    def share_answered_right(self) -> float:
        """Of the questions with a topic: the figure the target is for."""
        return self.answered_right / self.with_topic if self.with_topic else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures only: never which questions were missed."""

        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "questions": self.total,
            "with_topic": self.with_topic,
            "no_topic": self.no_topic,
            "answered_right": share(self.answered_right, self.with_topic),
            "right_overall": share(self.answered_right + self.not_sure_on_no_topic, self.total),
            "right_topic_offered": share(
                self.answered_right + self.clarified_with_right, self.with_topic
            ),
            "best_guess_right": share(self.top_right, self.with_topic),
            "not_sure_on_no_topic": share(self.not_sure_on_no_topic, self.no_topic),
        }


def load_heldout(path: Path = HELDOUT_PATH) -> list[HeldOut]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [HeldOut(str(item["text"]), str(item["topic"])) for item in raw["questions"]]


def tally(outcomes: Iterable[tuple[str | None, Choice, str | None]]) -> Score:
    """Score (expected topic, decision, best-ranked topic) triples."""
    result = Score()
    for expected, choice, best in outcomes:
        result.total += 1
        if expected is None:
            result.no_topic += 1
            result.not_sure_on_no_topic += choice.kind == "not_sure"
            continue
        result.top_right += best == expected
        if choice.kind == "answer" and choice.topics == (expected,):
            result.answered_right += 1
            continue
        result.clarified_with_right += choice.kind == "clarify" and expected in choice.topics
        result.missed_by_topic[expected] += 1
    return result


def score(results: Iterable[tuple[str | None, Mapping[str, Any]]]) -> Score:
    """Today's approach: (expected topic, parsed message) pairs, as Agent.parse_message
    returns them. Only a message NLU reads as a question reaches the answer at all."""
    known = load_answers().keys()

    def outcome(expected: str | None, parsed: Mapping[str, Any]) -> tuple:
        asked = parsed if is_question((parsed.get("intent") or {}).get("name")) else None
        ranked = candidates(asked or {}, known)
        return expected, choose(asked, known), ranked[0].topic if ranked else None

    return tally(outcome(expected, parsed) for expected, parsed in results)


def score_meaning(questions: Iterable[HeldOut]) -> Score:
    """The meaning matcher, as if each message had reached the answer action."""

    def outcome(question: HeldOut) -> tuple:
        best = matcher().rank(question.text).candidates[0].topic
        return question.topic, choose_by_meaning(question.text), best

    return tally(outcome(question) for question in questions)
