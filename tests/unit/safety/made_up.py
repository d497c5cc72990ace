"""Made-up classifier chances and thresholds, for tests of what is decided from them."""

from bot.safety.decide import Thresholds
from bot.safety.levels import LEVELS
from bot.safety.meaning import Chances

LIMITS = Thresholds(
    immediate=0.7,
    urgent=0.75,
    check=0.3,
    concern=0.9,
    category=0.3,
    check_category=0.5,
    few_words=4,
)


def chances(
    none: float, concern: float, urgent: float, immediate: float, **categories: float
) -> Chances:
    """Chances of a message of a dozen words: long enough to be rated by the classifier."""
    return Chances(
        dict(zip(LEVELS, (none, concern, urgent, immediate), strict=True)),
        dict(categories),
        words=12,
    )
