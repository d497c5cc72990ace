"""A typed answer to a guide's question, matched by meaning to its buttons: "she can't get
up off the settee" is "Getting up from a chair"."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from encoder import encode_set, shared_encoder

# Below this likeness no button is meant; the best must also stand clear of the next, or
# the person is asked rather than guessed for. Read off typed answers to the equipment
# finder's first question: a right answer scored 0.40 or more ("she cant get up off the
# settee very well either"), an unrelated one 0.31 or less; this sits between.
MEANT = 0.36
CLEAR_BY = 0.05


def closest_choice(text: str, labels: list[str]) -> str | None:
    """The button `text` means, or None when none, or more than one, fits."""
    if not labels or not text.strip():
        return None
    typed = shared_encoder().encode([text])[0]
    likeness = sorted(zip(_buttons(tuple(labels)) @ typed, labels, strict=True), reverse=True)
    best, label = likeness[0]
    runner_up = likeness[1][0] if len(likeness) > 1 else -1.0
    return label if best >= MEANT and best - runner_up >= CLEAR_BY else None


@lru_cache(maxsize=64)
def _buttons(labels: tuple[str, ...]) -> np.ndarray:
    """A question's buttons are our own fixed words: encoded once per process (and kept on
    disk), so each answer encodes only what the person typed."""
    return encode_set(shared_encoder(), labels)
