"""The staff accounts command: add, refuse weak or repeated, list, disable."""

import io
import sys

from bot.database import session_scope
from bot.inbox import queries
from bot.inbox.cli import main
from bot.inbox.passwords import verify_password

PASSWORD = "a long and careful passphrase"


def run(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_staff_are_added_listed_and_disabled_with_only_a_hash_stored(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    added = run(
        monkeypatch, capsys, "add-staff", "Ann@Council.Example", "--name", "Ann Worker",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert added == (0, "Added Ann@Council.Example\n", "")
    with session_scope(url) as session:
        stored = queries.staff_by_email(session, "ann@council.example")
        assert stored is not None and PASSWORD not in stored.password_hash
        assert verify_password(PASSWORD, stored.password_hash)
    assert run(monkeypatch, capsys, "list-staff")[1] == "ann@council.example\tAnn Worker\tactive\n"
    assert run(monkeypatch, capsys, "disable-staff", "ann@council.example")[0] == 0
    assert run(monkeypatch, capsys, "list-staff")[1].endswith("\tdisabled\n")


def test_a_short_password_a_second_account_or_an_unknown_email_is_refused(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    add = ("add-staff", "ann@council.example", "--name", "Ann", "--password-stdin")
    short = run(monkeypatch, capsys, *add, stdin="short\n")
    assert short[0] == 1 and "at least 12 characters" in short[2]
    assert run(monkeypatch, capsys, "list-staff")[1] == "No staff accounts yet.\n"
    assert run(monkeypatch, capsys, *add, stdin=PASSWORD + "\n")[0] == 0
    again = run(monkeypatch, capsys, *add, stdin=PASSWORD + "\n")
    assert again[0] == 1 and "already has an account" in again[2]
    unknown = run(monkeypatch, capsys, "disable-staff", "bob@council.example")
    assert unknown[0] == 1 and "has no account" in unknown[2]
