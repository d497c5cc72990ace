"""Reflect back what someone told us, so they know they were heard."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

THEMES_PATH = Path(__file__).with_name("themes.yml")
# Below this length a one-letter slip turns one word into another ("bath" -> "bat"),
# so short words must match exactly.
FUZZY_MIN_LENGTH = 5
# 88 keeps "gardning" -> gardening but not "looking" -> cooking; common slips
# like "lonley" are listed as words in themes.yml.
FUZZY_CUTOFF = 88
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Theme:
    says: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Reflection:
    interests: tuple[str, ...]
    worries: tuple[str, ...]
    people: tuple[str, ...] = ()

    def as_text(self, whom: str | None = "you") -> str:
        """One or two short sentences that say back what we heard, with no question.
        `whom` it matters to ("you", "your mum"), or None while that is not clear: "it
        matters to you" said to a daughter about her mum's choir is a misreading."""
        parts = []
        if self.interests:
            verb = "matters" if len(self.interests) == 1 else "matter"
            to_whom = f" to {whom}" if whom else ""
            parts.append(f"It sounds like {_join(self.interests)} really {verb}{to_whom}.")
        if self.worries:
            verb = "has" if len(self.worries) == 1 else "have"
            parts.append(f"I can hear that {_join(self.worries)} {verb} been hard.")
        if not parts:
            return "Thank you for telling me."
        return "Thank you for telling me. " + " ".join(parts)


def _join(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=1)
def load_themes(path: Path = THEMES_PATH) -> dict[str, tuple[Theme, ...]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        group: tuple(Theme(item["says"], tuple(item["words"])) for item in items)
        for group, items in raw.items()
    }


def _mentions(theme: Theme, text: str, tokens: list[str]) -> bool:
    for word in theme.words:
        if " " in word:
            if re.search(rf"\b{re.escape(word)}\b", text):
                return True
        elif word in tokens:
            return True
        elif len(word) >= FUZZY_MIN_LENGTH:
            long_tokens = [token for token in tokens if len(token) >= FUZZY_MIN_LENGTH]
            if process.extractOne(word, long_tokens, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF):
                return True
    return False


def mentions_interest(interest: str, text: str) -> bool:
    """Whether `text` (a service's name and description) speaks of the interest the person
    named, in any of its words: "a choir" for "music and singing"."""
    themes = tuple(theme for theme in load_themes()["interests"] if theme.says == interest)
    return bool(find_themes(text, themes))


def find_themes(text: str, themes: tuple[Theme, ...]) -> tuple[str, ...]:
    normalised = text.lower().replace("'", "").replace("’", "")
    tokens = _WORD.findall(normalised)
    return tuple(theme.says for theme in themes if _mentions(theme, normalised, tokens))


def reflect(text: str) -> Reflection:
    """What this message says matters to the person, and what has been hard."""
    themes = load_themes()
    return Reflection(
        interests=find_themes(text, themes["interests"])[:2],
        worries=find_themes(text, themes["worries"])[:2],
        people=find_themes(text, themes["people"]),
    )
