"""action_update_risk merges each message's rating into the slots, never lowering."""

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.risk_slots import ActionUpdateRisk
from bot.safety.screen import screen


def make_tracker(text: str, slots: dict[str, Any], turns: int = 1) -> Tracker:
    latest = {"text": text, "message_id": "m1", "risk": screen(text).as_dict()}
    events = [{"event": "user", "text": "earlier"} for _ in range(turns - 1)]
    events.append({"event": "user", "text": text})
    return Tracker("someone", slots, latest, events, False, None, {}, "action_listen")


def run(tracker: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(ActionUpdateRisk().run(CollectingDispatcher(), tracker, {}))


def test_action_is_named_action_update_risk() -> None:
    assert ActionUpdateRisk().name() == "action_update_risk"


def test_a_first_disclosure_sets_level_categories_and_reasons() -> None:
    events = run(make_tracker("he takes my pension", {}, turns=3))
    assert SlotSet("risk_level", "urgent") in events
    assert SlotSet("risk_categories", ["financial_or_material"]) in events
    reasons = next(e["value"] for e in events if e["name"] == "risk_reasons")
    assert reasons[0]["turn"] == 3
    assert reasons[0]["level"] == "urgent"
    assert reasons[0]["category"] == "financial_or_material"
    assert reasons[0]["why"] == "takes my pension"
    assert reasons[0]["message_id"] == "m1"


def test_the_same_risk_again_adds_only_its_reason_and_an_ordinary_message_nothing() -> None:
    slots = {"risk_level": "urgent", "risk_categories": ["financial_or_material"]}
    again = run(make_tracker("he takes my pension", slots))
    assert [event["name"] for event in again] == ["risk_reasons"]
    assert run(make_tracker("I love the lunch club", slots)) == []


def test_a_lower_rating_never_lowers_the_level_but_adds_its_category() -> None:
    slots = {"risk_level": "immediate", "risk_categories": ["suicide"], "risk_reasons": [{}]}
    events = run(make_tracker("I can't cope", slots))
    assert all(e["name"] != "risk_level" for e in events)
    assert SlotSet("risk_categories", ["emotional_distress", "suicide"]) in events
    reasons = next(e["value"] for e in events if e["name"] == "risk_reasons")
    assert len(reasons) == 2


def test_a_missing_or_malformed_risk_is_ignored() -> None:
    tracker = Tracker("x", {}, {"text": "hi"}, [], False, None, {}, None)
    assert run(tracker) == []
    tracker = Tracker("x", {}, {"text": "hi", "risk": {"level": "bad"}}, [], False, None, {}, None)
    assert run(tracker) == []
