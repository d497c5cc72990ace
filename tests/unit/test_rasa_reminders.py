"""Which reminders are still waiting in a conversation, read from its events as Rasa
stores them."""

from datetime import datetime, timedelta, timezone

from rasa.shared.core.events import ReminderCancelled, ReminderScheduled, UserUttered

from bot.rasa_reminders import waiting_reminders

DUE = "EXTERNAL_handover_due"
AT = datetime(2026, 12, 5, 23, 0, tzinfo=timezone.utc)


def reminder(name: str = "handover_due_abc", minutes: int = 0) -> ReminderScheduled:
    return ReminderScheduled(DUE, AT + timedelta(minutes=minutes), name=name)


def fired() -> UserUttered:
    return UserUttered(intent={"name": DUE, "confidence": 1.0})


def test_a_reminder_set_and_not_yet_fired_is_waiting():
    set_ = reminder()
    events = [UserUttered("my neighbour's son hits her"), set_]
    assert waiting_reminders(events) == [set_]


def test_a_person_writing_again_does_not_stop_it():
    set_ = reminder()
    assert waiting_reminders([set_, UserUttered("she's 84")]) == [set_]


def test_a_fired_or_cancelled_reminder_is_not_waiting():
    assert waiting_reminders([reminder(), fired()]) == []
    assert waiting_reminders([reminder(), ReminderCancelled(name="handover_due_abc")]) == []


def test_only_the_latest_under_a_name_is_waiting():
    later = reminder(minutes=5)
    assert waiting_reminders([reminder(), later]) == [later]
    assert waiting_reminders([reminder(), fired(), later]) == [later]
