from pathlib import Path

from directory.search.text import words
from directory.search.thesaurus import Matcher, Need, load

NEEDS = [
    Need("need-loneliness", "feeling lonely", ("lonely", "no one to talk to")),
    Need("need-daily-living", "washing and bathing", ("bath",)),
    Need("need-money", "money", ("gas",)),
]


def test_typos_in_longer_words_and_phrases_still_match() -> None:
    matcher = Matcher(NEEDS)
    assert "need-loneliness" in matcher.match(words("so lonley"))
    assert "need-loneliness" in matcher.match(words("noone to talk to"))


def test_short_words_must_match_exactly_or_nearly() -> None:
    matcher = Matcher(NEEDS)
    assert "need-daily-living" in matcher.match(words("wont get in the bath"))
    assert "need-daily-living" not in matcher.match(words("both of us"))
    assert "need-money" not in matcher.match(words("gap year"))


def test_the_thesaurus_file_is_read_with_phrases_normalised(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yml"
    path.write_text(
        'needs:\n  - term: need-x\n    says: x\n    phrases: ["Can\'t Cope", lonely]\n',
        encoding="utf-8",
    )
    assert load(path) == [Need("need-x", "x", ("cant cope", "lonely"))]
    assert load(tmp_path / "missing.yml") == []
