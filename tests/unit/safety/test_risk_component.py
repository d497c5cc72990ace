"""The Rasa component puts the screen's rating into the parse data, and never raises."""

import logging

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.safety import risk_component
from bot.safety.risk_component import ERROR_REASON, RiskScreen


def make_component() -> RiskScreen:
    return RiskScreen.create(RiskScreen.get_default_config(), None, None, None)  # type: ignore[arg-type]


def test_component_sets_risk_on_a_real_message_and_it_reaches_the_output() -> None:
    message = Message(
        data={"text": "my son takes my pension", "intent": {"name": "share", "confidence": 0.7}}
    )
    make_component().process([message])
    output = message.as_dict(only_output_properties=True)
    assert output["risk"]["level"] == "urgent"
    assert output["risk"]["categories"] == ["financial_or_material"]
    assert output["risk"]["reasons"][0]["category"] == "financial_or_material"


def test_component_uses_the_intent_as_the_nlu_signal() -> None:
    message = Message(
        data={"text": "it's not right", "intent": {"name": "disclose_risk", "confidence": 0.97}}
    )
    make_component().process([message])
    assert message.get("risk")["level"] == "concern"


def test_under_nlu_fallback_the_ranking_still_gives_the_signal() -> None:
    message = Message(
        data={
            "text": "it's not right",
            "intent": {"name": "nlu_fallback", "confidence": 0.3},
            "intent_ranking": [
                {"name": "nlu_fallback", "confidence": 0.3},
                {"name": "disclose_risk", "confidence": 0.9},
            ],
        }
    )
    make_component().process([message])
    assert message.get("risk")["level"] == "concern"


def test_component_works_without_an_intent() -> None:
    message = Message(data={"text": "hello"})
    make_component().process([message])
    assert message.get("risk") == {"level": "none", "categories": [], "reasons": [], "check": None}


def test_a_screen_failure_rates_concern_and_logs_only_the_message_id(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(risk_component, "rate", broken)
    message = Message(data={"text": "a private disclosure", "message_id": "abc123"})
    with caplog.at_level(logging.ERROR):
        make_component().process([message])
    risk = message.get("risk")
    assert risk["level"] == "concern"
    assert risk["reasons"][0]["phrase"] == ERROR_REASON
    assert "abc123" in caplog.text
    assert "private disclosure" not in caplog.text


def test_a_rated_message_becomes_disclose_risk_whatever_the_classifier_said() -> None:
    message = Message(data={"text": "he hits me", "intent": {"name": "greet", "confidence": 0.9}})
    make_component().process([message])
    assert message.as_dict(only_output_properties=True)["intent"]["name"] == "disclose_risk"


def test_an_unconfirmed_disclose_risk_guess_falls_back_to_the_next_intent() -> None:
    ranking = [
        {"name": "disclose_risk", "confidence": 0.4},
        {"name": "share_what_matters", "confidence": 0.35},
    ]
    message = Message(
        data={"text": "I love my garden", "intent": ranking[0], "intent_ranking": ranking}
    )
    make_component().process([message])
    assert message.get("risk")["level"] == "none"
    assert message.get("intent")["name"] == "share_what_matters"


def test_a_concern_keeps_the_conversation_going_with_the_classifiers_intent() -> None:
    message = Message(
        data={
            "text": "my mum keeps falling and wont get in the bath",
            "intent": {"name": "share_what_matters", "confidence": 0.8},
        }
    )
    make_component().process([message])
    assert message.get("risk")["level"] == "concern"
    assert message.get("intent")["name"] == "share_what_matters"


def test_an_intent_that_is_not_a_dict_does_not_stop_the_screen() -> None:
    message = Message(data={"text": "he hits me", "intent": "greet"})
    make_component().process([message])
    assert message.get("risk")["level"] in {"urgent", "immediate"}
    assert message.get("intent")["name"] == "disclose_risk"


def test_an_unconfirmed_guess_with_a_weak_runner_up_falls_back_rather_than_guessing() -> None:
    ranking = [
        {"name": "disclose_risk", "confidence": 0.41},
        {"name": "question_carers_assessment", "confidence": 0.23},
    ]
    message = Message(
        data={
            "text": "i'm fine thanks, just wondering about groups",
            "intent": ranking[0],
            "intent_ranking": ranking,
        }
    )
    make_component().process([message])
    assert message.get("risk")["level"] == "none"
    assert message.get("intent")["name"] == "nlu_fallback"
