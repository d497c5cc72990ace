"""Retention: conversations that led to no hand-over go after `conversations_days` without a
message; hand-overs (sent, with their outbox row; received, with First Contact's case work)
go `handovers_days` after they were made, and their conversation with them. Both periods are
in the council profile's `retention:` section.

`sweep` is one pass; the hand-over dispatcher runs `keep_sweeping` in a thread, and a council
can run `python -m bot.privacy sweep` from cron instead or as well: a pass is idempotent."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.council.profile import CouncilProfile
from bot.database import session_scope
from bot.handover.models import upgrade as upgrade_handovers
from bot.inbox.models import upgrade as upgrade_inbox
from bot.privacy import queries, tracker
from bot.privacy.models import upgrade as upgrade_privacy
from bot.settings import Settings

log = logging.getLogger(__name__)

SWEEP_EVERY_SECONDS = 3600.0


@dataclass(frozen=True)
class RetentionPolicy:
    conversations_days: int
    handovers_days: int

    @classmethod
    def from_profile(cls, profile: CouncilProfile) -> RetentionPolicy:
        return cls(profile.conversations_retention_days, profile.handovers_retention_days)


@dataclass(frozen=True)
class Swept:
    conversations: int = 0
    events: int = 0
    handovers: int = 0

    def __bool__(self) -> bool:
        return bool(self.conversations or self.events or self.handovers)

    def describe(self) -> str:
        return (
            f"{self.conversations} conversations ({self.events} events) and "
            f"{self.handovers} hand-overs deleted"
        )


def prepare(database_url: str) -> None:
    """The tables a sweep, export or erasure touches, brought up to date."""
    upgrade_handovers(database_url)
    upgrade_inbox(database_url)
    upgrade_privacy(database_url)


def sweep(
    database_url: str,
    tracker_store_url: str,
    policy: RetentionPolicy,
    now: datetime,
    done_by: str = "dispatcher",
) -> Swept:
    """One pass; returns what it deleted (counts only) and records it if anything went."""
    handovers_before = now - timedelta(days=policy.handovers_days)
    # Hand-overs first: a conversation whose hand-over has just gone is then free to go too.
    with session_scope(database_url) as session:
        handovers = queries.delete_outgoing(
            session, queries.outgoing_created_before(session, handovers_before)
        ) + queries.delete_received(
            session, queries.received_created_before(session, handovers_before)
        )
        keep = queries.conversations_with_handovers(session)
    conversations = events = 0
    try:
        with tracker.connect(tracker_store_url) as connection:
            if connection is not None:
                conversations, events = tracker.delete_quiet_conversations(
                    connection, now - timedelta(days=policy.conversations_days), keep
                )
    finally:
        # Recorded even if the tracker store failed: the hand-overs have gone all the same.
        swept = Swept(conversations, events, handovers)
        if swept:
            with session_scope(database_url) as session:
                queries.record_action(
                    session, now, "sweep", done_by, None, conversations, events, handovers
                )
    return swept


def keep_sweeping(
    settings: Settings, stop: threading.Event, every_seconds: float = SWEEP_EVERY_SECONDS
) -> None:
    """Sweep now and then every `every_seconds` until `stop` is set. Runs in the dispatcher's
    own thread, so a long sweep never holds up a hand-over."""
    prepared = False
    while not stop.is_set():
        try:
            if not prepared:
                prepare(settings.database_url)
                prepared = True
            # The real clock, not settings.now(): ASSISTANT_NOW pretends for opening hours,
            # but Rasa stamps every event with the real time.
            swept = sweep(
                settings.database_url,
                settings.tracker_store_url,
                RetentionPolicy.from_profile(settings.council()),
                datetime.now(timezone.utc),
            )
            if swept:
                log.info("retention sweep: %s", swept.describe())
        except Exception:
            # Counts and ids only reach the log: the engines hide bound parameters.
            log.exception("retention sweep failed; the next one tries again")
        stop.wait(every_seconds)
