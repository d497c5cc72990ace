import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bot.database import session_scope
from bot.handover.models import VERSION_TABLE, upgrade


def tables(path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_migrating_creates_the_hand_over_tables_under_their_own_version_table(tmp_path):
    path = tmp_path / "nested" / "assistant.db"
    upgrade(f"sqlite:///{path}")
    upgrade(f"sqlite:///{path}")
    assert {"outgoing_handovers", "handover_outbox", "received_handovers"} <= tables(path)
    assert VERSION_TABLE in tables(path)
    assert "alembic_version" not in tables(path)


def test_the_session_helper_commits_a_clean_block_and_rolls_back_a_failed_one(tmp_path):
    url = f"sqlite:///{tmp_path / 'scratch.db'}"
    with session_scope(url) as session:
        session.execute(text("CREATE TABLE notes (body TEXT)"))
        session.execute(text("INSERT INTO notes VALUES ('kept')"))
    with pytest.raises(RuntimeError), session_scope(url) as session:
        session.execute(text("INSERT INTO notes VALUES ('lost')"))
        raise RuntimeError("something went wrong mid-transaction")
    with session_scope(url) as session:
        assert session.execute(text("SELECT body FROM notes")).scalars().all() == ["kept"]


def test_a_database_error_does_not_repeat_the_values_that_were_written(tmp_path):
    url = f"sqlite:///{tmp_path / 'scratch.db'}"
    with session_scope(url) as session:
        session.execute(text("CREATE TABLE notes (body TEXT UNIQUE)"))
        session.execute(text("INSERT INTO notes VALUES ('he takes her pension')"))
    with pytest.raises(IntegrityError) as raised, session_scope(url) as session:
        session.execute(text("INSERT INTO notes VALUES (:body)"), {"body": "he takes her pension"})
    assert "pension" not in str(raised.value)
