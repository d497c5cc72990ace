"""The outbox dispatcher: `python -m bot.handover.dispatcher` runs until SIGTERM or SIGINT.

Each round it re-queues rows a dead dispatcher left in `sending`, sends what is due, and
raises alerts for hand-overs that are late. Several dispatchers may run at once: claims
and alerts are guarded in the database.

Beside the rounds, a thread runs the retention sweep once an hour (bot/privacy/retention.py);
a sweep deletes only what is past its time, so two dispatchers sweeping is harmless."""

from __future__ import annotations

import logging
import os
import signal
import threading
from datetime import datetime, timezone

from bot.database import session_scope
from bot.handover.alerts import raise_alerts
from bot.handover.delivery import Endpoint, deliver
from bot.handover.models import upgrade
from bot.handover.outbox import claim_due, sweep_stuck
from bot.handover.policy import DeliveryPolicy
from bot.privacy.retention import keep_sweeping
from bot.settings import load_settings

log = logging.getLogger(__name__)

# Rows sent per round before the sweeper and alerts get their turn again.
BATCH = 20


def deliver_due(
    database_url: str, endpoint: Endpoint, policy: DeliveryPolicy, stop: threading.Event
) -> int:
    """Claim and send due rows one at a time; returns how many tries were made.

    One at a time so no row sits claimed behind a slow send (where the sweeper would take
    it for abandoned), and so a stop request waits for one try at most."""
    tries = 0
    while tries < BATCH and not stop.is_set():
        # The claim is committed before sending, so the row reads `sending` to everyone else.
        with session_scope(database_url) as session:
            claimed = claim_due(session, datetime.now(timezone.utc), limit=1)
        if not claimed:
            break
        deliver(database_url, claimed[0], endpoint, policy)
        tries += 1
    return tries


def run_once(
    database_url: str,
    endpoint: Endpoint,
    policy: DeliveryPolicy,
    webhook_url: str,
    stop: threading.Event | None = None,
) -> int:
    """One round: sweep, send what is due, alert; returns how many tries were made."""
    with session_scope(database_url) as session:
        sweep_stuck(session, policy, datetime.now(timezone.utc))
    tries = deliver_due(database_url, endpoint, policy, stop or threading.Event())
    raise_alerts(database_url, policy, webhook_url, datetime.now(timezone.utc))
    return tries


def run(
    database_url: str,
    endpoint: Endpoint,
    policy: DeliveryPolicy,
    webhook_url: str,
    stop: threading.Event,
) -> None:
    log.info("hand-over dispatcher started")
    while not stop.is_set():
        try:
            run_once(database_url, endpoint, policy, webhook_url, stop)
        except Exception:
            # A database hiccup must not end the only thing that delivers hand-overs.
            log.exception("hand-over dispatcher round failed; trying again")
        stop.wait(policy.poll_seconds)
    log.info("hand-over dispatcher stopped")


def main() -> None:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    settings = load_settings()
    policy = DeliveryPolicy.from_env(os.environ)
    upgrade(settings.database_url)
    stop = threading.Event()
    # Finish the try in hand, then stop: an interrupted send would be swept and sent again.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _signum, _frame: stop.set())
    # Its own thread, so a long sweep never holds up a hand-over; it stops with the rounds.
    sweeper = threading.Thread(target=keep_sweeping, args=(settings, stop), name="retention")
    sweeper.start()
    run(
        settings.database_url,
        Endpoint.from_settings(settings),
        policy,
        settings.alert_webhook_url,
        stop,
    )
    sweeper.join()


if __name__ == "__main__":
    main()
