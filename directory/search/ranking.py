"""Scores services for a query: thesaurus needs, words, distance, area and opening times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from directory.search.geography import EARTH_RADIUS_MILES, Place, miles_between
from directory.search.index import Index
from directory.search.schedules import TimeNeed
from directory.search.text import STOPWORDS, allowed_edits, close_enough, stem

# How much each kind of evidence counts: in directory/ranking.yml, where a council can tune
# it (see the comments there). Tuned on queries.yml and dev.jsonl, never on the blind set.
RANKING_FILE = Path(__file__).resolve().parent.parent / "ranking.yml"
WEIGHT_NAMES = frozenset(
    [
        "term_weight",
        "field_weights",
        "min_relevance",
        "dense_weight",
        "dense_floor",
        "dense_min",
        "distance_scale",
        "remote_proximity",
        "time_mismatch",
        "time_unknown",
        "quality_weight",
        "age_band_boost",
        "only_when_raised",
        "communities",
        "other_community",
    ]
)


def load_weights(path: Path = RANKING_FILE) -> dict[str, Any]:
    """The ranking numbers; every one must be there, so a typing slip is caught at start."""
    found = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    # A misspelt name is said first: it is the likelier slip.
    unknown = sorted(set(found) - WEIGHT_NAMES)
    if unknown:
        raise ValueError(f"{path.name} has unknown settings {', '.join(unknown)}")
    missing = sorted(WEIGHT_NAMES - set(found))
    if missing:
        raise ValueError(f"{path.name} lacks {', '.join(missing)}")
    return found


_weights = load_weights()
TERM_WEIGHT = float(_weights["term_weight"])
FIELD_WEIGHTS = {str(k): float(v) for k, v in _weights["field_weights"].items()}
MIN_RELEVANCE = float(_weights["min_relevance"])
# Physical services score 1/(1 + miles/DISTANCE_SCALE); phone and online ones a fixed value.
DISTANCE_SCALE = float(_weights["distance_scale"])
REMOTE_PROXIMITY = float(_weights["remote_proximity"])
TIME_MISMATCH = float(_weights["time_mismatch"])
TIME_UNKNOWN = float(_weights["time_unknown"])
QUALITY_WEIGHT = float(_weights["quality_weight"])
# A service made for an age band that includes the person's age is a strong sign of fit.
AGE_BAND_BOOST = float(_weights["age_band_boost"])
# Meaning (cosine similarity of sentence vectors) joins the word score in its units:
# DENSE_WEIGHT points for each unit of similarity above DENSE_FLOOR. A service whose words
# did not match is a candidate when its similarity reaches DENSE_MIN. A weighted sum rather
# than rank fusion: it did as well on dev and keeps the word score's ties and magnitudes.
DENSE_WEIGHT = float(_weights["dense_weight"])
DENSE_FLOOR = float(_weights["dense_floor"])
DENSE_MIN = float(_weights["dense_min"])
ONLY_WHEN_RAISED = frozenset(str(term) for term in _weights["only_when_raised"])
OTHER_COMMUNITY = float(_weights["other_community"])
COMMUNITIES = {
    str(name): tuple(str(word) for word in words)
    for name, words in (_weights["communities"] or {}).items()
}
POOL_PER_RESULT = 20
FUZZY_CACHE_SIZE = 5_000


@dataclass
class Ranked:
    number: int
    score: float
    distance: float | None = None
    needs: list[str] = field(default_factory=list)  # matched thesaurus terms, strongest first
    fits_time: bool | None = None
    by_meaning: bool = False  # found by meaning alone: no thesaurus need or word matched


@dataclass
class Query:
    tokens: list[str]
    place: Place | None
    time: TimeNeed
    strict_time: bool
    at: datetime
    age: int | None = None
    # The whole query's unit vector; None to rank by words alone.
    meaning: np.ndarray | None = None


def _similar_words(index: Index, word: str) -> list[tuple[str, float]]:
    if word in index.idf:
        return [(word, 1.0)]
    if word not in index.fuzzy_cache:
        # Bounded, so a long-running server does not keep every word people have typed.
        if len(index.fuzzy_cache) >= FUZZY_CACHE_SIZE:
            index.fuzzy_cache.clear()
        found = process.extract(
            word,
            index.vocabulary,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=allowed_edits(len(word)),
            limit=3,
        )
        index.fuzzy_cache[word] = [
            (match, 1 - distance / len(match))
            for match, distance, _ in found
            if close_enough(word, match, int(distance))
        ]
    return index.fuzzy_cache[word]


def relevance(index: Index, tokens: list[str]) -> tuple[np.ndarray, dict[str, float]]:
    """Per-service relevance, and the thesaurus terms the query matched with their strength."""
    scores = np.zeros(len(index))
    needs = {term: strength for term, (strength, _) in index.matcher.match(tokens).items()}
    for term, strength in needs.items():
        if (found := index.by_term.get(term)) is not None:
            scores[found] += TERM_WEIGHT * strength
    for word in {stem(token) for token in tokens if token not in STOPWORDS and len(token) > 1}:
        for match, similarity in _similar_words(index, word):
            weight = similarity * index.idf[match]
            for field_name, field_weight in FIELD_WEIGHTS.items():
                if (found := index.fields[field_name].get(match)) is not None:
                    scores[found] += field_weight * weight
    return scores, needs


def _not_raised(index: Index, needs: dict[str, float]) -> np.ndarray:
    """Services about a sensitive need the query did not raise."""
    unraised = np.zeros(len(index), dtype=bool)
    for term in ONLY_WHEN_RAISED - set(needs):
        if (found := index.by_term.get(term)) is not None:
            unraised[found] = True
    return unraised


def _for_another_community(index: Index, tokens: list[str]) -> np.ndarray:
    """Services named for a community the person never spoke of."""
    said = f" {' '.join(tokens).lower()} "
    other = np.zeros(len(index), dtype=bool)
    for name, words in COMMUNITIES.items():
        if not any(f" {word} " in said for word in words):
            other |= index.named(name)
    return other


def _proximity(index: Index, place: Place) -> np.ndarray:
    lat1, lon1 = np.radians(place.lat), np.radians(place.lon)
    lat2, lon2 = np.radians(index.lat), np.radians(index.lon)
    across = np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    h = np.sin((lat2 - lat1) / 2) ** 2 + across
    miles = 2 * EARTH_RADIUS_MILES * np.arcsin(np.sqrt(h))
    return np.where(np.isnan(miles), REMOTE_PROXIMITY, 1 / (1 + miles / DISTANCE_SCALE))


def _day_fit(index: Index, need: TimeNeed) -> np.ndarray:
    """Whether each service opens on the days (and in the evening) the person asked about."""
    days = sum(1 << day for day in need.days) if need.days else 0b1111111
    mask = index.evening_mask if need.evening else index.day_mask
    return (mask & days) != 0


def _time_factor(index: Index, day_fit: np.ndarray) -> np.ndarray:
    unknown = index.day_mask == 0
    return np.where(day_fit, 1.0, np.where(unknown, TIME_UNKNOWN, TIME_MISMATCH))


def _fits_time(index: Index, number: int, query: Query, day_fit: np.ndarray) -> bool | None:
    """None when nobody asked about time or the service gives no opening times."""
    openings = index.entries[number].openings
    if not query.time or not openings:
        return None
    if query.time.now and not any(item.open_at(query.at) for item in openings):
        return False
    return bool(day_fit[number])


def _distance(index: Index, number: int, place: Place | None) -> float | None:
    points = index.points[number]
    if not place or not points:
        return None
    return min(miles_between((place.lat, place.lon), point) for point in points)


def _finish(
    index: Index,
    pool: np.ndarray,
    scores: np.ndarray,
    query: Query,
    limit: int,
    needs: dict[str, float],
    by_words: np.ndarray | None = None,
) -> list[Ranked]:
    """Walk the pool best first, applying the exact checks too slow to run on everyone."""
    day_fit = _day_fit(index, query.time)
    chosen: list[Ranked] = []
    for number in pool[np.argsort(-scores[pool], kind="stable")]:
        entry = index.entries[number]
        if query.place and entry.area and not entry.area(query.place):
            continue
        if not entry.fits_age(query.age):
            continue
        fits = _fits_time(index, int(number), query, day_fit)
        if fits is False and query.strict_time:
            continue
        meaning_only = by_words is not None and not by_words[number]
        ranked = Ranked(int(number), float(scores[number]), fits_time=fits, by_meaning=meaning_only)
        if query.time.now and fits is False:
            ranked.score *= TIME_MISMATCH
        ranked.distance = _distance(index, ranked.number, query.place)
        ranked.needs = sorted((t for t in needs if t in entry.terms), key=lambda t: -needs[t])
        chosen.append(ranked)
        # Enough to re-sort safely after the "open now" penalty.
        if len(chosen) >= limit * 3:
            break
    chosen.sort(key=lambda r: -r.score)
    return chosen[:limit]


def rank(index: Index, query: Query, limit: int) -> tuple[list[Ranked], bool]:
    """The best services, and whether they truly match (False means general fallbacks)."""
    if not len(index):
        return [], False
    scores, needs = relevance(index, query.tokens)
    by_words = scores >= MIN_RELEVANCE
    eligible = by_words
    if query.meaning is not None:
        # Every service's cosine similarity to the query in one matrix product.
        close = index.meaning @ query.meaning
        scores = scores + DENSE_WEIGHT * np.clip(close - DENSE_FLOOR, 0, None)
        eligible = by_words | (close >= DENSE_MIN)
    eligible = eligible & ~_not_raised(index, needs)
    adjusted = scores * np.where(_for_another_community(index, query.tokens), OTHER_COMMUNITY, 1.0)
    if query.place:
        adjusted *= 0.5 + 0.5 * _proximity(index, query.place)
    if query.time:
        adjusted *= _time_factor(index, _day_fit(index, query.time))
    if query.age is not None:
        # NaN limits compare False, so services without limits are untouched.
        band = (index.minimum_age <= query.age) & (index.maximum_age >= query.age)
        adjusted *= np.where(band, AGE_BAND_BOOST, 1.0)
    adjusted += QUALITY_WEIGHT * index.quality * (scores > 0)
    candidates = np.flatnonzero(eligible)
    if len(candidates):
        size = min(len(candidates), limit * POOL_PER_RESULT)
        pool = candidates[np.argpartition(-adjusted[candidates], size - 1)[:size]]
        found = _finish(index, pool, adjusted, query, limit, needs, by_words)
        if found:
            return found, True
    return _fallback(index, query, limit), False


def _fallback(index: Index, query: Query, limit: int) -> list[Ranked]:
    """General options (national lines first, then the best-kept records) for no match."""
    general = np.zeros(len(index))
    general[index.general] = 1.0
    score = general + index.quality * 0.5
    if query.place:
        score *= 0.5 + 0.5 * _proximity(index, query.place)
    everyone = np.arange(len(index))
    # Keep "open now" and the area if anything general meets them, then let them go.
    for attempt in (
        query,
        Query(query.tokens, query.place, TimeNeed(), False, query.at, query.age),
        Query([], None, TimeNeed(), False, query.at),
    ):
        if found := _finish(index, everyone, score, attempt, limit, {}):
            return found
    return []
