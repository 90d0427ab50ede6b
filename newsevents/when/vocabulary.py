"""The temporal vocabulary, read from ``newsevents/data/when/vocabulary.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import DictionaryError

VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "data" / "when" / "vocabulary.yaml"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Weekday and month names, relative day words, unresolvable expressions, tense markers."""

    weekdays: tuple[str, ...]  # Monday first, as datetime.date.weekday() counts
    months: Mapping[str, int]
    relative_days: Mapping[str, int]
    unresolved: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    event_anaphors: frozenset[str]

    @classmethod
    def load(cls, path: Path = VOCABULARY_FILE) -> Vocabulary:
        """Read the vocabulary file; a malformed file raises DictionaryError."""
        try:
            data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            weekdays = tuple(str(w).lower() for w in data["weekdays"])
            if len(weekdays) != 7:
                raise ValueError("weekdays must list 7 names, Monday first")
            return cls(
                weekdays=weekdays,
                months={str(k).lower(): int(v) for k, v in data["months"].items()},
                relative_days={str(k).lower(): int(v) for k, v in data["relative_days"].items()},
                unresolved=tuple(str(u).lower() for u in data["unresolved"]),
                future_auxiliaries=frozenset(str(a).lower() for a in data["future_auxiliaries"]),
                future_governors=frozenset(str(g).lower() for g in data["future_governors"]),
                event_anaphors=frozenset(str(n).lower() for n in data["event_anaphors"]),
            )
        except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DictionaryError(
                f"{path}: cannot read the temporal vocabulary ({exc}); fix the file"
            ) from exc
