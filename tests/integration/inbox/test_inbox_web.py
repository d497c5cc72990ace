"""The inbox over HTTP, on the real web app: signing in and out, refusals, the work on a
hand-over, the audit trail, numbers, the JSON the page polls, and escaping."""

import re
from datetime import datetime, timezone

import requests

from bot.council.profile import load_profile
from bot.handover.record import revise_handover
from tests.integration.inbox.conftest import EMAIL, PASSWORD, InboxApp, Worker, csrf_token
from tests.unit.handover.factories import call_back_facts, record, safeguarding_facts, transcript

REFUSED = "Enter a correct email address and password."


def test_signing_in_sets_a_strict_http_only_cookie_for_the_inbox_and_signing_out_ends_it(
    inbox_app: InboxApp,
):
    worker = Worker(inbox_app)
    form = worker.http.get(f"{inbox_app.inbox}/login", timeout=5)
    reply = worker.http.post(
        f"{inbox_app.inbox}/login",
        data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf_token(form.text)},
        allow_redirects=False,
        timeout=10,
    )
    assert (reply.status_code, reply.headers["Location"]) == (303, "/first-contact/")
    cookie = next(c for c in reply.raw.headers.getlist("Set-Cookie") if c.startswith("fc_session="))
    assert {"HttpOnly", "SameSite=Strict", "Path=/first-contact"} <= set(cookie.split("; "))
    assert "Secure" not in cookie
    inbox = worker.http.get(f"{inbox_app.inbox}/", timeout=5)
    assert "Open hand-overs" in inbox.text
    worker.token = csrf_token(inbox.text)
    assert worker.post("/logout").url.endswith("/first-contact/login")
    after = worker.get("/", allow_redirects="false")
    assert after.url.endswith("/first-contact/login")


def test_pages_and_the_json_need_a_session(inbox_app: InboxApp):
    assert requests.get(f"{inbox_app.inbox}/", timeout=5).url.endswith("/login")
    assert requests.get(f"{inbox_app.inbox}/inbox.json", timeout=5).status_code == 401
    built = record()
    inbox_app.post_handover(built)
    page = requests.get(f"{inbox_app.inbox}/handovers/{built['reference']}", timeout=5)
    assert page.url.endswith("/login")
    assert built["in_their_words"][0] not in page.text


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(inbox_app: InboxApp):
    wrong = Worker(inbox_app).log_in(password="not the password")
    unknown = Worker(inbox_app).log_in(email="nobody@council.example")
    assert wrong.status_code == unknown.status_code == 401
    assert REFUSED in wrong.text and REFUSED in unknown.text


def test_after_five_wrong_passwords_even_the_right_one_is_refused(inbox_app: InboxApp):
    for _ in range(5):
        assert Worker(inbox_app).log_in(password="not the password").status_code == 401
    locked = Worker(inbox_app).log_in()
    assert locked.status_code == 401
    assert REFUSED in locked.text


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(
    inbox_app: InboxApp, worker: Worker
):
    built = record()
    inbox_app.post_handover(built)
    reference = built["reference"]
    forged = worker.http.post(f"{inbox_app.inbox}/handovers/{reference}/claim", timeout=5)
    wrong = worker.http.post(
        f"{inbox_app.inbox}/handovers/{reference}/close",
        data={"csrf_token": "guessed", "outcome": "no_further_action"},
        timeout=5,
    )
    assert (forged.status_code, wrong.status_code) == (403, 403)
    assert worker.get("/inbox.json").json()["items"][0]["state"] == "new"
    sign_in = requests.post(
        f"{inbox_app.inbox}/login", data={"email": EMAIL, "password": PASSWORD}, timeout=5
    )
    assert sign_in.status_code == 403


