"""Reads ORUK 3.0 service records from a JSON file or from a live ORUK API."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from tqdm import tqdm
from urllib3.util.retry import Retry

# Keys only a full service record has: a list item with none of them needs a detail fetch.
FULL_ONLY_KEYS = frozenset(
    {
        "service_at_locations",
        "schedules",
        "service_areas",
        "contacts",
        "phones",
        "attributes",
        "cost_options",
        "languages",
        "funding",
    }
)
TIMEOUT = (5.0, 60.0)  # connect, read (seconds)
DETAIL_WORKERS = 8


class FeedError(Exception):
    """The feed could not be read at all; nothing should be imported from it."""


def is_remote(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def records_in(document: Any) -> list[Any]:
    """The records of an array of services or of a paged `/services` response."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    raise FeedError(
        "expected a JSON array of services or a paged /services response with 'contents'"
    )


def read_file(path: Path) -> list[Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FeedError(f"there is no file at {path}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise FeedError(f"could not read {path}: {error}") from error
    except json.JSONDecodeError as error:
        raise FeedError(f"{path} is not valid JSON ({error})") from error
    return records_in(document)


def http_session(workers: int = DETAIL_WORKERS) -> requests.Session:
    """A session that retries connection failures and 429/5xx answers with backoff."""
    # A server that is not there at all fails fast; a busy one gets a few seconds to recover.
    retry = Retry(
        total=4,
        connect=2,
        backoff_factor=0.3,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=workers)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["Accept"] = "application/json"
    return session


def _get_json(session: requests.Session, url: str, params: dict[str, int] | None = None) -> Any:
    try:
        response = session.get(url, params=params, timeout=TIMEOUT)
        response.raise_for_status()
        return response.json()
    except requests.exceptions.JSONDecodeError as error:
        raise FeedError(f"{url} did not answer with JSON") from error
    except requests.RequestException as error:
        raise FeedError(f"could not read {url}: {error}") from error


def is_full(item: Any) -> bool:
    return isinstance(item, dict) and not FULL_ONLY_KEYS.isdisjoint(item)


def read_api(base_url: str, per_page: int = 500, progress: bool = True) -> list[Any]:
    """Every service from an ORUK API, page by page, fetching details where lists are brief."""
    base = base_url.rstrip("/")
    items: list[Any] = []
    with (
        http_session() as session,
        tqdm(desc="services", unit=" services", file=sys.stderr, disable=not progress) as bar,
    ):
        page = 1
        while True:
            document = _get_json(session, f"{base}/services", {"page": page, "per_page": per_page})
            contents = records_in(document)
            bar.total = document.get("total_items") if isinstance(document, dict) else None
            items.extend(contents)
            bar.update(len(contents))
            total_pages = document.get("total_pages") or page
            if not contents or document.get("last_page") or page >= total_pages:
                break
            page += 1
        brief = [n for n, item in enumerate(items) if not is_full(item) and _has_id(item)]
        if brief:
            bar.reset(total=len(brief))
            bar.set_description("details")

            def detail(number: int) -> Any:
                item_id = quote(str(items[number]["id"]), safe="")
                return _get_json(session, f"{base}/services/{item_id}")

            with ThreadPoolExecutor(DETAIL_WORKERS) as pool:
                for number, full in zip(brief, pool.map(detail, brief), strict=True):
                    items[number] = full
                    bar.update(1)
    return items


def _has_id(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str)


def read_source(source: str, progress: bool = True) -> list[Any]:
    if is_remote(source):
        return read_api(source, progress=progress)
    return read_file(Path(source))


def source_key(source: str) -> str:
    """How a feed is remembered, so only its own vanished services are retired."""
    return source.rstrip("/") if is_remote(source) else str(Path(source).resolve())
