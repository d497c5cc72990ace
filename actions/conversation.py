"""Conversation 1: listen, say back what we heard, and connect people to things nearby.

A thin adapter: the planner in bot.conversation decides; this reads and writes slots and
sends replies. Planning searches the directory (database I/O), so it runs in a thread to
keep the action server's event loop free.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.connect import build_planner
from actions.facts_slot import FACTS_SLOT, facts_events, facts_of
from actions.handover import keep_handover_current, pass_on
from bot.conversation.planner import Outcome, Planner, Reply, Turn


@lru_cache(maxsize=1)
def planner() -> Planner:
    return build_planner()


def send(dispatcher: CollectingDispatcher, replies: list[Reply]) -> None:
    for reply in replies:
        if reply.card:
            dispatcher.utter_message(json_message=reply.card)
        else:
            buttons = [{"title": title, "payload": title} for title in reply.buttons]
            dispatcher.utter_message(text=reply.text, buttons=buttons)


async def continue_conversation(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType]:
    """Conversation 1's next step, then listen."""
    # This action is also the core fallback; without the listen, an intent no rule covers
    # would predict it again and again instead of letting the person speak.
    return [*await converse(dispatcher, tracker), FollowupAction("action_listen")]


async def converse(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Conversation 1's answer to the latest message: the planner decides, given what was
    already said."""
    facts = facts_of(tracker)
    message = tracker.latest_message
    intent = message.get("intent") or {}
    turn = Turn(
        message.get("text") or "",
        intent.get("name", "") if isinstance(intent, dict) else "",
        tracker.get_slot("risk_level") or "none",
        handed_over=bool(tracker.get_slot("handover_reference")),
    )
    outcome: Outcome = await asyncio.to_thread(planner().respond, facts, turn)
    events = facts_events(outcome.facts)
    if outcome.handover:
        replies, handover_events = await pass_on(tracker, outcome.facts, outcome.handover)
        outcome.replies.extend(replies)
        events += handover_events
    else:
        await keep_handover_current(tracker, outcome.facts)
    send(dispatcher, outcome.replies)
    return events


class ActionSayGoodbye(Action):
    def name(self) -> str:
        return "action_say_goodbye"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = facts_of(tracker)
        if (facts.story or facts.offered) and "summary" not in facts.asked:
            reference = tracker.get_slot("handover_reference")
            send(dispatcher, planner().summary(facts, reference)[:1])
        return []


class ActionBackToThread(Action):
    """After answering a digression, ask again whatever we were waiting to hear."""

    def name(self) -> str:
        return "action_back_to_thread"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = facts_of(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        outcome = await asyncio.to_thread(
            planner().back_to_thread, facts, text, intent == "outside_area"
        )
        await keep_handover_current(tracker, outcome.facts)
        send(dispatcher, outcome.replies)
        return facts_events(outcome.facts)


class ActionStartAgain(Action):
    def name(self) -> str:
        return "action_start_again"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = facts_of(tracker)
        outcome = planner().start_again(facts)
        send(dispatcher, outcome.replies)
        # signposted_services keeps what was offered so far (a contract slot), so only
        # the conversation's own facts are cleared.
        return [SlotSet(FACTS_SLOT, outcome.facts.to_slot())]
