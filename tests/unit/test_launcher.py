import socket

from bot.launcher import may_restart, port_in_use, services
from bot.settings import load_settings


def test_a_port_with_a_listener_is_in_use_and_a_closed_one_is_free():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
    assert not port_in_use("127.0.0.1", port)


def test_each_server_names_the_variable_that_moves_its_port_and_the_worker_has_none():
    planned = services(load_settings({}), model="model.tar.gz")
    assert [(s.port_variable, s.port) for s in planned] == [
        ("ACTIONS_PORT", 5055),
        ("RASA_PORT", 5005),
        ("WEB_PORT", 8000),
        (None, None),
    ]


def test_a_dead_server_may_be_restarted_five_times_in_five_minutes():
    assert may_restart([], now=1000.0)
    assert may_restart([100.0, 200.0, 300.0, 400.0, 500.0], now=1000.0)  # all over 5 min ago
    assert not may_restart([800.0, 850.0, 900.0, 950.0, 990.0], now=1000.0)
    assert may_restart([800.0, 850.0, 900.0, 950.0], now=1000.0)
