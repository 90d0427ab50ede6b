"""Grammar that only shows on real parses: lists, reported violence, relational objects, and
the lexicon's phrases."""

from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline
from tests.coding.dyads import PUBLISHED, dyads


def test_a_list_read_as_an_apposition_is_still_a_list(pipeline: Pipeline) -> None:
    # the parser hangs "Russia" on "US" as an appos, "Switzerland" as its conjunct
    events = pipeline.extract_text(
        "The US, Russia, and Switzerland met yesterday.", published=PUBLISHED
    )
    pairs = {(s, t) for s, _, t in dyads(events, "04")}
    assert pairs == {(a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b}


def test_two_subjects_of_one_verb_are_conjoined(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Kim Jong Un, the leader of North Korea, and Putin met on Monday.", published=PUBLISHED
    )
    found = {(s[:3], t[:3]) for s, _, t in dyads(events, "04")}
    assert {("PRK", "RUS"), ("RUS", "PRK")} <= found


def test_reported_violence_is_the_speakers_accusation(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Ukraine said Russian troops shelled the port of Odesa on Sunday.", published=PUBLISHED
    )
    shelling = [e for e in events if e.type.cameo.startswith("19")]
    assert shelling and shelling[0].attributed_to is not None
    assert shelling[0].attributed_to.country == "UKR"
    accusations = [e for e in events if e.type.cameo == "112"]
    assert len(accusations) == 1
    accusation = accusations[0]
    assert accusation.source is not None and accusation.source.country == "UKR"
    assert accusation.target is not None and accusation.target.country == "RUS"
    assert accusation.trigger == "said" and accusation.attributed_to is None


def test_reporting_ones_own_attack_claims_responsibility(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Israel said it had struck Hezbollah positions in Lebanon.", published=PUBLISHED
    )
    claims = [e for e in events if e.type.cameo == "015"]
    assert claims and claims[0].source is not None and claims[0].source.country == "ISR"
    assert not [e for e in events if e.type.cameo == "112"]


@pytest.mark.parametrize(
    "text",
    [
        "Syrian state media reported that insurgents bombarded Aleppo.",  # media report
        "Analysts say Russia attacked the port.",  # hedged speaker
        "Kyiv says Russian forces did not shell the town.",  # negated
        "Moscow said Russian troops would attack Kharkiv.",  # intended
        "The UN says the war between Sudan's army and the RSF has killed thousands.",  # both sides
    ],
)
def test_no_accusation_without_an_accused_act(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, published=PUBLISHED)
    assert not [e for e in events if e.type.cameo in ("112", "015")], dyads(events)


def test_evidence_against_is_an_accusation(pipeline: Pipeline) -> None:
    for text in (
        "Britain presented evidence against Iran at the United Nations.",
        "Evidence against Iran was presented by Britain.",
    ):
        events = pipeline.extract_text(text, published=PUBLISHED)
        assert ("GBR", "112", "IRN") in {(s[:3], c, t[:3]) for s, c, t in dyads(events)}, text


def test_conjoined_actors_building_ties_act_on_each_other(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Egypt and Turkey restored diplomatic ties.", published=PUBLISHED
    )
    assert {(s, t) for s, _, t in dyads(events, "05")} == {("EGY", "TUR"), ("TUR", "EGY")}
    events = pipeline.extract_text(
        "Mexico and Canada are seeking to deepen a partnership in mining.", published=PUBLISHED
    )
    found = dyads(events, "03")
    assert {(s, t) for s, _, t in found} == {("MEX", "CAN"), ("CAN", "MEX")}
    assert all(e.modality == "intended" for e in events if e.type.cameo.startswith("03"))


def test_government_forces_are_military(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Government forces shelled the rebel town.", published=PUBLISHED)
    assert any(e.source is not None and e.source.sector == "MIL" for e in events)


def test_missiles_launched_at_a_target_are_an_attack_a_launch_alone_is_not(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract_text("Iran launched missiles at Israel.", published=PUBLISHED)
    assert ("IRN", "195", "ISR") in dyads(events)
    events = pipeline.extract_text(
        "North Korea launched a missile on Tuesday.", published=PUBLISHED
    )
    assert {c for _, c, _ in dyads(events)} == {"150"}


def test_a_place_the_gazetteer_knows_is_the_target_of_force_abroad(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Chinese warplanes staged drills near Okinawa.", published=PUBLISHED
    )
    assert ("CHN", "150", "JPN") in {(s[:3], c, t) for s, c, t in dyads(events)}
    events = pipeline.extract_text(
        "Chinese warplanes staged drills near Shanghai.", published=PUBLISHED
    )
    assert all(e.target is None for e in events if e.type.cameo.startswith("15"))


def test_a_capital_anywhere_marks_a_name_all_lower_case_is_a_common_word(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract_text("Germany condemned uKraine on Monday.", published=PUBLISHED)
    assert ("DEU", "111", "UKR") in dyads(events)
    events = pipeline.extract_text("Germany condemned the turkey on Monday.", published=PUBLISHED)
    assert all(e.target is None for e in events)


def test_where_an_attack_came_from_stands_for_its_unnamed_doer(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Two rockets were fired at Israel from Lebanon overnight.", published=PUBLISHED
    )
    assert ("LBN", "ISR") in {(s, t) for s, c, t in dyads(events, "19")}
    events = pipeline.extract_text(
        "Two rockets were fired at Israel overnight.", published=PUBLISHED
    )
    assert {s for s, _, _ in dyads(events, "19")} == {"-"}


def test_a_backer_named_before_a_group_is_not_the_group(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Iran-backed militias attacked a US base.", published=PUBLISHED)
    sources = {e.source.country if e.source else None for e in events if e.type.cameo[:2] == "19"}
    assert sources and "IRN" not in sources


def test_announced_force_is_a_threat_by_everyone_who_announced_it(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Armenia and Georgia said they will attack the rebels.", published=PUBLISHED
    )
    threats = {(s, c) for s, c, _ in dyads(events, "13")}
    assert threats == {("ARM", "138"), ("GEO", "138")}
    assert all(e.modality == "threatened" for e in events if e.type.cameo.startswith("13"))


def test_a_delegation_received_from_abroad_is_that_countrys_visit(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Kenya's president received a delegation from Ethiopia.", published=PUBLISHED
    )
    assert ("ETH", "042", "KEN") in {(s[:3], c, t[:3]) for s, c, t in dyads(events)}


def test_a_declared_refusal_of_permission_is_a_rejection(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Turkey said it would not give permission to Sweden to join.", published=PUBLISHED
    )
    assert ("TUR", "124", "SWE") in {(s[:3], c, t[:3]) for s, c, t in dyads(events)}
    events = pipeline.extract_text("Turkey gave permission to Sweden.", published=PUBLISHED)
    assert ("TUR", "080", "SWE") in {(s[:3], c, t[:3]) for s, c, t in dyads(events)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan provided 6 million dollars in assistance to Fiji.", "071"),
        ("Canada gave $2 million to Haiti.", "071"),
        ("Ireland sent medical supplies to Lebanon.", "073"),
        ("Qatar distributed tents and food to the displaced.", "073"),
        ("The ministry declined to comment on the report.", "011"),
        ("Britain conveyed its concern to Israel.", "012"),
    ],
)
def test_aid_and_statement_vocabulary(pipeline: Pipeline, text: str, code: str) -> None:
    events = pipeline.extract_text(text, published=PUBLISHED)
    assert code in {e.type.cameo for e in events}, dyads(events)


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("Turkey has suspended food supplies to Armenia.", "1623", "TUR"),
        ("The EU froze aid to Niger.", "162", "IGO"),
        # a possessive pronoun before "country" refers back to the speaker's country
        ("Putin said his country will not lift the ban.", "1241", "RUS"),
        ("The Department of Justice will investigate the bank.", "090", "---"),
    ],
)
def test_suspended_aid_anaphoric_countries_and_departments(
    pipeline: Pipeline, text: str, code: str, source: str
) -> None:
    events = pipeline.extract_text(text, published=PUBLISHED)
    found = {(s[:3], c) for s, c, _ in dyads(events)}
    assert (source, code) in found, found


def test_long_acronyms_may_be_written_as_names_short_ones_may_not(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Nato condemned Russia.", published=PUBLISHED)
    assert ("IGO", "111", "RUS") in {(s[:3], c, t) for s, c, t in dyads(events)}
    events = pipeline.extract_text("Us leaders condemned Russia.", published=PUBLISHED)
    assert not any(e.source is not None and e.source.country == "USA" for e in events)


def test_a_meal_together_is_a_meeting(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Modi had dinner with Japan's prime minister.", published=PUBLISHED
    )
    assert ("IND", "040", "JPN") in {(s[:3], c, t[:3]) for s, c, t in dyads(events)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Taliban have refused direct talks with the Afghan government.", "125"),
        ("A Dutch court approved the extradition of the suspect to France.", "063"),
        ("Russia and China began joint military exercises.", "062"),
        ("The EU mobilised funds for Colombia.", None),  # money is no armed force
    ],
)
def test_refusals_extraditions_and_exercises(
    pipeline: Pipeline, text: str, code: str | None
) -> None:
    codes = {e.type.cameo for e in pipeline.extract_text(text, published=PUBLISHED)}
    if code is None:
        assert not any(c.startswith("15") for c in codes), codes
    else:
        assert code in codes, codes


def test_a_backers_name_does_not_place_the_event(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Russia-backed separatists shelled Donetsk.", published=PUBLISHED
    )
    places = {e.place.country for e in events if e.place is not None}
    assert places == {"UKR"}


def test_ready_and_willing_make_an_intent(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Japan is willing to provide a loan guarantee to Ukraine.", published=PUBLISHED
    )
    assert ("JPN", "0331", "UKR") in dyads(events)
    assert all(e.modality == "intended" for e in events)
    events = pipeline.extract_text(
        "Russia is not ready to withdraw its troops.", published=PUBLISHED
    )
    assert [e.polarity for e in events] == ["negated"]


def test_a_time_phrase_is_never_a_prepositional_target(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Netanyahu called Morrison on Wednesday to congratulate him.", published=PUBLISHED
    )
    assert not any(e.type.cameo.startswith("02") for e in events), dyads(events)


def test_called_on_x_to_act_is_an_appeal_to_x(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The EU called on Israel to halt the offensive.", published=PUBLISHED
    )
    assert {(s[:3], c[:2], t) for s, c, t in dyads(events)} == {("IGO", "02", "ISR")}


def test_destruction_by_protesters_is_a_riot(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Protesters demolished a police station in Dhaka.", published=PUBLISHED
    )
    assert {c for _, c, _ in dyads(events)} == {"145"}
    events = pipeline.extract_text(
        "Soldiers demolished a police station in Dhaka.", published=PUBLISHED
    )
    assert "145" not in {c for _, c, _ in dyads(events)}


def test_relations_between_two_actors_deepen_both_ways_and_it_is_no_person(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract_text(
        "Modi thanked Japan for the loan, saying it deepened the relations between India and "
        "Japan.",
        published=PUBLISHED,
    )
    deepened = [e for e in events if e.trigger == "deepened"]
    assert {(e.source.country, e.target.country) for e in deepened if e.source and e.target} == {
        ("IND", "JPN"),
        ("JPN", "IND"),
    }
    assert all(e.attributed_to is not None and e.attributed_to.country == "IND" for e in deepened)


def test_talks_with_someone_run_both_ways_a_meeting_does_not(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Kenya held talks with Ethiopia.", published=PUBLISHED)
    assert {(s, t) for s, c, t in dyads(events, "04")} == {("KEN", "ETH"), ("ETH", "KEN")}
    events = pipeline.extract_text("Kenya met with Ethiopia.", published=PUBLISHED)
    assert {(s, t) for s, c, t in dyads(events, "04")} == {("KEN", "ETH")}


def test_an_event_nouns_modifier_and_of_phrase_pick_its_code(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Turkey announced the deployment of peacekeepers to Cyprus.", published=PUBLISHED
    )
    assert [e.type.cameo for e in events if e.trigger == "deployment"] == ["074"]
    ops = pipeline.extract_text("Fijian troops took part in peacekeeping operations in Lebanon.")
    assert {c for _, c, _ in dyads(ops)} == {"074"}, dyads(ops)


def test_a_noun_pattern_chosen_for_its_object_still_finds_its_target(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Three people died in suicide bombings on churches in Nigeria, officials said.",
        published=PUBLISHED,
    )
    bombings = [e for e in events if e.trigger == "bombings"]
    assert bombings and bombings[0].type.cameo == "1831"
    expulsion = pipeline.extract_text("Russia's expulsion of a Moldovan diplomat angered Chisinau.")
    assert ("RUS", "166", "MDAGOV") in dyads(expulsion)


def test_receiving_a_visitor_is_hosting_it(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The Emir of Qatar received a delegation from Hamas in Doha.", published=PUBLISHED
    )
    codes = {c for _, c, _ in dyads(events, "04")}
    assert codes == {"042", "043"}, dyads(events)


def test_a_prisoner_exchange_runs_both_ways(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Armenia and Azerbaijan exchanged dozens of prisoners of war on Monday.",
        published=PUBLISHED,
    )
    assert dyads(events, "08") == {("ARM", "0841", "AZE"), ("AZE", "0841", "ARM")}
    swap = pipeline.extract_text("Armenia swapped 32 prisoners with Azerbaijan.")
    assert dyads(swap, "08") == {("ARM", "0841", "AZE"), ("AZE", "0841", "ARM")}


def test_shooting_down_aircraft_is_force_not_a_rejection(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Turkey shot down a Russian warplane near the Syrian border.")
    assert ("TUR", "190", "RUS") in dyads(events)
    vote = pipeline.extract_text("The Senate shot down the Iranian proposal.")
    assert {c for _, c, _ in dyads(vote)} == {"120"}


def test_opposition_supporters_burning_a_police_station_riot(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Opposition supporters torched a police station in Dhaka.")
    assert [(e.source.code if e.source else None, e.type.cameo) for e in events] == [
        ("---OPP", "145")
    ]


def test_an_attitude_said_with_an_adjective_is_a_comment(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Japan said it was skeptical of China's military plans.")
    assert ("JPN", "012", "CHN") in dyads(events)
    hopeful = pipeline.extract_text("The Kenyan government remains optimistic about the talks.")
    assert {c for _, c, _ in dyads(hopeful)} == {"013"}
    # a participle as written, not the verb it comes from ("concerned", not "concern")
    concerned = pipeline.extract_text("Brazil said it was deeply concerned about the vote.")
    assert {c for _, c, _ in dyads(concerned)} == {"012"}
    # a copula without such an adjective is no event
    assert not pipeline.extract_text("The Japanese minister was in Beijing last week.")


def test_refusing_to_take_in_refugees_is_a_rejection(pipeline: Pipeline) -> None:
    took = pipeline.extract_text("Poland took in two million Ukrainian refugees.")
    assert dyads(took) == {("POL", "075", "UKRREF")}
    refused = pipeline.extract_text("Denmark says it will not accept any more Syrian refugees.")
    assert {c[:2] for _, c, _ in dyads(refused)} == {"12"}


def test_a_mediation_effort_is_mediation(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Qatar launched a mediation effort between Rwanda and Congo.")
    assert {c for _, c, _ in dyads(events)} == {"045"}


def test_workers_going_on_strike_strike(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Thousands of miners in Chile went on strike for better pay.")
    assert {(s, c) for s, c, _ in dyads(events)} == {("CHLLAB", "143")}
    stopped = pipeline.extract_text("Hundreds of dock workers in Peru stopped work on Monday.")
    assert {c for _, c, _ in dyads(stopped)} == {"143"}


def test_hitting_military_targets_is_an_attack(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Ukraine said it had hit Russian ammunition depots in Crimea.")
    assert ("UKR", "190", "RUS") in dyads(events), dyads(events)
    assert not pipeline.extract_text("The storm hit the Russian coast on Monday.")
