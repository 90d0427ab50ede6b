"""The built-in actor data is consistent: known countries, ordered role dates, no clashes."""

from __future__ import annotations

import itertools

import pycountry

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
    assert len(people) > 250
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
    ):
        assert name in people


def test_every_pycountry_country_has_an_entry(knowledge: ActorKnowledge) -> None:
    assert {c.alpha_3 for c in pycountry.countries} <= set(knowledge.countries)
    assert knowledge.countries["PRK"].name == "North Korea"
    assert knowledge.countries["RUS"].name == "Russia"
