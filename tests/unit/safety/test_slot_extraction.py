"""action_extract_slots calls action_update_risk only for a message rated above `none`,
and gets back what the action server says when it does."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.safety import slot_extraction
from bot.safety.levels import raises_concern
from bot.safety.screen import screen
from tests.local_server import serving

CUSTOM = {"type": "custom", "action": "action_update_risk"}
DOMAIN = Domain.from_dict(
    {
        "actions": ["action_update_risk", "action_other"],
        "slots": {
            "risk_level": {"type": "text", "mappings": [CUSTOM]},
            "risk_reasons": {"type": "any", "mappings": [CUSTOM]},
            "other": {"type": "text", "mappings": [{"type": "custom", "action": "action_other"}]},
        },
    }
)


async def extract(text: str) -> tuple[list, list[str]]:
    """Run action_extract_slots on one rated message against a real local HTTP server
    standing in for the action server; return its events and the actions called."""
    called: list[str] = []

    async def webhook(request: web.Request) -> web.Response:
        action = (await request.json())["next_action"]
        called.append(action)
        slot = "risk_level" if action == "action_update_risk" else "other"
        return web.json_response({"events": [{"event": "slot", "name": slot, "value": "x"}]})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    async with serving(app) as action_server:
        endpoint = EndpointConfig(url=f"{action_server}/webhook")
        tracker = DialogueStateTracker.from_events("p1", [], DOMAIN.slots)
        parse = {"intent": {"name": "share_what_matters"}, "risk": screen(text).as_dict()}
        tracker.update(UserUttered(text, parse_data=parse))
        events = await ActionExtractSlots(endpoint).run(
            CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, DOMAIN
        )
    return events, called


@pytest.fixture(autouse=True)
def patched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        ActionExtractSlots, "_execute_custom_action", slot_extraction._run_mapping_action
    )
    slot_extraction.update_risk_only_when_rated()


def test_a_message_rated_none_is_not_sent_for_the_risk_merge() -> None:
    events, called = asyncio.run(extract("i used to love gardening"))
    assert called == ["action_other"]
    assert events == [SlotSet("other", "x")]


def test_a_rated_message_is_sent_and_its_slots_come_back() -> None:
    events, called = asyncio.run(extract("he takes my pension"))
    assert called == ["action_update_risk", "action_other"]
    assert SlotSet("risk_level", "x") in events


@pytest.mark.parametrize(
    ("risk", "rated"),
    [
        ({"level": "concern"}, True),
        ({"level": "immediate"}, True),
        ({"level": "none"}, False),
        ({"level": "unheard of"}, False),
        ({}, False),
        (None, False),
        ("urgent", False),
    ],
)
def test_only_a_level_above_none_raises_concern(risk: Any, rated: bool) -> None:
    assert raises_concern(risk) is rated
