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
    said = _words(text)
    for meaning in ("sometimes", "unsure"):
        if any(f" {phrase} " in said for phrase in answers[meaning]):
            return meaning
    # Otherwise the first yes or no said: "yes, no one else knows" is a yes.
    first: dict[str, int] = {}
    for meaning in ("yes", "no"):
        found = [said.find(f" {phrase} ") for phrase in answers[meaning]]
        if positions := [at for at in found if at >= 0]:
            first[meaning] = min(positions)
    if first:
        return min(first, key=first.__getitem__)
    return INTENT_ANSWERS.get(intent or "", "unclear")


def level_after(answer: str) -> str:
    return LEVEL_FOR_ANSWER.get(answer, "none")
