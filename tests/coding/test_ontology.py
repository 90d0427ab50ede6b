"""The CAMEO ontology table: counts, spot values, QuadClass, PLOVER, unknown codes."""

from __future__ import annotations

import pytest

from newsevents.coding.ontology import Ontology
from newsevents.errors import DictionaryError
from newsevents.model import EventType


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_counts(ontology: Ontology) -> None:
    assert ontology.roots() == [f"{n:02d}" for n in range(1, 21)]
    assert len(ontology.codes()) == 312  # 311 GDELT codes + 1213 from the ICEWS table
    assert all(code[:2] in ontology.roots() for code in ontology.codes())


@pytest.mark.parametrize(
    ("code", "name", "goldstein"),
    [
        ("043", "Host a visit", 2.8),
        ("042", "Make a visit", 1.9),
        ("195", "Employ aerial weapons", -10.0),
        ("016", "Deny responsibility", -2.0),  # GDELT value; ICEWS has -5
        ("0874", "Retreat or surrender militarily", 10.0),
        ("1823", "Kill by physical assault", -10.0),
        ("1213", "Reject judicial cooperation", -4.0),  # only in ICEWS
        ("106", "Demand meeting, negotiation", -5.0),  # CAMEO 1.1b3 name, not GDELT's
        ("040", "Consult", 1.0),  # ", not specified below" dropped
    ],
)
def test_spot_values(ontology: Ontology, code: str, name: str, goldstein: float) -> None:
    event_type = ontology.get(code)
    assert event_type.name == name
    assert event_type.goldstein == goldstein
    assert event_type.root == code[:2]


def test_quad_class_follows_gdelt_roots(ontology: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for quad, roots in expected.items():
        for root in roots:
            for code in ontology.codes():
                if code.startswith(f"{root:02d}"):
                    assert ontology.get(code).quad_class == quad, code


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("015", "AGREE"),
        ("016", "REJECT"),
        ("010", None),
        ("020", None),
        ("0211", None),
        ("036", "AGREE"),
        ("043", "CONSULT"),
        ("051", "SUPPORT"),
        ("057", "SUPPORT"),
        ("072", "AID"),
        ("08", "CONCEDE"),
        ("083", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0813", "RETREAT"),
        ("090", "ACCUSE"),
        ("1056", "REQUEST"),
        ("112", "ACCUSE"),
        ("129", "REJECT"),
        ("138", "THREATEN"),
        ("141", "PROTEST"),
        ("154", "MOBILIZE"),
        ("161", "SANCTION"),
        ("163", "COERCE"),  # moved off its root by the 2021 table
        ("173", "COERCE"),
        ("175", "ASSAULT"),
        ("1712", "ASSAULT"),
        ("191", "COERCE"),
        ("195", "ASSAULT"),
        ("204", "ASSAULT"),
    ],
)
def test_plover(ontology: Ontology, code: str, plover: str | None) -> None:
    assert ontology.get(code).plover == plover


def test_plover_types_are_the_current_sixteen(ontology: Ontology) -> None:
    found = {t.plover for t in ontology if t.plover}
    assert found == set(
        [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ]
    )


def test_contains_and_get(ontology: Ontology) -> None:
    assert "043" in ontology
    assert "43" not in ontology
    assert "224" not in ontology
    with pytest.raises(KeyError, match="event_type"):
        ontology.get("224")
    assert ontology.description("043") is not None


def test_event_type_of_known_code_is_get(ontology: Ontology) -> None:
    assert ontology.event_type("0841") == ontology.get("0841")


def test_event_type_from_three_digit_ancestor(ontology: Ontology) -> None:
    parent = ontology.get("172")
    found = ontology.event_type("1725")
    assert found == EventType(
        cameo="1725",
        name=f"{parent.name} (dictionary code 1725)",
        root="17",
        goldstein=parent.goldstein,
        quad_class=4,
        plover=parent.plover,
    )


def test_event_type_from_root_ancestor(ontology: Ontology) -> None:
    found = ontology.event_type("224")
    assert (found.cameo, found.root, found.quad_class, found.plover) == ("224", "22", 0, None)
    assert found.goldstein == 0.0
    sub = ontology.event_type("199")
    root = ontology.get("19")
    assert (sub.root, sub.goldstein, sub.plover) == ("19", root.goldstein, "ASSAULT")
    assert sub.name == f"{root.name} (dictionary code 199)"


@pytest.mark.parametrize("bad", ["", "4", "abc", "12345", "04a"])
def test_event_type_rejects_malformed_codes(ontology: Ontology, bad: str) -> None:
    with pytest.raises(DictionaryError, match="not a CAMEO event code"):
        ontology.event_type(bad)


def test_malformed_table_names_the_line() -> None:
    text = "code\tname\troot\tgoldstein\tquad_class\tplover\tsource\tdescription\n043\tHost\t04\n"
    with pytest.raises(DictionaryError, match=r"t\.tsv:2"):
        Ontology.from_tsv(text, origin="t.tsv")
