"""`python -m bot.privacy`: sweep, export and erase, with the exit codes a script can rely on."""

import io
import json
import stat
import sys

import pytest

from bot.database import session_scope
from bot.privacy import queries
from bot.privacy.cli import main
from tests.unit.handover.factories import PENSION
from tests.unit.privacy.factories import (
    conversation_events,
    days_ago,
    hand_over,
    save_conversation,
    stores,
)


@pytest.fixture
def where(tmp_path, monkeypatch):
    where = stores(tmp_path)
    monkeypatch.setenv("DATABASE_URL", where.database_url)
    monkeypatch.setenv("TRACKER_STORE_URL", where.tracker_store_url)
    monkeypatch.setenv("USER", "dpo.officer")
    monkeypatch.delenv("ASSISTANT_NOW", raising=False)
    return where


def run(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_prints_the_record_and_says_what_it_did_on_stderr(where, monkeypatch, capsys):
    save_conversation(where, "web-1", conversation_events([PENSION], days_ago(1), offer=True))
    code, out, err = run(monkeypatch, capsys, "export", "--conversation", "web-1")
    assert code == 0
    # The record wraps long messages to the page.
    assert PENSION in " ".join(out.split()) and "Heeley Lunch Club" in out
    assert err == "Exported 1 conversation (7 events) and 0 hand-overs.\n"
    code, out, _ = run(monkeypatch, capsys, "export", "--conversation", "web-1", "--format", "json")
    assert json.loads(out)["conversations"][0]["conversation_id"] == "web-1"


def test_export_to_a_file_is_private_and_never_overwrites(where, monkeypatch, capsys, tmp_path):
    reference = hand_over(where, "web-2", days_ago(1))
    target = tmp_path / "export.txt"
    code, _, _ = run(
        monkeypatch, capsys, "export", "--reference", reference.lower(), "--output", str(target)
    )
    assert code == 0 and reference in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = run(monkeypatch, capsys, "export", "--reference", reference, "--output", str(target))
    assert again[0] == 1 and "already exists" in again[2]


def test_erase_asks_first_and_a_no_leaves_everything(where, monkeypatch, capsys):
    save_conversation(where, "web-3", conversation_events(["help me"], days_ago(1)))
    code, out, err = run(monkeypatch, capsys, "erase", "--conversation", "web-3", stdin="no\n")
    assert code == 1 and "cannot be undone" in err and "Nothing was erased." in err
    code, out, err = run(monkeypatch, capsys, "erase", "--conversation", "web-3", stdin="yes\n")
    assert code == 0 and "5 events and 0 hand-overs deleted" in out
    assert run(monkeypatch, capsys, "export", "--conversation", "web-3")[0] == 2


def test_erase_by_reference_with_yes_deletes_without_asking(where, monkeypatch, capsys):
    reference = hand_over(where, "web-4", days_ago(1))
    save_conversation(where, "web-4", conversation_events(["x"], days_ago(1), reference=reference))
    code, out, err = run(monkeypatch, capsys, "erase", "--reference", reference, "--yes")
    assert (code, err) == (0, "")
    assert out == f"Erased {reference}: 6 events and 2 hand-overs deleted.\n"
    with session_scope(where.database_url) as session:
        assert [(a.action, a.subject, a.done_by) for a in queries.actions(session)] == [
            ("erase", reference, "dpo.officer")
        ]


def test_an_unknown_conversation_or_reference_is_a_clear_exit_code_2(where, monkeypatch, capsys):
    unknown = run(monkeypatch, capsys, "erase", "--conversation", "nobody", "--yes")
    assert unknown == (2, "", "Not done: nothing is held for that conversation.\n")
    gone = run(monkeypatch, capsys, "erase", "--reference", "FC-7K3M-9Q4P", "--yes")
    assert gone == (2, "", "Not done: nothing is held for that reference.\n")
    malformed = run(monkeypatch, capsys, "export", "--reference", "12345")
    assert malformed == (2, "", "Not done: a reference looks like FC-7K3M-9Q4P.\n")


def test_sweep_reports_counts(where, monkeypatch, capsys):
    save_conversation(where, "web-5", conversation_events(["so alone"], days_ago(400)))
    code, out, _ = run(monkeypatch, capsys, "sweep")
    assert code == 0
    assert out == "Retention sweep: 1 conversations (5 events) and 0 hand-overs deleted.\n"
