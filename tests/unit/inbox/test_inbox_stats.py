"""Numbers for managers: out-of-hours share in UK time (summer time too), the median time to
a first contact attempt, the period asked for, and bar widths."""

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone

from bot.council.profile import load_profile
from bot.inbox.cases import Problem
from bot.inbox.stats import (
    Conversations,
    HandoverFacts,
    Period,
    bars,
    compute,
    conversations,
    parse_period,
)

UTC = timezone.utc
IS_OPEN = load_profile().first_contact_hours.is_open


def facts(created_at: datetime, waited: timedelta | None = None, **changes) -> HandoverFacts:
    values = {
        "created_at": created_at,
        "risk_level": "urgent",
        "categories": ["neglect"],
        "kind": "safeguarding",
        "first_attempt_at": created_at + waited if waited is not None else None,
        **changes,
    }
    return HandoverFacts(**values)


def test_8_15_utc_on_a_summer_tuesday_is_opening_time_but_in_winter_it_is_out_of_hours():
    summer = facts(datetime(2026, 7, 14, 8, 15, tzinfo=UTC))  # 09:15 BST: open
    winter = facts(datetime(2026, 11, 17, 8, 15, tzinfo=UTC))  # 08:15 GMT: not yet open
    stats = compute([summer, winter], IS_OPEN)
    assert (stats.out_of_hours, stats.out_of_hours_share) == (1, 0.5)


def test_the_evening_the_clocks_go_back_is_counted_in_uk_time():
    # Sunday 25 October 2026: clocks go back. A weekday either side, just after closing.
    friday_bst = facts(datetime(2026, 10, 23, 15, 45, tzinfo=UTC))  # 16:45 BST, closed 16:30
    monday_gmt = facts(datetime(2026, 10, 26, 16, 45, tzinfo=UTC))  # 16:45 GMT, open to 17:00
    thursday_bst = facts(datetime(2026, 10, 22, 15, 45, tzinfo=UTC))  # 16:45 BST, open
    stats = compute([friday_bst, monday_gmt, thursday_bst], IS_OPEN)
    assert stats.out_of_hours == 1
    assert round(stats.out_of_hours_share, 3) == 0.333


def test_the_median_time_to_first_attempt_ignores_hand_overs_nobody_has_tried_yet():
    start = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
    waits = [timedelta(minutes=m) for m in (10, 30, 240, 20)]
    stats = compute([facts(start, wait) for wait in waits] + [facts(start)], IS_OPEN)
    assert stats.attempted == 4
    assert stats.median_to_first_attempt == timedelta(minutes=25)


def test_counts_by_level_category_and_kind_with_nothing_left_out():
    start = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
    stats = compute(
        [
            facts(start, risk_level="immediate", categories=["neglect", "self_neglect"]),
            facts(start, categories=["financial_abuse", "neglect"]),
            facts(start, risk_level="none", categories=[], kind="call_back"),
        ],
        IS_OPEN,
    )
    assert stats.total == 3
    assert stats.by_level == [("immediate", 1), ("urgent", 1), ("concern", 0), ("none", 1)]
    assert stats.by_category == [("neglect", 2), ("financial_abuse", 1), ("self_neglect", 1)]
    assert stats.by_kind == [("safeguarding", 2), ("call_back", 1)]


def test_no_hand_overs_gives_no_share_and_no_median_rather_than_a_made_up_zero():
    stats = compute([], IS_OPEN)
    assert (stats.total, stats.out_of_hours_share, stats.median_to_first_attempt) == (0, None, None)


def test_a_period_runs_from_uk_midnight_to_uk_midnight_including_the_last_day():
    start, end = Period(date(2026, 7, 1), date(2026, 7, 31)).bounds()
    assert start == datetime(2026, 6, 30, 23, 0, tzinfo=UTC)
    assert end == datetime(2026, 7, 31, 23, 0, tzinfo=UTC)


def test_the_period_defaults_to_the_last_28_days_and_refuses_nonsense():
    today = date(2026, 11, 22)
    assert parse_period({}, today) == Period(date(2026, 10, 26), today)
    assert parse_period({"from": "2026-11-01", "to": "2026-11-07"}, today) == Period(
        date(2026, 11, 1), date(2026, 11, 7)
    )
    assert isinstance(parse_period({"from": "1 Nov"}, today), Problem)
    assert isinstance(parse_period({"from": "2026-11-08", "to": "2026-11-07"}, today), Problem)
    assert isinstance(parse_period({"from": "2020-01-01", "to": "2026-11-07"}, today), Problem)


def test_bars_are_scaled_to_the_largest_count_and_a_zero_still_shows():
    drawn = bars([("urgent", 4), ("concern", 2), ("none", 0)], widest=300)
    assert [(bar.label, bar.width, bar.y) for bar in drawn] == [
        ("urgent", 300, 0),
        ("concern", 150, 32),
        ("none", 2, 64),
    ]


def tracker_store(path, events: list[tuple[str, str, float, dict]]) -> str:
    """A SQLite file shaped like Rasa's SQL tracker store, holding these events."""
    url = f"sqlite:///{path}"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,"
            " type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255),"
            " action_name VARCHAR(255), data TEXT)"
        )
        connection.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
            [(sender, kind, at, json.dumps(data)) for sender, kind, at, data in events],
        )
    return url


def test_conversations_in_the_period_offered_support_or_at_serious_risk_without_a_hand_over(
    tmp_path,
):
    inside = datetime(2026, 11, 10, 12, tzinfo=UTC).timestamp()
    before = datetime(2026, 10, 10, 12, tzinfo=UTC).timestamp()
    offered = {"event": "slot", "name": "signposted_services", "value": ["svc-1"]}
    handed = {"event": "slot", "name": "handover_reference", "value": "FC-AAAA-AAAA"}
    said = {"event": "user", "text": "private words"}
    urgent = {"event": "slot", "name": "risk_level", "value": "urgent"}
    url = tracker_store(
        tmp_path / "tracker.db",
        [
            ("helped", "user", inside, said),
            ("helped", "slot", inside + 60, offered),
            ("handed-over", "user", inside, said),
            ("handed-over", "slot", inside + 60, offered),
            ("handed-over", "slot", inside + 90, handed),
            ("just-talked", "user", inside, said),
            ("started-earlier", "user", before, said),
            ("started-earlier", "slot", inside, offered),
            ("said-no", "user", inside, said),
            ("said-no", "slot", inside + 30, urgent),
            ("handed-over", "slot", inside + 30, urgent),
        ],
    )
    counted = conversations(url, Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert counted == Conversations(
        started=4, community_without_handover=1, serious_without_handover=1
    )


def test_no_tracker_store_means_no_numbers_and_no_file_is_made(tmp_path):
    missing = tmp_path / "not-there.db"
    assert (
        conversations(f"sqlite:///{missing}", Period(date(2026, 11, 1), date(2026, 11, 30))) is None
    )
    assert not missing.exists()
