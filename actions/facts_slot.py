"""What a conversation has told us so far lives in one slot, `conversation_facts` (with
`signposted_services`, the contract slot of what was offered, kept in step). Every action
reads and writes it here."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from bot.conversation.facts import Facts

FACTS_SLOT = "conversation_facts"


def facts_of(tracker: Tracker) -> Facts:
    return Facts.from_slot(tracker.get_slot(FACTS_SLOT))


def facts_events(facts: Facts) -> list[EventType]:
    return [
        SlotSet(FACTS_SLOT, facts.to_slot()),
        SlotSet("signposted_services", [offer["id"] for offer in facts.offered]),
    ]
