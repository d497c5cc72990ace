from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.council.profile import OpeningHours, ProfileError, load_profile

UK = ZoneInfo("Europe/London")
WEEKDAYS_9_TO_5 = OpeningHours({day: (time(9), time(17)) for day in range(5)})


def test_the_shipped_profile_loads_with_numbers_and_hours():
    profile = load_profile()
    assert profile.first_contact.phone
    assert profile.out_of_hours.phone
    assert profile.first_contact_hours.describe().startswith("Monday to Thursday, 8:30am to 5pm")


def test_hours_are_described_in_plain_words_grouping_days_alike():
    assert WEEKDAYS_9_TO_5.describe() == "Monday to Friday, 9am to 5pm"
    assert OpeningHours({5: (time(10), time(12, 30))}).describe() == "Saturday, 10am to 12:30pm"
    assert OpeningHours().describe() == "closed"


def test_open_is_judged_in_uk_time_in_summer_and_winter():
    # 08:30 UTC on a July Monday is 09:30 in London (summer time): open.
    assert WEEKDAYS_9_TO_5.is_open(datetime(2026, 7, 6, 8, 30, tzinfo=ZoneInfo("UTC")))
    # 08:30 UTC on a January Monday is 08:30 in London: not yet open.
    assert not WEEKDAYS_9_TO_5.is_open(datetime(2026, 1, 5, 8, 30, tzinfo=ZoneInfo("UTC")))


def test_next_opening_after_a_saturday_night_is_monday_morning():
    saturday_night = datetime(2026, 11, 21, 23, 0, tzinfo=UK)
    assert WEEKDAYS_9_TO_5.next_opening(saturday_night) == datetime(2026, 11, 23, 9, 0, tzinfo=UK)


def test_next_opening_is_now_when_open():
    tuesday_noon = datetime(2026, 11, 24, 12, 0, tzinfo=UK)
    assert WEEKDAYS_9_TO_5.next_opening(tuesday_noon) == tuesday_noon


def test_locality_is_found_from_a_postcode_district_in_any_case():
    profile = load_profile()
    assert profile.locality_of("s8") == "South West"
    assert profile.locality_of("LS1") is None


def test_a_profile_without_a_first_contact_phone_is_refused_with_a_plain_reason(tmp_path: Path):
    broken = tmp_path / "profile.yml"
    broken.write_text(
        "council: {name: Test}\nfirst_contact: {opening_hours: {mon: '09:00-17:00'}}\n"
        "out_of_hours: {phone: '1'}\n"
    )
    with pytest.raises(ProfileError, match=r"first_contact\.phone"):
        load_profile(broken)


def test_opening_hours_that_close_before_they_open_are_refused(tmp_path: Path):
    broken = tmp_path / "profile.yml"
    broken.write_text(
        "council: {name: Test}\nfirst_contact: {phone: '1', opening_hours: {mon: '17:00-09:00'}}\n"
        "out_of_hours: {phone: '2'}\n"
    )
    with pytest.raises(ProfileError, match="close before they open"):
        load_profile(broken)


def test_an_unreadable_profile_says_where_it_looked(tmp_path: Path):
    with pytest.raises(ProfileError, match="cannot read the council profile"):
        load_profile(tmp_path / "missing.yml")
