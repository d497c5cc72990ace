"""Self-help guides: thin adapters over bot.guides.engine.

A guide runs inside the form `guide_form`, because only an active form hands every message
to us, whatever NLU makes of it: a list of medicines is not an intent. The form's one slot,
`guide_reply`, is filled from the text; `validate_guide_form` takes each answer and empties
it again until the guide ends. Where the guide has got to lives in `guide_state`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.connect import make_finder
from actions.conversation import converse, planner, send
from actions.facts_slot import facts_events, facts_of
from actions.session import council_profile
from bot.guides.engine import GuideState, answer, guide_for_intent, start
from bot.knowledge.base import profile_values

DONE = "done"  # fills guide_reply so the form ends
# The carer's plan ends with local carers' support from the directory.
CARERS_SUPPORT_QUERY = "support for carers and a break from caring"
SUPPORT_LINES = 2


def carers_support_lines(postcode: str | None) -> list[str]:
    offers, _ = make_finder()(CARERS_SUPPORT_QUERY, postcode, set(), SUPPORT_LINES)
    return [f"{offer.name}: {offer.phone}" if offer.phone else offer.name for offer in offers]


def _state_events(state: GuideState | None) -> list[EventType]:
    return [
        SlotSet("guide_state", state.to_slot() if state else None),
        SlotSet("guide_reply", None if state else DONE),
    ]


class ActionStartGuide(Action):
    def name(self) -> str:
        return "action_start_guide"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        guide = guide_for_intent(intent)
        if guide is None:
            return _state_events(None)
        progress = start(guide.id, profile_values(council_profile()))
        send(dispatcher, progress.replies)
        # What led to the guide is part of the story: if they leave it, offers use it.
        facts = facts_of(tracker)
        planner().hear(facts, tracker.latest_message.get("text") or "")
        return [*facts_events(facts), *_state_events(progress.state)]


class ValidateGuideForm(Action):
    """Takes each answer to a guide's question (the guide's step-by-step handler)."""

    def name(self) -> str:
        return "validate_guide_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reply = tracker.get_slot("guide_reply")
        if reply is None or reply == DONE:
            # Called at activation and after interruptions too, with nothing new to take.
            return []
        state = GuideState.from_slot(tracker.get_slot("guide_state"))
        if state is None:
            return _state_events(None)
        support = None
        if state.guide == "emergency_plan":
            facts = facts_of(tracker)
            support = await asyncio.to_thread(carers_support_lines, facts.postcode)
        progress = answer(state, str(reply), profile_values(council_profile()), support)
        send(dispatcher, progress.replies)
        if progress.hand_back:
            # A change of subject or a request for ideas: the guide ends and the
            # conversation answers the same message, so nothing typed is lost.
            return [*await converse(dispatcher, tracker), *_state_events(None)]
        return _state_events(progress.state)
