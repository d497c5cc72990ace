from pathlib import Path

from sqlalchemy import create_engine, inspect

from directory.db import VERSION_TABLE, upgrade


def test_upgrade_creates_the_directory_tables_in_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(url)
    tables = set(inspect(create_engine(url)).get_table_names())
    assert {"dir_service", "dir_schedule", "dir_taxonomy_term", VERSION_TABLE} <= tables
    assert "alembic_version" not in tables


def test_upgrading_twice_leaves_one_version_row(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    upgrade(url)
    upgrade(url)
    with create_engine(url).connect() as connection:
        rows = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
    assert rows == [("0002_service_vectors",)]
