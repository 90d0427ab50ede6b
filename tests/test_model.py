"""The event record contract: field names, round trips, and the public surface."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

import newsevents
from newsevents.model import EVENT_FIELDS, Actor, Coder, Event, EventType, Place


def sample_event() -> Event:
    return Event(
        id="e1",
        article_id="a1",
        sentence=0,
        evidence="Kim hosted Shoigu.",
        span=(0, 18),
        source=Actor("Kim", "Kim Jong Un", "PRK", "GOV", None, "PRKGOV"),
        target=Actor("Shoigu", "Sergei Shoigu", "RUS", "GOV", None, "RUSGOV"),
        type=EventType("043", "Host a visit", "04", 2.8, 1, "CONSULT"),
        attributed_to=Actor("KCNA", "KCNA", "PRK", "MED", None, "PRKMED"),
        date=dt.date(2023, 7, 26),
        date_precision="day",
        place=Place("Pyongyang", "PRK", 39.03, 125.75, None, 1871859, "city"),
        confidence=0.9,
        trigger="hosted",
        coder=Coder("newsevents", "0.1.0"),
    )


def test_to_dict_has_every_contract_field_in_order() -> None:
    data = sample_event().to_dict()
    assert tuple(data) == EVENT_FIELDS
    assert data["cameo"] == "043" and data["cameo_root"] == "04"
    assert data["source"] == {
        "text": "Kim",
        "name": "Kim Jong Un",
        "country": "PRK",
        "sector": "GOV",
        "org": None,
        "code": "PRKGOV",
    }
    assert data["date"] == "2023-07-26"
    assert data["place"]["lat"] == 39.03


def test_round_trip() -> None:
    event = sample_event()
    assert Event.from_dict(event.to_dict()) == event


def test_public_surface_is_exactly_all() -> None:
    public = {
        name
        for name in dir(newsevents)
        if not name.startswith("_") and not isinstance(getattr(newsevents, name), ModuleType)
    }
    assert public - {"annotations"} == set(newsevents.__all__) - {"__version__"}
    for name in newsevents.__all__:
        assert hasattr(newsevents, name)
