from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.stack import (
    Stack,
    launch,
    personal_data_in_log,
    stack_environment,
    stop,
    wait_ready,
)


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running system for the session: starting Rasa costs tens of seconds.

    When the session ends, its whole log is checked: nothing anyone said may be in it."""
    workdir: Path = tmp_path_factory.mktemp("stack")
    running = launch(stack_environment(workdir), workdir / "launcher.log")
    wait_ready(running)
    yield running
    stop(running)
    assert personal_data_in_log(running) == [], "what people wrote reached the logs"
