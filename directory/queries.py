"""Plain query and write helpers over the directory tables (callers own the session)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from directory.models import DirectoryState, Service, Taxonomy, TaxonomyTerm

# SQLite allows 999 bound variables per statement in older builds; stay well under.
CHUNK = 500
RETIRED_STATUS = "inactive"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def data_version(session: Session) -> int:
    version = session.execute(select(DirectoryState.version).where(DirectoryState.id == 1))
    return version.scalar() or 0


def mark_changed(session: Session) -> None:
    """Bump the data version so every cached search index rebuilds on its next use."""
    changed = session.execute(
        update(DirectoryState)
        .where(DirectoryState.id == 1)
        .values(version=DirectoryState.version + 1, changed_at=utcnow())
    )
    if changed.rowcount == 0:
        session.add(DirectoryState(id=1, version=1, changed_at=utcnow()))
        session.flush()


def existing_ids(session: Session, table: Table, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(sorted(set(ids))):
        found.update(session.execute(select(table.c.id).where(table.c.id.in_(part))).scalars())
    return found


def upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert or update rows by `id` (last row wins), portable across SQLite and PostgreSQL."""
    latest = {row["id"]: row for row in rows}
    present = existing_ids(session, table, latest)
    new = [row for key, row in latest.items() if key not in present]
    old = [{**row, "_id": key} for key, row in latest.items() if key in present]
    if new:
        session.execute(table.insert(), new)
    if old:
        columns = {name: bindparam(name) for name in old[0] if name not in ("_id", "id")}
        statement = table.update().where(table.c.id == bindparam("_id")).values(columns)
        session.execute(statement, old)


def delete_where_in(session: Session, column: Any, values: Iterable[str]) -> None:
    for part in chunks(sorted(set(values))):
        session.execute(delete(column.table).where(column.in_(part)))


def service_count(session: Session, include_retired: bool = False) -> int:
    query = select(func.count()).select_from(Service)
    if not include_retired:
        query = query.where(Service.retired_at.is_(None))
    return session.execute(query).scalar_one()


def get_service(session: Session, service_id: str) -> Service | None:
    return session.get(Service, service_id)


def services_page(
    session: Session, page: int, per_page: int, include_retired: bool = False
) -> list[Service]:
    query = select(Service).order_by(Service.name, Service.id)
    if not include_retired:
        query = query.where(Service.retired_at.is_(None))
    query = query.offset((page - 1) * per_page).limit(per_page)
    return list(session.execute(query).scalars())


def all_services(session: Session, include_retired: bool = True) -> list[Service]:
    query = select(Service).order_by(Service.id)
    if not include_retired:
        query = query.where(Service.retired_at.is_(None))
    return list(session.execute(query).scalars())


def stale_services(session: Session, verified_before: date) -> list[Service]:
    """Live services never verified, or last verified before `verified_before`."""
    query = (
        select(Service)
        .where(Service.retired_at.is_(None))
        .where((Service.assured_date.is_(None)) | (Service.assured_date < verified_before))
        .order_by(Service.assured_date.is_not(None), Service.assured_date, Service.name)
    )
    return list(session.execute(query).scalars())


def active_ids_from(session: Session, source: str) -> set[str]:
    query = select(Service.id).where(Service.source == source, Service.retired_at.is_(None))
    return set(session.execute(query).scalars())


def taxonomies_page(session: Session, page: int, per_page: int) -> tuple[int, list[Taxonomy]]:
    total = session.execute(select(func.count()).select_from(Taxonomy)).scalar_one()
    query = select(Taxonomy).order_by(Taxonomy.id).offset((page - 1) * per_page).limit(per_page)
    return total, list(session.execute(query).scalars())


def terms_page(session: Session, page: int, per_page: int) -> tuple[int, list[TaxonomyTerm]]:
    total = session.execute(select(func.count()).select_from(TaxonomyTerm)).scalar_one()
    query = (select(TaxonomyTerm).order_by(TaxonomyTerm.id).offset((page - 1) * per_page)).limit(
        per_page
    )
    return total, list(session.execute(query).scalars())
