"""Service vectors: stored on import, recomputed only on change, the `vectors` command, the
migration that adds them, and search on a database that has none yet."""

import logging
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from sqlalchemy import create_engine, delete, inspect, select

from directory import maintain
from directory.cli import main
from directory.db import VERSION_TABLE, alembic_config, session_scope, upgrade
from directory.importer import import_source
from directory.models import Service, ServiceVector
from directory.search import search
from directory.vectors import embedding_text, from_bytes, model_identity
from encoder import shared_encoder
from tests.directory_factories import database, service, write_json

RECORDS = [
    service("lunch", "Heeley Lunch Club", "A hot meal with company.", ("need-lunch-club",)),
    service("money", "Money Advice Drop-in", "Benefits checks and help with energy bills."),
]


def stored(url: str) -> dict[str, tuple[bytes, object]]:
    with session_scope(url) as session:
        rows = session.execute(
            select(ServiceVector.service_id, ServiceVector.vector, ServiceVector.computed_at)
        )
        return {service_id: (vector, when) for service_id, vector, when in rows}


def test_import_stores_the_encoders_vector_of_each_service(tmp_path: Path) -> None:
    url = database(tmp_path, RECORDS)
    vectors = stored(url)
    assert set(vectors) == {"lunch", "money"}
    expected = shared_encoder().encode(["Heeley Lunch Club\nA hot meal with company.\nLunch Club"])
    assert np.allclose(from_bytes(vectors["lunch"][0]), expected[0], atol=1e-6)
    with session_scope(url) as session:
        assert set(session.execute(select(ServiceVector.model)).scalars()) == {model_identity()}


def test_editing_a_description_recomputes_only_that_vector(tmp_path: Path) -> None:
    url = database(tmp_path, RECORDS)
    before = stored(url)
    with session_scope(url) as session:
        maintain.edit(session, "money", {"description": "Help to claim pension credit."})
        maintain.edit(session, "lunch", {"phone": "0114 496 0999"})  # not in the embedded text
    after = stored(url)
    assert after["money"][0] != before["money"][0]
    assert after["lunch"] == before["lunch"]


def test_reimporting_an_unchanged_feed_recomputes_nothing(tmp_path: Path) -> None:
    feed = write_json(tmp_path / "feed.json", RECORDS)
    url = database(tmp_path)
    with session_scope(url) as session:
        import_source(session, str(feed), progress=False)
    before = stored(url)
    with session_scope(url) as session:
        assert import_source(session, str(feed), progress=False).unchanged == 2
    assert stored(url) == before


def test_the_vectors_command_recomputes_what_is_out_of_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database(tmp_path, RECORDS)
    monkeypatch.setenv("DATABASE_URL", url)
    with session_scope(url) as session:
        session.execute(delete(ServiceVector).where(ServiceVector.service_id == "money"))
    before = stored(url)
    assert main(["vectors"]) == 0
    assert "Recomputed 1 of 2 search vectors" in capsys.readouterr().out
    assert set(stored(url)) == {"lunch", "money"}
    assert stored(url)["lunch"] == before["lunch"]
    assert main(["vectors", "--all"]) == 0
    assert "Recomputed 2 of 2 search vectors" in capsys.readouterr().out
    assert stored(url)["lunch"][1] != before["lunch"][1]


def _database_before_vectors(tmp_path: Path) -> str:
    """A database made by the first migration, holding a service, as before vectors."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0001_directory_core")
    record = RECORDS[1]
    with session_scope(url) as session:
        session.add(
            Service(
                id=record["id"],
                name=record["name"],
                description=record["description"],
                status="active",
                content_hash="old",
                raw=record,
            )
        )
    return url


def test_the_migration_adds_vectors_to_an_existing_database(tmp_path: Path) -> None:
    url = _database_before_vectors(tmp_path)
    assert "dir_service_vector" not in inspect(create_engine(url)).get_table_names()
    upgrade(url)
    assert "dir_service_vector" in inspect(create_engine(url)).get_table_names()
    with create_engine(url).connect() as connection:
        version = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
        names = connection.exec_driver_sql("SELECT name FROM dir_service").scalars().all()
    assert version == [("0002_service_vectors",)]
    assert names == ["Money Advice Drop-in"]


def test_a_database_without_vectors_still_searches_by_meaning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = _database_before_vectors(tmp_path)
    upgrade(url)
    query = "struggling to pay for heating"
    with caplog.at_level(logging.WARNING), session_scope(url) as session:
        results = search(session, query)
    assert [r.id for r in results if r.matched] == ["money"]
    assert "python -m directory vectors" in caplog.text
    assert query not in caplog.text
    assert stored(url) == {}  # computed for this search only, never written by it


def test_the_embedded_text_gives_each_term_with_its_description_in_a_set_order() -> None:
    terms = [
        ("Support for carers", "Advice and groups if you look after someone."),
        ("Lunch Club", "Lunch Club"),  # a description that only repeats the name
        ("Support for carers", "Advice and groups if you look after someone."),
        ("Warmth", None),
    ]
    text = embedding_text("Carers Lunch", "A hot meal.", terms, None)
    assert text == (
        "Carers Lunch\nA hot meal.\nLunch Club\n"
        "Support for carers: Advice and groups if you look after someone.\nWarmth"
    )
    assert embedding_text("Carers Lunch", "A hot meal.", reversed(terms), None) == text
