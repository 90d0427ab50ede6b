from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.coding.lexicon import Lexicon, Predicate
from newsevents.coding.petrarch_verbs import (
    import_petrarch_verbs,
    is_petrarch_verbs,
    load_petrarch_verbs,
    simple_lemma,
)
from newsevents.errors import DictionaryError

SMALL = """<!-- TEST VERBS -->
&TIES  # a synset
+MILITARY
+ECONOMIC_AID

--- RESTORE  [064]  ---
RESTORE    # pas
REINSTATE [065]
- * DIPLOMATIC TIES [901]
- * &TIES RELATIONS [902]
- SAID * TIES [111]
- * +  [066]

--- CALLED  [010] ---
CALLED
- *_ON [095]
- * FOR SANCTIONS [172]
- * OFF [192]
- + WAS_ * TO_ ^ FROM $  [174]

--- MEET  [031:031]  ---
MEET
- % * TALKS [046]
- * CARD [---]
- * HIM [174K]

--- ARRIVE  [032:033] ---
ARRIVE
+CORDON_OFF {+CORDONED_OFF}
WIRE_+TAP [1711]

--- NOTHING  [---] ---
NOTHING
- * NOT NOW [111]
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.verbs.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def codes(lexicon: Lexicon, lemma: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    """The patterns of ``lemma`` that name no words before or after the verb."""
    return [
        (p.code, p.objects, p.prep)
        for p in lexicon.verbs.get(lemma, ())
        if not p.before and not p.words
    ]


def sequences(lexicon: Lexicon, lemma: str) -> list[tuple[str, object, object]]:
    return [(p.code, p.before, p.words) for p in lexicon.verbs.get(lemma, ()) if p.words]


def test_sniff(small: Path, tmp_path: Path) -> None:
    assert is_petrarch_verbs(small)
    actors = tmp_path / "actors.txt"
    actors.write_text("ARNOR [ARN]\nGONDOR [GON]  # comment\n", encoding="utf-8")
    assert not is_petrarch_verbs(actors)
    assert not is_petrarch_verbs(tmp_path / "missing.txt")


def test_default_codes_objects_and_synsets(small: Path) -> None:
    result = import_petrarch_verbs(small)
    lexicon = result.lexicon
    assert codes(lexicon, "restore") == [
        ("064", (), None),
        ("901", ("diplomatic", "tie"), None),
        ("902", ("military", "relation"), None),
        ("066", (), None),
    ]
    # each object pattern also matches its words in sequence; a "_" phrase only that way
    assert sequences(lexicon, "restore")[:3] == [
        ("901", (), ((("diplomatic",),), (("ties", "tie"),))),
        ("902", (), ((("military",),), (("relations", "relation"),))),
        ("902", (), ((("economic",), ("aid",)), (("relations", "relation"),))),
    ]
    assert codes(lexicon, "reinstate")[0] == ("065", (), None)  # own code on the form line
    pattern = lexicon.match_verb(Predicate("restore", objects=(("full", "diplomatic", "tie"),)))
    assert pattern is not None and pattern.code == "901"
    assert pattern.origin.endswith("small.verbs.txt:9")


def test_particles_prepositions_and_reciprocal(small: Path) -> None:
    lexicon = load_petrarch_verbs(small)
    # "CALLED" is lemmatized by the default suffix rules.
    assert ("095", (), "on") in codes(lexicon, "call")
    off = [p for p in lexicon.verbs["call"] if p.code == "192"]
    assert off and off[0].particles == ("off",)
    meet = lexicon.verbs["meet"]
    assert meet[0].code == "031" and meet[0].reciprocal
    talks = [p for p in meet if p.code == "046"]
    assert talks and talks[0].reciprocal and talks[0].objects == ("talk",)
    cordon = lexicon.verbs["cordon"]
    assert cordon[0].code == "032" and cordon[0].particles == ("off",)


def test_reverse_codes(small: Path) -> None:
    """``[032:033]``: the target does 033 to the source; ``[031:031]`` is reciprocal instead."""
    lexicon = load_petrarch_verbs(small)
    arrive = lexicon.verbs["arrive"][0]
    assert (arrive.code, arrive.reverse_code, arrive.reciprocal) == ("032", "033", False)
    assert lexicon.verbs["cordon"][0].reverse_code == "033"
    meet = lexicon.verbs["meet"][0]
    assert (meet.code, meet.reverse_code, meet.reciprocal) == ("031", None, True)
    assert all(p.reverse_code is None for p in lexicon.verbs["restore"])


def test_unrepresentable_patterns_are_counted(small: Path) -> None:
    result = import_petrarch_verbs(small)
    skipped = dict(result.skipped)
    assert skipped["target or gap before the verb"] == 1  # + WAS_ * ...
    assert skipped["code [---] (no event)"] == 2  # * CARD, NOTHING
    assert skipped["code is not 2-4 digits"] == 1  # [174K]
    assert len(skipped) == 4
    assert "code [X:Y]: reverse event Y not imported" not in skipped  # imported now
    assert skipped["verb form with words before the verb"] == 1  # WIRE_+TAP
    assert "sanction" not in {
        o for ps in result.lexicon.verbs.values() for p in ps for o in p.objects
    }  # "* FOR SANCTIONS" is a word sequence, not an object
    assert sequences(result.lexicon, "call") == [
        ("172", (), ((("for",),), (("sanctions", "sanction"),))),
        ("192", (), ((("off",),),)),  # "called off", also when parsed as a preposition
    ]
    assert result.imported == sum(len(ps) for ps in result.lexicon.verbs.values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- * TIES [064]\n", r"x\.txt:1: .*outside a verb block"),
        ("--- RESTORE ---\n", r"x\.txt:1: expected a verb block header"),
        ("--- RESTORE [064] ---\nRESTORE\n- * TIES\n", r"x\.txt:3: a pattern line needs a code"),
        ("--- RESTORE [064] ---\nRESTORE\n- TIES [064]\n", r"x\.txt:3: .*no '\*'"),
        ("--- RESTORE [064] ---\nRESTORE\n- * &NOPE [064]\n", r"x\.txt:3: synset &NOPE"),
        ("&SELF\n+&SELF\n\n--- R [064] ---\nR\n- * &SELF [064]\n", r"x\.txt:6: synsets nest"),
    ],
)
def test_malformed_input_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        load_petrarch_verbs(path)


def test_simple_lemma() -> None:
    assert simple_lemma("called", "VERB") == "call"
    assert simple_lemma("stopped", "VERB") == "stop"
    assert simple_lemma("denied", "VERB") == "deny"
    assert simple_lemma("ties", "NOUN") == "tie"
    assert simple_lemma("talks", "NOUN") == "talk"
    assert simple_lemma("crisis", "NOUN") == "crisis"


def test_real_validate_verbs(shared_data: Path) -> None:
    path = shared_data / "petrarch2-unittest" / "PETR.Validate.verbs.txt"
    assert is_petrarch_verbs(path)
    irregular = {"left": "leave", "met": "meet"}
    result = import_petrarch_verbs(
        path, lemmatize=lambda word, pos: irregular.get(word) or simple_lemma(word, pos)
    )
    lexicon = result.lexicon
    assert result.imported > 300 and result.skipped_total > 100
    assert ("064", ("diplomatic", "tie"), None) not in codes(lexicon, "restore")  # no such line
    assert ("064", ("tie",), None) in codes(lexicon, "restore")
    assert ("095", (), "on") in codes(lexicon, "call")
    contribute = codes(lexicon, "contribute")
    assert ("903", ("euro",), None) in contribute
    # a synset member with a space is a phrase: its words adjacent
    assert ("903", (), ((("swiss",), ("francs", "franc")),)) in sequences(lexicon, "contribute")
    # "LEFT [032:033]" beside "LEAVE [012]": matched only as written
    left = [p for p in lexicon.verbs["leave"] if p.form]
    assert [(p.form, p.code, p.reverse_code) for p in left] == [("left", "032", "033")]
    assert lexicon.match_verb(Predicate("leave", form="left")) == left[0]
    leave = lexicon.match_verb(Predicate("leave", form="leaves"))
    assert leave is not None and leave.code == "012"
    assert not any(p.form for p in lexicon.verbs["restore"])
    assert lexicon.match_verb(Predicate("abandon")) is not None
    # the "[###]" code is not cut by the '#' comment rule, and is skipped as not a number
    assert all(p.code.isdigit() for ps in lexicon.verbs.values() for p in ps)
