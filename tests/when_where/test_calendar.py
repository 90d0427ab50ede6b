"""The relative date logic, on expressions found in hand-written phrases (no parser involved)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.when import DateResolution, ExpressionFinder, Vocabulary
from newsevents.when.calendar import resolve

FRIDAY = dt.date(2023, 7, 28)  # the seed article's publication date, a Friday
FINDER = ExpressionFinder(Vocabulary.load())


def one(text: str, pub: dt.date | None = FRIDAY, *, future: bool = False) -> DateResolution:
    found = FINDER.find(text)
    assert len(found) == 1, found
    return resolve(found[0], pub, future=future)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Wednesday", False, dt.date(2023, 7, 26)),  # most recent Wednesday before a Friday
        ("on Monday", False, dt.date(2023, 7, 24)),
        ("on Saturday", False, dt.date(2023, 7, 22)),
        ("on Friday", False, FRIDAY),  # a bare weekday equal to the publication day
        ("on Friday", True, FRIDAY),
        ("on Wednesday", True, dt.date(2023, 8, 2)),  # the next one for future tense
        ("on Saturday", True, dt.date(2023, 7, 29)),
        ("last Friday", False, dt.date(2023, 7, 21)),
        ("next Friday", True, dt.date(2023, 8, 4)),
        ("Monday's", False, dt.date(2023, 7, 24)),
    ],
)
def test_weekdays(text: str, future: bool, expected: dt.date) -> None:
    res = one(text, future=future)
    assert (res.date, res.precision) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("yesterday", dt.date(2023, 7, 27), "day"),
        ("today", FRIDAY, "day"),
        ("tomorrow", dt.date(2023, 7, 29), "day"),
        ("last week", dt.date(2023, 7, 17), "week"),
        ("earlier this week", dt.date(2023, 7, 24), "week"),
        ("earlier this month", dt.date(2023, 7, 1), "month"),
        ("last month", dt.date(2023, 6, 1), "month"),
        ("last year", dt.date(2022, 1, 1), "year"),
        ("three days ago", dt.date(2023, 7, 25), "day"),
        ("on the 18th", dt.date(2023, 7, 18), "day"),
        ("on the 30th", dt.date(2023, 6, 30), "day"),  # still to come: the month before
        ("in May", dt.date(2023, 5, 1), "month"),
        ("in September", dt.date(2022, 9, 1), "month"),
        ("in 2021", dt.date(2021, 1, 1), "year"),
    ],
)
def test_relative_expressions(text: str, expected: dt.date, precision: str) -> None:
    res = one(text)
    assert (res.date, res.precision) == (expected, precision)


def test_ordinal_day_future_moves_forward_and_skips_short_months() -> None:
    assert one("on the 18th", future=True).date == dt.date(2023, 8, 18)
    assert one("on the 31st", dt.date(2023, 7, 10)).date == dt.date(2023, 5, 31)  # no 31 June


@pytest.mark.parametrize(
    "text",
    ["27 July 2023", "July 27, 2023", "2023-07-27", "Thursday, July 27, 2023", "27th of July"],
)
def test_absolute_formats(text: str) -> None:
    res = one(text)
    assert (res.date, res.precision) == (dt.date(2023, 7, 27), "day")


def test_yearless_date_takes_the_year_of_the_tense() -> None:
    assert one("July 29").date == dt.date(2022, 7, 29)  # past: not after publication
    assert one("July 20", future=True).date == dt.date(2024, 7, 20)
    assert one("July 27").date == dt.date(2023, 7, 27)


def test_ranges_past_and_future() -> None:
    past = one("from Monday to Wednesday")
    assert (past.date, past.date_end) == (dt.date(2023, 7, 24), dt.date(2023, 7, 26))
    future = one("from Monday to Wednesday", future=True)
    assert (future.date, future.date_end) == (dt.date(2023, 7, 31), dt.date(2023, 8, 2))
    days = one("3-5 July 2023")
    assert (days.date, days.date_end) == (dt.date(2023, 7, 3), dt.date(2023, 7, 5))
    wrap = one("between 30 December and 2 January")
    assert (wrap.date, wrap.date_end) == (dt.date(2022, 12, 30), dt.date(2023, 1, 2))


@given(
    pub=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    a=st.sampled_from(Vocabulary.load().weekdays),
    b=st.sampled_from(Vocabulary.load().weekdays),
    future=st.booleans(),
)
def test_ranges_are_never_inverted(pub: dt.date, a: str, b: str, future: bool) -> None:
    res = one(f"from {a.title()} to {b.title()}", pub, future=future)
    assert res.date is not None and res.date_end is not None
    assert res.date <= res.date_end
    assert (res.date_end - res.date).days < 7


def test_unknown_publication_leaves_relative_dates_unresolved() -> None:
    for text in ("on Wednesday", "yesterday", "last week", "July 27", "on the 18th"):
        assert one(text, None).date is None, text
    assert one("27 July 2023", None).date == dt.date(2023, 7, 27)  # states its year


@pytest.mark.parametrize(
    "text", ["the day before", "last summer", "during Ramadan", "at Christmas"]
)
def test_seasons_holidays_anaphora_are_unresolved(text: str) -> None:
    res = one(text)
    assert res.date is None and res.precision is None and res.text


def test_modal_may_and_march_are_not_months() -> None:
    assert FINDER.find("They may march on the capital") == []
    assert FINDER.find("the 70th anniversary of the war") == []
