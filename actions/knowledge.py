"""Answer a question from the knowledge base: a thin adapter over bot.knowledge.respond.

The answer comes from the knowledge base at run time, not the domain's copy of it, so a
council's own profile (COUNCIL_PROFILE) fills the number without retraining, and the
answer, next step and link arrive as separate, short messages. The way back is the
conversation's own "anything else?", in words not used yet in this conversation.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import planner, send
from actions.facts_slot import facts_events, facts_of
from actions.handover import keep_handover_current
from actions.session import council_profile
from bot.knowledge.respond import respond


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        facts = facts_of(tracker)
        # A question inside a story: answer it, and keep what the story told us too.
        planner().hear(facts, tracker.latest_message.get("text") or "")
        way_back = partial(planner().say_fresh, "ask_anything_else", facts)
        replies = respond(tracker.latest_message, council_profile(), way_back)
        if not replies:
            return [FollowupAction("action_continue_conversation")]
        await keep_handover_current(tracker, facts)
        send(dispatcher, replies)
        return facts_events(facts)
