"""One try at sending a claimed hand-over to First Contact, signed, over HTTP."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone

import requests

from bot.database import session_scope
from bot.handover.outbox import Outcome, claim_reference, record_outcome
from bot.handover.policy import DeliveryPolicy
from bot.handover.queries import Claimed
from bot.handover.signing import signed_headers
from bot.settings import Settings

log = logging.getLogger(__name__)

# 408 (timed out) and 429 (slow down) are the receiver asking us to try again later.
RETRYABLE_CLIENT_ERRORS = {408, 429}


@dataclass(frozen=True)
class Endpoint:
    url: str
    secret: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Endpoint:
        return cls(settings.first_contact_url, settings.handover_signing_secret)


def classify(status: int) -> Outcome:
    """2xx and 409 (already have it) are delivered; other 4xx will never succeed."""
    if 200 <= status < 300 or status == 409:
        return Outcome("delivered")
    if 400 <= status < 500 and status not in RETRYABLE_CLIENT_ERRORS:
        return Outcome("failed", f"HTTP {status}")
    return Outcome("retry", f"HTTP {status}")


def post(endpoint: Endpoint, claimed: Claimed, policy: DeliveryPolicy) -> Outcome:
    body = claimed.body.encode("utf-8")
    headers = signed_headers(endpoint.secret, body, claimed.idempotency_key, time.time())
    try:
        response = requests.post(
            endpoint.url, data=body, headers=headers, timeout=policy.timeout_seconds
        )
    except requests.RequestException as error:
        # Connection refused, timeouts, resets: the council system may be back soon.
        return Outcome("retry", type(error).__name__)
    return classify(response.status_code)


def deliver(database_url: str, claimed: Claimed, endpoint: Endpoint, policy: DeliveryPolicy) -> str:
    """Send a row already claimed (and committed as `sending`), then store the outcome.

    No session is open during the request: a slow council system must not hold a
    database transaction (and, on SQLite, the write lock) for up to the timeout."""
    outcome = post(endpoint, claimed, policy)
    with session_scope(database_url) as session:
        return record_outcome(session, claimed, outcome, policy, datetime.now(timezone.utc))


def deliver_now(
    database_url: str, reference: str, endpoint: Endpoint, policy: DeliveryPolicy
) -> str | None:
    """Try once straight away so First Contact has it within seconds; returns the row's
    new status, or None if it was not waiting (already sent, or another try owns it).
    Retries are left to the dispatcher."""
    with session_scope(database_url) as session:
        claimed = claim_reference(session, reference, datetime.now(timezone.utc))
    if claimed is None:
        return None
    return deliver(database_url, claimed, endpoint, policy)
