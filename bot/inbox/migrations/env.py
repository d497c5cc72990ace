"""Alembic environment for the inbox tables, configured from code (bot.database.migrate)."""

from bot.database import run_migration_environment
from bot.inbox.models import Base

run_migration_environment(Base.metadata)
