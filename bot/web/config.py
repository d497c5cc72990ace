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
    # One message every five seconds is faster than anyone reads the replies; this stops
    # a script that spreads itself over many addresses from flooding one conversation.
    chat_messages_per_conversation_per_minute: int = 12
    rasa_timeout_seconds: float = 15.0
    # Where "Exit this page" goes: a neutral site, as the GOV.UK Design System suggests.
    exit_page_url: str = "https://www.bbc.co.uk/weather"


def load_web_config(env: Mapping[str, str] | None = None) -> WebConfig:
    env = os.environ if env is None else env
    defaults = WebConfig()
    per_minute = _whole_number(env, "CHAT_MESSAGES_PER_MINUTE", defaults.chat_messages_per_minute)
    per_conversation = _whole_number(
        env,
        "CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE",
        defaults.chat_messages_per_conversation_per_minute,
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
    return WebConfig(per_minute, per_conversation, timeout_seconds, exit_url)


def _whole_number(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, str(default))
    if not value.isdigit() or int(value) < 1:
        raise SettingsError(f"{name} should be a whole number, not {value!r}")
    return int(value)
