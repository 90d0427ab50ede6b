from __future__ import annotations

import pytest

from newsevents.evaluation.gold import GoldCoding
from newsevents.evaluation.scoring import (
    Counts,
    actor_code,
    classification,
    dyadic_codings,
    main_event,
    match,
    pentacode,
    predicted_codings,
    primary,
)
from tests.evaluation.conftest import actor, event


def test_counts_micro_scores() -> None:
    counts = Counts(tp=3, fp=1, fn=2) + Counts(tp=1, fp=1, fn=0)
    assert (counts.tp, counts.fp, counts.fn) == (4, 2, 2)
    assert counts.precision == pytest.approx(4 / 6)
    assert counts.recall == pytest.approx(4 / 6)
    assert counts.f1 == pytest.approx(4 / 6)
    assert Counts().f1 == 0.0


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", "USA"), ("IGOEUREEC", "IGO"), ("---REB", "---REB"), ("---", "---"), ("", "")],
)
def test_primary_actor(code: str, expected: str) -> None:
    assert primary(code) == expected


def test_actor_code_of_countryless_actors() -> None:
    assert actor_code(None) == ""
    assert actor_code(actor("REB", sector="REB")) == "---REB"
    assert actor_code(actor("", sector="MIL")) == "---MIL"
    assert actor_code(actor("---REB", sector="REB")) == "---REB"
    assert actor_code(actor("SYRGOV", country="SYR", sector="GOV")) == "SYRGOV"


def test_dyad_root_ignores_agents_and_subcodes() -> None:
    gold = [GoldCoding("USAGOV", "CHN", "042")]
    predicted = [GoldCoding("USA", "CHNGOV", "043")]
    assert match(gold, predicted, "dyad_root").counts == Counts(1, 0, 0)
    exact = match(gold, predicted, "exact")
    assert exact.counts == Counts(0, 1, 1)
    assert exact.missed == tuple(gold) and exact.extra == tuple(predicted)


def test_unknown_country_matches_only_the_same_sector() -> None:
    gold = [GoldCoding("---REB", "SYR", "190")]
    assert match(gold, [GoldCoding("---REB", "SYRGOV", "193")], "dyad_root").counts.tp == 1
    assert match(gold, [GoldCoding("---MIL", "SYR", "190")], "dyad_root").counts.tp == 0
    assert match(gold, [GoldCoding("SYRREB", "SYR", "190")], "dyad_root").counts.tp == 0


def test_matching_is_one_to_one() -> None:
    gold = [GoldCoding("BRA", "USA", "031")]
    predicted = [GoldCoding("BRA", "USA", "031"), GoldCoding("BRAGOV", "USA", "036")]
    result = match(gold, predicted, "dyad_root")
    assert result.counts == Counts(1, 1, 0)
    assert result.extra == (predicted[1],)


def test_noevents_record_only_counts_false_positives() -> None:
    result = match([], [GoldCoding("USA", "RUS", "111")], "dyad_root")
    assert result.counts == Counts(0, 1, 0)
    assert match([], [], "exact").counts == Counts(0, 0, 0)


def test_full_level_compares_whole_actor_codes() -> None:
    gold = [GoldCoding("ARNGOV", "GON", "064")]
    assert match(gold, [GoldCoding("ARN", "GON", "064")], "full").counts.tp == 0
    assert match(gold, [GoldCoding("ARNGOV", "GON", "064")], "full").counts.tp == 1


def test_predicted_codings_are_unique_per_sentence() -> None:
    usa, rus = actor("USA", country="USA"), actor("RUS", country="RUS")
    events = [event(usa, rus, "111"), event(usa, rus, "111", start=5), event(rus, usa, "111")]
    assert predicted_codings(events) == (
        GoldCoding("USA", "RUS", "111"),
        GoldCoding("RUS", "USA", "111"),
    )
    assert predicted_codings([event(usa, None, "010")]) == (GoldCoding("USA", "", "010"),)


@pytest.mark.parametrize(
    ("code", "klass"),
    [
        ("010", 0),
        ("0214", 0),
        ("036", 1),
        ("057", 1),
        ("061", 2),
        ("084", 2),
        ("090", 3),
        ("138", 3),
        ("160", 3),
        ("141", 4),
        ("150", 4),
        ("173", 4),
        ("204", 4),
        ("903", None),
        ("", None),
    ],
)
def test_pentacode(code: str, klass: int | None) -> None:
    assert pentacode(code) == klass


def test_main_event_highest_confidence_then_earliest() -> None:
    a = event(None, None, "010", confidence=0.5, start=10)
    b = event(None, None, "190", confidence=0.9, start=20)
    c = event(None, None, "051", confidence=0.9, start=15)
    assert main_event([a, b, c]) is c
    assert main_event([]) is None


def test_classification_macro_f1_counts_none_as_wrong() -> None:
    scores = classification([(0, 0), (1, 1), (2, None), (3, 4), (4, 4)])
    assert scores.correct == 3 and scores.total == 5
    assert scores.per_class[2] == Counts(0, 0, 1)
    assert scores.per_class[4] == Counts(1, 1, 0)
    expected = (1.0 + 1.0 + 0.0 + 0.0 + (2 * 0.5 * 1.0 / 1.5)) / 5
    assert scores.macro_f1 == pytest.approx(expected)
    assert scores.accuracy == pytest.approx(0.6)


def test_require_dyad_drops_or_dashes_one_sided_codings() -> None:
    codings = [
        GoldCoding("ARN", "GON", "064"),
        GoldCoding("---GOV", "", "023"),
        GoldCoding("", "GON", "010"),
    ]
    dashed = (
        GoldCoding("ARN", "GON", "064"),
        GoldCoding("---GOV", "---", "023"),
        GoldCoding("---", "GON", "010"),
    )
    assert dyadic_codings(codings, require_dyad=True) == (dashed[:1], dashed[1:])
    assert dyadic_codings(codings, require_dyad=False) == (dashed, ())


def test_optional_codings_match_but_are_never_false_positives() -> None:
    gold = [GoldCoding("RWALEG", "---", "140"), GoldCoding("USA", "RUS", "040")]
    scored = [GoldCoding("USA", "CHE", "040")]
    optional = [GoldCoding("RWALEG", "---", "141"), GoldCoding("USA", "---", "040")]
    result = match(gold, scored, "dyad_root", optional)
    assert result.counts == Counts(tp=1, fp=1, fn=1)
    assert result.missed == (GoldCoding("USA", "RUS", "040"),)
    assert result.extra == (GoldCoding("USA", "CHE", "040"),)
    assert match(gold, scored, "exact", optional).counts == Counts(tp=0, fp=1, fn=2)
