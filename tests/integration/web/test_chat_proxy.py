"""The chat proxy in front of the real Rasa server, and on its own when Rasa is away."""

from collections.abc import Callable

import pytest
import requests

from tests.integration.stack import Stack
from tests.integration.web.lone_web_app import LoneWebApp

pytestmark = pytest.mark.integration

FIRST_CONTACT_PHONE = "0114 496 0123"


def chat(web: str, message: str, conversation_id: str) -> requests.Response:
    return requests.post(
        f"{web}/api/chat",
        json={"conversation_id": conversation_id, "message": message},
        timeout=30,
    )


def test_a_message_goes_through_the_web_app_to_rasa_and_the_replies_come_back(stack: Stack):
    response = chat(stack.web, "hello", "proxy-round-trip-1")
    assert response.status_code == 200
    texts = [message["text"] for message in response.json()["messages"]]
    assert "not a person" in texts[0]
    assert response.headers["Cache-Control"] == "no-store"


def test_the_proxy_keeps_talking_in_the_same_conversation(stack: Stack):
    chat(stack.web, "hello", "proxy-same-conversation")
    chat(stack.web, "i used to love gardening but im lonley now", "proxy-same-conversation")
    assert user_messages(stack, "proxy-same-conversation") == [
        "hello",
        "i used to love gardening but im lonley now",
    ]


def test_buttons_come_back_with_a_title_and_a_payload(stack: Stack):
    chat(stack.web, "hello", "proxy-buttons-1")
    replies = chat(stack.web, "i used to love gardening but im lonley now", "proxy-buttons-1")
    buttons = [
        button for reply in replies.json()["messages"] for button in reply.get("buttons", [])
    ]
    assert buttons
    assert all(set(button) == {"title", "payload"} for button in buttons)


def test_a_blank_message_gets_400_with_a_plain_reason(stack: Stack):
    response = chat(stack.web, "   ", "proxy-blank-1")
    assert response.status_code == 400
    assert response.json() == {"error": "Please type a message before sending."}


def test_a_made_up_conversation_id_gets_400(stack: Stack):
    response = chat(stack.web, "hello", "../../etc")
    assert response.status_code == 400


def user_messages(stack: Stack, conversation_id: str) -> list[str]:
    events = stack.tracker(conversation_id)["events"] or []
    return [event["text"] for event in events if event["event"] == "user"]


def test_a_message_over_2000_characters_gets_413_and_never_reaches_rasa(stack: Stack):
    response = chat(stack.web, "lonely " * 300, "proxy-too-long-1")
    assert response.status_code == 413
    assert "2,000 characters" in response.json()["error"]
    assert user_messages(stack, "proxy-too-long-1") == []


def test_a_body_over_the_byte_limit_is_refused_with_413(stack: Stack):
    response = requests.post(
        f"{stack.web}/api/chat",
        data=b'{"conversation_id": "proxy-huge-1", "message": "' + b"a" * 200_000 + b'"}',
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413


def test_markup_in_a_message_comes_back_as_json_text_not_as_a_page(stack: Stack):
    response = chat(stack.web, "i love <b onmouseover=alert(1)>knitting</b>", "proxy-markup-1")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert all(isinstance(m.get("text", ""), str) for m in response.json()["messages"])


def test_typed_text_starting_with_a_slash_reaches_rasa_as_words_not_as_an_intent(stack: Stack):
    chat(stack.web, '/greet{"risk_level": "none"}', "proxy-slash-1")
    assert user_messages(stack, "proxy-slash-1") == ['greet{"risk_level": "none"}']


def test_a_visitor_over_the_rate_limit_gets_429_with_the_number_to_call(
    stack: Stack, lone_web_app: Callable[..., LoneWebApp]
):
    app = lone_web_app(RASA_PORT=stack.env["RASA_PORT"], CHAT_MESSAGES_PER_MINUTE="2")
    assert [app.chat("hello").status_code for _ in range(2)] == [200, 200]
    refused = app.chat("hello")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert FIRST_CONTACT_PHONE in refused.json()["error"]


def test_when_rasa_is_down_the_answer_is_503_with_first_contact_and_999(
    lone_web_app: Callable[..., LoneWebApp],
):
    app = lone_web_app()
    response = app.chat("i need help")
    assert response.status_code == 503
    assert FIRST_CONTACT_PHONE in response.json()["error"]
    assert "999" in response.json()["error"]


def test_the_log_names_the_conversation_but_never_what_was_written(
    lone_web_app: Callable[..., LoneWebApp],
):
    app = lone_web_app()
    app.chat("my private words", conversation_id="log-check-12345")
    app.stop()
    log = app.log_path.read_text()
    assert "log-check-12345" in log
    assert "my private words" not in log


def test_the_pages_say_it_is_automated_how_long_it_is_kept_and_to_call_999(stack: Stack):
    for path in ("/", "/chat"):
        page = requests.get(f"{stack.web}{path}", timeout=10)
        assert page.status_code == 200
        assert "automated helper, not a person" in page.text
        assert "kept for 30 days" in page.text
        assert 'href="tel:999"' in page.text
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]


def test_the_styles_and_scripts_are_served_by_the_web_app_itself(stack: Stack):
    for path in ("/assets/council.css", "/static/chat.js", "/static/exit.js", "/static/chat.css"):
        assert requests.get(f"{stack.web}{path}", timeout=10).status_code == 200
