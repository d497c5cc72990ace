"""Made-up but realistic ORUK service records, for benchmarks."""

from __future__ import annotations

import random
import zlib
from typing import Any

import numpy as np

from directory import vectors
from directory.search.geography import sheffield_postcodes
from directory.search.text import words

# Spread of the noise added to each stand-in vector, so services with the same words differ.
NOISE = 0.005

NEEDS = [
    ("need-loneliness", "Loneliness and befriending"),
    ("need-lunch-club", "Lunch clubs"),
    ("need-carers", "Support for carers"),
    ("need-dementia", "Dementia and memory"),
    ("need-falls", "Falls prevention"),
    ("need-daily-living", "Daily living and equipment"),
    ("need-money", "Money and benefits"),
    ("need-food", "Food"),
    ("need-digital", "Digital help"),
    ("need-bereavement", "Bereavement"),
    ("need-mental-wellbeing", "Mental wellbeing"),
    ("need-transport", "Transport"),
    ("need-general", "General help and advice"),
]
KINDS = ["club", "group", "cafe", "service", "project", "network", "hub", "line", "circle"]
ACTIVITIES = [
    "lunch",
    "coffee",
    "walking",
    "gardening",
    "singing",
    "crafts",
    "reading",
    "chair exercise",
    "benefits advice",
    "befriending calls",
    "memory",
    "bathing aids",
    "digital skills",
    "shopping",
    "transport",
    "carers break",
    "bereavement",
    "cooking",
    "dance",
    "bowls",
    "knitting",
    "history",
    "allotment",
    "tai chi",
    "bingo",
    "music",
    "art",
    "swimming",
]
PLACES = [
    "Heeley",
    "Woodseats",
    "Firth Park",
    "Hillsborough",
    "Darnall",
    "Crookes",
    "Gleadless",
    "Stocksbridge",
    "Manor",
    "Walkley",
    "Sharrow",
    "Broomhill",
    "Beighton",
    "Ecclesfield",
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def service_record(number: int, rng: random.Random, postcodes: list[tuple]) -> dict[str, Any]:
    term_id, term_name = rng.choice(NEEDS)
    activity, place = rng.choice(ACTIVITIES), rng.choice(PLACES)
    service_id = f"synthetic-{number:06d}"
    name = f"{place} {activity} {rng.choice(KINDS)} {number}"
    postcode, (lat, lon) = rng.choice(postcodes)
    opens = rng.choice([9, 10, 13, 18])
    record: dict[str, Any] = {
        "id": service_id,
        "name": name.title(),
        "description": (
            f"A friendly {activity} {rng.choice(KINDS)} in {place} for older people and carers. "
            f"{term_name}: {rng.choice(ACTIVITIES)} and {rng.choice(ACTIVITIES)} every week."
        ),
        "status": "active",
        "email": f"hello{number}@example.org",
        "assured_date": f"2026-{rng.randint(1, 12):02d}-01",
        "organization": {
            "id": f"synthetic-org-{number // 5:06d}",
            "name": f"{place} Community Association {number // 5}",
            "description": "A local charity.",
        },
        "phones": [{"id": f"{service_id}-phone", "number": f"0114 496 {number % 10000:04d}"}],
        "schedules": [
            {
                "id": f"{service_id}-schedule",
                "freq": "WEEKLY",
                "byday": ",".join(sorted(rng.sample(DAYS, 2), key=DAYS.index)),
                "opens_at": f"{opens:02d}:00:00",
                "closes_at": f"{opens + 3:02d}:00:00",
            }
        ],
        "service_areas": [{"id": f"{service_id}-area", "name": "Sheffield"}],
        "service_at_locations": [
            {
                "id": f"{service_id}-sal",
                "location": {
                    "id": f"synthetic-loc-{number // 3:06d}",
                    "location_type": "physical",
                    "name": f"{place} Community Centre",
                    "latitude": lat,
                    "longitude": lon,
                    "addresses": [
                        {
                            "id": f"synthetic-addr-{number // 3:06d}",
                            "address_1": f"{number % 200 + 1} {place} Road",
                            "city": "Sheffield",
                            "state_province": "South Yorkshire",
                            "postal_code": postcode,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": [
            {
                "id": f"{service_id}-attr",
                "taxonomy_term": {
                    "id": term_id,
                    "name": term_name,
                    "description": term_name,
                    "taxonomy_id": "c1-needs",
                    "vocabulary": "c1-needs",
                },
            }
        ],
    }
    return record


def directory(size: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    postcodes = sorted(
        (f"{code[:-3]} {code[-3:]}", point)
        for code, point in sheffield_postcodes().items()
        if code[:-3] in {"S1", "S2", "S6", "S7", "S8", "S10", "S11", "S5", "S9"}
    )
    return [service_record(number, rng, postcodes) for number in range(size)]


def word_vectors(texts: list[str]) -> np.ndarray:
    """Stand-in search vectors for synthetic services, for the benchmark only. Encoding
    100,000 texts would take about half an hour on two cores, so each text gets the mean of
    its words' vectors (each distinct word encoded once: a few hundred for any size) plus a
    little noise, normalised. Services sharing words end up near each other, as real ones
    do, so the dense side of search does the same work it does on a real directory."""
    split = [[word for word in words(text) if word.isalpha()] for text in texts]
    vocabulary = sorted({word for found in split for word in found})
    table = dict(zip(vocabulary, vectors.encode(vocabulary), strict=True))
    rows = np.stack([np.mean([table[word] for word in found], axis=0) for found in split])
    # Seeded by the texts, so a run is repeatable and each batch gets its own noise.
    rng = np.random.default_rng(zlib.crc32("\n".join(texts).encode("utf-8")))
    rows += rng.normal(0, NOISE, rows.shape).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)
