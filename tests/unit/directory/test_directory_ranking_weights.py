"""The ranking numbers a council may tune live in directory/ranking.yml, all of them."""

from pathlib import Path

import pytest

from directory.search import ranking
from directory.search.ranking import RANKING_FILE, WEIGHT_NAMES, load_weights


def test_the_shipped_file_has_every_number_and_ranking_uses_them() -> None:
    weights = load_weights()
    assert set(weights) == WEIGHT_NAMES
    assert weights["dense_weight"] == ranking.DENSE_WEIGHT
    assert weights["dense_min"] == ranking.DENSE_MIN
    assert weights["remote_proximity"] == ranking.REMOTE_PROXIMITY
    assert weights["field_weights"] == ranking.FIELD_WEIGHTS
    # A candidate by meaning needs more similarity than the floor meaning starts to count at.
    assert 0 <= ranking.DENSE_FLOOR < ranking.DENSE_MIN < 1


def test_a_missing_or_misspelt_setting_is_refused(tmp_path: Path) -> None:
    text = RANKING_FILE.read_text(encoding="utf-8")
    missing = tmp_path / "missing.yml"
    missing.write_text(text.replace("dense_min:", "# dense_min:"), encoding="utf-8")
    with pytest.raises(ValueError, match="lacks dense_min"):
        load_weights(missing)
    misspelt = tmp_path / "misspelt.yml"
    misspelt.write_text(text.replace("dense_min:", "dense_minimum:"), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown settings dense_minimum"):
        load_weights(misspelt)
