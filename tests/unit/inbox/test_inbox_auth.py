"""Signing in: lock-out after five wrong passwords, sessions that expire, CSRF tokens."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.database import session_scope
from bot.inbox.auth import log_in, log_out, login_form_token, signed_in, tokens_match
from bot.inbox.cli import disable_staff
from bot.inbox.models import AuditEntry
from tests.unit.inbox.factories import CONFIG, PASSWORD, database, staff

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=timezone.utc)
EMAIL = "ann@council.example"


def actions(url: str) -> list[str]:
    with session_scope(url) as session:
        return list(session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_for_the_right_one(
    tmp_path,
):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    for minute in range(5):
        assert (
            log_in(url, CONFIG, EMAIL, "wrong password!", NOW + timedelta(minutes=minute)) is None
        )
    locked_at = NOW + timedelta(minutes=4)
    assert log_in(url, CONFIG, EMAIL, PASSWORD, locked_at + timedelta(minutes=14)) is None
    assert log_in(url, CONFIG, EMAIL, PASSWORD, locked_at + timedelta(minutes=15, seconds=1))
    assert actions(url).count("account_locked") == 1


def test_a_right_password_resets_the_count_of_wrong_ones(tmp_path):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    for _ in range(4):
        log_in(url, CONFIG, EMAIL, "wrong password!", NOW)
    assert log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    for _ in range(4):
        log_in(url, CONFIG, EMAIL, "wrong password!", NOW)
    assert log_in(url, CONFIG, EMAIL, PASSWORD, NOW)


def test_an_unknown_email_is_refused_and_audited_without_a_staff_member(tmp_path):
    url = database(tmp_path)
    assert log_in(url, CONFIG, "nobody@council.example", PASSWORD, NOW) is None
    assert actions(url) == ["login_refused"]


def test_emails_are_matched_whatever_their_case(tmp_path):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    assert log_in(url, CONFIG, "  Ann@Council.Example ", PASSWORD, NOW)


def test_a_session_ends_after_an_idle_hour_and_each_use_pushes_that_back(tmp_path):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    new = log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    assert new
    later = NOW + timedelta(minutes=50)
    assert signed_in(url, CONFIG, new.cookie, later)
    assert signed_in(url, CONFIG, new.cookie, later + timedelta(minutes=50))
    assert signed_in(url, CONFIG, new.cookie, later + timedelta(minutes=50 + 61)) is None


def test_a_session_never_outlives_a_shift_however_busy(tmp_path):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    new = log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    assert new
    moment = NOW
    while moment < NOW + CONFIG.session_lifetime - timedelta(minutes=30):
        moment += timedelta(minutes=30)
        assert signed_in(url, CONFIG, new.cookie, moment)
    assert signed_in(url, CONFIG, new.cookie, NOW + CONFIG.session_lifetime) is None


def test_logging_out_or_being_disabled_ends_the_session(tmp_path):
    url = database(tmp_path)
    who = staff(url, NOW, EMAIL)
    first = log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    second = log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    assert first and second
    log_out(url, first.cookie, who.staff_id, NOW)
    assert signed_in(url, CONFIG, first.cookie, NOW) is None
    assert signed_in(url, CONFIG, second.cookie, NOW)
    disable_staff(url, EMAIL)
    assert signed_in(url, CONFIG, second.cookie, NOW) is None
    assert log_in(url, CONFIG, EMAIL, PASSWORD, NOW) is None


def test_each_session_has_its_own_csrf_token_and_only_that_token_passes(tmp_path):
    url = database(tmp_path)
    one = staff(url, NOW, EMAIL)
    other = staff(url, NOW, "bob@council.example")
    assert len(one.csrf_token) >= 32
    assert one.csrf_token != other.csrf_token
    assert tokens_match(one.csrf_token, one.csrf_token)
    assert not tokens_match(one.csrf_token, other.csrf_token)
    assert not tokens_match(one.csrf_token, None)
    assert not tokens_match(one.csrf_token, "")
    assert not tokens_match("", "")


def test_the_sign_in_form_token_is_bound_to_its_cookie_and_the_secret():
    token = login_form_token("secret", "nonce-1")
    assert tokens_match(token, login_form_token("secret", "nonce-1"))
    assert not tokens_match(token, login_form_token("secret", "nonce-2"))
    assert not tokens_match(token, login_form_token("other secret", "nonce-1"))


def test_the_open_inbox_polling_for_news_does_not_keep_an_idle_session_alive(tmp_path):
    url = database(tmp_path)
    staff(url, NOW, EMAIL)
    new = log_in(url, CONFIG, EMAIL, PASSWORD, NOW)
    assert new
    for minute in range(5, 60, 5):
        assert signed_in(url, CONFIG, new.cookie, NOW + timedelta(minutes=minute), touch=False)
    assert signed_in(url, CONFIG, new.cookie, NOW + timedelta(minutes=61), touch=False) is None
