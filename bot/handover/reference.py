"""Hand-over references a person can read out over the phone, e.g. FC-7K3M-9Q2P."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, U/V: letters and digits that are misheard or misread.
ALPHABET = "346789ABCDEFGHJKMNPQRTWXY"
PATTERN = re.compile(rf"^FC-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def new_reference() -> str:
    """A random reference: 25^8 (about 150 billion) possibilities, so clashes are negligible
    and the unique index on the table turns the rare one into an error, not a mix-up."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"FC-{chars[:4]}-{chars[4:]}"


def is_reference(text: str) -> bool:
    return bool(PATTERN.match(text))
