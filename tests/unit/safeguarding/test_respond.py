from datetime import datetime
from zoneinfo import ZoneInfo

from bot.council.profile import load_profile
from bot.handover.callback import call_back_by
from bot.safeguarding.respond import first_response, helplines, lines_for, share_reason, when_text
from bot.safety.levels import REQUIRED_CATEGORIES

UK = ZoneInfo("Europe/London")
TUESDAY_11AM = datetime(2026, 11, 24, 11, 0, tzinfo=UK)
SATURDAY_11PM = datetime(2026, 11, 21, 23, 0, tzinfo=UK)
PROFILE = load_profile()


def test_immediate_risk_starts_with_999_and_ways_to_reach_it_without_speaking():
    reply = first_response("immediate", ["suicide"], "life", PROFILE, SATURDAY_11PM)
    assert reply.texts[0] == (
        "You've told me you're thinking about ending your life. "
        "Call 999 now if anyone is in danger or badly hurt."
    )
    assert "18000" in reply.texts[1] and "BSL" in reply.texts[1]
    assert any("116 123" in text for text in reply.texts)
    assert any("85258" in text for text in reply.texts)
    assert "I have to pass this on" in reply.texts[-1]
    assert reply.awaiting == "contact"
    assert {"what": "Samaritans", "number": "116 123"} in reply.told


def test_urgent_in_opening_hours_promises_a_person_today():
    reply = first_response("urgent", ["domestic"], None, PROFILE, TUESDAY_11AM)
    joined = " ".join(reply.texts)
    assert "0808 2000 247" in joined
    assert "today" in joined and "by 3pm today" in joined
    assert reply.awaiting == "consent" and reply.buttons


def test_urgent_at_night_gives_the_out_of_hours_number_and_monday():
    reply = first_response("urgent", ["neglect"], None, PROFILE, SATURDAY_11PM)
    joined = " ".join(reply.texts)
    assert PROFILE.out_of_hours.phone in joined
    assert "Monday" in joined


def test_concern_offers_a_person_and_lets_them_carry_on():
    reply = first_response("concern", ["carer_breakdown"], None, PROFILE, TUESDAY_11AM)
    assert any("carry on here" in text for text in reply.texts)
    assert any("0808 808 7777" in text for text in reply.texts)


def test_a_no_is_respected_unless_life_or_someone_else_is_at_risk():
    assert share_reason("immediate", True, ["..."]) == "life"
    assert share_reason("urgent", False, ["my neighbour's son hits her"]) == "others"
    assert share_reason("urgent", True, ["he hits me when the kids are in bed"]) == "others"
    assert share_reason("urgent", True, ["he hits me"]) is None
    assert share_reason("concern", False, ["my mum can't cope"]) is None


def test_at_most_two_lines_and_no_repeats():
    assert [line["name"] for line in lines_for(["suicide", "self_harm"])] == ["Samaritans", "Shout"]


def test_every_risk_category_has_a_fitting_line_and_every_line_a_checked_source():
    book = helplines()
    categories = REQUIRED_CATEGORIES
    assert categories <= set(book["by_category"])
    for line in book["lines"].values():
        assert line["source"].startswith("https://") and line["checked"]
        assert line["number"].replace(" ", "") in line["text"].replace(" ", "")


def test_the_person_is_told_the_same_call_back_time_the_worker_is_given():
    thursday_evening = datetime(2026, 12, 3, 19, 0, tzinfo=UK)
    # 72 working hours from Friday morning: Wednesday 16 December, named with its date.
    assert call_back_by(PROFILE, "none", thursday_evening).day == 16
    assert "by 1:30pm Wednesday 16 December" in when_text(PROFILE, "none", thursday_evening)
    assert "by 12:30pm tomorrow" in when_text(PROFILE, "urgent", thursday_evening)
