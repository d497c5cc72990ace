"""Alembic environment for the hand-over tables, configured from code (bot.database.migrate)."""

from bot.database import run_migration_environment
from bot.handover.models import Base

run_migration_environment(Base.metadata)
