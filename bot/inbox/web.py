"""The First Contact inbox as a Sanic blueprint under /first-contact/; the web app mounts
`blueprint`. Handlers only translate HTTP: the work is in `auth`, `cases` and `stats`, run in
a thread so database calls and scrypt never block the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any

from jinja2 import Environment
from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, json, redirect

from bot.council.profile import UK_TIME
from bot.inbox import auth, cases, stats
from bot.inbox.alerts import alert_new_urgent
from bot.inbox.config import InboxConfig, load_inbox_config
from bot.settings import Settings
from bot.web.pages import PAGE_HEADERS
from bot.web.templates import autoescaping_environment

log = logging.getLogger(__name__)

PREFIX = "/first-contact"
SESSION_COOKIE = "fc_session"
LOGIN_COOKIE = "fc_login"
HERE = Path(__file__).parent
LEVEL_TAGS = {
    "immediate": ("Immediate", "govuk-tag--red"),
    "urgent": ("Urgent", "govuk-tag--orange"),
    "concern": ("Concern", "govuk-tag--yellow"),
    "none": ("No risk found", "govuk-tag--grey"),
}
DONE = {
    "claimed": "You claimed this hand-over.",
    "noted": "Your note was added.",
    "attempted": "Your contact attempt was recorded.",
    "closed": "The hand-over is closed.",
}

blueprint = Blueprint("first_contact_inbox", url_prefix=PREFIX)
blueprint.static("/static", HERE / "static", name="inbox_static")

Handler = Callable[..., Awaitable[HTTPResponse]]


def _uk(moment: datetime | None) -> str:
    return moment.astimezone(UK_TIME).strftime("%a %d %b %Y %H:%M") if moment else "Not set"


def _uk_iso(text: str) -> str:
    """A record's ISO time (e.g. a transcript turn's) shown in UK time."""
    return _uk(datetime.fromisoformat(text.replace("Z", "+00:00")))


def _duration(span: Any) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days}d"] * bool(days) + [f"{hours}h"] * bool(hours) + [f"{minutes}m"]
    return " ".join(parts[:2])


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Whatever a person or a worker wrote is shown as text, never as markup.
    environment = autoescaping_environment(HERE / "templates")
    environment.filters.update(uk=_uk, uk_iso=_uk_iso, duration=_duration)
    environment.globals.update(level_tags=LEVEL_TAGS, prefix=PREFIX)
    return environment


def _page(name: str, status: int = 200, **context: Any) -> HTTPResponse:
    response = html(_environment().get_template(name).render(**context), status=status)
    response.headers.update(PAGE_HEADERS)
    return response


def _not_found(staff: auth.SignedIn) -> HTTPResponse:
    return _page(
        "message.html",
        404,
        staff=staff,
        heading="Hand-over not found",
        message="There is no hand-over with that reference.",
    )


def _set_cookie(response: HTTPResponse, name: str, value: str, max_age: int, secure: bool) -> None:
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = PREFIX
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["max-age"] = max_age
    if secure:
        cookie["secure"] = True


def _settings(request: Request) -> Settings:
    return request.app.ctx.settings


def _config(request: Request) -> InboxConfig:
    return request.app.ctx.inbox_config


def _form(request: Request, name: str) -> str | None:
    return request.form.get(name) if request.form else None


def staff_only(handler: Handler) -> Handler:
    """Pages need a live session (else to the sign-in page); every POST also needs the
    session's CSRF token, so another site cannot make a signed-in browser act."""

    @wraps(handler)
    async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        settings = _settings(request)
        polled = request.path.endswith(".json")
        staff = await asyncio.to_thread(
            auth.signed_in,
            settings.database_url,
            _config(request),
            request.cookies.get(SESSION_COOKIE),
            settings.now(),
            not polled,
        )
        if staff is None:
            if polled:
                return json({"error": "unauthorised"}, status=401)
            return redirect(f"{PREFIX}/login", status=303)
        if request.method == "POST" and not auth.tokens_match(
            staff.csrf_token, _form(request, "csrf_token")
        ):
            return _page(
                "message.html",
                403,
                staff=staff,
                heading="This form has expired",
                message="Go back, reload the page and try again.",
            )
        return await handler(request, staff, *args, **kwargs)

    return wrapped


