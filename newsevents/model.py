"""Typed records passed between the stages, and the JSON contract they serialize to.

Every record is a frozen, slotted dataclass. Stages never pass string-keyed dicts to each
other; ``to_dict`` exists only for the public JSON contract (``Event.to_dict``) and storage.

The event record contract is versioned by :data:`SCHEMA_VERSION`. Changing a field name or
meaning is a decision recorded in ``docs/architecture.md`` and ``CHANGELOG.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Status = Literal["asserted", "alleged", "denied"]
Polarity = Literal["positive", "negated"]
Modality = Literal["actual", "intended", "threatened", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year", "publication"]
PlacePrecision = Literal["city", "admin1", "country"]

STATUSES: tuple[Status, ...] = ("asserted", "alleged", "denied")
POLARITIES: tuple[Polarity, ...] = ("positive", "negated")
MODALITIES: tuple[Modality, ...] = ("actual", "intended", "threatened", "hypothetical")
DATE_PRECISIONS: tuple[DatePrecision, ...] = ("day", "week", "month", "year", "publication")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article: its text and where it starts in ``Article.text``."""

    start: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by an ingest reader.

    ``text`` holds the paragraphs joined by a blank line (``\\n\\n``), so character offsets in
    events (``Event.span``) index into ``text``.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    origin: str | None = None  # the file (and line) it was read from, for messages

    @property
    def paragraphs(self) -> list[Paragraph]:
        out: list[Paragraph] = []
        pos = 0
        for part in self.text.split("\n\n"):
            if part.strip():
                out.append(Paragraph(start=pos, text=part))
            pos += len(part) + 2
        return out


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved participant: a country, a government body, an organisation, a person.

    ``code`` is the CAMEO-style composite (country + sector, e.g. ``PRKGOV``; or an
    organisation code such as ``IGOUNO``). ``name`` is the canonical name ("Kim Jong Un",
    "North Korea"); ``text`` is the words of the mention as written.
    """

    text: str
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # CAMEO actor type: GOV, MIL, COP, REB, OPP, CVL, MED, ...
    org: str | None = None  # short code of an international or non-state organisation
    code: str = ""
    role: str | None = None  # free text role when known ("defence minister")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "org": self.org,
            "code": self.code,
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Actor:
        return Actor(
            text=data["text"],
            name=data["name"],
            country=data.get("country"),
            sector=data.get("sector"),
            org=data.get("org"),
            code=data.get("code") or "",
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place from the offline gazetteer."""

    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    admin1: str | None = None
    geonames_id: int | None = None
    precision: PlacePrecision = "city"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Place:
        return Place(
            name=data["name"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            admin1=data.get("admin1"),
            geonames_id=data.get("geonames_id"),
            precision=data.get("precision") or "city",
        )


@dataclass(frozen=True, slots=True)
class EventType:
    """A CAMEO code with everything the ontology knows about it."""

    cameo: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None


@dataclass(frozen=True, slots=True)
class Coder:
    name: str
    version: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, with its evidence. ``to_dict`` is the public JSON contract."""

    id: str
    article_id: str
    sentence: int
    evidence: str
    span: tuple[int, int]
    source: Actor | None
    target: Actor | None
    type: EventType
    status: Status = "asserted"
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    attributed_to: Actor | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_end: dt.date | None = None
    place: Place | None = None
    confidence: float = 0.5
    trigger: str = ""
    coder: Coder = field(default_factory=lambda: Coder("newsevents", "0"))

    @property
    def cameo(self) -> str:
        return self.type.cameo

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "span": [self.span[0], self.span[1]],
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.type.cameo,
            "cameo_root": self.type.root,
            "cameo_name": self.type.name,
            "plover": self.type.plover,
            "quad_class": self.type.quad_class,
            "goldstein": self.type.goldstein,
            "status": self.status,
            "polarity": self.polarity,
            "modality": self.modality,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "place": self.place.to_dict() if self.place else None,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "coder": self.coder.to_dict(),
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Event:
        def actor(key: str) -> Actor | None:
            value = data.get(key)
            return Actor.from_dict(value) if value else None

        date = data.get("date")
        date_end = data.get("date_end")
        place = data.get("place")
        coder = data.get("coder") or {"name": "newsevents", "version": "0"}
        return Event(
            id=data["id"],
            article_id=data["article_id"],
            sentence=int(data["sentence"]),
            evidence=data["evidence"],
            span=(int(data["span"][0]), int(data["span"][1])),
            source=actor("source"),
            target=actor("target"),
            type=EventType(
                cameo=data["cameo"],
                name=data["cameo_name"],
                root=data["cameo_root"],
                goldstein=float(data["goldstein"]),
                quad_class=int(data["quad_class"]),
                plover=data.get("plover"),
            ),
            status=data.get("status", "asserted"),
            polarity=data.get("polarity", "positive"),
            modality=data.get("modality", "actual"),
            attributed_to=actor("attributed_to"),
            date=dt.date.fromisoformat(date) if date else None,
            date_precision=data.get("date_precision"),
            date_end=dt.date.fromisoformat(date_end) if date_end else None,
            place=Place.from_dict(place) if place else None,
            confidence=float(data.get("confidence", 0.5)),
            trigger=data.get("trigger", ""),
            coder=Coder(coder["name"], coder["version"]),
        )


# Fields of the JSON contract, in order. tests/test_model.py checks to_dict against it.
EVENT_FIELDS: tuple[str, ...] = (
    "schema",
    "id",
    "article_id",
    "sentence",
    "evidence",
    "span",
    "source",
    "target",
    "cameo",
    "cameo_root",
    "cameo_name",
    "plover",
    "quad_class",
    "goldstein",
    "status",
    "polarity",
    "modality",
    "attributed_to",
    "date",
    "date_precision",
    "date_end",
    "place",
    "confidence",
    "trigger",
    "coder",
)
