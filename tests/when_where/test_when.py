"""Event dates on real parses of sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents.when import DateResolution, DateResolver
from tests.conftest import SHARED

FRIDAY = dt.date(2023, 7, 28)
SEED = SHARED / "seed" / "000_33d00ee4f3a97e9a.txt"


def find(doc: Doc, word: str) -> tuple[Span, Token]:
    tok = next(t for t in doc if t.text == word)
    return tok.sent, tok


def date_of(
    nlp: Language, dates: DateResolver, text: str, word: str, pub: dt.date | None = FRIDAY
) -> DateResolution:
    sent, tok = find(nlp(text), word)
    return dates.resolve(sent, tok, published=pub)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_meeting_resolves_to_wednesday(nlp: Language, dates: DateResolver) -> None:
    doc = nlp(SEED.read_text(encoding="utf-8").split("\n\n")[0])
    for word in ("meeting", "hosted"):  # "hosted" borrows the date of "The meeting" after it
        sent, tok = find(doc, word)
        res = dates.resolve(sent, tok, published=FRIDAY)
        assert (res.date, res.precision, res.text) == (dt.date(2023, 7, 26), "day", "Wednesday")


def test_meeting_date_rule_in_a_relative_clause(nlp: Language, dates: DateResolver) -> None:
    text = "The summit, which took place on Monday, ended without a deal."
    res = date_of(nlp, dates, text, "summit")
    assert (res.date, res.precision) == (dt.date(2023, 7, 24), "day")


def test_next_sentence_is_used_only_for_a_definite_event_noun(
    nlp: Language, dates: DateResolver
) -> None:
    text = "Troops shelled the village. Officials spoke on Tuesday about the damage."
    res = date_of(nlp, dates, text, "shelled")
    assert res.precision == "publication"


def test_future_tense_takes_the_next_weekday(nlp: Language, dates: DateResolver) -> None:
    res = date_of(nlp, dates, "The foreign ministers will meet in Vienna on Wednesday.", "meet")
    assert res.date == dt.date(2023, 8, 2)
    res = date_of(nlp, dates, "The president is expected to visit Seoul on Monday.", "visit")
    assert res.date == dt.date(2023, 7, 31)


def test_past_tense_takes_the_previous_weekday(nlp: Language, dates: DateResolver) -> None:
    res = date_of(nlp, dates, "Rebels attacked a convoy on Wednesday, officials said.", "attacked")
    assert (res.date, res.precision) == (dt.date(2023, 7, 26), "day")


def test_each_clause_keeps_its_own_date(nlp: Language, dates: DateResolver) -> None:
    text = "The ministry said on Thursday that troops had seized the airport on Saturday."
    assert date_of(nlp, dates, text, "said").date == dt.date(2023, 7, 27)
    assert date_of(nlp, dates, text, "seized").date == dt.date(2023, 7, 22)


def test_yesterday_and_absolute_and_range(nlp: Language, dates: DateResolver) -> None:
    assert date_of(nlp, dates, "Police arrested 40 people yesterday.", "arrested").date == (
        dt.date(2023, 7, 27)
    )
    text = "Protesters blocked the highway on 14 July 2023."
    assert date_of(nlp, dates, text, "blocked").date == dt.date(2023, 7, 14)
    res = date_of(nlp, dates, "Delegates negotiated from Monday to Wednesday.", "negotiated")
    assert (res.date, res.date_end) == (dt.date(2023, 7, 24), dt.date(2023, 7, 26))


def test_fallback_to_publication_and_never_today(nlp: Language, dates: DateResolver) -> None:
    res = date_of(nlp, dates, "The army denied the report.", "denied")
    assert (res.date, res.precision) == (FRIDAY, "publication")
    none = date_of(nlp, dates, "The army denied the report.", "denied", pub=None)
    assert (none.date, none.precision) == (None, None)
    rel = date_of(nlp, dates, "Troops withdrew on Tuesday.", "withdrew", pub=None)
    assert (rel.date, rel.precision, rel.text) == (None, None, "Tuesday")


def test_holiday_in_the_clause_is_unresolved_not_publication(
    nlp: Language, dates: DateResolver
) -> None:
    res = date_of(nlp, dates, "Fighting resumed during Ramadan.", "resumed")
    assert (res.date, res.precision) == (None, None)
    assert res.text == "Ramadan"
