"""Builders for inbox tests: a migrated database, a staff member, received hand-overs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.handover import receiver
from bot.handover.models import upgrade as upgrade_handovers
from bot.handover.outbox import body_of
from bot.handover.signing import signed_headers
from bot.inbox.auth import SignedIn, log_in, signed_in
from bot.inbox.cli import add_staff
from bot.inbox.config import InboxConfig
from bot.inbox.models import upgrade as upgrade_inbox

SECRET = "unit-signing-secret"
PASSWORD = "a long and careful passphrase"
CONFIG = InboxConfig()


def database(tmp_path: Path) -> str:
    """A SQLite file with the hand-over and the inbox tables."""
    url = f"sqlite:///{tmp_path / 'inbox.db'}"
    upgrade_handovers(url)
    upgrade_inbox(url)
    return url


def staff(url: str, now: datetime, email: str = "ann@council.example") -> SignedIn:
    """A staff member signed in through the real sign-in code."""
    add_staff(url, email, "Ann Worker", PASSWORD)
    new = log_in(url, CONFIG, email, PASSWORD, now)
    assert new is not None
    who = signed_in(url, CONFIG, new.cookie, now)
    assert who is not None
    return who


def receive(url: str, built: dict, now: datetime) -> str:
    """Store a hand-over the way First Contact's receiver does; returns its reference."""
    body = body_of(built).encode()
    headers = signed_headers(SECRET, body, built["idempotency_key"], now.timestamp())
    reply = receiver.receive(url, SECRET, body, headers, now)
    assert reply.status == 201, reply.body
    return built["reference"]
