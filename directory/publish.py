"""ORUK 3.0 API responses built from the directory (the web layer only serialises them)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from directory import queries
from directory.models import Service, Taxonomy, TaxonomyTerm
from directory.records import full_record

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
PROFILE = "https://openreferral.org/standard/profile/UK"
# A service in a list carries its own fields and organization, not the nested collections.
LIST_FIELDS = (
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "accreditations",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
    "last_modified",
    "organization",
)


class BadRequest(ValueError):
    """The caller's parameters cannot be used; the message says which and why."""


def _positive(params: Mapping[str, Any], name: str, default: int, most: int) -> int:
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(str(value))
    except ValueError as error:
        raise BadRequest(f"{name} must be a whole number") from error
    if not 1 <= number <= most:
        raise BadRequest(f"{name} must be between 1 and {most}")
    return number


def paging(params: Mapping[str, Any]) -> tuple[int, int]:
    """`page` and `per_page` from query parameters, checked."""
    page = _positive(params, "page", 1, 10**9)
    per_page = _positive(params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    return page, per_page


def page_envelope(items: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict:
    pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not items,
        "contents": items,
    }


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """Drop empty fields: the schemas type them as strings, and null is not a string."""
    return {key: value for key, value in values.items() if value is not None}


def api_info(base_url: str) -> dict[str, Any]:
    return {"version": "3.0", "profile": PROFILE, "openapi_url": f"{base_url}/openapi.json"}


def list_item(service: Service) -> dict[str, Any]:
    record = full_record(service)
    return {key: record[key] for key in LIST_FIELDS if key in record}


def services(session: Session, params: Mapping[str, Any]) -> dict[str, Any]:
    page, per_page = paging(params)
    total = queries.service_count(session)
    found = queries.services_page(session, page, per_page)
    return page_envelope([list_item(s) for s in found], total, page, per_page)


def service(session: Session, service_id: str) -> dict[str, Any] | None:
    found = queries.get_service(session, service_id)
    return full_record(found) if found else None


def taxonomy(item: Taxonomy) -> dict[str, Any]:
    return _present(
        {
            "id": item.id,
            "name": item.name,
            "description": item.description or item.name,
            "uri": item.uri,
            "version": item.version,
        }
    )


def taxonomy_term(item: TaxonomyTerm) -> dict[str, Any]:
    return _present(
        {
            "id": item.id,
            "name": item.name,
            "description": item.description or item.name,
            "code": item.code,
            "parent_id": item.parent_id,
            "taxonomy_id": item.taxonomy_id,
            "vocabulary": item.vocabulary,
            "term_uri": item.term_uri,
        }
    )


def taxonomies(session: Session, params: Mapping[str, Any]) -> dict[str, Any]:
    page, per_page = paging(params)
    total, found = queries.taxonomies_page(session, page, per_page)
    return page_envelope([taxonomy(t) for t in found], total, page, per_page)


def taxonomy_terms(session: Session, params: Mapping[str, Any]) -> dict[str, Any]:
    page, per_page = paging(params)
    total, found = queries.terms_page(session, page, per_page)
    return page_envelope([taxonomy_term(t) for t in found], total, page, per_page)
