"""Requests without valid credentials, tried on the system as the launcher runs it.

tests/integration/handover and tests/integration/inbox check the reasons given, on the
receiver and the inbox alone; here each way in is tried against the real wiring (the
secrets the launcher hands out, every blueprint mounted, Rasa's HTTP API), with the
forgeries those tests leave out: a body changed after signing, a signature from the
future, a replay inside the five minutes, a made-up session cookie, a right token in the
wrong place, and one service's token used on another."""

from __future__ import annotations

import time

import pytest
import requests

from bot.handover.outbox import body_of
from bot.handover.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signed_headers
from bot.settings import load_settings
from tests.integration.stack import Stack
from tests.unit.handover.factories import record, safeguarding_facts

pytestmark = pytest.mark.integration


def secret(stack: Stack) -> str:
    return load_settings(stack.env).handover_signing_secret


def post_handover(stack: Stack, body: bytes, headers: dict[str, str]) -> requests.Response:
    return requests.post(f"{stack.web}/api/handovers", data=body, headers=headers, timeout=10)


def received(stack: Stack, reference: str) -> bool:
    return any(item["reference"] == reference for item in stack.handovers())


def forged(stack: Stack, how: str, body: bytes, key: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one forgery of a signed hand-over post."""
    now = time.time()
    if how == "unsigned":
        return body, {"Content-Type": "application/json", "Idempotency-Key": key}
    if how == "signed with another secret":
        return body, signed_headers("a-guessed-secret", body, key, now)
    if how == "signed with an empty secret":
        return body, signed_headers("", body, key, now)
    if how == "body changed after signing":
        headers = signed_headers(secret(stack), body, key, now)
        return body.replace(b'"urgent"', b'"none"'), headers
    if how == "signed ten minutes ago":
        return body, signed_headers(secret(stack), body, key, now - 600)
    if how == "signed ten minutes from now":
        return body, signed_headers(secret(stack), body, key, now + 600)
    if how == "timestamp that is not a number":
        headers = signed_headers(secret(stack), body, key, now)
        return body, {**headers, TIMESTAMP_HEADER: "yesterday"}
    if how == "signature that is not hex":
        headers = signed_headers(secret(stack), body, key, now)
        return body, {**headers, SIGNATURE_HEADER: "sha256=\u00e9\u00e9"}
    raise ValueError(how)


FORGERIES = [
    "unsigned",
    "signed with another secret",
    "signed with an empty secret",
    "body changed after signing",
    "signed ten minutes ago",
    "signed ten minutes from now",
    "timestamp that is not a number",
    "signature that is not hex",
]


@pytest.mark.parametrize("how", FORGERIES)
def test_a_forged_hand_over_is_refused_and_the_same_one_signed_is_taken(stack: Stack, how: str):
    built = record(safeguarding_facts(conversation_id=f"abuse-forged-{FORGERIES.index(how)}"))
    body, key = body_of(built).encode(), built["idempotency_key"]

    refused = post_handover(stack, *forged(stack, how, body, key))
    assert refused.status_code == 401
    assert refused.json()["error"] == "unauthorised"
    assert not received(stack, built["reference"])

    signed = post_handover(stack, body, signed_headers(secret(stack), body, key, time.time()))
    assert signed.status_code == 201
    assert received(stack, built["reference"])


def test_a_signed_hand_over_replayed_within_five_minutes_is_not_a_second_case(stack: Stack):
    built = record(safeguarding_facts(conversation_id="abuse-replayed-1"))
    body = body_of(built).encode()
    headers = signed_headers(secret(stack), body, built["idempotency_key"], time.time())
    first, replayed = post_handover(stack, body, headers), post_handover(stack, body, headers)
    assert (first.status_code, replayed.status_code) == (201, 200)
    assert replayed.json() == {"reference": built["reference"], "duplicate": True}
    references = [item["reference"] for item in stack.handovers()]
    assert references.count(built["reference"]) == 1


def web_credentials(stack: Stack) -> dict[str, dict]:
    token = stack.env["FIRST_CONTACT_TOKEN"]
    return {
        "none": {},
        "a wrong token": {"headers": {"Authorization": "Bearer not-the-token"}},
        "the token without Bearer": {"headers": {"Authorization": token}},
        "the token in the query string": {"params": {"token": token}},
        "Rasa's token": {"headers": {"Authorization": f"Bearer {stack.env['RASA_TOKEN']}"}},
        "a made-up session cookie": {"cookies": {"fc_session": "made-up-session-value"}},
    }


WEB_CREDENTIALS = [
    "none",
    "a wrong token",
    "the token without Bearer",
    "the token in the query string",
    "Rasa's token",
    "a made-up session cookie",
]


@pytest.mark.parametrize("credentials", WEB_CREDENTIALS)
@pytest.mark.parametrize(
    "path", ["/api/handovers", "/api/handovers/FC-AAAA-AAAA", "/first-contact/inbox.json"]
)
def test_the_hand_over_api_and_the_inbox_json_refuse_without_valid_credentials(
    stack: Stack, path: str, credentials: str
):
    response = requests.get(f"{stack.web}{path}", timeout=10, **web_credentials(stack)[credentials])
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorised"


@pytest.mark.parametrize(
    "path", ["/first-contact/", "/first-contact/handovers/FC-AAAA-AAAA", "/first-contact/stats"]
)
def test_inbox_pages_send_anyone_without_a_real_session_to_sign_in(stack: Stack, path: str):
    for session in ({}, {"fc_session": "made-up-session-value"}):
        response = requests.get(f"{stack.web}{path}", cookies=session, timeout=10)
        assert response.url.endswith("/first-contact/login")
        assert "Sign in" in response.text


def test_an_inbox_form_posted_without_a_session_changes_nothing(stack: Stack):
    built = record(safeguarding_facts(conversation_id="abuse-claim-1"))
    body = body_of(built).encode()
    headers = signed_headers(secret(stack), body, built["idempotency_key"], time.time())
    assert post_handover(stack, body, headers).status_code == 201
    response = requests.post(
        f"{stack.web}/first-contact/handovers/{built['reference']}/claim",
        data={"csrf_token": "guessed"},
        cookies={"fc_session": "made-up-session-value"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/first-contact/login"
    assert stack.handover(built["reference"])["state"] == "new"


RASA_API = [
    ("GET", "/status"),
    ("GET", "/domain"),
    ("GET", "/conversations/abuse-api-1/tracker"),
    ("GET", "/conversations/abuse-api-1/story"),
    ("POST", "/conversations/abuse-api-1/messages"),
    ("POST", "/conversations/abuse-api-1/tracker/events"),
    ("PUT", "/conversations/abuse-api-1/tracker/events"),
    ("POST", "/conversations/abuse-api-1/trigger_intent"),
    ("POST", "/conversations/abuse-api-1/execute"),
    ("POST", "/conversations/abuse-api-1/predict"),
    ("POST", "/model/parse"),
    ("PUT", "/model"),
    ("DELETE", "/model"),
]


@pytest.mark.parametrize(
    "credentials",
    ["none", "a wrong token", "First Contact's token", "the token as a Bearer header"],
)
@pytest.mark.parametrize(("method", "path"), RASA_API, ids=[" ".join(e) for e in RASA_API])
def test_rasas_http_api_refuses_without_its_token(
    stack: Stack, method: str, path: str, credentials: str
):
    token = stack.env["RASA_TOKEN"]
    ways = {
        "none": {},
        "a wrong token": {"params": {"token": "not-the-token"}},
        "First Contact's token": {"params": {"token": stack.env["FIRST_CONTACT_TOKEN"]}},
        "the token as a Bearer header": {"headers": {"Authorization": f"Bearer {token}"}},
    }
    response = requests.request(
        method, f"{stack.rasa}{path}", json={"text": "hello"}, timeout=10, **ways[credentials]
    )
    assert response.status_code == 401


def test_after_the_refused_api_calls_the_model_is_still_loaded(stack: Stack):
    assert stack.say("abuse-api-after", "hello")
    assert stack.tracker("abuse-api-after")["events"]
