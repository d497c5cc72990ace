"""Settings that only the web app reads, from environment variables, with safe defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.settings import SettingsError


@dataclass(frozen=True)
class WebConfig:
    # Enough for anyone typing, too few for a script to flood Rasa or run up its costs.
    chat_messages_per_minute: int = 20
    rasa_timeout_seconds: float = 15.0
    # Where "Exit this page" goes: a neutral site, as the GOV.UK Design System suggests.
    exit_page_url: str = "https://www.bbc.co.uk/weather"


def load_web_config(env: Mapping[str, str] | None = None) -> WebConfig:
    env = os.environ if env is None else env
    defaults = WebConfig()
    per_minute = env.get("CHAT_MESSAGES_PER_MINUTE", str(defaults.chat_messages_per_minute))
    if not per_minute.isdigit() or int(per_minute) < 1:
        raise SettingsError(
            f"CHAT_MESSAGES_PER_MINUTE should be a whole number, not {per_minute!r}"
        )
    timeout = env.get("CHAT_RASA_TIMEOUT_SECONDS", str(defaults.rasa_timeout_seconds))
    try:
        timeout_seconds = float(timeout)
    except ValueError:
        timeout_seconds = 0.0
    if not timeout_seconds > 0:
        raise SettingsError(
            f"CHAT_RASA_TIMEOUT_SECONDS should be a number of seconds, not {timeout!r}"
        )
    exit_url = env.get("EXIT_PAGE_URL", defaults.exit_page_url)
    if urlsplit(exit_url).scheme not in ("http", "https"):
        raise SettingsError(f"EXIT_PAGE_URL should be a web address, not {exit_url!r}")
    return WebConfig(int(per_minute), timeout_seconds, exit_url)
