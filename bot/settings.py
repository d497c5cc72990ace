"""All configuration in one place: environment variables (secrets, URLs, ports) and the
council profile. Nothing is read at import time; call `load_settings()`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot.council.profile import DEFAULT_PROFILE_PATH, CouncilProfile, load_profile

PROJECT_ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = PROJECT_ROOT / "var"
# Where `make eval` and `make bench` keep their latest reports, under version control.
RESULTS_DIR = PROJECT_ROOT / "results"


def shared_examples_dir() -> Path:
    """The shared development examples (messages, questions, needs written the way people
    write): beside the checkout, or wherever SHARED_EXAMPLES says."""
    configured = os.environ.get("SHARED_EXAMPLES")
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "examples"


# Local defaults for secrets. They are safe only because every server listens on
# loopback; production mode refuses to start with any of them (see `check_production`).
LOCAL_DEFAULT_SECRETS = {
    "RASA_TOKEN": "local-rasa-token",
    "FIRST_CONTACT_TOKEN": "local-first-contact-token",
    "HANDOVER_SIGNING_SECRET": "local-handover-signing-secret",
    "SESSION_SECRET": "local-session-secret",
}


class SettingsError(ValueError):
    """A setting is missing or unsafe; the message says which variable to change."""


@dataclass(frozen=True)
class Settings:
    production: bool
    host: str
    web_host: str
    web_port: int
    rasa_port: int
    actions_port: int
    rasa_token: str
    first_contact_token: str
    handover_signing_secret: str
    session_secret: str
    database_url: str
    tracker_store_url: str
    redis_url: str
    first_contact_url: str
    alert_webhook_url: str
    model_dir: Path
    profile_path: Path
    # For tests and demonstrations only: pretend it is always this moment, so opening
    # hours and "open now" can be shown at 11pm on a Saturday in the middle of a Tuesday.
    fixed_now: datetime | None = None
    # More than one: that many Rasa servers and action servers behind nginx, which then
    # listens on RASA_PORT and ACTIONS_PORT (see docs/deployment.md).
    rasa_servers: int = 1
    # A hand-over due at urgent or immediate that the person never answered about goes to
    # First Contact once they have written nothing for this long (actions/handover.py).
    handover_wait_seconds: int = 600

    def now(self) -> datetime:
        return self.fixed_now or datetime.now(timezone.utc)

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"

    def council(self) -> CouncilProfile:
        return load_profile(self.profile_path)


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, str(default))
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SettingsError(f"{name} should be a port number between 1 and 65535, not {raw!r}")
    return int(raw)


def _moment(env: Mapping[str, str], name: str) -> datetime | None:
    raw = env.get(name)
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError as error:
        raise SettingsError(
            f"{name} should be a date and time like 2026-11-21T23:00:00+00:00"
        ) from error
    if moment.tzinfo is None:
        raise SettingsError(f"{name} needs a time zone, like 2026-11-21T23:00:00+00:00")
    return moment


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where what is built from our own inputs is kept between runs, outside the checkout,
    so a fresh clone (as in CI) reuses what the same inputs made before."""
    env = os.environ if env is None else env
    return Path(env.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "conversation-one"


def _default_model_dir(env: Mapping[str, str]) -> Path:
    # The file name is the fingerprint of the model's inputs.
    return cache_dir(env) / "models"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    production = env.get("APP_ENV", "local") == "production"
    secrets = {name: env.get(name, default) for name, default in LOCAL_DEFAULT_SECRETS.items()}
    web_port = _port(env, "WEB_PORT", 8000)
    database_url = env.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'assistant.db'}")
    settings = Settings(
        production=production,
        host="127.0.0.1",
        web_host=env.get("WEB_HOST", "127.0.0.1"),
        web_port=web_port,
        rasa_port=_port(env, "RASA_PORT", 5005),
        actions_port=_port(env, "ACTIONS_PORT", 5055),
        rasa_token=secrets["RASA_TOKEN"],
        first_contact_token=secrets["FIRST_CONTACT_TOKEN"],
        handover_signing_secret=secrets["HANDOVER_SIGNING_SECRET"],
        session_secret=secrets["SESSION_SECRET"],
        database_url=database_url,
        tracker_store_url=env.get("TRACKER_STORE_URL", f"sqlite:///{VAR_DIR / 'tracker.db'}"),
        redis_url=env.get("REDIS_URL", ""),
        first_contact_url=env.get(
            "FIRST_CONTACT_URL", f"http://127.0.0.1:{web_port}/api/handovers"
        ),
        alert_webhook_url=env.get("ALERT_WEBHOOK_URL", ""),
        model_dir=Path(env.get("MODEL_DIR", _default_model_dir(env))),
        profile_path=Path(env.get("COUNCIL_PROFILE", DEFAULT_PROFILE_PATH)),
        fixed_now=_moment(env, "ASSISTANT_NOW"),
        rasa_servers=_count(env, "RASA_SERVERS", default=1, most=8),
        handover_wait_seconds=_count(env, "HANDOVER_WAIT_SECONDS", default=600, most=86400),
    )
    if settings.rasa_servers > 1:
        check_scale_out(settings)
    if production:
        check_production(settings)
    return settings


def _count(env: Mapping[str, str], name: str, default: int, most: int) -> int:
    raw = env.get(name, str(default))
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise SettingsError(f"{name} should be a whole number from 1 to {most}, not {raw!r}")
    return int(raw)


def check_scale_out(settings: Settings) -> None:
    """Several Rasa servers share conversations: Rasa's documented way needs a shared SQL
    tracker store and a Redis lock store, or two servers could answer one person at once."""
    if not settings.redis_url:
        raise SettingsError(
            "RASA_SERVERS above 1 needs REDIS_URL (Rasa's lock store), e.g. redis://127.0.0.1:6379/0"
        )
    if settings.tracker_store_url.startswith("sqlite"):
        raise SettingsError(
            "RASA_SERVERS above 1 needs a shared tracker store: set TRACKER_STORE_URL to PostgreSQL"
        )


def check_production(settings: Settings) -> None:
    """Refuse to run a real service with a secret anyone can read in this repository."""
    values = {
        "RASA_TOKEN": settings.rasa_token,
        "FIRST_CONTACT_TOKEN": settings.first_contact_token,
        "HANDOVER_SIGNING_SECRET": settings.handover_signing_secret,
        "SESSION_SECRET": settings.session_secret,
    }
    unsafe = [name for name, value in values.items() if value == LOCAL_DEFAULT_SECRETS[name]]
    short = [name for name, value in values.items() if len(value) < 24]
    if unsafe or short:
        names = ", ".join(sorted(set(unsafe + short)))
        raise SettingsError(
            f"production mode needs its own secrets of 24 or more characters: set {names}"
        )
