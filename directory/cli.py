"""`python -m directory ...`: import, export, maintain, search, evaluate and benchmark."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from directory import maintain, queries, vectors
from directory.db import database_url, session_scope, upgrade
from directory.export import export_file
from directory.feed import FeedError
from directory.importer import import_source
from directory.search import search

USER_ERROR = 2


class UserError(Exception):
    """Bad input from the person at the terminal: report it kindly, no traceback."""


def _in_session(action: Callable[[Session], int | None]) -> int:
    url = database_url()
    upgrade(url)
    with session_scope(url) as session:
        return action(session) or 0


def cmd_import(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        summary = import_source(session, args.source, progress=not args.quiet)
        print("\n".join(summary.lines()))

    return _in_session(run)


def cmd_export(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        print(f"Wrote {export_file(session, Path(args.file))} services to {args.file}")

    return _in_session(run)


def cmd_add(args: argparse.Namespace) -> int:
    record = maintain.read_record_file(Path(args.file))
    return _in_session(lambda session: print(f"Added {maintain.add(session, record)}"))


def cmd_edit(args: argparse.Namespace) -> int:
    changes = {f: getattr(args, f) for f in maintain.EDITABLE if getattr(args, f) is not None}

    def run(session: Session) -> None:
        maintain.edit(session, args.id, changes)
        print(f"Updated {args.id}: {', '.join(sorted(changes))}")

    return _in_session(run)


def cmd_retire(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        maintain.retire(session, args.id)
        print(f"Retired {args.id}; it no longer appears in search or the API.")

    return _in_session(run)


def cmd_verify(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        print(f"Verified {args.id} on {maintain.verify(session, args.id).isoformat()}")

    return _in_session(run)


def _print_findings(findings: list[maintain.Finding], none: str) -> int:
    for item in findings:
        print(f"{item.id}\t{item.name}\t{item.detail}")
    print(none if not findings else f"{len(findings)} found")
    return 1 if findings else 0


def cmd_stale(args: argparse.Namespace) -> int:
    return _in_session(
        lambda session: _print_findings(
            maintain.stale(session), "Every service was verified in the last three months."
        )
    )


def cmd_validate(args: argparse.Namespace) -> int:
    return _in_session(
        lambda session: _print_findings(
            maintain.validate_all(session), "Every service fits the ORUK 3.0 schema."
        )
    )


def cmd_vectors(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        count = vectors.refresh(session, everything=args.all)
        live = queries.service_count(session)
        print(f"Recomputed {count} of {live} search vectors; the others were up to date.")

    return _in_session(run)


def cmd_search(args: argparse.Namespace) -> int:
    try:
        at = datetime.fromisoformat(args.at) if args.at else None
    except ValueError as error:
        raise UserError(f"--at should look like 2026-06-06T14:30, not {args.at!r}") from error

    def run(session: Session) -> None:
        results = search(session, args.query, args.postcode, args.limit, args.open_now, at)
        if args.json:
            print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1))
            return
        for number, result in enumerate(results, 1):
            print(f"{number}. {result.name} [{result.id}] ({result.score})\n   {result.why}")

    return _in_session(run)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from directory.evaluation import evaluate

    try:
        report = evaluate.figures()
    except evaluate.BlindSetChanged as error:
        raise UserError(str(error)) from error
    print(json.dumps(report, indent=1) if args.json else evaluate.format_report(report))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from directory.bench import report

    print(report(args.sizes, args.import_size))
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m directory", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    def command(name: str, handler: Callable[[argparse.Namespace], int], text: str):
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    sub = command("import", cmd_import, "Import an ORUK 3.0 JSON file or API base URL.")
    sub.add_argument("source")
    sub.add_argument("--quiet", action="store_true", help="no progress bar")
    command("export", cmd_export, "Write every service as an ORUK JSON array.").add_argument("file")
    command("add", cmd_add, "Add one service from a JSON file.").add_argument("file")
    sub = command("edit", cmd_edit, "Change fields of a service.")
    sub.add_argument("id")
    for field in maintain.EDITABLE:
        sub.add_argument(f"--{field}")
    command("retire", cmd_retire, "Take a service out of search and the API.").add_argument("id")
    command("verify", cmd_verify, "Mark a service as checked today.").add_argument("id")
    command("stale", cmd_stale, "List services not verified for three months.")
    command("validate", cmd_validate, "Check every service against the ORUK schema.")
    sub = command("vectors", cmd_vectors, "Recompute search vectors that are out of date.")
    sub.add_argument("--all", action="store_true", help="recompute every one")
    sub = command("search", cmd_search, "Search the directory.")
    sub.add_argument("query")
    sub.add_argument("--postcode")
    sub.add_argument("--limit", type=int, default=5)
    sub.add_argument("--open-now", action="store_true")
    sub.add_argument("--at", help="pretend it is this time (ISO 8601), for testing")
    sub.add_argument("--json", action="store_true")
    command(
        "evaluate", cmd_evaluate, "Score search on queries.yml and the dev and blind needs."
    ).add_argument("--json", action="store_true")
    sub = command("bench", cmd_bench, "Time search and import on synthetic directories.")
    sub.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    sub.add_argument("--import-size", type=int, default=10_000)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (UserError, maintain.MaintenanceError, FeedError) as error:
        print(f"Sorry, that did not work: {error}", file=sys.stderr)
        return USER_ERROR
