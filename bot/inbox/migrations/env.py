"""Alembic environment for the inbox tables, configured from code (bot.database.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.inbox.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
version_table = config.get_main_option("version_table")


def run_offline() -> None:
    context.configure(
        url=url, target_metadata=Base.metadata, version_table=version_table, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            version_table=version_table,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
