"""Tell the team (a chat webhook) about each new urgent or immediate hand-over, once.

Separate from receiving on purpose: the receiver stores the hand-over and answers; this runs
afterwards, so a slow or failing webhook can never lose or delay a hand-over. Whichever
process marks a case alerted first sends; the others find it already marked."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import requests

from bot.database import session_scope
from bot.handover.models import ReceivedHandover, to_db_time
from bot.inbox import queries
from bot.inbox.models import Case

log = logging.getLogger(__name__)

ALERT_LEVELS = ("immediate", "urgent")
# Hand-overs older than this are not announced: turning the webhook on for the first time
# must not post the whole backlog to the team's chat.
RECENT = timedelta(minutes=30)


def _claim_new_urgent(database_url: str, now: datetime) -> list[tuple[str, str]]:
    with session_scope(database_url) as session:
        rows = queries.handovers_with_cases(
            session,
            ReceivedHandover.risk_level.in_(ALERT_LEVELS),
            ReceivedHandover.state == "new",
            ReceivedHandover.received_at >= to_db_time(now - RECENT),
        )
        claimed = []
        for handover, case, _name in rows:
            if case is not None and case.alerted_at is not None:
                continue
            queries.ensure_case(session, handover.reference)
            guard = Case.alerted_at.is_(None)
            if queries.change_case(
                session, handover.reference, guard, {"alerted_at": to_db_time(now)}
            ):
                claimed.append((handover.reference, handover.risk_level))
    return claimed


def alert_new_urgent(
    database_url: str, webhook_url: str, inbox_url: str, now: datetime, timeout: float = 5.0
) -> list[str]:
    """Post one message per new urgent or immediate hand-over; returns their references.

    The message carries the reference, the level and a link, nothing the person wrote: a
    team chat is not the place for it."""
    sent = []
    for reference, level in _claim_new_urgent(database_url, now):
        message = f"New {level.upper()} hand-over {reference}: {inbox_url}handovers/{reference}"
        try:
            response = requests.post(
                webhook_url,
                json={"text": message, "reference": reference, "risk_level": level},
                timeout=timeout,
            )
            response.raise_for_status()
        except requests.RequestException as error:
            # Not retried: the inbox page itself still shows and announces the hand-over.
            log.error("inbox webhook failed for hand-over %s: %s", reference, type(error).__name__)
            continue
        log.info("inbox webhook sent for hand-over %s", reference)
        sent.append(reference)
    return sent
