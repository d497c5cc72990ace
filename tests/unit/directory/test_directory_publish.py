from pathlib import Path

import pytest

from directory import publish
from directory.db import session_scope
from directory.validation import page_problems, problems
from tests.directory_factories import database, service

RECORDS = [
    service(
        f"svc-{n}",
        f"Service {n}",
        terms=("need-loneliness", "need-general"),
        postcode="S8 0ZB",
        byday="MO",
    )
    for n in range(5)
]


@pytest.fixture()
def url(tmp_path: Path) -> str:
    return database(tmp_path, RECORDS)


def test_the_services_list_is_paged_and_fits_the_list_schema(url: str) -> None:
    with session_scope(url) as session:
        page = publish.services(session, {"page": "2", "per_page": "2"})
    assert page_problems(page, "service_list") == []
    assert (page["total_items"], page["total_pages"], page["page_number"]) == (5, 3, 2)
    assert (page["size"], page["first_page"], page["last_page"], page["empty"]) == (
        2,
        False,
        False,
        False,
    )
    assert "service_at_locations" not in page["contents"][0]


def test_a_page_past_the_end_is_empty_but_valid(url: str) -> None:
    with session_scope(url) as session:
        page = publish.services(session, {"page": "9", "per_page": "2"})
    assert page_problems(page, "service_list") == []
    assert page["empty"] and page["last_page"] and page["contents"] == []


def test_one_service_is_the_full_record_and_fits_the_service_schema(url: str) -> None:
    with session_scope(url) as session:
        record = publish.service(session, "svc-3")
        missing = publish.service(session, "no-such-service")
    assert record is not None and problems(record) == []
    assert record["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "S8 0ZB"
    assert missing is None


def test_taxonomies_and_terms_fit_their_schemas(url: str) -> None:
    with session_scope(url) as session:
        taxonomies = publish.taxonomies(session, {})
        terms = publish.taxonomy_terms(session, {"per_page": "1"})
    assert page_problems(taxonomies, "taxonomy") == []
    assert [t["id"] for t in taxonomies["contents"]] == ["c1-needs"]
    assert page_problems(terms, "taxonomy_term") == []
    assert terms["total_items"] == 2 and terms["size"] == 1


@pytest.mark.parametrize(
    "params", [{"page": "0"}, {"page": "two"}, {"per_page": "100000"}, {"per_page": "-1"}]
)
def test_bad_paging_parameters_are_refused_with_a_reason(url: str, params: dict) -> None:
    with session_scope(url) as session, pytest.raises(publish.BadRequest, match="must be"):
        publish.services(session, params)
