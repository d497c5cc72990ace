"""The record of what was done with personal data: each export, erasure and retention sweep
that deleted something. Counts, a reference or a hashed conversation id, and who ran it;
never anything the person wrote."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

from bot.database import migrate

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The database is shared, so privacy keeps its own Alembic history.
VERSION_TABLE = "alembic_version_privacy"

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declared as a class (not `declarative_base()`) so type checkers see a real base."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


class PrivacyAction(Base):
    __tablename__ = "privacy_actions"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, index=True)
    # "export", "erase" or "sweep": a fixed word.
    action = Column(String(20), nullable=False)
    # A hand-over reference, or "conversation sha256:…" (never the id itself); none for a sweep.
    subject = Column(String(100), nullable=True)
    # The operating-system user who ran the command, or "dispatcher" for the scheduled sweep.
    done_by = Column(String(100), nullable=False)
    conversations = Column(Integer, nullable=False, default=0)
    events = Column(Integer, nullable=False, default=0)
    handovers = Column(Integer, nullable=False, default=0)


def upgrade(url: str) -> None:
    """Create or bring the privacy tables up to date."""
    migrate(url, MIGRATIONS, VERSION_TABLE)
