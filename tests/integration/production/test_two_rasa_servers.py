"""Rasa's documented way to scale out, running: two Rasa servers and two action servers
behind nginx, sharing a PostgreSQL tracker store and a Redis lock store."""

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.integration.stack import (
    Stack,
    launch,
    personal_data_in_log,
    stack_environment,
    stop,
    wait_ready,
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="needs PostgreSQL and Redis: `make integration-pg` starts them",
)


def wait_until_answering(urls: list[str], seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if all(requests.get(url, timeout=2).status_code == 200 for url in urls):
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError(f"not answering: {urls}")


@pytest.fixture(scope="module")
def balanced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir: Path = tmp_path_factory.mktemp("balanced")
    running = launch(stack_environment(workdir, RASA_SERVERS="2"), workdir / "launcher.log")
    wait_ready(running)
    wait_until_answering([f"{server}/" for server in rasa_servers(running)])
    yield running
    assert stop(running) == 0
    assert personal_data_in_log(running) == []


def rasa_servers(stack: Stack) -> list[str]:
    base = int(stack.env["RASA_PORT"])
    return [f"http://127.0.0.1:{base + n}" for n in (1, 2)]


def test_turns_sent_alternately_to_two_rasa_servers_stay_one_conversation(balanced: Stack):
    servers = rasa_servers(balanced)
    sender = f"alternating-{time.time_ns()}"
    script = [
        "hello",
        "my dad has dementia and loves his garden",
        "for my dad",
        "my sister helps",
        "S8 0AB",
        "the man next door has been taking his bank card and he's scared of him",
        "ok, my number is 07700 900777",
    ]
    for turn, message in enumerate(script):
        balanced.messages.append(message)  # so the log is checked for it too
        answer = requests.post(
            f"{servers[turn % 2]}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
        )
        assert answer.status_code == 200 and answer.json(), f"turn {turn} got no answer"
    tracker = balanced.tracker(sender)
    said = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert said == script  # every turn, once, in order
    slots = tracker["slots"]
    assert slots["risk_level"] in {"urgent", "immediate"}
    assert slots["handover_reference"], "the hand-over was made on whichever server took it"


def test_the_web_app_reaches_them_through_nginx(balanced: Stack):
    answer = requests.post(
        f"{balanced.web}/api/chat",
        json={"conversation_id": f"through-nginx-{time.time_ns()}", "message": "hello"},
        timeout=30,
    )
    assert answer.status_code == 200
    assert requests.get(f"{balanced.web}/healthz", timeout=5).json()["status"] == "ok"
