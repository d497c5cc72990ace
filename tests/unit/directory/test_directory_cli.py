import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from directory.cli import main
from directory.db import session_scope
from directory.models import Service
from tests.directory_factories import database, service, write_json


@pytest.fixture()
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    old = (date.today() - timedelta(days=200)).isoformat()
    records = [
        service("svc-1", "Heeley Lunch Club", terms=("need-lunch-club",), assured_date=old),
        service("svc-2", "Carers Cafe", assured_date=date.today().isoformat()),
    ]
    url = database(tmp_path, records)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _get(url: str, service_id: str) -> Service:
    with session_scope(url) as session:
        found = session.get(Service, service_id)
        assert found is not None
        return found


def test_add_puts_a_new_service_in_the_directory(url: str, tmp_path: Path) -> None:
    new = write_json(tmp_path / "new.json", service("svc-3", "Walking Group"))
    assert main(["add", str(new)]) == 0
    assert _get(url, "svc-3").name == "Walking Group"


def test_edit_changes_the_fields_and_the_published_record(url: str) -> None:
    code = main(
        [
            "edit",
            "svc-1",
            "--name",
            "Heeley Friendship Lunch",
            "--phone",
            "0114 496 0999",
            "--email",
            "lunch@example.org",
        ]
    )
    assert code == 0
    edited = _get(url, "svc-1")
    assert edited.name == edited.raw["name"] == "Heeley Friendship Lunch"
    assert edited.raw["phones"] == [{"id": "svc-1-phone", "number": "0114 496 0999"}]
    assert edited.email == "lunch@example.org"


def test_retire_takes_a_service_out_and_search_no_longer_offers_it(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retire", "svc-1"]) == 0
    assert _get(url, "svc-1").retired_at is not None
    capsys.readouterr()
    assert main(["search", "Heeley Lunch Club", "--json"]) == 0
    assert "svc-1" not in [r["id"] for r in json.loads(capsys.readouterr().out)]


def test_verify_sets_the_assured_date_to_today_and_stale_lists_the_rest(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stale"]) == 1
    assert "svc-1" in capsys.readouterr().out
    assert main(["verify", "svc-1"]) == 0
    assert _get(url, "svc-1").assured_date == date.today()
    assert main(["stale"]) == 0


def test_validate_reports_a_clean_directory(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "Every service fits" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["retire", "svc-404"], ["verify", "svc-404"], ["edit", "svc-404", "--name", "x"]],
)
def test_an_unknown_id_gets_a_kind_message_and_exit_code_2(
    url: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "no service with id 'svc-404'" in err and "Traceback" not in err


def test_bad_json_gets_a_kind_message_and_exit_code_2(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "svc-9", ', encoding="utf-8")
    assert main(["add", str(broken)]) == 2
    assert "is not valid JSON (line 1" in capsys.readouterr().err


def test_an_edit_that_breaks_the_schema_is_refused(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["edit", "svc-2", "--status", "maybe"]) == 2
    assert "status" in capsys.readouterr().err
    assert _get(url, "svc-2").status == "active"


def test_search_prints_a_json_array_best_first(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "lunch club", "--postcode", "S8", "--limit", "1", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in results] == ["svc-1"]
    assert {"id", "name", "score", "why", "phone"} <= set(results[0])
