"""Make people safe first when the risk screen has raised a level or is unsure; the action
most turns go to, which puts safety first when a level rose without a response."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import continue_conversation, planner, send
from actions.facts_slot import facts_events, facts_of
from actions.handover import from_the_person, hand_over_later, keep_handover_current, pass_on
from actions.session import council_profile
from bot.conversation.facts import MIN_WORDS_TO_SEARCH_ON, Facts
from bot.conversation.planner import Reply
from bot.safeguarding.respond import check_question, first_response, say, share_reason
from bot.safety.check import ASKED, CHECK_SLOT, CHECKS_ASKED_SLOT
from bot.safety.levels import rank
from bot.settings import load_settings


def person_messages(tracker: Tracker) -> list[str]:
    return [e.get("text") or "" for e in tracker.events if from_the_person(e)]


def about_whom(facts: Facts) -> str | None:
    """Whom a reflection speaks of: None for the writer, "your mum", or "" if unclear."""
    if facts.for_self:
        return None
    return facts.who if facts.for_self is False and facts.relationship else ""


def responded_at(level: str) -> str:
    """What `facts.asked` remembers once the safety response for `level` was given."""
    return f"risk_{level}"


async def respond_to_risk(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Safety first: the check question when unsure, the safety response once per rise in
    level, and otherwise back to listening (concern never blocks the conversation)."""
    profile = council_profile()
    facts = facts_of(tracker)
    text = tracker.latest_message.get("text") or ""
    if tracker.get_slot(CHECK_SLOT) == ASKED:  # asked for on this very message
        kind = list(tracker.get_slot(CHECKS_ASKED_SLOT) or ["harm"])[-1]
        texts, buttons = check_question(kind, profile, about_whom(facts))
        send(dispatcher, [Reply(texts[0]), Reply(texts[1], buttons)])
        # The check comes first, but the rest of the message is still heard.
        planner().hear(facts, text)
        await keep_handover_current(tracker, facts)
        return facts_events(facts)
    level = tracker.get_slot("risk_level") or "none"
    below_urgent = rank(level) < rank("urgent")
    if level == "none" or responded_at(level) in facts.asked:
        # Said once per level: after that the person is listened to, not nagged.
        return await continue_conversation(dispatcher, tracker)
    categories = list(tracker.get_slot("risk_categories") or [])
    planner().hear(facts, text)
    # What raised the risk is part of the story even when short ("he hits her"); a bare
    # answer to the check question ("sometimes") is not, or offers are searched on it.
    if text not in facts.story and len(text.split()) >= MIN_WORDS_TO_SEARCH_ON:
        facts.story.append(text)
    reference = tracker.get_slot("handover_reference")
    if reference:
        # The level rose after the hand-over: First Contact gets it with the new level.
        await keep_handover_current(tracker, facts)
        send(dispatcher, [Reply(say("already_passed", profile, reference=reference))])
        return facts_events(facts)
    reason = share_reason(level, facts.for_self, person_messages(tracker))
    reply = first_response(
        level,
        categories,
        reason,
        profile,
        load_settings().now(),
        who=about_whom(facts),
        consent=facts.consent,
        asked_before="consent" in facts.asked,
    )
    facts.safeguarding = True
    facts.share_reason = reason
    facts.awaiting = reply.awaiting
    contact_asked = "contact" in facts.asked
    facts.remember(facts.asked, [reply.awaiting, responded_at(level)])
    facts.told = facts.told + [t for t in reply.told if t not in facts.told]
    replies = [Reply(t) for t in reply.texts[:-1]]
    replies.append(Reply(reply.texts[-1], reply.buttons))
    if reply.awaiting == "contact" and facts.reachable:
        # They already said how to reach them: pass it on now rather than ask again.
        facts.awaiting = None
        handed, events = await pass_on(tracker, facts, "safeguarding")
        send(dispatcher, replies + handed)
        return [*facts_events(facts), *events]
    if reply.awaiting == "contact" and not contact_asked:
        replies.append(Reply(planner().say("ask_contact", facts)))
    send(dispatcher, replies)
    if below_urgent:
        return facts_events(facts)
    # Should the person go quiet before it is made, the hand-over goes after a wait.
    wait = load_settings().handover_wait_seconds
    return [*facts_events(facts), hand_over_later(tracker.sender_id, wait)]


class ActionRespondToRisk(Action):
    def name(self) -> str:
        return "action_respond_to_risk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return await respond_to_risk(dispatcher, tracker)


class ActionContinueConversation(Action):
    """Where most turns go. A check question asked for on this message is asked here; a
    level that rose to urgent or immediate without a safety response (an answer to a check
    question, say) gets one first: the hand-over never depends on the person pressing a
    particular button."""

    def name(self) -> str:
        return "action_continue_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        level = tracker.get_slot("risk_level") or "none"
        facts = facts_of(tracker)
        check_due = tracker.get_slot(CHECK_SLOT) == ASKED  # asked for on this message
        raised = rank(level) >= rank("urgent") and responded_at(level) not in facts.asked
        if check_due or raised:
            return await respond_to_risk(dispatcher, tracker)
        return await continue_conversation(dispatcher, tracker)
