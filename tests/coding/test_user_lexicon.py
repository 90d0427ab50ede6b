"""A user adds an event phrase with a data file, without touching Python."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.coding.lexicon import Lexicon, Predicate, is_lexicon_file
from newsevents.errors import DictionaryError
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dictionaries" / "example-lexicon.lex"


def test_example_lexicon_is_recognised_and_loaded() -> None:
    assert is_lexicon_file(EXAMPLE)
    lexicon = Lexicon.load(extra=[EXAMPLE])
    pattern = lexicon.match_verb(
        Predicate("rattle", objects=(("sabre",),), preps=frozenset({"at"}))
    )
    assert pattern is not None and pattern.code == "138"


def test_user_phrase_codes_events_through_the_pipeline(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.lex"
    lexicon.write_text("0231 pester +creditor >for\n", encoding="utf-8")
    settings = replace(Settings(), dictionaries=(lexicon,))
    pipeline = Pipeline.build(settings)
    events = pipeline.extract_text("Argentina pestered its creditors for a loan on Monday.")
    assert [e.type.cameo for e in events] == ["0231"]


def test_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lex"
    bad.write_text("040 meet\n04x meet\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad.lex:2"):
        Lexicon.load(extra=[bad])


def test_converse_verbs_swap_the_roles(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text("Ukraine received weapons from the United States.")
    assert event.source is not None and event.source.country == "USA"
    assert event.target is not None and event.target.country == "UKR"
    assert event.type.cameo == "072"


def test_word_classes_expand_to_one_pattern_per_member() -> None:
    from newsevents.coding.lexicon import parse_patterns

    patterns = parse_patterns(
        "&ARMS = rifle, tear_gas\n072 give +&ARMS >to\n", origin="classes.lex"
    )
    assert [(p.code, p.objects, p.prep) for p in patterns] == [
        ("072", ("rifle",), "to"),
        ("072", ("tear", "gas"), "to"),
    ]
    with pytest.raises(DictionaryError, match="unknown word class &GUNS"):
        parse_patterns("072 give +&GUNS >to\n", origin="x.lex")


def test_a_reverse_code_makes_the_target_act_back(tmp_path: Path) -> None:
    from newsevents.coding.lexicon import parse_line

    pattern = parse_line("046:046  hold +talk >with <>", origin="t:1")
    assert (pattern.code, pattern.reverse_code, pattern.prep) == ("046", "046", "with")
    with pytest.raises(DictionaryError, match="t:2"):
        parse_line("046:4x  hold +talk >with", origin="t:2")
