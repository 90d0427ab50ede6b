"""The claims vocabulary (``data/grammar/claims.yaml``) as an immutable record."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from newsevents.errors import DictionaryError

WORD_LISTS = (
    "place_target_roots",
    "foreign_place_roots",
    "about_event_codes",
    "document_nouns",
    "mishap_nouns",
    "toll_roots",
    "quantity_nouns",
    "participation_verbs",
    "local_victim_roots",
    "local_victim_sectors",
    "weapon_nouns",
    "reported_accusation_roots",
    "origin_source_roots",
    "declared_threat_roots",
    "riot_roots",
    "rioters",
    "speech_verbs",
    "allegation_verbs",
    "hedging_speakers",
    "accusation_verbs",
    "denial_verbs",
    "negators",
    "intent_verbs",
    "intent_adjectives",
    "threat_verbs",
    "refusal_verbs",
    "appeal_verbs",
    "demand_verbs",
    "event_object_verbs",
    "light_verbs",
    "setting_prepositions",
    "frame_prepositions",
    "place_nouns",
    "future_markers",
    "hypothetical_markers",
    "conditional_marks",
)
CODE_MAPS = (
    "intent_codes",
    "threat_codes",
    "refusal_codes",
    "appeal_codes",
    "demand_codes",
    "official_protest_codes",
)


@dataclass(frozen=True, slots=True)
class ClaimVocabulary:
    place_target_roots: frozenset[str]
    foreign_place_roots: frozenset[str]
    about_event_codes: frozenset[str]
    document_nouns: frozenset[str]
    mishap_nouns: frozenset[str]
    toll_roots: frozenset[str]
    quantity_nouns: frozenset[str]
    participation_verbs: frozenset[str]
    local_victim_roots: frozenset[str]
    local_victim_sectors: frozenset[str]
    weapon_nouns: frozenset[str]
    reported_accusation_roots: frozenset[str]
    origin_source_roots: frozenset[str]
    declared_threat_roots: frozenset[str]
    riot_roots: frozenset[str]
    rioters: frozenset[str]
    speech_verbs: frozenset[str]
    allegation_verbs: frozenset[str]
    hedging_speakers: frozenset[str]
    accusation_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    negators: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    threat_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    demand_verbs: frozenset[str]
    event_object_verbs: frozenset[str]
    light_verbs: frozenset[str]
    setting_prepositions: frozenset[str]
    frame_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    future_markers: frozenset[str]
    hypothetical_markers: frozenset[str]
    conditional_marks: frozenset[str]
    intent_codes: tuple[tuple[str, str], ...]
    threat_codes: tuple[tuple[str, str], ...]
    refusal_codes: tuple[tuple[str, str], ...]
    appeal_codes: tuple[tuple[str, str], ...]
    demand_codes: tuple[tuple[str, str], ...]
    official_protest_codes: tuple[tuple[str, str], ...]

    @property
    def control_verbs(self) -> frozenset[str]:
        """Verbs whose complement is the event (intent, threat, refusal, appeal, demand)."""
        return (
            self.intent_verbs
            | self.threat_verbs
            | self.refusal_verbs
            | self.appeal_verbs
            | self.demand_verbs
        )

    @classmethod
    def load(cls) -> ClaimVocabulary:
        path = resources.files("newsevents") / "data" / "grammar" / "claims.yaml"
        return cls.from_mapping(yaml.safe_load(path.read_text(encoding="utf-8")), origin=str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], *, origin: str) -> ClaimVocabulary:
        missing = [key for key in (*WORD_LISTS, *CODE_MAPS) if key not in data]
        if missing:
            raise DictionaryError(f"{origin}: missing keys {', '.join(missing)}")
        words = {key: frozenset(str(w).lower() for w in data[key]) for key in WORD_LISTS}
        maps = {
            key: tuple(sorted(((str(k), str(v)) for k, v in data[key].items()), key=_longest))
            for key in CODE_MAPS
        }
        return cls(**words, **maps)  # type: ignore[arg-type]


def _longest(item: tuple[str, str]) -> int:
    return -len(item[0])


def recode(code: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """The code a complement event takes under a control verb; None when the table has no entry.

    The longest key that prefixes ``code`` wins; the value ``keep`` keeps the code.
    """
    for key, value in table:
        if code.startswith(key):
            return code if value == "keep" else value
    return None
