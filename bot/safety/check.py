"""Ask when unsure: one short, direct check question, and what its answer means.

Samaritans' guidance is that asking directly about suicide is safe. When the classifier is
unsure about serious harm (bot/safety/decide.py), the assistant asks once per worry and
sets the `risk_check` slot to "asked" while it waits; the answer, in any words, decides.
Words people answer with are data (risk_model.yml, `check_answers`)."""

from __future__ import annotations

import re
from typing import Any

from bot.safety.risk_settings import settings

CHECK_SLOT = "risk_check"
# The worries a check question was asked about, so each is asked once.
CHECKS_ASKED_SLOT = "risk_checks_asked"
ASKED = "asked"
# What each kind of answer means for the conversation's level.
LEVEL_FOR_ANSWER = {"yes": "urgent", "sometimes": "urgent", "unsure": "concern", "no": "none"}
INTENT_ANSWERS = {"affirm": "yes", "deny": "no"}
# How far into a reply its answer to the check question is looked for.
ANSWER_WITHIN_WORDS = 7
# The intents whose turn goes on to action_continue_conversation (data/rules.yml), where the
# check question is asked: a question, a goodbye or a guide is answered as asked instead,
# and a later message may ask again. A test keeps this in step with the rules.
LISTENING_INTENTS = frozenset(
    {"greet", "share_what_matters", "affirm", "deny", "thank", "nlu_fallback", "disclose_risk"}
)


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", "")) + " "


def answer_means(text: str, intent: str | None, answers: dict[str, Any] | None = None) -> str:
    """ "yes", "sometimes", "unsure" or "no" for a reply to a check question; "unclear" when
    it does not answer it (the message's own rating still counts). Hedges are read before
    plain answers: "not really" is not a no, "yes sometimes" is sometimes."""
    answers = answers or settings()["check_answers"]
    # An answer comes first: a yes deep in a long message answers nothing, and words such
    # as "i am" count only where the reply starts with them.
    said = " " + " ".join(_words(text).split()[:ANSWER_WITHIN_WORDS]) + " "
    at_start = set(answers.get("only_at_start") or ())

    def where(phrase: str) -> int:
        found = said.find(f" {phrase} ")
        return found if found == 0 or (found > 0 and phrase not in at_start) else -1

    for meaning in ("sometimes", "unsure"):
        if any(where(phrase) >= 0 for phrase in answers[meaning]):
            return meaning
    # Otherwise the first yes or no said: "yes, no one else knows" is a yes.
    first: dict[str, int] = {}
    for meaning in ("yes", "no"):
        if positions := [at for at in map(where, answers[meaning]) if at >= 0]:
            first[meaning] = min(positions)
    if first:
        return min(first, key=first.__getitem__)
    return INTENT_ANSWERS.get(intent or "", "unclear")


def level_after(answer: str) -> str:
    return LEVEL_FOR_ANSWER.get(answer, "none")
