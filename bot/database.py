"""The one place that opens the database: engines shared per URL, the session helper that
owns commit and rollback, and running a package's Alembic migrations to head."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from directory.db import sqlite_pragmas


def _ensure_sqlite_folder(url: str) -> None:
    # The default database is a file under var/, which a fresh checkout does not have.
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    """One engine (and so one connection pool) per URL for the life of the process."""
    _ensure_sqlite_folder(url)
    # hide_parameters: a database error must not carry what someone wrote (a hand-over
    # body, a transcript) into a traceback in the logs.
    engine = create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    return engine


@lru_cache(maxsize=8)
def _session_factory(url: str) -> sessionmaker:
    return sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits when the block ends cleanly and rolls back otherwise.

    Nothing else commits or rolls back: query functions only add, flush and read."""
    session = _session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def migrate(url: str, script_location: Path, version_table: str) -> None:
    """Run one package's migrations to head. Each package keeps its own version table,
    so their histories stay independent in the one shared database."""
    _ensure_sqlite_folder(url)
    config = Config()
    config.set_main_option("script_location", str(script_location))
    # Alembic reads options through ConfigParser, so a literal % must be doubled.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.set_main_option("version_table", version_table)
    command.upgrade(config, "head")


def run_migration_environment(metadata: MetaData) -> None:
    """The body of every package's Alembic env.py: the URL and version table come from
    `migrate()` through Alembic's config, so each package keeps its own history."""
    from alembic import context  # only importable while Alembic runs an env.py

    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    version_table = config.get_main_option("version_table")
    if context.is_offline_mode():
        context.configure(
            url=url, target_metadata=metadata, version_table=version_table, literal_binds=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table=version_table,
            # SQLite alters tables by copying them; Alembic's batch mode does that for us.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
