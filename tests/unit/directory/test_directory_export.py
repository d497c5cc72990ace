import json
from pathlib import Path

from directory.db import session_scope
from directory.export import export_file
from directory.importer import import_source
from directory.validation import problems
from tests.directory_factories import database, service

RECORDS = [
    service(
        "svc-1",
        "Heeley Lunch Club",
        terms=("need-lunch-club",),
        postcode="S8 0ZB",
        byday="WE",
        area="Sheffield",
    ),
    service("svc-2", "Silver Line", terms=("need-loneliness",)),
]


def test_export_then_import_elsewhere_gives_back_the_same_records(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = database(tmp_path / "a", RECORDS)
    out = tmp_path / "export.json"
    with session_scope(first) as session:
        assert export_file(session, out) == 2
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(exported, key=lambda r: r["id"]) == RECORDS
    assert all(not problems(record) for record in exported)
    (tmp_path / "b").mkdir()
    second = database(tmp_path / "b")
    with session_scope(second) as session:
        assert import_source(session, str(out), progress=False).added == 2
    again = tmp_path / "again.json"
    with session_scope(second) as session:
        export_file(session, again)
    assert json.loads(again.read_text(encoding="utf-8")) == exported
