"""Phrase keys, the longest-match index, dated entries and code composition."""

from __future__ import annotations

import datetime as dt

from newsevents.actors.entries import ActorEntry, Variant, join_codes, split_code
from newsevents.actors.phrases import Phrase, PhraseIndex, exact_form, phrase_key, plural

SECTORS = frozenset({"GOV", "MIL", "REB", "MED", "COP", "ELI"})


def test_phrase_key_normalises_hyphens_possessives_and_underscores() -> None:
    assert phrase_key("Kim Jong-un") == ("kim", "jong", "un")
    assert phrase_key("KIM_JONG_UN") == ("kim", "jong", "un")
    assert phrase_key("North Korea's") == ("north", "korea")
    assert phrase_key("U.S.") == ("u.s.",)


def test_plural_rules() -> None:
    assert plural("official") == "officials"
    assert plural("militia") == "militias"
    assert plural("agency") == "agencies"
    assert plural("spokesman") == "spokesmen"
    assert plural("ATTORNEY") == "ATTORNEYS"
    assert plural("BUS") == "BUSES"


def test_index_prefers_longest_phrase_and_checks_capitals() -> None:
    index = PhraseIndex(
        [
            Phrase(("north", "korea"), "PRK"),
            Phrase(("korea",), "KOR?"),
            Phrase(("us",), "USA", exact_form("US")),
        ]
    )
    keys = ["north", "korea", "and", "us"]
    assert [
        (m.start, m.end, m.values) for m in index.scan(keys, ["North", "Korea", "and", "US"])
    ] == [
        (0, 2, ("PRK",)),
        (3, 4, ("USA",)),
    ]
    # the pronoun "us" is not the United States
    assert [m.values for m in index.scan(keys, ["North", "Korea", "and", "us"])] == [("PRK",)]


def test_entry_picks_the_role_valid_on_the_date() -> None:
    shoigu = ActorEntry(
        "Sergei Shoigu",
        "person",
        (
            Variant(
                "RUSGOV",
                "RUS",
                "GOV",
                role="defence minister",
                start=dt.date(2012, 11, 6),
                end=dt.date(2024, 5, 12),
            ),
            Variant(
                "RUSGOV",
                "RUS",
                "GOV",
                role="Security Council secretary",
                start=dt.date(2024, 5, 12),
            ),
            Variant("RUS", "RUS"),
        ),
        former_sector="ELI",
    )
    assert shoigu.at(dt.date(2023, 7, 26))[0].role == "defence minister"
    assert shoigu.at(dt.date(2024, 6, 1))[0].role == "Security Council secretary"
    assert shoigu.at(None)[0].role == "Security Council secretary"  # the most recent role
    assert shoigu.at(dt.date(2000, 1, 1))[0].code == "RUS"  # before any role: country only


def test_person_between_terms_is_a_former_official() -> None:
    trump = ActorEntry(
        "Donald Trump",
        "person",
        (
            Variant(
                "USAGOV",
                "USA",
                "GOV",
                role="president",
                start=dt.date(2017, 1, 20),
                end=dt.date(2021, 1, 20),
            ),
            Variant("USAGOV", "USA", "GOV", role="president", start=dt.date(2025, 1, 20)),
        ),
        former_sector="ELI",
    )
    assert trump.at(dt.date(2019, 5, 1))[0].code == "USAGOV"
    former = trump.at(dt.date(2022, 5, 1))[0]
    assert (former.code, former.sector, former.role) == ("USAELI", "ELI", "former president")
    assert trump.at(dt.date(2025, 3, 1))[0].code == "USAGOV"


def test_split_and_join_codes() -> None:
    assert split_code("PSEREBHMS", SECTORS) == ("PSE", "REB")
    assert split_code("IGOUNO", SECTORS) == (None, "IGO")
    assert split_code("---GOV", SECTORS) == (None, "GOV")
    assert split_code("PRKGOVMED", SECTORS) == ("PRK", "MED")
    assert join_codes("USAGOV", "GOV") == "USAGOV"
    assert join_codes("HGWGOVMED", "GOVMED") == "HGWGOVMED"
    assert join_codes("DNK", "MUSMED") == "DNKMUSMED"
