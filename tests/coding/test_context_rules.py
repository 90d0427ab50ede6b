"""What the rest of a sentence and the article add to an event (coding/context.py and the
claims grammar): tolls, local victims, what claims and appeals are about, pronouns, states."""

from __future__ import annotations

import datetime as dt

from newsevents.pipeline import Pipeline
from tests.coding.dyads import PUBLISHED, dyads


def test_a_name_after_its_noun_is_one_subject(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The Nigerian jihadist group Boko Haram is claiming responsibility for a suicide "
        "bombing at a market in Cameroon's far north.",
        published=PUBLISHED,
    )
    claims = [e for e in events if e.type.cameo == "015"]
    assert len(claims) == 1, dyads(events)
    assert claims[0].source is not None and claims[0].source.name == "Boko Haram"
    # the claimed bombing happened in Cameroon: Cameroon is its target
    assert claims[0].target is not None and claims[0].target.country == "CMR"


def test_a_claimed_attack_gives_its_target(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Hezbollah claimed responsibility for the drone attack on Israel.", published=PUBLISHED
    )
    claims = [e for e in events if e.type.cameo == "015"]
    assert [c.target.country for c in claims if c.target] == ["ISR"]


def test_an_anonymous_report_speaks_for_where_it_was_released(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "A report released on Monday in the Kenyan capital alleged that Somali militants "
        "carried out the massacre.",
        published=PUBLISHED,
    )
    accusations = [e for e in events if e.type.cameo == "112"]
    assert len(accusations) == 1, dyads(events)
    assert accusations[0].source is not None and accusations[0].source.code == "KEN"
    assert accusations[0].target is not None and accusations[0].target.country == "SOM"
    # an organisation's report accuses; analysts only suppose
    un = pipeline.extract_text("A UN report said Sudanese troops shelled El Fasher.")
    assert ("IGOUNO", "112", "SDNMIL") in dyads(un, "112")
    analysts = pipeline.extract_text("Analysts said Sudanese troops shelled El Fasher.")
    assert not dyads(analysts, "112")


def test_the_toll_of_an_attack_is_the_same_attack(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Russian forces shelled Kharkiv overnight, killing at least five civilians.",
        published=PUBLISHED,
    )
    violent = [e for e in events if e.type.cameo.startswith(("18", "19", "20"))]
    assert [(e.trigger, e.target.country if e.target else None) for e in violent] == [
        ("shelled", "UKR")
    ]
    # with no coded attack to belong to, the toll is the event
    bomb = pipeline.extract_text("A car bomb exploded in Mogadishu, killing nine people.")
    assert [e.trigger for e in bomb if e.type.cameo.startswith("19")] == ["killing"]


def test_civilians_harmed_take_the_country_where_it_happened(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Three women were wounded in Russian drone strikes on the outskirts of Kherson.",
        published=PUBLISHED,
    )
    assert ("RUS", "PSECVL") not in {(s, t) for s, _, t in dyads(events)}
    assert any(t == "UKRCVL" for _, _, t in dyads(events, "1")), dyads(events)
    # people with a country of their own keep it
    own = pipeline.extract_text("Two Israeli civilians were killed in a rocket attack in Gaza.")
    assert all(t != "PSECVL" for _, _, t in dyads(own)), dyads(own)


def test_the_toll_names_whom_an_attack_hit_when_the_attack_does_not(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The Iraqi air force carried out two air strikes in western Mosul, killing dozens of "
        "Islamic State fighters.",
        published=PUBLISHED,
    )
    violent = dyads(events, "19")
    assert len(violent) == 1 and next(iter(violent))[0] == "IRQMIL", violent
    assert next(iter(violent))[2].startswith("IMG"), violent


def test_sympathy_for_an_event_goes_to_where_it_happened(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Chancellor Scholz expressed sorrow for the deadly floods in Libya.",
        published=PUBLISHED,
    )
    assert [(c, t) for _, c, t in dyads(events, "01")] == [("018", "LBY")]


