import time
from datetime import datetime, timedelta, timezone

from bot.council.profile import load_profile
from bot.handover.outbox import body_of
from bot.handover.receiver import authorised, get_handover, list_handovers, receive
from bot.handover.record import revise_handover
from bot.handover.signing import signed_headers
from tests.unit.handover.factories import (
    TUESDAY_MORNING,
    anonymous_facts,
    call_back_facts,
    database,
    record,
    safeguarding_facts,
    transcript,
)

SECRET = "receiver-test-secret"


def post(url: str, built: dict, secret: str = SECRET, signed_at: float | None = None):
    body = body_of(built).encode()
    now = datetime.now(timezone.utc)
    sent = now.timestamp() if signed_at is None else signed_at
    headers = signed_headers(secret, body, built["idempotency_key"], sent)
    return receive(url, SECRET, body, headers, now)


def test_a_signed_valid_hand_over_is_stored_once_and_a_repeat_is_a_duplicate(tmp_path):
    url = database(tmp_path)
    built = record()
    first, again = post(url, built), post(url, built)
    assert (first.status, first.body) == (
        201,
        {"reference": built["reference"], "duplicate": False},
    )
    assert (again.status, again.body) == (200, {"reference": built["reference"], "duplicate": True})
    assert list_handovers(url, {}).body["total"] == 1


def test_a_rebuilt_record_with_the_same_key_returns_the_reference_first_stored(tmp_path):
    url = database(tmp_path)
    first, rebuilt = record(), record()
    post(url, first)
    reply = post(url, rebuilt)
    assert reply.body == {"reference": first["reference"], "duplicate": True}


def test_an_unsigned_or_forged_or_old_post_is_refused_with_a_reason(tmp_path):
    url = database(tmp_path)
    built = record()
    body = body_of(built).encode()
    now = datetime.now(timezone.utc)
    unsigned = receive(url, SECRET, body, {"Idempotency-Key": "x"}, now)
    forged = post(url, built, secret="not-the-secret")
    old = post(url, built, signed_at=time.time() - 301)
    assert [reply.status for reply in (unsigned, forged, old)] == [401, 401, 401]
    assert unsigned.body["reason"] == "the request is not signed"
    assert forged.body["reason"] == "the signature does not match"
    assert "older than 300 seconds" in old.body["reason"]
    assert list_handovers(url, {}).body["total"] == 0


def test_an_invalid_record_is_refused_with_the_first_reason(tmp_path):
    url = database(tmp_path)
    built = record()
    del built["summary"]
    reply = post(url, built)
    assert reply.status == 422
    assert "'summary' is a required property" in reply.body["reason"]


def test_a_body_that_is_not_json_is_a_bad_request(tmp_path):
    url = database(tmp_path)
    now = datetime.now(timezone.utc)
    headers = signed_headers(SECRET, b"not json", "ho1-key", now.timestamp())
    assert receive(url, SECRET, b"not json", headers, now).status == 400


def test_an_idempotency_key_that_does_not_match_the_record_is_refused(tmp_path):
    url = database(tmp_path)
    built = record()
    body = body_of(built).encode()
    now = datetime.now(timezone.utc)
    headers = signed_headers(SECRET, body, "ho1-some-other-key", now.timestamp())
    assert receive(url, SECRET, body, headers, now).status == 422


def test_the_inbox_lists_most_urgent_first_then_longest_waiting(tmp_path):
    url = database(tmp_path)
    older_call_back = record(call_back_facts(), now=TUESDAY_MORNING)
    newer_urgent = record(safeguarding_facts(), now=TUESDAY_MORNING + timedelta(hours=1))
    older_urgent = record(
        safeguarding_facts(conversation_id="conv-2"), now=TUESDAY_MORNING - timedelta(hours=1)
    )
    immediate = record(anonymous_facts(), now=TUESDAY_MORNING + timedelta(hours=2))
    for built in (older_call_back, newer_urgent, older_urgent, immediate):
        post(url, built)
    items = list_handovers(url, {}).body["items"]
    assert [item["reference"] for item in items] == [
        immediate["reference"],
        older_urgent["reference"],
        newer_urgent["reference"],
        older_call_back["reference"],
    ]
    assert "transcript" not in items[0]


def test_the_inbox_pages_and_filters(tmp_path):
    url = database(tmp_path)
    for number in range(5):
        post(url, record(safeguarding_facts(conversation_id=f"conv-{number}")))
    post(url, record(call_back_facts()))
    second_page = list_handovers(url, {"page": "2", "per_page": "4"}).body
    assert (second_page["total"], len(second_page["items"])) == (6, 2)
    none_level = list_handovers(url, {"risk_level": "none", "state": "new"}).body
    assert [item["risk_level"] for item in none_level["items"]] == ["none"]
    for bad in ({"page": "0"}, {"per_page": "101"}, {"risk_level": "severe"}, {"state": "lost"}):
        assert list_handovers(url, bad).status == 400


def test_one_hand_over_comes_with_its_transcript_and_an_unknown_one_is_not_found(tmp_path):
    url = database(tmp_path)
    built = record()
    post(url, built)
    reply = get_handover(url, built["reference"])
    assert reply.status == 200
    assert reply.body["summary"] == built["summary"]
    assert reply.body["created_at"] == built["created_at"]
    assert reply.body["transcript"][0]["speaker"] == "person"
    assert reply.body["record"] == built
    assert get_handover(url, "FC-AAAA-AAAA").status == 404


def test_only_the_right_bearer_token_is_authorised():
    assert authorised("token-123", "Bearer token-123")
    assert authorised("token-123", "bearer token-123")
    assert not authorised("token-123", "Bearer token-124")
    assert not authorised("token-123", "token-123")
    assert not authorised("token-123", None)


def revised(built: dict, *more: str, level: str = "urgent") -> dict:
    """`built` made again after the person said `more`."""
    facts = safeguarding_facts(
        transcript=transcript("I'm worried about my mum", *more), risk_level=level
    )
    return revise_handover(built, facts, load_profile(), TUESDAY_MORNING + timedelta(minutes=9))


def test_a_later_revision_replaces_what_the_worker_reads_and_an_older_one_does_not(tmp_path):
    url = database(tmp_path)
    built = record()
    second = revised(built, "she's 84 and he took her bank card", level="immediate")
    third = revised(second, "she's 84 and he took her bank card", "S8 0RA", level="immediate")
    post(url, built)
    assert post(url, third).body == {
        "reference": built["reference"],
        "duplicate": False,
        "revised": True,
    }
    late = post(url, second)  # an older revision arriving late changes nothing
    assert late.body["duplicate"] is True
    shown = get_handover(url, built["reference"]).body
    assert (shown["revision"], shown["risk_level"]) == (3, "immediate")
    assert "S8 0RA" in [turn["text"] for turn in shown["transcript"]]
    assert list_handovers(url, {}).body["total"] == 1
