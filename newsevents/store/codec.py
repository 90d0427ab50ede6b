"""Event and Article records to and from rows of the store.

The columns of ``events`` flatten the nested JSON contract (``Event.to_dict``): each actor
becomes eight ``<role>_*`` columns, the place seven ``place_*`` columns, the span two. A row
read back with :func:`row_to_event` gives an Event equal to the one written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from newsevents.model import SCHEMA_VERSION, Actor, Article, Coder, Event, EventType, Place

_S = pa.string()
_ACTOR_FIELDS = ("actor", "text", "name", "country", "sector", "org", "code", "role")
ACTOR_ROLES = ("source", "target", "attributed")

# (column, arrow type), in table order. 0001_init.sql declares the same columns.
EVENT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("id", _S),
    ("article_id", _S),
    ("seq", pa.int64()),
    ("schema_version", _S),
    ("sentence", pa.int32()),
    ("evidence", _S),
    ("span_start", pa.int32()),
    ("span_end", pa.int32()),
    *((f"{role}_{name}", _S) for role in ACTOR_ROLES for name in _ACTOR_FIELDS),
    ("cameo", _S),
    ("cameo_root", _S),
    ("cameo_name", _S),
    ("plover", _S),
    ("quad_class", pa.int32()),
    ("goldstein", pa.float64()),
    ("status", _S),
    ("polarity", _S),
    ("modality", _S),
    ("date", pa.date32()),
    ("date_precision", _S),
    ("date_end", pa.date32()),
    ("place_name", _S),
    ("place_country", _S),
    ("place_lat", pa.float64()),
    ("place_lon", pa.float64()),
    ("place_admin1", _S),
    ("place_geonames_id", pa.int64()),
    ("place_precision", _S),
    ("confidence", pa.float64()),
    ("trigger", _S),
    ("coder_name", _S),
    ("coder_version", _S),
    ("superseded", pa.bool_()),
    ("cluster_id", pa.int64()),
)
EVENT_SCHEMA = pa.schema(list(EVENT_COLUMNS))

ARTICLE_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("id", _S),
    ("seq", pa.int64()),
    ("url", _S),
    ("title", _S),
    ("source", _S),
    ("publisher", _S),
    ("published", pa.date32()),
    ("origin", _S),
    ("text", _S),
    ("chars", pa.int32()),
    ("status", _S),
    ("error", _S),
    ("version", pa.int32()),
    ("superseded_by", _S),
    ("ingested_at", pa.timestamp("us")),
    ("coder_fingerprint", _S),  # 0002_coder_fingerprint.sql
)
ARTICLE_SCHEMA = pa.schema(list(ARTICLE_COLUMNS))

ACTOR_SCHEMA = pa.schema(
    [(name, _S) for name in ("id", "name", "country", "sector", "org", "code", "role")]
)


def actor_id(actor: Actor) -> str:
    """A stable id for an actor: the same name, codes and role give the same id."""
    key = "\x1f".join(
        part or ""
        for part in (actor.name, actor.country, actor.sector, actor.org, actor.code, actor.role)
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def publisher_of(article: Article) -> str | None:
    """The publisher that ``num_sources`` counts: the source, else the URL host."""
    if article.source:
        return article.source.strip().lower() or None
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _actor_cells(role: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{role}_{name}": None for name in _ACTOR_FIELDS}
    return {
        f"{role}_actor": actor_id(actor),
        f"{role}_text": actor.text,
        f"{role}_name": actor.name,
        f"{role}_country": actor.country,
        f"{role}_sector": actor.sector,
        f"{role}_org": actor.org,
        f"{role}_code": actor.code,
        f"{role}_role": actor.role,
    }


def _place_cells(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {
            name: None
            for name in (
                "place_name",
                "place_country",
                "place_lat",
                "place_lon",
                "place_admin1",
                "place_geonames_id",
                "place_precision",
            )
        }
    return {
        "place_name": place.name,
        "place_country": place.country,
        "place_lat": place.lat,
        "place_lon": place.lon,
        "place_admin1": place.admin1,
        "place_geonames_id": place.geonames_id,
        "place_precision": place.precision,
    }


def event_to_row(
    event: Event, *, seq: int, cluster_id: int | None = None, superseded: bool = False
) -> dict[str, Any]:
    """One ``events`` row for an Event."""
    row: dict[str, Any] = {
        "id": event.id,
        "article_id": event.article_id,
        "seq": seq,
        "schema_version": SCHEMA_VERSION,
        "sentence": event.sentence,
        "evidence": event.evidence,
        "span_start": event.span[0],
        "span_end": event.span[1],
    }
    row.update(_actor_cells("source", event.source))
    row.update(_actor_cells("target", event.target))
    row.update(_actor_cells("attributed", event.attributed_to))
    row.update(
        cameo=event.type.cameo,
        cameo_root=event.type.root,
        cameo_name=event.type.name,
        plover=event.type.plover,
        quad_class=event.type.quad_class,
        goldstein=event.type.goldstein,
        status=event.status,
        polarity=event.polarity,
        modality=event.modality,
        date=event.date,
        date_precision=event.date_precision,
        date_end=event.date_end,
        confidence=event.confidence,
        trigger=event.trigger,
        coder_name=event.coder.name,
        coder_version=event.coder.version,
        superseded=superseded,
        cluster_id=cluster_id,
    )
    row.update(_place_cells(event.place))
    return row


def _actor_from(row: Mapping[str, Any], role: str) -> Actor | None:
    if row[f"{role}_actor"] is None:
        return None
    return Actor(
        text=row[f"{role}_text"],
        name=row[f"{role}_name"],
        country=row[f"{role}_country"],
        sector=row[f"{role}_sector"],
        org=row[f"{role}_org"],
        code=row[f"{role}_code"] or "",
        role=row[f"{role}_role"],
    )


def _place_from(row: Mapping[str, Any]) -> Place | None:
    if row["place_name"] is None:
        return None
    gid = row["place_geonames_id"]
    return Place(
        name=row["place_name"],
        country=row["place_country"],
        lat=row["place_lat"],
        lon=row["place_lon"],
        admin1=row["place_admin1"],
        geonames_id=int(gid) if gid is not None else None,
        precision=row["place_precision"] or "city",
    )


def row_to_event(row: Mapping[str, Any]) -> Event:
    """The Event an ``events`` row was made from."""
    return Event(
        id=row["id"],
        article_id=row["article_id"],
        sentence=int(row["sentence"]),
        evidence=row["evidence"],
        span=(int(row["span_start"]), int(row["span_end"])),
        source=_actor_from(row, "source"),
        target=_actor_from(row, "target"),
        type=EventType(
            cameo=row["cameo"],
            name=row["cameo_name"],
            root=row["cameo_root"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"],
        ),
        status=row["status"],
        polarity=row["polarity"],
        modality=row["modality"],
        attributed_to=_actor_from(row, "attributed"),
        date=row["date"],
        date_precision=row["date_precision"],
        date_end=row["date_end"],
        place=_place_from(row),
        confidence=float(row["confidence"]),
        trigger=row["trigger"],
        coder=Coder(row["coder_name"], row["coder_version"]),
    )


def article_to_row(
    article: Article,
    *,
    seq: int,
    status: str,
    error: str | None,
    version: int,
    now: dt.datetime,
    keep_text: bool = True,
    coder_fingerprint: str | None = None,
) -> dict[str, Any]:
    return {
        "id": article.id,
        "seq": seq,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "publisher": publisher_of(article),
        "published": article.published,
        "origin": article.origin,
        "text": article.text if keep_text else None,
        "chars": len(article.text),
        "status": status,
        "error": error,
        "version": version,
        "superseded_by": None,
        "ingested_at": now,
        "coder_fingerprint": coder_fingerprint,
    }


def row_to_article(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"] or "",
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        origin=row["origin"],
    )


def actor_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Distinct actors of the events, as ``actors`` rows."""
    seen: dict[str, dict[str, Any]] = {}
    for event in events:
        for actor in (event.source, event.target, event.attributed_to):
            if actor is None:
                continue
            aid = actor_id(actor)
            if aid not in seen:
                seen[aid] = {
                    "id": aid,
                    "name": actor.name,
                    "country": actor.country,
                    "sector": actor.sector,
                    "org": actor.org,
                    "code": actor.code,
                    "role": actor.role,
                }
    return list(seen.values())


def table(rows: Sequence[Mapping[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)
