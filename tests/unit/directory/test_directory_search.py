from datetime import datetime, timezone
from pathlib import Path

import pytest

from directory import maintain
from directory.db import session_scope
from directory.search import search
from tests.directory_factories import THESAURUS, database, service

RECORDS = [
    service(
        "lonely-near",
        "Heeley Friendship Group",
        "A weekly chat and a cuppa.",
        terms=("need-loneliness",),
        postcode="S8 0ZB",
    ),
    service(
        "lonely-far",
        "Stocksbridge Friendship Group",
        "A weekly chat and a cuppa.",
        terms=("need-loneliness",),
        postcode="S36 1AB",
    ),
    service(
        "bath",
        "Bathing Help at Home",
        "A care worker helps you have a bath safely.",
        terms=("need-daily-living",),
        area="Sheffield",
    ),
    service(
        "memory-mon",
        "Monday Memory Cafe",
        "Music and chat for people with dementia.",
        terms=("need-dementia",),
        postcode="S8 0ZB",
        byday="MO",
    ),
    service(
        "memory-sat",
        "Saturday Memory Club",
        "Quizzes for people with dementia.",
        terms=("need-dementia",),
        postcode="S6 2LH",
        byday="SA",
        opens_at="10:00:00",
        closes_at="12:00:00",
    ),
    service(
        "s6-only",
        "Hillsborough Money Advice",
        "Benefits checks and help with bills.",
        terms=("need-money",),
        postcode="S6 2LH",
        area="S6",
    ),
    service(
        "money-line",
        "National Debtline",
        "Free debt advice by phone.",
        terms=("need-money",),
        area="UK",
    ),
    service(
        "general",
        "Council First Contact",
        "Ask about any kind of help.",
        terms=("need-general",),
        area="Sheffield",
    ),
]


@pytest.fixture()
def url(tmp_path: Path) -> str:
    return database(tmp_path, RECORDS)


@pytest.fixture()
def thesaurus(tmp_path: Path) -> Path:
    path = tmp_path / "thesaurus.yml"
    path.write_text(THESAURUS, encoding="utf-8")
    return path


def ids(url: str, thesaurus: Path, query: str, **options: object) -> list[str]:
    """Ids of the services that truly matched (not general fallbacks), best first."""
    with session_scope(url) as session:
        results = search(session, query, thesaurus_file=thesaurus, **options)
        return [r.id for r in results if r.matched]


def test_a_misspelt_everyday_phrase_finds_the_need_it_means(url: str, thesaurus: Path) -> None:
    found = ids(url, thesaurus, "lonley since my wife dyed", postcode="S8")
    assert set(found[:2]) == {"lonely-near", "lonely-far"}


def test_a_misspelt_word_from_a_service_name_still_finds_it(url: str, thesaurus: Path) -> None:
    assert ids(url, thesaurus, "hilsborough advise")[0] == "s6-only"


def test_nearer_services_rank_higher_and_say_how_far(url: str, thesaurus: Path) -> None:
    with session_scope(url) as session:
        results = search(session, "on my own", postcode="S8 0ZB", thesaurus_file=thesaurus)
    assert [r.id for r in results[:2]] == ["lonely-near", "lonely-far"]
    assert results[0].distance_miles is not None and results[0].distance_miles < 1
    assert "miles from S8 0ZB" in results[0].why and "feeling lonely" in results[0].why


def test_a_service_area_keeps_a_local_service_to_its_own_area(url: str, thesaurus: Path) -> None:
    assert "s6-only" not in ids(url, thesaurus, "money", postcode="S8")
    assert "s6-only" in ids(url, thesaurus, "money", postcode="S6 2LH")


def test_phone_and_online_services_qualify_wherever_the_person_lives(
    url: str, thesaurus: Path
) -> None:
    assert "money-line" in ids(url, thesaurus, "cant aford the gas bill", postcode="LS1")


def test_a_day_in_the_query_favours_services_open_that_day(url: str, thesaurus: Path) -> None:
    at = datetime(2026, 7, 1, 12, tzinfo=timezone.utc)
    assert ids(url, thesaurus, "somewhere for dad with dementia on a saturday", at=at)[0] == (
        "memory-sat"
    )
    assert ids(url, thesaurus, "dementia at the weekend", at=at)[0] == "memory-sat"
    assert ids(url, thesaurus, "dementia group on monday", at=at)[0] == "memory-mon"


