import pytest

from bot.settings import SettingsError
from bot.web.config import WebConfig, load_web_config


def test_without_variables_the_safe_defaults_are_used():
    assert load_web_config({}) == WebConfig(20, 12, 15.0, "https://www.bbc.co.uk/weather")


def test_the_rate_limits_timeout_and_exit_page_come_from_the_environment():
    config = load_web_config(
        {
            "CHAT_MESSAGES_PER_MINUTE": "5",
            "CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE": "3",
            "CHAT_RASA_TIMEOUT_SECONDS": "2.5",
            "EXIT_PAGE_URL": "https://www.google.co.uk/",
        }
    )
    assert config == WebConfig(5, 3, 2.5, "https://www.google.co.uk/")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CHAT_MESSAGES_PER_MINUTE", "0"),
        ("CHAT_MESSAGES_PER_MINUTE", "lots"),
        ("CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE", "0"),
        ("CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE", "-3"),
        ("CHAT_RASA_TIMEOUT_SECONDS", "-1"),
        ("CHAT_RASA_TIMEOUT_SECONDS", "soon"),
        ("EXIT_PAGE_URL", "javascript:alert(1)"),
    ],
)
def test_a_value_that_makes_no_sense_stops_the_app_naming_the_variable(name: str, value: str):
    with pytest.raises(SettingsError, match=name):
        load_web_config({name: value})
