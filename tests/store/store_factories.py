"""Hand-built Articles and Events for the store tests, and Hypothesis strategies for them."""

from __future__ import annotations

import datetime as dt
import hashlib

from hypothesis import strategies as st

from newsevents.model import (
    DATE_PRECISIONS,
    MODALITIES,
    POLARITIES,
    STATUSES,
    Actor,
    Article,
    Coder,
    Event,
    EventType,
    Place,
)

PYONGYANG = Place("Pyongyang", "PRK", 39.03, 125.75, admin1="12", geonames_id=1871859)
KIEV = Place("Kyiv", "UKR", 50.45, 30.52, geonames_id=703448)

ROOTS = {
    "043": ("Host a visit", "04", 2.8, 1, "CONSULT"),
    "040": ("Consult", "04", 1.0, 1, "CONSULT"),
    "112": ("Accuse", "11", -2.0, 3, "ACCUSE"),
    "190": ("Use conventional military force", "19", -10.0, 4, "FIGHT"),
}


def actor(country: str, sector: str | None = "GOV", name: str | None = None) -> Actor:
    return Actor(
        text=name or country,
        name=name or country,
        country=country,
        sector=sector,
        code=country + (sector or ""),
    )


def article(
    text: str,
    *,
    url: str | None = None,
    source: str | None = "example news",
    published: dt.date | None = dt.date(2023, 7, 28),
) -> Article:
    aid = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(
        id=aid, text=text, url=url, source=source, published=published, origin=f"test:{aid}"
    )


def event(
    art: Article,
    n: int,
    *,
    cameo: str = "043",
    source: Actor | None = None,
    target: Actor | None = None,
    date: dt.date | None = dt.date(2023, 7, 26),
    place: Place | None = PYONGYANG,
) -> Event:
    name, root, goldstein, quad, plover = ROOTS[cameo]
    return Event(
        id=hashlib.sha256(f"{art.id}|{n}|{cameo}".encode()).hexdigest()[:16],
        article_id=art.id,
        sentence=n,
        evidence=f"sentence {n}",
        span=(n * 10, n * 10 + 9),
        source=source or actor("PRK", "GOV", "Kim Jong Un"),
        target=target or actor("RUS", "MIL", "Sergei Shoigu"),
        type=EventType(cameo, name, root, goldstein, quad, plover),
        date=date,
        date_precision="day" if date else None,
        place=place,
        confidence=0.8,
        trigger="hosted",
        coder=Coder("newsevents", "test"),
    )


# ---- Hypothesis strategies -------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
opt_text = st.none() | text
code3 = st.sampled_from(["PRK", "RUS", "USA", "UKR", "CHN", None])
sector = st.sampled_from(["GOV", "MIL", "REB", "CVL", None])

actors = st.builds(
    Actor,
    text=text,
    name=text,
    country=code3,
    sector=sector,
    org=st.sampled_from([None, "UN", "NATO"]),
    code=text,
    role=opt_text,
)
places = st.builds(
    Place,
    name=text,
    country=code3,
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    admin1=opt_text,
    geonames_id=st.none() | st.integers(1, 2**40),
    precision=st.sampled_from(["city", "admin1", "country"]),
)
event_types = st.builds(
    EventType,
    cameo=st.sampled_from(["010", "043", "0874", "112", "190"]),
    name=text,
    root=st.sampled_from(["01", "04", "08", "11", "19"]),
    goldstein=st.floats(-10, 10),
    quad_class=st.integers(1, 4),
    plover=st.none() | st.sampled_from(["CONSULT", "FIGHT"]),
)
dates = st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2050, 12, 31))


@st.composite
def events_for(draw: st.DrawFn, article_id: str, index: int) -> Event:
    start = draw(st.integers(0, 10_000))
    return Event(
        id=f"{article_id}-{index}",
        article_id=article_id,
        sentence=draw(st.integers(0, 500)),
        evidence=draw(text),
        span=(start, start + draw(st.integers(0, 500))),
        source=draw(st.none() | actors),
        target=draw(st.none() | actors),
        type=draw(event_types),
        status=draw(st.sampled_from(STATUSES)),
        polarity=draw(st.sampled_from(POLARITIES)),
        modality=draw(st.sampled_from(MODALITIES)),
        attributed_to=draw(st.none() | actors),
        date=draw(dates),
        date_precision=draw(st.none() | st.sampled_from(DATE_PRECISIONS)),
        date_end=draw(dates),
        place=draw(st.none() | places),
        confidence=draw(st.floats(0, 1)),
        trigger=draw(text),
        coder=Coder(draw(st.sampled_from(["newsevents", "x"])), draw(text)),
    )


@st.composite
def cluster_events(draw: st.DrawFn, article_id: str, index: int) -> Event:
    """Events drawn from a small space, so that many of them share a cluster."""
    cameo = draw(st.sampled_from(sorted(ROOTS)))
    name, root, goldstein, quad, plover = ROOTS[cameo]
    return Event(
        id=f"{article_id}-{index}",
        article_id=article_id,
        sentence=index,
        evidence="e",
        span=(0, 1),
        source=draw(st.sampled_from([actor("PRK"), actor("RUS", "MIL"), None])),
        target=draw(st.sampled_from([actor("USA"), actor("RUS", "MIL")])),
        type=EventType(cameo, name, root, goldstein, quad, plover),
        date=draw(st.none() | st.dates(dt.date(2023, 7, 20), dt.date(2023, 7, 30))),
        place=draw(st.sampled_from([None, PYONGYANG, KIEV])),
    )
