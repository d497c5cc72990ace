"""Staff passwords: scrypt (memory-hard, in the standard library) with a random salt per
password, verified in constant time. The stored text names its parameters, so they can be
raised later without breaking existing passwords."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

MIN_LENGTH = 12
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
SCHEME = "scrypt"


class PasswordError(ValueError):
    """The password cannot be used; the message says why."""


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"a password needs at least {MIN_LENGTH} characters")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # maxmem: OpenSSL's default ceiling (32 MiB) is just under what n=2**14, r=8 needs
    # with its working space, so give it room explicitly.
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=KEY_BYTES
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$key`, base64 salt and key."""
    check_strength(password)
    salt = secrets.token_bytes(SALT_BYTES)
    return "$".join(
        [SCHEME, str(N), str(R), str(P), _b64(salt), _b64(_derive(password, salt, N, R, P))]
    )


def verify_password(password: str, stored: str) -> bool:
    """True only if `password` matches; a malformed stored hash never matches."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(key)
        actual = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def decoy_hash() -> str:
    """A hash no password matches, checked when the email is unknown so that a wrong email
    takes as long as a wrong password and timing does not reveal who has an account."""
    salt = secrets.token_bytes(SALT_BYTES)
    return "$".join(
        [SCHEME, str(N), str(R), str(P), _b64(salt), _b64(secrets.token_bytes(KEY_BYTES))]
    )
