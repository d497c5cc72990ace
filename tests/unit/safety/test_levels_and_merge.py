"""Levels are ordered, and a conversation's level is never lowered."""

from bot.safety.levels import max_level, merge
from bot.safety.screen import RiskAssessment, screen


def test_max_level_picks_the_more_serious() -> None:
    assert max_level("none", "concern") == "concern"
    assert max_level("immediate", "urgent") == "immediate"
    assert max_level(None, "urgent") == "urgent"
    assert max_level("nonsense", None) == "none"


def test_merge_never_lowers_the_level() -> None:
    level, categories = merge("urgent", ["physical"], RiskAssessment())
    assert level == "urgent"
    assert categories == ["physical"]


def test_merge_raises_the_level_and_unions_categories() -> None:
    new = screen("I want to kill myself")
    level, categories = merge("concern", ["neglect"], new)
    assert level == "immediate"
    assert categories == ["neglect", "suicide"]


def test_merge_handles_empty_slots() -> None:
    assert merge(None, None, RiskAssessment("concern", ["self_neglect"], [])) == (
        "concern",
        ["self_neglect"],
    )
