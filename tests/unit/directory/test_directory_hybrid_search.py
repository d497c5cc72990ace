"""Search by words and meaning together: what meaning adds, and that every filter still holds."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from directory.db import session_scope
from directory.search import search
from directory.search.index import get_index
from directory.search.ranking import DENSE_MIN
from encoder import shared_encoder
from tests.directory_factories import THESAURUS, database, service

MOWING = "We mow lawns and trim hedges for older people."
# None of these shares a word (or a near miss) with "grass cutting": only meaning finds them.
RECORDS = [
    service("mow-near", "Lawn Mowing Volunteers", MOWING, postcode="S8 0ZB"),
    service("mow-far", "Lawn Mowing Helpers", MOWING, postcode="S36 1AB"),
    service("mow-s6", "Hillsborough Lawn Mowing", MOWING, postcode="S6 2LH", area="S6"),
    service("mow-over-65", "Lawn Mowing for Pensioners", MOWING, minimum_age=65, area="UK"),
    service(
        "mow-saturday",
        "Saturday Lawn Mowing",
        MOWING,
        postcode="S8 0ZB",
        byday="SA",
        opens_at="09:00:00",
        closes_at="12:00:00",
    ),
    service("petanque", "Petanque Club", "Boules on the green at Meersbrook Park."),
    service("general", "Council First Contact", "Ask about any kind of help.", ("need-general",)),
]
MONDAY_NOON = datetime(2026, 7, 6, 12, tzinfo=timezone.utc)


@pytest.fixture()
def url(tmp_path: Path) -> str:
    return database(tmp_path, RECORDS)


@pytest.fixture()
def thesaurus(tmp_path: Path) -> Path:
    path = tmp_path / "thesaurus.yml"
    path.write_text(THESAURUS, encoding="utf-8")
    return path


def matched(url: str, thesaurus: Path, query: str, **options: object) -> list[str]:
    with session_scope(url) as session:
        results = search(session, query, thesaurus_file=thesaurus, limit=10, **options)
        return [r.id for r in results if r.matched]


def test_a_service_found_only_by_meaning_is_found(url: str, thesaurus: Path) -> None:
    assert matched(url, thesaurus, "grass cutting", dense=False) == []
    assert "mow-near" in matched(url, thesaurus, "grass cutting")


def test_a_service_found_only_by_words_still_is(url: str, thesaurus: Path) -> None:
    with session_scope(url) as session:
        index = get_index(session, thesaurus)
        row = index.meaning[[e.id for e in index.entries].index("petanque")]
    # A misspelt place name: too far from the service in meaning to be found that way.
    assert float(row @ shared_encoder().encode(["meersbruk"])[0]) < DENSE_MIN
    assert matched(url, thesaurus, "meersbruk")[0] == "petanque"


def test_found_by_meaning_says_so_and_nearer_ranks_higher(url: str, thesaurus: Path) -> None:
    with session_scope(url) as session:
        results = search(session, "grass cutting", "S8 0ZB", limit=10, thesaurus_file=thesaurus)
    found = [r.id for r in results]
    assert found.index("mow-near") < found.index("mow-far")
    near = results[found.index("mow-near")]
    assert "close in meaning to what you described" in near.why
    assert "miles from S8 0ZB" in near.why


def test_a_service_area_excludes_a_service_found_by_meaning(url: str, thesaurus: Path) -> None:
    assert "mow-s6" not in matched(url, thesaurus, "grass cutting", postcode="S8 0ZB")
    assert "mow-s6" in matched(url, thesaurus, "grass cutting", postcode="S6 2LH")


def test_age_limits_apply_to_services_found_by_meaning(url: str, thesaurus: Path) -> None:
    assert "mow-over-65" in matched(url, thesaurus, "grass cutting, mum is 80")
    assert "mow-over-65" not in matched(url, thesaurus, "grass cutting, im 30")


def test_open_now_applies_to_services_found_by_meaning(url: str, thesaurus: Path) -> None:
    assert "mow-saturday" in matched(url, thesaurus, "grass cutting", at=MONDAY_NOON)
    closed = matched(url, thesaurus, "grass cutting", open_now=True, at=MONDAY_NOON)
    assert "mow-saturday" not in closed and "mow-near" in closed


def test_nonsense_still_falls_back_to_general_options(url: str, thesaurus: Path) -> None:
    with session_scope(url) as session:
        results = search(session, "xyzzy", thesaurus_file=thesaurus)
    assert results and not any(r.matched for r in results)
    assert results[0].id == "general"
