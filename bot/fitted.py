"""Classifiers fitted from our own labelled files, kept on disk by the hash of everything
that made them: the texts, the settings, the code that fits them, the encoder's weights
and scikit-learn's version. A process that starts again loads them in milliseconds
instead of fitting for seconds. Only our own files are ever fitted on or kept here, never
anything a person wrote."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from typing import TypeVar

import sklearn

from bot.settings import cache_dir

Fitted = TypeVar("Fitted")


def kept_fit(kind: str, inputs: Iterable[str], fit: Callable[[], Fitted]) -> Fitted:
    """What `fit()` returns for these `inputs`, fitted once and then read back."""
    digest = hashlib.sha256(sklearn.__version__.encode() + b"\0")
    for part in inputs:
        digest.update(part.encode() + b"\0")
    path = cache_dir() / "fitted" / kind / f"{digest.hexdigest()[:24]}.pickle"
    if path.exists():
        # Written below by this same code, from our own labelled files only.
        kept: Fitted = pickle.loads(path.read_bytes())
        return kept
    fitted = fit()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(fitted))
    partial.replace(path)  # whole or not at all, even with two processes at it
    return fitted
