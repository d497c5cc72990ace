"""Rasa's endpoints (action server, tracker store, lock store) built from our settings,
so there is one place to configure them instead of a second YAML file."""

from __future__ import annotations

from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine import make_url

from bot.settings import Settings


def tracker_store_config(url: str) -> EndpointConfig:
    """Rasa's SQL tracker store wants the URL in pieces: dialect, host, port, db, user."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return EndpointConfig(type="SQL", dialect="sqlite", db=parsed.database)
    # Rasa passes EndpointConfig.url to the tracker store as `host`.
    return EndpointConfig(
        url=parsed.host,
        type="SQL",
        dialect=parsed.drivername,
        port=parsed.port,
        db=parsed.database,
        username=parsed.username,
        password=parsed.password,
    )


def lock_store_config(redis_url: str) -> EndpointConfig | None:
    """A Redis lock store once more than one Rasa server shares the trackers."""
    if not redis_url:
        return None
    parsed = make_url(redis_url.replace("redis://", "redis+py://", 1))
    return EndpointConfig(
        type="redis",
        url=parsed.host,
        port=parsed.port or 6379,
        db=int(parsed.database or 0),
        password=parsed.password,
    )


def endpoints_for(settings: Settings) -> AvailableEndpoints:
    return AvailableEndpoints(
        action=EndpointConfig(url=f"{settings.actions_url}/webhook"),
        tracker_store=tracker_store_config(settings.tracker_store_url),
        lock_store=lock_store_config(settings.redis_url),
    )
