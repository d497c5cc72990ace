"""Postcodes to places, distances, and whether a place falls inside a service's area."""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from directory.search.text import normalise

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?\b")
# Postcode districts that make up the City of Sheffield (the S area reaches far beyond it).
SHEFFIELD_DISTRICTS = frozenset(
    [f"S{n}" for n in range(1, 15)] + ["S17", "S20", "S21", "S35", "S36"]
)
UNLIMITED_WORDS = re.compile(
    r"\b(national|nationwide|uk|united kingdom|england|wales|scotland|anywhere|online)\b",
    re.I,
)
EARTH_RADIUS_MILES = 3958.8
# "S6 and nearby": the listed districts plus anywhere this close to one of their centres.
NEARBY_MILES = 5.0
NEARBY_WORDS = re.compile(r"\b(nearby|near|surrounding|around|neighbouring)\b", re.I)


@dataclass(frozen=True)
class Place:
    label: str  # what the person gave, tidied: "S8" or "S8 0ZB"
    district: str
    lat: float
    lon: float


def _load(name: str) -> dict[str, tuple[float, float]]:
    with gzip.open(GEODATA / name, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return {key: (float(lat), float(lon)) for key, lat, lon in reader}


@cache
def districts() -> dict[str, tuple[float, float]]:
    return _load("postcode_districts.csv.gz")


@cache
def sheffield_postcodes() -> dict[str, tuple[float, float]]:
    return _load("postcodes_S.csv.gz")


def locate(text: str | None) -> Place | None:
    """A full postcode or a postcode district as a place, or None if not recognised."""
    if not text:
        return None
    match = POSTCODE.search(text.upper())
    if not match:
        return None
    district, inward = match.group(1), match.group(2)
    if inward and (point := sheffield_postcodes().get(district + inward)):
        return Place(f"{district} {inward}", district, *point)
    if point := districts().get(district):
        return Place(district, district, *point)
    return None


@cache
def sheffield_places() -> dict[str, str]:
    """Neighbourhood names people use instead of postcodes -> their main postcode district."""
    with (GEODATA / "sheffield_places.csv").open(encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return dict(reader)


def place_named_in(text: str) -> Place | None:
    """A Sheffield neighbourhood mentioned in free text ("in stocksbridge"), longest first."""
    padded = f" {normalise(text)} "
    for name in sorted(sheffield_places(), key=len, reverse=True):
        if f" {name} " in padded:
            district = sheffield_places()[name]
            return Place(name.title(), district, *districts()[district])
    return None


def postcode_point(postcode: str | None) -> tuple[float, float] | None:
    place = locate(postcode)
    return (place.lat, place.lon) if place else None


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


AreaRule = Callable[[Place], bool]


def _inside_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _geojson_rule(extent: str) -> AreaRule | None:
    try:
        shape = json.loads(extent)
        geometry = shape.get("geometry", shape)
        kind, coordinates = geometry["type"], geometry["coordinates"]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    if not polygons:
        return None
    return lambda place: any(_inside_ring(place.lon, place.lat, p[0]) for p in polygons)


def _district_rule(listed: frozenset[str], nearby: bool) -> AreaRule:
    centres = [districts()[district] for district in listed] if nearby else []

    def rule(place: Place) -> bool:
        point = (place.lat, place.lon)
        return place.district in listed or any(
            miles_between(point, centre) <= NEARBY_MILES for centre in centres
        )

    return rule


def area_rule(areas: list[dict[str, Any]]) -> AreaRule | None:
    """Who a service is for, from its service_area rows; None when it has no limit we know of.

    Understood: GeoJSON polygons, lists of postcode districts ("S8, S7"), "Sheffield", and
    words meaning anywhere ("national", "online"). Anything else is treated as no limit,
    since hiding a service for an area we cannot read would be worse than showing it.
    """
    rules: list[AreaRule] = []
    for area in areas:
        extent = area.get("extent") or ""
        if area.get("extent_type") == "geojson" and (rule := _geojson_rule(extent)):
            rules.append(rule)
            continue
        text = " ".join(str(area.get(k) or "") for k in ("name", "description", "extent"))
        if UNLIMITED_WORDS.search(text):
            return None
        listed = {m.group(1) for m in POSTCODE.finditer(text.upper()) if m.group(1)}
        listed &= set(districts())
        if listed:
            rules.append(_district_rule(frozenset(listed), bool(NEARBY_WORDS.search(text))))
        elif re.search(r"\bsheffield\b", text, re.I):
            rules.append(lambda place: place.district in SHEFFIELD_DISTRICTS)
    if not rules:
        return None
    return lambda place: any(rule(place) for rule in rules)
