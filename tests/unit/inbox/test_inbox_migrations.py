"""The inbox's tables come from its own Alembic history, beside the hand-over tables."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.database import get_engine
from bot.inbox.models import VERSION_TABLE, Base
from tests.unit.inbox.factories import database


def test_migrating_twice_creates_every_inbox_table_under_the_inbox_version_table(tmp_path):
    database(tmp_path)
    database(tmp_path)
    with sqlite3.connect(tmp_path / "inbox.db") as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        (version,) = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    assert set(Base.metadata.tables) <= names
    assert {"received_handovers", "alembic_version_handover", VERSION_TABLE} <= names
    assert VERSION_TABLE == "alembic_version_inbox"
    assert version == "0001_inbox_tables"


def test_the_migration_builds_exactly_what_the_models_declare(tmp_path):
    url = database(tmp_path)
    with get_engine(url).connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    # Other packages' tables share the database; only the inbox's own are compared.
    ours = [diff for diff in differences if "inbox_" in repr(diff)]
    assert ours == []
