import pytest

from bot.settings import LOCAL_DEFAULT_SECRETS, SettingsError, load_settings


def test_defaults_are_the_documented_ports_on_loopback():
    settings = load_settings({})
    assert (settings.web_port, settings.rasa_port, settings.actions_port) == (8000, 5005, 5055)
    assert settings.host == "127.0.0.1"
    assert settings.database_url.startswith("sqlite:///")
    assert settings.first_contact_url == "http://127.0.0.1:8000/api/handovers"


def test_ports_and_urls_come_from_the_environment():
    settings = load_settings(
        {"WEB_PORT": "8100", "RASA_PORT": "5105", "DATABASE_URL": "postgresql://db/app"}
    )
    assert settings.web_port == 8100
    assert settings.rasa_url == "http://127.0.0.1:5105"
    assert settings.database_url == "postgresql://db/app"


def test_a_bad_port_names_the_variable_to_fix():
    with pytest.raises(SettingsError, match="RASA_PORT"):
        load_settings({"RASA_PORT": "fifty"})


def test_production_refuses_the_local_default_secrets():
    with pytest.raises(SettingsError, match="RASA_TOKEN"):
        load_settings({"APP_ENV": "production"})


def test_production_starts_with_long_secrets_of_its_own():
    env = {name: f"{name.lower()}-a-long-random-secret-value" for name in LOCAL_DEFAULT_SECRETS}
    settings = load_settings({"APP_ENV": "production", **env})
    assert settings.production
    assert settings.rasa_token == env["RASA_TOKEN"]


SCALED_OUT = {
    "RASA_SERVERS": "2",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "TRACKER_STORE_URL": "postgresql://db/trackers",
}


def test_one_rasa_server_unless_asked_for_more():
    assert load_settings({}).rasa_servers == 1
    assert load_settings(SCALED_OUT).rasa_servers == 2


@pytest.mark.parametrize("value", ["0", "two", "9"])
def test_a_bad_number_of_rasa_servers_names_the_variable(value):
    with pytest.raises(SettingsError, match="RASA_SERVERS"):
        load_settings({**SCALED_OUT, "RASA_SERVERS": value})


def test_several_rasa_servers_need_a_redis_lock_store():
    with pytest.raises(SettingsError, match="REDIS_URL"):
        load_settings({**SCALED_OUT, "REDIS_URL": ""})


def test_several_rasa_servers_cannot_share_a_sqlite_tracker_store():
    with pytest.raises(SettingsError, match="TRACKER_STORE_URL"):
        load_settings({**SCALED_OUT, "TRACKER_STORE_URL": "sqlite:///tracker.db"})
