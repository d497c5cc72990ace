"""Ask when unsure: once per worry, and the answer in any words decides."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.risk_slots import ActionUpdateRisk
from bot.council.profile import load_profile
from bot.safeguarding.respond import check_question
from bot.safety.check import LISTENING_INTENTS, answer_means, level_after
from bot.safety.levels import needs_update
from bot.settings import PROJECT_ROOT


@pytest.mark.parametrize(
    ("reply", "intent", "meaning"),
    [
        ("yes", None, "yes"),
        ("yeah i am if im honest", None, "yes"),
        ("yes, no one else knows", None, "yes"),
        ("sometimes yeah", None, "sometimes"),
        ("he does push me about a bit", None, "yes"),
        ("a bit, now and then", None, "sometimes"),
        ("saturday i am free to bring her. weekday i work", "share_what_matters", "unclear"),
        ("she gets a bit confused with her letters", "share_what_matters", "unclear"),
        ("not really, just tired of it all", None, "unsure"),
        ("no god no, nothing like that", None, "no"),
        ("Nope.", None, "no"),
        ("ok", "affirm", "yes"),
        ("what time does the lunch club start", "question_lunch", "unclear"),
    ],
)
def test_an_answer_in_the_persons_own_words(reply: str, intent: str | None, meaning: str):
    assert answer_means(reply, intent) == meaning


def test_yes_and_sometimes_bring_a_person_the_same_day_a_hedge_offers_one() -> None:
    assert level_after("yes") == level_after("sometimes") == "urgent"
    assert level_after("unsure") == "concern"
    assert level_after("no") == level_after("unclear") == "none"


def test_the_risk_action_runs_for_a_check_or_its_answer_and_not_otherwise() -> None:
    calm = {"level": "none", "categories": [], "reasons": [], "check": None}
    assert not needs_update(calm, check_pending=False)
    assert needs_update(calm, check_pending=True)
    assert needs_update({**calm, "check": "suicide"}, check_pending=False)


def tracker(
    text: str,
    slots: dict[str, Any],
    check: str | None = None,
    intent: str = "share_what_matters",
) -> Tracker:
    risk = {"level": "none", "categories": [], "reasons": [], "check": check}
    latest = {"text": text, "message_id": "m2", "risk": risk, "intent": {"name": intent}}
    events = [{"event": "user", "text": text}]
    return Tracker("someone", slots, latest, events, False, None, {}, "action_listen")


def run(found: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(ActionUpdateRisk().run(CollectingDispatcher(), found, {}))


def test_an_unsure_message_asks_once_per_worry() -> None:
    events = run(tracker("i just want it all to stop", {}, check="suicide"))
    assert SlotSet("risk_check", "asked") in events
    assert SlotSet("risk_checks_asked", ["suicide"]) in events
    again = run(tracker("it all feels pointless", {"risk_checks_asked": ["suicide"]}, "suicide"))
    assert again == [], "the same worry is never asked about twice"


def test_no_check_while_they_answer_how_to_reach_them_or_whether_to_share() -> None:
    for awaiting in ("contact", "consent"):
        slots = {"conversation_facts": {"awaiting": awaiting}}
        assert run(tracker("his number's 0114 496 0659, go ahead", slots, check="harm")) == []


def test_no_check_on_a_reply_of_a_few_words() -> None:
    assert run(tracker("burngreave. S4 7ED", {}, check="suicide")) == []


def test_no_check_once_the_conversation_is_already_serious() -> None:
    assert run(tracker("i want it to stop", {"risk_level": "urgent"}, check="suicide")) == []


def test_sometimes_raises_the_level_and_clears_the_check() -> None:
    slots = {"risk_check": "asked", "risk_checks_asked": ["suicide"]}
    events = run(tracker("sometimes, at night mostly", slots))
    assert SlotSet("risk_check", None) in events
    assert SlotSet("risk_level", "urgent") in events
    assert SlotSet("risk_categories", ["suicide"]) in events
    reasons = next(e["value"] for e in events if e["name"] == "risk_reasons")
    assert reasons[-1]["why"] == "answered the check question"


def test_no_clears_the_check_and_leaves_the_level() -> None:
    slots = {"risk_check": "asked", "risk_checks_asked": ["harm"], "risk_level": "none"}
    events = run(tracker("no, nothing like that, he's lovely", slots))
    assert events == [SlotSet("risk_check", None)]


def test_a_check_waits_for_a_turn_where_the_conversation_goes_on() -> None:
    text = "is there help with bills, i dont see the point"
    question = tracker(text, {}, "suicide", "question_money")
    assert run(question) == [], "a question is answered as asked; a later message may check"


def test_the_listening_intents_are_those_the_rules_send_to_the_conversation() -> None:
    rules = yaml.safe_load((PROJECT_ROOT / "data" / "rules.yml").read_text())["rules"]
    listening = set()
    for rule in rules:
        steps = rule["steps"]
        intents = [s["intent"] for s in steps if "intent" in s]
        intents += [o["intent"] for s in steps for o in s.get("or", []) if "intent" in o]
        if any(s.get("action") == "action_continue_conversation" for s in steps):
            listening.update(intents)
    assert listening | {"disclose_risk"} == LISTENING_INTENTS


def test_the_check_question_asks_about_the_one_written_about() -> None:
    about_him, _ = check_question("suicide", load_profile(), "your father")
    assert about_him[1].startswith("Can I check: has your father talked about ending their life")
    about_self, _ = check_question("suicide", load_profile(), None)
    assert about_self[1] == "Can I check: are you thinking about ending your life?"
