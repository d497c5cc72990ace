"""The inbox's work on hand-overs: the list most urgent first, one hand-over's page, and the
actions staff take (claim, contact attempt, note, close), each written to the audit trail."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Row

from bot.database import session_scope
from bot.handover import queries as handover_queries
from bot.handover.models import ReceivedHandover, from_db_time, to_db_time
from bot.inbox import queries
from bot.inbox.auth import SignedIn
from bot.inbox.models import Case

METHODS = {"phone": "Phone", "email": "Email", "text": "Text message", "visit": "Visit"}
RESULTS = {
    "spoke": "Spoke to them",
    "no_answer": "No answer",
    "left_message": "Left a message",
    "unsafe": "Not safe to talk",
}
OUTCOMES = {
    "information_advice": "Information and advice",
    "community_support": "Connected to community support",
    "referred_on": "Referred on",
    "safeguarding_enquiry": "Safeguarding enquiry",
    "no_further_action": "No further action",
}
LONGEST_NOTE = 5000


@dataclass(frozen=True)
class Problem:
    """Why an action was not done: an HTTP status and words for the error summary."""

    status: int
    message: str


@dataclass(frozen=True)
class InboxItem:
    reference: str
    risk_level: str
    urgency: int
    categories: list[str]
    kind: str
    contacting: str
    created_at: datetime
    call_back_by: datetime | None
    state: str
    claimed_by: str | None

    def waiting(self, now: datetime) -> timedelta:
        return now - self.created_at

    @property
    def state_label(self) -> str:
        if self.state == "claimed" and self.claimed_by:
            return f"Claimed by {self.claimed_by}"
        return self.state.capitalize()


def state_of(case: Case | None) -> str:
    """new, claimed, contacted (someone spoke to them) or closed."""
    if case is None:
        return "new"
    if case.closed_at is not None:
        return "closed"
    if case.contacted_at is not None:
        return "contacted"
    return "claimed" if case.claimed_by is not None else "new"


def contacting_label(record: dict[str, Any]) -> str:
    contacting = record["contacting"]
    if contacting["for_self"]:
        return "The person themself"
    return contacting["relationship"] or "Not known"


def _item(row: Row) -> InboxItem:
    handover, case, claimed_by = row
    return InboxItem(
        reference=handover.reference,
        risk_level=handover.risk_level,
        urgency=handover.risk_urgency,
        categories=list(handover.risk_categories),
        kind=handover.record["kind"],
        contacting=contacting_label(handover.record),
        created_at=from_db_time(handover.created_at),
        call_back_by=from_db_time(handover.call_back_by) if handover.call_back_by else None,
        state=state_of(case),
        claimed_by=claimed_by,
    )


def inbox_order(items: Iterable[InboxItem]) -> list[InboxItem]:
    """Most urgent first (immediate, urgent, concern, none), then longest waiting."""
    return sorted(items, key=lambda item: (-item.urgency, item.created_at, item.reference))


def inbox(database_url: str, closed: bool = False) -> list[InboxItem]:
    """Open hand-overs in working order, or the most recently received closed ones."""
    state = ReceivedHandover.state
    condition = state == "closed" if closed else state != "closed"
    with session_scope(database_url) as session:
        items = [_item(row) for row in queries.handovers_with_cases(session, condition)]
    return items if closed else inbox_order(items)


@dataclass(frozen=True)
class HandoverPage:
    item: InboxItem
    record: dict[str, Any]
    received_at: datetime
    outcome: str | None
    entries: list[dict[str, Any]]


def _entry(row: Row) -> dict[str, Any]:
    entry, name = row
    return {
        "kind": entry.kind,
        "method": METHODS.get(entry.method or ""),
        "result": RESULTS.get(entry.result or ""),
        "text": entry.text,
        "by": name,
        "at": from_db_time(entry.created_at),
    }


def view(database_url: str, staff: SignedIn, reference: str, now: datetime) -> HandoverPage | None:
    """One hand-over with its case work; the view itself is audited."""
    with session_scope(database_url) as session:
        row = queries.handover_with_case(session, reference)
        if row is None:
            return None
        queries.audit(session, staff.staff_id, "viewed", now, reference)
        handover, case, _name = row
        return HandoverPage(
            item=_item(row),
            record=handover.record,
            received_at=from_db_time(handover.received_at),
            outcome=OUTCOMES.get(case.outcome) if case and case.outcome else None,
            entries=[_entry(entry) for entry in queries.entries_for(session, reference)],
        )


def audit_trail(
    database_url: str, staff: SignedIn, reference: str, now: datetime
) -> list[dict[str, Any]] | None:
    with session_scope(database_url) as session:
        if handover_queries.received_by_reference(session, reference) is None:
            return None
        queries.audit(session, staff.staff_id, "viewed_audit", now, reference)
        return [
            {"at": from_db_time(entry.at), "action": entry.action, "by": name or "unknown"}
            for entry, name, _email in queries.audit_for(session, reference)
        ]


def _open_case(session: Any, reference: str) -> Problem | None:
    """The action's preconditions: the hand-over exists and is not closed."""
    if handover_queries.received_by_reference(session, reference) is None:
        return Problem(404, "There is no hand-over with that reference.")
    if queries.ensure_case(session, reference).closed_at is not None:
        return Problem(409, "This hand-over is closed.")
    return None


