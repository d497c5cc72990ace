"""Data access for the inbox: plain functions over a session. None of them commits or rolls
back; `bot.database.session_scope` does that in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, aliased

from bot.handover.models import ReceivedHandover, to_db_time
from bot.inbox.models import AuditEntry, Case, CaseEntry, Staff, StaffSession

# --- staff -----------------------------------------------------------------------------


def staff_by_email(session: Session, email: str) -> Staff | None:
    return session.execute(
        select(Staff).where(Staff.email == email.strip().lower())
    ).scalar_one_or_none()


def all_staff(session: Session) -> Sequence[Staff]:
    return list(session.execute(select(Staff).order_by(Staff.email)).scalars())


def add_staff(session: Session, email: str, name: str, password_hash: str, now: datetime) -> Staff:
    staff = Staff(
        email=email.strip().lower(),
        name=name.strip(),
        password_hash=password_hash,
        active=True,
        failed_logins=0,
        created_at=to_db_time(now),
    )
    session.add(staff)
    session.flush()
    return staff


# --- sessions --------------------------------------------------------------------------


def add_session(
    session: Session, id_hash: str, staff_id: int, csrf: str, now: datetime, expires: datetime
) -> None:
    session.add(
        StaffSession(
            id_hash=id_hash,
            staff_id=staff_id,
            csrf_token=csrf,
            created_at=to_db_time(now),
            expires_at=to_db_time(expires),
        )
    )


def live_session(session: Session, id_hash: str, now: datetime) -> Row | None:
    """The session and its (still active) staff member, unless expired."""
    return session.execute(
        select(StaffSession, Staff)
        .join(Staff, Staff.id == StaffSession.staff_id)
        .where(
            StaffSession.id_hash == id_hash,
            StaffSession.expires_at > to_db_time(now),
            Staff.active.is_(True),
        )
    ).one_or_none()


def end_sessions(session: Session, *conditions: Any) -> None:
    session.execute(
        StaffSession.__table__.delete().where(*conditions),
    )


# --- cases -----------------------------------------------------------------------------


def ensure_case(session: Session, reference: str) -> Case:
    """The case row for a hand-over, made on first use. ON CONFLICT DO NOTHING, so two staff
    acting on a new hand-over at once both get the one row."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Case)
        .values(reference=reference)
        .on_conflict_do_nothing(index_elements=["reference"])
    )
    return session.execute(select(Case).where(Case.reference == reference)).scalar_one()


def change_case(session: Session, reference: str, guard: Any, values: dict[str, Any]) -> bool:
    """Update a case only while `guard` holds (e.g. not closed); True if it did."""
    result = session.execute(
        update(Case)
        .where(Case.reference == reference, guard)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def add_entry(
    session: Session, reference: str, staff_id: int, now: datetime, **values: Any
) -> None:
    session.add(
        CaseEntry(reference=reference, staff_id=staff_id, created_at=to_db_time(now), **values)
    )


def entries_for(session: Session, reference: str) -> list[Row]:
    return list(
        session.execute(
            select(CaseEntry, Staff.name)
            .join(Staff, Staff.id == CaseEntry.staff_id)
            .where(CaseEntry.reference == reference)
            .order_by(CaseEntry.created_at, CaseEntry.id)
        )
    )


def handover_with_case(session: Session, reference: str) -> Row | None:
    claimer = aliased(Staff)
    return session.execute(
        select(ReceivedHandover, Case, claimer.name.label("claimed_by_name"))
        .outerjoin(Case, Case.reference == ReceivedHandover.reference)
        .outerjoin(claimer, claimer.id == Case.claimed_by)
        .where(ReceivedHandover.reference == reference)
    ).one_or_none()


def handovers_with_cases(session: Session, *conditions: Any, limit: int = 500) -> list[Row]:
    """Hand-overs with their case work and who claimed them; the caller orders them."""
    claimer = aliased(Staff)
    return list(
        session.execute(
            select(ReceivedHandover, Case, claimer.name.label("claimed_by_name"))
            .outerjoin(Case, Case.reference == ReceivedHandover.reference)
            .outerjoin(claimer, claimer.id == Case.claimed_by)
            .where(*conditions)
            .order_by(ReceivedHandover.received_at.desc())
            .limit(limit)
        )
    )


# --- audit -----------------------------------------------------------------------------


def audit(
    session: Session, staff_id: int | None, action: str, now: datetime, reference: str | None = None
) -> None:
    session.add(
        AuditEntry(at=to_db_time(now), staff_id=staff_id, action=action, reference=reference)
    )


def audit_for(session: Session, reference: str) -> list[Row]:
    return list(
        session.execute(
            select(AuditEntry, Staff.name, Staff.email)
            .outerjoin(Staff, Staff.id == AuditEntry.staff_id)
            .where(AuditEntry.reference == reference)
            .order_by(AuditEntry.at, AuditEntry.id)
        )
    )
