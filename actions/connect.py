"""Wire the Conversation 1 planner to the council profile and the directory search."""

from __future__ import annotations

from actions.session import council_profile
from bot.conversation.planner import Finder, Offer, Place, Planner
from bot.settings import load_settings
from directory.db import session_scope
from directory.search import search
from directory.search.geography import districts, place_named_in

# Ask for a few more than we show, so services already offered can be skipped.
SEARCH_HEADROOM = 6


def make_finder(database_url: str | None = None) -> Finder:
    def find(
        query: str, postcode: str | None, exclude: set[str], limit: int
    ) -> tuple[list[Offer], bool]:
        with session_scope(database_url) as session:
            results = search(
                session,
                query,
                postcode=postcode,
                limit=limit + len(exclude) + SEARCH_HEADROOM,
                at=load_settings().now(),
            )
        fresh = [result for result in results if result.id not in exclude][:limit]
        offers = [
            Offer(r.id, r.name, r.why, r.phone, r.email, r.url, r.opening_times) for r in fresh
        ]
        return offers, bool(fresh) and fresh[0].matched

    return find


def district_named_in(text: str) -> str | None:
    place = place_named_in(text)
    return place.district if place else None


def build_planner(database_url: str | None = None) -> Planner:
    council = council_profile()
    covered = frozenset(d for group in council.localities.values() for d in group)
    place = Place(
        council=council.name,
        team=council.first_contact.name,
        phone=council.first_contact.phone,
        hours=council.first_contact_hours.describe(),
        known_districts=frozenset(districts()),
        covered_districts=covered,
        district_named_in=district_named_in,
    )
    return Planner(place, make_finder(database_url))
