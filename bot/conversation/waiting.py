"""A hand-over at urgent or immediate must not depend on the person answering: when they go
quiet before it is made, it goes to First Contact after a wait (actions/handover.py)."""

from __future__ import annotations

from bot.conversation.facts import Facts
from bot.safety.levels import rank


def due_after_wait(facts: Facts, level: str, handed_over: bool) -> bool:
    """Whether an unmade hand-over goes once the person has been quiet for the wait.

    It goes when they agreed and we were only waiting to hear how to reach them, or when
    the law lets it go without agreement (life at risk, or someone else at risk: the
    `share_reason`). A no from an adult about themselves is respected, and so is silence
    from them: they have the numbers, and can ask again."""
    return not handed_over and rank(level) >= rank("urgent") and facts.may_share
