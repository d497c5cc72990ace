"""Database URL, engine, the one session helper, and migrations to head."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
# Other packages share the database, so the directory keeps its own Alembic history.
VERSION_TABLE = "alembic_version_directory"


def database_url() -> str:
    """`DATABASE_URL`, or a SQLite file in the repo's `var/` folder (created if missing)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    var = REPO_DIR / "var"
    var.mkdir(exist_ok=True)
    return f"sqlite:///{var / 'assistant.db'}"


def sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """For every SQLite connection the project opens (and Rasa's tracker store's)."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL lets the web app read while the dispatcher or an import writes; NORMAL sync is
    # safe with WAL. The busy timeout makes a second writer wait instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    return engine


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends cleanly and rolls back otherwise."""
    factory = sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    # Alembic reads options through ConfigParser, so a literal % must be doubled.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str | None = None) -> None:
    """Run the directory's migrations to head on `url` (default: `database_url()`)."""
    command.upgrade(alembic_config(url or database_url()), "head")