def test_an_event_noun_that_says_what_the_object_is_is_the_same_event(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract_text("The EU agreed to provide 50 billion euros in aid to Ukraine.")
    assert [(e.trigger, e.target.country if e.target else None) for e in events] == [
        ("provide", "UKR")
    ]
    tonnes = pipeline.extract_text("Turkey sent 200 tonnes of food aid to Gaza.")
    assert dyads(tonnes) == {("TUR", "073", "PSE")}


def test_what_an_appeal_asks_for_is_the_appeal_not_an_event(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("The Pope called for an immediate ceasefire in Sudan.")
    assert [(e.type.cameo, e.trigger) for e in events] == [("0256", "called")]
    release = pipeline.extract_text("Amnesty issued a call for the release of the journalists.")
    assert [e.type.cameo for e in release] == ["0253"]


def test_a_participle_describing_a_noun_is_background(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Sudanese troops backed by Egyptian warplanes shelled the city of Omdurman."
    )
    by_trigger = {e.trigger: e.confidence for e in events}
    assert by_trigger["shelled"] > by_trigger["backed"], by_trigger


def test_condemning_the_attack_told_before_targets_its_doer(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Russian missiles struck an apartment block in Dnipro on Saturday. "
        "The European Union condemned the strike.",
        published=PUBLISHED,
    )
    assert ("IGOEUREEC", "111", "RUS") in dyads(events), dyads(events)
    # an indefinite noun refers to nothing told before
    other = pipeline.extract_text(
        "Russian missiles struck an apartment block in Dnipro. Poland condemned an attack."
    )
    assert ("POL", "111", "RUS") not in dyads(other)


def test_an_object_pronoun_is_never_its_own_clauses_subject(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The court issued a warrant for former President Jacob Zuma, accusing him of contempt.",
        published=dt.date(2021, 6, 29),
    )
    accusation = [e for e in events if e.type.cameo == "112"]
    assert accusation and accusation[0].target is not None
    assert accusation[0].target.name == "Jacob Zuma", accusation[0].target
    praised = pipeline.extract_text("Macron met Scholz in Paris and praised him.")
    assert any(c == "051" and t.startswith("DEU") for _, c, t in dyads(praised)), dyads(praised)


def test_a_role_owned_by_a_pronoun_takes_the_antecedents_country(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Ethiopia said its troops had withdrawn from the border town.")
    assert [e.source.code for e in events if e.source] == ["ETHMIL"]


def test_a_state_protesting_complains_officially(pipeline: Pipeline) -> None:
    state = pipeline.extract_text("Vietnam protested against the Chinese survey ship.")
    assert {c for _, c, _ in dyads(state)} == {"114"}
    people = pipeline.extract_text("Thousands of Vietnamese protested against China in Hanoi.")
    assert {c for _, c, _ in dyads(people)} == {"141"}


def test_the_reason_for_a_punishment_is_alleged(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Britain sanctioned two Chinese firms for supplying drone parts to Russia."
    )
    supplying = [e for e in events if e.trigger == "supplying"]
    assert [e.status for e in supplying] == ["alleged"]
    sanction = [e for e in events if e.trigger == "sanctioned"]
    assert [e.status for e in sanction] == ["asserted"]


def test_a_pledge_to_do_harm_without_an_intent_code_keeps_its_code(pipeline: Pipeline) -> None:
    # CAMEO has no intent code for expelling people: the event keeps 174, intended, not a
    # threat; announced violence stays a threat
    events = pipeline.extract_text(
        "Turkey has promised to expel foreign fighters of the Islamic State.", published=PUBLISHED
    )
    expel = [e for e in events if e.trigger == "expel"]
    assert [(e.type.cameo, e.modality) for e in expel] == [("174", "intended")]
    vowed = pipeline.extract_text("Iran vowed to attack Israel.", published=PUBLISHED)
    assert [(e.type.cameo[:2], e.modality) for e in vowed] == [("13", "threatened")]
