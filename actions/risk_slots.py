"""Keep the conversation's risk slots up to date from the risk screen's rating.

Thin adapter: the NLU component `bot.safety.risk_component.RiskScreen` rates each message
into `latest_message["risk"]`; this action merges it into `risk_level` (never lowered),
`risk_categories` (union) and `risk_reasons` (which turn raised what, and why, for the
hand-over); asks for a check question when the screen is unsure (`risk_check`), and reads
the answer on the next message. Wired as a custom slot mapping so `action_extract_slots`
runs it every turn.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.facts_slot import facts_of
from actions.handover import from_the_person
from bot.safety.check import (
    ASKED,
    CHECK_SLOT,
    CHECKS_ASKED_SLOT,
    LISTENING_INTENTS,
    answer_means,
    level_after,
)
from bot.safety.levels import LEVELS, max_level, merge, raises_concern, rank
from bot.safety.screen import CLASSIFIER_PATTERN, RiskAssessment

# Enough to explain any real conversation; stops a long chat bloating the tracker.
MAX_REASONS = 50
CHECK_NEEDS_WORDS = 6


def _assessment(risk: Any) -> RiskAssessment | None:
    if not isinstance(risk, dict) or risk.get("level") not in LEVELS:
        return None
    return RiskAssessment(
        level=risk["level"],
        categories=[str(c) for c in risk.get("categories") or []],
        reasons=[r for r in risk.get("reasons") or [] if isinstance(r, dict)],
    )


def _turn_number(tracker: Tracker) -> int:
    """The person's turns so far, counted as the hand-over's transcript counts them: a
    reminder Rasa raises (the quiet-wait hand-over) is not a turn."""
    return sum(1 for event in tracker.events if from_the_person(event))


def _check_events(tracker: Tracker, risk: Any, level: str) -> tuple[list[EventType], str]:
    """A check question's answer read (its level returned), or a new check asked for:
    once per worry, and never once the conversation is already serious."""
    if tracker.get_slot(CHECK_SLOT) == ASKED:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        answer = answer_means(tracker.latest_message.get("text") or "", intent)
        return [SlotSet(CHECK_SLOT, None)], level_after(answer)
    asked = list(tracker.get_slot(CHECKS_ASKED_SLOT) or [])
    check = risk.get("check") if isinstance(risk, dict) else None
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    listening = intent in LISTENING_INTENTS
    # Not while they answer how to reach them or whether we may share: they are already
    # on the way to a person, and a check then is one question too many.
    awaiting = facts_of(tracker).awaiting
    listening = listening and awaiting not in ("contact", "consent")
    # A reply of a few words ("burngreave. S4 7ED") gives the classifier nothing to be
    # unsure about: what it makes of it is noise, and a check then is out of the blue.
    said_enough = len((tracker.latest_message.get("text") or "").split()) >= CHECK_NEEDS_WORDS
    listening = listening and said_enough
    if check and listening and check not in asked and rank(level) < rank("urgent"):
        return [SlotSet(CHECK_SLOT, ASKED), SlotSet(CHECKS_ASKED_SLOT, [*asked, check])], "none"
    return [], "none"


def _answered(new: RiskAssessment | None, level: str, tracker: Tracker) -> RiskAssessment:
    """This message's rating with the answer to the check question folded in."""
    asked = list(tracker.get_slot(CHECKS_ASKED_SLOT) or [])
    category = "suicide" if asked and asked[-1] == "suicide" else "unspecified"
    reason = {"category": category, "level": level, "phrase": "answered the check question"}
    # A short answer's own reading by the classifier is noise ("sometimes, at night" says
    # nothing about money or violence): only the lexicon's phrases in it count.
    phrases = [r for r in (new.reasons if new else []) if r.get("pattern") != CLASSIFIER_PATTERN]
    found = max((str(r["level"]) for r in phrases), key=rank, default="none")
    return RiskAssessment(
        level=max_level(found, level),
        categories=sorted({category, *(str(r["category"]) for r in phrases)}),
        reasons=[*phrases, reason],
    )


def risk_slot_events(tracker: Tracker) -> list[EventType]:
    """SlotSet events for what this message changed; empty if nothing changed."""
    risk = tracker.latest_message.get("risk")
    old_level = tracker.get_slot("risk_level") or "none"
    events, answered = _check_events(tracker, risk, old_level)
    # The Rasa server skips this action unless one of these can change (slot_extraction).
    new = _assessment(risk) if raises_concern(risk) else None
    if rank(answered) > 0:
        new = _answered(new, answered, tracker)
    if new is None:
        return events
    old_categories = list(tracker.get_slot("risk_categories") or [])
    level, categories = merge(old_level, old_categories, new)
    # Every message that carries risk is remembered with its reasons, not only those that
    # raised the level: the hand-over quotes the most serious sentences, wherever they came.

    turn = _turn_number(tracker)
    message_id = tracker.latest_message.get("message_id")
    reasons = list(tracker.get_slot("risk_reasons") or [])
    reasons += [
        {
            "turn": turn,
            "message_id": message_id,
            "level": reason.get("level"),
            "category": reason.get("category"),
            "why": reason.get("phrase"),
        }
        for reason in new.reasons
    ]
    if rank(level) > rank(old_level):
        events.append(SlotSet("risk_level", level))
    if categories != sorted(old_categories):
        events.append(SlotSet("risk_categories", categories))
    events.append(SlotSet("risk_reasons", reasons[-MAX_REASONS:]))
    return events


class ActionUpdateRisk(Action):
    def name(self) -> str:
        return "action_update_risk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return risk_slot_events(tracker)
