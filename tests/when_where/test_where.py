"""Event places on real parses, the gazetteer and disambiguation."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language

from newsevents.model import Place
from newsevents.where import Gazetteer, PlaceResolver
from tests.conftest import SHARED

SEED = SHARED / "seed" / "000_33d00ee4f3a97e9a.txt"


def place_of(
    nlp: Language,
    places: PlaceResolver,
    text: str,
    word: str,
    actors: tuple[str, ...] = (),
    dateline: Place | None = None,
) -> Place | None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return places.resolve(tok.sent, tok, actor_countries=actors, dateline=dateline)


def test_gazetteer_loads_fast_and_knows_aliases_and_regions() -> None:
    start = time.perf_counter()
    gaz = Gazetteer.load()
    assert time.perf_counter() - start < 5.0
    assert [(p.name, p.country) for p in gaz.lookup("Kiev")] == [("Kyiv", "UKR")]
    assert gaz.lookup("Gaza Strip")[0].country == "PSE"
    assert gaz.lookup("the Golan Heights")[0].country == "SYR"
    texas = gaz.lookup("Texas")[0]
    assert (texas.precision, texas.admin1) == ("admin1", "US.TX")
    assert gaz.lookup("Narnia") == []


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_hosting_and_meeting_are_in_pyongyang(nlp: Language, places: PlaceResolver) -> None:
    doc = nlp(SEED.read_text(encoding="utf-8").split("\n\n")[0])
    for word in ("hosted", "meeting", "took"):
        tok = next(t for t in doc if t.text == word)
        place = places.resolve(tok.sent, tok, actor_countries=["PRK", "RUS"], dateline=None)
        assert place is not None, word
        assert (place.name, place.country, place.precision) == ("Pyongyang", "PRK", "city")
        assert place.lat == pytest.approx(39.0, abs=0.1)
        assert place.lon == pytest.approx(125.75, abs=0.1)


def test_locative_on_the_verb_wins_over_other_places(nlp: Language, places: PlaceResolver) -> None:
    text = "Officials from Beijing met their counterparts in Hanoi on Monday."
    place = place_of(nlp, places, text, "met")
    assert place is not None and place.name == "Hanoi"


def test_actors_are_not_places(nlp: Language, places: PlaceResolver) -> None:
    assert place_of(nlp, places, "Russia attacked Ukraine.", "attacked", ("RUS", "UKR")) is None


def test_unnamed_locative_falls_back_to_the_dateline(nlp: Language, places: PlaceResolver) -> None:
    kyiv = places.dateline("KYIV (Reuters) - Shelling continued.")
    assert kyiv is not None and kyiv.name == "Kyiv"
    place = place_of(nlp, places, "Soldiers clashed at the border.", "clashed", dateline=kyiv)
    assert place == kyiv


def test_no_place_from_an_unrelated_sentence(nlp: Language, places: PlaceResolver) -> None:
    text = "Protesters rallied in Lyon on Monday. Police arrested dozens of people."
    assert place_of(nlp, places, text, "arrested") is None


def test_city_object_of_an_attack_verb(nlp: Language, places: PlaceResolver) -> None:
    place = place_of(nlp, places, "Russian forces shelled Kharkiv overnight.", "shelled")
    assert place is not None and (place.name, place.country) == ("Kharkiv", "UKR")


def test_paris_is_in_texas_in_a_story_about_texas(nlp: Language, places: PlaceResolver) -> None:
    text = "The governor held a rally in Paris on Saturday."
    texas = place_of(nlp, places, text, "held", ("USA",))
    assert texas is not None and (texas.country, texas.admin1) == ("USA", "US.TX")
    france = place_of(nlp, places, text, "held")
    assert france is not None and france.country == "FRA"


def test_tripoli_needs_evidence(nlp: Language, places: PlaceResolver) -> None:
    text = "Militias clashed in Tripoli on Sunday."
    assert place_of(nlp, places, text, "clashed") is None
    libya = place_of(nlp, places, text, "clashed", ("LBY",))
    assert libya is not None and libya.country == "LBY"
    text = "Gunmen clashed in Tripoli, Lebanon's second city, on Sunday."
    lebanon = place_of(nlp, places, text, "clashed")
    assert lebanon is not None and lebanon.country == "LBN"


def test_georgia_follows_the_actors(nlp: Language, places: PlaceResolver) -> None:
    text = "Thousands protested in Georgia on Sunday."
    country = place_of(nlp, places, text, "protested", ("RUS",))
    assert country is not None and (country.country, country.precision) == ("GEO", "country")
    state = place_of(nlp, places, text, "protested", ("USA",))
    assert state is not None and (state.country, state.precision) == ("USA", "admin1")
    assert place_of(nlp, places, text, "protested") is None


@pytest.mark.parametrize(
    ("line", "name", "country"),
    [
        ("GAZA CITY, Palestinian Territories: Israeli strikes hit", "Gaza", "PSE"),
        ("LYON: Police dispersed a crowd", "Lyon", "FRA"),
        ("WASHINGTON, July 27 (AP) — The Senate voted", "Washington", "USA"),
        ("TRIPOLI, Libya — Militias clashed", "Tripoli", "LBY"),
    ],
)
def test_datelines(places: PlaceResolver, line: str, name: str, country: str) -> None:
    place = places.dateline(line)
    assert place is not None and (place.name, place.country) == (name, country)


def test_not_a_dateline(places: PlaceResolver) -> None:
    assert places.dateline("North Korea’s Kim Jong Un has recently hosted Shoigu.") is None
    assert places.dateline("TRIPOLI (Reuters) - Militias clashed") is None  # Libya or Lebanon


def test_a_place_inside_an_idiom_is_not_the_event_place(
    nlp: Language, places: PlaceResolver
) -> None:
    text = "Iran sold drones to Russia in support of its offensive in Ukraine, officials said."
    assert place_of(nlp, places, text, "sold", ("IRN", "RUS")) is None
    text = "Iran sold drones to Russia at a trade fair in Tehran."
    place = place_of(nlp, places, text, "sold", ("IRN", "RUS"))
    assert place is not None and place.name == "Tehran"


def test_a_clause_inside_a_locative_phrase_names_no_place(
    nlp: Language, places: PlaceResolver
) -> None:
    # "Seoul" is the subject of the relative clause, not where the launch happened
    text = (
        "The army fired a rocket, the latest in a string of launches that Seoul and Tokyo have "
        "condemned."
    )
    assert place_of(nlp, places, text, "latest") is None
    # a place named in the phrase itself still counts
    there = "Troops fired rockets in the town of Kharkiv, which officials said was empty."
    found = place_of(nlp, places, there, "fired")
    assert found is not None and found.country == "UKR"