def claim(database_url: str, staff: SignedIn, reference: str, now: datetime) -> Problem | None:
    """Take the hand-over on (from whoever had it, if anyone: the team shares the work)."""
    with session_scope(database_url) as session:
        problem = _open_case(session, reference)
        if problem:
            return problem
        open_case = Case.closed_at.is_(None)
        values = {"claimed_by": staff.staff_id, "claimed_at": to_db_time(now)}
        if not queries.change_case(session, reference, open_case, values):
            return Problem(409, "This hand-over is closed.")
        handover_queries.move_received(session, reference, ["new"], "in_progress")
        queries.audit(session, staff.staff_id, "claimed", now, reference)
    return None


def _text(raw: str | None, required: bool) -> str | Problem:
    text = (raw or "").strip()
    if required and not text:
        return Problem(422, "Enter a note.")
    if len(text) > LONGEST_NOTE:
        return Problem(422, f"A note must be {LONGEST_NOTE} characters or fewer.")
    return text


def add_note(
    database_url: str, staff: SignedIn, reference: str, raw: str | None, now: datetime
) -> Problem | None:
    text = _text(raw, required=True)
    if isinstance(text, Problem):
        return text
    with session_scope(database_url) as session:
        problem = _open_case(session, reference)
        if problem:
            return problem
        queries.add_entry(session, reference, staff.staff_id, now, kind="note", text=text)
        queries.audit(session, staff.staff_id, "noted", now, reference)
    return None


def record_attempt(
    database_url: str,
    staff: SignedIn,
    reference: str,
    form: dict[str, str | None],
    now: datetime,
) -> Problem | None:
    method, result = form.get("method"), form.get("result")
    if method not in METHODS:
        return Problem(422, "Select how you tried to contact them.")
    if result not in RESULTS:
        return Problem(422, "Select what happened.")
    text = _text(form.get("note"), required=False)
    if isinstance(text, Problem):
        return text
    with session_scope(database_url) as session:
        problem = _open_case(session, reference)
        if problem:
            return problem
        queries.add_entry(
            session,
            reference,
            staff.staff_id,
            now,
            kind="attempt",
            method=method,
            result=result,
            text=text,
        )
        first = {"first_attempt_at": to_db_time(now)}
        queries.change_case(session, reference, Case.first_attempt_at.is_(None), first)
        if result == "spoke":
            reached = {"contacted_at": to_db_time(now)}
            queries.change_case(session, reference, Case.contacted_at.is_(None), reached)
        handover_queries.move_received(session, reference, ["new"], "in_progress")
        queries.audit(session, staff.staff_id, "contact_attempt", now, reference)
    return None


def close(
    database_url: str, staff: SignedIn, reference: str, outcome: str | None, now: datetime
) -> Problem | None:
    if outcome not in OUTCOMES:
        return Problem(422, "Select an outcome.")
    with session_scope(database_url) as session:
        problem = _open_case(session, reference)
        if problem:
            return problem
        values = {"closed_at": to_db_time(now), "closed_by": staff.staff_id, "outcome": outcome}
        if not queries.change_case(session, reference, Case.closed_at.is_(None), values):
            return Problem(409, "This hand-over is closed.")
        handover_queries.move_received(session, reference, ["new", "in_progress"], "closed")
        queries.audit(session, staff.staff_id, "closed", now, reference)
    return None
