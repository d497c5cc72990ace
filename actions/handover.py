"""Pass the conversation to First Contact: read the tracker, hand over, tell the person."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.session import council_profile
from bot.conversation.facts import Facts
from bot.conversation.handover_facts import conversation_facts
from bot.conversation.planner import Reply
from bot.handover.alerts import alert_unsaved
from bot.handover.policy import DeliveryPolicy
from bot.handover.record import Kind, Turn
from bot.handover.service import hand_over
from bot.safeguarding.respond import say, when_text
from bot.settings import load_settings

logger = logging.getLogger(__name__)


def transcript(tracker: Tracker) -> list[Turn]:
    """Every line of the conversation as the person saw it; cards by their name."""
    turns = []
    for event in tracker.events:
        at = datetime.fromtimestamp(event.get("timestamp") or 0, timezone.utc)
        if event.get("event") == "user" and event.get("text"):
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


async def pass_on(
    tracker: Tracker, facts: Facts, kind: Kind
) -> tuple[list[Reply], list[EventType]]:
    """Hand over and say so honestly; if it cannot be saved, give the numbers to call."""
    profile = council_profile()
    risk = {
        name: tracker.get_slot(name) for name in ("risk_level", "risk_categories", "risk_reasons")
    }
    level = risk["risk_level"] or "none"
    record_facts = conversation_facts(
        tracker.sender_id, kind, transcript(tracker), facts, risk, started_at(tracker)
    )
    settings = load_settings()
    try:
        handed = await asyncio.to_thread(hand_over, record_facts, settings)
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
    has_contact = bool(facts.contact.get("phone") or facts.contact.get("email"))
    if has_contact:
        back = when_text(profile, level, settings.now())
        text = say("handover_done", profile, reference=handed.reference, when_back=back)
    else:
        text = say("handover_anonymous", profile, reference=handed.reference)
    return [Reply(text)], [SlotSet("handover_reference", handed.reference)]
