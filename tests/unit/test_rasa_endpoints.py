import asyncio

from aiohttp import web
from rasa.utils.endpoints import ClientResponseError

from bot.rasa_endpoints import (
    TRACKER_STORE,
    KeepAliveEndpoint,
    endpoints_for,
    lock_store_config,
    tracker_store_config,
)
from bot.settings import load_settings
from tests.local_server import serving


def test_a_sqlite_url_becomes_our_sql_tracker_store_with_the_file_path():
    config = tracker_store_config("sqlite:////tmp/x/tracker.db")
    assert config.type == TRACKER_STORE
    assert config.kwargs == {"dialect": "sqlite", "db": "/tmp/x/tracker.db"}


def test_a_postgres_url_is_split_into_the_fields_rasa_expects():
    config = tracker_store_config("postgresql://rasa:secret@127.0.0.1:5433/trackers")
    assert config.url == "127.0.0.1"
    assert config.kwargs == {
        "dialect": "postgresql",
        "port": 5433,
        "db": "trackers",
        "username": "rasa",
        "password": "secret",
    }


def test_no_redis_url_means_rasas_in_memory_lock_store():
    assert lock_store_config("") is None


def test_a_redis_url_gives_a_redis_lock_store():
    config = lock_store_config("redis://127.0.0.1:6380/2")
    assert config is not None
    assert config.type == "redis"
    assert (config.url, config.kwargs["port"], config.kwargs["db"]) == ("127.0.0.1", 6380, 2)


def test_the_action_endpoint_points_at_the_local_action_server_webhook():
    endpoints = endpoints_for(load_settings({"ACTIONS_PORT": "5999"}))
    assert endpoints.action.url == "http://127.0.0.1:5999/webhook"


async def _calls(replies: list[tuple[int, dict]]) -> tuple[list, set, bool]:
    """Make one call per reply to a real local HTTP server; return what came back, the
    client addresses the server saw, and whether the session closed at the end."""
    peers = set()
    queued = list(replies)

    async def webhook(request: web.Request) -> web.Response:
        peers.add(request.transport.get_extra_info("peername"))
        status, body = queued.pop(0)
        return web.json_response(body, status=status)

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    results: list = []
    async with serving(app) as action_server:
        endpoint = KeepAliveEndpoint(url=f"{action_server}/webhook")
        for _ in replies:
            try:
                results.append(await endpoint.request(json={"next_action": "x"}))
            except ClientResponseError as error:
                results.append(error.status)
        async with endpoint.session() as session:
            await endpoint.close()
            closed = session.closed
    return results, peers, closed


def test_calls_to_the_action_server_share_one_connection() -> None:
    results, peers, closed = asyncio.run(_calls([(200, {"events": []})] * 3))
    assert results == [{"events": []}] * 3
    assert len(peers) == 1
    assert closed


def test_a_failed_call_is_still_reported_as_rasa_reports_it() -> None:
    results, _, _ = asyncio.run(_calls([(500, {"error": "the action failed"}), (200, {})]))
    assert results == [500, {}]
