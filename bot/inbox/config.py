"""Settings only the inbox reads, from environment variables, with safe defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from bot.settings import SettingsError


@dataclass(frozen=True)
class InboxConfig:
    # Secure cookies need HTTPS, which only production has.
    secure_cookies: bool = False
    # Team chat (or any URL) told about each new urgent or immediate hand-over; "" for none.
    webhook_url: str = ""
    # The inbox's address as staff reach it, for links in webhook messages.
    public_url: str = ""
    webhook_timeout_seconds: float = 5.0
    # How often the open inbox asks for new hand-overs, and the webhook sweeper runs.
    poll_seconds: float = 5.0
    # A shift, with a shorter idle limit so an unattended screen signs itself out.
    session_idle: timedelta = timedelta(minutes=60)
    session_lifetime: timedelta = timedelta(hours=10)
    max_failed_logins: int = 5
    lockout: timedelta = timedelta(minutes=15)


def load_inbox_config(env: Mapping[str, str] | None = None) -> InboxConfig:
    env = os.environ if env is None else env
    webhook_url = env.get("INBOX_WEBHOOK_URL", "")
    if webhook_url and urlsplit(webhook_url).scheme not in ("http", "https"):
        raise SettingsError(f"INBOX_WEBHOOK_URL should be a web address, not {webhook_url!r}")
    poll = env.get("INBOX_POLL_SECONDS", str(InboxConfig.poll_seconds))
    try:
        poll_seconds = float(poll)
    except ValueError:
        poll_seconds = 0.0
    if not poll_seconds > 0:
        raise SettingsError(f"INBOX_POLL_SECONDS should be a number of seconds, not {poll!r}")
    return InboxConfig(
        secure_cookies=env.get("APP_ENV", "local") == "production",
        webhook_url=webhook_url,
        public_url=env.get("INBOX_PUBLIC_URL", ""),
        poll_seconds=poll_seconds,
    )