def test_a_worker_claims_tries_notes_and_closes_and_the_audit_trail_shows_each_step(
    inbox_app: InboxApp, worker: Worker
):
    built = record()
    inbox_app.post_handover(built)
    reference = built["reference"]
    path = f"/handovers/{reference}"
    page = worker.get(path)
    assert "Hand-over " + reference in page.text
    assert worker.post(f"{path}/claim").url.endswith("?done=claimed")
    assert "Claimed by Ann Worker" in worker.get("/").text
    attempt = worker.post(f"{path}/attempts", method="phone", result="no_answer", note="Rang 6pm")
    assert "Your contact attempt was recorded." in attempt.text
    assert "Phone, No answer" in attempt.text
    assert (
        "Will try again tomorrow"
        in worker.post(f"{path}/notes", note="Will try again tomorrow").text
    )
    incomplete = worker.post(f"{path}/close")
    assert incomplete.status_code == 422 and "Select an outcome." in incomplete.text
    closed = worker.post(f"{path}/close", outcome="referred_on")
    assert "Outcome: Referred on" in closed.text
    assert "Close hand-over" not in closed.text
    assert reference not in worker.get("/").text
    assert reference in worker.get("/", show="closed").text
    trail = worker.get(f"{path}/audit").text
    steps = re.findall(r"<td class=\"govuk-table__cell\">([A-Z][a-z ]+)</td>", trail)
    assert steps[0] == "Viewed"
    assert [step for step in steps if step != "Viewed"] == [
        "Claimed",
        "Contact attempt",
        "Noted",
        "Closed",
        "Viewed audit",
    ]
    assert trail.count("Ann Worker") == len(steps) + 1  # and once in the header


def test_the_numbers_page_counts_hand_overs_in_the_period_and_draws_bars(
    inbox_app: InboxApp, worker: Worker
):
    for built in (record(), record(call_back_facts())):
        inbox_app.post_handover(built)
    page = worker.get("/stats", **{"from": "2026-11-01", "to": "2026-11-30"})
    assert page.status_code == 200
    assert re.search(r'data-stat="total">2<', page.text)
    assert re.search(r'data-stat="out-of-hours">0 \(0%\)<', page.text)
    assert page.text.count("<rect ") == 4 + 2 + 2
    assert "07700 900123" not in page.text and "daughter" not in page.text
    empty = worker.get("/stats", **{"from": "2026-10-01", "to": "2026-10-31"})
    assert re.search(r'data-stat="total">0<', empty.text)
    assert worker.get("/stats", **{"from": "yesterday"}).status_code == 400


def test_the_json_the_page_polls_lists_open_hand_overs_most_urgent_first_without_details(
    inbox_app: InboxApp, worker: Worker
):
    call_back, urgent = record(call_back_facts()), record()
    for built in (call_back, urgent):
        inbox_app.post_handover(built)
    items = worker.get("/inbox.json").json()["items"]
    assert [(item["reference"], item["risk_level"]) for item in items] == [
        (urgent["reference"], "urgent"),
        (call_back["reference"], "none"),
    ]
    assert set(items[0]) == {"reference", "risk_level", "level_label", "state", "url"}


def test_markup_in_what_a_person_wrote_is_shown_as_text_never_run(
    inbox_app: InboxApp, worker: Worker
):
    payload = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    facts = safeguarding_facts(
        transcript=transcript("I'm worried about my mum", "What's been happening?", payload),
        in_their_words=[payload],
        what_matters=[payload],
    )
    built = record(facts)
    assert inbox_app.post_handover(built).status_code == 201
    worker.post(f"/handovers/{built['reference']}/notes", note=payload)
    page = worker.get(f"/handovers/{built['reference']}").text
    assert payload not in page
    assert "<script>window" not in page and "<img src=x" not in page
    # In their words, what matters, the transcript and the note: each shown, as text.
    shown = payload.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
    assert page.count(shown) == 4


def test_what_the_person_said_after_the_hand_over_reaches_the_worker_as_an_update(
    inbox_app: InboxApp, worker: Worker
):
    built = record()
    assert inbox_app.post_handover(built).status_code == 201
    facts = safeguarding_facts(
        transcript=transcript("I'm worried about my mum", "she's 84. we're in S8 0RA"),
        risk_level="immediate",
    )
    later = revise_handover(built, facts, load_profile(), datetime.now(timezone.utc))
    answer = inbox_app.post_handover(later)
    assert answer.status_code == 200 and answer.json()["revised"] is True
    page = worker.get(f"/handovers/{built['reference']}").text
    assert "They said more after the hand-over was made" in page
    assert "S8 0RA" in page
