import pytest

from bot.handover.signing import SignatureError, signed_headers, verify

SECRET = "a-shared-secret-of-some-length"
BODY = b'{"reference":"FC-7K3M-9Q2P"}'
NOW = 1_800_000_000.0


def test_a_request_signed_with_the_shared_secret_is_accepted():
    headers = signed_headers(SECRET, BODY, "ho1-key", NOW)
    assert headers["X-Handover-Signature"].startswith("sha256=")
    assert headers["Idempotency-Key"] == "ho1-key"
    verify(SECRET, BODY, headers, NOW + 30)


def test_header_names_are_matched_whatever_their_case():
    headers = {key.lower(): value for key, value in signed_headers(SECRET, BODY, "k", NOW).items()}
    verify(SECRET, BODY, headers, NOW)


def test_a_changed_body_is_refused():
    headers = signed_headers(SECRET, BODY, "ho1-key", NOW)
    with pytest.raises(SignatureError, match="does not match"):
        verify(SECRET, BODY.replace(b"9Q2P", b"9Q2R"), headers, NOW)


def test_a_changed_timestamp_is_refused_because_it_is_signed_too():
    headers = signed_headers(SECRET, BODY, "ho1-key", NOW)
    headers["X-Handover-Timestamp"] = str(int(NOW) + 1)
    with pytest.raises(SignatureError, match="does not match"):
        verify(SECRET, BODY, headers, NOW)


def test_a_request_signed_with_another_secret_is_refused():
    headers = signed_headers("someone-elses-secret", BODY, "ho1-key", NOW)
    with pytest.raises(SignatureError, match="does not match"):
        verify(SECRET, BODY, headers, NOW)


def test_a_replay_more_than_five_minutes_later_is_refused():
    headers = signed_headers(SECRET, BODY, "ho1-key", NOW)
    verify(SECRET, BODY, headers, NOW + 300)
    with pytest.raises(SignatureError, match="older than 300 seconds"):
        verify(SECRET, BODY, headers, NOW + 301)


def test_a_timestamp_from_the_future_is_refused():
    headers = signed_headers(SECRET, BODY, "ho1-key", NOW + 3600)
    with pytest.raises(SignatureError, match="from the future"):
        verify(SECRET, BODY, headers, NOW)


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Handover-Timestamp": str(int(NOW))}, {"X-Handover-Signature": "sha256=00"}],
    ids=["nothing", "timestamp only", "signature only"],
)
def test_an_unsigned_request_is_refused(headers):
    with pytest.raises(SignatureError, match="not signed"):
        verify(SECRET, BODY, headers, NOW)


def test_a_timestamp_that_is_not_a_number_is_refused():
    headers = signed_headers(SECRET, BODY, "k", NOW) | {"X-Handover-Timestamp": "yesterday"}
    with pytest.raises(SignatureError, match="Unix time"):
        verify(SECRET, BODY, headers, NOW)
