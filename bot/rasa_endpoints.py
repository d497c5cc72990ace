"""Rasa's endpoints (action server, tracker store, lock store) built from our settings,
so there is one place to configure them instead of a second YAML file."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any
from weakref import WeakKeyDictionary

from aiohttp import ClientSession
from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine import make_url

from bot.settings import Settings

# Rasa's SQL store, keeping recent conversations in memory (see bot/tracker_store.py).
TRACKER_STORE = "bot.tracker_store.CachedSQLTrackerStore"


class KeepAliveEndpoint(EndpointConfig):
    """An endpoint whose connections stay open between calls.

    Rasa opens a new HTTP session, and so a new connection, for each call to the action
    server (two or three a turn) and closes it after. Here each event loop keeps one
    session; aiohttp closes idle connections after 15 s, before the action server does
    (bot/action_server.py), so a call never goes out on a connection being closed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sessions: WeakKeyDictionary[asyncio.AbstractEventLoop, ClientSession] = (
            WeakKeyDictionary()
        )

    def session(self) -> Any:
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None or session.closed:
            session = self._sessions[loop] = super().session()
        # Rasa closes what this returns once a call is done: lend the session instead.
        return contextlib.nullcontext(session)

    async def close(self) -> None:
        session = self._sessions.pop(asyncio.get_running_loop(), None)
        if session is not None:
            await session.close()


def tracker_store_config(url: str) -> EndpointConfig:
    """Rasa's SQL tracker store wants the URL in pieces: dialect, host, port, db, user."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return EndpointConfig(type=TRACKER_STORE, dialect="sqlite", db=parsed.database)
    # Rasa passes EndpointConfig.url to the tracker store as `host`.
    return EndpointConfig(
        url=parsed.host,
        type=TRACKER_STORE,
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
        action=KeepAliveEndpoint(url=f"{settings.actions_url}/webhook"),
        tracker_store=tracker_store_config(settings.tracker_store_url),
        lock_store=lock_store_config(settings.redis_url),
    )
