"""Signing staff in and out: password check with lock-out, server-side sessions, and the
CSRF tokens that every form posts back."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from bot.database import session_scope
from bot.handover.models import from_db_time, to_db_time
from bot.inbox import queries
from bot.inbox.config import InboxConfig
from bot.inbox.models import StaffSession
from bot.inbox.passwords import decoy_hash, verify_password

# The same words whatever went wrong, so the page never tells anyone whether an email has
# an account or whether that account is locked.
LOGIN_REFUSED = (
    "Enter a correct email address and password. After 5 wrong tries in a row an account"
    " is locked for 15 minutes."
)


@dataclass(frozen=True)
class SignedIn:
    staff_id: int
    name: str
    email: str
    csrf_token: str


@dataclass(frozen=True)
class NewSession:
    cookie: str
    staff_id: int


def _hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode("utf-8")).hexdigest()


def tokens_match(expected: str, given: str | None) -> bool:
    """Constant-time comparison, so timing does not reveal how much of a token was right."""
    return bool(expected) and hmac.compare_digest(expected.encode(), (given or "").encode())


def login_form_token(secret: str, nonce: str) -> str:
    """The sign-in form's CSRF token: there is no session yet, so the form carries an HMAC of
    a random value held in a short-lived cookie (a signed double submit)."""
    return hmac.new(secret.encode(), f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def log_in(
    database_url: str, config: InboxConfig, email: str, password: str, now: datetime
) -> NewSession | None:
    """A new session if the password is right and the account is active and not locked.

    Every wrong try counts against the account; the fifth in a row locks it. An unknown
    email still costs one scrypt, so timing gives nothing away."""
    with session_scope(database_url) as session:
        staff = queries.staff_by_email(session, email)
        stored = staff.password_hash if staff is not None else decoy_hash()
        matches = verify_password(password, stored)
        if staff is None:
            queries.audit(session, None, "login_refused", now)
            return None
        locked = staff.locked_until is not None and from_db_time(staff.locked_until) > now
        if locked or not staff.active:
            queries.audit(session, staff.id, "login_refused", now)
            return None
        if not matches:
            staff.failed_logins += 1
            if staff.failed_logins >= config.max_failed_logins:
                staff.failed_logins = 0
                staff.locked_until = to_db_time(now + config.lockout)
                queries.audit(session, staff.id, "account_locked", now)
            else:
                queries.audit(session, staff.id, "login_refused", now)
            return None
        staff.failed_logins = 0
        staff.locked_until = None
        # Tidy as we go: expired sessions are useless, and fewer rows make lookups cheap.
        queries.end_sessions(session, StaffSession.expires_at <= to_db_time(now))
        cookie = secrets.token_urlsafe(32)
        expires = min(now + config.session_idle, now + config.session_lifetime)
        queries.add_session(
            session, _hash(cookie), staff.id, secrets.token_urlsafe(32), now, expires
        )
        queries.audit(session, staff.id, "logged_in", now)
        return NewSession(cookie, staff.id)


def signed_in(
    database_url: str, config: InboxConfig, cookie: str | None, now: datetime, touch: bool = True
) -> SignedIn | None:
    """Who this cookie belongs to, if anyone. A use by a person (`touch`) pushes the idle
    expiry back, never past the session's lifetime; the open inbox's own polling does not,
    or an unattended screen would never sign itself out."""
    if not cookie:
        return None
    with session_scope(database_url) as session:
        row = queries.live_session(session, _hash(cookie), now)
        if row is None:
            return None
        staff_session, staff = row
        if touch:
            ends = from_db_time(staff_session.created_at) + config.session_lifetime
            staff_session.expires_at = to_db_time(min(now + config.session_idle, ends))
        return SignedIn(staff.id, staff.name, staff.email, staff_session.csrf_token)


def log_out(database_url: str, cookie: str, staff_id: int, now: datetime) -> None:
    with session_scope(database_url) as session:
        queries.end_sessions(session, StaffSession.id_hash == _hash(cookie))
        queries.audit(session, staff_id, "logged_out", now)
