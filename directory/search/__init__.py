"""Directory search: `search(session, query, ...)` returns the best services, best first."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session

from directory.search.explain import why
from directory.search.geography import locate, place_named_in
from directory.search.index import get_index
from directory.search.ranking import Query, rank
from directory.search.schedules import UK, read_time_need
from directory.search.text import read_age, words
from directory.search.thesaurus import THESAURUS_FILE
from encoder import shared_encoder


@dataclass
class SearchResult:
    id: str
    name: str
    score: float
    why: str
    phone: str | None
    email: str | None
    url: str | None
    opening_times: str
    distance_miles: float | None
    matched: bool  # False when this is a general option because nothing matched

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _moment(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(timezone.utc)
    # A time without a zone is taken as UK clock time, as a person would mean it.
    return at if at.tzinfo else at.replace(tzinfo=UK)


def search(
    session: Session,
    query: str,
    postcode: str | None = None,
    limit: int = 5,
    open_now: bool = False,
    at: datetime | None = None,
    thesaurus_file: Path = THESAURUS_FILE,
    *,
    dense: bool = True,
) -> list[SearchResult]:
    """Services for what a person wrote, nearest and open when asked; never empty if the
    directory has any services (general options are offered when nothing fits). Words and
    meaning together; `dense=False` ranks by words alone."""
    index = get_index(session, thesaurus_file)
    moment = _moment(at)
    time_need, rest = read_time_need(query, open_now, moment)
    # A postcode given separately wins; otherwise one typed in the query, or a neighbourhood.
    place = locate(postcode) or locate(query) or place_named_in(query)
    # The whole text, once: reading long messages a sentence at a time did no better on dev.
    meaning = shared_encoder().encode([query])[0] if dense and len(index) else None
    request = Query(words(rest), place, time_need, open_now, moment, read_age(query), meaning)
    ranked, matched = rank(index, request, max(1, limit))
    results = []
    for item in ranked:
        entry = index.entries[item.number]
        results.append(
            SearchResult(
                id=entry.id,
                name=entry.name,
                score=round(item.score, 3),
                why=why(index, item, place, time_need, matched),
                phone=entry.phone,
                email=entry.email,
                url=entry.url,
                opening_times=entry.opening_times,
                distance_miles=None if item.distance is None else round(item.distance, 1),
                matched=matched,
            )
        )
    return results
