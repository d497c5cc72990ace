"""Keep the conversation's risk slots up to date from the risk screen's rating.

Thin adapter: the NLU component `bot.safety.risk_component.RiskScreen` rates each message
into `latest_message["risk"]`; this action merges it into `risk_level` (never lowered),
`risk_categories` (union) and `risk_reasons` (which turn raised what, and why, for the
hand-over). Wired as a custom slot mapping so `action_extract_slots` runs it every turn.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.safety.levels import LEVELS, merge, raises_concern, rank
from bot.safety.screen import RiskAssessment

# Enough to explain any real conversation; stops a long chat bloating the tracker.
MAX_REASONS = 50


def _assessment(risk: Any) -> RiskAssessment | None:
    if not isinstance(risk, dict) or risk.get("level") not in LEVELS:
        return None
    return RiskAssessment(
        level=risk["level"],
        categories=[str(c) for c in risk.get("categories") or []],
        reasons=[r for r in risk.get("reasons") or [] if isinstance(r, dict)],
    )


def _turn_number(tracker: Tracker) -> int:
    return sum(1 for event in tracker.events if event.get("event") == "user")


def risk_slot_events(tracker: Tracker) -> list[EventType]:
    """SlotSet events for what this message changed; empty if nothing changed."""
    risk = tracker.latest_message.get("risk")
    # The Rasa server skips this action for the same test (bot/safety/slot_extraction.py).
    new = _assessment(risk) if raises_concern(risk) else None
    if new is None:
        return []
    old_level = tracker.get_slot("risk_level") or "none"
    old_categories = list(tracker.get_slot("risk_categories") or [])
    level, categories = merge(old_level, old_categories, new)
    if level == old_level and categories == sorted(old_categories):
        return []

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
    events: list[EventType] = []
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
