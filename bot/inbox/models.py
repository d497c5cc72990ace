"""Tables for the First Contact inbox: staff, their sessions, the work done on each received
hand-over, and the audit trail. Hand-overs themselves stay in `received_handovers`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

from bot.database import migrate

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The database is shared, so the inbox keeps its own Alembic history.
VERSION_TABLE = "alembic_version_inbox"

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declared as a class (not `declarative_base()`) so type checkers see a real base."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


class Staff(Base):
    __tablename__ = "inbox_staff"

    id = Column(Integer, primary_key=True)
    email = Column(String(254), nullable=False, unique=True)
    name = Column(String(200), nullable=False)
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime, nullable=True)
    created_at = Column(DateTime, nullable=False)


class StaffSession(Base):
    """A signed-in browser. `id_hash` is a SHA-256 of the cookie value, so someone who reads
    the table cannot sign in as anyone."""

    __tablename__ = "inbox_sessions"

    id_hash = Column(String(64), primary_key=True)
    staff_id = Column(Integer, ForeignKey("inbox_staff.id"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)


class Case(Base):
    """First Contact's work on one received hand-over (by reference: the hand-over tables
    have their own migration history, so no foreign key across the two)."""

    __tablename__ = "inbox_cases"

    id = Column(Integer, primary_key=True)
    reference = Column(String(20), nullable=False, unique=True)
    claimed_by = Column(Integer, ForeignKey("inbox_staff.id"), nullable=True)
    claimed_at = Column(DateTime, nullable=True)
    first_attempt_at = Column(DateTime, nullable=True)
    contacted_at = Column(DateTime, nullable=True)
    closed_at = Column(DateTime, nullable=True)
    closed_by = Column(Integer, ForeignKey("inbox_staff.id"), nullable=True)
    outcome = Column(String(40), nullable=True)
    # Set once, by whichever process claims the outgoing alert first.
    alerted_at = Column(DateTime, nullable=True)


class CaseEntry(Base):
    """A note or a contact attempt, written by staff."""

    __tablename__ = "inbox_entries"

    id = Column(Integer, primary_key=True)
    reference = Column(String(20), nullable=False, index=True)
    staff_id = Column(Integer, ForeignKey("inbox_staff.id"), nullable=False)
    kind = Column(String(20), nullable=False)
    method = Column(String(20), nullable=True)
    result = Column(String(20), nullable=True)
    text = Column(Text, nullable=False, default="")
    created_at = Column(DateTime, nullable=False)


class AuditEntry(Base):
    """Who did what, when. `action` is a fixed word; nothing anyone wrote goes here."""

    __tablename__ = "inbox_audit"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, index=True)
    staff_id = Column(Integer, ForeignKey("inbox_staff.id"), nullable=True)
    action = Column(String(40), nullable=False)
    reference = Column(String(20), nullable=True, index=True)


def upgrade(url: str) -> None:
    """Create or bring the inbox tables up to date."""
    migrate(url, MIGRATIONS, VERSION_TABLE)
