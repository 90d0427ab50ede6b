"""Parses the grammar recognises as wrong or odd and still codes right: misread participles,
passive conjuncts, datelines, counted objects, weapons and mishaps as doers, places."""

from __future__ import annotations

from newsevents.pipeline import Pipeline
from tests.coding.dyads import PUBLISHED, dyads


def test_a_mishap_is_no_doer(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Rescuers found victims killed by the Air India plane crash near Ahmedabad.",
        published=PUBLISHED,
    )
    assert not [e for e in events if e.type.cameo.startswith(("18", "19", "20"))]


def test_a_weapon_names_who_fired_it(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Two farmers were killed by a rocket believed to have been fired by Houthi rebels.",
        published=PUBLISHED,
    )
    killed = [e for e in events if e.trigger == "killed"]
    assert killed and killed[0].source is not None and killed[0].source.country == "YEM"
    roadside = pipeline.extract_text("A roadside bomb killed three Iraqi soldiers.")
    assert ("-", "190", "IRQMIL") in dyads(roadside, "19")


def test_a_passive_conjunct_shares_the_patient(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The protesters were arrested and later released by police.", published=PUBLISHED
    )
    assert ("---COP", "084", "---CVL") in dyads(events, "08")


def test_a_participle_read_as_a_main_verb_is_still_a_participle(pipeline: Pipeline) -> None:
    # the parser makes "civilians" the subject of "imprisoned" and hangs "were released" on it
    events = pipeline.extract_text(
        "The civilians imprisoned for acting against Moscow were released yesterday by Putin.",
        published=PUBLISHED,
    )
    assert ("RUSGOV", "084", "---CVL") in dyads(events, "08")
    assert not {d for d in dyads(events, "17") if d[0] == "---CVL"}  # civilians jailed no one


def test_a_dateline_with_a_region_is_not_the_subject(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "KHARKIV, Ukraine — Russian forces shelled the city overnight.", published=PUBLISHED
    )
    assert [e.source.code for e in events if e.source] == ["RUSMIL"]


def test_the_date_is_never_the_target_the_pattern_names(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The United States imposed sanctions on Iran on Tuesday.", published=PUBLISHED
    )
    assert ("USA", "163", "IRN") in dyads(events)


def test_a_capital_as_a_target_place_is_the_country(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Russia fired missiles at Kyiv.", published=PUBLISHED)
    assert ("RUS", "UKR") in {(s, t) for s, _, t in dyads(events, "19")}
    house = pipeline.extract_text("Protesters gathered outside the White House.")
    assert any(t == "USAGOV" for _, _, t in dyads(house, "14"))


def test_a_capital_named_as_a_place_is_the_country(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Militants claimed a bombing in Kabul on Monday. Kabul said it would respond.",
        published=PUBLISHED,
    )
    bombing = [e for e in events if e.type.cameo.startswith("18")]
    assert bombing and bombing[0].target is not None and bombing[0].target.code == "AFG"
    said = [e for e in events if e.attributed_to is not None]
    assert all(e.attributed_to.code == "AFGGOV" for e in said if e.attributed_to)


def test_a_counted_object_is_what_is_counted(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Poland expelled dozens of Belarusian diplomats.")
    assert {c for _, c, _ in dyads(events)} == {"166"}
    some = pipeline.extract_text("Mali expelled some of the UN peacekeepers.")
    assert {c for _, c, _ in dyads(some)} == {"1661"}


def test_who_takes_part_in_an_event_does_it(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Russian mercenaries took part in the massacre of villagers in central Mali.",
        published=PUBLISHED,
    )
    assert any(s == "RUS" and c.startswith("20") for s, c, _ in dyads(events)), dyads(events)
    involved = pipeline.extract_text("Two Iranian officers were involved in the attack.")
    assert any(s.startswith("IRN") for s, _, _ in dyads(involved, "19")), dyads(involved)


def test_a_participle_with_an_object_before_a_said_clause_is_the_main_verb(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract_text(
        "Russian missile strikes killed at least 12 Ukrainian soldiers on Friday, officials said.",
        published=PUBLISHED,
    )
    assert ("RUS", "190", "UKRMIL") in dyads(events, "19"), dyads(events)


def test_an_object_that_names_an_actor_is_the_target(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Burkina Faso expelled the UN peacekeeping mission.")
    assert dyads(events) == {("BFA", "1661", "IGOUNO")}


def test_an_accusation_whose_of_phrase_hangs_on_the_accused(pipeline: Pipeline) -> None:
    # the parser hangs "of looting" on "the RSF", not on "accused"
    events = pipeline.extract_text(
        "The army accused the RSF of looting homes and killing civilians in Khartoum."
    )
    killing = [e for e in events if e.trigger == "killing"]
    assert killing and killing[0].status == "alleged"
    assert killing[0].source is not None and killing[0].source.code == "SDNREBRSF"
    # only after a verb of accusing: "the prospects of resuming talks" are no doer
    prospects = pipeline.extract_text(
        "The visit may hinder the prospects of resuming dialogue with South Korea."
    )
    assert any(e.trigger == "dialogue" and e.target for e in prospects), prospects


def test_a_country_noun_with_of_names_its_country(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Indonesia established diplomatic ties with the Pacific island nation of Tuvalu."
    )
    assert ("IDN", "054", "TUV") in dyads(events)
