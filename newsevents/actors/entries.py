"""The records the actor knowledge is made of: actor entries with dated variants, and agents.

An :class:`ActorEntry` is anything with a name that the text can mention: a country, a seat
of government, an organisation, a news outlet, a person, or an imported PETRARCH actor. What it
stands for can change with time (Sergei Shoigu was defence minister until May 2024), so an
entry holds :class:`Variant` records with optional date ranges and :meth:`ActorEntry.at`
picks the one valid on the event date.

An :class:`AgentEntry` is a role or sector word ("police", "foreign minister", "MSF") whose
codes are added after (``suffix``) or before (``prefix``) the code of the actor it goes with,
the way PETRARCH composes ``IRQ`` + ``~COP`` into ``IRQCOP``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

EntryKind = Literal["country", "seat", "person", "org", "media", "body", "imported", "block"]

# International generic actor types (CAMEO manual table 3.2): a code starting with one of
# these has no country.
INTERNATIONAL_TYPES = frozenset({"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"})


@dataclass(frozen=True, slots=True)
class Variant:
    """What an entry stands for during ``[start, end)`` (``None`` = open)."""

    code: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None  # exclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor. ``variants`` keep file order: the first one valid on a date wins.

    ``alternatives`` > 1 only for imported entries with several codes (``[FRO/BIL/SAM]``):
    each variant group of the same dates then stands for several actors at once.
    """

    name: str
    kind: EntryKind
    variants: tuple[Variant, ...]
    origin: str = ""
    former_sector: str | None = None  # people: sector after their last role ended ("ELI")

    def at(self, date: dt.date | None) -> tuple[Variant, ...]:
        """The variants valid on ``date`` (several for multi-code imported entries).

        Unknown date: the most recent dated variant, else the undated default. A date outside
        every range: for a person after a role ended, ``former_sector`` ("ELI", CAMEO's code
        for former officials); otherwise the undated default.
        An empty tuple means the entry is not an actor on that date (a ``---`` code).
        """
        dated = [v for v in self.variants if v.dated]
        undated = tuple(v for v in self.variants if not v.dated)
        if date is None:
            if dated:
                latest = max(dated, key=lambda v: v.start or dt.date.min)
                return _real(tuple(v for v in dated if v.start == latest.start))
            return _real(undated)
        valid = [v for v in dated if v.covers(date)]
        if valid:
            first = valid[0]
            return _real(tuple(v for v in valid if (v.start, v.end) == (first.start, first.end)))
        return self._former(date, dated) or _real(undated)

    def _former(self, date: dt.date, dated: list[Variant]) -> tuple[Variant, ...]:
        ended = [v for v in dated if v.end is not None and v.end <= date]
        if not ended or self.former_sector is None:
            return ()
        last = max(ended, key=lambda v: v.end or dt.date.min)
        sector = self.former_sector
        role = f"former {last.role}" if last.role else None
        code = (last.country or "") + sector
        return (replace(last, code=code, sector=sector, role=role, start=None, end=None),)


def _real(variants: tuple[Variant, ...]) -> tuple[Variant, ...]:
    return tuple(v for v in variants if v.code)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role or sector phrase: codes to add after (``suffix``) or before (``prefix``)."""

    phrase: str
    suffix: str = ""
    prefix: str = ""
    role: str | None = None
    origin: str = ""
    former: bool = False  # a word like "former" that turns the agent codes into ELI


def split_code(code: str, sectors: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO composite: the leading country and the last actor type.

    ``PSEREBHMS`` -> (PSE, REB); ``IGOUNO`` -> (None, IGO); ``---GOV`` -> (None, GOV);
    ``ARNGOVFRM`` -> (ARN, GOV).
    """
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, None
    head = chunks[0]
    country = None if head in INTERNATIONAL_TYPES or head == "---" or head in sectors else head
    rest = chunks[1:] if country else chunks
    sector = next((c for c in reversed(rest) if c in sectors or c in INTERNATIONAL_TYPES), None)
    return country, sector


def join_codes(base: str, addition: str) -> str:
    """Append the 3-letter chunks of ``addition`` that ``base`` does not contain yet."""
    have = {base[i : i + 3] for i in range(0, len(base), 3)}
    out = base
    for i in range(0, len(addition), 3):
        chunk = addition[i : i + 3]
        if chunk and chunk not in have:
            out += chunk
            have.add(chunk)
    return out
