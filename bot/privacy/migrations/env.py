"""Alembic environment for the privacy tables, configured from code (bot.database.migrate)."""

from bot.database import run_migration_environment
from bot.privacy.models import Base

run_migration_environment(Base.metadata)
