from collections.abc import Callable, Iterator

import pytest

from tests.integration.web.lone_web_app import LoneWebApp, start_lone_web_app


@pytest.fixture
def lone_web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., LoneWebApp]]:
    """Start the web app on its own (`python -m bot.web`), pointed wherever a test says."""
    started: list[LoneWebApp] = []

    def start(**env: str) -> LoneWebApp:
        app = start_lone_web_app(tmp_path_factory.mktemp("web") / "web.log", **env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()
