"""Pass the conversation to First Contact: read the tracker, hand over, tell the person."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, ReminderScheduled, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.facts_slot import facts_of
from actions.session import council_profile
from bot.conversation.facts import Facts
from bot.conversation.handover_facts import conversation_facts
from bot.conversation.planner import Reply
from bot.conversation.waiting import due_after_wait
from bot.handover.alerts import alert_unsaved
from bot.handover.policy import DeliveryPolicy
from bot.handover.record import ConversationFacts, Kind, Turn
from bot.handover.service import hand_over, revise
from bot.safeguarding.respond import say, when_text
from bot.safety.levels import rank
from bot.settings import load_settings

logger = logging.getLogger(__name__)
# Rasa marks a message it made itself (a reminder firing) with this; it is not the person.
EXTERNAL = "is_external"
DUE_INTENT = "EXTERNAL_handover_due"


def from_the_person(event: dict[str, Any]) -> bool:
    return event.get("event") == "user" and not (event.get("metadata") or {}).get(EXTERNAL)


def transcript(tracker: Tracker) -> list[Turn]:
    """Every line of the conversation as the person saw it; cards by their name."""
    turns = []
    for event in tracker.events:
        at = datetime.fromtimestamp(event.get("timestamp") or 0, timezone.utc)
        if from_the_person(event) and event.get("text"):
            turns.append(Turn("person", event["text"], at))
        elif event.get("event") == "bot":
            custom = (event.get("data") or {}).get("custom") or {}
            text = event.get("text") or (f"Suggested: {custom['name']}" if "name" in custom else "")
            if text:
                turns.append(Turn("assistant", text, at))
    return turns


def started_at(tracker: Tracker) -> datetime | None:
    for event in tracker.events:
        if event.get("timestamp"):
            return datetime.fromtimestamp(event["timestamp"], timezone.utc)
    return None


def record_facts(tracker: Tracker, facts: Facts, kind: Kind) -> ConversationFacts:
    """Everything a hand-over carries, from the conversation so far. Built in a worker
    thread: choosing what to quote rates sentences with the risk classifier, which must not
    hold up other conversations' turns."""
    risk = {
        name: tracker.get_slot(name) for name in ("risk_level", "risk_categories", "risk_reasons")
    }
    return conversation_facts(
        tracker.sender_id, kind, transcript(tracker), facts, risk, started_at(tracker)
    )


async def keep_handover_current(tracker: Tracker, facts: Facts) -> None:
    """Once a hand-over is made, what the person says next goes to First Contact too: the
    same hand-over is sent again with the whole conversation, so the worker who rings
    knows all of it. A failure here is logged; the hand-over already made stands."""
    reference = tracker.get_slot("handover_reference")
    if not reference:
        return
    serious = rank(tracker.get_slot("risk_level") or "none") >= rank("urgent")
    kind: Kind = "safeguarding" if serious or facts.safeguarding else "call_back"
    try:
        await asyncio.to_thread(
            lambda: revise(reference, record_facts(tracker, facts, kind), load_settings())
        )
    except Exception as error:
        logger.error("hand-over %s could not be revised: %s", reference, type(error).__name__)


async def pass_on(
    tracker: Tracker, facts: Facts, kind: Kind
) -> tuple[list[Reply], list[EventType]]:
    """Hand over and say so honestly; if it cannot be saved, give the numbers to call."""
    profile = council_profile()
    level = tracker.get_slot("risk_level") or "none"
    settings = load_settings()
    try:
        handed = await asyncio.to_thread(
            lambda: hand_over(record_facts(tracker, facts, kind), settings)
        )
    except Exception as error:
        # The person must never be left thinking someone will call when no one will.
        logger.error(
            "hand-over failed for conversation %s: %s", tracker.sender_id, type(error).__name__
        )
        await asyncio.to_thread(
            alert_unsaved, settings.alert_webhook_url, tracker.sender_id, DeliveryPolicy()
        )
        return [Reply(say("handover_failed", profile))], []
    logger.info("hand-over %s saved for conversation %s", handed.reference, tracker.sender_id)
    if facts.reachable:
        back = when_text(profile, level, settings.now())
        text = say("handover_done", profile, reference=handed.reference, when_back=back)
    else:
        text = say("handover_anonymous", profile, reference=handed.reference)
    return [Reply(text)], [SlotSet("handover_reference", handed.reference)]


def hand_over_later(conversation_id: str, seconds: float) -> EventType:
    """Ask Rasa to run action_hand_over_when_due after `seconds`. It is not cancelled by
    the person writing: the action itself waits on while they are still talking. Rasa
    keys its reminders by name alone across all conversations, so the name carries the
    conversation: one per conversation, a new one replacing the old."""
    at = datetime.now(timezone.utc) + timedelta(seconds=seconds)
    name = f"handover_due_{conversation_id}"
    return ReminderScheduled(DUE_INTENT, at, name=name, kill_on_user_message=False)


class ActionHandOverWhenDue(Action):
    """The hand-over a person never answered about, after they have gone quiet."""

    def name(self) -> str:
        return "action_hand_over_when_due"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = facts_of(tracker)
        level = tracker.get_slot("risk_level") or "none"
        if not due_after_wait(facts, level, bool(tracker.get_slot("handover_reference"))):
            return []
        wait = load_settings().handover_wait_seconds
        spoke = [e.get("timestamp") or 0.0 for e in tracker.events if from_the_person(e)]
        quiet_for = time.time() - max(spoke, default=0.0)
        if quiet_for < wait:
            return [hand_over_later(tracker.sender_id, wait - quiet_for)]
        # Nobody is waiting for a reply: the person sees the reference on their next message.
        _, events = await pass_on(tracker, facts, "safeguarding")
        return events
