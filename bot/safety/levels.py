"""Risk levels, their order, and merging a new rating into a conversation's running state."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.safety.screen import RiskAssessment

LEVELS: tuple[str, ...] = ("none", "concern", "urgent", "immediate")
_RANK = {level: rank for rank, level in enumerate(LEVELS)}


def rank(level: str | None) -> int:
    """Position of a level; an unknown or missing level counts as `none`."""
    return _RANK.get(level or "none", 0)


def raises_concern(risk: object) -> bool:
    """Whether a message's rating (`risk` in its parse data) is above `none`: only such a
    rating can change the conversation's risk slots."""
    return isinstance(risk, dict) and rank(risk.get("level")) > 0


def needs_update(risk: object, check_pending: bool) -> bool:
    """Whether the risk slots may change on this message: it raises a level, it calls for
    a check question, or it answers one we asked."""
    wants_check = isinstance(risk, dict) and bool(risk.get("check"))
    return raises_concern(risk) or wants_check or check_pending


def max_level(a: str | None, b: str | None) -> str:
    """The more serious of two levels (unknown values count as `none`)."""
    return LEVELS[max(rank(a), rank(b))]


def merge(
    previous_level: str | None, previous_categories: list[str] | None, new: RiskAssessment
) -> tuple[str, list[str]]:
    """Fold a message's assessment into the conversation: never lower, union categories."""
    level = max_level(previous_level, new.level)
    categories = sorted(set(previous_categories or []) | set(new.categories))
    return level, categories


# The Care Act 2014 categories of abuse and neglect, and the other harms the screen and
# the safety responses must each cover (consistency tests check both).
REQUIRED_CATEGORIES = frozenset(
    {
        "physical",
        "domestic",
        "sexual",
        "psychological",
        "financial_or_material",
        "modern_slavery",
        "discriminatory",
        "organisational",
        "neglect",
        "self_neglect",
        "suicide",
        "self_harm",
        "medical_emergency",
        "carer_breakdown",
        "unsafe_home",
        "missing_person",
    }
)
