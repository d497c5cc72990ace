import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from directory.db import session_scope
from directory.feed import FeedError
from directory.importer import import_source, load_sample_if_empty
from directory.models import Address, Phone, Service
from tests.directory_factories import database, service, write_json

RECORDS = [
    service("svc-1", "Heeley Lunch Club", terms=("need-lunch-club",), postcode="S8 0ZB"),
    service("svc-2", "Carers Cafe", byday="MO,TU"),
]


def _services(url: str) -> dict[str, Service]:
    with session_scope(url) as session:
        return {s.id: s for s in session.execute(select(Service)).scalars()}


def test_a_json_array_of_services_is_imported(tmp_path: Path) -> None:
    url = database(tmp_path)
    feed = write_json(tmp_path / "feed.json", RECORDS)
    with session_scope(url) as session:
        summary = import_source(session, str(feed), progress=False)
    assert (summary.added, summary.updated, summary.retired) == (2, 0, 0)
    assert _services(url)["svc-1"].name == "Heeley Lunch Club"


def test_a_paged_services_response_is_imported_from_its_contents(tmp_path: Path) -> None:
    url = database(tmp_path)
    page = {"total_items": 2, "total_pages": 1, "page_number": 1, "contents": RECORDS}
    feed = write_json(tmp_path / "page.json", page)
    with session_scope(url) as session:
        assert import_source(session, str(feed), progress=False).added == 2


def test_reimporting_the_same_feed_changes_nothing(tmp_path: Path) -> None:
    url = database(tmp_path)
    feed = write_json(tmp_path / "feed.json", RECORDS)
    with session_scope(url) as session:
        import_source(session, str(feed), progress=False)
    with session_scope(url) as session:
        summary = import_source(session, str(feed), progress=False)
        phones = session.execute(select(func.count()).select_from(Phone)).scalar_one()
    assert (summary.added, summary.updated, summary.unchanged, summary.retired) == (0, 0, 2, 0)
    assert phones == 2


def test_a_changed_record_is_updated_in_place(tmp_path: Path) -> None:
    url = database(tmp_path)
    feed = write_json(tmp_path / "feed.json", RECORDS)
    with session_scope(url) as session:
        import_source(session, str(feed), progress=False)
    changed = [service("svc-1", "Heeley Lunch and Chat Club"), RECORDS[1]]
    write_json(feed, changed)
    with session_scope(url) as session:
        summary = import_source(session, str(feed), progress=False)
    assert (summary.updated, summary.unchanged) == (1, 1)
    assert _services(url)["svc-1"].name == "Heeley Lunch and Chat Club"


def test_services_that_vanish_from_their_feed_are_retired_not_deleted(tmp_path: Path) -> None:
    url = database(tmp_path)
    feed = write_json(tmp_path / "feed.json", RECORDS)
    with session_scope(url) as session:
        import_source(session, str(feed), progress=False)
    write_json(feed, RECORDS[:1])
    with session_scope(url) as session:
        assert import_source(session, str(feed), progress=False).retired == 1
    gone = _services(url)["svc-2"]
    assert gone.retired_at is not None and gone.status == "inactive"
    write_json(feed, RECORDS)
    with session_scope(url) as session:
        assert import_source(session, str(feed), progress=False).updated == 1
    assert _services(url)["svc-2"].retired_at is None


def test_a_bad_record_is_rejected_with_its_reason_and_the_rest_imported(tmp_path: Path) -> None:
    url = database(tmp_path)
    bad = {**service("svc-bad", "Broken"), "status": "open-ish"}
    feed = write_json(tmp_path / "feed.json", [*RECORDS, bad, {"name": "no id"}])
    with session_scope(url) as session:
        summary = import_source(session, str(feed), progress=False)
    assert summary.added == 2
    reasons = dict(summary.rejected)
    assert "status" in reasons["svc-bad"] and "open-ish" in reasons["svc-bad"]
    assert "'id' is a required property" in reasons["(record without an id)"]
    assert set(_services(url)) == {"svc-1", "svc-2"}


def test_a_feed_that_is_not_json_changes_nothing(tmp_path: Path) -> None:
    url = database(tmp_path, RECORDS)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(RECORDS)[:-20], encoding="utf-8")
    with pytest.raises(FeedError, match="not valid JSON"), session_scope(url) as session:
        import_source(session, str(broken), progress=False)
    assert set(_services(url)) == {"svc-1", "svc-2"}


def test_the_sample_is_loaded_only_into_an_empty_directory(tmp_path: Path) -> None:
    url = database(tmp_path)
    with session_scope(url) as session:
        first = load_sample_if_empty(session)
    with session_scope(url) as session:
        second = load_sample_if_empty(session)
    assert first is not None and first.added > 0 and not first.rejected
    assert second is None


def test_services_sharing_a_location_keep_one_copy_of_its_address(tmp_path: Path) -> None:
    first = service("svc-a", "Morning Group", postcode="S8 0ZB")
    second = service("svc-b", "Evening Group", postcode="S8 0ZB")
    second["service_at_locations"] = first["service_at_locations"]
    url = database(tmp_path, [first, second])
    feed = write_json(tmp_path / "feed.json", [first, {**second, "name": "Late Group"}])
    with session_scope(url) as session:
        import_source(session, str(feed), progress=False)
        postcodes = session.execute(select(Address.postal_code)).scalars().all()
    assert postcodes == ["S8 0ZB"]
