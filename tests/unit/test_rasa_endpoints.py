from bot.rasa_endpoints import endpoints_for, lock_store_config, tracker_store_config
from bot.settings import load_settings


def test_a_sqlite_url_becomes_rasas_sql_tracker_store_with_the_file_path():
    config = tracker_store_config("sqlite:////tmp/x/tracker.db")
    assert config.type == "SQL"
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