@pytest.mark.parametrize(
    ("at", "open_at_ten_thirty_uk"),
    [
        (datetime(2026, 7, 4, 9, 30, tzinfo=timezone.utc), True),  # 10:30 BST
        (datetime(2026, 1, 3, 9, 30, tzinfo=timezone.utc), False),  # 09:30 GMT
        (datetime(2026, 1, 3, 10, 30), True),  # naive times are UK clock time
    ],
)
def test_open_now_uses_uk_time_with_summer_time(
    url: str, thesaurus: Path, at: datetime, open_at_ten_thirty_uk: bool
) -> None:
    found = ids(url, thesaurus, "dementia", open_now=True, at=at)
    assert ("memory-sat" in found) is open_at_ten_thirty_uk
    assert "memory-mon" not in found


def test_when_nothing_fits_general_options_are_offered_and_say_so(
    url: str, thesaurus: Path
) -> None:
    with session_scope(url) as session:
        results = search(session, "xylophone repairs", thesaurus_file=thesaurus)
    assert results and results[0].id == "general"
    assert results[0].why.startswith("Nothing matched exactly")
    assert not results[0].matched


def test_search_sees_changes_made_after_its_index_was_built(url: str, thesaurus: Path) -> None:
    assert ids(url, thesaurus, "bath")[0] == "bath"
    with session_scope(url) as session:
        maintain.retire(session, "bath")
    assert "bath" not in ids(url, thesaurus, "bath")


def test_a_postcode_or_neighbourhood_typed_in_the_query_is_used_as_the_place(
    url: str, thesaurus: Path
) -> None:
    with session_scope(url) as session:
        by_name = search(session, "on my own in stocksbridge", thesaurus_file=thesaurus)
        by_code = search(session, "on my own near S8", thesaurus_file=thesaurus)
    assert by_name[0].id == "lonely-far" and "miles from Stocksbridge" in by_name[0].why
    assert by_code[0].id == "lonely-near" and "miles from S8" in by_code[0].why


def test_an_age_in_the_query_keeps_to_services_for_that_age(tmp_path: Path) -> None:
    records = [
        service(
            "adults", "Carers Cafe", "Support for carers.", terms=("need-carers",), minimum_age=18
        ),
        service(
            "young",
            "Young Carers Club",
            "Fun and support for carers.",
            terms=("need-carers",),
            minimum_age=8,
            maximum_age=17,
        ),
    ]
    url = database(tmp_path, records)
    thesaurus = tmp_path / "thesaurus.yml"
    thesaurus.write_text(
        "needs:\n  - term: need-carers\n    says: caring\n    phrases: [look after]\n",
        encoding="utf-8",
    )
    assert ids(url, thesaurus, "i look after my mum and im 13") == ["young"]
    assert ids(url, thesaurus, "i look after my mum, I am 45") == ["adults"]


def test_a_service_about_a_sensitive_need_is_offered_only_when_the_person_raised_it(
    tmp_path: Path, thesaurus: Path
) -> None:
    drink = service(
        "drink",
        "Friendly Drinking Support Group",
        "A lonely time can lead to drinking: a friendly group to cut down.",
        terms=("need-alcohol", "need-loneliness"),
        postcode="S8 0ZB",
    )
    url = database(tmp_path, [*RECORDS, drink])
    thesaurus.write_text(
        THESAURUS + "  - term: need-alcohol\n    says: drinking\n    phrases: [drinking, drink]\n",
        encoding="utf-8",
    )
    assert "drink" not in ids(url, thesaurus, "my dad is lonely since mum died", limit=10)
    assert ids(url, thesaurus, "he's drinking a lot and lonely", limit=10)[0] == "drink"


def test_a_service_named_for_one_community_comes_after_others_unless_they_spoke_of_it(
    tmp_path: Path, thesaurus: Path
) -> None:
    records = [
        service(
            "caribbean",
            "Caribbean Elders Club",
            "Music, dominoes and good company for lonely older people.",
            terms=("need-loneliness",),
            postcode="S8 0ZB",
        ),
        service(
            "social",
            "Wednesday Social Club",
            "Good company for lonely older people.",
            terms=("need-loneliness",),
            postcode="S8 0ZB",
        ),
    ]
    url = database(tmp_path, records)
    lonely = "my mum is lonely and loves music"
    assert ids(url, thesaurus, lonely) == ["social", "caribbean"]
    assert ids(url, thesaurus, f"{lonely}, she came from Jamaica in 1960")[0] == "caribbean"
