"""Staff passwords: scrypt with a random salt, checked in constant time."""

import pytest

from bot.inbox.passwords import PasswordError, hash_password, verify_password

PASSWORD = "correct horse battery staple"


def test_a_hash_names_scrypt_with_its_parameters_and_a_fresh_salt_each_time():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.split("$")[:4] == ["scrypt", "16384", "8", "1"]
    assert first != second
    assert PASSWORD not in first


def test_the_right_password_matches_and_any_other_does_not():
    stored = hash_password(PASSWORD)
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "!", stored)
    assert not verify_password(PASSWORD.upper(), stored)


@pytest.mark.parametrize(
    "stored", ["", "plain text", "bcrypt$1$2$3$c2FsdA==$a2V5", "scrypt$16384$8$1$!!$!!"]
)
def test_a_malformed_or_foreign_stored_hash_never_matches(stored):
    assert not verify_password(PASSWORD, stored)


def test_a_password_shorter_than_twelve_characters_is_refused():
    with pytest.raises(PasswordError, match="at least 12"):
        hash_password("elevenchars")
    assert verify_password("twelve chars", hash_password("twelve chars"))
