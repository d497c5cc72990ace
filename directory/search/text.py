"""Words as search sees them: lower case, no punctuation, light stemming, no filler words."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORD_TEXT = """
    a about after again all am an and any anymore are as at be been being but by can cant
    could did do does doesnt dont for from get gets getting go going got had has have having he
    her here him his how i im is it its ive just like me more my myself need needs no not now of
    off on or our out over please really she so some somewhere someone something that the their
    them then there they this to too up us very want wants was we were what when where which who
    why will with wont would you your yourself"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def normalise(text: str) -> str:
    """Lower case ASCII with apostrophes dropped ("won't" -> "wont") and other marks spaced."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("'", "")
    return " ".join(_WORD.findall(folded))


def stem(word: str) -> str:
    """A deliberately light stemmer: both sides of a match go through it, so it only has to be
    consistent, and a light touch keeps short words such as "bus" or "gas" intact."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + keep
    return word


def words(text: str) -> list[str]:
    """Normalised words in order, stopwords included (phrases need them)."""
    return normalise(text).split()


# Thesaurus phrases are written in the first person; people also write for someone else.
_PERSON = {"his": "my", "her": "my", "their": "my", "our": "my", "your": "my", "me": "my"}


def first_person(tokens: list[str]) -> list[str]:
    """ "on his own" -> "on my own", so one phrase covers the person and those around them."""
    return [_PERSON.get(token, token) for token in tokens]


def content_stems(text: str) -> list[str]:
    return [stem(word) for word in words(text) if word not in STOPWORDS and len(word) > 1]


def allowed_edits(length: int) -> int:
    """How many typing slips (Damerau-Levenshtein edits) a word of this length may carry.

    Short words get none: "bath" and "both", or "gas" and "gap", are different words.
    """
    if length <= 4:
        return 0
    return 1 if length <= 7 else 2


def close_enough(typed: str, known: str, distance: int) -> bool:
    """Whether `typed` may be a slip for `known`: few edits, and the same first letter, since
    people rarely mistype the first letter and most false matches differ there."""
    if distance == 0:
        return True
    return distance <= allowed_edits(len(known)) and typed[:1] == known[:1]


_AGE = re.compile(
    r"\b(?:im|i am|aged?|is|hes|shes|he is|she is)\s+(\d{1,3})\b(?!\s*(?:am|pm|oclock))"
    r"|\b(\d{1,3})\s*(?:years?|yrs?)\s*old\b|\b(\d{1,3})\s*yo\b"
)


def read_age(text: str) -> int | None:
    """The age of the person the help is for, if the query says ("im 13", "mum is 85")."""
    match = _AGE.search(normalise(text))
    if not match:
        return None
    age = int(next(group for group in match.groups() if group))
    return age if 0 < age <= 110 else None
