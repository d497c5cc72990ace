"""Conversation 1: listen to what matters and say it back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation.listening import reflect


class ActionReflectWhatMatters(Action):
    def name(self) -> str:
        return "action_reflect_what_matters"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        heard = reflect(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(text=heard.as_text())
        dispatcher.utter_message(text="Is there anything else you would like me to know?")
        return []
