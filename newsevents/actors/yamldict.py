"""Read actor dictionaries written in YAML (the built-in data and users' own files).

The format is documented in ``docs/dictionaries.md``. In short::

    people:                       # also: actors, organizations, media (same fields)
      - name: Sergei Shoigu       # canonical name (required)
        aliases: [Sergei Shoygu]  # other full names
        short: [Shoigu]           # short names: used after the full name in the same article,
                                  # or when no other known actor has that short name on the date
        country: RUS              # ISO 3166 alpha-3
        sector: GOV               # CAMEO actor type
        org: null                 # short organisation code (UN, NATO, HAMAS)
        code: null                # CAMEO composite; default country + sector
        role: defence minister
        roles:                    # optional, dated; the first one valid on the event date wins
          - {from: 2012-11-06, to: 2024-05-12, sector: GOV, role: defence minister}
    sectors:                      # role words -> codes added after the actor's code
      GOV: [government, foreign minister, ministry of defence]
      COP: ["police {}"]          # "{}": no plural; "{geese}": irregular plural
    agents:                       # role words with a role text or a prefix code
      - {phrase: MSF, prefix: NGO}
    former: [former, ex]          # words that turn role codes into ELI ("former officials")
    block: [South China Sea]      # phrases that are never actors

Every error is a :class:`~newsevents.errors.DictionaryError` naming ``file:line``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsevents.actors.entries import ActorEntry, AgentEntry, EntryKind, Variant
from newsevents.errors import DictionaryError

ACTOR_SECTIONS: dict[str, EntryKind] = {
    "actors": "body",
    "people": "person",
    "organizations": "org",
    "organisations": "org",
    "media": "media",
}
ENTRY_FIELDS = frozenset(
    {"name", "aliases", "short", "country", "sector", "org", "code", "role", "roles", "kind"}
)
ROLE_FIELDS = frozenset({"from", "to", "country", "sector", "org", "code", "role"})
KINDS = frozenset({"country", "seat", "person", "org", "media", "body"})


@dataclass(frozen=True, slots=True)
class NamedEntry:
    """An actor entry with the phrases that name it (strong) and its short names (weak)."""

    entry: ActorEntry
    names: tuple[str, ...]
    short: tuple[str, ...] = ()


@dataclass(slots=True)
class YamlDictionary:
    """What one YAML file contributes (built while reading, then handed to the knowledge)."""

    actors: list[NamedEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    block: list[str] = field(default_factory=list)


class _Lined(dict[Any, Any]):
    line = 0


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records line numbers and leaves dates as text (checked by _date)."""


_LineLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Lined:
    loader.flatten_mapping(node)
    out = _Lined(loader.construct_pairs(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml_dictionary(path: Path, *, text: str | None = None) -> YamlDictionary:
    """Parse one YAML dictionary file; raise DictionaryError with file:line on any problem."""
    source = path.read_text(encoding="utf-8") if text is None else text
    try:
        data = yaml.load(source, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise DictionaryError(
            f"{path}:{line}: not valid YAML ({_problem(exc)}); fix the syntax"
        ) from None
    out = YamlDictionary()
    if data is None:
        return out
    if not isinstance(data, dict):
        raise DictionaryError(f"{path}:1: expected a mapping with sections such as 'actors:'")
    for section, value in data.items():
        _read_section(path, data, str(section), value, out)
    return out


def _problem(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).strip()


def _read_section(path: Path, top: Any, section: str, value: Any, out: YamlDictionary) -> None:
    line = getattr(top, "line", 1)
    if section in ACTOR_SECTIONS:
        for item in _as_list(path, line, section, value):
            out.actors.append(_read_actor(path, item, ACTOR_SECTIONS[section]))
    elif section == "sectors":
        out.agents.extend(_read_sectors(path, value, line))
    elif section == "agents":
        for item in _as_list(path, line, section, value):
            out.agents.extend(_read_agent(path, item))
    elif section in ("former", "block"):
        words = [str(w) for w in _as_list(path, line, section, value)]
        (out.former if section == "former" else out.block).extend(words)
    else:
        known = ", ".join([*ACTOR_SECTIONS, "sectors", "agents", "former", "block"])
        raise DictionaryError(f"{path}:{line}: unknown section '{section}'; use one of {known}")


def _as_list(path: Path, line: int, section: str, value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DictionaryError(f"{path}:{line}: section '{section}' must be a list")
    return value


def _where(path: Path, item: Any) -> str:
    return f"{path}:{getattr(item, 'line', 1)}"


def _read_actor(path: Path, item: Any, default_kind: EntryKind) -> NamedEntry:
    where = _where(path, item)
    if not isinstance(item, dict) or not item.get("name"):
        raise DictionaryError(f"{where}: each actor needs at least 'name: ...'")
    unknown = set(item) - ENTRY_FIELDS
    if unknown:
        raise DictionaryError(
            f"{where}: unknown field(s) {sorted(unknown)}; known: {sorted(ENTRY_FIELDS)}"
        )
    kind = item.get("kind") or default_kind
    if kind not in KINDS:
        raise DictionaryError(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    base = _variant(where, item, None, default_sector=None, required=not item.get("roles"))
    role_sector = "GOV" if kind == "person" else None
    roles = [
        _variant(_where(path, r), r, base, default_sector=role_sector)
        for r in _as_list(path, 0, "roles", item.get("roles"))
    ]
    name = str(item["name"])
    entry = ActorEntry(
        name=name,
        kind=kind,
        variants=(*roles, base) if roles else (base,),
        origin=where,
        former_sector="ELI" if kind == "person" else None,
    )
    names = (name, *(str(a) for a in item.get("aliases") or ()))
    return NamedEntry(entry, names, tuple(str(s) for s in item.get("short") or ()))


def _variant(
    where: str,
    item: Any,
    base: Variant | None,
    *,
    default_sector: str | None,
    required: bool = True,
) -> Variant:
    if not isinstance(item, dict):
        raise DictionaryError(f"{where}: expected a mapping")
    if base is not None and set(item) - ROLE_FIELDS:
        raise DictionaryError(f"{where}: unknown role field(s) {sorted(set(item) - ROLE_FIELDS)}")
    country = _upper(item.get("country", base.country if base else None))
    sector = _upper(item.get("sector", base.sector if base else None)) or default_sector
    org = item.get("org", base.org if base else None)
    role = item.get("role", base.role if base else None)
    code = _upper(item.get("code"))
    if not code and base is not None and base.code != (base.country or "") + (base.sector or ""):
        code = base.code  # an explicit code of the entry carries over to its roles
    if not code:
        code = (country or "") + (sector or "")
    if not code and org:
        code = str(org).upper()
    if not code and base is None and required:
        raise DictionaryError(f"{where}: give a country, sector, org or code for this actor")
    start, end = _date(where, item.get("from")), _date(where, item.get("to"))
    if start and end and end <= start:
        raise DictionaryError(f"{where}: 'to' ({end}) must be after 'from' ({start})")
    return Variant(
        code, country, sector, str(org) if org else None, str(role) if role else None, start, end
    )


def _upper(value: Any) -> str | None:
    return str(value).strip().upper() if value else None


def _date(where: str, value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None


def _read_sectors(path: Path, value: Any, line: int) -> Iterator[AgentEntry]:
    if not isinstance(value, dict):
        raise DictionaryError(f"{path}:{line}: 'sectors' maps a code to a list of phrases")
    where = f"{path}:{getattr(value, 'line', line)}"
    for code, phrases in value.items():
        if not isinstance(phrases, list):
            raise DictionaryError(f"{where}: sector {code} must map to a list of phrases")
        for phrase in phrases:
            yield AgentEntry(str(phrase), suffix=str(code).upper(), role=None, origin=where)


def _read_agent(path: Path, item: Any) -> Iterator[AgentEntry]:
    where = _where(path, item)
    if not isinstance(item, dict) or not item.get("phrase"):
        raise DictionaryError(f"{where}: each agent needs 'phrase:' and 'code:' or 'prefix:'")
    code, prefix = _upper(item.get("code")) or "", _upper(item.get("prefix")) or ""
    if not code and not prefix:
        raise DictionaryError(f"{where}: agent '{item['phrase']}' needs 'code:' or 'prefix:'")
    phrases = item["phrase"] if isinstance(item["phrase"], list) else [item["phrase"]]
    role = item.get("role")
    for phrase in phrases:
        yield AgentEntry(
            str(phrase), suffix=code, prefix=prefix, role=str(role) if role else None, origin=where
        )
