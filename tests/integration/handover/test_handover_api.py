"""First Contact's hand-over API over HTTP: signed posts in, bearer-token reads out."""

import time

import pytest
import requests

from bot.handover.outbox import body_of
from bot.handover.signing import signed_headers
from tests.integration.handover.conftest import SECRET, TOKEN
from tests.unit.handover.factories import call_back_facts, record, safeguarding_facts

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def send(url: str, built: dict, secret: str = SECRET, signed_at: float | None = None):
    body = body_of(built).encode()
    sent = time.time() if signed_at is None else signed_at
    headers = signed_headers(secret, body, built["idempotency_key"], sent)
    return requests.post(url, data=body, headers=headers, timeout=5)


@pytest.fixture
def receiver(services) -> str:
    services.start_receiver()
    return services.receiver_url


def test_a_posted_hand_over_is_stored_and_a_repeat_is_not_a_second_case(receiver):
    built = record()
    first, again = send(receiver, built), send(receiver, built)
    assert (first.status_code, first.json()["duplicate"]) == (201, False)
    assert (again.status_code, again.json()) == (
        200,
        {"reference": built["reference"], "duplicate": True},
    )
    assert requests.get(receiver, headers=AUTH, timeout=5).json()["total"] == 1


def test_forged_unsigned_and_replayed_posts_are_refused_with_a_reason(receiver):
    built = record()
    unsigned = requests.post(receiver, data=body_of(built).encode(), timeout=5)
    forged = send(receiver, built, secret="guessed-secret")
    replayed = send(receiver, built, signed_at=time.time() - 600)
    assert [reply.status_code for reply in (unsigned, forged, replayed)] == [401, 401, 401]
    assert unsigned.json() == {"error": "unauthorised", "reason": "the request is not signed"}
    assert forged.json()["reason"] == "the signature does not match"
    assert "older than 300 seconds" in replayed.json()["reason"]
    assert requests.get(receiver, headers=AUTH, timeout=5).json()["total"] == 0


def test_a_record_that_breaks_the_schema_gets_422_with_the_first_reason(receiver):
    built = record()
    built["risk_level"] = "severe"
    reply = send(receiver, built)
    assert reply.status_code == 422
    assert reply.json()["reason"].startswith("risk_level:")


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}],
    ids=["no token", "wrong token", "not a bearer token"],
)
def test_reading_hand_overs_needs_the_first_contact_token(receiver, headers):
    built = record()
    send(receiver, built)
    for url in (receiver, f"{receiver}/{built['reference']}"):
        reply = requests.get(url, headers=headers, timeout=5)
        assert reply.status_code == 401
        assert reply.json()["error"] == "unauthorised"


def test_the_inbox_pages_filters_and_shows_one_hand_over_with_its_transcript(receiver):
    urgent = [record(safeguarding_facts(conversation_id=f"conv-{n}")) for n in range(3)]
    call_back = record(call_back_facts())
    for built in [*urgent, call_back]:
        send(receiver, built)

    page = requests.get(receiver, params={"per_page": 2, "page": 2}, headers=AUTH, timeout=5)
    assert page.json()["total"] == 4
    assert [item["risk_level"] for item in page.json()["items"]] == ["urgent", "none"]
    only_none = requests.get(receiver, params={"risk_level": "none"}, headers=AUTH, timeout=5)
    assert [item["reference"] for item in only_none.json()["items"]] == [call_back["reference"]]
    bad = requests.get(receiver, params={"state": "lost"}, headers=AUTH, timeout=5)
    assert bad.status_code == 400

    one = requests.get(f"{receiver}/{urgent[0]['reference']}", headers=AUTH, timeout=5).json()
    for field in ("reference", "conversation_id", "created_at", "risk_level", "summary"):
        assert one[field] == urgent[0][field]
    assert one["risk_categories"] == ["financial_abuse", "psychological_abuse"]
    assert [turn["speaker"] for turn in one["transcript"]][:2] == ["person", "assistant"]
    missing = requests.get(f"{receiver}/FC-AAAA-AAAA", headers=AUTH, timeout=5)
    assert missing.status_code == 404
