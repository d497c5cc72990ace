"""Make people safe first when the risk screen has raised a level."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import facts_events, planner, send
from actions.session import council_profile
from bot.conversation.facts import Facts
from bot.conversation.planner import Reply
from bot.safeguarding.respond import first_response, say, share_reason
from bot.settings import load_settings


def person_messages(tracker: Tracker) -> list[str]:
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]


class ActionRespondToRisk(Action):
    def name(self) -> str:
        return "action_respond_to_risk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = council_profile()
        level = tracker.get_slot("risk_level") or "none"
        categories = list(tracker.get_slot("risk_categories") or [])
        facts = Facts.from_slot(tracker.get_slot("conversation_facts"))
        text = tracker.latest_message.get("text") or ""
        planner().learn(facts, text)
        if text not in facts.story:
            facts.story.append(text)
        reference = tracker.get_slot("handover_reference")
        if reference:
            send(dispatcher, [Reply(say("already_passed", profile, reference=reference))])
            return facts_events(facts)
        reason = share_reason(level, facts.for_self, person_messages(tracker))
        reply = first_response(level, categories, reason, profile, load_settings().now())
        facts.safeguarding = True
        facts.share_reason = reason
        facts.awaiting = reply.awaiting
        facts.remember(facts.asked, [reply.awaiting])
        facts.told = facts.told + [t for t in reply.told if t not in facts.told]
        replies = [Reply(t) for t in reply.texts[:-1]]
        replies.append(Reply(reply.texts[-1], reply.buttons))
        if reply.awaiting == "contact":
            replies.append(Reply(planner().say("ask_contact", facts)))
        send(dispatcher, replies)
        return facts_events(facts)
