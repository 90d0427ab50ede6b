"""The built-in actor data is consistent: known countries, ordered role dates, no clashes."""

from __future__ import annotations

import datetime as dt
import itertools

import pycountry
import pytest

from newsevents.actors import ActorKnowledge

EXTRA_CODES = {"XKX"}  # Kosovo: not in ISO 3166-1


def test_every_country_code_is_known(knowledge: ActorKnowledge) -> None:
    iso3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    for named in knowledge.sources.actors:
        for variant in named.entry.variants:
            assert variant.country is None or variant.country in iso3, named.entry.origin


def test_roles_do_not_overlap_and_run_forward(knowledge: ActorKnowledge) -> None:
    for named in knowledge.sources.actors:
        if named.entry.kind != "person":
            continue
        dated = [v for v in named.entry.variants if v.dated]
        assert dated, f"{named.entry.origin}: a person needs at least one role"
        for earlier, later in itertools.pairwise(dated):
            assert earlier.end is not None and later.start is not None, named.entry.origin
            assert earlier.end <= later.start, named.entry.origin


def test_people_data_covers_heads_of_government(knowledge: ActorKnowledge) -> None:
    people = {n.entry.name for n in knowledge.sources.actors if n.entry.kind == "person"}
    assert len(people) > 800
    for name in (
        "Xi Jinping",
        "Narendra Modi",
        "Emmanuel Macron",
        "Olaf Scholz",
        "Abiy Ahmed",
        "António Guterres",
        "Jens Stoltenberg",
        "Tsai Ing-wen",
        "Mohammed bin Salman",
        "George W. Bush",
        "Tony Blair",
        "Hu Jintao",
        "Kofi Annan",
        "Abdourahamane Tchiani",
    ):
        assert name in people


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("George W. Bush", "2003-05-01", "USAGOV"),
        ("George W. Bush", "2010-05-01", "USAELI"),
        ("Vladimir Putin", "2003-05-01", "RUSGOV"),
        ("Vladimir Putin", "1998-05-01", "RUS"),
        ("Hillary Clinton", "2005-05-01", "USALEG"),
        ("Kofi Annan", "2003-05-01", "IGOUNO"),
        ("Mullah Omar", "2005-05-01", "AFGREBTAL"),
        ("Mohamed Bazoum", "2023-08-01", "NERELI"),
        ("Abdourahamane Tchiani", "2023-08-01", "NERGOV"),
    ],
)
def test_people_codes_follow_the_event_date(
    knowledge: ActorKnowledge, name: str, date: str, code: str
) -> None:
    entry = next(n.entry for n in knowledge.sources.actors if n.entry.name == name)
    assert [v.code for v in entry.at(dt.date.fromisoformat(date))] == [code]


def test_every_pycountry_country_has_an_entry(knowledge: ActorKnowledge) -> None:
    assert {c.alpha_3 for c in pycountry.countries} <= set(knowledge.countries)
    assert knowledge.countries["PRK"].name == "North Korea"
    assert knowledge.countries["RUS"].name == "Russia"
