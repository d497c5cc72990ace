"""Turn a message (or a lexicon phrase) into canonical lowercase tokens.

The lexicon and the message go through the same function, so "I'm", "im" and "Im" all
become "i am" on both sides and an exact n-gram lookup can do most of the work.
"""

import re

# Text speak and contractions without apostrophes (people type "dont", "cant", "carnt").
# Expanded, so "can not cope" in the lexicon matches "carnt cope", "can't cope", "cannot cope".
TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "yr": "your",
    "r": "are",
    "im": "i am",
    "ive": "i have",
    "youve": "you have",
    "weve": "we have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "carnt": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "aint": "is not",
    "dnt": "do not",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "youre": "you are",
    "its": "it is",
    "thats": "that is",
    "whats": "what is",
    "theres": "there is",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "wana": "want to",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "ppl": "people",
    "pls": "please",
    "plz": "please",
    "b4": "before",
    "nite": "night",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "2moro": "tomorrow",
    "tmrw": "tomorrow",
    "rn": "right now",
    "atm": "at the moment",
    "nd": "and",
    "n": "and",
    "kms": "kill myself",
    "unalive": "kill",
    "selfharm": "self harm",
    "mam": "mum",
    "mom": "mum",
    "mummy": "mum",
    "hubby": "husband",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bro": "brother",
    "sis": "sister",
    "meds": "medication",
    "anymore": "any more",
    "nobody": "no one",
    "noone": "no one",
    "everybody": "everyone",
    "evry1": "everyone",
    "every1": "everyone",
    "sum1": "someone",
    "alot": "a lot",
    "abit": "a bit",
    "tabs": "tablets",
    "pills": "tablets",
    "xmas": "christmas",
}

# "kill my self" is as common as "kill myself"; join the reflexive pronoun back together.
_REFLEXIVE = {
    "my": "myself",
    "him": "himself",
    "her": "herself",
    "your": "yourself",
    "them": "themselves",
    "our": "ourselves",
}

_APOSTROPHES = re.compile(r"['’‘`´]")
# Expanded before apostrophes go, because "he'll" would become "hell" and "we'll" "well".
_SUFFIXES = tuple(
    (re.compile(rf"(?<=[a-z])['’]{suffix}\b"), expansion)
    for suffix, expansion in (("ll", " will"), ("re", " are"), ("ve", " have"), ("d", " would"))
)
_NON_WORD = re.compile(r"[^a-z0-9\s]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
# Full stops, question marks, new lines: risk phrases do not span sentences.
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]+")


# "2"/"4" are "to"/"for" in text speak ("want 2 die") but numbers before units ("2 days").
_NUMBER_WORDS = {"2": ("to", "two"), "4": ("for", "four")}
_UNITS = frozenset(
    (
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "hour",
        "hours",
        "year",
        "years",
        "night",
        "nights",
        "times",
        "of",
        "am",
        "pm",
    )
)


def _tokens(chunk: str) -> list[str]:
    out: list[str] = []
    raws = chunk.split()
    for i, raw in enumerate(raws):
        if raw in _NUMBER_WORDS:
            is_number = i + 1 < len(raws) and raws[i + 1] in _UNITS
            out.append(_NUMBER_WORDS[raw][1 if is_number else 0])
            continue
        if raw.isdigit():
            # Amounts and dates: the lexicon writes "num" ("took num off her").
            out.append("num")
            continue
        out.extend(TEXT_SPEAK.get(raw, raw).split())
    joined: list[str] = []
    for tok in out:
        if tok in ("self", "selves") and joined and joined[-1] in _REFLEXIVE:
            joined[-1] = _REFLEXIVE[joined[-1]]
        else:
            joined.append(tok)
    return joined


def _clean(chunk: str) -> str:
    return _REPEATS.sub(r"\1\1", _NON_WORD.sub(" ", chunk))


def sentences(text: str) -> list[list[str]]:
    """Normalised token lists, one per sentence (empty sentences dropped).

    Lowercased, apostrophes dropped ("can't" -> "cant" -> "can not"), "soooo" -> "soo".
    """
    text = text.lower()
    for pattern, expansion in _SUFFIXES:
        text = pattern.sub(expansion, text)
    text = _APOSTROPHES.sub("", text)
    result = []
    for chunk in _SENTENCE_BREAK.split(text):
        toks = _tokens(_clean(chunk))
        if toks:
            result.append(toks)
    return result


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as a token tuple, normalised exactly as messages are."""
    return tuple(tok for sent in sentences(phrase) for tok in sent)
