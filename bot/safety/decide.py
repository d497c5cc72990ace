"""Two opinions, one decision: the lexicon's rating and the classifier's chances become one
level with reasons. The combination never lowers what either opinion found, and where the
classifier is unsure about serious harm it asks rather than guesses (`check`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.safety.levels import max_level, rank
from bot.safety.meaning import Chances, default_reader
from bot.safety.risk_settings import settings
from bot.safety.screen import CLASSIFIER_PATTERN, NluSignal, RiskAssessment, screen


@dataclass(frozen=True)
class Thresholds:
    immediate: float
    urgent: float
    check: float
    concern: float
    category: float
    check_category: float
    few_words: float

    @classmethod
    def from_settings(cls, config: dict[str, Any]) -> Thresholds:
        return cls(**{key: float(value) for key, value in config["thresholds"].items()})


def _says_enough(chances: Chances, limits: Thresholds) -> bool:
    """Whether the message has words enough for the classifier alone to call it serious.
    "it's not right" or "something feels off" could be anything: the lexicon still rates
    a few words ("he hits her"), and the classifier asks rather than guesses."""
    return chances.words > limits.few_words


def classifier_level(chances: Chances, limits: Thresholds) -> str:
    """The level the classifier alone would give."""
    if _says_enough(chances, limits):
        if chances.levels["immediate"] >= limits.immediate:
            return "immediate"
        if chances.serious >= limits.urgent:
            return "urgent"
    if chances.any_worry >= limits.concern:
        return "concern"
    return "none"


def is_unsure(chances: Chances, limits: Thresholds) -> bool:
    """Unsure how serious: the band between the check and urgent thresholds, and above
    the check threshold for a message of a few words."""
    below = limits.urgent if _says_enough(chances, limits) else float("inf")
    return limits.check <= chances.serious < below


def _categories_at_least(chances: Chances, least: float) -> list[str]:
    """Categories whose chance reaches `least`, most likely first."""
    ranked = sorted(chances.categories.items(), key=lambda item: -item[1])
    return [name for name, chance in ranked if chance >= least]


def likely_categories(chances: Chances, limits: Thresholds) -> list[str]:
    """Categories at or above their threshold, most likely first; at least the likeliest."""
    return _categories_at_least(chances, limits.category) or _categories_at_least(chances, 0.0)[:1]


def check_for(chances: Chances, limits: Thresholds, questions: dict[str, str]) -> str | None:
    """The check question that fits the likeliest worry it has one for ("suicide" or
    "harm"), or None: a fall or a message with no clear worry gets no check question."""
    fitting = _categories_at_least(chances, limits.check_category)
    return next((questions[name] for name in fitting if name in questions), None)


def decide(
    lexicon: RiskAssessment,
    chances: Chances,
    limits: Thresholds,
    questions: dict[str, str],
) -> RiskAssessment:
    """One level from both opinions, the higher of the two, with every reason kept."""
    level = classifier_level(chances, limits)
    combined = max_level(lexicon.level, level)
    reasons = list(lexicon.reasons)
    categories = set(lexicon.categories)
    guessed = likely_categories(chances, limits)
    if rank(level) > 0:
        categories.update(guessed)
        reasons.append(
            {
                "category": guessed[0],
                "level": level,
                "phrase": f"the meaning of the message ({chances.serious:.2f} serious)",
                "pattern": CLASSIFIER_PATTERN,
            }
        )
    unsure = is_unsure(chances, limits) and rank(combined) < rank("urgent")
    check = check_for(chances, limits, questions) if unsure else None
    return RiskAssessment(
        level=combined,
        categories=sorted(categories),
        reasons=sorted(reasons, key=lambda r: (-rank(r["level"]), r["category"])),
        check=check,
    )


def rate(text: str, nlu_signal: NluSignal | None = None) -> RiskAssessment:
    """Rate one message with both opinions: what the assistant acts on."""
    found = screen(text, nlu_signal)
    if not (text or "").strip():
        return found
    return decide(
        found, default_reader().chances(text), running_limits(), settings()["check_questions"]
    )


@cache
def running_limits() -> Thresholds:
    """The thresholds in risk_model.yml, read once."""
    return Thresholds.from_settings(settings())
