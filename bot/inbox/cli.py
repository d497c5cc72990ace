"""Staff accounts for the First Contact inbox. No account ships: the first is made here.

python -m bot.inbox add-staff EMAIL --name NAME [--password-stdin]
python -m bot.inbox disable-staff EMAIL
python -m bot.inbox list-staff
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, timezone

from bot.database import session_scope
from bot.handover.models import upgrade as upgrade_handovers
from bot.inbox import queries
from bot.inbox.models import StaffSession, upgrade
from bot.inbox.passwords import PasswordError, check_strength, hash_password
from bot.settings import load_settings


class AccountError(ValueError):
    """The command cannot be done; the message says why."""


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (12 or more characters): ")
    if getpass.getpass("The same password again: ") != first:
        raise PasswordError("the two passwords are not the same")
    return first


def add_staff(url: str, email: str, name: str, password: str) -> str:
    check_strength(password)
    with session_scope(url) as session:
        if queries.staff_by_email(session, email) is not None:
            raise AccountError(f"{email} already has an account")
        queries.add_staff(session, email, name, hash_password(password), datetime.now(timezone.utc))
    return f"Added {email}"


def disable_staff(url: str, email: str) -> str:
    with session_scope(url) as session:
        staff = queries.staff_by_email(session, email)
        if staff is None:
            raise AccountError(f"{email} has no account")
        staff.active = False
        # Signed-in browsers are signed out at once, not when their sessions expire.
        queries.end_sessions(session, StaffSession.staff_id == staff.id)
    return f"Disabled {email}"


def list_staff(url: str) -> str:
    with session_scope(url) as session:
        rows = [
            f"{staff.email}\t{staff.name}\t{'active' if staff.active else 'disabled'}"
            for staff in queries.all_staff(session)
        ]
    return "\n".join(rows) or "No staff accounts yet."


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m bot.inbox", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-staff", help="add a staff account")
    add.add_argument("email")
    add.add_argument("--name", required=True)
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    disable = commands.add_parser("disable-staff", help="stop an account signing in")
    disable.add_argument("email")
    commands.add_parser("list-staff", help="list staff accounts")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    url = load_settings().database_url
    # The inbox reads received hand-overs, so both histories must be in place.
    upgrade_handovers(url)
    upgrade(url)
    try:
        if args.command == "add-staff":
            message = add_staff(url, args.email, args.name, _read_password(args.password_stdin))
        elif args.command == "disable-staff":
            message = disable_staff(url, args.email)
        else:
            message = list_staff(url)
    except (PasswordError, AccountError) as error:
        print(f"Not done: {error}.", file=sys.stderr)
        return 1
    print(message)
    return 0
