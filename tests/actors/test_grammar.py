"""The grammar of actor phrases, on parses written by hand (no model needed)."""

from __future__ import annotations

import datetime as dt

from newsevents.actors import ActorResolver
from tests.actors.conftest import hand_doc

D2023 = dt.date(2023, 7, 26)


def codes(actors: list) -> list[str]:  # type: ignore[type-arg]
    return [a.code for a in actors]


def test_role_phrase_with_named_person_uses_the_role_on_the_date(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["Russia", "'s", "Defense", "Minister", "Sergei", "Shoigu", "spoke"],
        [3, 0, 3, 5, 5, 6, 6],
        ["poss", "case", "compound", "compound", "compound", "nsubj", "ROOT"],
        ["PROPN", "PART", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
    )
    [actor] = resolver.for_doc(doc, date=D2023).actors_at(doc[5])
    assert (actor.name, actor.country, actor.sector, actor.code) == (
        "Sergei Shoigu",
        "RUS",
        "GOV",
        "RUSGOV",
    )
    assert actor.role == "defence minister"
    assert actor.text == "Russia 's Defense Minister Sergei Shoigu"
    [later] = resolver.for_doc(doc, date=dt.date(2024, 6, 1)).actors_at(doc[5])
    assert later.role == "Security Council secretary" and later.code == "RUSGOV"


def test_country_adjective_and_role_word(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["The", "Iraqi", "police", "arrested", "students"],
        [2, 2, 3, 3, 3],
        ["det", "amod", "nsubj", "ROOT", "dobj"],
        ["DET", "ADJ", "NOUN", "VERB", "NOUN"],
    )
    actors = resolver.for_doc(doc, date=D2023)
    [police] = actors.actors_at(doc[2])
    assert (police.country, police.sector, police.code) == ("IRQ", "COP", "IRQCOP")
    assert codes(actors.actors_at(doc[4])) == ["---EDU"]


def test_role_word_that_only_describes_a_thing_is_no_actor(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["The", "military", "equipment", "arrived"],
        [2, 2, 3, 3],
        ["det", "amod", "nsubj", "ROOT"],
        ["DET", "ADJ", "NOUN", "VERB"],
    )
    assert resolver.for_doc(doc, date=D2023).actors_at(doc[2]) == []


def test_prepositional_modifiers_and_their_conjuncts(petrarch_resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["The", "ambassadors", "of", "Arnor", ",", "Osgiliath", "and", "Gondor", "spoke"],
        [1, 8, 1, 2, 3, 3, 5, 5, 8],
        ["det", "nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT"],
        ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
    )
    actors = petrarch_resolver.for_doc(doc, date=dt.date(1995, 1, 8))
    assert codes(actors.actors_at(doc[1])) == ["ARNGOV", "OSGGOV", "GONGOV"]
    soldiers = hand_doc(
        ["Soldiers", "from", "Gondor", "left"],
        [3, 0, 1, 3],
        ["nsubj", "prep", "pobj", "ROOT"],
        ["NOUN", "ADP", "PROPN", "VERB"],
    )
    assert codes(petrarch_resolver.for_doc(soldiers, date=None).actors_at(soldiers[0])) == [
        "GONMIL"
    ]


def test_in_phrase_only_for_role_words(petrarch_resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["Human", "rights", "activists", "in", "Arnor", "met", "fighting", "in", "Gondor"],
        [2, 2, 5, 2, 3, 5, 5, 6, 7],
        ["compound", "compound", "nsubj", "prep", "pobj", "ROOT", "dobj", "prep", "pobj"],
        ["NOUN", "NOUN", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "ADP", "PROPN"],
    )
    actors = petrarch_resolver.for_doc(doc, date=None)
    assert codes(actors.actors_at(doc[2])) == ["ARNOPP"]
    assert actors.actors_at(doc[6]) == []


def test_second_conjunct_borrows_the_country(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["The", "Danish", "media", "and", "government", "warned"],
        [2, 2, 5, 2, 2, 5],
        ["det", "amod", "nsubj", "cc", "conj", "ROOT"],
        ["DET", "ADJ", "NOUN", "CCONJ", "NOUN", "VERB"],
    )
    actors = resolver.for_doc(doc, date=D2023)
    assert codes(actors.actors_at(doc[2])) == ["DNKMED"]  # the conjunct is not followed
    assert codes(actors.actors_at(doc[4])) == ["DNKGOV"]


def test_former_turns_roles_into_elites(petrarch_resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["former", "Gondor", "prosecutors", "met"],
        [2, 2, 3, 3],
        ["amod", "compound", "nsubj", "ROOT"],
        ["ADJ", "PROPN", "NOUN", "VERB"],
    )
    assert codes(petrarch_resolver.for_doc(doc, date=None).actors_at(doc[2])) == ["GONELI"]


def test_prefix_agent_codes(petrarch_resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["An", "MSF", "Arnor", "diplomat", "left"],
        [3, 3, 3, 4, 4],
        ["det", "compound", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "PROPN", "NOUN", "VERB"],
    )
    assert codes(petrarch_resolver.for_doc(doc, date=None).actors_at(doc[3])) == ["NGOARNGOV"]


def test_unknown_name_introduced_with_a_role_is_remembered(
    petrarch_resolver: ActorResolver,
) -> None:
    doc = hand_doc(
        ["Gondor", "'s", "Prime", "Minister", "Falastur", "spoke", ".", "Falastur", "left"],
        [3, 0, 3, 4, 5, 5, 5, 8, 8],
        ["poss", "case", "compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT"],
        ["PROPN", "PART", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"],
    )
    actors = petrarch_resolver.for_doc(doc, date=None)
    [later] = actors.actors_at(doc[7])
    assert (later.code, later.text) == ("GONGOV", "Falastur")


def test_negated_country_prefix(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["pro", "-", "Russian", "separatists", "fought"],
        [2, 2, 3, 4, 4],
        ["advmod", "punct", "amod", "nsubj", "ROOT"],
        ["ADV", "PUNCT", "ADJ", "NOUN", "VERB"],
    )
    assert codes(resolver.for_doc(doc, date=D2023).actors_at(doc[3])) == ["---REB"]


def test_actor_in_span(resolver: ActorResolver) -> None:
    doc = hand_doc(
        ["officials", "in", "Washington", "said"],
        [3, 0, 1, 3],
        ["nsubj", "prep", "pobj", "ROOT"],
        ["NOUN", "ADP", "PROPN", "VERB"],
    )
    actors = resolver.for_doc(doc, date=D2023)
    assert codes(actors.actor_in_span(doc[0:3])) == ["USAGOV"]
    assert codes(actors.actors_at(doc[0])) == ["USAGOV"]
