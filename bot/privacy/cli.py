"""Personal data held by the assistant: retention, subject access and erasure.

python -m bot.privacy sweep
python -m bot.privacy export (--conversation ID | --reference REF) [--format json] [--output FILE]
python -m bot.privacy erase (--conversation ID | --reference REF) [--yes]

Exit codes: 0 done, 1 not done (declined, or the output file exists), 2 nothing held for that
conversation or reference. DATABASE_URL and TRACKER_STORE_URL say where to look.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime, timezone

from bot.handover.reference import is_reference
from bot.privacy import readable, retention, subject_access
from bot.privacy.subject_access import Found, NotFound
from bot.settings import Settings, load_settings

NOT_DONE, NOT_FOUND = 1, 2


def who() -> str:
    """Who ran the command, for the record of actions: the login, as $USER says."""
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    # Readable by its owner only, and never over another file: an export is personal data.
    handle = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)


def _describe(found: Found) -> str:
    conversations = len(found.conversation_ids)
    return (
        f"{conversations} conversation{'s' * (conversations != 1)} ({found.events} events) "
        f"and {found.handovers} hand-over{'s' * (found.handovers != 1)}"
    )


def _confirmed(found: Found) -> bool:
    sys.stderr.write(
        f"This erases {_describe(found)} for {found.subject}. It cannot be undone.\n"
        "Type yes to erase: "
    )
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() == "yes"


def sweep(settings: Settings) -> str:
    swept = retention.sweep(
        settings.database_url,
        settings.tracker_store_url,
        retention.RetentionPolicy.from_profile(settings.council()),
        # The real clock: Rasa stamps events with it, whatever ASSISTANT_NOW says.
        datetime.now(timezone.utc),
        done_by=who(),
    )
    return f"Retention sweep: {swept.describe()}."


def export(settings: Settings, found: Found, form: str, output: str | None) -> str:
    data = subject_access.export(
        settings.database_url, settings.tracker_store_url, found, who(), datetime.now(timezone.utc)
    )
    if form == "json":
        text = readable.as_json(data)
    else:
        text = readable.as_text(data, settings.council().name)
    _write(text, output)
    where = f" to {output}" if output else ""
    return f"Exported {_describe(found)}{where}."


def erase(settings: Settings, found: Found, yes: bool) -> str | None:
    if not yes and not _confirmed(found):
        return None
    erased = subject_access.erase(
        settings.database_url, settings.tracker_store_url, found, who(), datetime.now(timezone.utc)
    )
    return (
        f"Erased {found.subject}: {erased.events} events and {erased.handovers} hand-overs deleted."
    )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m bot.privacy",
        description=(__doc__ or "").split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser("sweep", help="delete what is past the council's retention periods")
    for name, help_text in (
        ("export", "everything held for one conversation, for a subject access request"),
        ("erase", "delete one conversation and its hand-overs"),
    ):
        command = commands.add_parser(name, help=help_text)
        which = command.add_mutually_exclusive_group(required=True)
        which.add_argument("--conversation", metavar="ID", help="the conversation (sender) id")
        which.add_argument("--reference", metavar="REF", help="the reference, e.g. FC-7K3M-9Q4P")
        if name == "export":
            command.add_argument("--format", choices=("text", "json"), default="text")
            command.add_argument("--output", metavar="FILE", help="a new file (default: stdout)")
        else:
            command.add_argument("--yes", action="store_true", help="do not ask first")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings()
    retention.prepare(settings.database_url)
    if args.command == "sweep":
        print(sweep(settings))
        return 0
    reference = args.reference.strip().upper() if args.reference else None
    if reference is not None and not is_reference(reference):
        print("Not done: a reference looks like FC-7K3M-9Q4P.", file=sys.stderr)
        return NOT_FOUND
    try:
        found = subject_access.find(
            settings.database_url, settings.tracker_store_url, args.conversation, reference
        )
    except NotFound as error:
        print(f"Not done: {error}.", file=sys.stderr)
        return NOT_FOUND
    if args.command == "export":
        try:
            message = export(settings, found, args.format, args.output)
        except FileExistsError:
            print(f"Not done: {args.output} already exists.", file=sys.stderr)
            return NOT_DONE
        # The export itself may be on stdout, so what was done goes to stderr.
        print(message, file=sys.stderr)
        return 0
    done = erase(settings, found, args.yes)
    if done is None:
        print("Nothing was erased.", file=sys.stderr)
        return NOT_DONE
    print(done)
    return 0
