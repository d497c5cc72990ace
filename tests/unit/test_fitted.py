"""A classifier is fitted once for its inputs, read back after, and fitted again when any
input changes."""

from pathlib import Path

import pytest

from bot.fitted import kept_fit


def test_fitted_once_then_read_back_and_again_when_an_input_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fits: list[str] = []

    def fit(label: str) -> dict[str, str]:
        fits.append(label)
        return {"fitted on": label}

    assert kept_fit("demo", ["texts", "code"], lambda: fit("first")) == {"fitted on": "first"}
    assert kept_fit("demo", ["texts", "code"], lambda: fit("again")) == {"fitted on": "first"}
    assert fits == ["first"], "the same inputs are read back, not fitted again"
    assert kept_fit("demo", ["texts", "new code"], lambda: fit("changed")) == {
        "fitted on": "changed"
    }
    assert fits == ["first", "changed"]
    assert not list(tmp_path.rglob("*.tmp")), "no half-written file is left behind"
