"""The guide actions start a guide from its intent and take each answer from the form's
slot, keeping where the guide has got to in `guide_state`."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.guides import DONE, ActionStartGuide, ValidateGuideForm


def tracker(slots: dict, latest: dict) -> Tracker:
    return Tracker("someone", slots, latest, [], False, None, {}, "action_listen")


def run(action, slots: dict, latest: dict) -> tuple[list, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(slots, latest), {}))
    return events, dispatcher.messages


def slots_from(events: list) -> dict:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


def test_starting_a_guide_sends_the_intro_and_first_question_with_buttons():
    latest = {"text": "equipment finder", "intent": {"name": "start_equipment_finder"}}
    events, messages = run(ActionStartGuide(), {}, latest)
    assert slots_from(events)["guide_state"]["step"] == "task"
    assert slots_from(events)["guide_reply"] is None
    assert messages[1]["text"] == "Which task is hardest at the moment?"
    assert messages[1]["buttons"][0] == {
        "title": "Getting in and out of the bath",
        "payload": "Getting in and out of the bath",
    }


def test_an_unknown_intent_starts_nothing_and_ends_the_form():
    events, messages = run(ActionStartGuide(), {}, {"intent": {"name": "greet"}})
    assert events == [SlotSet("guide_state", None), SlotSet("guide_reply", DONE)]
    assert messages == []


def test_each_answer_moves_the_guide_on_until_its_page_is_sent_and_the_form_ends():
    latest = {"intent": {"name": "start_what_matters_page"}}
    events, _ = run(ActionStartGuide(), {}, latest)
    slots = slots_from(events)
    for text in ("Peggy", "Face me", "My garden", "Sunshine", "Noise"):
        events, messages = run(ValidateGuideForm(), {**slots, "guide_reply": text}, {"text": text})
        slots = slots_from(events)
        assert slots["guide_reply"] is None
    events, messages = run(ValidateGuideForm(), {**slots, "guide_reply": "Sue"}, {"text": "Sue"})
    assert slots_from(events) == {"guide_state": None, "guide_reply": DONE}
    assert "Please call me: Peggy" in messages[0]["text"]
    assert "Who to talk to about me: Sue" in messages[0]["text"]


def test_the_form_check_with_no_new_answer_changes_nothing():
    events, messages = run(ValidateGuideForm(), {"guide_reply": None}, {"text": "hi"})
    assert (events, messages) == ([], [])
