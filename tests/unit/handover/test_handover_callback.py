from datetime import datetime, timedelta, timezone

from bot.council.profile import OpeningHours, load_profile
from bot.handover.callback import add_opening_hours, call_back_by


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_an_urgent_case_while_open_is_due_four_hours_later_the_same_day():
    # Tuesday 17 November 2026, 10:00 GMT.
    assert call_back_by(load_profile(), "urgent", utc(2026, 11, 17, 10)) == utc(2026, 11, 17, 14)


def test_an_urgent_case_on_friday_afternoon_runs_on_into_monday_morning():
    # Friday 20 November 15:00: 1.5 hours left before 16:30, then 2.5 hours from 08:30 Monday.
    assert call_back_by(load_profile(), "urgent", utc(2026, 11, 20, 15)) == utc(2026, 11, 23, 11)


def test_a_case_on_saturday_night_counts_from_monday_opening():
    assert call_back_by(load_profile(), "immediate", utc(2026, 11, 21, 23)) == utc(
        2026, 11, 23, 9, 30
    )


def test_the_weekend_the_clocks_go_back_counts_in_uk_time_on_both_sides():
    # Friday 23 October 2026 15:00 BST (14:00 UTC) -> clocks go back Sunday 25 October.
    # 1.5 hours on Friday, 2.5 hours from 08:30 GMT on Monday: 11:00 GMT is 11:00 UTC.
    friday = utc(2026, 10, 23, 14)
    assert call_back_by(load_profile(), "urgent", friday) == utc(2026, 10, 26, 11)


def test_the_weekend_the_clocks_go_forward_counts_from_opening_in_summer_time():
    # Saturday 28 March 2026; Monday 30 March opens at 08:30 BST, which is 07:30 UTC.
    saturday = utc(2026, 3, 28, 10)
    assert call_back_by(load_profile(), "urgent", saturday) == utc(2026, 3, 30, 11, 30)


def test_a_level_the_profile_does_not_list_gets_the_slowest_time_not_an_error():
    profile = load_profile()
    assert call_back_by(profile, "unknown", utc(2026, 11, 17, 10)) == call_back_by(
        profile, "none", utc(2026, 11, 17, 10)
    )


def test_a_team_that_never_opens_falls_back_to_clock_time():
    start = utc(2026, 11, 17, 10)
    assert add_opening_hours(OpeningHours(), start, timedelta(hours=4)) == utc(2026, 11, 17, 14)