@blueprint.before_server_start
async def configure(app: Sanic, _loop: object) -> None:
    app.ctx.inbox_config = load_inbox_config()
    if app.ctx.inbox_config.webhook_url:
        app.ctx.inbox_alerts = asyncio.create_task(_alert_loop(app))


@blueprint.before_server_stop
async def stop_alerts(app: Sanic, _loop: object) -> None:
    task = getattr(app.ctx, "inbox_alerts", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _alert_loop(app: Sanic) -> None:
    settings: Settings = app.ctx.settings
    config: InboxConfig = app.ctx.inbox_config
    inbox_url = config.public_url or f"{settings.web_url}{PREFIX}/"
    while True:
        try:
            await asyncio.to_thread(
                alert_new_urgent,
                settings.database_url,
                config.webhook_url,
                inbox_url,
                settings.now(),
                config.webhook_timeout_seconds,
            )
        # Any error: this loop must outlive a bad moment (a locked database, a restart).
        except Exception as error:
            log.error("inbox alert sweep failed: %s", type(error).__name__)
        await asyncio.sleep(config.poll_seconds)


def _login_page(request: Request, status: int = 200, error: str | None = None) -> HTTPResponse:
    nonce = auth.new_nonce()
    token = auth.login_form_token(_settings(request).session_secret, nonce)
    response = _page("login.html", status, csrf_token=token, error=error)
    _set_cookie(response, LOGIN_COOKIE, nonce, 30 * 60, _config(request).secure_cookies)
    return response


@blueprint.get("/login")
async def login_page(request: Request) -> HTTPResponse:
    return _login_page(request)


@blueprint.post("/login")
async def login(request: Request) -> HTTPResponse:
    settings, config = _settings(request), _config(request)
    expected = auth.login_form_token(settings.session_secret, request.cookies.get(LOGIN_COOKIE, ""))
    if not request.cookies.get(LOGIN_COOKIE) or not auth.tokens_match(
        expected, _form(request, "csrf_token")
    ):
        return _login_page(request, 403, "The form had expired. Enter your details again.")
    new = await asyncio.to_thread(
        auth.log_in,
        settings.database_url,
        config,
        _form(request, "email") or "",
        _form(request, "password") or "",
        settings.now(),
    )
    if new is None:
        return _login_page(request, 401, auth.LOGIN_REFUSED)
    log.info("staff %s signed in to the inbox", new.staff_id)
    response = redirect(f"{PREFIX}/", status=303)
    lifetime = int(config.session_lifetime.total_seconds())
    _set_cookie(response, SESSION_COOKIE, new.cookie, lifetime, config.secure_cookies)
    _set_cookie(response, LOGIN_COOKIE, "", 0, config.secure_cookies)
    return response


@blueprint.post("/logout")
@staff_only
async def logout(request: Request, staff: auth.SignedIn) -> HTTPResponse:
    settings = _settings(request)
    cookie = request.cookies.get(SESSION_COOKIE, "")
    await asyncio.to_thread(
        auth.log_out, settings.database_url, cookie, staff.staff_id, settings.now()
    )
    response = redirect(f"{PREFIX}/login", status=303)
    _set_cookie(response, SESSION_COOKIE, "", 0, _config(request).secure_cookies)
    return response


@blueprint.get("/")
@staff_only
async def inbox_page(request: Request, staff: auth.SignedIn) -> HTTPResponse:
    closed = request.args.get("show") == "closed"
    items = await asyncio.to_thread(cases.inbox, _settings(request).database_url, closed)
    return _page(
        "inbox.html",
        staff=staff,
        items=items,
        closed=closed,
        now=_settings(request).now(),
        poll_ms=int(_config(request).poll_seconds * 1000),
    )


@blueprint.get("/inbox.json")
@staff_only
async def inbox_json(request: Request, staff: auth.SignedIn) -> HTTPResponse:
    """Enough for the open page to notice new hand-overs: no names, no words, no details."""
    items = await asyncio.to_thread(cases.inbox, _settings(request).database_url)
    body = {
        "items": [
            {
                "reference": item.reference,
                "risk_level": item.risk_level,
                "level_label": LEVEL_TAGS[item.risk_level][0],
                "state": item.state,
                "url": f"{PREFIX}/handovers/{item.reference}",
            }
            for item in items
        ]
    }
    return json(body, headers={"Cache-Control": "no-store"})


async def _handover_page(
    request: Request, staff: auth.SignedIn, reference: str, problem: cases.Problem | None = None
) -> HTTPResponse:
    settings = _settings(request)
    page = await asyncio.to_thread(
        cases.view, settings.database_url, staff, reference, settings.now()
    )
    if page is None:
        return _not_found(staff)
    return _page(
        "handover.html",
        problem.status if problem else 200,
        staff=staff,
        page=page,
        record=page.record,
        problem=problem,
        done=DONE.get(request.args.get("done", "")),
        methods=cases.METHODS,
        results=cases.RESULTS,
        outcomes=cases.OUTCOMES,
        now=settings.now(),
    )


@blueprint.get("/handovers/<reference>")
@staff_only
async def handover(request: Request, staff: auth.SignedIn, reference: str) -> HTTPResponse:
    return await _handover_page(request, staff, reference)


@blueprint.post("/handovers/<reference>/<action:claim|notes|attempts|close>")
@staff_only
async def act(request: Request, staff: auth.SignedIn, reference: str, action: str) -> HTTPResponse:
    settings = _settings(request)
    url, now = settings.database_url, settings.now()
    if action == "claim":
        problem = await asyncio.to_thread(cases.claim, url, staff, reference, now)
    elif action == "notes":
        problem = await asyncio.to_thread(
            cases.add_note, url, staff, reference, _form(request, "note"), now
        )
    elif action == "attempts":
        form = {name: _form(request, name) for name in ("method", "result", "note")}
        problem = await asyncio.to_thread(cases.record_attempt, url, staff, reference, form, now)
    else:
        problem = await asyncio.to_thread(
            cases.close, url, staff, reference, _form(request, "outcome"), now
        )
    if problem is not None:
        return await _handover_page(request, staff, reference, problem)
    done = {"claim": "claimed", "notes": "noted", "attempts": "attempted", "close": "closed"}
    log.info("staff %s: %s on hand-over %s", staff.staff_id, action, reference)
    return redirect(f"{PREFIX}/handovers/{reference}?done={done[action]}", status=303)


@blueprint.get("/handovers/<reference>/audit")
@staff_only
async def audit_page(request: Request, staff: auth.SignedIn, reference: str) -> HTTPResponse:
    settings = _settings(request)
    trail = await asyncio.to_thread(
        cases.audit_trail, settings.database_url, staff, reference, settings.now()
    )
    if trail is None:
        return _not_found(staff)
    return _page("audit.html", staff=staff, reference=reference, trail=trail)


@blueprint.get("/stats")
@staff_only
async def stats_page(request: Request, staff: auth.SignedIn) -> HTTPResponse:
    settings = _settings(request)
    params = {name: request.args.get(name) for name in ("from", "to") if request.args.get(name)}
    period = stats.parse_period(params, settings.now().astimezone(UK_TIME).date())
    if isinstance(period, cases.Problem):
        return _page(
            "message.html",
            period.status,
            staff=staff,
            heading="Check the dates",
            message=period.message,
        )
    is_open = settings.council().first_contact_hours.is_open
    numbers = await asyncio.to_thread(stats.period_stats, settings.database_url, period, is_open)
    talks = await asyncio.to_thread(stats.conversations, settings.tracker_store_url, period)
    return _page(
        "stats.html",
        staff=staff,
        period=period,
        stats=numbers,
        conversations=talks,
        level_bars=stats.bars(numbers.by_level),
        category_bars=stats.bars(numbers.by_category),
        kind_bars=stats.bars(numbers.by_kind),
    )
