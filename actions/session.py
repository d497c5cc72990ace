"""Start every session with the council's own name and numbers in slots."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.council.profile import CouncilProfile
from bot.settings import load_settings


@lru_cache(maxsize=1)
def council_profile() -> CouncilProfile:
    """Read once per process: the profile changes with a deployment, not mid-conversation."""
    return load_settings().council()


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = council_profile()
        events: list[EventType] = [SessionStarted()]
        # Carry over what the person already told us, so they never have to repeat it.
        events += [
            SlotSet(name, value)
            for name, value in tracker.current_slot_values().items()
            if value not in (None, [])
        ]
        events += [
            SlotSet("council_name", council.name),
            SlotSet("first_contact_phone", council.first_contact.phone),
            SlotSet("first_contact_hours", council.first_contact_hours.describe()),
            SlotSet("out_of_hours_phone", council.out_of_hours.phone),
            SlotSet("retention_days", str(council.conversations_retention_days)),
            ActionExecuted("action_listen"),
        ]
        return events
