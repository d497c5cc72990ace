"""The team chat hears of each new urgent or immediate hand-over once, by reference only;
a webhook that fails never costs a hand-over. And cookies are Secure in production."""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.launcher import free_port
from tests.integration.handover.conftest import stop, wait_for
from tests.integration.inbox.conftest import (
    EMAIL,
    PASSWORD,
    InboxApp,
    TeamChat,
    Worker,
    csrf_token,
    start_inbox_app,
)
from tests.unit.handover.factories import anonymous_facts, call_back_facts, record


@pytest.fixture
def alerting_app(tmp_path: Path, team_chat: TeamChat) -> Iterator[InboxApp]:
    app = start_inbox_app(tmp_path, INBOX_WEBHOOK_URL=team_chat.url)
    yield app
    stop(app.process)


def test_a_new_urgent_hand_over_is_posted_to_the_team_chat_once_and_a_call_back_is_not(
    alerting_app: InboxApp, team_chat: TeamChat
):
    urgent, immediate = record(), record(anonymous_facts())
    for built in (record(call_back_facts()), urgent, immediate):
        assert alerting_app.post_handover(built).status_code == 201
    wait_for(lambda: len(team_chat.posts) >= 2, "two webhook posts")
    assert alerting_app.post_handover(urgent).status_code == 200  # a retry, not a new case
    time.sleep(1.5)  # several more sweeps (every 0.3 s), none of which may post again
    assert sorted(post["reference"] for post in team_chat.posts) == sorted(
        [urgent["reference"], immediate["reference"]]
    )
    assert alerting_app.log().count("inbox webhook sent") == 2
    for post in team_chat.posts:
        assert post["text"].endswith(f"/first-contact/handovers/{post['reference']}")
        assert "mum" not in post["text"] and "floor" not in post["text"]


def test_a_webhook_that_cannot_be_reached_loses_no_hand_over(tmp_path: Path):
    app = start_inbox_app(tmp_path, INBOX_WEBHOOK_URL=f"http://127.0.0.1:{free_port()}/hook")
    try:
        built = record()
        assert app.post_handover(built).status_code == 201
        wait_for(lambda: "inbox webhook failed" in app.log(), "the failed webhook to be logged")
        worker = Worker(app)
        worker.log_in()
        assert worker.get("/inbox.json").json()["items"][0]["reference"] == built["reference"]
        assert built["in_their_words"][0] not in app.log()
    finally:
        stop(app.process)


def test_in_production_the_session_cookie_is_only_sent_over_https(tmp_path: Path):
    secrets = {
        name: f"{name.lower()}-long-enough-for-production"
        for name in ("RASA_TOKEN", "FIRST_CONTACT_TOKEN", "SESSION_SECRET")
    }
    app = start_inbox_app(tmp_path, APP_ENV="production", **secrets)
    try:
        form = requests.get(f"{app.inbox}/login", timeout=5)
        assert "Secure" in form.headers["Set-Cookie"].split("; ")
        # Sent by hand: a client keeps Secure cookies for HTTPS, and this test app is HTTP.
        nonce = form.cookies["fc_login"]
        reply = requests.post(
            f"{app.inbox}/login",
            data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf_token(form.text)},
            headers={"Cookie": f"fc_login={nonce}"},
            allow_redirects=False,
            timeout=10,
        )
        assert reply.status_code == 303
        cookie = next(c for c in reply.raw.headers.getlist("Set-Cookie") if "fc_session=" in c)
        assert "Secure" in cookie.split("; ")
    finally:
        stop(app.process)
