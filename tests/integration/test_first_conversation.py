"""A first real conversation through NLU, dialogue policies and a custom action."""

import requests

from tests.integration.stack import Stack


def texts(replies: list[dict]) -> list[str]:
    return [reply["text"] for reply in replies if "text" in reply]


def test_greeting_asks_what_matters_and_says_it_is_not_a_person(stack: Stack):
    replies = texts(stack.say("first-1", "hiya"))
    assert "not a person" in replies[0]
    assert "Sheffield City Council (sample)" in replies[0]
    assert replies[-1].startswith("What matters most to you")


def test_the_reply_shows_it_listened_then_goodbye_gives_the_number(stack: Stack):
    stack.say("first-2", "hello")
    heard = texts(stack.say("first-2", "i used to love gardening but since my wife died im lonley"))
    assert "gardening really matters to you" in heard[0]
    assert "feeling lonely" in heard[0]
    goodbye = texts(stack.say("first-2", "thanks, bye for now"))
    assert any("0114 496 0123" in text for text in goodbye)


def test_every_tracker_carries_the_contract_slots(stack: Stack):
    stack.say("first-3", "hello")
    slots = stack.tracker("first-3")["slots"]
    assert slots["risk_level"] == "none"
    assert slots["risk_categories"] == []
    assert slots["handover_reference"] is None
    assert slots["signposted_services"] == []


def test_the_rasa_http_api_refuses_a_request_without_the_token(stack: Stack):
    response = requests.get(f"{stack.rasa}/conversations/first-4/tracker", timeout=10)
    assert response.status_code == 401


def test_health_check_answers_ok_when_every_part_is_up(stack: Stack):
    response = requests.get(f"{stack.web}/healthz", timeout=10)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "rasa": "ok", "actions": "ok"}


def test_the_home_page_gives_the_number_and_999(stack: Stack):
    page = requests.get(f"{stack.web}/", timeout=10).text
    assert 'href="tel:01144960123"' in page
    assert 'href="tel:999"' in page
