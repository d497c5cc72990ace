"""Two opinions, one decision: never lower what either found; ask when unsure."""

from __future__ import annotations

import pytest

from bot.safety.decide import classifier_level, decide, rate
from bot.safety.levels import rank
from bot.safety.meaning import Chances
from bot.safety.screen import RiskAssessment, screen
from tests.unit.safety.made_up import LIMITS, chances

QUESTIONS = {"suicide": "suicide", "self_harm": "suicide", "financial_or_material": "harm"}


@pytest.mark.parametrize(
    ("found", "level"),
    [
        (chances(0.9, 0.05, 0.03, 0.02), "none"),
        (chances(0.05, 0.9, 0.03, 0.02), "concern"),
        (chances(0.05, 0.1, 0.8, 0.05), "urgent"),
        (chances(0.0, 0.05, 0.2, 0.75), "immediate"),
    ],
)
def test_the_classifier_alone_rates_by_its_thresholds(found: Chances, level: str) -> None:
    assert classifier_level(found, LIMITS) == level


def test_the_combination_never_lowers_the_lexicon() -> None:
    lexicon = screen("he punched her and she's bleeding on the floor now")
    assert rank(lexicon.level) >= rank("urgent")
    calm = chances(0.97, 0.01, 0.01, 0.01, physical=0.1)
    decided = decide(lexicon, calm, LIMITS, QUESTIONS)
    assert decided.level == lexicon.level
    assert decided.reasons == lexicon.reasons


def test_the_classifier_raises_what_the_lexicon_missed_and_says_why() -> None:
    worried = chances(0.02, 0.08, 0.3, 0.6, neglect=0.8, falls=0.1)
    decided = decide(RiskAssessment(), worried, LIMITS, QUESTIONS)
    assert decided.level == "urgent"
    assert decided.categories == ["neglect"]
    assert decided.reasons[0]["pattern"] == "classifier"
    assert "never" not in str(decided.reasons), "a reason never repeats the person's words"


def test_unsure_about_serious_harm_asks_the_fitting_check_question() -> None:
    unsure = chances(0.3, 0.2, 0.3, 0.2, suicide=0.7, physical=0.2)
    decided = decide(RiskAssessment(), unsure, LIMITS, QUESTIONS)
    assert decided.check == "suicide"
    other = chances(0.3, 0.2, 0.3, 0.2, financial_or_material=0.8)
    assert decide(RiskAssessment(), other, LIMITS, QUESTIONS).check == "harm"


def test_no_check_when_already_serious_or_clearly_ordinary() -> None:
    unsure = chances(0.3, 0.2, 0.3, 0.2, suicide=0.7)
    serious = screen("I've taken all my tablets")
    assert decide(serious, unsure, LIMITS, QUESTIONS).check is None
    ordinary = chances(0.9, 0.05, 0.03, 0.02, suicide=0.2)
    assert decide(RiskAssessment(), ordinary, LIMITS, QUESTIONS).check is None


def test_the_trained_reader_hears_risk_the_lexicon_has_no_phrase_for() -> None:
    text = "grandad has been lying by the back door since dinner time and wont answer me properly"
    assert screen(text).level == "none"
    rated = rate(text)
    assert rank(rated.level) >= rank("concern")
    assert rated.reasons[0]["pattern"] == "classifier"


def test_no_check_question_without_a_worry_it_fits() -> None:
    vague = chances(0.3, 0.2, 0.3, 0.2, suicide=0.1, medical_emergency=0.05)
    assert decide(RiskAssessment(), vague, LIMITS, QUESTIONS).check is None
    fall = chances(0.3, 0.2, 0.3, 0.2, medical_emergency=0.9)
    assert decide(RiskAssessment(), fall, LIMITS, QUESTIONS).check is None


def test_an_empty_message_is_rated_by_the_lexicon_alone() -> None:
    assert rate("   ") == screen("   ")


def test_a_few_words_are_never_called_serious_by_the_classifier_alone_it_asks_instead():
    from dataclasses import replace

    short = replace(chances(0.05, 0.1, 0.1, 0.75, suicide=0.8), words=3)
    assert classifier_level(short, LIMITS) == "concern"
    found = decide(screen("something feels off"), short, LIMITS, QUESTIONS)
    assert found.level == "concern" and found.check == "suicide"
    # The lexicon still rates a few words.
    assert decide(screen("he hits her"), short, LIMITS, QUESTIONS).level == "urgent"
