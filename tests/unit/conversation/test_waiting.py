"""Which unmade hand-overs go to First Contact once the person has gone quiet."""

import pytest

from bot.conversation.facts import Facts
from bot.conversation.waiting import due_after_wait


@pytest.mark.parametrize(
    ("facts", "level", "due"),
    [
        (Facts(safeguarding=True, share_reason="others"), "urgent", True),
        (Facts(safeguarding=True, share_reason="life"), "immediate", True),
        (Facts(safeguarding=True, consent="yes"), "urgent", True),
        # An adult about themselves who said nothing, or no: respected.
        (Facts(safeguarding=True), "urgent", False),
        (Facts(safeguarding=False, consent="no"), "urgent", False),
        # Concern never sends anything on its own.
        (Facts(safeguarding=True, share_reason="others"), "concern", False),
    ],
)
def test_due_after_the_wait(facts: Facts, level: str, due: bool):
    assert due_after_wait(facts, level, handed_over=False) is due


def test_never_twice():
    facts = Facts(safeguarding=True, share_reason="life")
    assert not due_after_wait(facts, "immediate", handed_over=True)
