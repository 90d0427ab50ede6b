"""What a temporal expression means, given the publication date and the tense of its verb.

The relative logic is ours (and tested); absolute dates with a month name go through dateparser,
cached per (text, publication date, direction).

Rules:

* a weekday in a past-tense clause is the most recent such day on or before publication; in a
  future clause, the next one on or after it (so a weekday equal to the publication day is that
  day). "last Friday" is strictly before publication, "next Friday" strictly after;
* "yesterday", "today", "tomorrow": publication plus the offset in the vocabulary;
* "last week", "this week", "next week": the Monday of that week, precision ``week``;
  "earlier this month", "last month": the 1st of that month, precision ``month``; same for years;
* "N days/weeks/months/years ago": publication minus N units, at that unit's precision;
* "on the 18th": the 18th of the publication month, or of the month before when the 18th is
  still to come (past tense) -- after, for future tense;
* an absolute date without a year ("July 27") takes the year that puts it before publication
  (past) or after it (future); "in July" likewise, precision ``month``;
* a range resolves its end in the clause's direction and its start as the latest such day on or
  before the end (future: start first, then the end on or after it), so it is never inverted;
* anything that depends on the publication date resolves to nothing when that date is unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import dateparser

from newsevents.when.expressions import Expression

Precision = Literal["day", "week", "month", "year", "publication"]


@dataclass(frozen=True, slots=True)
class DateResolution:
    """The date of an event: ``date`` and ``precision`` are None when it cannot be told."""

    date: dt.date | None
    precision: Precision | None
    date_end: dt.date | None = None
    text: str | None = None  # the temporal expression used


UNRESOLVED = DateResolution(None, None)


@lru_cache(maxsize=4096)
def parse_absolute(text: str, base: dt.date | None, future: bool) -> dt.date | None:
    """A day-and-month date through dateparser (cached). Without ``base`` only dates that
    state their year parse; the year of a yearless date is chosen relative to ``base``."""
    settings: dict[str, object] = {
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DATES_FROM": "future" if future else "past",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    clean = text.replace(" of ", " ").removeprefix("the ").replace("’s", "").replace("'s", "")
    parsed = dateparser.parse(clean, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if base is None and not _states_year(clean):
        return None
    return parsed.date()


def _states_year(text: str) -> bool:
    return any(tok.isdigit() and len(tok) == 4 for tok in text.replace(",", " ").split())


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def shift_month(day: dt.date, months: int) -> dt.date:
    """The 1st of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def weekday_date(weekday: int, pub: dt.date, *, future: bool, modifier: str | None) -> dt.date:
    """The date of a named weekday relative to publication (see the module rules)."""
    if modifier in ("next", "coming"):
        return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    if modifier in ("last", "past"):
        return pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)
    if future:
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def ordinal_date(day: int, pub: dt.date, *, future: bool) -> dt.date | None:
    """ "On the 18th": in the publication month, or the nearest month in the tense's direction."""
    step = 1 if future else -1
    month = shift_month(pub, 0)
    for _ in range(4):
        try:
            candidate = month.replace(day=day)
        except ValueError:
            candidate = None
        if candidate is not None and (candidate >= pub if future else candidate <= pub):
            return candidate
        month = shift_month(month, step)
    return None


def resolve(expr: Expression, pub: dt.date | None, *, future: bool) -> DateResolution:
    """The meaning of one expression (UNRESOLVED when it depends on an unknown date)."""
    if expr.kind == "range":
        return _range(expr, pub, future=future)
    if expr.kind == "iso" and expr.year and expr.month and expr.day:
        try:
            return DateResolution(dt.date(expr.year, expr.month, expr.day), "day", text=expr.text)
        except ValueError:
            return DateResolution(None, None, text=expr.text)
    if expr.kind == "absolute":
        found = parse_absolute(expr.text, pub, future)
        return DateResolution(found, "day" if found else None, text=expr.text)
    if expr.kind == "year" and expr.year:
        return DateResolution(dt.date(expr.year, 1, 1), "year", text=expr.text)
    if expr.kind == "month" and expr.month and expr.year:
        return DateResolution(dt.date(expr.year, expr.month, 1), "month", text=expr.text)
    if pub is None or expr.kind == "unresolved":
        return DateResolution(None, None, text=expr.text)
    found_date, precision = _relative(expr, pub, future=future)
    if found_date is None:
        return DateResolution(None, None, text=expr.text)
    return DateResolution(found_date, precision, text=expr.text)


def _relative(expr: Expression, pub: dt.date, *, future: bool) -> tuple[dt.date | None, Precision]:
    if expr.kind == "weekday" and expr.weekday is not None:
        return weekday_date(expr.weekday, pub, future=future, modifier=expr.modifier), "day"
    if expr.kind == "relative_day":
        return pub + dt.timedelta(days=expr.shift), "day"
    if expr.kind == "ordinal" and expr.day:
        return ordinal_date(expr.day, pub, future=future), "day"
    if expr.kind == "month" and expr.month:
        year = pub.year
        if not future and expr.month > pub.month:
            year -= 1
        if future and expr.month < pub.month:
            year += 1
        return dt.date(year, expr.month, 1), "month"
    if expr.kind == "period":
        return _period(expr.unit, expr.shift, pub)
    if expr.kind == "ago":
        return _period(expr.unit, -expr.shift, pub, days=expr.unit == "day")
    return None, "day"


def _period(
    unit: str | None, shift: int, pub: dt.date, *, days: bool = False
) -> tuple[dt.date | None, Precision]:
    if days:
        return pub + dt.timedelta(days=shift), "day"
    if unit == "week":
        return monday(pub) + dt.timedelta(weeks=shift), "week"
    if unit == "month":
        return shift_month(pub, shift), "month"
    if unit == "year":
        return dt.date(pub.year + shift, 1, 1), "year"
    return None, "day"


def _range(expr: Expression, pub: dt.date | None, *, future: bool) -> DateResolution:
    """Past: the end first, then the start on or before it; future: the start, then the end."""
    first, last = expr.parts
    if future:
        a = resolve(first, pub, future=True)
        b = resolve(last, a.date or pub, future=True)
    else:
        b = resolve(last, pub, future=False)
        a = resolve(first, b.date or pub, future=False)
    if a.date is None or b.date is None:
        return DateResolution(None, None, text=expr.text)
    start, end = sorted((a.date, b.date))
    return DateResolution(start, "day", end, expr.text)
