"""The sentence encoder: a small library both the assistant (`bot`) and the directory use,
importing nothing from either. See encoder.py."""

from encoder.encoder import (
    EncoderError,
    Reading,
    SentenceEncoder,
    encode_set,
    read,
    sentences,
    shared_encoder,
)

__all__ = [
    "EncoderError",
    "Reading",
    "SentenceEncoder",
    "encode_set",
    "read",
    "sentences",
    "shared_encoder",
]
