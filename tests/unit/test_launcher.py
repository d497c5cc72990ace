import socket

from bot.launcher import port_in_use, services
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
