"""Telling people a hand-over has not reached First Contact: once, by reference only."""

from __future__ import annotations

import logging
from datetime import datetime

import requests

from bot.database import session_scope
from bot.handover.outbox import claim_alerts
from bot.handover.policy import DeliveryPolicy

log = logging.getLogger(__name__)


def raise_alerts(
    database_url: str, policy: DeliveryPolicy, webhook_url: str, now: datetime
) -> list[str]:
    """Alert about each late or failed hand-over not yet alerted; returns the references."""
    with session_scope(database_url) as session:
        references = claim_alerts(session, policy, now)
    for reference in references:
        message = (
            f"Hand-over {reference} has not reached First Contact within"
            f" {_duration(policy.alert_after_seconds)} of being made, or has failed."
            " Check the outbox and phone First Contact."
        )
        log.error("%s", message)
        if webhook_url:
            _post_alert(webhook_url, {"text": message, "reference": reference}, policy)
    return references


def alert_unsaved(webhook_url: str, conversation_id: str, policy: DeliveryPolicy) -> None:
    """A hand-over could not even be saved (database down, read-only or full): nothing
    will retry it, so people must hear at once. The person was asked to phone."""
    message = (
        f"A hand-over could not be saved for conversation {conversation_id}. The person"
        " was asked to phone First Contact. Check the database now."
    )
    log.error("%s", message)
    if webhook_url:
        _post_alert(webhook_url, {"text": message, "conversation_id": conversation_id}, policy)


def _duration(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"


def _post_alert(url: str, payload: dict[str, str], policy: DeliveryPolicy) -> None:
    try:
        response = requests.post(url, json=payload, timeout=policy.timeout_seconds)
        response.raise_for_status()
    except requests.RequestException as error:
        # The ERROR log line above still stands; say the webhook did not take it.
        log.error("alert webhook failed: %s", type(error).__name__)
