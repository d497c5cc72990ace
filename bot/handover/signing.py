"""Signing hand-over requests with the shared secret, and checking them on arrival.

The signature is HMAC-SHA256 over `timestamp + "." + body`, so neither the body nor the
time can be changed without the secret, and an old request cannot be replayed later."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

TIMESTAMP_HEADER = "X-Handover-Timestamp"
SIGNATURE_HEADER = "X-Handover-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_AGE_SECONDS = 300


class SignatureError(ValueError):
    """The request is not signed, or not by us, or too old; the message says which."""


def _digest(secret: str, timestamp: str, body: bytes) -> str:
    message = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, idempotency_key: str, now: float) -> dict[str, str]:
    """Headers for one POST; `now` is Unix time in seconds."""
    timestamp = str(int(now))
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: f"sha256={_digest(secret, timestamp, body)}",
        IDEMPOTENCY_HEADER: idempotency_key,
    }


def _header(headers: Mapping[str, str], name: str) -> str:
    # HTTP header names are case-insensitive; plain dicts (as in tests) are not.
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def verify(
    secret: str,
    body: bytes,
    headers: Mapping[str, str],
    now: float,
    max_age: int = MAX_AGE_SECONDS,
) -> None:
    """Raise SignatureError unless the request was signed with `secret` within `max_age`
    seconds of `now` (either way, to allow for clocks that differ a little)."""
    timestamp, signature = _header(headers, TIMESTAMP_HEADER), _header(headers, SIGNATURE_HEADER)
    if not timestamp or not signature:
        raise SignatureError("the request is not signed")
    if not timestamp.isdigit():
        raise SignatureError(f"{TIMESTAMP_HEADER} should be Unix time in seconds")
    if abs(now - int(timestamp)) > max_age:
        raise SignatureError(f"the signature is older than {max_age} seconds or from the future")
    expected = f"sha256={_digest(secret, timestamp, body)}"
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace")):
        raise SignatureError("the signature does not match")
