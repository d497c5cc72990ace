"""Tables for hand-overs: the ones we send (with their outbox) and the ones we receive."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

from bot.database import migrate

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The database is shared with the directory, so hand-overs keep their own Alembic history.
VERSION_TABLE = "alembic_version_handover"

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declared as a class (not `declarative_base()`) so type checkers see a real base."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


def to_db_time(moment: datetime) -> datetime:
    """Naive UTC: SQLite drops time zones, so every stored time is UTC without one."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def from_db_time(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)


class OutgoingHandover(Base):
    """A hand-over as we built it; `body` is the exact JSON text that is signed and sent."""

    __tablename__ = "outgoing_handovers"

    id = Column(Integer, primary_key=True)
    reference = Column(String(20), nullable=False, unique=True)
    idempotency_key = Column(String(80), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    kind = Column(String(20), nullable=False)
    risk_level = Column(String(20), nullable=False)
    body = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False)


class OutboxMessage(Base):
    """Delivery state of one hand-over: created -> sending -> delivered | failed."""

    __tablename__ = "handover_outbox"

    id = Column(Integer, primary_key=True)
    handover_id = Column(Integer, ForeignKey("outgoing_handovers.id"), nullable=False, unique=True)
    status = Column(String(20), nullable=False, default="created", index=True)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False)
    claimed_at = Column(DateTime, nullable=True)
    # Status codes and error class names only: never anything the person wrote.
    last_error = Column(String(255), nullable=True)
    created_at = Column(DateTime, nullable=False)
    delivered_at = Column(DateTime, nullable=True)
    alerted_at = Column(DateTime, nullable=True)


class ReceivedHandover(Base):
    """A hand-over as First Contact's inbox received it."""

    __tablename__ = "received_handovers"

    id = Column(Integer, primary_key=True)
    reference = Column(String(20), nullable=False, unique=True)
    idempotency_key = Column(String(80), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    created_at = Column(DateTime, nullable=False)
    received_at = Column(DateTime, nullable=False)
    risk_level = Column(String(20), nullable=False, index=True)
    risk_urgency = Column(Integer, nullable=False)
    risk_categories = Column(JSON, nullable=False)
    summary = Column(Text, nullable=False)
    call_back_by = Column(DateTime, nullable=True)
    record = Column(JSON, nullable=False)
    state = Column(String(20), nullable=False, default="new", index=True)


def upgrade(url: str) -> None:
    """Create or bring the hand-over tables up to date."""
    migrate(url, MIGRATIONS, VERSION_TABLE)
