"""Numbers for managers: counts only, never anything about a person. Plain functions over
plain facts, so the maths is tested without a database; `period_stats` reads them."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.council.profile import UK_TIME
from bot.database import session_scope
from bot.handover.models import ReceivedHandover, from_db_time, to_db_time
from bot.inbox import queries
from bot.inbox.cases import Problem

LEVEL_ORDER = ("immediate", "urgent", "concern", "none")
SERIOUS = frozenset(("immediate", "urgent"))
DEFAULT_DAYS = 28
LONGEST_PERIOD_DAYS = 366


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC moments from midnight UK time on the first day to midnight after the last."""
        start = datetime.combine(self.first, time(), tzinfo=UK_TIME)
        end = datetime.combine(self.last + timedelta(days=1), time(), tzinfo=UK_TIME)
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


@dataclass(frozen=True)
class HandoverFacts:
    created_at: datetime
    risk_level: str
    categories: list[str]
    kind: str
    first_attempt_at: datetime | None


@dataclass(frozen=True)
class Stats:
    total: int
    by_level: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    by_kind: list[tuple[str, int]]
    out_of_hours: int
    out_of_hours_share: float | None
    attempted: int
    median_to_first_attempt: timedelta | None


@dataclass(frozen=True)
class Conversations:
    started: int
    community_without_handover: int
    # Urgent or immediate risk found and nothing handed over: the adult said no about
    # themselves, or left before saying. Recorded so a manager sees how often it happens.
    serious_without_handover: int = 0


def parse_period(params: Mapping[str, str], today: date) -> Period | Problem:
    """`from` and `to` as YYYY-MM-DD (UK dates, both included); the last 28 days if absent."""
    try:
        last = date.fromisoformat(params["to"]) if params.get("to") else today
        first = (
            date.fromisoformat(params["from"])
            if params.get("from")
            else last - timedelta(days=DEFAULT_DAYS - 1)
        )
    except ValueError:
        return Problem(400, "Enter dates as YYYY-MM-DD, for example 2026-11-01.")
    if first > last:
        return Problem(400, "The start date must be on or before the end date.")
    if (last - first).days >= LONGEST_PERIOD_DAYS:
        return Problem(400, f"Choose a period of {LONGEST_PERIOD_DAYS} days or fewer.")
    return Period(first, last)


def compute(facts: Iterable[HandoverFacts], is_open: Callable[[datetime], bool]) -> Stats:
    facts = list(facts)
    levels = Counter(fact.risk_level for fact in facts)
    categories = Counter(category for fact in facts for category in fact.categories)
    kinds = Counter(fact.kind for fact in facts)
    out_of_hours = sum(1 for fact in facts if not is_open(fact.created_at))
    waits = [
        (fact.first_attempt_at - fact.created_at).total_seconds()
        for fact in facts
        if fact.first_attempt_at is not None
    ]
    return Stats(
        total=len(facts),
        by_level=[(level, levels[level]) for level in LEVEL_ORDER],
        by_category=sorted(categories.items(), key=lambda pair: (-pair[1], pair[0])),
        by_kind=[("safeguarding", kinds["safeguarding"]), ("call_back", kinds["call_back"])],
        out_of_hours=out_of_hours,
        out_of_hours_share=out_of_hours / len(facts) if facts else None,
        attempted=len(waits),
        median_to_first_attempt=timedelta(seconds=statistics.median(waits)) if waits else None,
    )


def period_stats(database_url: str, period: Period, is_open: Callable[[datetime], bool]) -> Stats:
    start, end = period.bounds()
    created = ReceivedHandover.created_at
    with session_scope(database_url) as session:
        rows = queries.handovers_with_cases(
            session, created >= to_db_time(start), created < to_db_time(end), limit=1_000_000
        )
        facts = [
            HandoverFacts(
                created_at=from_db_time(handover.created_at),
                risk_level=handover.risk_level,
                categories=list(handover.risk_categories),
                kind=handover.record["kind"],
                first_attempt_at=(
                    from_db_time(case.first_attempt_at) if case and case.first_attempt_at else None
                ),
            )
            for handover, case, _name in rows
        ]
    return compute(facts, is_open)


def _read_only(url: str) -> str:
    """SQLite opened read-only, so a missing file is not created and nothing is written."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return url
    return f"sqlite:///file:{parsed.database}?mode=ro&uri=true"


def conversations(tracker_store_url: str, period: Period) -> Conversations | None:
    """Conversations started in the period, and those offered community services that did not
    end in a hand-over, read from Rasa's SQL tracker store; None if it cannot be read.

    Only `slot` events are read, and only three slots whose values are ids or levels, so no
    message text is ever loaded. Its own engine, not `get_engine`: that one sets SQLite
    pragmas, and this database belongs to the Rasa server."""
    start, end = (moment.timestamp() for moment in period.bounds())
    engine = create_engine(_read_only(tracker_store_url), future=True, hide_parameters=True)
    try:
        with engine.connect() as connection:
            senders = set(
                connection.execute(
                    text(
                        "SELECT sender_id FROM events GROUP BY sender_id"
                        " HAVING MIN(timestamp) >= :start AND MIN(timestamp) < :end"
                    ),
                    {"start": start, "end": end},
                ).scalars()
            )
            slots = connection.execute(
                text(
                    "SELECT sender_id, data FROM events"
                    " WHERE type_name = 'slot' AND timestamp >= :start"
                ),
                {"start": start},
            )
            offered, handed_over, serious = set(), set(), set()
            for sender, data in slots:
                if sender not in senders:
                    continue
                event = json.loads(data)
                if event.get("name") == "signposted_services" and event.get("value"):
                    offered.add(sender)
                elif event.get("name") == "handover_reference" and event.get("value"):
                    handed_over.add(sender)
                elif event.get("name") == "risk_level" and event.get("value") in SERIOUS:
                    serious.add(sender)
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    return Conversations(len(senders), len(offered - handed_over), len(serious - handed_over))


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    width: int
    y: int


def bars(pairs: list[tuple[str, int]], widest: int = 300, step: int = 32) -> list[Bar]:
    """Rows of a horizontal bar chart, drawn in SVG by the template: widths scaled to the
    largest count, with a sliver for zero so every row still shows a bar's start."""
    largest = max((count for _label, count in pairs), default=0) or 1
    return [
        Bar(label.replace("_", " "), count, max(2, round(widest * count / largest)), index * step)
        for index, (label, count) in enumerate(pairs)
    ]
