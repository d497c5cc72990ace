"""Fixtures shared by every tier."""

from pathlib import Path

import pytest

from directory.db import session_scope, upgrade
from directory.importer import load_sample_if_empty


@pytest.fixture(scope="session")
def sample_directory_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real SQLite file holding the shipped Sheffield sample directory."""
    path: Path = tmp_path_factory.mktemp("directory") / "assistant.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    with session_scope(url) as session:
        load_sample_if_empty(session)
    return url
