from datetime import datetime, timezone

from directory.search.schedules import describe, fits, opening, read_time_need

AT = datetime(2026, 7, 1, 12, tzinfo=timezone.utc)  # a Wednesday


def test_weekly_byday_schedules_become_openings_and_plain_text() -> None:
    item = opening(
        {"freq": "WEEKLY", "byday": "MO,TU", "opens_at": "10:00:00", "closes_at": "14:00:00"}
    )
    assert item is not None and item.days == {0, 1}
    assert describe([item]) == "Monday and Tuesday, 10am to 2pm"


def test_schedules_that_are_not_weekly_day_patterns_are_left_out() -> None:
    assert opening({"freq": "MONTHLY", "byday": "MO"}) is None
    assert opening({"freq": "WEEKLY"}) is None


def test_everyday_time_words_are_read_and_taken_out_of_the_query() -> None:
    need, rest = read_time_need("somewhere for dad on a saturday", False, AT)
    assert need.days == {5} and "saturday" not in rest
    assert read_time_need("lunch club at the weekend", False, AT)[0].days == {5, 6}
    tonight, _ = read_time_need("something tonight", False, AT)
    assert tonight.evening and tonight.days == {2}
    assert not read_time_need("I sat on my own on the sun lounger", False, AT)[0]


def test_an_evening_need_wants_an_opening_that_runs_past_half_past_five() -> None:
    day = opening({"byday": "WE", "opens_at": "10:00:00", "closes_at": "14:00:00"})
    evening = opening({"byday": "WE", "opens_at": "18:00:00", "closes_at": "20:00:00"})
    need, _ = read_time_need("in the evening", False, AT)
    assert not fits([day], need, AT) and fits([evening], need, AT)


def test_tonight_asked_in_the_evening_means_open_now_but_in_the_morning_means_later():
    eleven_at_night = datetime(2026, 11, 21, 23, 0, tzinfo=timezone.utc)
    nine_in_the_morning = datetime(2026, 11, 21, 9, 0, tzinfo=timezone.utc)
    assert read_time_need("is anyone open tonight", False, eleven_at_night)[0].now
    morning = read_time_need("is anyone open tonight", False, nine_in_the_morning)[0]
    assert not morning.now and morning.evening
