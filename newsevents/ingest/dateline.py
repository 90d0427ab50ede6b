"""Wire-service datelines: "MANILA, July 9 - ", "GRANADA, Spain, Oct 6 (Reuters) - ".

The reader keeps a dateline in ``Article.text`` (it says where the story was filed, and
character offsets must stay true), but a parser reads "CANBERRA, June 18 - Albanese welcomed
Li" as if CANBERRA were the subject. :func:`find_dateline` gives its span, so that the
parsing stage can set it apart as its own segment and the place stage can use the place as a
default.

A dateline is a place in capitals, then a region or country in ordinary case ("KYIV,
Ukraine"), a date ("July 9", "Feb. 24"), an agency in brackets, or several of them, then a dash
or a colon ("GAZA CITY, Palestinian Territories: "). It must begin the paragraph; a
capitalised word and a dash alone ("NATO - the alliance ...", "LYON: ") is not a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+){0,2}))?"
    r"(?:,? (?P<date>" + _MONTH + r" \d{1,2}))?"
    r"(?: \((?P<agency>[^()]{1,40})\))?"
    r"(?P<sep> ?[-–—]{1,2} |: )"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a paragraph; ``end`` is where the story text begins."""

    place: str
    region: str | None
    date: str | None
    agency: str | None
    end: int


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens ``paragraph``, or None."""
    match = _DATELINE.match(paragraph)
    if match is None or not (match.group("date") or match.group("agency") or match.group("region")):
        return None
    return Dateline(
        place=match.group("place"),
        region=match.group("region"),
        date=match.group("date"),
        agency=match.group("agency"),
        end=match.end(),
    )
