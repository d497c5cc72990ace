"""One sentence encoder for the whole assistant: text in, a unit vector of meaning out.

Every component that reads text (intents, directory search, advice answers, the risk
screen) uses the same encoder, loaded once per process by `shared_encoder()`. Vectors are
L2-normalised, so a dot product is a cosine similarity.

The weights are data, never fetched at run time: they come from pinned packages or from
ENCODER_DIR (encoder.yml), and each file's SHA-256 is checked before it is used, so a
tampered or truncated copy is refused with a message that says what to do."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

import numpy as np
import yaml

CARD = Path(__file__).with_name("encoder.yml")
FILES = ("model.onnx", "tokenizer.json")
BATCH = 32
REMEMBERED = 4096  # sentences kept with their vectors: components of one turn share them


class EncoderError(RuntimeError):
    """The encoder's files are missing or not a copy we accept; the message says why."""


@cache
def card() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CARD.read_text())
    return loaded


def packaged_file(name: str) -> Path:
    """Where the pinned package put `name`, found without importing the package."""
    entry = card()["packaged"][name]
    try:
        path = Path(str(distribution(entry["package"]).locate_file(entry["path"])))
    except PackageNotFoundError as error:
        raise EncoderError(
            f"The sentence encoder's {name} comes from the package {entry['package']}, which "
            "is not installed: run `make run` (or scripts/setup-venv.sh), or set ENCODER_DIR."
        ) from error
    return path


def encoder_files(directory: Path | None) -> dict[str, Path]:
    """The model and tokenizer files: from `directory` (ENCODER_DIR) when given."""
    if directory is None:
        return {name: packaged_file(name) for name in FILES}
    return {name: directory / name for name in FILES}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(files: dict[str, Path]) -> dict[str, str]:
    """Each file's SHA-256; refuses any file that is missing or not listed in encoder.yml."""
    hashes = {}
    for name, path in files.items():
        if not path.is_file():
            raise EncoderError(f"The sentence encoder's {name} is missing: {path}")
        found = sha256_of(path)
        if found not in card()["accepted_sha256"][name]:
            raise EncoderError(
                f"{path} has SHA-256 {found}, which is not an accepted copy of {name}. If this "
                f"is a copy you trust, add its hash to {CARD.name} under accepted_sha256."
            )
        hashes[name] = found
    return hashes


class SentenceEncoder:
    """all-MiniLM-L6-v2 through onnxruntime: mean of the token vectors, L2-normalised."""

    def __init__(self, files: dict[str, Path], threads: int = 1) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.weights_sha256 = verify(files)["model.onnx"]
        # What made a vector: stored beside vectors kept elsewhere (the directory's).
        self.identity = f"{card()['model']}:{self.weights_sha256}"
        self.dimensions: int = card()["dimensions"]
        self._tokenizer = Tokenizer.from_file(str(files["tokenizer.json"]))
        # The file pads every input to 128 tokens; pad a batch to its longest instead.
        self._tokenizer.enable_truncation(max_length=card()["max_tokens"])
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        # One thread: each server process answers one turn at a time, beside others.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(files["model.onnx"]), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {item.name for item in self._session.get_inputs()}
        self._remembered: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, in order. Texts seen recently are not encoded again."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._remembered))
            # Similar lengths together, so little of each batch is padding.
            missing.sort(key=len)
            for start in range(0, len(missing), BATCH):
                chunk = missing[start : start + BATCH]
                for text, vector in zip(chunk, self._run(chunk), strict=True):
                    self._remembered[text] = vector
            rows = []
            for text in texts:
                self._remembered.move_to_end(text)
                rows.append(self._remembered[text])
            while len(self._remembered) > REMEMBERED:
                self._remembered.popitem(last=False)
        if not rows:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack(rows)

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": mask,
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return (pooled / norms).astype(np.float32)


def vectors_cache_dir() -> Path:
    """Where vectors of our own labelled sets are kept between runs, outside the checkout
    (ENCODER_CACHE_DIR to change)."""
    configured = os.environ.get("ENCODER_CACHE_DIR")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "conversation-one" / "vectors"


def encode_set(encoder: SentenceEncoder, texts: Sequence[str]) -> np.ndarray:
    """Vectors for a fixed set of our own texts (examples, labelled sets), kept on disk by
    the hash of the weights and the texts, so a new process reads them in milliseconds.
    Never for what people write: their words are not kept anywhere but the tracker."""
    digest = hashlib.sha256(encoder.weights_sha256.encode())
    for text in texts:
        digest.update(text.encode() + b"\0")
    path = vectors_cache_dir() / f"{digest.hexdigest()[:24]}.npy"
    if path.exists():
        cached: np.ndarray = np.load(path)
        if cached.shape == (len(texts), encoder.dimensions):
            return cached
    vectors = encoder.encode(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(partial, vectors)
    partial.replace(path)  # whole or not at all, even with two processes at it
    return vectors


@dataclass(frozen=True)
class Reading:
    """A message read whole and a sentence at a time, so a story, a question and a request
    in one message can each be found."""

    sentences: list[str]
    whole: np.ndarray  # (dimensions,)
    each: np.ndarray  # (len(sentences), dimensions)


# A full stop, question or exclamation mark (with any closing quote) before a space, or a
# line break, ends a sentence; "Dr." and "Mrs." do not.
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n")
NOT_AN_END = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Rev|Cllr|No)\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a message, as people write them: full stops, question marks and
    line breaks end one; a run of text without them stays whole."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        candidate = text[start : end.end()]
        if NOT_AN_END.search(candidate):
            continue
        found.append(candidate)
        start = end.end()
    found.append(text[start:])
    return [part.strip() for part in found if re.search(r"\w", part)]


# The intent featurizer, the risk screen and the actions of one process each read the same
# message: the last few readings stay in memory (never on disk), so it is encoded once.
@lru_cache(maxsize=64)
def read(encoder: SentenceEncoder, text: str) -> Reading:
    """The whole message and each of its sentences, encoded in one batch. Callers must not
    change the arrays: they are shared."""
    parts = sentences(text) or [text]
    vectors = encoder.encode([text, *parts] if len(parts) > 1 else [text])
    return Reading(parts, vectors[0], vectors[1:] if len(parts) > 1 else vectors[:1])


@cache
def shared_encoder() -> SentenceEncoder:
    """The process's one encoder, loaded on first use. ENCODER_DIR chooses another copy; it
    is read here, as the directory reads DATABASE_URL, so this package needs nothing else."""
    configured = os.environ.get("ENCODER_DIR")
    return SentenceEncoder(encoder_files(Path(configured) if configured else None))
