"""The in-memory search index: built once from the database, rebuilt when data changes."""

from __future__ import annotations

import math
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import queries, vectors
from directory.models import (
    Address,
    Attribute,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from directory.search import thesaurus
from directory.search.geography import AreaRule, area_rule, postcode_point
from directory.search.schedules import Opening, describe, opening
from directory.search.text import content_stems, words

GENERAL_TERM = "need-general"
FRESH_FOR = timedelta(days=183)


@dataclass
class Entry:
    """What search shows about one service."""

    id: str
    name: str
    description: str
    terms: frozenset[str]
    phone: str | None
    email: str | None
    url: str | None
    openings: list[Opening]
    opening_times: str
    area: AreaRule | None
    minimum_age: float | None
    maximum_age: float | None

    def fits_age(self, age: int | None) -> bool:
        return age is None or not (
            (self.minimum_age is not None and age < self.minimum_age)
            or (self.maximum_age is not None and age > self.maximum_age)
        )


class Index:
    def __init__(
        self,
        entries: list[Entry],
        texts: dict[str, list[list[str]]],
        points: list[list[tuple[float, float]]],
        quality: list[float],
        needs: list[thesaurus.Need],
        known_words: frozenset[str],
        meaning: np.ndarray,
    ) -> None:
        self.entries = entries
        # One unit row per service: a query's similarity to all is one matrix product.
        self.meaning = meaning
        self.matcher = thesaurus.Matcher(needs, known_words)
        self.needs = {need.term: need for need in needs}
        count = len(entries)
        self.quality = np.array(quality, dtype=float)
        by_term: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(entries):
            for term in entry.terms:
                by_term[term].append(number)
        self.by_term = {term: np.array(found) for term, found in by_term.items()}
        self.general = self.by_term.get(GENERAL_TERM, np.array([], dtype=int))
        self._named: dict[str, np.ndarray] = {}
        # field name -> stem -> services whose field contains it
        self.fields: dict[str, dict[str, np.ndarray]] = {}
        document_frequency: dict[str, int] = defaultdict(int)
        for field, per_service in texts.items():
            postings: dict[str, list[int]] = defaultdict(list)
            for number, stems in enumerate(per_service):
                for stem in set(stems):
                    postings[stem].append(number)
            self.fields[field] = {stem: np.array(found) for stem, found in postings.items()}
        for number in range(count):
            for stem in {s for per_service in texts.values() for s in per_service[number]}:
                document_frequency[stem] += 1
        scale = math.log(1 + max(count, 1))
        self.idf = {s: math.log(1 + count / df) / scale for s, df in document_frequency.items()}
        # Typing slips are forgiven in words, not numbers: leaving numbers out keeps the
        # fuzzy scan short when names carry them (100,000 in the synthetic benchmark).
        self.vocabulary = sorted(s for s in self.idf if not any(c.isdigit() for c in s))
        self.lat = np.full(count, np.nan)
        self.lon = np.full(count, np.nan)
        self.points = points
        for number, found in enumerate(points):
            if found:
                self.lat[number], self.lon[number] = found[0]
        self.day_mask = np.zeros(count, dtype=np.int64)
        self.evening_mask = np.zeros(count, dtype=np.int64)
        for number, entry in enumerate(entries):
            for item in entry.openings:
                bits = sum(1 << day for day in item.days)
                self.day_mask[number] |= bits
                if item.in_evening():
                    self.evening_mask[number] |= bits
        self.minimum_age = np.array([e.minimum_age for e in entries], dtype=float)
        self.maximum_age = np.array([e.maximum_age for e in entries], dtype=float)
        self.fuzzy_cache: dict[str, list[tuple[str, float]]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def named(self, words: str) -> np.ndarray:
        """Which services have `words` in their name (lowercase), worked out once."""
        if words not in self._named:
            pattern = re.compile(rf"\b{re.escape(words)}\b")
            self._named[words] = np.array(
                [pattern.search(entry.name.lower()) is not None for entry in self.entries],
                dtype=bool,
            )
        return self._named[words]


def build(session: Session, needs: list[thesaurus.Need]) -> Index:
    """Read every live, active service and what search needs about it."""
    services = list(
        session.execute(
            select(
                Service.id,
                Service.name,
                Service.description,
                Service.url,
                Service.email,
                Service.assured_date,
                Service.minimum_age,
                Service.maximum_age,
                Service.eligibility_description,
            ).where(Service.retired_at.is_(None), Service.status == "active")
        )
    )
    terms: dict[str, set[str]] = defaultdict(set)
    term_words: dict[str, list[str]] = defaultdict(list)
    term_texts: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for service_id, term_id, term_name, term_description in session.execute(
        select(
            Attribute.service_id,
            Attribute.taxonomy_term_id,
            TaxonomyTerm.name,
            TaxonomyTerm.description,
        ).join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id, isouter=True)
    ):
        if term_id:
            terms[service_id].add(term_id)
        if term_name:
            term_words[service_id].extend(content_stems(term_name))
            term_texts[service_id].append((term_name, term_description))
    phones: dict[str, str] = {}
    for service_id, number, contact_id in session.execute(
        select(Phone.service_id, Phone.number, Phone.contact_id)
    ):
        # The service's own number beats a named contact's.
        if service_id not in phones or contact_id is None:
            phones[service_id] = number
    openings: dict[str, list[Opening]] = defaultdict(list)
    for row in session.execute(
        select(
            Schedule.byday,
            Schedule.opens_at,
            Schedule.closes_at,
            Schedule.freq,
            Schedule.service_id,
        )
    ).mappings():
        if item := opening(dict(row)):
            openings[row["service_id"]].append(item)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for service_id, lat, lon, postcode in session.execute(
        select(
            ServiceAtLocation.service_id, Location.latitude, Location.longitude, Address.postal_code
        )
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .join(Address, Address.location_id == Location.id, isouter=True)
    ):
        point = (lat, lon) if lat is not None and lon is not None else postcode_point(postcode)
        if point and -90 <= point[0] <= 90 and point not in points[service_id]:
            points[service_id].append(point)
    areas: dict[str, list[dict[str, str | None]]] = defaultdict(list)
    for row in session.execute(
        select(
            ServiceArea.service_id,
            ServiceArea.name,
            ServiceArea.description,
            ServiceArea.extent,
            ServiceArea.extent_type,
        )
    ).mappings():
        areas[row["service_id"]].append(dict(row))
    fresh_since = date.today() - FRESH_FOR
    entries, quality, texts = [], [], {"name": [], "term": [], "description": []}
    known_words: set[str] = set()
    embedded: list[tuple[str, str]] = []
    for service_id, name, description, url, email, assured, youngest, oldest, eligible in services:
        found = openings.get(service_id, [])
        entries.append(
            Entry(
                id=service_id,
                name=name,
                description=description or "",
                terms=frozenset(terms.get(service_id, ())),
                phone=phones.get(service_id),
                email=email,
                url=url,
                openings=found,
                opening_times=describe(found),
                area=area_rule(areas.get(service_id, [])),
                minimum_age=youngest,
                maximum_age=oldest,
            )
        )
        texts["name"].append(content_stems(name))
        texts["term"].append(term_words.get(service_id, []))
        texts["description"].append(content_stems(description or ""))
        known_words.update(words(f"{name} {description or ''}"))
        text = vectors.embedding_text(name, description, term_texts[service_id], eligible)
        embedded.append((service_id, text))
        quality.append(
            0.4 * bool(assured and assured >= fresh_since)
            + 0.2 * bool(phones.get(service_id))
            + 0.2 * bool(description)
            + 0.2 * bool(found)
        )
    ordered_points = [points.get(entry.id, []) for entry in entries]
    meaning = vectors.matrix(session, embedded)
    return Index(entries, texts, ordered_points, quality, needs, frozenset(known_words), meaning)


_cache: dict[str, tuple[tuple[int, float], Index]] = {}
_lock = threading.Lock()


def _thesaurus_stamp(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


def get_index(session: Session, thesaurus_file: Path = thesaurus.THESAURUS_FILE) -> Index:
    """The cached index for this database, rebuilt if the data or the thesaurus changed."""
    key = f"{session.get_bind().url}|{thesaurus_file}"
    stamp = (queries.data_version(session), _thesaurus_stamp(thesaurus_file))
    with _lock:
        cached = _cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        index = build(session, thesaurus.load(thesaurus_file))
        _cache[key] = (stamp, index)
        return index
